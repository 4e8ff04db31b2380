package org.gridfleet.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.synth.FleetGenerator;
import org.gridfleet.synth.FleetSpec;
import org.gridfleet.synth.FleetWriter;

/**
 * A synthetic fleet written to a temporary folder for one benchmark trial.
 *
 * <p>Sizes are given as {@code DEVICESxEND_USERS}, e.g. {@code 200x2000}, so that one JMH {@code @Param} picks a
 * whole fleet and a run does not multiply every device count with every end-user count.
 *
 * @param dir       the temporary folder, removed by {@link #delete()}
 * @param fleetYaml the fleet document in it
 */
record BenchFleet(FleetSpec spec, Path dir, Path fleetYaml) {

    /** Generates the fleet for {@code size} ({@code DEVICESxEND_USERS}) and writes its files. */
    static BenchFleet write(String size, int intervals, long seed) {
        return write(spec(size, intervals, seed));
    }

    /** Generates the fleet {@code spec} describes and writes its files. */
    static BenchFleet write(FleetSpec spec) {
        try {
            Path dir = Files.createTempDirectory("gridfleet-bench-");
            FleetWriter.write(FleetGenerator.generate(spec), dir);
            return new BenchFleet(spec, dir, dir.resolve(FleetWriter.FLEET_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark fleet " + spec.name(), e);
        }
    }

    static FleetSpec spec(String size, int intervals, long seed) {
        String[] parts = size.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("fleet size must be DEVICESxEND_USERS, e.g. 200x2000: " + size);
        }
        try {
            return FleetSpec.of(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), intervals, seed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fleet size must be DEVICESxEND_USERS, e.g. 200x2000: " + size, e);
        }
    }

    /**
     * Runs the ingest pipeline once and returns its planning problem; fails loudly when the verifier rejected
     * anything, because a benchmark of a fleet with errors would time the wrong path.
     */
    PlanningProblem ingestOnce() {
        IngestPipeline.Result result = new IngestPipeline().run(new FileDataCollector(fleetYaml));
        if (!result.errors().isEmpty() || result.problem().isEmpty()) {
            throw new IllegalStateException("the synthetic fleet " + spec + " did not ingest cleanly: "
                    + result.errors().size() + " errors, first " + result.errors().stream().findFirst());
        }
        return result.problem().orElseThrow();
    }

    void delete() {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
