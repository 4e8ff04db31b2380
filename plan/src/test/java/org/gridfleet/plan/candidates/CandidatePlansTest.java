package org.gridfleet.plan.candidates;

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
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.reliability.MonteCarloReliability;
import org.gridfleet.plan.reliability.UnreliableFleets;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;

/**
 * Candidates on a small islanded fleet whose answers are worked out by hand:
 *
 * <pre>
 *   DIRTY  reciprocating engine 100 kW, 1 $/h + 0.10 $/kWh, 0.8 kg CO2/kWh, FOR 2 %
 *   CLEAN  fuel cell            100 kW, 1 $/h + 0.20 $/kWh, 0.3 kg CO2/kWh, FOR 2 %
 *   OLD    reciprocating engine 100 kW, 2 $/h + 0.30 $/kWh, 0.9 kg CO2/kWh, FOR 20 %
 *      │      │      │
 *   ───┴──────┴──────┴── B1 ── EU-1  demand 60 │ 60 kW (hourly), no reserve required
 *
 *   least-cost       DIRTY at 60 kW: 14 $, 96 kg
 *   most-revenue     nothing to sell (islanded): the cheapest plan again, so merged with least-cost
 *   least-emissions  CLEAN at 60 kW: 26 $, 36 kg
 *   most-reliable    DIRTY at 60 kW with CLEAN committed as reserve: 16 $, 96 kg, far less energy not served
 *   old-unit         (a plug-in generator) OLD at 60 kW: 40 $, 108 kg, FOR 20 %: worse than least-cost in all three
 * </pre>
 */
