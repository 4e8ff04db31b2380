package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.gridfleet.model.control.CommandId;

/**
 * A message that was received and refused, with what to fix.
 *
 * @param topic     the topic it arrived on
 * @param reason    which rule it broke
 * @param detail    what was wrong, with the offending field and value, worded for an operator
 * @param commandId for a refused command whose id could still be read: the id, so the site can answer it
 */
public record Rejection(String topic, Reason reason, String detail, Optional<CommandId> commandId) {
    /** Why a message was refused. */
    public enum Reason {
        /** The topic is not one of ours, has a wildcard, or names a malformed id. */
        BAD_TOPIC,
        /** The payload is larger than {@link PayloadCodec#MAX_PAYLOAD_BYTES}. */
        TOO_LARGE,
        /** The payload is not one JSON object (syntax error, empty, duplicate field, trailing text). */
        MALFORMED_JSON,
        /** The payload's {@code v} is a version this build does not read. */
        UNKNOWN_VERSION,
        /** The payload's {@code kind} is not the kind its topic carries. */
        WRONG_KIND,
        /** A required field is absent or null. */
        MISSING_FIELD,
        /** A number is NaN or infinite. */
        NOT_FINITE,
        /** A field has the wrong type, an unknown value, a malformed id or time, or breaks a rule of the record. */
        BAD_VALUE,
        /** The id in the payload is not the id in the topic: a device may only report for itself. */
        SPOOFED_ID
    }

    public Rejection {
        requireNonNull(topic, "topic");
        requireNonNull(reason, "reason");
        requireNonNull(detail, "detail");
        requireNonNull(commandId, "commandId");
    }

    public Rejection(String topic, Reason reason, String detail) {
        this(topic, reason, detail, Optional.empty());
    }

    /** One line for a log or an operator: topic, reason and detail. */
    public String message() {
        return topic + ": " + reason + ": " + detail;
    }
}
