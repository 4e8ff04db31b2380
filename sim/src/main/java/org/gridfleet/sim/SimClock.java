package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Simulated time: stands still until {@link #advance} moves it, so a day of the field runs in seconds and a
 * test knows every instant. An {@link InstantSource}, so anything that takes a clock (a communication device,
 * the control center) can run on it. Thread-safe: one thread advances, any thread reads.
 */
public final class SimClock implements InstantSource {
    private volatile Instant now;

    public SimClock(Instant start) {
        this.now = requireNonNull(start, "start");
    }

    /** The current simulated instant. */
    public Instant now() {
        return now;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves simulated time forward by {@code dt} (zero allowed) and returns the new instant. */
    public synchronized Instant advance(Duration dt) {
        requireNonNull(dt, "dt");
        if (dt.isNegative()) {
            throw new IllegalArgumentException("simulated time only moves forward: dt " + dt);
        }
        now = now.plus(dt);
        return now;
    }

    /** Moves simulated time to {@code time}, which may not be before now. */
    public synchronized void advanceTo(Instant time) {
        requireNonNull(time, "time");
        if (time.isBefore(now)) {
            throw new IllegalArgumentException("simulated time only moves forward: " + time + " is before " + now);
        }
        now = time;
    }

    @Override
    public String toString() {
        return "SimClock[" + now + "]";
    }
}
