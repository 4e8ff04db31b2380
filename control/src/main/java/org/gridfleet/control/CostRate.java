package org.gridfleet.control;

import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Running cost per hour, the same way for the plan and for live values, so the two compare: what
 * {@code PlanEvaluator} counts (module plan), per hour. A running generator costs {@code costCurve.costPerHour(P)}
 * plus O&amp;M; renewables their O&amp;M; storage O&amp;M on discharge and degradation on throughput; import at the tariff,
 * less export at the sale price. Start-ups are counted separately, as they happen.
 */
final class CostRate {
    private CostRate() {}

    /** Per hour for {@code asset} giving {@code powerKw}; {@code running} for a generator that is on (starting or running). */
    static double of(Asset asset, double powerKw, boolean running) {
        return switch (asset) {
            case Generator g -> running ? g.costCurve().costPerHour(Math.max(0, powerKw)) + g.info().omCostPerKwh() * Math.max(0, powerKw) : 0;
            case Renewable r -> r.info().omCostPerKwh() * Math.max(0, powerKw);
            case Storage s -> s.info().omCostPerKwh() * Math.max(0, powerKw) + s.degradationCostPerKwh() * Math.abs(powerKw);
        };
    }

    /** Per hour of the grid exchange in interval {@code k} of {@code problem}. */
    static double grid(PlanningProblem problem, int k, double importKw, double exportKw) {
        return problem.importTariffPerKwh().get(k) * importKw - problem.salePricePerKwh().get(k) * exportKw;
    }

    /** Per hour of the plan in its interval {@code k}, its start-ups left out. */
    static double plan(ActivePlan active, int k) {
        PlanningProblem problem = active.problem();
        DispatchPlan plan = active.plan();
        double rate = 0;
        for (Asset asset : problem.assets()) {
            DeviceSchedule s = active.schedule(asset.id());
            if (s != null) {
                rate += of(asset, s.powerKw().get(k), s.committed().get(k));
            }
        }
        return rate + grid(problem, k, plan.importKw().get(k), plan.exportKw().get(k));
    }

    /** The start-up costs the plan incurs at the start of its interval {@code k}. */
    static double planStarts(ActivePlan active, int k) {
        double cost = 0;
        for (Asset asset : active.problem().assets()) {
            if (asset instanceof Generator g) {
                DeviceSchedule s = active.schedule(g.id());
                if (s == null || !s.committed().get(k)) {
                    continue;
                }
                boolean before = k == 0 ? g.initialState().on() : s.committed().get(k - 1);
                if (!before) {
                    cost += g.startUp().costAfter(hoursOff(g, s, k, active.grid().stepHours()));
                }
            }
        }
        return cost;
    }

    private static double hoursOff(Generator g, DeviceSchedule s, int k, double stepHours) {
        int off = 0;
        for (int t = k - 1; t >= 0 && !s.committed().get(t); t--) {
            off++;
        }
        boolean offSinceStart = off == k;
        return off * stepHours + (offSinceStart && !g.initialState().on() ? g.initialState().hoursInState() : 0);
    }
}
