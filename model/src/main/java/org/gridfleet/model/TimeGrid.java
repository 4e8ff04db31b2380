package org.gridfleet.model;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * The planning horizon: {@code intervals} consecutive intervals of length {@code step} from {@code start}.
 * Interval {@code k} covers {@code [start + k·step, start + (k+1)·step)}.
 */
public record TimeGrid(Instant start, Duration step, int intervals) {
    public static final Duration MIN_STEP = Duration.ofMinutes(1);
    public static final int MAX_INTERVALS = 100_000;

    public TimeGrid {
        requireNonNull(start, "start");
        requireNonNull(step, "step");
        if (step.compareTo(MIN_STEP) < 0) {
            throw new IllegalArgumentException("step must be at least 1 minute: " + step);
        }
        if (intervals < 1 || intervals > MAX_INTERVALS) {
            throw new IllegalArgumentException("intervals must be within [1, " + MAX_INTERVALS + "]: " + intervals);
        }
    }

    /** Length of one interval in hours, the factor from kW to kWh. */
    public double stepHours() {
        return step.toMillis() / 3_600_000.0;
    }

    public Instant startOf(int interval) {
        checkIndex(interval);
        return start.plus(step.multipliedBy(interval));
    }

    public Instant endOf(int interval) {
        checkIndex(interval);
        return start.plus(step.multipliedBy(interval + 1L));
    }

    /** End of the horizon (exclusive). */
    public Instant end() {
        return start.plus(step.multipliedBy(intervals));
    }

    public Duration horizon() {
        return step.multipliedBy(intervals);
    }

    private void checkIndex(int interval) {
        if (interval < 0 || interval >= intervals) {
            throw new IndexOutOfBoundsException("interval " + interval + " outside [0, " + intervals + ")");
        }
    }
}
