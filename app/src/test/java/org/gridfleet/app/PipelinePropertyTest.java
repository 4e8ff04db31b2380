package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.Profile;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.synth.FleetGenerator;
import org.gridfleet.synth.FleetSpec;
import org.gridfleet.synth.FleetWriter;
import org.gridfleet.synth.SyntheticFleet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole planning pipeline over many seeded synthetic fleets: files written by {@code synth}, read back by the
 * collector, verified, formatted, planned by the merit order, and judged by the independent checker.
 */
class PipelinePropertyTest {
    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void generatedFleetsReadBackCleanlyAndTheirPlansPassTheChecker(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        FleetSpec spec = FleetSpec.of(9 + random.nextInt(60), random.nextInt(400), 24 + random.nextInt(73), seed)
                .withIslanded(random.nextInt(4) == 0);
        SyntheticFleet fleet = FleetGenerator.generate(spec);
        Path folder = Files.createDirectories(dir.resolve("seed-" + seed));
        FleetWriter.write(fleet, folder);

        IngestPipeline.Result ingest = new IngestPipeline().run(new FileDataCollector(folder.resolve(FleetWriter.FLEET_FILE)));

        assertThat(ingest.rejections()).as("findings on a generated fleet").isEmpty();
        PlanningProblem problem = ingest.problem().orElseThrow();
        assertThat(problem.assets()).extracting(a -> a.id()).containsExactlyElementsOf(fleet.assets().stream().map(a -> a.id()).toList());
        assertThat(problem.endUsers()).hasSameSizeAs(fleet.endUsers());
        // the network and the reactive settings come back as written (ratings to the 0.001 A the file carries)
        assertThat(problem.network().buses()).isEqualTo(fleet.network().buses());
        assertThat(problem.network().transformers()).isEqualTo(fleet.network().transformers());
        assertThat(problem.network().slackBus()).isEqualTo(fleet.network().slackBus());
        assertThat(problem.network().slackVoltagePu()).isEqualTo(fleet.network().slackVoltagePu());
        assertThat(problem.network().lines()).hasSameSizeAs(fleet.network().lines());
        for (int k = 0; k < problem.network().lines().size(); k++) {
            var readLine = problem.network().lines().get(k);
            var writtenLine = fleet.network().lines().get(k);
            assertThat(readLine.id()).isEqualTo(writtenLine.id());
            assertThat(readLine.ratingA()).isCloseTo(writtenLine.ratingA(), within(0.0005));
            assertThat(readLine.resistanceOhm()).isCloseTo(writtenLine.resistanceOhm(), within(1e-9 + 1e-6 * writtenLine.resistanceOhm()));
        }
        assertThat(problem.endUsers()).extracting(e -> e.reactive()).containsExactlyElementsOf(fleet.endUsers().stream().map(e -> e.reactive()).toList());
        assertThat(problem.assets()).extracting(a -> a.info().reactive())
                .containsExactlyElementsOf(fleet.assets().stream().map(a -> a.info().reactive()).toList());
        // the files carry kW to 0.001 per end-user: the aggregate agrees within that rounding
        Profile written = fleet.aggregateDemandKw();
        Profile read = problem.demandKw();
        for (int k = 0; k < read.size(); k++) {
            assertThat(read.get(k)).isCloseTo(written.get(k), within(0.0005 * fleet.endUsers().size() + 1e-9));
        }

        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        List<Violation> hard = new PlanChecker().hardViolations(plan, problem);
        PlanMetrics metrics = new PlanEvaluator().evaluate(plan, problem);

        assertThat(hard).as("hard violations of the merit-order plan").isEmpty();
        assertThat(metrics.service().servedKwh() + metrics.service().unservedKwh())
                .isCloseTo(metrics.service().demandKwh(), within(1e-6 * Math.max(1, metrics.service().demandKwh())));
        // synth sizes demand plus reserve within 80 % of firm capacity: the baseline must meet it
        assertThat(plan.status().meetsRequirements()).as(plan.status().toString()).isTrue();
    }
}
