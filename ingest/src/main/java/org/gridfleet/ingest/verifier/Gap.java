package org.gridfleet.ingest.verifier;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * A span of the horizon that a series has no values for.
 *
 * @param fillable whether it is short enough to be filled by interpolation; longer gaps are rejected and get a
 *                 conservative substitute
 */
public record Gap(SeriesKey series, Instant from, Instant to, boolean fillable) {
    public Gap {
        requireNonNull(series, "series");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("gap must end after it starts: " + from + " .. " + to);
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }
}
