package org.gridfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * An alarm for the operator. It is open until it is cleared, whether or not someone acknowledged it.
 *
 * @param id      the store's number for it
 * @param kind    what kind of trouble, e.g. {@code device-fault}
 * @param subject what it is about: a device, end-user or plan id, or {@code plant}
 */
public record Alarm(long id, String kind, Severity severity, String subject, String message, Instant raisedAt,
                    Optional<String> acknowledgedBy, Optional<Instant> acknowledgedAt, Optional<Instant> clearedAt) {
    /** How urgent an alarm is. */
    public enum Severity {
        /** Worth knowing; nothing to do. */
        INFO,
        /** Needs attention; the plant still meets demand. */
        WARNING,
        /** The plant cannot meet demand or a device is unsafe: act now. */
        CRITICAL
    }

    public Alarm {
        requireNonNull(kind, "kind");
        requireNonNull(severity, "severity");
        requireNonNull(subject, "subject");
        requireNonNull(message, "message");
        requireNonNull(raisedAt, "raisedAt");
        requireNonNull(acknowledgedBy, "acknowledgedBy");
        requireNonNull(acknowledgedAt, "acknowledgedAt");
        requireNonNull(clearedAt, "clearedAt");
    }

    public boolean isOpen() {
        return clearedAt.isEmpty();
    }
}
