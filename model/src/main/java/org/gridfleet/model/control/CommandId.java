package org.gridfleet.model.control;

import java.util.UUID;

/** Identifies one command, so a resend is recognised and never doubles an action. */
public record CommandId(String value) {
    public CommandId {
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("command id must be 1..64 characters: " + value);
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
