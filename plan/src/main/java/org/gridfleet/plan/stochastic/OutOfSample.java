package org.gridfleet.plan.stochastic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.reliability.MonteCarloOptions;
import org.gridfleet.plan.reliability.MonteCarloReliability;
import org.gridfleet.plan.reliability.Outcomes;

/**
 * Judges plans on scenarios none of them was planned against: every plan meets the same sampled outages and forecast
 * errors (common random numbers, so their differences are sharp), and what the day then costs is
 * <pre>
 *   planned cost (the evaluator's, exact cost curves)
 *   + reserve deployed (generators rising along their cost curves)
 *   − fuel of failed units' output not produced
 *   + grid import at the tariff for what the devices left short, up to the import limit
 * </pre>
 * with the energy still not served reported beside it, and also priced at a value of lost load for a single figure.
 * Surplus (demand below the forecast, more sun) is neither charged nor credited, for every plan alike.
 */
public final class OutOfSample {
    /** Out-of-sample scenarios: 2 000, seed 1 000 003, far from the planners' in-sample seeds. */
    public static final MonteCarloOptions DEFAULT_SCENARIOS = MonteCarloOptions.DEFAULT.withSeed(1_000_003);

    private final MonteCarloReliability scenarios;
    private final double valueOfLostLoadPerKwh;

    /**
     * @param valueOfLostLoadPerKwh what a kWh not served costs the plant's customers, in the problem's currency, e.g.
     *                              10 (USD 10 000 per MWh, a common planning figure)
     */
    public OutOfSample(MonteCarloOptions scenarios, double valueOfLostLoadPerKwh) {
        this.scenarios = new MonteCarloReliability(requireNonNull(scenarios, "scenarios"));
        if (!(valueOfLostLoadPerKwh >= 0) || !Double.isFinite(valueOfLostLoadPerKwh)) {
            throw new IllegalArgumentException("the value of lost load must be finite and >= 0: " + valueOfLostLoadPerKwh);
        }
        this.valueOfLostLoadPerKwh = valueOfLostLoadPerKwh;
    }

    public MonteCarloOptions scenarios() {
        return scenarios.options();
    }

    public double valueOfLostLoadPerKwh() {
        return valueOfLostLoadPerKwh;
    }

    public List<Judged> judge(PlanningProblem problem, List<DispatchPlan> plans) {
        return plans.stream().map(plan -> judge(problem, plan)).toList();
    }

    public Judged judge(PlanningProblem problem, DispatchPlan plan) {
        double plannedCost = new PlanEvaluator().evaluate(plan, problem).cost().totalCost();
        Outcomes outcomes = scenarios.simulate(plan, problem);
        double[] tariff = problem.importTariffPerKwh().toArray();
        int samples = outcomes.samples();
        int n = outcomes.intervals();
        double h = outcomes.stepHours();
        double recourse = 0;
        double eensDevices = 0;
        double eens = 0;
        int shortSampleIntervals = 0;
        int samplesShort = 0;
        for (int k = 0; k < samples; k++) {
            double[] shortKw = outcomes.shortfallKw()[k];
            double cost = outcomes.reserveCost()[k] - outcomes.failedOutputCost()[k];
            boolean anyShort = false;
            for (int t = 0; t < n; t++) {
                double importKw = Math.min(shortKw[t], outcomes.importLimitKw());
                double unservedKw = shortKw[t] - importKw;
                cost += importKw * h * tariff[t];
                eensDevices += shortKw[t] * h;
                if (unservedKw > MonteCarloReliability.TOLERANCE_KW) {
                    eens += unservedKw * h;
                    shortSampleIntervals++;
                    anyShort = true;
                }
            }
            recourse += cost;
            if (anyShort) {
                samplesShort++;
            }
        }
        recourse /= samples;
        double eensKwh = eens / samples;
        return new Judged(plan.generator(), plannedCost, recourse, plannedCost + recourse, eensDevices / samples, eensKwh,
                (double) shortSampleIntervals / ((double) samples * n), (double) samplesShort / samples,
                plannedCost + recourse + valueOfLostLoadPerKwh * eensKwh);
    }

    /**
     * One plan's figures over the scenarios, expectations per day (the horizon).
     *
     * @param generator              which planner made it
     * @param plannedCost            the plan's own total cost
     * @param expectedRecourseCost   reserve deployed, less fuel not burnt by failed units, plus import
     * @param expectedCost           planned plus recourse
     * @param eensDevicesKwh         energy the plan's devices with their reserve left short (before import)
     * @param eensKwh                energy not served at all (after import)
     * @param lolp                   share of scenario-intervals with energy not served
     * @param probabilityShortDay    share of scenarios with energy not served somewhere in the day
     * @param expectedCostWithLostLoad expected cost plus the energy not served at the value of lost load
     */
    public record Judged(String generator, double plannedCost, double expectedRecourseCost, double expectedCost, double eensDevicesKwh,
                         double eensKwh, double lolp, double probabilityShortDay, double expectedCostWithLostLoad) {}
}
