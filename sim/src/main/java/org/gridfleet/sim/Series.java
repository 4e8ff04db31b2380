package org.gridfleet.sim;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;

/**
 * Reads a planning-grid {@link Profile} in simulated time: each value holds from its interval's start to the
 * next (interval-beginning), and outside the horizon the nearest end value holds (the first before it, the
 * last after it), so a field may run on past its plan.
 */
final class Series {
    private Series() {}

    /** The average of {@code profile} over {@code [from, to)}; the value at {@code from} when the span is empty. */
    static double average(Profile profile, TimeGrid grid, Instant from, Instant to) {
        long stepNanos = grid.step().toNanos();
        long a = Duration.between(grid.start(), from).toNanos();
        long b = Duration.between(grid.start(), to).toNanos();
        int last = profile.size() - 1;
        if (b <= a) {
            return profile.get(clamp(Math.floorDiv(a, stepNanos), last));
        }
        double sum = 0;
        long t = a;
        while (t < b) {
            long k = Math.floorDiv(t, stepNanos);
            long end;
            if (k < 0) {
                end = Math.min(b, 0);
            } else if (k >= last) {
                end = b;
            } else {
                end = Math.min(b, (k + 1) * stepNanos);
            }
            sum += profile.get(clamp(k, last)) * (end - t);
            t = end;
        }
        return sum / (b - a);
    }

    private static int clamp(long k, int last) {
        return (int) Math.max(0, Math.min(last, k));
    }
}
