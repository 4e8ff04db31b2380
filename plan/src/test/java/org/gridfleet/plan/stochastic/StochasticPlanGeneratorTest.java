package org.gridfleet.plan.stochastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.plan.reliability.UnreliableFleets.failing;

import java.time.Duration;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.milp.MilpPlanGenerator;
import org.gridfleet.plan.reliability.MonteCarloOptions;
import org.gridfleet.plan.reliability.UnreliableFleets;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;

/**
 * The stochastic planner on islanded fleets whose loss-of-load probabilities are known in closed form. Units that
 * fail independently with forced outage rate {@code q} are all down at once with probability {@code q^k}.
 *
 * <pre>
 *   U1, U2, U3  identical engines 100 kW, 1 $/h + 0.10 $/kWh, FOR 5 %, MTTR 8 h
 *   demand      60 kW for 4 hours, no reserve rule, no forecast errors
 *
 *   least cost   one unit:  LOLP = 0.05,   EENS = 0.05 · 60 kW · 4 h = 12 kWh,  cost 4 · (1 + 6) = 28 $
 *   target 1 %   two units: LOLP = 0.0025, EENS = 0.6 kWh,                      cost 28 + 4 · 1   = 32 $
 * </pre>
 */
class StochasticPlanGeneratorTest {
    private static final MilpOptions MILP = MilpOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(20));
    private static final MonteCarloOptions NO_FORECAST_ERRORS = MonteCarloOptions.DEFAULT.withoutForecastErrors();
    private static final StochasticOptions OPTIONS = StochasticOptions.DEFAULT.withMilp(MILP)
            .withScenarios(NO_FORECAST_ERRORS.withSamples(2_000).withSeed(7));

    private static PlanningProblem threeEngines(int units) {
        ProblemBuilder builder = ProblemBuilder.hourly("three engines", "2026-11-23T00:00:00Z", 4);
        for (int u = 1; u <= units; u++) {
            builder.add(engine("U" + u));
        }
        return builder.demand("EU-1", 60, 60, 60, 60).build();
    }

    private static Generator engine(String id) {
        Generator g = UnreliableFleets.unit(id, DeviceType.RECIPROCATING_ENGINE, 100, 0.10, 0.7, failing(0.05, 8));
        return new Generator(g.info(), g.minStablePowerKw(), g.rampUpKwPerMin(), g.rampDownKwPerMin(), g.minUpTimeHours(),
                g.minDownTimeHours(), g.startUp(), g.initialState(), new CostCurve.Quadratic(1, 0.10, 0), g.runHourLimit(), g.co2KgPerKwh());
    }

    private static long committed(DispatchPlan plan, int t) {
        return plan.schedules().stream().filter(s -> s.committed().get(t)).count();
    }

    @Test
    void reserveIsSizedToTheTargetAndTheRoundsSayHow() {
        PlanningProblem problem = threeEngines(3);
        StochasticPlan result = new StochasticPlanGenerator(OPTIONS).plan(problem);

        assertThat(result.targetMet()).isTrue();
        assertThat(result.rounds()).hasSize(2);
        StochasticPlan.Round first = result.rounds().getFirst();
        assertThat(first.missed()).isEqualTo(4);
        assertThat(first.worstLolp()).isBetween(0.035, 0.065); // one unit: 0.05
        assertThat(first.totalCost()).isCloseTo(28, within(1e-6));
        StochasticPlan.Round second = result.rounds().get(1);
        assertThat(second.missed()).isZero();
        assertThat(second.totalCost()).isCloseTo(32, within(1e-6));
        // one unit's failure leaves 60 kW short, so the floor is the 40 kW of headroom plus 60 kW
        assertThat(result.reserveFloorKw().toArray()).containsOnly(100.0);

        DispatchPlan plan = result.plan();
        assertThat(plan.generator()).isEqualTo(StochasticPlanGenerator.NAME);
        for (int t = 0; t < 4; t++) {
            assertThat(committed(plan, t)).as("units committed in interval %d", t).isEqualTo(2);
        }
        assertThat(new PlanChecker().check(plan, problem)).noneMatch(Violation::hard);
    }

    @Test
    void outOfSampleTheStochasticPlanLosesFarLessLoadForItsExtraCost() {
        PlanningProblem problem = threeEngines(3);
        DispatchPlan deterministic = new MilpPlanGenerator(MILP).generate(problem).getFirst();
        DispatchPlan stochastic = new StochasticPlanGenerator(OPTIONS).generate(problem).getFirst();
        OutOfSample judge = new OutOfSample(NO_FORECAST_ERRORS.withSamples(40_000).withSeed(1_000_003), 10);

        OutOfSample.Judged d = judge.judge(problem, deterministic);
        OutOfSample.Judged s = judge.judge(problem, stochastic);
        // closed form, within about four standard errors of 40 000 samples (outages last hours: samples, not
        // sample-intervals, are independent)
        assertThat(d.lolp()).isCloseTo(0.05, within(0.006));
        assertThat(d.eensKwh()).isCloseTo(12, within(1.5));
        assertThat(s.lolp()).isCloseTo(0.0025, within(0.0012));
        assertThat(s.eensKwh()).isCloseTo(0.6, within(0.3));
        assertThat(d.plannedCost()).isCloseTo(28, within(1e-6));
        assertThat(s.plannedCost()).isCloseTo(32, within(1e-6));
        // islanded: nothing to import, and what a failed unit does not burn comes back: 0.05 · 4 h · 7 $/h for the
        // single unit at 60 kW
        assertThat(d.expectedRecourseCost()).isCloseTo(-1.4, within(0.15));
        assertThat(s.expectedCostWithLostLoad()).isLessThan(d.expectedCostWithLostLoad());
        assertThat(s.expectedCost()).isGreaterThan(d.expectedCost());
    }

    @Test
    void aTargetTheFleetCannotReachEndsWhenMoreReserveBuysNothing() {
        PlanningProblem problem = threeEngines(1);
        StochasticPlan result = new StochasticPlanGenerator(OPTIONS).plan(problem);
        assertThat(result.targetMet()).isFalse();
        assertThat(result.rounds()).hasSize(1);
        assertThat(result.plan().schedule(AssetId.of("U1")).orElseThrow().committed()).containsOnly(true);
    }

    @Test
    void sameInputSamePlan() {
        PlanningProblem problem = threeEngines(3);
        StochasticPlan a = new StochasticPlanGenerator(OPTIONS).plan(problem);
        StochasticPlan b = new StochasticPlanGenerator(OPTIONS).plan(problem);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void optionsThatCannotWorkAreRefused() {
        assertThatThrownBy(() -> OPTIONS.withTargetLolp(0)).hasMessageContaining("targetLolp");
        assertThatThrownBy(() -> OPTIONS.withTargetLolp(0.001))
                .hasMessageContaining("use at least 5000");
        assertThatThrownBy(() -> OPTIONS.withMilp(MILP.withReserveFloor(org.gridfleet.model.Profile.of(1, 2))))
                .hasMessageContaining("sizes the reserve floor itself");
        assertThatThrownBy(() -> new OutOfSample(NO_FORECAST_ERRORS, Double.NaN)).hasMessageContaining("value of lost load");
        assertThat(List.of(OPTIONS.maxRounds())).containsExactly(8);
    }
}
