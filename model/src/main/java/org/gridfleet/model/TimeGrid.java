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
    public static final Duration MAX_STEP = Duration.ofDays(1);
    public static final int MAX_INTERVALS = 100_000;
    /** Horizons start within these years, so every instant of them fits in epoch milliseconds with room to spare. */
    public static final Instant EARLIEST_START = Instant.parse("1900-01-01T00:00:00Z");
    public static final Instant LATEST_START = Instant.parse("2200-01-01T00:00:00Z");

    public TimeGrid {
        requireNonNull(start, "start");
        requireNonNull(step, "step");
        if (step.compareTo(MIN_STEP) < 0 || step.compareTo(MAX_STEP) > 0 || step.getNano() != 0) {
            throw new IllegalArgumentException("step must be whole seconds from 1 minute to 1 day: " + step);
        }
        if (intervals < 1 || intervals > MAX_INTERVALS) {
            throw new IllegalArgumentException("intervals must be within [1, " + MAX_INTERVALS + "]: " + intervals);
        }
        if (start.isBefore(EARLIEST_START) || start.isAfter(LATEST_START)) {
            throw new IllegalArgumentException("start must be between " + EARLIEST_START + " and " + LATEST_START + ": " + start);
        }
    }

    /**
     * The interval that contains {@code time}: {@code floor((time − start) / step)}, which is below 0 before the
     * horizon and {@code intervals} or more after it. Exact to the nanosecond.
     */
    public long indexOf(Instant time) {
        Duration offset = Duration.between(start, time);
        long index = offset.dividedBy(step);
        return offset.isNegative() && !step.multipliedBy(index).equals(offset) ? index - 1 : index;
    }

    /** Length of one interval in hours, the factor from kW to kWh. */
    public double stepHours() {
        return step.toMillis() / 3_600_000.0;
    }

    /**
     * Whole intervals that fit in {@code hours}: the largest k ≤ intervals with k·h ≤ hours (within half of
     * {@code toleranceHours}), summing the step k times as plans are checked and evaluated. Infinite hours: all.
     */
    public int intervalsWithin(double hours, double toleranceHours) {
        double h = stepHours();
        int k = 0;
        double sum = 0;
        while (k < intervals && sum + h <= hours + toleranceHours / 2) {
            sum += h;
            k++;
        }
        return k;
    }

    /**
     * Intervals needed to get from {@code fromHours} to {@code hours}: the smallest k ≥ 0 with
     * fromHours + k·h ≥ hours − toleranceHours, summing the step k times; at most intervals + 1.
     */
    public int intervalsToReach(double fromHours, double hours, double toleranceHours) {
        double h = stepHours();
        int k = 0;
        double sum = fromHours;
        while (sum < hours - toleranceHours && k <= intervals) {
            sum += h;
            k++;
        }
        return k;
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
