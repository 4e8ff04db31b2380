package org.gridfleet.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;

/**
 * One controller's memory of commands: the latest ack of every command it answered (so a resend is answered
 * again, never applied twice) and the accepted commands still in force. Of the commands in force and valid at a
 * time, the one accepted last rules; a command is out of force once its validity has ended. Answers are
 * forgotten {@link #RETENTION} after their command's validity ended (a resend then is refused as expired anyway),
 * and beyond {@link #CAPACITY} the oldest answers no longer in force go first. Not thread-safe: its controller
 * guards it.
 */
final class CommandBook {
    static final int CAPACITY = 4096;
    static final Duration RETENTION = Duration.ofHours(1);
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(15);

    static final class Entry {
        final Command command;
        Ack latest;
        boolean done;
        boolean inForce;

        Entry(Command command, Ack latest) {
            this.command = command;
            this.latest = latest;
        }
    }

    private final LinkedHashMap<CommandId, Entry> byId = new LinkedHashMap<>();
    /** Accepted commands not yet expired nor abandoned, in the order they were accepted. */
    private final List<Entry> inForce = new ArrayList<>();
    private Instant nextSweep = Instant.MIN;

    Entry find(CommandId id) {
        return byId.get(id);
    }

    /** Remembers the first answer to {@code command}; an accepted one comes into force. */
    Entry remember(Command command, Ack ack) {
        Entry entry = new Entry(command, ack);
        byId.put(command.id(), entry);
        if (ack.status() == Ack.Status.ACCEPTED) {
            entry.inForce = true;
            inForce.add(entry);
        }
        return entry;
    }

    /** The command in force and valid at {@code t} that was accepted last; null when none is. */
    Entry activeAt(Instant t) {
        for (int i = inForce.size() - 1; i >= 0; i--) {
            Entry e = inForce.get(i);
            if (e.command.isValidAt(t)) {
                return e;
            }
        }
        return null;
    }

    /** The first start or end of validity of a command in force strictly after {@code t}; null when none. */
    Instant nextBoundaryAfter(Instant t) {
        Instant next = null;
        for (Entry e : inForce) {
            Instant from = e.command.validFrom();
            Instant until = e.command.validUntil();
            if (from.isAfter(t) && (next == null || from.isBefore(next))) {
                next = from;
            }
            if (until.isAfter(t) && (next == null || until.isBefore(next))) {
                next = until;
            }
        }
        return next;
    }

    /** Takes the commands whose validity has ended by {@code t} out of force, and now and then forgets old answers. */
    void expire(Instant t) {
        if (!inForce.isEmpty()) {
            inForce.removeIf(e -> {
                boolean ended = !e.command.validUntil().isAfter(t);
                if (ended) {
                    e.inForce = false;
                }
                return ended;
            });
        }
        if (byId.size() > CAPACITY || !byId.isEmpty() && !t.isBefore(nextSweep)) {
            nextSweep = t.plus(SWEEP_EVERY);
            Iterator<Entry> it = byId.values().iterator();
            while (it.hasNext()) {
                Entry e = it.next();
                if (!e.inForce && (byId.size() > CAPACITY || e.command.validUntil().plus(RETENTION).isBefore(t))) {
                    it.remove();
                }
            }
        }
    }

    /** Takes every command out of force and returns them, in the order they were accepted. */
    List<Entry> abandonAll() {
        List<Entry> all = new ArrayList<>(inForce);
        for (Entry e : all) {
            e.inForce = false;
        }
        inForce.clear();
        return all;
    }
}
