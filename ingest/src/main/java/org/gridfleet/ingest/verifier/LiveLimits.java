package org.gridfleet.ingest.verifier;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The limits of live verification that files do not have: time as the receiver sees it, and meter error.
 *
 * @param maxClockSkew how far ahead of the receiver's clock a timestamp may be (a site's clock running fast)
 * @param maxAge       how long before its arrival a value may have been measured
 * @param rangeMargin  share beyond a device's physical limits still accepted as meter error: power up to
 *                     {@code (1 + rangeMargin) × rating} (storage: its charge and discharge limits), and apparent
 *                     power {@code sqrt(P² + Q²)} up to {@code (1 + rangeMargin) × rating} in kVA
 */
public record LiveLimits(Duration maxClockSkew, Duration maxAge, double rangeMargin) {
    public LiveLimits {
        requireNonNull(maxClockSkew, "maxClockSkew");
        requireNonNull(maxAge, "maxAge");
        if (maxClockSkew.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxClockSkew must be >= 0 and maxAge > 0: " + maxClockSkew + ", " + maxAge);
        }
        if (!(rangeMargin >= 0 && rangeMargin <= 1)) {
            throw new IllegalArgumentException("rangeMargin must be within [0, 1]: " + rangeMargin);
        }
    }

    /** Clock skew 30 s, age 5 min, 10 % beyond the rating. */
    public static LiveLimits defaults() {
        return new LiveLimits(Duration.ofSeconds(30), Duration.ofMinutes(5), 0.10);
    }
}
