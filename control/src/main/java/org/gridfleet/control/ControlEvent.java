package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.ingest.verifier.LiveRejection;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.Telemetry;

/**
 * Everything the control center observes and decides, as it happens, for a {@link ControlListener}: persistence (the
 * store) and the operator's dashboard. {@code time} is the center's clock.
 */
public sealed interface ControlEvent {
    Instant time();

    /** A device's telemetry passed verification and is now its live state. */
    record TelemetryAccepted(Instant time, Telemetry telemetry) implements ControlEvent {
        public TelemetryAccepted {
            requireNonNull(time, "time");
            requireNonNull(telemetry, "telemetry");
        }
    }

    /** An end-user's reading passed verification and is now its live demand. */
    record DemandAccepted(Instant time, DemandReading reading) implements ControlEvent {
        public DemandAccepted {
            requireNonNull(time, "time");
            requireNonNull(reading, "reading");
        }
    }

    /** A telemetry sample or reading broke a live rule and was not applied. */
    record ValueRejected(Instant time, LiveRejection rejection) implements ControlEvent {
        public ValueRejected {
            requireNonNull(time, "time");
            requireNonNull(rejection, "rejection");
        }
    }

    /** comm refused a message before decoding it (spoofed id, malformed, ...). */
    record MessageRefused(Instant time, Rejection rejection) implements ControlEvent {
        public MessageRefused {
            requireNonNull(time, "time");
            requireNonNull(rejection, "rejection");
        }
    }

    /** A site's status was taken (stale ones are not reported). */
    record StatusChanged(Instant time, SiteStatus status) implements ControlEvent {
        public StatusChanged {
            requireNonNull(time, "time");
            requireNonNull(status, "status");
        }
    }

    /** A command was handed to the sink; {@code attempt} 2 is its resend, with the same id. */
    record CommandSent(Instant time, Command command, int attempt) implements ControlEvent {
        public CommandSent {
            requireNonNull(time, "time");
            requireNonNull(command, "command");
        }
    }

    /** An ack arrived, and what it did to its command. */
    record AckReceived(Instant time, Ack ack, CommandBook.AckOutcome outcome) implements ControlEvent {
        public AckReceived {
            requireNonNull(time, "time");
            requireNonNull(ack, "ack");
            requireNonNull(outcome, "outcome");
        }
    }

    record AlarmRaised(Instant time, Alarm alarm) implements ControlEvent {
        public AlarmRaised {
            requireNonNull(time, "time");
            requireNonNull(alarm, "alarm");
        }
    }

    /** An active alarm's message changed (a shortfall that grew or shrank). */
    record AlarmUpdated(Instant time, Alarm alarm) implements ControlEvent {
        public AlarmUpdated {
            requireNonNull(time, "time");
            requireNonNull(alarm, "alarm");
        }
    }

    /** An operator acknowledged an alarm (it stays active until its condition ends). */
    record AlarmAcknowledged(Instant time, Alarm alarm) implements ControlEvent {
        public AlarmAcknowledged {
            requireNonNull(time, "time");
            requireNonNull(alarm, "alarm");
        }
    }

    record AlarmCleared(Instant time, Alarm alarm) implements ControlEvent {
        public AlarmCleared {
            requireNonNull(time, "time");
            requireNonNull(alarm, "alarm");
        }
    }

    record Redispatched(Instant time, Redispatch redispatch) implements ControlEvent {
        public Redispatched {
            requireNonNull(time, "time");
            requireNonNull(redispatch, "redispatch");
        }
    }

    record Replanned(Instant time, Replan replan) implements ControlEvent {
        public Replanned {
            requireNonNull(time, "time");
            requireNonNull(replan, "replan");
        }
    }

    /** An operator held a device at a set point or took it out of service; the next tick re-dispatches. */
    record OverrideSet(Instant time, ManualOverride override) implements ControlEvent {
        public OverrideSet {
            requireNonNull(time, "time");
            requireNonNull(override, "override");
        }
    }

    /** A manual override ended, {@code how}: returned by an operator, or lapsed at its {@code until}. */
    record OverrideEnded(Instant time, ManualOverride override, String how) implements ControlEvent {
        public OverrideEnded {
            requireNonNull(time, "time");
            requireNonNull(override, "override");
            requireNonNull(how, "how");
        }
    }
}
