package org.gridfleet.control;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;

/**
 * The alarm board: active alarms by kind and subject, and every alarm raised in the run. Raising an alarm that is
 * already active with the same message does nothing; with another message it updates it. Each change is handed to
 * the center's listener. An operator may acknowledge an alarm; it stays active until its condition ends. Not thread-safe: the control center guards it.
 */
public final class Alarms {
    private record Key(Alarm.Kind kind, String subject) {}

    private final Map<Key, Alarm> active = new LinkedHashMap<>();
    private final List<Alarm> history = new ArrayList<>();
    private final Consumer<ControlEvent> events;
    private long nextId = 1;

    Alarms(Consumer<ControlEvent> events) {
        this.events = requireNonNull(events, "events");
    }

    /** Raises (or updates) the alarm of {@code kind} about {@code subject}. */
    Alarm raise(Alarm.Kind kind, String subject, String message, OptionalDouble missingKw, Instant now) {
        Key key = new Key(kind, subject);
        Alarm known = active.get(key);
        if (known != null) {
            if (known.message().equals(message)) {
                return known;
            }
            Alarm updated = new Alarm(known.id(), kind, kind.severity(), subject, message, missingKw, known.raisedAt(), Optional.empty(),
                    known.acknowledged());
            active.put(key, updated);
            replaceInHistory(updated);
            events.accept(new ControlEvent.AlarmUpdated(now, updated));
            return updated;
        }
        Alarm alarm = new Alarm(nextId++, kind, kind.severity(), subject, message, missingKw, now, Optional.empty());
        active.put(key, alarm);
        history.add(alarm);
        events.accept(new ControlEvent.AlarmRaised(now, alarm));
        return alarm;
    }

    Alarm raise(Alarm.Kind kind, String subject, String message, Instant now) {
        return raise(kind, subject, message, OptionalDouble.empty(), now);
    }

    /** Clears the active alarm of {@code kind} about {@code subject}, if any. */
    void clear(Alarm.Kind kind, String subject, Instant now) {
        Alarm known = active.remove(new Key(kind, subject));
        if (known != null) {
            Alarm cleared = new Alarm(known.id(), known.kind(), known.severity(), known.subject(), known.message(), known.missingKw(),
                    known.raisedAt(), Optional.of(now), known.acknowledged());
            replaceInHistory(cleared);
            events.accept(new ControlEvent.AlarmCleared(now, cleared));
        }
    }

    /**
     * Records that {@code by} acknowledged the alarm numbered {@code id} (active or cleared). Only the first
     * acknowledgement counts: the alarm is returned as it stands when it was acknowledged already; empty when no alarm
     * has that id.
     */
    Optional<Alarm> acknowledge(long id, String by, Instant now) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Alarm known = history.get(i);
            if (known.id() != id) {
                continue;
            }
            if (known.acknowledged().isPresent()) {
                return Optional.of(known);
            }
            Alarm acknowledged = new Alarm(known.id(), known.kind(), known.severity(), known.subject(), known.message(), known.missingKw(),
                    known.raisedAt(), known.clearedAt(), Optional.of(new Alarm.Acknowledgement(by, now)));
            history.set(i, acknowledged);
            Key key = new Key(known.kind(), known.subject());
            if (known.active() && active.containsKey(key)) {
                active.put(key, acknowledged);
            }
            events.accept(new ControlEvent.AlarmAcknowledged(now, acknowledged));
            return Optional.of(acknowledged);
        }
        return Optional.empty();
    }

    public boolean isActive(Alarm.Kind kind, String subject) {
        return active.containsKey(new Key(kind, subject));
    }

    public Optional<Alarm> active(Alarm.Kind kind, String subject) {
        return Optional.ofNullable(active.get(new Key(kind, subject)));
    }

    /** Active alarms, oldest first. */
    public List<Alarm> active() {
        return List.copyOf(active.values());
    }

    /** Every alarm raised in the run, in order, as it stands now (cleared ones with their time). */
    public List<Alarm> history() {
        return List.copyOf(history);
    }

    private void replaceInHistory(Alarm alarm) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).id() == alarm.id()) {
                history.set(i, alarm);
                return;
            }
        }
    }
}
