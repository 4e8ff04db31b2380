package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;

/**
 * Every command the center sent, tracked to its answer (docs/control.md, "Commands and acks").
 *
 * <pre>
 *   SENT ──accepted──▶ ACCEPTED ──done──▶ DONE
 *     │ └──done───────────────────────────▲        ACCEPTED or DONE ──rejected (abandoned: trip, outage)──▶ REJECTED
 *     ├──rejected──▶ REJECTED
 *     └──no answer within the timeout──▶ resent once with the same id ──no answer again──▶ NO_ANSWER
 * </pre>
 *
 * An answer that would move a command back (an ACCEPTED after its DONE, anything after REJECTED) is late and changes
 * nothing; the same answer twice is a duplicate and changes nothing; an answer to an id never sent, or from another
 * device than the command's, is counted and ignored. A later answer to a command given up as NO_ANSWER is still
 * recorded: the device did answer. Each device's latest command is its <em>current</em> one; an earlier one is
 * superseded and no longer awaited. After a restart, the commands the previous center sent are taken over with
 * {@link #restore}.
 *
 * <p>Not thread-safe: the control center guards it.
 */
public final class CommandBook {
    /** Where a command stands. */
    public enum State {
        /** Sent, no answer yet. */
        SENT,
        /** The device will carry it out. */
        ACCEPTED,
        /** The set point has been reached. */
        DONE,
        /** The device will not (or no longer) carry it out; the ack says why. */
        REJECTED,
        /** No answer to the command nor to its resend within the timeout. */
        NO_ANSWER
    }

    /** What an incoming ack did. */
    public enum AckOutcome {
        /** It moved its command on. */
        APPLIED,
        /** The same answer again: nothing changes. */
        DUPLICATE,
        /** An answer that would move its command back: nothing changes. */
        LATE,
        /** No command with that id was sent (or it was forgotten long ago). */
        UNKNOWN_COMMAND,
        /** The ack names another device than the command: ignored. */
        WRONG_DEVICE
    }

    /**
     * One command as tracked.
     *
     * @param sends       how often it was sent: 1, or 2 after its resend
     * @param superseded  whether a later command to the same device replaced it
     * @param lastAck     the latest ack that moved it on
     * @param delivery    what the sink said about its latest send, once known
     */
    public record TrackedCommand(Command command, State state, Instant firstSentAt, Instant lastSentAt, int sends, boolean superseded,
                                 Optional<Ack> lastAck, Optional<SendOutcome> delivery) {
        public TrackedCommand {
            requireNonNull(command, "command");
            requireNonNull(state, "state");
            requireNonNull(firstSentAt, "firstSentAt");
            requireNonNull(lastSentAt, "lastSentAt");
            requireNonNull(lastAck, "lastAck");
            requireNonNull(delivery, "delivery");
        }

        public CommandId id() {
            return command.id();
        }

        public AssetId device() {
            return command.device();
        }

        /** Whether it is still expected to hold: sent, accepted or done. */
        public boolean inForce() {
            return state == State.SENT || state == State.ACCEPTED || state == State.DONE;
        }

        /** The rejection's reason, or empty. */
        public String reason() {
            return lastAck.map(Ack::reason).orElse("");
        }
    }

    private static final class Entry {
        final Command command;
        final Instant firstSentAt;
        Instant lastSentAt;
        int sends = 1;
        State state = State.SENT;
        boolean superseded;
        Ack lastAck;
        SendOutcome delivery;
        boolean everAccepted;

        Entry(Command command, Instant sentAt) {
            this.command = command;
            this.firstSentAt = sentAt;
            this.lastSentAt = sentAt;
        }

        TrackedCommand view() {
            return new TrackedCommand(command, state, firstSentAt, lastSentAt, sends, superseded, Optional.ofNullable(lastAck),
                    Optional.ofNullable(delivery));
        }
    }

