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
 * {@code gridfleet demo}: the embedded example fleet through the whole planning pipeline. Needs nothing but the
 * jar: the example is packaged inside it.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs the embedded example fleet (Riverside campus) through collector, verifier, formatter, merit-order plan, checker and evaluator.")
final class DemoCommand implements Callable<Integer> {
    static final String EXAMPLE = "examples/riverside/";
    static final List<String> EXAMPLE_FILES = List.of("fleet.yaml", "demand.csv", "forecasts.csv", "prices.csv", "maintenance.csv");

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the example's files and its plan (plan.json, plan.csv, plan-soc.csv) into DIR.")
    Path out;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = out != null ? Files.createDirectories(out) : Files.createTempDirectory("gridfleet-demo");
        try {
            extractExample(dir);
            var writer = spec.commandLine().getOut();
            writer.println("gridfleet demo: the example fleet, planned as one power plant");
            writer.println("  collector → verifier → formatter → merit-order plan generator → plan checker → evaluator");
            writer.println();
            Path fleet = dir.resolve("fleet.yaml");
            String label = out != null ? fleet.toString() : EXAMPLE + "fleet.yaml (embedded in the jar)";
            // the merit order: fast and the same on every machine; the MILP needs about a minute on this fleet
            int code = PlanCommand.planAndWrite(writer, spec.commandLine().getErr(), fleet, label, dir.resolve("plan.json"), out != null,
                    Planning.Settings.meritOrder());
            writer.println("\n(gridfleet plan --fleet FILE --out plan.json plans a fleet optimally with the MILP, see gridfleet help plan)");
            if (out == null) {
                writer.println("(gridfleet demo --out DIR keeps the example's files and its plan)");
            }
            return code;
        } finally {
            if (out == null) {
                deleteTree(dir);
            }
        }
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
