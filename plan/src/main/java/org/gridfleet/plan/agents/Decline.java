package org.gridfleet.plan.agents;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.AssetId;

/**
 * An agent that sent no offer for intervals {@code firstInterval..lastInterval} (inclusive), and why. Kept beside the
 * plan because {@link org.gridfleet.model.plan.DispatchPlan} has no place for notes.
 */
public record Decline(AssetId asset, int firstInterval, int lastInterval, Reason reason) {
    /** Why an agent declines. */
    public enum Reason {
        /** A maintenance window (availability 0) covers the interval. */
        MAINTENANCE,
        /** The owner withdrew the device, or its available output is below its minimum stable power. */
        UNAVAILABLE,
        /** Its run-hour limit has no interval left, or too little for a minimum run. */
        RUN_HOURS,
        /** It stopped less than its minimum down time ago. */
        MIN_DOWN_TIME,
        /** A start now could not complete the minimum up time before maintenance or unavailability. */
        MIN_RUN_BLOCKED
    }

    public Decline {
        requireNonNull(asset, "asset");
        requireNonNull(reason, "reason");
        if (firstInterval < 0 || lastInterval < firstInterval) {
            throw new IllegalArgumentException("decline needs 0 <= firstInterval <= lastInterval: " + firstInterval + ", " + lastInterval);
        }
    }
}