    private final Map<CommandId, Entry> commands = new LinkedHashMap<>();
    private final Map<AssetId, Entry> current = new HashMap<>();
    private int sent;
    private int resends;
    private int accepted;
    private int done;
    private int rejected;
    private int noAnswer;
    private int duplicateAcks;
    private int lateAcks;
    private int unknownAcks;
    private int resumed;

    /**
     * Records {@code command} as sent at {@code now}; it becomes its device's current command.
     *
     * @throws IllegalArgumentException when a command with that id was sent before (use {@link #resent})
     */
    public TrackedCommand sent(Command command, Instant now) {
        requireNonNull(command, "command");
        requireNonNull(now, "now");
        if (commands.containsKey(command.id())) {
            throw new IllegalArgumentException("command " + command.id() + " was sent before: a resend keeps its entry");
        }
        Entry e = new Entry(command, now);
        commands.put(command.id(), e);
        Entry previous = current.put(command.device(), e);
        if (previous != null) {
            previous.superseded = true;
        }
        sent++;
        return e.view();
    }

    /** Records that the command with {@code id} was sent again, unchanged, at {@code now}. */
    public TrackedCommand resent(CommandId id, Instant now) {
        Entry e = require(id);
        e.sends++;
        e.lastSentAt = now;
        resends++;
        return e.view();
    }

    /** Records what the sink said about the latest send of {@code id} (ignored for a forgotten command). */
    public void delivered(CommandId id, SendOutcome outcome) {
        Entry e = commands.get(id);
        if (e != null) {
            e.delivery = outcome;
        }
    }

    /** Applies {@code ack} to its command by the rules of the class comment. */
    public AckOutcome acknowledge(Ack ack) {
        requireNonNull(ack, "ack");
        Entry e = commands.get(ack.command());
        if (e == null) {
            unknownAcks++;
            return AckOutcome.UNKNOWN_COMMAND;
        }
        if (!e.command.device().equals(ack.device())) {
            unknownAcks++;
            return AckOutcome.WRONG_DEVICE;
        }
        State to = switch (ack.status()) {
            case ACCEPTED -> State.ACCEPTED;
            case DONE -> State.DONE;
            case REJECTED -> State.REJECTED;
        };
        if (e.state == to) {
            duplicateAcks++;
            return AckOutcome.DUPLICATE;
        }
        if (!moves(e.state, to)) {
            lateAcks++;
            return AckOutcome.LATE;
        }
        if ((to == State.ACCEPTED || to == State.DONE) && !e.everAccepted) {
            e.everAccepted = true;
            accepted++;
        }
        if (to == State.DONE) {
            done++;
        }
        if (to == State.REJECTED) {
            rejected++;
        }
        if (e.state == State.NO_ANSWER) {
            noAnswer--; // it did answer after all
        }
        e.state = to;
        e.lastAck = ack;
        return AckOutcome.APPLIED;
    }

    /**
     * Takes over a command that the center before a restart sent ({@link ResumeState}): tracked in the state its acks
     * brought it to by the rules of the class comment, with its sends. It is counted as resumed, neither as sent nor as
     * answered (the previous center's report has those). It becomes its device's current command unless one tracked
     * already for that device starts later (by validity start, then first send).
     *
     * @throws IllegalArgumentException when a command with that id is tracked already
     */
    public TrackedCommand restore(ResumeState.SentCommand sent) {
        requireNonNull(sent, "sent");
        Command command = sent.command();
        if (commands.containsKey(command.id())) {
            throw new IllegalArgumentException("command " + command.id() + " is tracked already: it cannot be taken over again");
        }
        Entry e = new Entry(command, sent.firstSentAt());
        e.lastSentAt = sent.lastSentAt();
        e.sends = sent.sends();
        for (Ack ack : sent.acks()) {
            if (!ack.device().equals(command.device())) {
                continue; // names another device: it never counted
            }
            State to = switch (ack.status()) {
                case ACCEPTED -> State.ACCEPTED;
                case DONE -> State.DONE;
                case REJECTED -> State.REJECTED;
            };
            if (e.state != to && moves(e.state, to)) {
                e.state = to;
                e.lastAck = ack;
                e.everAccepted |= to != State.REJECTED;
            }
        }
        commands.put(command.id(), e);
        Entry existing = current.get(command.device());
        if (existing == null || startsLater(e, existing)) {
            current.put(command.device(), e);
            if (existing != null) {
                existing.superseded = true;
            }
        } else {
            e.superseded = true;
        }
        resumed++;
        return e.view();
    }

