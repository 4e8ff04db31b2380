package org.gridfleet.plan.evaluate;

import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Judges how likely a plan is to keep its promise when devices fail and forecasts err. The evaluator calls it for
 * every plan it is given; {@code org.gridfleet.plan.reliability.MonteCarloReliability} is the implementation.
 */
@FunctionalInterface
public interface ReliabilityAssessor {
    /** The reliability metrics of {@code plan} for {@code problem}; the same inputs always give the same figures. */
    ReliabilityMetrics assess(DispatchPlan plan, PlanningProblem problem);
}
