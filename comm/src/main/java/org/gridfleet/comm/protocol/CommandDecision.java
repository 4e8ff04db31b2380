package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.control.Ack;

/**
 * A device controller's answer to a new command, sent back as an {@link Ack}.
 *
 * @param reason why, for a rejection; empty otherwise
 */
public record CommandDecision(Ack.Status status, String reason) {
    public CommandDecision {
        requireNonNull(status, "status");
        requireNonNull(reason, "reason");
        if (status == Ack.Status.REJECTED && reason.isBlank()) {
            throw new IllegalArgumentException("a rejection must say why");
        }
    }

    /** Will be carried out; report {@link Ack.Status#DONE} when the set point is reached. */
    public static CommandDecision accept() {
        return new CommandDecision(Ack.Status.ACCEPTED, "");
    }

    /** Carried out at once: the set point is already reached. */
    public static CommandDecision done() {
        return new CommandDecision(Ack.Status.DONE, "");
    }

    /** The decision an ack the controller wrote itself carries (its time is replaced by the intake's clock). */
    public static CommandDecision of(Ack ack) {
        return new CommandDecision(ack.status(), ack.reason());
    }

    /** Will not be carried out. */
    public static CommandDecision reject(String reason) {
        return new CommandDecision(Ack.Status.REJECTED, reason);
    }
}
