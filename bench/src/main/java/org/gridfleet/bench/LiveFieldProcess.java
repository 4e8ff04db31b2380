package org.gridfleet.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.sim.site.CommunicationDevice;
import org.gridfleet.sim.site.SimulatedField;

/**
 * {@link LiveBench}'s field in a JVM of its own: this class's {@code main} is the second process, {@link #start} the
 * bench's handle on it. They talk in lines: the field prints {@code READY} once every site is connected, runs on
 * {@code RUN} (printing {@code RUNNING simStart wallStart}, then a {@code STAT} line every second), and stops, says
 * goodbye from every site and exits on {@code STOP} or the end of its input, printing {@code FINAL} with its totals.
 * Anything else it prints (its logging goes to standard error) passes through.
 */
final class LiveFieldProcess implements AutoCloseable {

    // ---- the field's side ------------------------------------------------------------------------------------

    /** {@code --fleet FLEET.yaml --broker URL --topics ROOT} and {@link LiveBench.FieldConfig#args()}. */
    public static void main(String[] args) throws Exception {
        Path fleet = null;
        BrokerAddress broker = null;
        Topics topics = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fleet" -> fleet = Path.of(args[++i]);
                case "--broker" -> broker = BrokerAddress.parse(args[++i]);
                case "--topics" -> topics = new Topics(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        LiveBench.FieldConfig config = LiveBench.FieldConfig.parse(rest);
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        IngestPipeline.Result ingested = new IngestPipeline().run(new FileDataCollector(fleet));
        PlanningProblem problem = ingested.problem().orElseThrow(() -> new IllegalStateException("the fleet " + ingested.rejections()));
        long t0 = System.nanoTime();
        try (SimulatedField field = SimulatedField.connect(problem, broker, config.settings(topics))) {
            out.printf(Locale.ROOT, "READY %d%n", (System.nanoTime() - t0) / 1_000_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine();
            if (line == null || !line.startsWith("RUN")) {
                return;
            }
            Instant simStart = field.clock().now();
            Instant wallStart = Instant.now();
            CompletableFuture<Void> run = field.run(null);
            out.printf(Locale.ROOT, "RUNNING %s %s%n", simStart, wallStart);
            Thread stats = Thread.ofPlatform().daemon(true).name("field-stats").start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(1000);
                        SimulatedField.Status s = field.status();
                        out.printf(Locale.ROOT, "STAT %d %d %d %d %.4f%n", sent(field), s.slips(),
                                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), s.online(), s.speed());
                    }
                } catch (InterruptedException e) {
                    // stopping
                }
            });
            do {
                line = in.readLine();
            } while (line != null && !line.startsWith("STOP"));
            field.stop();
            run.join();
            stats.interrupt();
            SimulatedField.Status s = field.status();
            out.printf(Locale.ROOT, "FINAL %d %d %.4f %d%n", sent(field), s.slips(), s.speed(), field.tickFailures());
        }
        out.println("CLOSED");
    }

    static long sent(SimulatedField field) {
        long sum = 0;
        for (CommunicationDevice d : field.devices()) {
            sum += d.telemetrySent();
        }
        return sum;
    }

    // ---- the bench's side -----------------------------------------------------------------------------------

    private final Process process;
    private final PrintWriter in;
    private final CompletableFuture<Long> ready = new CompletableFuture<>();
    private final CompletableFuture<Instant[]> running = new CompletableFuture<>();
    private final CompletableFuture<long[]> finished = new CompletableFuture<>();
    private volatile long sent;
    private volatile long slips;
    private volatile long heapBytes;
    private volatile int online;

    private LiveFieldProcess(Process process) {
        this.process = process;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon(true).name("field-process-reader").start(this::read);
    }

    /** Starts the field's JVM with this JVM's options and class path. */
    static LiveFieldProcess start(Path fleetYaml, BrokerAddress broker, Topics topics, LiveBench.FieldConfig config) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(LiveFieldProcess.class.getName());
        command.addAll(List.of("--fleet", fleetYaml.toString(), "--broker", "tcp://" + broker.host() + ":" + broker.port(), "--topics", topics.root()));
        command.addAll(config.args());
        try {
            return new LiveFieldProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the field's JVM: " + command, e);
        }
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split(" ");
                switch (f[0]) {
                    case "READY" -> ready.complete(Long.parseLong(f[1]));
                    case "RUNNING" -> running.complete(new Instant[] {Instant.parse(f[1]), Instant.parse(f[2])});
                    case "STAT" -> {
                        sent = Long.parseLong(f[1]);
                        slips = Long.parseLong(f[2]);
                        heapBytes = Long.parseLong(f[3]);
                        online = Integer.parseInt(f[4]);
                    }
                    case "FINAL" -> {
                        sent = Long.parseLong(f[1]);
                        slips = Long.parseLong(f[2]);
                        finished.complete(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[4])});
                    }
                    case "CLOSED" -> { }
                    default -> System.err.println("[field] " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("[field] reading its output failed: " + e);
        }
        IllegalStateException gone = new IllegalStateException("the field's JVM ended (exit " + exitValue() + ")");
        ready.completeExceptionally(gone);
        running.completeExceptionally(gone);
        finished.completeExceptionally(gone);
    }

    private String exitValue() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits until every site is connected; returns how long connecting took in the field's JVM, ms. */
    long awaitReady(Duration patience) throws Exception {
        return get(ready, patience);
    }

    /** Starts the run; returns the field's simulated instant and the wall-clock instant at its start. */
    Instant[] run() throws Exception {
        in.println("RUN");
        return get(running, Duration.ofSeconds(30));
    }

    /** Stops the run; returns telemetry sent in all, slips and tick failures. */
    long[] stop() throws Exception {
        in.println("STOP");
        return get(finished, Duration.ofSeconds(60));
    }

    long sent() {
        return sent;
    }

    long slips() {
        return slips;
    }

    long heapBytes() {
        return heapBytes;
    }

    int online() {
        return online;
    }

    private static <T> T get(CompletableFuture<T> f, Duration patience) throws Exception {
        try {
            return f.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the field's JVM did not answer within " + patience, e);
        }
    }

    /** Ends the input (the field says goodbye from every site and exits) and waits for the process. */
    @Override
    public void close() {
        in.close();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                System.err.println("the field's JVM did not exit within 90 s: destroying it");
                process.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }
}
