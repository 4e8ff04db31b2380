package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.grid.NetworkAssessment;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.synth.FleetGenerator;
import org.gridfleet.synth.FleetSpec;
import org.gridfleet.synth.FleetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code gridfleet plan} in-process. MILP runs use fleets that solve in a few seconds; Ctrl-C, which needs a real
 * process, is in {@link PlanCtrlCTest}.
 */
class PlanCommandTest {
    @TempDir
    Path dir;

    @Test
    void exampleFleetIsPlannedByTheMeritOrderAndWrittenAsJsonAndCsv() throws Exception {
        Path out = dir.resolve("plans/riverside.json");

        Cli.Run run = Cli.run("plan", "--fleet", Cli.EXAMPLE.toString(), "--out", out.toString(), "--solver", "merit-order");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Plan merit-order (objective: cost), status heuristic").contains("solver         merit-order")
                .contains("total cost     USD").contains("the plan saves USD").contains("energy by device type")
                .contains("reciprocating-engine").contains("Demand and spinning reserve are met in all 96 intervals")
                .contains("Independent plan check: 0 hard violations").doesNotContain("merit order    USD");
        String json = Files.readString(out);
        DispatchPlan plan = PlanJson.read(json);
        assertThat(plan.schedules()).hasSize(24);
        assertThat(plan.status()).isInstanceOf(PlanStatus.Heuristic.class);
        PlanJson.Solve solve = PlanJson.readSolve(json).orElseThrow();
        assertThat(solve.solver()).isEqualTo("merit-order");
        assertThat(solve.stop()).isEqualTo(PlanJson.Stop.FINISHED);
        assertThat(solve.timeLimit()).isEmpty();
        assertThat(PlanJson.readBaseline(json)).as("no baseline: the plan is the baseline").isEmpty();
        // one header and one row per interval; a column per device plus import and export
        var csv = Files.readAllLines(dir.resolve("plans/riverside.csv"));
        assertThat(csv).hasSize(97);
        assertThat(csv.getFirst().split(",")).hasSize(1 + 24 + 2);
        assertThat(Files.readAllLines(dir.resolve("plans/riverside-soc.csv"))).hasSize(97);
    }

