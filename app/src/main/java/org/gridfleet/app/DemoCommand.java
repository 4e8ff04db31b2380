package org.gridfleet.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gridfleet demo}: the embedded example fleet through the whole planning pipeline, then its day live: an
 * embedded broker, the store, the field simulated over MQTT, and the control center running the plan on an
 * accelerated clock. Needs nothing but the jar: the example is packaged inside it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the embedded example fleet (Riverside campus) through collector, verifier, formatter, merit-order plan, checker and evaluator,",
                "then runs its day live in one process: an embedded MQTT broker, an H2 store, the devices and meters simulated over MQTT, "
                        + "and the control center sending the plan's set points, re-dispatching on events, and reporting;",
                "beside it the REST API on 127.0.0.1 (docs/api.md), with a ready operator token printed."})
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE = "examples/riverside/";
    static final List<String> EXAMPLE_FILES = List.of("fleet.yaml", "demand.csv", "forecasts.csv", "prices.csv", "maintenance.csv");

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the example's files and its plan (plan.json, plan.csv, plan-soc.csv) into DIR.")
    Path out;

    @Option(names = "--live", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Run the day live after planning (--no-live: plan only). Default: ${DEFAULT-VALUE}.")
    boolean live;

    @Option(names = "--speed", defaultValue = "720", paramLabel = "N",
            description = "Simulated seconds per second of the live day: 720 runs a day in 2 minutes. Default: ${DEFAULT-VALUE}.")
    double speed;

    @Option(names = "--duration", paramLabel = "DURATION", converter = PlanCommand.DurationConverter.class,
            description = "Simulated time to run live, e.g. 6h; default the plan's whole horizon.")
    java.time.Duration duration;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated field (weather, meters, outages). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--broker", defaultValue = "embedded", paramLabel = "embedded|tcp://HOST:PORT",
            description = "The MQTT broker of the live day: embedded in this process, or an external one. Default: ${DEFAULT-VALUE}.")
    String broker;

    @Option(names = "--devices", paramLabel = "N",
            description = "Run a synthetic fleet of N devices (ten end-users per device, one day at 15 minutes, seeded by --seed) instead of the example.")
    Integer devices;

    @Option(names = "--api", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Serve the REST API beside the live day on 127.0.0.1 and print a ready operator token (--no-api: none). Default: ${DEFAULT-VALUE}.")
    boolean api;

    @Option(names = "--api-port", defaultValue = "8080", paramLabel = "PORT",
            description = "The API's port on 127.0.0.1 (0: any free port). Default: ${DEFAULT-VALUE}.")
    int apiPort;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("gridfleet-demo");
        try {
            var writer = spec.commandLine().getOut();
            String label;
            if (devices != null) {
                if (devices < 1 || devices > 20_000) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--devices must be within 1..20000: " + devices);
                }
                org.gridfleet.synth.FleetWriter.write(org.gridfleet.synth.FleetGenerator.generate(
                        org.gridfleet.synth.FleetSpec.of(devices, 10 * devices, 96, seed)), dir);
                label = "a synthetic fleet of " + devices + " devices (seed " + seed + ")";
                writer.println("gridfleet demo: " + label + ", planned as one power plant");
            } else {
                extractExample(dir);
                label = out != null ? dir.resolve("fleet.yaml").toString() : EXAMPLE + "fleet.yaml (embedded in the jar)";
                writer.println("gridfleet demo: the example fleet, planned as one power plant");
            }
            writer.println("  collector → verifier → formatter → merit-order plan generator → plan checker → evaluator");
            writer.println();
            Path fleet = dir.resolve("fleet.yaml");
            // the merit order: fast and the same on every machine; the MILP needs about a minute on this fleet
            PlanCommand.Written written = PlanCommand.planAndWrite(writer, spec.commandLine().getErr(), fleet, label, dir.resolve("plan.json"),
                    out != null, Planning.Settings.meritOrder());
            int code = written.code();
            if (live && written.planned().isPresent()) {
                code = Math.max(code, runLive(writer, written.planned().get(), dir));
            }
            writer.println("\n(gridfleet plan --fleet FILE --out plan.json plans a fleet optimally with the MILP, see gridfleet help plan)");
            if (out == null) {
                writer.println("(gridfleet demo --out DIR keeps the example's files, its plan and the live day's store)");
            }
            return code;
        } finally {
            if (out == null) {
                deleteTree(dir);
            }
        }
    }

    private int runLive(java.io.PrintWriter writer, Planning.Planned planned, Path dir) throws Exception {
        org.gridfleet.comm.broker.BrokerSettings brokerSettings;
        LiveRun.Settings settings;
        try {
            brokerSettings = org.gridfleet.comm.broker.BrokerSettings.parse(broker);
            settings = new LiveRun.Settings(brokerSettings, org.gridfleet.store.StoreSettings.h2File(dir.resolve("store").resolve("gridfleet")), speed, seed,
                    duration != null ? duration : planned.plan().grid().step().multipliedBy(planned.plan().grid().intervals()),
                    java.time.Duration.ofSeconds(5));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (api && (apiPort < 0 || apiPort > 65_535)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--api-port must be within 0..65535: " + apiPort);
        }
        LiveRun.Result result = LiveRun.run(planned.problem(), planned.plan(), planned.metrics(), settings,
                api ? java.util.OptionalInt.of(apiPort) : java.util.OptionalInt.empty(), writer);
        writer.println();
        writer.print(result.report().summary());
        writer.printf("  %d of %d devices online at the end%s%n", result.devicesOnlineAtEnd(), planned.problem().assets().size(),
                result.storeFailures() == 0 ? "; everything above is kept in the store" : "; " + result.storeFailures() + " store writes failed (see the log)");
        return 0;
    }

    private static void extractExample(Path dir) throws IOException {
        for (String name : EXAMPLE_FILES) {
            try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(EXAMPLE + name)) {
                if (in == null) {
                    throw new IOException("the example file " + EXAMPLE + name + " is missing from the jar: rebuild it");
                }
                Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
