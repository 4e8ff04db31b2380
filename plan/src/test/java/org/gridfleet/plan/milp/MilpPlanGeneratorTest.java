package org.gridfleet.plan.milp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.ProblemBuilder;
import org.gridfleet.testkit.RandomProblems;
import org.gridfleet.testkit.Tolerance;
import org.junit.jupiter.api.Test;

/** MILP plans for small cases worked out by hand in the comments; islanded, hourly, linear costs. */
class MilpPlanGeneratorTest {
    private static final double MONEY = Tolerance.MONEY;

    private final MilpPlanGenerator milp = new MilpPlanGenerator(MilpOptions.DEFAULT.withRelativeGap(0));

    /**
     * <pre>
     *   G  100 kW, min 0, 5 $/h + 0.10 $/kWh, hot start 2 $, cold start 20 $ after 3 h off, off for long
     *   demand 50 │ 0 │ 0 │ 0 │ 50 kW
     * </pre>
     * The start at 00:00 is cold (20 $), and 50 kW costs 5 + 5 = 10 $ in each of the two busy hours. Over the three
     * idle hours: idling on costs 15 $, three hours off make the restart cold (20 $), two hours off and one idling
     * cost 2 + 5 = 7 $. Total 20 + 20 + 7 = 47 $, with starts of 20 + 2 = 22 $.
     */
    @Test
    void shortBreakMakesTheRestartHot() {
        Generator g = generator("G", 100, 0, new CostCurve.Quadratic(5, 0.10, 0), 0, new StartUp(2, 20, 3, 0), InitialState.LONG_OFF);
        PlanningProblem problem = ProblemBuilder.hourly("hot restart", "2026-11-23T00:00:00Z", 5)
                .add(g).demand("EU-1", 50, 0, 0, 0, 50).build();

        DispatchPlan plan = plan(problem);
        PlanMetrics metrics = new PlanEvaluator().evaluate(plan, problem);

        assertThat(metrics.cost().totalCost()).isCloseTo(47, within(MONEY));
        assertThat(metrics.cost().startUpCost()).isCloseTo(22, within(MONEY));
        assertThat(plan.schedule(AssetId.of("G")).orElseThrow().committed().stream().filter(on -> !on).count()).isEqualTo(2);
        assertThat(plan.status()).isInstanceOf(PlanStatus.Optimal.class);
    }

    /**
     * <pre>
     *   A  100 kW, min  0, 0.30 $/kWh
     *   B  100 kW, min 40, 12 $/h + 0.10 $/kWh, minimum up time 3 h
     *   demand 100 │ 50 │ 50 kW
     * </pre>
     * 00:00: B alone costs 12 + 10 = 22 $ (A: 30 $). Afterwards 50 kW from A costs 15 $, from B 12 + 5 = 17 $ (B at
     * its minimum 40 and A 10: 16 + 3 = 19 $). B started at 00:00 must run until 03:00: 22 + 17 + 17 = 56 $; without
     * the minimum up time it would stop: 22 + 15 + 15 = 52 $.
     */
    @Test
    void minimumUpTimeKeepsAUnitOn() {
        Generator a = generator("A", 100, 0, new CostCurve.Quadratic(0, 0.30, 0), 0, StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF);
        PlanningProblem bound = twoUnits(a, generator("B", 100, 40, new CostCurve.Quadratic(12, 0.10, 0), 3,
                StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF), 100, 50, 50);
        PlanningProblem free = twoUnits(a, generator("B", 100, 40, new CostCurve.Quadratic(12, 0.10, 0), 0,
                StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF), 100, 50, 50);

        DispatchPlan plan = plan(bound);

        assertThat(plan.schedule(AssetId.of("B")).orElseThrow().committed()).containsExactly(true, true, true);
        assertThat(cost(plan, bound)).isCloseTo(56, within(MONEY));
        assertThat(plan(free).schedule(AssetId.of("B")).orElseThrow().committed()).containsExactly(true, false, false);
        assertThat(cost(plan(free), free)).isCloseTo(52, within(MONEY));
    }

    /**
     * B as above, but on for 1 h at 50 kW when the horizon starts: it still owes 2 h. Demand 50 │ 50 │ 50 kW:
     * B runs 00:00–02:00 at 17 $ an hour, then A takes over at 15 $: 49 $.
     */
    @Test
    void initialStateOwesTheRestOfTheMinimumUpTime() {
        Generator a = generator("A", 100, 0, new CostCurve.Quadratic(0, 0.30, 0), 0, StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF);
        Generator b = generator("B", 100, 40, new CostCurve.Quadratic(12, 0.10, 0), 3, StartUp.FREE_AND_INSTANT,
                new InitialState(true, 1, 50));
        PlanningProblem problem = twoUnits(a, b, 50, 50, 50);

        DispatchPlan plan = plan(problem);

        assertThat(plan.schedule(AssetId.of("B")).orElseThrow().committed()).containsExactly(true, true, false);
        assertThat(cost(plan, problem)).isCloseTo(49, within(MONEY));
    }