    @Test
    void milpIsTheDefaultAndIsComparedWithTheMeritOrderBaseline() throws Exception {
        Path fleet = syntheticFleet(12, 40, 24, 1);
        Path out = dir.resolve("plan.json");

        Cli.Run run = Cli.run("plan", "--fleet", fleet.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Plan milp (objective: cost), status ").contains("solver         milp (time limit 60 s, gap target 0.01 %)")
                .contains("grid only      USD").contains("merit order    USD").contains("for the merit-order baseline (heuristic)")
                .contains("fuel, CO2").contains("energy by device type").contains("Demand and spinning reserve are met in all 24 intervals")
                .contains("Independent plan check: 0 hard violations")
                .as("no progress without a terminal").doesNotContain("Solving the MILP");
        String json = Files.readString(out);
        DispatchPlan plan = PlanJson.read(json);
        assertThat(plan.generator()).isEqualTo("milp");
        assertThat(plan.status()).satisfiesAnyOf(s -> assertThat(s).isInstanceOf(PlanStatus.Optimal.class),
                s -> assertThat(((PlanStatus.Feasible) s).relativeGap()).isLessThanOrEqualTo(1e-4));
        PlanJson.Solve solve = PlanJson.readSolve(json).orElseThrow();
        assertThat(solve.solver()).isEqualTo("milp");
        assertThat(solve.requestedObjective()).isEqualTo(Objective.of(ObjectiveKind.COST));
        assertThat(solve.timeLimit()).contains(Duration.ofSeconds(60));
        assertThat(solve.relativeGapTarget()).hasValue(1e-4);
        assertThat(solve.stop()).isIn(PlanJson.Stop.FINISHED, PlanJson.Stop.GAP_TARGET);
        assertThat(solve.seconds()).isPositive().isLessThan(60);

        // the metrics in the file are the evaluator's own of this plan, and the comparison is their difference
        PlanningProblem problem = problem(fleet);
        PlanMetrics metrics = PlanJson.readMetrics(json).orElseThrow();
        assertThat(metrics).isEqualTo(new PlanEvaluator(new NetworkAssessment()).evaluate(plan, problem));
        PlanJson.Baseline baseline = PlanJson.readBaseline(json).orElseThrow();
        assertThat(baseline.generator()).isEqualTo("merit-order");
        assertThat(baseline.savings()).isCloseTo(baseline.metrics().cost().totalCost() - metrics.cost().totalCost(), within(1e-9));
        assertThat(run.out()).contains(String.format(Locale.ROOT, "USD %,.2f for the merit-order baseline", baseline.metrics().cost().totalCost()));
    }

    /**
     * <pre>
     *   MT-1  microturbine 100 kW, 0.10 $/kWh        demand  80 │ 150 │ 90 kW, hourly, islanded
     *   MT-2  microturbine 100 kW, 0.20 $/kWh
     * </pre>
     * MT-1 serves everything it can, MT-2 the 50 kW above it at 01:00: 8 + (10 + 10) + 9 = 37 $, for every objective
     * that weighs cost and for the merit order alike.
     */
    @Test
    void weightedObjectiveIsStatedInTheSummaryAndTheFile() throws Exception {
        Path fleet = twoMicroturbines();
        Path out = dir.resolve("plan.json");

        Cli.Run run = Cli.run("plan", "--fleet", fleet.toString(), "--out", out.toString(), "--objective", "cost=0.7,emissions=0.3",
                "--time-limit", "2m", "--gap", "0.5%", "--progress", "never");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Objective weighted = new Objective(Map.of(ObjectiveKind.COST, 0.7, ObjectiveKind.EMISSIONS, 0.3));
        assertThat(run.out()).contains("(objective: cost×0.7 + emissions×0.3)").contains("time limit 2 min, gap target 0.5 %")
                .doesNotContain("Solving the MILP");
        String json = Files.readString(out);
        assertThat(PlanJson.read(json).objective()).isEqualTo(weighted);
        PlanJson.Solve solve = PlanJson.readSolve(json).orElseThrow();
        assertThat(solve.requestedObjective()).isEqualTo(weighted);
        assertThat(solve.timeLimit()).contains(Duration.ofMinutes(2));
        assertThat(solve.relativeGapTarget()).hasValue(0.005);
        assertThat(PlanJson.readMetrics(json).orElseThrow().cost().totalCost()).isCloseTo(37, within(1e-6));
    }

    @Test
    void isoDurationAndBarePercentAreAccepted() throws Exception {
        Path out = dir.resolve("plan.json");

        Cli.Run run = Cli.run("plan", "--fleet", twoMicroturbines().toString(), "--out", out.toString(), "--time-limit", "PT1M30S", "--gap", "1");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("time limit 90 s, gap target 1 %");
        PlanJson.Solve solve = PlanJson.readSolve(Files.readString(out)).orElseThrow();
        assertThat(solve.timeLimit()).contains(Duration.ofSeconds(90));
        assertThat(solve.relativeGapTarget()).hasValue(0.01);
    }

    @Test
    void meritOrderAcceptsTheCostObjective() {
        Cli.Run run = Cli.run("plan", "--fleet", twoMicroturbines().toString(), "--out", dir.resolve("plan.json").toString(),
                "--solver", "merit-order", "--objective", "cost");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Plan merit-order (objective: cost)").contains("total cost     USD 37.00");
    }

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(List.of("--objective", "speed"), "unknown objective 'speed'"),
                Arguments.of(List.of("--objective", "cost=-1"), "must be a positive number"),
                Arguments.of(List.of("--time-limit", "soon"), "expected a positive duration such as 30s"),
                Arguments.of(List.of("--time-limit", "30"), "'30' has no unit"),
                Arguments.of(List.of("--time-limit", "0s"), "expected a positive duration"),
                Arguments.of(List.of("--time-limit", "PT-1M"), "expected a positive duration"),
                Arguments.of(List.of("--gap", "150"), "expected a percentage from 0 to below 100"),
                Arguments.of(List.of("--gap", "small"), "expected a percentage"),
                Arguments.of(List.of("--solver", "cplex"), "expected milp, merit-order or stochastic, not 'cplex'"),
                Arguments.of(List.of("--progress", "sometimes"), "expected auto, always or never"),
                Arguments.of(List.of("--solver", "merit-order", "--objective", "emissions"),
                        "the merit-order solver plans for least cost only, not for emissions: use --solver milp, or --objective cost"),
                Arguments.of(List.of("--solver", "merit-order", "--objective", "cost=0.5,revenue=0.5"), "least cost only"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void badOptionIsAUsageErrorThatSaysWhatIsAccepted(List<String> options, String message) {
        Path out = dir.resolve("plan.json");
        List<String> args = new ArrayList<>(List.of("plan", "--fleet", Cli.EXAMPLE.toString(), "--out", out.toString()));
        args.addAll(options);

        Cli.Run run = Cli.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"milp", "merit-order"})
    void undersizedIslandedFleetSaysWhereDemandIsNotMetAndByHowMuch(String solver) throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, """
                formatVersion: 1
                name: too small
                horizon: {start: 2026-11-23T00:00:00Z, step: PT1H, intervals: 3}
                grid: {mode: islanded}
                series: {demand: demand.csv}
                devices:
                  - id: MT-1
                    type: microturbine
                    location: {latitude: 40, longitude: -105}
                    bus: B1
                    ratedPowerKw: 100
                    cost: {quadratic: {perKwh: 0.1}}
                endUsers:
                  - {id: EU-1, bus: B1}
                """);
        Files.writeString(dir.resolve("demand.csv"), """
                time,EU-1
                2026-11-23T00:00:00Z,80
                2026-11-23T01:00:00Z,150
                2026-11-23T02:00:00Z,90
                """);

