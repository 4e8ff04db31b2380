package org.gridfleet.plan.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.testkit.Assets.generator;
import static org.gridfleet.testkit.Assets.info;

import java.time.Instant;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.milp.MilpPlanGenerator;
import org.gridfleet.testkit.ProblemBuilder;
import org.gridfleet.testkit.Tolerance;
import org.junit.jupiter.api.Test;

/** Small hand cases whose clearing, arbitrage, declines and cost gap are worked out in the Javadoc of each test. */
class AgentPlanGeneratorTest {
    private static final String START = "2026-11-23T00:00:00Z";

    private final AgentPlanGenerator agents = new AgentPlanGenerator();
    private final PlanEvaluator evaluator = new PlanEvaluator();

    private static CostCurve linear(double perKwh) {
        return new CostCurve.Quadratic(0, perKwh, 0);
    }

    /**
     * Three units with linear costs and no minimum: merit order A, B, C. Demand 250 kW takes A's 200 kW and 50 kW of B,
     * so B sets the price, 0.15; demand 550 kW takes A and B whole and 50 kW of C, price 0.20. Cost 27.5 + 75 = 102.5.
     *
     * <pre>
     *   A 200 kW at 0.10 $/kWh    B 300 kW at 0.15 $/kWh    C 400 kW at 0.20 $/kWh     demand 250 │ 550 kW
     * </pre>
     */
    static PlanningProblem threeLinearUnits() {
        return ProblemBuilder.hourly("three linear units", START, 2)
                .add(generator("A", DeviceType.RECIPROCATING_ENGINE, 200, 0, linear(0.10)))
                .add(generator("B", DeviceType.MICROTURBINE, 300, 0, linear(0.15)))
                .add(generator("C", DeviceType.FUEL_CELL, 400, 0, linear(0.20)))
                .demand("EU-1", 250, 550)
                .build();
    }

    @Test
    void threeLinearUnitsClearAtTheMarginalUnitsPrice() {
        PlanningProblem problem = threeLinearUnits();
        AgentOutcome outcome = agents.negotiate(problem);
        DispatchPlan plan = outcome.plan();

        assertThat(outcome.clearingPricePerKwh().get(0)).isCloseTo(0.15, within(1e-9));
        assertThat(outcome.clearingPricePerKwh().get(1)).isCloseTo(0.20, within(1e-9));
        assertThat(plan.schedule(AssetId.of("A")).orElseThrow().powerKw().toArray()).containsExactly(new double[] {200, 200}, within(1e-6));
        assertThat(plan.schedule(AssetId.of("B")).orElseThrow().powerKw().toArray()).containsExactly(new double[] {50, 300}, within(1e-6));
        assertThat(plan.schedule(AssetId.of("C")).orElseThrow().powerKw().toArray()).containsExactly(new double[] {0, 50}, within(1e-6));
        assertThat(evaluator.evaluate(plan, problem).cost().totalCost()).isCloseTo(102.5, within(Tolerance.MONEY));
        assertThat(outcome.converged()).isTrue();
        assertThat(new PlanChecker().check(plan, problem)).isEmpty();
    }

    /**
     * Cheap energy at night, dear at the peak, and a battery between: 0.05 $/kWh stored through ηc = ηd = 0.95 costs
     * 0.05 / 0.9025 + 2 × 0.01 degradation = 0.0754 $/kWh delivered, below the dear unit's 0.30, so the battery charges
     * in the cheap intervals and discharges in the dear ones, ending at its target.
     *
     * <pre>
     *   CHEAP 1000 kW at 0.05    DEAR 1000 kW at {@code dearPerKwh}    demand 500 │ 500 │ 1500 │ 1500 kW
     *   BAT   200 kW / 400 kWh, soc 0.1..1 from 0.1, target 0.1, ηc = ηd = 0.95, 0.01 $/kWh degradation
     * </pre>
     */
    static PlanningProblem cheapNightDearPeak(double dearPerKwh) {
        Storage battery = new Storage(info("BAT", DeviceType.BATTERY, 200), 400, 200, 200, 0.95, 0.95, 0, 0.1, 1.0, 0.1, 0.1, 0.01);
        return ProblemBuilder.hourly("cheap night, dear peak", START, 4)
                .add(generator("CHEAP", DeviceType.RECIPROCATING_ENGINE, 1000, 0, linear(0.05)))
                .add(generator("DEAR", DeviceType.EMERGENCY_GENERATOR, 1000, 0, linear(dearPerKwh)))
                .add(battery)
                .demand("EU-1", 500, 500, 1500, 1500)
                .build();
    }