    /** GEN-A 600 + GEN-B 300 + battery 100 kW cannot serve 1 200 and 1 500 kW: the plan says where and by how much. */
    @Test
    void undersizedFleetIsInfeasibleWithItsShortfalls() {
        PlanningProblem problem = Fleets.undersizedFleet();

        DispatchPlan plan = plan(problem);

        assertThat(plan.status()).isInstanceOf(PlanStatus.Infeasible.class);
        PlanStatus.Infeasible infeasible = (PlanStatus.Infeasible) plan.status();
        assertThat(infeasible.reason()).startsWith("combined output is short of demand in 2 of 4 intervals").contains("shed load");
        assertThat(infeasible.shortfalls()).filteredOn(s -> s.kind() == Shortfall.Kind.DEMAND)
                .extracting(Shortfall::interval).containsExactly(1, 2);
        // demand comes first: the battery gives all it has and ends below its target, which the checker notes
        assertThat(new PlanChecker().check(plan, problem)).extracting(Violation::rule).containsExactly(Violation.Rule.FINAL_SOC);
    }

    /**
     * <pre>
     *   CHEAP  100 kW, 0.05 $/kWh      DEAR  100 kW, 0.20 $/kWh (the dearest rate: 0.20 $/kWh)
     *   BAT    50 kW, 100 kWh, half full, target: end half full      demand 50 │ 50 kW
     * </pre>
     * Discharging the battery saves 0.05 $ per kWh of CHEAP's output, but every stored kWh missing at the end is
     * valued at 0.20 $/ηc: the battery is kept, and what self-discharge takes is charged back from CHEAP. With the
     * end target off it is emptied instead.
     */
    @Test
    void storeIsRefilledToItsTargetWhereThatIsCheap() {
        PlanningProblem problem = ProblemBuilder.hourly("refill", "2026-11-23T00:00:00Z", 2)
                .add(Assets.generator("CHEAP", DeviceType.RECIPROCATING_ENGINE, 100, 0, new CostCurve.Quadratic(0, 0.05, 0)))
                .add(Assets.generator("DEAR", DeviceType.MICROTURBINE, 100, 0, new CostCurve.Quadratic(0, 0.20, 0)))
                .add(Assets.storage("BAT", DeviceType.BATTERY, 50, 100, 0.5))
                .demand("EU-1", 50, 50).build();

        DispatchPlan kept = plan(problem);
        DispatchPlan drained = new MilpPlanGenerator(MilpOptions.DEFAULT.withRelativeGap(0).withFinalSocTargets(false))
                .generate(problem).getFirst();

        assertThat(new PlanChecker().check(kept, problem)).isEmpty();
        assertThat(kept.schedule(AssetId.of("BAT")).orElseThrow().socFraction().get(1)).isGreaterThanOrEqualTo(0.5 - 1e-9);
        assertThat(drained.schedule(AssetId.of("BAT")).orElseThrow().socFraction().get(1)).isLessThan(0.01);
    }

    @Test
    void sameProblemGivesTheSamePlan() {
        for (PlanningProblem problem : List.of(Fleets.everyDeviceType(), RandomProblems.problem(3, 12, 24))) {
            MilpPlanGenerator generator = new MilpPlanGenerator();
            assertThat(generator.generate(problem)).isEqualTo(generator.generate(problem));
        }
    }

    private DispatchPlan plan(PlanningProblem problem) {
        List<DispatchPlan> plans = milp.generate(problem);
        assertThat(plans).hasSize(1);
        assertThat(new PlanChecker().check(plans.getFirst(), problem)).filteredOn(v -> v.hard() || plans.getFirst().status().meetsRequirements())
                .isEmpty();
        return plans.getFirst();
    }

    private static double cost(DispatchPlan plan, PlanningProblem problem) {
        return new PlanEvaluator().evaluate(plan, problem).cost().totalCost();
    }

    private static PlanningProblem twoUnits(Generator a, Generator b, double... demandKw) {
        return ProblemBuilder.hourly("two units", "2026-11-23T00:00:00Z", demandKw.length).add(a).add(b).demand("EU-1", demandKw).build();
    }

    /** A generator that ramps over its whole range in a minute, with no minimum down time. */
    private static Generator generator(String id, double ratedKw, double minKw, CostCurve cost, double minUpHours, StartUp startUp,
                                       InitialState initial) {
        return new Generator(Assets.info(id, DeviceType.RECIPROCATING_ENGINE, ratedKw), minKw, ratedKw, ratedKw, minUpHours, 0,
                startUp, initial, cost, RunHourLimit.NONE, 0.5);
    }
}
