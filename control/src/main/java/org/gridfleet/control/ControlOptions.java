package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.function.Supplier;
import org.gridfleet.ingest.verifier.LiveLimits;
import org.gridfleet.model.control.CommandId;

/**
 * How the control center works; {@link #defaults()} says the defaults (docs/control.md lists them too).
 *
 * @param ackTimeout             how long a command may go unanswered before it is resent (once, same id), and the
 *                               resend before the center gives up on it (alarm, device left out until the next interval)
 * @param validityMargin         commands hold until the end of their interval plus this, so that the next interval's
 *                               commands arrive before the old ones run out
 * @param deadbandKw             a device gets a new command within an interval only when its set point moves by more
 *                               than the larger of this and {@code deadbandFraction} × its rating
 * @param deadbandFraction       see {@code deadbandKw}
 * @param demandDeviation        re-dispatch when live demand departs from the demand the set points in force were made
 *                               for by more than this share (0.10 = 10 %) ...
 * @param demandDeviationMinKw   ... and by more than this many kW
 * @param coverToleranceKw       re-dispatch, too, as soon as live demand exceeds the combined output of the set points in
 *                               force by more than this many kW (when those set points met demand): the plant's
 *                               output stays at least demand, not within the threshold of it
 * @param readingMaxAge          a meter reading older than this, or taken before the interval began, does not count
 *                               as live: the plan's forecast for that end-user stands in (and the dispatch says so);
 *                               the same age bounds telemetry that counts as live output
 * @param verifier               the live verification's limits
 * @param replanLostCapacity     re-plan when more than this share of the capacity the plan uses in the interval is
 *                               unavailable (0.25 = 25 %)
 * @param replanDemandDeparture  re-plan when an interval's average demand departs from its forecast by more than this
 *                               share ...
 * @param replanDemandIntervals  ... for this many intervals in a row
 * @param replanEnabled          whether the center re-plans at all
 * @param replanner              what plans the rest of the horizon
 * @param commandIds             where command ids come from (random UUIDs; tests count)
 */
