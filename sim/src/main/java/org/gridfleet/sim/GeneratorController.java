package org.gridfleet.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.control.OperatingState;

/**
 * A dispatchable generator's controller: emergency generator, fuel cell, reciprocating engine or microturbine.
 *
 * <pre>
 *   STOPPED ──start (min down time passed)──▶ STARTING ──startUp.timeMinutes──▶ RUNNING ──stop (min up time passed,
 *      ▲                                         │  output rises linearly          │        at min stable)──▶ STOPPED
 *      └───────────── a stop aborts the start ───┘  0 → minStablePowerKw            └─ ramps toward its set point
 * </pre>
 *
 * <ul>
 *   <li>Set points: 0 kW (stop) or from the minimum stable power to rating × availability; negative, above or in
 *       between is rejected, naming the nearest feasible set point.</li>
 *   <li>Running, the output moves toward the set point at {@code rampUpKwPerMin} / {@code rampDownKwPerMin}.</li>
 *   <li>A stop ramps down to the minimum stable power and disconnects there (as the plan's shut-down ramp). Before
 *       the minimum up time has passed since it reached the minimum stable power, a stop is accepted with a reason
 *       saying until when the unit is held at its minimum stable power; it stops then and {@code DONE} follows.</li>
 *   <li>A start before the minimum down time has passed since the unit went down is accepted and delayed, with a
 *       reason saying until when, if it can begin before the command ends; rejected, naming the earliest start,
 *       if not.</li>
 *   <li>An emergency generator whose run-hour limit is used up refuses to start; one already running is not cut
 *       off (its hours are counted).</li>
 * </ul>
 */
public final class GeneratorController extends DeviceController {
    private enum Phase { STOPPED, STARTING, RUNNING }

    private final Generator generator;
    private final double capKw;
    private final double minStableKw;
    private final Duration minUp;
    private final Duration minDown;
    private final Duration startUp;
    private Phase phase;
    private Instant phaseSince;
    private double outputKw;
    private double runHoursUsed;

    GeneratorController(Generator generator, InstantSource clock, long seed, boolean forcedOutages) {
        super(generator, clock, seed, forcedOutages);
        this.generator = generator;
        this.capKw = generator.ratedPowerKw() * generator.info().availability();
        this.minStableKw = generator.minStablePowerKw();
        this.minUp = hours(generator.minUpTimeHours());
        this.minDown = hours(generator.minDownTimeHours());
        this.startUp = Duration.ofNanos(Math.round(generator.startUp().startUpTimeMinutes() * 6e10));
        boolean on = generator.initialState().on();
        this.phase = on ? Phase.RUNNING : Phase.STOPPED;
        this.outputKw = on ? generator.initialState().powerKw() : 0;
        this.phaseSince = clock.instant().minus(hours(generator.initialState().hoursInState()));
        this.runHoursUsed = generator.runHourLimit().usedHours();
    }

    @Override
    public Generator asset() {
        return generator;
    }

    /** Hours run this year, counting those before the simulation: starting and running both count. */
    public synchronized double runHoursUsed() {
        return runHoursUsed;
    }

    // ---- commands ----------------------------------------------------------------------------------------

