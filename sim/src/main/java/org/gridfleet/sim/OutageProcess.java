package org.gridfleet.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.gridfleet.model.asset.Reliability;

/**
 * A device's random forced outages: an alternating renewal process in simulated calendar time. Time to the next
 * failure is exponential with mean {@code mttfHours}, time to repair exponential with mean {@code mttrHours}, so
 * over a long run the device is on forced outage for the share {@code mttr / (mttf + mttr)} of the time, its
 * forced outage rate. Draws happen only at failures and repairs, so the timeline depends on the seed and not on
 * the step length. A maintenance window or a manual trip suspends the process (and the crew clears a fault);
 * it resumes with a fresh time to failure. Not thread-safe: its controller guards it.
 */
final class OutageProcess {
    /** A draw beyond this many hours (over a century) is taken as never. */
    private static final double NEVER_HOURS = 1e6;

    private final SplittableRandom random;
    private final double mttfHours;
    private final double mttrHours;
    private final boolean enabled;
    private Instant nextFailure;
    private Instant failedSince;
    private Instant repairAt;

    OutageProcess(Reliability reliability, long seed, boolean enabled, Instant start) {
        this.random = new SplittableRandom(seed);
        this.mttfHours = reliability.mttfHours();
        this.mttrHours = reliability.mttrHours();
        this.enabled = enabled && Double.isFinite(mttfHours);
        resume(start);
    }

    boolean failed() {
        return failedSince != null;
    }

    Instant failedSince() {
        return failedSince;
    }

    double mttrHours() {
        return mttrHours;
    }

    /** Applies the failures and repairs due by {@code t}. */
    void update(Instant t) {
        while (true) {
            if (failedSince != null && !t.isBefore(repairAt)) {
                Instant repaired = repairAt;
                failedSince = null;
                repairAt = null;
                nextFailure = after(repaired, mttfHours);
            } else if (failedSince == null && nextFailure != null && !t.isBefore(nextFailure)) {
                failedSince = nextFailure;
                nextFailure = null;
                repairAt = after(failedSince, mttrHours);
                if (repairAt == null) {
                    repairAt = Instant.MAX;
                }
            } else {
                return;
            }
        }
    }

    /** The next failure or repair strictly after {@code t}; null when none is due. */
    Instant nextTransitionAfter(Instant t) {
        Instant next = failedSince != null ? repairAt : nextFailure;
        return next != null && next.isAfter(t) ? next : null;
    }

    /** Stops the process: clears a fault, schedules no failure. */
    void suspend() {
        failedSince = null;
        repairAt = null;
        nextFailure = null;
    }

    /** Starts the process again at {@code t}, healthy, with a fresh time to failure. */
    void resume(Instant t) {
        failedSince = null;
        repairAt = null;
        nextFailure = enabled ? after(t, mttfHours) : null;
    }

    private Instant after(Instant t, double meanHours) {
        double hours = -meanHours * Math.log(1 - random.nextDouble());
        return hours > NEVER_HOURS ? null : t.plus(Duration.ofNanos(Math.round(hours * 3.6e12)));
    }
}
