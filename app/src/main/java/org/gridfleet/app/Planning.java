package org.gridfleet.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;

/** The planning pipeline as the commands run it: collect, verify, format, plan, check, evaluate. */
final class Planning {
    private Planning() {}

    /**
     * What a planning run produced.
     *
     * @param planned empty when the fleet has nothing plannable (no valid horizon); {@code ingest} says why
     */
    record Run(IngestPipeline.Result ingest, Optional<Planned> planned) {}

    /** One plan with its independent check and its metrics. */
    record Planned(PlanningProblem problem, DispatchPlan plan, List<Violation> violations, PlanMetrics metrics) {}

    static Run run(Path fleet) {
        IngestPipeline.Result ingest = new IngestPipeline().run(new FileDataCollector(fleet));
        return new Run(ingest, ingest.problem().map(Planning::plan));
    }

    private static Planned plan(PlanningProblem problem) {
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        return new Planned(problem, plan, new PlanChecker().check(plan, problem), new PlanEvaluator().evaluate(plan, problem));
    }
}
