package org.gridfleet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.Rejection;
import org.gridfleet.model.problem.PlanningProblem;

/** What the commands print: plain tables for people, JSON for programs. */
final class Reports {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Reports() {}

    /** The fleet in one paragraph, then errors and warnings (errors first), at most {@code limit} of them (0: all). */
    static void printIngest(PrintWriter out, String fleet, IngestPipeline.Result result, int limit) {
        out.println("Fleet " + fleet);
        result.problem().ifPresentOrElse(p -> printProblem(out, p),
                () -> out.println("  nothing can be planned: the fleet has no valid name and horizon (see below)"));
        List<Rejection> errors = result.errors();
        List<Rejection> warnings = result.warnings();
        out.printf("  rejected     %d %s, %d %s%n", errors.size(), errors.size() == 1 ? "error" : "errors",
                warnings.size(), warnings.size() == 1 ? "warning" : "warnings");
        List<Rejection> all = Stream.concat(errors.stream(), warnings.stream()).toList();
        int shown = limit <= 0 ? all.size() : Math.min(limit, all.size());
        if (shown > 0) {
            out.println();
        }
        for (Rejection r : all.subList(0, shown)) {
            out.println("  " + r.describe());
        }
        if (shown < all.size()) {
            out.printf("  ... and %d more (--limit 0 lists them all)%n", all.size() - shown);
        }
    }

    private static void printProblem(PrintWriter out, PlanningProblem p) {
        out.printf("  plant        %s, %s, %d intervals of %d min from %s%n", p.name(), p.currency(), p.grid().intervals(),
                p.grid().step().toMinutes(), p.grid().start());
        out.printf("  kept         %d devices, %d end-users%s%n", p.assets().size(), p.endUsers().size(),
                p.flags().isEmpty() ? "" : ", " + p.flags().size() + " series spans filled or substituted");
    }

    static String rejectionsJson(Path fleet, IngestPipeline.Result result) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("fleet", fleet.toString());
        root.put("plannable", result.problem().isPresent());
        result.problem().ifPresent(p -> {
            root.put("devices", p.assets().size());
            root.put("endUsers", p.endUsers().size());
        });
        root.put("errors", result.errors().size());
        root.put("warnings", result.warnings().size());
        ArrayNode findings = root.putArray("findings");
        for (Rejection r : result.rejections()) {
            findings.addObject()
                    .put("severity", r.severity().name().toLowerCase())
                    .put("rule", r.rule().id())
                    .put("file", r.file())
                    .put("where", r.where())
                    .put("message", r.message());
        }
        return JSON.writeValueAsString(root);
    }
}
