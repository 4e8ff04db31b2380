package org.gridfleet.control.live;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits of the live verification.
 *
 * @param maxClockSkew        how far ahead of the center's clock a timestamp may be (a site's clock running fast)
 * @param maxAge              how long before its arrival a value may have been measured
 * @param rangeMargin         share beyond a device's physical limits still accepted as meter error: power up to
 *                            {@code (1 + rangeMargin) × rating} (storage: its charge and discharge limits)
 * @param maxEndUserDemandKw  one end-user's demand above this can only be in watts (the fleet format's bound)
 */
public record VerifierLimits(Duration maxClockSkew, Duration maxAge, double rangeMargin, double maxEndUserDemandKw) {
    /** The fleet format's bound on one end-user's demand, kW: 100 MW. */
    public static final double END_USER_DEMAND_UNIT_BOUND_KW = 100_000;

    public VerifierLimits {
        requireNonNull(maxClockSkew, "maxClockSkew");
        requireNonNull(maxAge, "maxAge");
        if (maxClockSkew.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxClockSkew must be >= 0 and maxAge > 0: " + maxClockSkew + ", " + maxAge);
        }
        if (!(rangeMargin >= 0 && rangeMargin <= 1)) {
            throw new IllegalArgumentException("rangeMargin must be within [0, 1]: " + rangeMargin);
        }
        if (!(maxEndUserDemandKw > 0)) {
            throw new IllegalArgumentException("maxEndUserDemandKw must be > 0: " + maxEndUserDemandKw);
        }
    }

    /** Clock skew 30 s, age 5 min, 10 % beyond the rating, the fleet format's 100 000 kW per end-user. */
    public static VerifierLimits defaults() {
        return new VerifierLimits(Duration.ofSeconds(30), Duration.ofMinutes(5), 0.10, END_USER_DEMAND_UNIT_BOUND_KW);
    }
}
