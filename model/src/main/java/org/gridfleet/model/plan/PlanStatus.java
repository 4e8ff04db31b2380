package org.gridfleet.model.plan;

import java.util.List;

/** How good a plan is known to be. A plan with shortfalls still carries its best-effort schedule. */
public sealed interface PlanStatus {
    /** Proven optimal for its objective. */
    record Optimal() implements PlanStatus {}

    /** Meets every requirement; optimal within {@code relativeGap} (for example 0.001 = 0.1 %). */
    record Feasible(double relativeGap) implements PlanStatus {}

    /** Meets every requirement, from a heuristic that claims no optimality bound (the merit-order baseline). */
    record Heuristic() implements PlanStatus {}

    /** Does not meet every requirement: why, and where by how much. */
    record Infeasible(String reason, List<Shortfall> shortfalls) implements PlanStatus {
        public Infeasible {
            shortfalls = List.copyOf(shortfalls);
        }
    }

    default boolean meetsRequirements() {
        return !(this instanceof Infeasible);
    }

    /** One word for tables and JSON: optimal, feasible, heuristic or infeasible. */
    default String label() {
        return switch (this) {
            case Optimal o -> "optimal";
            case Feasible f -> "feasible";
            case Heuristic h -> "heuristic";
            case Infeasible i -> "infeasible";
        };
    }
}
