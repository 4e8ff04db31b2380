package org.gridfleet.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.plan.io.ScheduleCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridfleet plan}: the merit-order plan of a fleet, written as JSON and CSV, with its summary. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plans a fleet with the merit-order baseline and writes the plan as JSON and a per-device CSV schedule.",
                "Exit code 0 when demand and reserve are met in every interval, 1 when not (the plan is written all the same)."})
final class PlanCommand implements Callable<Integer> {
    @Option(names = "--fleet", required = true, paramLabel = "FILE", description = "The fleet document (YAML, or JSON by its .json ending).")
    Path fleet;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the plan as JSON; the CSV schedule goes beside it (NAME.csv, and NAME-soc.csv for storage).")
    Path out;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return planAndWrite(spec.commandLine().getOut(), fleet, fleet.toString(), out, true);
    }

    /**
     * Plans {@code fleet}, writes the plan files at {@code out} and prints the summary; returns the exit code.
     *
     * @param label how the fleet is named in the output
     */
    static int planAndWrite(PrintWriter writer, Path fleet, String label, Path out, boolean sayWhereWritten) throws IOException {
        Planning.Run run = Planning.run(fleet);
        if (run.planned().isEmpty()) {
            Reports.printIngest(writer, label, run.ingest(), 20);
            writer.println("\nNo plan: the fleet cannot be planned (see above).");
            return GridfleetCli.EXIT_REJECTED;
        }
        Planning.Planned planned = run.planned().get();
        Path absolute = out.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        String base = absolute.getFileName().toString().replaceFirst("\\.json$", "");
        Path schedule = absolute.resolveSibling(base + ".csv");
        Path soc = absolute.resolveSibling(base + "-soc.csv");
        Files.writeString(absolute, PlanJson.write(planned.plan(), planned.metrics()));
        Files.writeString(schedule, ScheduleCsv.setPoints(planned.plan()));
        Files.writeString(soc, ScheduleCsv.stateOfCharge(planned.plan()));

        Reports.printIngest(writer, label, run.ingest(), 10);
        PlanSummary.print(writer, planned);
        if (sayWhereWritten) {
            writer.printf("%nWrote %s, %s and %s%n", out, schedule.getFileName(), soc.getFileName());
        }
        return planned.plan().status().meetsRequirements() ? 0 : GridfleetCli.EXIT_REJECTED;
    }
}
