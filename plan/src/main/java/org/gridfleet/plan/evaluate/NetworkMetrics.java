package org.gridfleet.plan.evaluate;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a plan does to the network, from an AC power flow of each of its intervals: extreme voltages and where,
 * the most loaded branch, losses, and every limit it breaks. Voltages in pu of the bus's nominal kV, loading as a
 * share of the branch's rating (1 = 100 %).
 *
 * @param notConvergedIntervals intervals whose power flow did not converge; they count as violations and are
 *                              left out of the extremes
 * @param lossesKwh             losses over the horizon
 * @param peakLossesKw          the largest losses of one interval
 */
public record NetworkMetrics(
        Limits limits,
        int intervals,
        int notConvergedIntervals,
        Extreme minVoltage,
        Extreme maxVoltage,
        Extreme worstLoading,
        double lossesKwh,
        double peakLossesKw,
        List<Violation> violations) {

    public NetworkMetrics {
        requireNonNull(limits, "limits");
        requireNonNull(minVoltage, "minVoltage");
        requireNonNull(maxVoltage, "maxVoltage");
        requireNonNull(worstLoading, "worstLoading");
        violations = List.copyOf(violations);
    }

    public boolean hasViolations() {
        return !violations.isEmpty();
    }

    /** The limits the plan was judged against. */
    public record Limits(double minVoltagePu, double maxVoltagePu, double maxLoading) {}

    /** An extreme value, the bus or branch where it occurs and the first interval it occurs in; {@code NaN} and "" when there is none. */
    public record Extreme(double value, String element, int interval) {
        public static final Extreme NONE = new Extreme(Double.NaN, "", -1);
    }

    /** One broken limit in one interval. */
    public record Violation(int interval, Kind kind, String element, double value, double limit) {
        public enum Kind { UNDERVOLTAGE, OVERVOLTAGE, OVERLOAD, NOT_CONVERGED }

        public Violation {
            requireNonNull(kind, "kind");
            requireNonNull(element, "element");
        }

        /** One line for people. */
        public String describe() {
            return switch (kind) {
                case UNDERVOLTAGE -> String.format("interval %d: bus %s at %.4f pu, below %.3f pu", interval, element, value, limit);
                case OVERVOLTAGE -> String.format("interval %d: bus %s at %.4f pu, above %.3f pu", interval, element, value, limit);
                case OVERLOAD -> String.format("interval %d: branch %s at %.1f %% of its rating, above %.0f %%", interval, element, 100 * value, 100 * limit);
                case NOT_CONVERGED -> String.format("interval %d: the AC power flow did not converge (%s)", interval, element);
            };
        }
    }
}
