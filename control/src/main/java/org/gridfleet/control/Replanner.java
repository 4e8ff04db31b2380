package org.gridfleet.control;

import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;

/**
 * Plans the rest of the horizon when the center re-plans: given the planning problem of the remaining intervals (live
 * states of charge and running units, lost units unavailable, corrected forecasts), the plan to follow from now on.
 */
@FunctionalInterface
public interface Replanner {
    DispatchPlan replan(PlanningProblem remaining);

    /** The merit-order baseline: fast and always has an answer (a first implementation; the MILP may take its place). */
    static Replanner meritOrder() {
        MeritOrderPlanGenerator generator = new MeritOrderPlanGenerator();
        return problem -> generator.generate(problem).getFirst();
    }
}
