package org.gridfleet.control.live;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A telemetry sample or meter reading that was refused and not applied.
 *
 * @param subject    the device or end-user it claims to be about
 * @param measuredAt the time it carries
 * @param receivedAt the center's clock when it arrived
 * @param reason     what was wrong and what to do about it, for an operator
 */
public record LiveRejection(LiveRule rule, String subject, Instant measuredAt, Instant receivedAt, String reason) {
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
}
