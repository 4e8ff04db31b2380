package org.gridfleet.ingest.verifier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The one way fleet files write a time: ISO-8601 with an offset or Z. */
final class Times {
    /** How a bad time is explained, wherever it stands. */
    static final String EXPECTED = "an ISO-8601 time with offset (e.g. 2026-11-23T00:15:00Z)";

    private Times() {}

    static Optional<Instant> parse(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
