package org.gridfleet.plan.network;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * One network limit the linear model (with the AC corrections) says a plan breaks in one interval.
 *
 * @param element the bus id (voltage) or branch id (loading)
 * @param value   the voltage in pu, or the loading as a share of the rating (1 = 100 %)
 * @param limit   the limit it breaks, in the same unit
 */
public record NetworkViolation(int interval, Kind kind, String element, double value, double limit) {
    public enum Kind { UNDERVOLTAGE, OVERVOLTAGE, OVERLOAD }

    public NetworkViolation {
        requireNonNull(kind, "kind");
        requireNonNull(element, "element");
    }

    /** By how much the limit is broken, in its unit (pu or share of rating), > 0. */
    public double excess() {
        return kind == Kind.UNDERVOLTAGE ? limit - value : value - limit;
    }

    /** One line for people. */
    public String describe() {
        return switch (kind) {
            case UNDERVOLTAGE -> String.format(Locale.ROOT, "interval %d: bus %s at %.4f pu, below %.3f pu", interval, element, value, limit);
            case OVERVOLTAGE -> String.format(Locale.ROOT, "interval %d: bus %s at %.4f pu, above %.3f pu", interval, element, value, limit);
            case OVERLOAD -> String.format(Locale.ROOT, "interval %d: branch %s at %.1f %% of its rating, above %.0f %%", interval, element,
                    100 * value, 100 * limit);
        };
    }
}
