package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.Telemetry;

/**
 * What a control center restarted mid-day takes over from the one before it (docs/control.md, "Restart and resume"):
 * the commands that one sent which are still valid, each with the answers it got, and the latest observations it
 * accepted. Whoever kept them (the store, in {@code app}) hands them over; {@code control} knows no store.
 *
 * <p>The new center tracks the commands as if it had sent them itself: one answered {@code ACCEPTED} or {@code DONE}
 * stays in force and is never sent again; one never answered is sent again once, with the same id, at the first tick
 * (the site answers a known id with its latest answer and never applies it twice); one {@code REJECTED} keeps its
 * device out of the dispatch until the next interval, as it would have. The observations enter its live state as if
 * they had just arrived, if they are still young enough to count as live; a device that last reported {@code FAULT}
 * is left out at once.
 *
 * @param commands  the commands still valid
 * @param telemetry each device's latest accepted telemetry
 * @param readings  each end-user's latest accepted meter reading
 */
public record ResumeState(List<SentCommand> commands, List<Telemetry> telemetry, List<DemandReading> readings) {
    /**
     * One command the previous center sent.
     *
     * @param firstSentAt when it was first sent
     * @param lastSentAt  when it was last sent (resends included)
     * @param sends       how often it was sent, at least 1
     * @param acks        every answer it got, in the order they came (duplicates and late ones do no harm)
     */
    public record SentCommand(Command command, Instant firstSentAt, Instant lastSentAt, int sends, List<Ack> acks) {
        public SentCommand {
            requireNonNull(command, "command");
            requireNonNull(firstSentAt, "firstSentAt");
            requireNonNull(lastSentAt, "lastSentAt");
            acks = List.copyOf(requireNonNull(acks, "acks"));
            if (sends < 1) {
                throw new IllegalArgumentException("sends of command " + command.id() + " must be >= 1: " + sends);
            }
            if (lastSentAt.isBefore(firstSentAt)) {
                throw new IllegalArgumentException("command " + command.id() + " was last sent at " + lastSentAt + ", before it was first sent at "
                        + firstSentAt);
            }
            for (Ack ack : acks) {
                if (!ack.command().equals(command.id())) {
                    throw new IllegalArgumentException("an ack of command " + ack.command() + " is among the acks of command " + command.id());
                }
            }
        }

        /** A command no ack answered yet. */
        public static SentCommand unanswered(Command command, Instant firstSentAt, Instant lastSentAt, int sends) {
            return new SentCommand(command, firstSentAt, lastSentAt, sends, List.of());
        }

        public CommandId id() {
            return command.id();
        }

        /** Whether any ack answered it. */
        public boolean answered() {
            return !acks.isEmpty();
        }
    }

    public ResumeState {
        commands = List.copyOf(requireNonNull(commands, "commands"));
        telemetry = List.copyOf(requireNonNull(telemetry, "telemetry"));
        readings = List.copyOf(requireNonNull(readings, "readings"));
        Set<CommandId> seen = new HashSet<>();
        for (SentCommand c : commands) {
            if (!seen.add(c.id())) {
                throw new IllegalArgumentException("command " + c.id() + " is twice in the resume state");
            }
        }
    }

    /** The commands only, no observations. */
    public ResumeState(List<SentCommand> commands) {
        this(commands, List.of(), List.of());
    }

    /** Nothing to take over: a center that starts the day. */
    public static ResumeState none() {
        return new ResumeState(List.of());
    }

    public boolean isEmpty() {
        return commands.isEmpty() && telemetry.isEmpty() && readings.isEmpty();
    }
}
