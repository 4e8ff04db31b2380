package org.gridfleet.model;

import static java.util.Objects.requireNonNull;

/**
 * One reading of a time series: the value holds from {@code time} until the next sample (interval-beginning
 * convention), so a power sample is the average power over that span.
 */
public record Sample(java.time.Instant time, double value) {
    public Sample {
        requireNonNull(time, "time");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("sample value at " + time + " is not finite: " + value);
        }
    }
}