    @Override
    Verdict judge(double setpointKw, Instant from, Instant until) {
        String what = "a " + type().fileName();
        if (setpointKw < -SETPOINT_TOLERANCE_KW) {
            return Verdict.reject(what + " cannot take power from the grid: set point " + Wording.kw(setpointKw)
                    + "; the nearest feasible is 0 kW (stop)");
        }
        if (setpointKw > SETPOINT_TOLERANCE_KW && capKw < minStableKw - SETPOINT_TOLERANCE_KW) {
            return Verdict.reject("cannot run: the most it may give, " + Wording.kw(capKw) + " (rating " + Wording.kw(generator.ratedPowerKw())
                    + " × availability " + Wording.number(generator.info().availability(), 4) + "), is below its minimum stable power "
                    + Wording.kw(minStableKw) + "; the nearest feasible is 0 kW (stop)");
        }
        if (setpointKw > capKw + SETPOINT_TOLERANCE_KW) {
            return Verdict.reject("set point " + Wording.kw(setpointKw) + " is above the most this unit can give, " + Wording.kw(capKw)
                    + " (rating " + Wording.kw(generator.ratedPowerKw()) + " × availability " + Wording.number(generator.info().availability(), 4)
                    + "); the nearest feasible is " + Wording.kw(capKw));
        }
        boolean wantsOn = setpointKw > SETPOINT_TOLERANCE_KW;
        if (wantsOn && setpointKw < minStableKw - SETPOINT_TOLERANCE_KW) {
            return Verdict.reject("set point " + Wording.kw(setpointKw) + " is below the minimum stable power " + Wording.kw(minStableKw)
                    + " of a running unit; the nearest feasible is " + Wording.kw(minStableKw) + ", or 0 kW to stop");
        }
        if (wantsOn && phase == Phase.STOPPED) {
            if (runHoursLeft() <= 0) {
                return Verdict.reject("run-hour limit used up: " + Wording.hours(runHoursUsed) + " of " + Wording.hours(generator.runHourLimit().maxHoursPerYear())
                        + " permitted this year; it may not start");
            }
            Instant allowed = phaseSince.plus(minDown);
            Instant earliest = allowed.isAfter(from) ? allowed : from;
            if (!earliest.isBefore(until)) {
                return Verdict.reject("cannot start before " + allowed + ": minimum down time " + Wording.hours(generator.minDownTimeHours())
                        + " since it went down at " + phaseSince + ", and the command ends at " + until + "; send one valid after " + allowed);
            }
            StringBuilder note = new StringBuilder();
            if (earliest.isAfter(from)) {
                note.append("start delayed until ").append(earliest).append(" by the minimum down time ")
                        .append(Wording.hours(generator.minDownTimeHours())).append(" since it went down at ").append(phaseSince);
            }
            if (startUp.isPositive()) {
                note.append(note.isEmpty() ? "" : "; ").append("start-up takes ").append(Wording.minutes(generator.startUp().startUpTimeMinutes()))
                        .append(" to the minimum stable power ").append(Wording.kw(minStableKw));
            }
            return Verdict.accept(note.toString());
        }
        if (!wantsOn && phase == Phase.STARTING) {
            return Verdict.accept("aborts the start in progress");
        }
        if (!wantsOn && phase == Phase.RUNNING) {
            Instant allowed = phaseSince.plus(minUp);
            if (allowed.isAfter(from)) {
                return Verdict.accept("held at the minimum stable power " + Wording.kw(minStableKw) + " until " + allowed + " by the minimum up time "
                        + Wording.hours(generator.minUpTimeHours()) + " since it started at " + phaseSince + "; stops then");
            }
        }
        return Verdict.accept("");
    }

    // ---- physics -----------------------------------------------------------------------------------------

    @Override
    void prepare(Environment env) {
        // a generator's fuel does not depend on the weather
    }

    @Override
    void decide(Instant t, double setpointKw, boolean available) {
        if (!available) {
            return;
        }
        boolean wantsOn = setpointKw > SETPOINT_TOLERANCE_KW;
        switch (phase) {
            case STOPPED -> {
                if (wantsOn && !t.isBefore(phaseSince.plus(minDown)) && runHoursLeft() > 0) {
                    phaseSince = t;
                    if (startUp.isZero()) {
                        phase = Phase.RUNNING;
                        outputKw = minStableKw;
                    } else {
                        phase = Phase.STARTING;
                        outputKw = 0;
                    }
                }
            }
            case STARTING -> {
                if (!wantsOn) {
                    stop(t);
                } else {
                    Instant ready = phaseSince.plus(startUp);
                    if (!t.isBefore(ready)) {
                        phase = Phase.RUNNING;
                        phaseSince = ready;
                        outputKw = minStableKw;
                    }
                }
            }
            case RUNNING -> {
                if (!wantsOn && stopAllowed(t) && outputKw <= minStableKw + SETPOINT_TOLERANCE_KW) {
                    stop(t);
                }
            }
        }
    }