public record ControlOptions(Duration ackTimeout, Duration validityMargin, double deadbandKw, double deadbandFraction, double demandDeviation,
                             double demandDeviationMinKw, double coverToleranceKw, Duration readingMaxAge, LiveLimits verifier,
                             double replanLostCapacity, double replanDemandDeparture, int replanDemandIntervals, boolean replanEnabled,
                             Replanner replanner, Supplier<CommandId> commandIds) {
    public ControlOptions {
        requireNonNull(ackTimeout, "ackTimeout");
        requireNonNull(validityMargin, "validityMargin");
        requireNonNull(readingMaxAge, "readingMaxAge");
        requireNonNull(verifier, "verifier");
        requireNonNull(replanner, "replanner");
        requireNonNull(commandIds, "commandIds");
        if (!ackTimeout.isPositive() || validityMargin.isNegative() || !readingMaxAge.isPositive()) {
            throw new IllegalArgumentException("ackTimeout and readingMaxAge must be > 0 and validityMargin >= 0: " + ackTimeout + ", "
                    + readingMaxAge + ", " + validityMargin);
        }
        if (!(deadbandKw >= 0) || !(deadbandFraction >= 0 && deadbandFraction < 1)) {
            throw new IllegalArgumentException("deadbandKw must be >= 0 and deadbandFraction within [0, 1): " + deadbandKw + ", " + deadbandFraction);
        }
        if (!(coverToleranceKw >= 0)) {
            throw new IllegalArgumentException("coverToleranceKw must be >= 0: " + coverToleranceKw);
        }
        if (!(demandDeviation > 0) || !(demandDeviationMinKw >= 0)) {
            throw new IllegalArgumentException("demandDeviation must be > 0 and demandDeviationMinKw >= 0: " + demandDeviation + ", " + demandDeviationMinKw);
        }
        if (!(replanLostCapacity > 0 && replanLostCapacity <= 1) || !(replanDemandDeparture > 0) || replanDemandIntervals < 1) {
            throw new IllegalArgumentException("replanLostCapacity must be within (0, 1], replanDemandDeparture > 0, replanDemandIntervals >= 1: "
                    + replanLostCapacity + ", " + replanDemandDeparture + ", " + replanDemandIntervals);
        }
    }

    /**
     * Ack timeout 10 s; validity to the interval's end + 1 min; deadband 1 kW or 1 % of the rating; re-dispatch on
     * demand off by 10 % (and 1 kW), or above what the set points give by 1 kW; readings live for 5 min; the verifier's defaults; re-plan (merit order) on 25 %
     * of the planned capacity lost, or on demand off its forecast by 15 % for 2 intervals in a row; random ids.
     */
    public static ControlOptions defaults() {
        return new ControlOptions(Duration.ofSeconds(10), Duration.ofMinutes(1), 1.0, 0.01, 0.10, 1.0, 1.0, Duration.ofMinutes(5),
                LiveLimits.defaults(), 0.25, 0.15, 2, true, Replanner.meritOrder(), CommandId::random);
    }

    public ControlOptions withAckTimeout(Duration ackTimeout) {
        return new ControlOptions(ackTimeout, validityMargin, deadbandKw, deadbandFraction, demandDeviation, demandDeviationMinKw, coverToleranceKw,
                readingMaxAge, verifier, replanLostCapacity, replanDemandDeparture, replanDemandIntervals, replanEnabled, replanner, commandIds);
    }

    public ControlOptions withDemandDeviation(double demandDeviation) {
        return new ControlOptions(ackTimeout, validityMargin, deadbandKw, deadbandFraction, demandDeviation, demandDeviationMinKw, coverToleranceKw,
                readingMaxAge, verifier, replanLostCapacity, replanDemandDeparture, replanDemandIntervals, replanEnabled, replanner, commandIds);
    }

    public ControlOptions withReplan(double lostCapacity, double demandDeparture, int demandIntervals) {
        return new ControlOptions(ackTimeout, validityMargin, deadbandKw, deadbandFraction, demandDeviation, demandDeviationMinKw, coverToleranceKw,
                readingMaxAge, verifier, lostCapacity, demandDeparture, demandIntervals, true, replanner, commandIds);
    }

    public ControlOptions withoutReplanning() {
        return new ControlOptions(ackTimeout, validityMargin, deadbandKw, deadbandFraction, demandDeviation, demandDeviationMinKw, coverToleranceKw,
                readingMaxAge, verifier, replanLostCapacity, replanDemandDeparture, replanDemandIntervals, false, replanner, commandIds);
    }

    public ControlOptions withReplanner(Replanner replanner) {
        return new ControlOptions(ackTimeout, validityMargin, deadbandKw, deadbandFraction, demandDeviation, demandDeviationMinKw, coverToleranceKw,
                readingMaxAge, verifier, replanLostCapacity, replanDemandDeparture, replanDemandIntervals, replanEnabled, replanner, commandIds);
    }

    public ControlOptions withVerifier(LiveLimits verifier) {
        return new ControlOptions(ackTimeout, validityMargin, deadbandKw, deadbandFraction, demandDeviation, demandDeviationMinKw, coverToleranceKw,
                readingMaxAge, verifier, replanLostCapacity, replanDemandDeparture, replanDemandIntervals, replanEnabled, replanner, commandIds);
    }

    public ControlOptions withCommandIds(Supplier<CommandId> commandIds) {
        return new ControlOptions(ackTimeout, validityMargin, deadbandKw, deadbandFraction, demandDeviation, demandDeviationMinKw, coverToleranceKw,
                readingMaxAge, verifier, replanLostCapacity, replanDemandDeparture, replanDemandIntervals, replanEnabled, replanner, commandIds);
    }

    /** The deadband of a device of {@code ratedPowerKw}. */
    public double deadbandKw(double ratedPowerKw) {
        return Math.max(deadbandKw, deadbandFraction * ratedPowerKw);
    }
}
