package org.gridfleet.plan.evaluate;

import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Judges what a plan does to the network. Planning does not know power flow: the module that does
 * ({@code grid}) implements this, and the application hands it to the {@link PlanEvaluator}.
 */
@FunctionalInterface
public interface NetworkAssessor {
    /** The network metrics of {@code plan}; called only for problems that have a network. */
    NetworkMetrics assess(DispatchPlan plan, PlanningProblem problem);
}
