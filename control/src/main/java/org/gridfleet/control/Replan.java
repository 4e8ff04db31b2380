package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.model.plan.DispatchPlan;

/**
 * One re-plan of the rest of the horizon: when, from which interval, why, and the plan that replaced the one in force.
 *
 * @param from the start of the first interval re-planned (the interval in progress)
 * @param why  what departed from the plan, with the figures, for a person
 * @param took wall time of the plan generator
 */
public record Replan(Instant time, Instant from, Reason reason, String why, DispatchPlan plan, Duration took) {
    /** What makes the center re-plan. */
    public enum Reason {
        /** More than the threshold share of the capacity the plan uses in this interval is unavailable. */
        LOST_CAPACITY,
        /** Demand departed from the forecast by more than the threshold for several intervals in a row. */
        DEMAND_DEPARTURE,
        /** New forecasts were handed to the center. */
        NEW_FORECAST,
        /** Units the last re-plan did without (lost then) are available again. */
        CAPACITY_BACK,
        /** An operator chose another plan ({@link ControlCenter#adopt}); not a re-plan, but it replaces the plan in force the same way. */
        OPERATOR_CHOICE
    }

    public Replan {
        requireNonNull(time, "time");
        requireNonNull(from, "from");
        requireNonNull(reason, "reason");
        requireNonNull(why, "why");
        requireNonNull(plan, "plan");
        requireNonNull(took, "took");
    }
}
