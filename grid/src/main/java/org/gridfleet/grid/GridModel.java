package org.gridfleet.grid;

import static java.util.Objects.requireNonNull;

import com.powsybl.iidm.network.Network;
import java.util.List;

/**
 * A network ready for AC power flow: the PowSyBl IIDM network and, for mapping results back, our ids of its buses
 * and branches. Built from a MATPOWER case ({@link MatpowerNetworks}) or from a fleet's network
 * ({@link FleetNetworks}); the power flow and its results do not care which.
 *
 * @param slackBus our id of the slack bus
 */
public record GridModel(Network iidm, List<BusRef> buses, List<BranchRef> branches, String slackBus) {
    public GridModel {
        requireNonNull(iidm, "iidm");
        requireNonNull(slackBus, "slackBus");
        buses = List.copyOf(buses);
        branches = List.copyOf(branches);
    }

    /** One bus: our id, its nominal kV, and its ids in the IIDM network. */
    public record BusRef(String id, double nominalKv, String voltageLevelId, String iidmBusId) {}

    /**
     * One branch (line or transformer): our id, its end buses, its id in the IIDM network, and its thermal rating
     * as a current in A at each end ({@code NaN} when unrated).
     */
    public record BranchRef(String id, String fromBus, String toBus, Kind kind, String iidmId, double ratingFromA, double ratingToA) {
        public boolean isRated() {
            return Double.isFinite(ratingFromA) && Double.isFinite(ratingToA);
        }
    }

    public enum Kind { LINE, TRANSFORMER }

    /** Current in A through a three-phase terminal carrying {@code pMw} and {@code qMvar} at {@code kv} line to line. */
    static double currentA(double pMw, double qMvar, double kv) {
        return Math.hypot(pMw, qMvar) * 1000 / (Math.sqrt(3) * kv);
    }

    /** Rated current in A of an apparent-power rating {@code kva} at {@code kv} line to line. */
    static double ratedCurrentA(double kva, double kv) {
        return kva / (Math.sqrt(3) * kv);
    }
}
