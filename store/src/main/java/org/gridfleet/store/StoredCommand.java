package org.gridfleet.store;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import org.gridfleet.model.control.Command;

/**
 * A command as the store keeps it.
 *
 * @param firstSentAt when it was first sent
 * @param lastSentAt  when it was last sent (the same as {@code firstSentAt} until it is resent)
 * @param sends       how many times it was sent: 1 + the resends
 */
public record StoredCommand(Command command, CommandOrigin origin, Instant firstSentAt, Instant lastSentAt, int sends) {
    public StoredCommand {
        requireNonNull(command, "command");
        requireNonNull(origin, "origin");
        requireNonNull(firstSentAt, "firstSentAt");
        requireNonNull(lastSentAt, "lastSentAt");
    }
}