    private static boolean startsLater(Entry a, Entry b) {
        int byValidity = a.command.validFrom().compareTo(b.command.validFrom());
        return byValidity != 0 ? byValidity > 0 : a.firstSentAt.isAfter(b.firstSentAt);
    }

    /** Whether an answer {@code to} moves a command on from {@code from} (the same answer again does not). */
    private static boolean moves(State from, State to) {
        return switch (from) {
            case SENT, NO_ANSWER -> true;
            case ACCEPTED -> to == State.DONE || to == State.REJECTED;
            case DONE -> to == State.REJECTED;
            case REJECTED -> false;
        };
    }

    /** Gives up on the command with {@code id}: no answer to it nor to its resend. */
    public TrackedCommand noAnswer(CommandId id) {
        Entry e = require(id);
        if (e.state == State.SENT) {
            e.state = State.NO_ANSWER;
            noAnswer++;
        }
        return e.view();
    }

    /** Current commands still waiting for their first answer whose latest send is {@code timeout} or more before {@code now}. */
    public List<TrackedCommand> unanswered(Instant now, Duration timeout) {
        List<TrackedCommand> due = new ArrayList<>();
        for (Entry e : current.values()) {
            if (e.state == State.SENT && !e.lastSentAt.plus(timeout).isAfter(now)) {
                due.add(e.view());
            }
        }
        due.sort((a, b) -> a.device().compareTo(b.device()));
        return due;
    }

    public Optional<TrackedCommand> find(CommandId id) {
        Entry e = commands.get(id);
        return e == null ? Optional.empty() : Optional.of(e.view());
    }

    /** The latest command sent to {@code device}. */
    public Optional<TrackedCommand> current(AssetId device) {
        Entry e = current.get(device);
        return e == null ? Optional.empty() : Optional.of(e.view());
    }

    /** Whether {@code id} is its device's latest command. */
    public boolean isCurrent(CommandId id) {
        Entry e = commands.get(id);
        return e != null && current.get(e.command.device()) == e;
    }

    /** Forgets superseded commands whose validity ended before {@code before}, so the book does not grow without end. */
    public void forgetEndedBefore(Instant before) {
        Iterator<Entry> it = commands.values().iterator();
        while (it.hasNext()) {
            Entry e = it.next();
            if (e.superseded && e.command.validUntil().isBefore(before)) {
                it.remove();
            }
        }
    }

    /** Commands tracked now (forgotten ones not counted). */
    public int size() {
        return commands.size();
    }

    /** Commands taken over from the center before a restart ({@link #restore}). */
    public int resumedCount() {
        return resumed;
    }

    public int sentCount() {
        return sent;
    }

    public int resendCount() {
        return resends;
    }

    /** Commands answered ACCEPTED or DONE at least once. */
    public int acceptedCount() {
        return accepted;
    }

    public int doneCount() {
        return done;
    }

    /** Commands answered REJECTED, at once or later (abandoned). */
    public int rejectedCount() {
        return rejected;
    }

    /** Commands that got no answer to their resend either (and none since). */
    public int noAnswerCount() {
        return noAnswer;
    }

    public int duplicateAckCount() {
        return duplicateAcks;
    }

    public int lateAckCount() {
        return lateAcks;
    }

    /** Acks for commands never sent (or long forgotten), or naming another device. */
    public int unknownAckCount() {
        return unknownAcks;
    }

    private Entry require(CommandId id) {
        Entry e = commands.get(id);
        if (e == null) {
            throw new IllegalArgumentException("no command " + id + " in the book");
        }
        return e;
    }
}
