package org.gridfleet.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.problem.DataFlag;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * The planning problem of the rest of the horizon, as the day stands now: intervals {@code from} to the end,
 * generators starting in the state their telemetry shows, stores at their reported state of charge, the lost units
 * unavailable throughout, and the end-users' demand scaled by what the day has shown so far.
 */
final class RemainingHorizon {
    private RemainingHorizon() {}

    /**
     * @param from          the first interval of {@code problem} to plan (the one in progress)
     * @param live          each device's latest telemetry (absent: as the problem says)
     * @param onSince       when each generator was last seen to switch on or off (absent: unknown)
     * @param lost          devices unavailable for the rest of the horizon
     * @param demandScale   factor on every end-user's remaining demand (1 for the forecast as it is)
     */
    static PlanningProblem of(PlanningProblem problem, int from, Map<AssetId, Telemetry> live, Map<AssetId, Instant> onSince, Set<AssetId> lost,
                              double demandScale, Instant now) {
        TimeGrid grid = problem.grid();
        if (from < 0 || from >= grid.intervals()) {
            throw new IllegalArgumentException("interval " + from + " outside the horizon of " + grid.intervals());
        }
        int n = grid.intervals() - from;
        TimeGrid rest = new TimeGrid(grid.startOf(from), grid.step(), n);

        List<Asset> assets = new ArrayList<>(problem.assets().size());
        Map<AssetId, Profile> availability = new HashMap<>();
        Map<AssetId, Profile> forecast = new HashMap<>();
        for (Asset asset : problem.assets()) {
            Telemetry t = live.get(asset.id());
            assets.add(switch (asset) {
                case Generator g -> withInitialState(g, t, onSince.get(g.id()), grid.start(), now);
                case Renewable r -> r;
                case Storage s -> withInitialSoc(s, t);
            });
            availability.put(asset.id(), lost.contains(asset.id()) ? Profile.zeros(n) : slice(problem.availability().get(asset.id()), from));
            if (asset instanceof Renewable) {
                forecast.put(asset.id(), slice(problem.forecastKw().get(asset.id()), from));
            }
        }
        Map<EndUserId, Profile> demand = new HashMap<>();
        for (Map.Entry<EndUserId, Profile> e : problem.demandKwByEndUser().entrySet()) {
            demand.put(e.getKey(), slice(e.getValue(), from).map(kw -> kw * demandScale));
        }
        List<DataFlag> flags = new ArrayList<>();
        for (DataFlag f : problem.flags()) {
            if (f.toInterval() >= from) {
                flags.add(new DataFlag(f.series(), Math.max(0, f.fromInterval() - from), f.toInterval() - from, f.kind(), f.note()));
            }
        }
        return new PlanningProblem(problem.name(), problem.currency(), rest, assets, problem.endUsers(), problem.network(), availability, forecast,
                demand, slice(problem.salePricePerKwh(), from), slice(problem.importTariffPerKwh(), from), problem.gridConnection(), problem.reserve(),
                flags);
    }

    private static Profile slice(Profile p, int from) {
        double[] all = p.toArray();
        return Profile.of(Arrays.copyOfRange(all, from, all.length));
    }

    /** The generator as its telemetry shows it now: running (at its output, held within its range) or stopped. */
    static Generator withInitialState(Generator g, Telemetry t, Instant since, Instant horizonStart, Instant now) {
        if (t == null) {
            return g;
        }
        boolean on = (t.state() == OperatingState.RUNNING || t.state() == OperatingState.STARTING) && t.powerKw() > 0;
        double hours;
        if (since != null) {
            hours = Duration.between(since, now).toMillis() / 3_600_000.0;
        } else if (on == g.initialState().on()) { // unchanged since the horizon began, as far as the center knows
            hours = g.initialState().hoursInState() + Duration.between(horizonStart, now).toMillis() / 3_600_000.0;
        } else {
            hours = 0;
        }
        hours = Math.max(0, hours);
        double powerKw = on ? Math.max(g.minStablePowerKw(), Math.min(g.ratedPowerKw(), t.powerKw())) : 0;
        return new Generator(g.info(), g.minStablePowerKw(), g.rampUpKwPerMin(), g.rampDownKwPerMin(), g.minUpTimeHours(), g.minDownTimeHours(),
                g.startUp(), new InitialState(on, hours, powerKw), g.costCurve(), g.runHourLimit(), g.co2KgPerKwh());
    }

    /** The store at its reported state of charge (held within its limits), its end target held within them too. */
    static Storage withInitialSoc(Storage s, Telemetry t) {
        if (t == null || t.socFraction().isEmpty()) {
            return s;
        }
        double soc = Math.max(s.minSoc(), Math.min(s.maxSoc(), t.socFraction().getAsDouble()));
        return new Storage(s.info(), s.energyCapacityKwh(), s.maxChargeKw(), s.maxDischargeKw(), s.chargeEfficiency(), s.dischargeEfficiency(),
                s.selfDischargePerHour(), s.minSoc(), s.maxSoc(), soc, s.finalSoc(), s.degradationCostPerKwh());
    }
}
