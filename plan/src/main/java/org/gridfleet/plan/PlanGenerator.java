package org.gridfleet.plan;

import java.util.List;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Makes dispatch plans for a planning problem. A generator always returns its best-effort plans, even when they
 * cannot meet every requirement: such a plan says so in its {@link org.gridfleet.model.plan.PlanStatus}, with the
 * shortfalls, rather than by throwing.
 */
public interface PlanGenerator {
    /** Short, stable name that plans carry in {@link DispatchPlan#generator()}, e.g. {@code merit-order}. */
    String name();

    /** One or more plans for {@code problem}; never empty. */
    List<DispatchPlan> generate(PlanningProblem problem);
}
