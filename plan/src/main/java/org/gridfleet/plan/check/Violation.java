package org.gridfleet.plan.check;

import static java.util.Objects.requireNonNull;

/**
 * One rule a plan breaks, where and by how much.
 *
 * @param subject  the asset id, or {@value #PLANT} for rules about the whole plant
 * @param interval the interval, or {@value #WHOLE_HORIZON} for rules about the whole horizon
 * @param amount   by how much, in the unit the message names (kW, kWh, hours or a fraction)
 */
public record Violation(String subject, int interval, Rule rule, String message, double amount) {
    public static final String PLANT = "plant";
    public static final int WHOLE_HORIZON = -1;

    /** The rules a plan is checked against; hard ones make a plan wrong, the others are reported for information. */
    public enum Rule {
        /** Every asset has exactly one schedule of its type on the problem's grid; storage has a state of charge. */
        SCHEDULE(true),
        /** {@code Σ powerKw + importKw − exportKw = demand}, unless an admitted shortfall or unavoidable oversupply. */
        BALANCE(true),
        /** Combined device output at least the demand, or a listed demand shortfall with the right figures. */
        DEMAND(true),
        /** Spinning reserve held at least the requirement, or a listed reserve shortfall with the right figures. */
        RESERVE(true),
        /** The status tells the truth: infeasible exactly when something falls short, shortfalls that exist. */
        STATUS(true),
        /** A generator that is not committed produces nothing. */
        COMMITMENT(true),
        /** Nothing runs in an interval where the device's availability is 0. */
        MAINTENANCE(true),
        /** A committed generator runs between its minimum stable power and its rating times availability. */
        GENERATOR_LIMITS(true),
        /** A renewable produces between 0 and its forecast (at most rating times availability). */
        RENEWABLE_LIMITS(true),
        /** A non-curtailable renewable produces all it can. */
        CURTAILMENT(true),
        /** Storage charges and discharges within its power limits times availability. */
        STORAGE_POWER(true),
        /** Recomputed stored energy stays within the state-of-charge limits. */
        STATE_OF_CHARGE(true),
        /** The plan's state of charge equals the one recomputed from its set points. */
        SOC_MISMATCH(true),
        /** Import between 0 and the import limit; none when islanded. */
        GRID_IMPORT(true),
        /** Export between 0 and the export limit; none when islanded; not at the same time as import. */
        GRID_EXPORT(true),
        /** Export no larger than what devices that may export produce. */
        EXPORT_NOT_ALLOWED(true),
        /** A generator with a run-hour limit runs no longer than the hours it has left. */
        RUN_HOURS(true),
        /** Output changes faster than the ramp rate (the merit-order baseline does not promise this). */
        RAMP_RATE(false),
        /** A unit stops before its minimum up time (the merit-order baseline does not promise this). */
        MIN_UP_TIME(false),
        /** A unit starts before its minimum down time (the merit-order baseline does not promise this). */
        MIN_DOWN_TIME(false),
        /**
         * A store ends the horizon (at the end of its last interval) below its {@code finalSoc} target, by the
         * fraction given as the amount: serving demand comes first, and the merit-order baseline does not promise this.
         */
        FINAL_SOC(false);

        private final boolean hard;

        Rule(boolean hard) {
            this.hard = hard;
        }

        public boolean hard() {
            return hard;
        }
    }

    public Violation {
        requireNonNull(subject, "subject");
        requireNonNull(rule, "rule");
        requireNonNull(message, "message");
    }

    public boolean hard() {
        return rule.hard();
    }

    @Override
    public String toString() {
        return (hard() ? "" : "(advisory) ") + rule + " " + subject + (interval == WHOLE_HORIZON ? "" : " @" + interval) + ": " + message;
    }
}