    @Test
    void storageChargesInCheapIntervalsAndDischargesInDearOnes() {
        PlanningProblem problem = cheapNightDearPeak(0.30);
        DispatchPlan plan = agents.generate(problem).getFirst();
        double[] battery = plan.schedule(AssetId.of("BAT")).orElseThrow().powerKw().toArray();

        assertThat(battery[0]).isNegative();
        assertThat(battery[1]).isNegative();
        assertThat(battery[2]).isPositive();
        assertThat(battery[3]).isPositive();
        assertThat(plan.schedule(AssetId.of("BAT")).orElseThrow().socFraction().get(3)).isGreaterThanOrEqualTo(0.1 - Tolerance.FRACTION);
        assertThat(new PlanChecker().check(plan, problem)).isEmpty();
    }

    @Test
    void storageStaysIdleWhenTheSpreadDoesNotPayForLossesAndDegradation() {
        PlanningProblem problem = cheapNightDearPeak(0.07); // below 0.0754
        DispatchPlan plan = agents.generate(problem).getFirst();

        assertThat(plan.schedule(AssetId.of("BAT")).orElseThrow().powerKw().toArray()).containsOnly(0.0);
        assertThat(new PlanChecker().check(plan, problem)).isEmpty();
    }

    /** A cheap unit in maintenance from 01:00 to 03:00 declines there, and the dear one covers for it. */
    @Test
    void unitInMaintenanceDeclinesAndTheOtherCovers() {
        PlanningProblem problem = ProblemBuilder.hourly("maintenance", START, 4)
                .add(generator(info("CHEAP", DeviceType.RECIPROCATING_ENGINE, 500, 1, true, 0,
                        ProblemBuilder.maintenance(Instant.parse("2026-11-23T01:00:00Z"), 2, "overhaul")), 0, linear(0.05)))
                .add(generator("DEAR", DeviceType.EMERGENCY_GENERATOR, 500, 0, linear(0.30)))
                .demand("EU-1", 300, 300, 300, 300)
                .build();
        AgentOutcome outcome = agents.negotiate(problem);

        assertThat(outcome.declines()).containsExactly(new Decline(AssetId.of("CHEAP"), 1, 2, Decline.Reason.MAINTENANCE));
        assertThat(outcome.plan().schedule(AssetId.of("CHEAP")).orElseThrow().powerKw().toArray()).containsExactly(300, 0, 0, 300);
        assertThat(outcome.plan().schedule(AssetId.of("DEAR")).orElseThrow().powerKw().toArray()).containsExactly(0, 300, 300, 0);
        assertThat(outcome.plan().status()).isInstanceOf(PlanStatus.Heuristic.class);
        assertThat(new PlanChecker().check(outcome.plan(), problem)).isEmpty();
    }

    /**
     * Where ranking by full-load cost misleads: A costs 50 $/h to keep on plus 0.05 $/kWh (0.10 $/kWh at its full
     * 1000 kW), B 0.12 $/kWh flat. Agents commit A first in both hours: 50 + 5 = 55 at 100 kW and 50 + 45 = 95 at
     * 900 kW, 150 in all. The optimum runs B at 100 kW (12) and A at 900 kW (95): 107. Gap 43 / 107 = 40.19 %.
     */
    @Test
    void costGapToTheMilpOnANoLoadCostCaseIsTheHandComputedOne() {
        PlanningProblem problem = ProblemBuilder.hourly("no-load cost", START, 2)
                .add(generator("A", DeviceType.RECIPROCATING_ENGINE, 1000, 0, new CostCurve.Quadratic(50, 0.05, 0)))
                .add(generator("B", DeviceType.MICROTURBINE, 1000, 0, linear(0.12)))
                .demand("EU-1", 100, 900)
                .build();
        DispatchPlan agentPlan = agents.generate(problem).getFirst();
        DispatchPlan milpPlan = new MilpPlanGenerator().generate(problem).getFirst();
        double agentCost = evaluator.evaluate(agentPlan, problem).cost().totalCost();
        double milpCost = evaluator.evaluate(milpPlan, problem).cost().totalCost();

        assertThat(milpPlan.status()).isInstanceOf(PlanStatus.Optimal.class);
        assertThat(agentCost).isCloseTo(150, within(Tolerance.MONEY));
        assertThat(milpCost).isCloseTo(107, within(1e-4));
        assertThat((agentCost - milpCost) / milpCost).isCloseTo(43.0 / 107, within(1e-6));
    }

    /** The MILP proves its plan optimal, so no agent plan may cost less (linear costs: both judged exactly). */
    @Test
    void agentPlansNeverCostLessThanTheProvenOptimum() {
        for (PlanningProblem problem : new PlanningProblem[] {threeLinearUnits(), cheapNightDearPeak(0.30), cheapNightDearPeak(0.07)}) {
            DispatchPlan milpPlan = new MilpPlanGenerator().generate(problem).getFirst();
            double agentCost = evaluator.evaluate(agents.generate(problem).getFirst(), problem).cost().totalCost();

            assertThat(milpPlan.status()).as(problem.name()).isInstanceOf(PlanStatus.Optimal.class);
            assertThat(agentCost).as(problem.name()).isGreaterThanOrEqualTo(evaluator.evaluate(milpPlan, problem).cost().totalCost() - 1e-4);
        }
    }
}
