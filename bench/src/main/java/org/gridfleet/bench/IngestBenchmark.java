package org.gridfleet.bench;

import java.util.concurrent.TimeUnit;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.CollectedData;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.ingest.formatter.DataFormatter;
import org.gridfleet.ingest.verifier.DataVerifier;
import org.gridfleet.ingest.verifier.VerificationReport;
import org.gridfleet.model.problem.PlanningProblem;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The ingest pipeline on fleet files: {@link #pipeline} is the whole of it, as {@code gridfleet validate} and
 * {@code plan} run it; {@link #collect}, {@link #verify} and {@link #format} time its three stages one by one,
 * each from the previous stage's output made once per trial, to show where the time goes.
 *
 * <p>The files are read from a temporary folder that the trial has just written, so they come from the page
 * cache: this measures parsing, not the disk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class IngestBenchmark {
    /** The fleet, {@code DEVICESxEND_USERS}. */
    @Param({"24x200", "200x2000", "1000x10000"})
    public String fleet;

    @Param({"96"})
    public int intervals;

    @Param({"1"})
    public long seed;

    private BenchFleet files;
    private CollectedData collected;
    private VerificationReport report;

    @Setup(Level.Trial)
    public void writeFleet() {
        files = BenchFleet.write(fleet, intervals, seed);
        try {
            files.ingestOnce();
            collected = new FileDataCollector(files.fleetYaml()).collect();
            report = new DataVerifier().verify(collected);
        } catch (RuntimeException e) {
            files.delete(); // JMH skips the tear-down when the set-up fails
            throw e;
        }
    }

    @TearDown(Level.Trial)
    public void deleteFleet() {
        files.delete();
    }

    /** Collector → verifier → formatter, from the fleet file to the planning problem. */
    @Benchmark
    public IngestPipeline.Result pipeline() {
        return new IngestPipeline().run(new FileDataCollector(files.fleetYaml()));
    }

    /** Reading and parsing the fleet document (YAML) and its CSV series into raw trees and rows. */
    @Benchmark
    public CollectedData collect() {
        return new FileDataCollector(files.fleetYaml()).collect();
    }

    /** Every verification rule over the collected data, into domain records and rejections. */
    @Benchmark
    public VerificationReport verify() {
        return new DataVerifier().verify(collected);
    }

    /** Resampling onto the planning grid, gap handling and availability: the planning problem. */
    @Benchmark
    public PlanningProblem format() {
        return new DataFormatter().format(report.data());
    }
}
