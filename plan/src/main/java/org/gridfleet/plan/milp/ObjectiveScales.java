package org.gridfleet.plan.milp;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.PlanMetrics;

/**
 * What each objective of a combination is divided by before it is weighed: its value on the merit-order plan, so
 * that with equal weights a 1 % change in emissions counts as much as a 1 % change in cost. Where the baseline's
 * value is (nearly) zero, e.g. no export and so no revenue, a size of the problem stands in: the grid-only bill for
 * money, the demand in kWh for fuel, CO2 and energy not served.
 */
final class ObjectiveScales {
    /** A baseline value below this share of the stand-in counts as zero. */
    private static final double NEGLIGIBLE = 1e-6;

    private ObjectiveScales() {}

    /** Empty for cost alone (its own unit is fine); otherwise a positive scale for every kind, from the merit-order plan. */
    static Map<ObjectiveKind, Double> of(PlanningProblem problem, Objective objective, DispatchPlan baseline) {
        if (objective.weights().keySet().equals(Set.of(ObjectiveKind.COST))) {
            return Map.of();
        }
        PlanMetrics metrics = new PlanEvaluator().evaluate(baseline, problem);
        double h = problem.grid().stepHours();
        double demandKwh = Arrays.stream(problem.demandKw().toArray()).sum() * h;
        double money = Math.max(Math.abs(metrics.savings().gridOnlyCost()), 1);
        double energy = Math.max(demandKwh, 1);

        Map<ObjectiveKind, Double> scales = new EnumMap<>(ObjectiveKind.class);
        scales.put(ObjectiveKind.COST, scale(metrics.cost().totalCost(), money));
        scales.put(ObjectiveKind.REVENUE, scale(metrics.cost().exportRevenue(), money));
        scales.put(ObjectiveKind.EFFICIENCY, scale(fuelKwh(baseline, problem), energy));
        scales.put(ObjectiveKind.EMISSIONS, scale(metrics.energy().co2Kg(), energy));
        scales.put(ObjectiveKind.RELIABILITY, scale(exposedKwh(baseline, problem), energy));
        return scales;
    }

    private static double scale(double baselineValue, double standIn) {
        return Math.abs(baselineValue) > NEGLIGIBLE * standIn ? Math.abs(baselineValue) : standIn;
    }

    /** Fuel as {@link ObjectiveTerms} counts it: the curve's where known, else output ÷ typical electrical efficiency. */
    private static double fuelKwh(DispatchPlan plan, PlanningProblem problem) {
        double h = problem.grid().stepHours();
        double fuel = 0;
        for (Asset asset : problem.assets()) {
            if (asset instanceof Generator g) {
                DeviceSchedule s = plan.schedule(g.id()).orElseThrow();
                for (int t = 0; t < s.powerKw().size(); t++) {
                    if (s.committed().get(t)) {
                        fuel += ObjectiveTerms.fuelKwhPerHour(g, s.powerKw().get(t)) * h;
                    }
                }
            }
        }
        return fuel;
    }

    /**
     * The reliability objective on the plan: Σ FOR·ℓ·h with ℓ what a device's failure leaves uncovered by the reserve
     * the others hold, R[t] taken as the committed generators' headroom plus the stores' unused discharge power (their
     * stored energy not counted: a scale, not a check).
     */
    private static double exposedKwh(DispatchPlan plan, PlanningProblem problem) {
        double h = problem.grid().stepHours();
        int n = problem.grid().intervals();
        double[] reserveKw = new double[n];
        double[][] ownKw = new double[problem.assets().size()][n];
        List<Asset> assets = problem.assets();
        for (int i = 0; i < assets.size(); i++) {
            Asset asset = assets.get(i);
            DeviceSchedule s = plan.schedule(asset.id()).orElseThrow();
            for (int t = 0; t < n; t++) {
                double a = problem.availability().get(asset.id()).get(t);
                double p = s.powerKw().get(t);
                ownKw[i][t] = switch (asset) {
                    case Generator g -> s.committed().get(t) ? Math.max(0, g.ratedPowerKw() * a - p) : 0;
                    case Storage st -> Math.max(0, st.maxDischargeKw() * a - Math.max(0, p));
                    default -> 0;
                };
                reserveKw[t] += ownKw[i][t];
            }
        }
        double exposed = 0;
        for (int i = 0; i < assets.size(); i++) {
            double rate = assets.get(i).info().reliability().forcedOutageRate();
            DeviceSchedule s = plan.schedule(assets.get(i).id()).orElseThrow();
            for (int t = 0; t < n && rate > 0; t++) {
                double lostKw = Math.max(0, s.powerKw().get(t)) + ownKw[i][t];
                exposed += rate * Math.max(0, lostKw - reserveKw[t]) * h;
            }
        }
        return exposed;
    }
}