class CandidatePlansTest {
    private static final MilpOptions OPTIONS = MilpOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(20));

    private static PlanningProblem fleet() {
        return ProblemBuilder.hourly("dirty, clean and old", "2026-11-23T00:00:00Z", 2)
                .add(unit("DIRTY", DeviceType.RECIPROCATING_ENGINE, 1, 0.10, 0.8, failing(0.02, 8)))
                .add(unit("CLEAN", DeviceType.FUEL_CELL, 1, 0.20, 0.3, failing(0.02, 8)))
                .add(unit("OLD", DeviceType.RECIPROCATING_ENGINE, 2, 0.30, 0.9, failing(0.20, 8)))
                .demand("EU-1", 60, 60).build();
    }

    @Test
    void theObjectivesGiveDistinctPlansAndTheParetoMarksAreRight() {
        PlanningProblem problem = fleet();
        CandidateGenerator oldUnit = CandidateGenerator.of("old-unit", p -> onlyOld(p));
        List<CandidateGenerator> generators = List.of(
                CandidateGenerator.milp(CandidateKind.LEAST_COST, OPTIONS),
                CandidateGenerator.milp(CandidateKind.MOST_REVENUE, OPTIONS),
                CandidateGenerator.milp(CandidateKind.LEAST_EMISSIONS, OPTIONS),
                CandidateGenerator.milp(CandidateKind.MOST_RELIABLE, OPTIONS),
                oldUnit);

        CandidateSet set = new CandidatePlans(generators, new PlanEvaluator().withReliability(new MonteCarloReliability())).generate(problem);

        set.candidates().forEach(c -> System.out.printf("%-24s cost %6.2f $  CO2 %6.1f kg  EENS %.4f kWh  LOLP %.5f  pareto %s %s%n",
                c.name(), c.metrics().cost().totalCost(), c.metrics().energy().co2Kg(),
                c.metrics().reliability().orElseThrow().devices().eensKwh(), c.metrics().reliability().orElseThrow().devices().lolp(),
                c.pareto(), c.dominatedBy()));
        assertThat(set.candidates()).extracting(Candidate::name)
                .containsExactly("least-cost/most-revenue", "least-emissions", "most-reliable", "old-unit");
        Candidate leastCost = set.byName("least-cost").orElseThrow();
        Candidate leastEmissions = set.byName("least-emissions").orElseThrow();
        Candidate mostReliable = set.byName("most-reliable").orElseThrow();
        Candidate old = set.byName("old-unit").orElseThrow();
        assertThat(set.byName("most-revenue")).containsSame(leastCost);

        assertThat(output(leastCost, "DIRTY")).isCloseTo(60, within(1e-6));
        assertThat(output(leastEmissions, "CLEAN")).isCloseTo(60, within(1e-6));
        assertThat(CandidatePlans.samePlan(leastCost.plan(), leastEmissions.plan())).isFalse();
        assertThat(leastCost.metrics().cost().totalCost()).isCloseTo(14, within(1e-6));
        assertThat(leastCost.metrics().energy().co2Kg()).isCloseTo(96, within(1e-6));
        assertThat(leastEmissions.metrics().cost().totalCost()).isCloseTo(26, within(1e-6));
        assertThat(leastEmissions.metrics().energy().co2Kg()).isCloseTo(36, within(1e-6));
        assertThat(mostReliable.plan().schedule(AssetId.of("CLEAN")).orElseThrow().committed()).containsOnly(true);
        assertThat(eens(mostReliable)).isLessThan(eens(leastCost) / 10);

        assertThat(leastCost.pareto()).isTrue();
        assertThat(leastEmissions.pareto()).isTrue();
        assertThat(mostReliable.pareto()).isTrue();
        assertThat(old.pareto()).isFalse();
        assertThat(old.dominatedBy()).contains("least-cost/most-revenue");
        assertThat(set.paretoEfficient()).extracting(Candidate::name).containsExactly("least-cost/most-revenue", "least-emissions", "most-reliable");
        assertThat(set.hasNetwork()).isFalse();
    }

    @Test
    void everyKindRunsAndTheOrderIsStable() {
        PlanningProblem problem = fleet();

        CandidateSet first = CandidatePlans.milp(OPTIONS, List.of(CandidateKind.values())).generate(problem);
        CandidateSet again = CandidatePlans.milp(OPTIONS, List.of(CandidateKind.values())).generate(problem);

        assertThat(first.candidates().stream().flatMap(c -> c.names().stream()))
                .containsExactlyInAnyOrder("least-cost", "most-revenue", "most-reliable", "most-efficient", "least-emissions");
        assertThat(first.candidates()).extracting(Candidate::name).isEqualTo(again.candidates().stream().map(Candidate::name).toList());
        assertThat(first.candidates().getFirst().names().getFirst()).isEqualTo("least-cost");
        assertThat(first.candidates()).extracting(c -> c.metrics().reliability().orElseThrow().devices().eensKwh())
                .isEqualTo(again.candidates().stream().map(c -> c.metrics().reliability().orElseThrow().devices().eensKwh()).toList());
    }

    @Test
    void aPlanGeneratorPlugsInAsACandidate() {
        PlanningProblem problem = fleet();
        CandidatePlans plans = new CandidatePlans(List.of(CandidateGenerator.milp(CandidateKind.LEAST_COST, OPTIONS),
                CandidateGenerator.of("merit-order", new MeritOrderPlanGenerator())),
                new PlanEvaluator().withReliability(new MonteCarloReliability()));

        CandidateSet set = plans.generate(problem);

        // the merit order also runs DIRTY alone: the same plan, merged
        assertThat(set.candidates()).extracting(Candidate::name).containsExactly("least-cost/merit-order");
        assertThat(set.candidates().getFirst().plan().generator()).isEqualTo("milp");
    }

    @Test
    void theEvaluatorMustJudgeReliabilityAndNamesMustBeUnique() {
        var generator = CandidateGenerator.milp(CandidateKind.LEAST_COST, OPTIONS);
        assertThatThrownBy(() -> new CandidatePlans(List.of(generator), new PlanEvaluator()))
                .hasMessageContaining("give the evaluator a reliability assessor");
        var evaluator = new PlanEvaluator().withReliability(new MonteCarloReliability());
        assertThatThrownBy(() -> new CandidatePlans(List.of(generator, generator), evaluator)).hasMessageContaining("least-cost appears twice");
        assertThatThrownBy(() -> new CandidatePlans(List.of(CandidateGenerator.of("a/b", p -> null)), evaluator)).hasMessageContaining("'a/b'");
    }

    // ---- fixtures -------------------------------------------------------------------------------------------

    private static Generator unit(String id, DeviceType type, double noLoadPerHour, double costPerKwh, double co2KgPerKwh, Reliability r) {
        Generator g = UnreliableFleets.unit(id, type, 100, costPerKwh, co2KgPerKwh, r);
        return new Generator(g.info(), g.minStablePowerKw(), g.rampUpKwPerMin(), g.rampDownKwPerMin(), g.minUpTimeHours(), g.minDownTimeHours(),
                g.startUp(), g.initialState(), new CostCurve.Quadratic(noLoadPerHour, costPerKwh, 0), g.runHourLimit(), g.co2KgPerKwh());
    }

    /** OLD runs alone at the demand. */
    private static DispatchPlan onlyOld(PlanningProblem problem) {
        DispatchPlan merit = new MeritOrderPlanGenerator().generate(problem).getFirst();
        List<DeviceSchedule> schedules = problem.assets().stream().map(a -> a.id().value().equals("OLD")
                ? DeviceSchedule.generator(a.id(), a.type(), new double[] {60, 60}, new boolean[] {true, true})
                : DeviceSchedule.generator(a.id(), a.type(), new double[2], new boolean[2])).toList();
        return new DispatchPlan("hand", merit.objective(), merit.status(), problem.grid(), schedules, merit.importKw(), merit.exportKw());
    }

    private static double output(Candidate c, String asset) {
        return c.plan().schedule(AssetId.of(asset)).orElseThrow().powerKw().sum() / 2;
    }

    private static double eens(Candidate c) {
        return c.metrics().reliability().orElseThrow().devices().eensKwh();
    }
}
