package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Something an operator must know about, raised by the control center and cleared when the condition ends. One
 * alarm per kind and subject is active at a time; while active its message may be updated (a shortfall that grows).
 *
 * @param id        unique in this center's run, rising
 * @param subject   the device id, or {@code plant} for the plant as a whole
 * @param message   what happened and, where it helps, what to do
 * @param missingKw for {@link Kind#DEMAND_NOT_MET}: by how much the devices fall short of demand, kW
 * @param acknowledged who acknowledged it and when: an operator saying "seen"; it stays active until its condition ends
 */
public record Alarm(long id, Kind kind, Severity severity, String subject, String message, OptionalDouble missingKw, Instant raisedAt,
                    Optional<Instant> clearedAt, Optional<Acknowledgement> acknowledged) {
    /** The subject of alarms about the plant as a whole. */
    public static final String PLANT = "plant";

    public enum Kind {
        /** The fleet cannot deliver the aggregate demand now: by how much. */
        DEMAND_NOT_MET(Severity.CRITICAL),
        /** A device's site went offline or its connection was lost: the center cannot command it. */
        DEVICE_OFFLINE(Severity.WARNING),
        /** A device reports FAULT (tripped, forced outage). */
        DEVICE_FAULT(Severity.WARNING),
        /** A device reports MAINTENANCE. */
        DEVICE_MAINTENANCE(Severity.INFO),
        /** A device rejected its current command. */
        COMMAND_REJECTED(Severity.WARNING),
        /** A device answered neither a command nor its resend. */
        NO_ACK(Severity.WARNING),
        /** The dispatch could not be computed; the set points in force stand. */
        DISPATCH_FAILED(Severity.CRITICAL),
        /** The clock is past the end of the plan: no set points any more. */
        PLAN_ENDED(Severity.CRITICAL),
        /** An operator holds the device at a set point or took it out of service: who, what, until when and why. */
        MANUAL_OVERRIDE(Severity.INFO);

        private final Severity severity;

        Kind(Severity severity) {
            this.severity = severity;
        }

        public Severity severity() {
            return severity;
        }
    }

    public enum Severity {
        CRITICAL, WARNING, INFO
    }

    /** An operator's acknowledgement: {@code by} names the operator (or their token), {@code at} is the center's clock. */
    public record Acknowledgement(String by, Instant at) {
        public Acknowledgement {
            requireNonNull(by, "by");
            requireNonNull(at, "at");
            if (by.isBlank()) {
                throw new IllegalArgumentException("who acknowledges must be named");
            }
        }
    }

    public Alarm {
        requireNonNull(kind, "kind");
        requireNonNull(severity, "severity");
        requireNonNull(subject, "subject");
        requireNonNull(message, "message");
        requireNonNull(missingKw, "missingKw");
        requireNonNull(raisedAt, "raisedAt");
        requireNonNull(clearedAt, "clearedAt");
        requireNonNull(acknowledged, "acknowledged");
    }

    /** An alarm nobody has acknowledged. */
    public Alarm(long id, Kind kind, Severity severity, String subject, String message, OptionalDouble missingKw, Instant raisedAt,
                 Optional<Instant> clearedAt) {
        this(id, kind, severity, subject, message, missingKw, raisedAt, clearedAt, Optional.empty());
    }

    public boolean active() {
        return clearedAt.isEmpty();
    }

    /** One line for a log or an operator. */
    public String line() {
        return severity + " " + kind + " " + subject + ": " + message;
    }
}
