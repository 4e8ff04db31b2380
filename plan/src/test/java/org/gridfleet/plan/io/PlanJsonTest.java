package org.gridfleet.plan.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.CapacityDiagnosis;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.NetworkMetrics;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.reliability.MonteCarloOptions;
import org.gridfleet.plan.reliability.MonteCarloReliability;
import org.gridfleet.plan.reliability.UnreliableFleets;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.RandomProblems;
import org.gridfleet.plan.io.PlanJson.Baseline;
import org.gridfleet.plan.io.PlanJson.Solve;
import org.gridfleet.plan.io.PlanJson.Stop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PlanJsonTest {

    @Test
    void writesTheGoldenFile() throws IOException {
        assertThat(PlanJson.write(tinyPlan())).isEqualTo(golden("tiny-plan.json"));
    }

    @Test
    void readsTheGoldenFileBackIntoAnEqualPlan() throws IOException {
        assertThat(PlanJson.read(golden("tiny-plan.json"))).isEqualTo(tinyPlan());
    }

    @Test
    void planAndMetricsRoundTrip() {
        PlanningProblem problem = RandomProblems.problem(11);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        PlanMetrics metrics = new PlanEvaluator().evaluate(plan, problem);

        String json = PlanJson.write(plan, metrics);

        assertThat(PlanJson.read(json)).isEqualTo(plan);
        assertThat(PlanJson.readMetrics(json)).contains(metrics);
    }

    @Test
    void networkMetricsRoundTripWithTheirGaps() {
        PlanningProblem problem = RandomProblems.problem(11);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        PlanMetrics plain = new PlanEvaluator().evaluate(plan, problem);
        var network = new NetworkMetrics(new NetworkMetrics.Limits(0.95, 1.05, 1.0), 4, 1,
                new NetworkMetrics.Extreme(0.9412, "f01-t4-l1", 2), new NetworkMetrics.Extreme(1.0, "sub", 0), NetworkMetrics.Extreme.NONE,
                12.5, 5.25, List.of(
                        new NetworkMetrics.Violation(2, NetworkMetrics.Violation.Kind.UNDERVOLTAGE, "f01-t4-l1", 0.9412, 0.95),
                        new NetworkMetrics.Violation(3, NetworkMetrics.Violation.Kind.NOT_CONVERGED, "MAX_ITERATION_REACHED", Double.NaN, Double.NaN)));
        PlanMetrics metrics = new PlanMetrics(plain.currency(), plain.cost(), plain.energy(), plain.service(), plain.savings(), Optional.of(network));

        String json = PlanJson.write(plan, metrics);

        assertThat(json).contains("\"worstLoading\": null").contains("\"kind\": \"not-converged\"");
        assertThat(PlanJson.readMetrics(json)).contains(metrics);
    }

    @Test
    void reliabilityMetricsRoundTrip() {
        PlanningProblem problem = UnreliableFleets.withRandomReliability(RandomProblems.problem(11), 11);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        MonteCarloOptions options = MonteCarloOptions.DEFAULT.withSamples(300).withSeed(-4_611_686_018_427_387_904L);
        PlanMetrics metrics = new PlanEvaluator().withReliability(new MonteCarloReliability(options)).evaluate(plan, problem);

        String json = PlanJson.write(plan, metrics);

        assertThat(metrics.reliability()).isPresent();
        assertThat(json).contains("\"reliability\": {").contains("\"method\": \"monte-carlo\"").contains("\"seed\": -4611686018427387904")
                .contains("\"lolpRange\": [");
        assertThat(PlanJson.readMetrics(json)).contains(metrics);
        assertThat(PlanJson.readMetrics(PlanJson.write(plan, new PlanEvaluator().evaluate(plan, problem))).orElseThrow().reliability()).isEmpty();
    }

    @Test
    void reliabilityWithABrokenRangeIsNamedWithItsPath() {
        PlanningProblem problem = UnreliableFleets.withRandomReliability(RandomProblems.problem(11), 11);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        PlanMetrics metrics = new PlanEvaluator().withReliability(new MonteCarloReliability(MonteCarloOptions.DEFAULT.withSamples(50)))
                .evaluate(plan, problem);
        String json = PlanJson.write(plan, metrics).replaceFirst("\"eensKwhRange\": \\[[^]]*]", "\"eensKwhRange\": [1.0]");

        assertThatThrownBy(() -> PlanJson.readMetrics(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'metrics.reliability.devices.eensKwhRange'");
    }

    @Test
    void fileWithoutMetricsHasNone() {
        assertThat(PlanJson.readMetrics(PlanJson.write(tinyPlan()))).isEmpty();
    }

    static Stream<PlanStatus> statuses() {
        return Stream.of(new PlanStatus.Optimal(), new PlanStatus.Feasible(0.0015), new PlanStatus.Heuristic(),
                new PlanStatus.Infeasible("short", List.of(new Shortfall(0, Shortfall.Kind.RESERVE, 100, 40.5))));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void everyStatusRoundTrips(PlanStatus status) {
        DispatchPlan plan = tinyPlan();
        DispatchPlan withStatus = new DispatchPlan(plan.generator(), new Objective(Map.of(ObjectiveKind.COST, 0.7, ObjectiveKind.EMISSIONS, 0.3)),
                status, plan.grid(), plan.schedules(), plan.importKw(), plan.exportKw());

        assertThat(PlanJson.read(PlanJson.write(withStatus))).isEqualTo(withStatus);
    }

    @Test
    void meritOrderPlansOfTheTestFleetsRoundTrip() {
        for (PlanningProblem problem : List.of(Fleets.everyDeviceType(), Fleets.undersizedFleet(), Fleets.islandedWithPvSurplus())) {
            DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
            assertThat(PlanJson.read(PlanJson.write(plan))).isEqualTo(plan);
        }
    }

    @Test
    void missingFieldIsNamed() {
        String json = PlanJson.write(tinyPlan()).replace("\"step\": \"PT15M\",", "");

        assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'grid.step'");
    }

    @Test
    void unknownFormatVersionIsRejected() {
        String json = PlanJson.write(tinyPlan()).replace("\"formatVersion\": 1", "\"formatVersion\": 2");

        assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("formatVersion 2");
    }

    @Test
    void wrongTypeIsNamedWithItsPath() {
        String json = PlanJson.write(tinyPlan()).replace("\"type\": \"battery\"", "\"type\": \"capacitor\"");

        assertThatThrownBy(() -> PlanJson.read(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'schedules[1].type'");
    }

    @Test
    void brokenJsonIsAnIllegalArgument() {
        assertThatThrownBy(() -> PlanJson.read("{\"formatVersion\": ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("plan JSON:");
    }

    @Test
    void writesTheGoldenFileOfASolvedPlanWithItsBaseline() throws IOException {
        assertThat(PlanJson.write(tinyMilpPlan(), tinyMetrics(412.5, 3.2), tinySolve(), Optional.of(tinyBaseline())))
                .isEqualTo(golden("tiny-milp-plan.json"));
    }

    @Test
    void readsTheSolveAndBaselineOfTheGoldenFileBack() throws IOException {
        String json = golden("tiny-milp-plan.json");

        assertThat(PlanJson.read(json)).isEqualTo(tinyMilpPlan());
        assertThat(PlanJson.readMetrics(json)).contains(tinyMetrics(412.5, 3.2));
        assertThat(PlanJson.readSolve(json)).contains(tinySolve());
        assertThat(PlanJson.readBaseline(json)).contains(tinyBaseline());
    }

    @Test
    void writesTheGoldenFileOfAPlanWithItsCapacityDiagnosis() throws IOException {
        assertThat(PlanJson.write(tinyPlan(), tinyDiagnosis())).isEqualTo(golden("tiny-plan-diagnosed.json"));
    }

    @Test
    void readsTheCapacityDiagnosisOfTheGoldenFileBack() throws IOException {
        String json = golden("tiny-plan-diagnosed.json");

        assertThat(PlanJson.read(json)).isEqualTo(tinyPlan());
        assertThat(PlanJson.readDiagnosis(json)).contains(tinyDiagnosis());
    }

    @Test
    void diagnosisIsAnAddedFieldThatOlderFilesLackAndFeasiblePlansNeverCarry() throws IOException {
        assertThat(PlanJson.readDiagnosis(golden("tiny-plan.json"))).isEmpty();
        assertThat(PlanJson.readDiagnosis(golden("tiny-milp-plan.json"))).isEmpty();
        // a diagnosis handed in with a plan that meets every requirement has nothing to explain and is not written
        DispatchPlan met = new DispatchPlan(tinyPlan().generator(), tinyPlan().objective(), new PlanStatus.Heuristic(), tinyPlan().grid(),
                tinyPlan().schedules(), tinyPlan().importKw(), tinyPlan().exportKw());
        assertThat(PlanJson.readDiagnosis(PlanJson.write(met, tinyDiagnosis()))).isEmpty();
    }

    @Test
    void diagnosisOfAGeneratedPlanRoundTrips() {
        PlanningProblem problem = Fleets.undersizedFleet();
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        PlanMetrics metrics = new PlanEvaluator().evaluate(plan, problem);
        CapacityDiagnosis diagnosis = CapacityDiagnosis.of(problem, plan.status());
        Solve solve = new Solve("merit-order", Objective.of(ObjectiveKind.COST), 0.004, Stop.FINISHED, Optional.empty(), OptionalDouble.empty());

        String json = PlanJson.write(plan, metrics, solve, Optional.empty(), diagnosis);

        assertThat(diagnosis.intervals()).hasSize(2);
        assertThat(diagnosis.intervals().getFirst().causes()).anySatisfy(c -> assertThat(c.asset()).isEmpty()); // islanded: no import
        assertThat(PlanJson.readDiagnosis(json)).contains(diagnosis);
        assertThat(PlanJson.read(json)).isEqualTo(plan);
        assertThat(PlanJson.readMetrics(json)).contains(metrics);
    }

    @Test
    void unknownKindOfCauseIsNamedWithItsPath() throws IOException {
        String json = golden("tiny-plan-diagnosed.json").replace("\"kind\": \"storage-energy\"", "\"kind\": \"bad-luck\"");

        assertThatThrownBy(() -> PlanJson.readDiagnosis(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'status.diagnosis[0].causes[0].kind'").hasMessageContaining("bad-luck");
    }

    @Test
    void solveAndBaselineOfAnEvaluatedPlanRoundTrip() {
        PlanningProblem problem = RandomProblems.problem(12);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        PlanMetrics metrics = new PlanEvaluator().evaluate(plan, problem);
        Solve solve = new Solve("merit-order", Objective.of(ObjectiveKind.COST), 0.004, Stop.FINISHED, Optional.empty(), OptionalDouble.empty());
        Baseline baseline = Baseline.of(plan, metrics, metrics);

        String json = PlanJson.write(plan, metrics, solve, Optional.of(baseline));

        assertThat(PlanJson.read(json)).isEqualTo(plan);
        assertThat(PlanJson.readMetrics(json)).contains(metrics);
        assertThat(PlanJson.readSolve(json)).contains(solve);
        assertThat(PlanJson.readBaseline(json)).contains(baseline);
        assertThat(baseline.savings()).isZero();
    }

    @Test
    void solverWithoutLimitsWritesNullsAndNoBaselineIsNoField() {
        Solve solve = new Solve("merit-order", Objective.of(ObjectiveKind.COST), 0.01, Stop.FINISHED, Optional.empty(), OptionalDouble.empty());

        String json = PlanJson.write(tinyPlan(), tinyMetrics(100, 0), solve, Optional.empty());

        assertThat(json).contains("\"timeLimitSeconds\": null").contains("\"relativeGapTarget\": null")
                .contains("\"relativeGap\": null").doesNotContain("\"baseline\"");
        assertThat(PlanJson.readSolve(json)).contains(solve);
        assertThat(PlanJson.readBaseline(json)).isEmpty();
    }

    @Test
    void solveCarriesTheProvenGapOfTheStatus() {
        DispatchPlan plan = tinyMilpPlan();
        DispatchPlan optimal = new DispatchPlan(plan.generator(), plan.objective(), new PlanStatus.Optimal(), plan.grid(), plan.schedules(),
                plan.importKw(), plan.exportKw());

        assertThat(PlanJson.write(plan, tinyMetrics(1, 0), tinySolve(), Optional.empty())).contains("\"relativeGap\": 0.0025");
        assertThat(PlanJson.write(optimal, tinyMetrics(1, 0), tinySolve(), Optional.empty())).contains("\"relativeGap\": 0.0");
    }

    @Test
    void fileWithoutSolveOrBaselineHasNeither() {
        String json = PlanJson.write(tinyPlan(), tinyMetrics(1, 0));

        assertThat(PlanJson.readSolve(json)).isEmpty();
        assertThat(PlanJson.readBaseline(json)).isEmpty();
    }

    /**
     * Baseline 500 USD, plan 412.5 USD: the plan saves 87.5 USD, 17.5 % of the baseline. A baseline that costs nothing
     * has no percentage; one that earns money (−200 USD) is compared by its magnitude: a plan at −250 saves 50, 25 %.
     */
    @Test
    void savingsAgainstTheBaselineAreItsCostMinusThePlans() {
        Baseline cheaper = Baseline.of(tinyPlan(), tinyMetrics(500, 4), tinyMetrics(412.5, 3.2));
        Baseline free = Baseline.of(tinyPlan(), tinyMetrics(0, 4), tinyMetrics(10, 3.2));
        Baseline earning = Baseline.of(tinyPlan(), tinyMetrics(-200, 4), tinyMetrics(-250, 3.2));

        assertThat(cheaper.savings()).isEqualTo(87.5);
        assertThat(cheaper.savingsPercent()).hasValue(17.5);
        assertThat(cheaper.status()).isEqualTo("infeasible");
        assertThat(free.savings()).isEqualTo(-10);
        assertThat(free.savingsPercent()).isEmpty();
        assertThat(earning.savings()).isEqualTo(50);
        assertThat(earning.savingsPercent()).hasValue(25.0);
    }

    @Test
    void unknownStopIsNamedWithItsPath() throws IOException {
        String json = golden("tiny-milp-plan.json").replace("\"stop\": \"time-limit\"", "\"stop\": \"tired\"");

        assertThatThrownBy(() -> PlanJson.readSolve(json)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'solve.stop'");
    }

    @Test
    void missingBaselineFieldIsNamedWithItsPath() throws IOException {
        String json = golden("tiny-milp-plan.json").replace("\"co2Kg\": 4.0", "\"co2Kg\": \"lots\"");

        assertThatThrownBy(() -> PlanJson.readBaseline(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'baseline.metrics.energy.co2Kg'");
    }

    /** The tiny plan as a MILP made it for a weighted objective, proven within 0.25 %. */
    static DispatchPlan tinyMilpPlan() {
        DispatchPlan plan = tinyPlan();
        return new DispatchPlan("milp", new Objective(Map.of(ObjectiveKind.COST, 0.7, ObjectiveKind.EMISSIONS, 0.3)),
                new PlanStatus.Feasible(0.0025), plan.grid(), plan.schedules(), plan.importKw(), plan.exportKw());
    }

    static Solve tinySolve() {
        return new Solve("milp", new Objective(Map.of(ObjectiveKind.COST, 0.7, ObjectiveKind.EMISSIONS, 0.3)), 12.5, Stop.TIME_LIMIT,
                Optional.of(Duration.ofSeconds(10)), OptionalDouble.of(1e-4));
    }

    static Baseline tinyBaseline() {
        return Baseline.of(tinyPlan(), tinyMetrics(500, 4), tinyMetrics(412.5, 3.2));
    }

    /** Metrics with a made-up total cost and CO2, the rest small round numbers. */
    static PlanMetrics tinyMetrics(double totalCost, double co2Kg) {
        return new PlanMetrics("USD",
                new PlanMetrics.Cost(totalCost, 0, 0, 0, 0, 0, totalCost, totalCost / 125),
                new PlanMetrics.Energy(Map.of(DeviceType.RECIPROCATING_ENGINE, 118.875, DeviceType.BATTERY, -6.375),
                        Map.of(DeviceType.BATTERY, 6.375), 12.5, 0, 0, 300, co2Kg),
                new PlanMetrics.Service(125, 125, 0, 50, 1, 0),
                new PlanMetrics.Savings(1000, 1000 - totalCost, (1000 - totalCost) / 10));
    }

    /** A 15-minute engine and battery plan, short of demand in its second interval. */
    static DispatchPlan tinyPlan() {
        TimeGrid grid = new TimeGrid(Instant.parse("2026-11-23T00:00:00Z"), Duration.ofMinutes(15), 2);
        return new DispatchPlan("merit-order", Objective.of(ObjectiveKind.COST),
                new PlanStatus.Infeasible("combined output is short of demand in 1 of 2 intervals, at most 50 kW (interval 1, 00:15Z): "
                        + "add capacity or allow more import", List.of(new Shortfall(1, Shortfall.Kind.DEMAND, 300, 250))),
                grid,
                List.of(new DeviceSchedule(AssetId.of("GEN-1"), DeviceType.RECIPROCATING_ENGINE, Profile.of(225.5, 250), List.of(true, true), Profile.zeros(0)),
                        new DeviceSchedule(AssetId.of("BAT-1"), DeviceType.BATTERY, Profile.of(-25.5, 0), List.of(true, false), Profile.of(0.55, 0.55))),
                Profile.of(0, 50), Profile.of(0, 0));
    }

    /**
     * The tiny plan's shortfall at 00:15 explained: GEN-1 250 kW and an empty BAT-1 (50 kW, at its minimum) deliver at
     * most 250 of the 300 kW asked; import serves the rest.
     */
    static CapacityDiagnosis tinyDiagnosis() {
        return new CapacityDiagnosis(tinyPlan().grid(), List.of(new CapacityDiagnosis.Interval(1, 300, 0, 300, 250, 0,
                List.of(new CapacityDiagnosis.Cause(CapacityDiagnosis.Cause.Kind.STORAGE_ENERGY, Optional.of(AssetId.of("BAT-1")), 50,
                        "BAT-1 empty by stored energy (at most 5.5 kWh, minimum 5.5 kWh) −50 kW")))));
    }

    static String golden(String name) throws IOException {
        try (InputStream in = PlanJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(Optional.ofNullable(in).orElseThrow(() -> new IOException("no golden file " + name)).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }
}
