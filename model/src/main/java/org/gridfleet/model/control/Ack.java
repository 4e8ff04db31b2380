package org.gridfleet.model.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.model.AssetId;

/** A device controller's answer to a command. */
public record Ack(CommandId command, AssetId device, Status status, String reason, Instant time) {
    public enum Status {
        /** Received and will be carried out. */
        ACCEPTED,
        /** Will not be carried out; {@code reason} says why. */
        REJECTED,
        /** The set point has been reached. */
        DONE
    }

    public Ack {
        requireNonNull(command, "command");
        requireNonNull(device, "device");
        requireNonNull(status, "status");
        requireNonNull(reason, "reason");
        requireNonNull(time, "time");
        if (status == Status.REJECTED && reason.isBlank()) {
            throw new IllegalArgumentException("a rejection must say why");
        }
    }
}
