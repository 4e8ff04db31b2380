package org.gridfleet.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.gridfleet.comm.broker.Broker;
import org.gridfleet.comm.broker.BrokerSettings;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.sim.FieldOptions;
import org.gridfleet.sim.site.SimulatedField;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridfleet simulate}: a whole simulated field on an MQTT broker, for a control center to be tested against. */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a fleet's whole field, simulated, against an MQTT broker (docs/simulator.md): a communication device at every "
                + "device's site takes commands for its controller, answers them, and reports telemetry every 5 s of simulated time; "
                + "the end-users' meters report their demand every 15 s. Topics and payloads are docs/comm-protocol.md's.",
                "Simulated time starts at the fleet's horizon and runs --speed times as fast as the wall clock; a one-line status "
                        + "(simulated time, devices online, total output, total demand) is printed every --status-every. "
                        + "Stops after --duration of simulated time, or on Ctrl-C; either way every site says goodbye (offline).",
                "Exit code 0 when the run ended, 1 when the fleet was rejected, 2 for a usage error, 3 when the broker could not be reached."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--fleet", required = true, paramLabel = "FILE", description = "The fleet document (YAML, or JSON by its .json ending).")
    Path fleet;

    @Option(names = "--broker", required = true, paramLabel = "URL",
            description = {"The MQTT broker: tcp://host:port (mqtt:// too; for example a Mosquitto on tcp://127.0.0.1:1883), "
                    + "or 'embedded' to start comm's in-process HiveMQ CE broker on a free port of 127.0.0.1 (embedded:PORT for a given port); "
                    + "its address is printed, for the control center to connect to. The embedded broker suits small fleets: it shares this "
                    + "process's file descriptors, one more per device."})
    String broker;

    @Option(names = "--speed", defaultValue = "1", paramLabel = "N",
            description = "Simulated seconds per wall-clock second: 1 is real time, 480 runs a day in 3 minutes. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of everything random (weather and demand noise, forced outages, dropped acks): the same seed, the same field. "
                    + "Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--duration", paramLabel = "DURATION", converter = PlanCommand.DurationConverter.class,
            description = "Stop after this much simulated time, e.g. 1m, 2h or P2D. Default: run until Ctrl-C.")
    Duration duration;

    @Option(names = "--status-every", defaultValue = "5s", paramLabel = "DURATION", converter = PlanCommand.DurationConverter.class,
            description = "Wall-clock time between status lines. Default: ${DEFAULT-VALUE}.")
    Duration statusEvery;

    @Option(names = "--report-every", defaultValue = "5s", paramLabel = "DURATION", converter = PlanCommand.DurationConverter.class,
            description = "Simulated time between a device's telemetry reports. Default: ${DEFAULT-VALUE}.")
    Duration reportEvery;

    @Option(names = "--network", defaultValue = "relayed", paramLabel = "relayed|direct",
            description = {"relayed: the sites reach the broker through an in-process relay that can break a site's connection without a "
                    + "goodbye (the broker publishes its last will) and delay or drop acks on the wire; 3 sockets per device. "
                    + "direct: one socket per device, for the largest fields; no faults on the wire. Default: ${DEFAULT-VALUE}."})
    String network;

    @Option(names = "--topic-root", defaultValue = Topics.DEFAULT_ROOT, paramLabel = "ROOT",
            description = "The topics' root, shared with the control center, e.g. acme/plant-2. Default: ${DEFAULT-VALUE}.")
    String topicRoot;

    @Option(names = "--max-connections", defaultValue = "5000", paramLabel = "N",
            description = "The most MQTT connections (one per device) this process may open; a bigger fleet is refused. Default: ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        BrokerSettings brokerSettings;
        SimulatedField.Settings settings;
        try {
            brokerSettings = BrokerSettings.parse(broker);
            SimulatedField.Network net = switch (network.strip().toLowerCase(Locale.ROOT)) {
                case "relayed" -> SimulatedField.Network.RELAYED;
                case "direct" -> SimulatedField.Network.DIRECT;
                default -> throw new IllegalArgumentException("--network must be relayed or direct, not '" + network + "'");
            };
            settings = SimulatedField.Settings.defaults(seed)
                    .withField(FieldOptions.seeded(seed))
                    .withSpeed(speed)
                    .withReportEvery(reportEvery)
                    .withNetwork(net)
                    .withMaxConnections(maxConnections)
                    .withLink(SimulatedField.Settings.defaults(seed).link().withTopics(new Topics(topicRoot.strip())));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }

        IngestPipeline.Result ingest = Planning.ingest(fleet);
        if (ingest.problem().isEmpty()) {
            Reports.printIngest(out, fleet.toString(), ingest, 20);
            out.println("\nNo field: the fleet cannot be simulated (see above).");
            return GridfleetCli.EXIT_REJECTED;
        }
        Reports.printIngest(out, fleet.toString(), ingest, 10);
        PlanningProblem problem = ingest.problem().get();
        out.flush();

        try (Broker openBroker = open(brokerSettings, err)) {
            if (openBroker == null) {
                return GridfleetCli.EXIT_FAILED;
            }
            if (brokerSettings instanceof BrokerSettings.Embedded) {
                out.println("\nEmbedded MQTT broker listening on " + openBroker.address() + ": point the control center there.");
            }
            SimulatedField field;
            try {
                field = SimulatedField.connect(problem, openBroker.address(), settings);
            } catch (IllegalArgumentException | IllegalStateException e) {
                err.println("gridfleet: simulate: " + e.getMessage());
                return GridfleetCli.EXIT_FAILED;
            }
            try (field) {
                return run(field, problem, settings, openBroker, out);
            }
        }
    }

    private static Broker open(BrokerSettings settings, PrintWriter err) {
        try {
            return settings.open();
        } catch (IllegalStateException e) {
            err.println("gridfleet: simulate: " + e.getMessage());
            return null;
        }
    }

    /** Runs the field until --duration or Ctrl-C, printing a status line every --status-every. */
    private int run(SimulatedField field, PlanningProblem problem, SimulatedField.Settings settings, Broker openBroker, PrintWriter out)
            throws InterruptedException {
        out.printf(Locale.ROOT, "%nSimulating %s: %d devices, %d end-users, from %s at %s times real time (%s of simulated time per minute), "
                        + "%s network, topics under %s/ on %s. %s%n",
                problem.name(), problem.assets().size(), problem.endUsers().size(), field.clock().now(), number(settings.speed()),
                Planning.duration(Duration.ofNanos(Math.round(60e9 * Math.min(settings.speed(), 1e6)))),
                settings.network().name().toLowerCase(Locale.ROOT), settings.link().topics().root(), openBroker.address(),
                duration == null ? "Ctrl-C stops." : "Stops after " + Planning.duration(duration) + " of simulated time, or on Ctrl-C.");
        printStatus(out, field.status());

        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl-C: the JVM runs this hook and exits when it returns; the field stops and says goodbye first
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            field.stop();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gridfleet-simulate-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            CompletableFuture<Void> running = field.run(duration);
            while (true) {
                try {
                    running.get(statusEvery.toNanos(), TimeUnit.NANOSECONDS);
                    break;
                } catch (TimeoutException e) {
                    printStatus(out, field.status());
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the field's run loop failed", e.getCause());
                }
            }
            printStatus(out, field.status());
            out.println(interrupted.get() ? "Stopped by Ctrl-C: the sites say goodbye." : "Done: the sites say goodbye.");
            out.flush();
            return 0;
        } finally {
            field.close();
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and returns now that the field is closed
            }
        }
    }

    /** "2026-11-23T07:05:00Z  online 24/24  output 1234.5 kW  demand 2345.6 kW  ×598". */
    static void printStatus(PrintWriter out, SimulatedField.Status s) {
        out.printf(Locale.ROOT, "%s  online %d/%d  output %.1f kW  demand %.1f kW%s%s%n", s.time(), s.online(), s.devices(), s.outputKw(),
                s.demandKw(), s.speed() > 0 ? "  ×" + number(s.speed()) : "", s.slips() > 0 ? "  (fell behind " + s.slips() + " times)" : "");
        out.flush();
    }

    private static String number(double value) {
        return value >= 10 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.3g", value);
    }
}
