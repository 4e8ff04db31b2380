package org.gridfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import org.gridfleet.model.Ids;

/**
 * Something the verifier or the communications network refused. The store cuts {@code source} to 256 characters,
 * {@code reason} to 2,000 and {@code excerpt} to 1,000, marking a cut with "…".
 *
 * @param time    when it was refused
 * @param source  where it came from: an MQTT topic, a file and line, a source's name
 * @param subject the device or end-user id, when it could be read
 * @param rule    which rule it broke, e.g. {@code NOT_FINITE} or {@code range}: letters, digits, {@code . _ -}
 * @param reason  what was wrong, worded for an operator
 * @param excerpt the start of the refused payload; {@code ""} when there is none
 */
public record StoredRejection(Instant time, String source, Optional<String> subject, String rule, String reason, String excerpt) {
    public StoredRejection {
        requireNonNull(time, "time");
        requireNonNull(source, "source");
        requireNonNull(subject, "subject");
        requireNonNull(rule, "rule");
        requireNonNull(reason, "reason");
        requireNonNull(excerpt, "excerpt");
        if (source.isBlank()) {
            throw new IllegalArgumentException("a rejection needs a source");
        }
        subject.ifPresent(s -> {
            if (!Ids.isValid(s)) {
                throw new IllegalArgumentException("rejection subject must be an id matching " + Ids.PATTERN.pattern() + ": '" + s + "'");
            }
        });
        if (!Ids.isValid(rule)) {
            throw new IllegalArgumentException("rejection rule must match " + Ids.PATTERN.pattern() + ": '" + rule + "'");
        }
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a rejection must say why");
        }
    }
}
