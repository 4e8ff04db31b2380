package org.gridfleet.ingest.verifier;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.ingest.Rejection;
import org.gridfleet.ingest.Rule;

/**
 * A telemetry sample or meter reading that {@link LiveVerifier} refused: it is not applied.
 *
 * @param rule       the verifier's rule it broke, the same rules as for fleet files
 * @param subject    the device or end-user it claims to be about
 * @param measuredAt the time it carries
 * @param receivedAt the receiver's clock when it arrived
 * @param reason     what was wrong and what to do about it, for an operator
 */
public record LiveRejection(Rule rule, String subject, Instant measuredAt, Instant receivedAt, String reason) {
    public LiveRejection {
        requireNonNull(rule, "rule");
        requireNonNull(subject, "subject");
        requireNonNull(measuredAt, "measuredAt");
        requireNonNull(receivedAt, "receivedAt");
        requireNonNull(reason, "reason");
    }

    /** One line: subject, rule and reason. */
    public String message() {
        return subject + ": " + rule.id() + ": " + reason;
    }

    /** As the file verifier reports: an error of its rule, from {@code source} (e.g. a topic), where = subject and time. */
    public Rejection asRejection(String source) {
        return new Rejection(Rejection.Severity.ERROR, rule, source, subject + " at " + measuredAt, reason);
    }
}
