package org.gridfleet.plan.candidates;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.plan.evaluate.PlanMetrics;

/**
 * One candidate plan with its metrics.
 *
 * @param names       the names of the generators that made this plan: one, or several when they made the same plan
 * @param seconds     wall-clock time the (first) generator took, s
 * @param pareto      whether no other candidate is at least as good in total cost, CO2 and expected energy not served
 *                    and better in one of them ({@link Pareto})
 * @param dominatedBy the candidates that are, by {@link #name()}; empty when {@code pareto}
 */
public record Candidate(List<String> names, DispatchPlan plan, PlanMetrics metrics, double seconds, boolean pareto,
                        List<String> dominatedBy) {
    /** Joins the names of generators that made the same plan. */
    public static final String NAME_SEPARATOR = "/";

    public Candidate {
        names = List.copyOf(names);
        requireNonNull(plan, "plan");
        requireNonNull(metrics, "metrics");
        dominatedBy = List.copyOf(dominatedBy);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs a name");
        }
        if (pareto && !dominatedBy.isEmpty()) {
            throw new IllegalArgumentException(String.join(NAME_SEPARATOR, names) + " cannot be Pareto-efficient and dominated by " + dominatedBy);
        }
    }

    /** A candidate not yet compared with the others: marked Pareto-efficient until {@link Pareto#mark} says otherwise. */
    public static Candidate unmarked(List<String> names, DispatchPlan plan, PlanMetrics metrics, double seconds) {
        return new Candidate(names, plan, metrics, seconds, true, List.of());
    }

    /** The names joined by {@code /}, e.g. {@code least-cost/most-revenue}. */
    public String name() {
        return String.join(NAME_SEPARATOR, names);
    }

    Candidate marked(boolean efficient, List<String> dominators) {
        return new Candidate(names, plan, metrics, seconds, efficient, dominators);
    }
}
