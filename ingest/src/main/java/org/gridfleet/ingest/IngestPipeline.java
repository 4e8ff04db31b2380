package org.gridfleet.ingest;

import java.util.List;
import java.util.Optional;
import org.gridfleet.ingest.collector.DataCollector;
import org.gridfleet.ingest.formatter.DataFormatter;
import org.gridfleet.ingest.verifier.DataVerifier;
import org.gridfleet.ingest.verifier.VerificationReport;
import org.gridfleet.model.problem.PlanningProblem;

/** Collector → verifier → formatter, in one call. */
public final class IngestPipeline {
    private final DataVerifier verifier;
    private final DataFormatter formatter;

    public IngestPipeline() {
        this(new DataVerifier(), new DataFormatter());
    }

    public IngestPipeline(DataVerifier verifier, DataFormatter formatter) {
        this.verifier = verifier;
        this.formatter = formatter;
    }

    /**
     * The verifier's findings, and the planning problem built from what it kept.
     *
     * @param problem empty when no valid horizon could be read, so nothing can be planned
     */
    public record Result(List<Rejection> rejections, Optional<PlanningProblem> problem) {
        public Result {
            rejections = List.copyOf(rejections);
        }

        public List<Rejection> errors() {
            return rejections.stream().filter(Rejection::isError).toList();
        }

        public List<Rejection> warnings() {
            return rejections.stream().filter(r -> !r.isError()).toList();
        }
    }

    public Result run(DataCollector collector) {
        VerificationReport report = verifier.verify(collector.collect());
        Optional<PlanningProblem> problem = report.data().settings().map(s -> formatter.format(report.data()));
        return new Result(report.rejections(), problem);
    }
}