    private void stop(Instant t) {
        phase = Phase.STOPPED;
        phaseSince = t;
        outputKw = 0;
    }

    private boolean stopAllowed(Instant t) {
        return !t.isBefore(phaseSince.plus(minUp));
    }

    private double targetKw(double setpointKw) {
        boolean wantsOn = setpointKw > SETPOINT_TOLERANCE_KW;
        return wantsOn ? Math.max(minStableKw, Math.min(capKw, setpointKw)) : minStableKw;
    }

    @Override
    Instant nextEvent(Instant t, double setpointKw) {
        boolean wantsOn = setpointKw > SETPOINT_TOLERANCE_KW;
        return switch (phase) {
            case STOPPED -> wantsOn && runHoursLeft() > 0 ? phaseSince.plus(minDown) : null;
            case STARTING -> phaseSince.plus(startUp);
            case RUNNING -> {
                Instant next = wantsOn ? null : phaseSince.plus(minUp);
                double gap = targetKw(setpointKw) - outputKw;
                if (gap != 0) {
                    double rate = gap > 0 ? generator.rampUpKwPerMin() : generator.rampDownKwPerMin();
                    Instant arrival = afterHoursCeil(t, Math.abs(gap) / rate / 60);
                    next = next == null || !next.isAfter(t) || arrival.isBefore(next) ? arrival : next;
                }
                yield next;
            }
        };
    }

    @Override
    void advance(Instant from, Instant to, double setpointKw, boolean available) {
        if (!available) {
            outputKw = 0;
            return;
        }
        double hours = hoursBetween(from, to);
        switch (phase) {
            case STOPPED -> outputKw = 0;
            case STARTING -> {
                double share = (double) Duration.between(phaseSince, to).toNanos() / startUp.toNanos();
                outputKw = minStableKw * Math.min(1, share);
                runHoursUsed += hours;
            }
            case RUNNING -> {
                double target = targetKw(setpointKw);
                double minutes = hours * 60;
                outputKw = outputKw < target
                        ? Math.min(target, outputKw + generator.rampUpKwPerMin() * minutes)
                        : Math.max(target, outputKw - generator.rampDownKwPerMin() * minutes);
                runHoursUsed += hours;
            }
        }
    }

    @Override
    void goDown(Instant t) {
        stop(t);
    }

    @Override
    void comeBack(Instant t) {
        // stays stopped; its minimum down time counts from when it went down
    }

    @Override
    boolean reached(double setpointKw) {
        if (setpointKw <= SETPOINT_TOLERANCE_KW) {
            return phase == Phase.STOPPED;
        }
        return phase == Phase.RUNNING && Math.abs(outputKw - targetKw(setpointKw)) <= DONE_TOLERANCE_KW;
    }

    @Override
    double safeDefaultKw() {
        return 0;
    }

    @Override
    double outputKw() {
        return outputKw;
    }

    @Override
    OperatingState runningState() {
        return switch (phase) {
            case STOPPED -> OperatingState.STOPPED;
            case STARTING -> OperatingState.STARTING;
            case RUNNING -> OperatingState.RUNNING;
        };
    }

    @Override
    Limit limit(Instant now, double setpointKw) {
        boolean wantsOn = setpointKw > SETPOINT_TOLERANCE_KW;
        return switch (phase) {
            case STARTING -> Limit.STARTING_UP;
            case STOPPED -> !wantsOn ? Limit.NONE
                    : runHoursLeft() <= 0 ? Limit.RUN_HOURS
                    : now.isBefore(phaseSince.plus(minDown)) ? Limit.MIN_DOWN_TIME : Limit.NONE;
            case RUNNING -> !wantsOn && !stopAllowed(now) ? Limit.MIN_UP_TIME
                    : Math.abs(outputKw - targetKw(setpointKw)) > DONE_TOLERANCE_KW ? Limit.RAMPING : Limit.NONE;
        };
    }

    @Override
    double availableKw() {
        return capKw;
    }

    private double runHoursLeft() {
        return generator.runHourLimit().maxHoursPerYear() - runHoursUsed;
    }
}