        Cli.Run run = Cli.run("plan", "--fleet", fleet.toString(), "--out", dir.resolve("plan.json").toString(), "--solver", solver);

        assertThat(run.exitCode()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        // 150 kW demand against a 100 kW microturbine in the hour starting 01:00: 50 kW short
        assertThat(run.out()).contains("status infeasible").contains("NOT MET")
                .containsPattern("1\\s+2026-11-23T01:00:00Z\\s+demand\\s+150\\.0\\s+100\\.0\\s+50\\.0");
        DispatchPlan plan = PlanJson.read(Files.readString(dir.resolve("plan.json")));
        assertThat(plan.generator()).isEqualTo(solver);
        PlanStatus.Infeasible status = (PlanStatus.Infeasible) plan.status();
        assertThat(status.shortfalls()).anySatisfy(s -> {
            assertThat(s.interval()).isEqualTo(1);
            assertThat(s.missingKw()).isCloseTo(50, within(1e-6));
        });
    }

    @Test
    void unplannableFleetExplainsWhyAndWritesNothing() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, "formatVersion: 1\nname: no horizon\ndevices: []\n");

        Cli.Run run = Cli.run("plan", "--fleet", fleet.toString(), "--out", dir.resolve("plan.json").toString());

        assertThat(run.exitCode()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        assertThat(run.out()).contains("horizon is required").contains("No plan");
        assertThat(dir.resolve("plan.json")).doesNotExist();
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        Cli.Run run = Cli.run("plan", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--solver=milp|merit-order").contains("Default: milp")
                .contains("--objective=SPEC").contains("cost=0.7,emissions=0.3").contains("Default: cost")
                .contains("--time-limit=DURATION").contains("Default: 60s")
                .contains("--gap=PERCENT").contains("Default: 0.01 (%)")
                .contains("--progress=auto|always|never").contains("Default: auto");
    }

    /** A seeded synthetic fleet written into the test's folder. */
    private Path syntheticFleet(int devices, int endUsers, int intervals, long seed) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("fleet-" + seed));
        FleetWriter.write(FleetGenerator.generate(FleetSpec.of(devices, endUsers, intervals, seed)), folder);
        return folder.resolve(FleetWriter.FLEET_FILE);
    }

    private static PlanningProblem problem(Path fleet) {
        IngestPipeline.Result ingest = new IngestPipeline().run(new FileDataCollector(fleet));
        return ingest.problem().orElseThrow();
    }

    /** The fleet of {@link #weightedObjectiveIsStatedInTheSummaryAndTheFile()}. */
    private Path twoMicroturbines() {
        try {
            Path folder = Files.createDirectories(dir.resolve("two-microturbines"));
            Files.writeString(folder.resolve("fleet.yaml"), """
                    formatVersion: 1
                    name: two microturbines
                    horizon: {start: 2026-11-23T00:00:00Z, step: PT1H, intervals: 3}
                    grid: {mode: islanded}
                    series: {demand: demand.csv}
                    devices:
                      - {id: MT-1, type: microturbine, location: {latitude: 40, longitude: -105}, bus: B1, ratedPowerKw: 100,
                         cost: {quadratic: {perKwh: 0.1}}}
                      - {id: MT-2, type: microturbine, location: {latitude: 40, longitude: -105}, bus: B1, ratedPowerKw: 100,
                         cost: {quadratic: {perKwh: 0.2}}}
                    endUsers:
                      - {id: EU-1, bus: B1}
                    """);
            Files.writeString(folder.resolve("demand.csv"), """
                    time,EU-1
                    2026-11-23T00:00:00Z,80
                    2026-11-23T01:00:00Z,150
                    2026-11-23T02:00:00Z,90
                    """);
            return folder.resolve("fleet.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void networkRespectingPlanKeepsTheThinCableWithinItsRatingAndSaysWhatThatCosts() throws Exception {
        Path fleet = Path.of("..", "examples", "thin-cable", "fleet.yaml");
        Path out = dir.resolve("thin.json");

        Cli.Run run = Cli.run("plan", "--fleet", fleet.toString(), "--out", out.toString(), "--network", "respect", "--progress", "never");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("the last plan keeps every limit in AC").contains("the network's limits cost USD")
                .contains("the baseline breaks").contains("branch L2").contains("this plan keeps them")
                .contains("Independent plan check: 0 hard violations");
        var network = PlanJson.readMetrics(Files.readString(out)).orElseThrow().network().orElseThrow();
        assertThat(network.violations()).isEmpty();
        assertThat(network.worstLoading().element()).isEqualTo("L2");
        assertThat(network.worstLoading().value()).isBetween(0.9, 1.002);
        // the plan covers the losses its last AC check found
        assertThat(PlanJson.read(Files.readString(out)).lossesKw().max()).isPositive();
    }

    @Test
    void networkOptionMistakesAreNamed() {
        Path fleet = Path.of("..", "examples", "thin-cable", "fleet.yaml");
        Cli.Run bogus = Cli.run("plan", "--fleet", fleet.toString(), "--out", dir.resolve("x.json").toString(), "--network", "obey");
        assertThat(bogus.exitCode()).isEqualTo(2);
        assertThat(bogus.err()).contains("--network must be check or respect");

        Cli.Run merit = Cli.run("plan", "--fleet", fleet.toString(), "--out", dir.resolve("y.json").toString(), "--network", "respect",
                "--solver", "merit-order");
        assertThat(merit.exitCode()).isEqualTo(2);
        assertThat(merit.err()).contains("cannot respect the network");
    }
}
