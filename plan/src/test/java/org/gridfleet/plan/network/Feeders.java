package org.gridfleet.plan.network;

import java.util.List;
import java.util.Optional;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.fleet.Transformer;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.testkit.Assets;

/**
 * Small feeders for the network tests, each drawn below, and what it takes to put devices and end-users on their
 * buses (the testkit puts everything on one bus and builds problems without a network). Per-unit values on the
 * 1000-kVA base: at 10 kV the impedance base is 100 Ω, so ohm / 100 = pu.
 */
public final class Feeders {
    public static final BusId S = BusId.of("S");
    public static final BusId A = BusId.of("A");
    public static final BusId B = BusId.of("B");

    private Feeders() {}

    /**
     * <pre>
     *   S (10 kV, slack 1.02 pu) ──L1: 2 + j4 Ω, 100 A── A (10 kV) ══T1: 10/0.4 kV, 500 kVA, 1 + j4 %, tap 1.025══ B (0.4 kV)
     * </pre>
     * Listed leaf first, so that the feeder has to order it.
     */
    public static Network threeBus() {
        return new Network(List.of(new Bus(B, 0.4), new Bus(A, 10), new Bus(S, 10)),
                List.of(new Line("L1", S, A, 2, 4, 0, 100)),
                List.of(new Transformer("T1", A, B, 500, 1, 4, 1.025)), Optional.of(S), 1.02);
    }

    /**
     * <pre>
     *   S (10 kV, slack 1.0 pu) ──L1: R + jX Ω, rating A── A (10 kV)
     * </pre>
     */
    public static Network twoBus(double resistanceOhm, double reactanceOhm, double ratingA) {
        return new Network(List.of(new Bus(S, 10), new Bus(A, 10)), List.of(new Line("L1", S, A, resistanceOhm, reactanceOhm, 0, ratingA)),
                Optional.of(S));
    }

    /** A device's identity on {@code bus}, with the testkit's defaults otherwise (available, may export, no O&amp;M). */
    public static AssetInfo info(String id, DeviceType type, double ratedPowerKw, BusId bus, ReactivePower reactive) {
        return new AssetInfo(AssetId.of(id), id, type, Assets.SITE, bus, ratedPowerKw, 1.0, Reliability.PERFECT, List.of(), true, 0.0, reactive);
    }

    public static EndUser endUser(String id, BusId bus, ReactivePower reactive) {
        return new EndUser(EndUserId.of(id), id, bus, CustomerClass.RESIDENTIAL, reactive);
    }

    /** {@code problem} on {@code network}. */
    public static PlanningProblem on(PlanningProblem problem, Network network) {
        return new PlanningProblem(problem.name(), problem.currency(), problem.grid(), problem.assets(), problem.endUsers(), network,
                problem.availability(), problem.forecastKw(), problem.demandKwByEndUser(), problem.salePricePerKwh(),
                problem.importTariffPerKwh(), problem.gridConnection(), problem.reserve(), problem.flags());
    }
}
