package org.gridfleet.comm.protocol;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.CommandId;

/**
 * The commands one device has recently answered, with its latest answer to each, so that a resent command is
 * answered again but never applied twice. An entry is kept until {@code retention} after its command's
 * validity ended (a resend after that is refused as expired anyway) and at most {@code capacity} entries, the
 * oldest going first. Thread-safe.
 */
public final class RecentCommands {
    public static final int DEFAULT_CAPACITY = 4096;
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);

    /** One answered command and the latest answer sent for it. */
    public record Entry(DeviceCommand command, Ack lastAck) {
        public Entry {
            requireNonNull(command, "command");
            requireNonNull(lastAck, "lastAck");
        }
    }

    private final int capacity;
    private final Duration retention;
    private final LinkedHashMap<CommandId, Entry> entries = new LinkedHashMap<>();

    public RecentCommands(int capacity, Duration retention) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
        }
        requireNonNull(retention, "retention");
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative: " + retention);
        }
        this.capacity = capacity;
        this.retention = retention;
    }

    public RecentCommands() {
        this(DEFAULT_CAPACITY, DEFAULT_RETENTION);
    }

    public synchronized Optional<Entry> find(CommandId id) {
        return Optional.ofNullable(entries.get(id));
    }

    /** Remembers {@code ack} as the latest answer to {@code command}, and forgets what is past its retention. */
    public synchronized void record(DeviceCommand command, Ack ack) {
        requireNonNull(command, "command");
        requireNonNull(ack, "ack");
        if (!ack.command().equals(command.id())) {
            throw new IllegalArgumentException("ack for " + ack.command() + " recorded against command " + command.id());
        }
        entries.put(command.id(), new Entry(command, ack));
        forgetOld(ack.time());
    }

    public synchronized int size() {
        return entries.size();
    }

    private void forgetOld(Instant now) {
        Iterator<Map.Entry<CommandId, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            Entry entry = it.next().getValue();
            if (entries.size() > capacity || entry.command().validUntil().plus(retention).isBefore(now)) {
                it.remove();
            }
        }
    }
}
