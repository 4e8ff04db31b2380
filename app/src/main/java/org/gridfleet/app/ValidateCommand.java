package org.gridfleet.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridfleet validate}: the verifier's report on a fleet, everything rejected and why. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a fleet (document and CSV series) and prints every rejection and warning with its place, rule and remedy.",
                "Exit code 0 when nothing was rejected (warnings allowed), 1 when anything was."})
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--fleet", required = true, paramLabel = "FILE", description = "The fleet document (YAML, or JSON by its .json ending).")
    Path fleet;

    @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "Print at most N findings (0: all). Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--json", description = "Print the report as JSON instead of text.")
    boolean json;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        IngestPipeline.Result result = new IngestPipeline().run(new FileDataCollector(fleet));
        var out = spec.commandLine().getOut();
        if (json) {
            out.println(Reports.rejectionsJson(fleet, result));
        } else {
            Reports.printIngest(out, fleet.toString(), result, limit);
        }
        return result.errors().isEmpty() ? 0 : GridfleetCli.EXIT_REJECTED;
    }
}
