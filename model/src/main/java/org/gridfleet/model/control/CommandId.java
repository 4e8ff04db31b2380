package org.gridfleet.model.control;

import java.util.UUID;
import org.gridfleet.model.Ids;

/** Identifies one command, so a resend is recognised and never doubles an action. */
public record CommandId(String value) {
    public CommandId {
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException("command id must match " + Ids.PATTERN.pattern() + ": '" + value + "'");
        }
    }

    public static CommandId random() {
        return new CommandId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
