package org.gridfleet.sim;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;

/**
 * An end-user's meter: the demand of the end-user's profile (the planning problem's {@code demandKwByEndUser},
 * interval-beginning, averaged over each step so energy is kept when a step spans intervals) times a seeded
 * AR(1) error:
 *
 * <pre>
 *   demandKw = max(0, profile average over [t, t + dt) · (1 + ε))     ε ~ {@link NoiseModel} (default ±3 %, 15 min)
 * </pre>
 *
 * Each {@link #step} takes a reading stamped at the end of the step. A {@link #freeze frozen} meter keeps
 * publishing on time with the value it had when it froze: a stuck register behind a working modem, the failure a
 * staleness check on timestamps cannot see (a meter that stops publishing altogether is a cut of its
 * communications instead). Its error process runs on meanwhile, so unfreezing resumes as if it had not frozen.
 * Thread-safe.
 */
public final class EndUserMeter {
    private final EndUserId endUser;
    private final Profile demandKw;
    private final TimeGrid grid;
    private final InstantSource clock;
    private final Ar1Noise noise;
    private MeterReading reading;
    private boolean frozen;
    private Instant measuredUntil;

    public EndUserMeter(EndUserId endUser, Profile demandKw, TimeGrid grid, NoiseModel noise, long seed, InstantSource clock) {
        this.endUser = requireNonNull(endUser, "endUser");
        this.demandKw = requireNonNull(demandKw, "demandKw");
        this.grid = requireNonNull(grid, "grid");
        this.clock = requireNonNull(clock, "clock");
        if (demandKw.size() != grid.intervals()) {
            throw new IllegalArgumentException(endUser + ": demand has " + demandKw.size() + " values for " + grid.intervals() + " intervals");
        }
        this.noise = new Ar1Noise(requireNonNull(noise, "noise"), Seeds.derive(seed, "demand", endUser.value()));
        Instant now = clock.instant();
        this.measuredUntil = now;
        this.reading = new MeterReading(endUser, now, demand(Series.average(demandKw, grid, now, now), this.noise.value()));
    }

    public EndUserId endUser() {
        return endUser;
    }

    /** Measures {@code [now, now + dt)}, where now is the clock's instant; the caller then advances the clock. */
    public synchronized void step(Duration dt) {
        requireNonNull(dt, "dt");
        if (dt.isNegative() || dt.isZero()) {
            throw new IllegalArgumentException(endUser + ": step must be positive: " + dt);
        }
        Instant from = clock.instant();
        if (from.isBefore(measuredUntil)) {
            throw new IllegalStateException(endUser + ": asked to step from " + from + " but already measured until " + measuredUntil);
        }
        Instant to = from.plus(dt);
        double epsilon = noise.advance(dt);
        double value = frozen ? reading.demandKw() : demand(Series.average(demandKw, grid, from, to), epsilon);
        reading = new MeterReading(endUser, to, value);
        measuredUntil = to;
    }

    private static double demand(double profileKw, double epsilon) {
        return Math.max(0, profileKw * (1 + epsilon));
    }

    /** The latest reading. */
    public synchronized MeterReading reading() {
        return reading;
    }

    /** Fault injection: from now on every reading repeats the latest value, with its time still advancing. */
    public synchronized void freeze() {
        frozen = true;
    }

    public synchronized void unfreeze() {
        frozen = false;
    }

    public synchronized boolean isFrozen() {
        return frozen;
    }
}
