package org.gridfleet.app;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Collectors;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.control.Cause;
import org.gridfleet.control.ControlEvent;
import org.gridfleet.control.ControlListener;
import org.gridfleet.control.ResumeState;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.store.CommandOrigin;
import org.gridfleet.store.MeterReading;
import org.gridfleet.store.Store;
import org.gridfleet.store.StoredCommand;
import org.gridfleet.store.StoredRejection;
import org.gridfleet.store.StoredTelemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the control center sees and decides in the {@link Store}: verified telemetry and meter readings,
 * rejections, commands (with the plan interval or re-dispatch that sent them), acks and alarms. The center calls
 * listeners with its lock held, so events only join a queue here; one virtual thread writes them, telemetry and
 * readings in batches.
 */
final class StoreRecorder implements ControlListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StoreRecorder.class);

    private final Store store;
    private final String planId;
    private final TimeGrid grid;
    private final LinkedBlockingQueue<ControlEvent> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    /** Commands sent since the last re-dispatch event, which says why they were sent. */
    private final List<ControlEvent.CommandSent> pending = new ArrayList<>();
    /** Why each command recorded so far was sent: a resend keeps its command's origin. */
    private final Map<CommandId, CommandOrigin> origins = new HashMap<>();
    /** The store's id of each alarm the center raised, by the center's own. */
    private final Map<Long, Long> alarmIds = new HashMap<>();
    private volatile long failures;
    private volatile boolean closing;

    StoreRecorder(Store store, String planId, TimeGrid grid) {
        this.store = requireNonNull(store, "store");
        this.planId = requireNonNull(planId, "planId");
        this.grid = requireNonNull(grid, "grid");
        this.writer = Thread.ofVirtual().name("store-recorder").start(this::drain);
    }

    @Override
    public void on(ControlEvent event) {
        queue.add(event);
    }

    /** Writes that failed (logged); the control center goes on without them. */
    long failures() {
        return failures;
    }

    private void drain() {
        List<ControlEvent> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                ControlEvent first = queue.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch);
            try {
                write(batch);
            } catch (RuntimeException e) {
                failures++;
                LOG.warn("could not keep {} control events in the store: {}", batch.size(), e.toString());
            }
            batch.clear();
        }
        if (!pending.isEmpty()) {
            pending.forEach(c -> store.recordCommand(c.command(), c.time(), new CommandOrigin.Redispatch("sent as the run ended")));
            pending.clear();
        }
    }

    private void write(List<ControlEvent> events) {
        List<StoredTelemetry> telemetry = new ArrayList<>();
        List<MeterReading> readings = new ArrayList<>();
        for (ControlEvent event : events) {
            switch (event) {
                case ControlEvent.TelemetryAccepted t -> telemetry.add(new StoredTelemetry(t.telemetry(), t.time()));
                case ControlEvent.DemandAccepted d -> readings.add(new MeterReading(d.reading().endUser(), d.reading().time(),
                        d.reading().demandKw(), d.time()));
                case ControlEvent.ValueRejected v -> store.recordRejection(new StoredRejection(v.time(), "verifier",
                        Optional.of(v.rejection().subject()), v.rejection().rule().name(), v.rejection().reason(), ""));
                case ControlEvent.MessageRefused m -> store.recordRejection(new StoredRejection(m.time(), m.rejection().topic(),
                        Optional.empty(), m.rejection().reason().name(), m.rejection().detail(), ""));
                case ControlEvent.CommandSent c -> {
                    CommandOrigin known = origins.get(c.command().id());
                    if (known == null && c.attempt() > 1) { // a command of the center before a restart, sent again
                        known = store.command(c.command().id()).map(StoredCommand::origin).orElse(null);
                    }
                    if (known != null) {
                        store.recordCommand(c.command(), c.time(), known); // a resend: one row, its sends counted
                        origins.put(c.command().id(), known);
                    } else {
                        pending.add(c);
                    }
                }
                case ControlEvent.Redispatched r -> {
                    CommandOrigin origin = origin(r);
                    pending.forEach(c -> {
                        store.recordCommand(c.command(), c.time(), origin);
                        origins.put(c.command().id(), origin);
                    });
                    pending.clear();
                }
                case ControlEvent.AckReceived a -> store.recordAck(a.ack());
                case ControlEvent.AlarmRaised a -> alarmIds.put(a.alarm().id(), store.raiseAlarm(a.alarm().kind().name(),
                        severity(a.alarm().severity()), a.alarm().subject(), a.alarm().message(), a.time()).id());
                case ControlEvent.AlarmCleared a -> {
                    Long id = alarmIds.remove(a.alarm().id());
                    if (id != null) store.clearAlarm(id, a.time());
                }
                case ControlEvent.AlarmAcknowledged a -> {
                    Long id = alarmIds.get(a.alarm().id()); // an alarm cleared before is closed in the store already
                    if (id != null) a.alarm().acknowledged().ifPresent(ack -> store.acknowledgeAlarm(id, ack.by(), ack.at()));
                }
                case ControlEvent.AlarmUpdated a -> { } // the alarm's first message stays; the report has the rest
                case ControlEvent.StatusChanged s -> { } // site status is in the telemetry and the alarms
                case ControlEvent.Replanned r -> { }
                case ControlEvent.OverrideSet o -> { } // its MANUAL_OVERRIDE alarm keeps who, what and why
                case ControlEvent.OverrideEnded o -> { } // that alarm cleared
            }
        }
        if (!telemetry.isEmpty()) store.recordTelemetry(telemetry);
        if (!readings.isEmpty()) store.recordMeterReadings(readings);
    }

    /** A dispatch at the start of an interval carries out the plan; any other departs from it, for its causes. */
    private CommandOrigin origin(ControlEvent.Redispatched r) {
        boolean onPlan = r.redispatch().causes().stream()
                .allMatch(c -> c.trigger() == Cause.Trigger.START || c.trigger() == Cause.Trigger.INTERVAL_START);
        int interval = (int) (Duration.between(grid.start(), r.redispatch().intervalStart()).toSeconds() / grid.step().toSeconds());
        if (onPlan && interval >= 0 && interval < grid.intervals()) {
            return new CommandOrigin.FromPlan(planId, interval);
        }
        return new CommandOrigin.Redispatch(r.redispatch().causes().stream()
                .map(c -> c.trigger().name().toLowerCase(java.util.Locale.ROOT) + " " + c.subject() + ": " + c.detail())
                .collect(Collectors.joining("; ")));
    }

    private static org.gridfleet.store.Alarm.Severity severity(org.gridfleet.control.Alarm.Severity severity) {
        return switch (severity) {
            case CRITICAL -> org.gridfleet.store.Alarm.Severity.CRITICAL;
            case WARNING -> org.gridfleet.store.Alarm.Severity.WARNING;
            case INFO -> org.gridfleet.store.Alarm.Severity.INFO;
        };
    }

    /**
     * What a control center restarted at {@code now} takes over from the store (docs/store.md, "The resume rule"):
     * every command still valid ({@code validUntil > now}), those no ack answered ({@link Store#commandsAwaitingAck})
     * and those answered ({@link Store#acknowledgedCommandIds}) with every ack they got, and their sends; and each
     * device's and each end-user's latest observation since {@code now - lookBack}.
     */
    static ResumeState resumeState(Store store, PlanningProblem problem, Instant now, Duration lookBack) {
        Instant since = now.minus(lookBack);
        List<Telemetry> telemetry = store.latestTelemetry(since).values().stream().map(StoredTelemetry::telemetry).toList();
        List<DemandReading> readings = new ArrayList<>();
        Instant until = now.plusNanos(1);
        for (EndUser endUser : problem.endUsers()) {
            List<MeterReading> kept = store.meterReadings(endUser.id(), since, until);
            if (!kept.isEmpty()) {
                MeterReading latest = kept.getLast();
                readings.add(new DemandReading(latest.endUser(), latest.time(), latest.demandKw()));
            }
        }
        List<ResumeState.SentCommand> commands = new ArrayList<>();
        for (StoredCommand c : store.commandsAwaitingAck(now)) {
            commands.add(ResumeState.SentCommand.unanswered(c.command(), c.firstSentAt(), c.lastSentAt(), c.sends()));
        }
        for (CommandId id : store.acknowledgedCommandIds(now)) {
            StoredCommand c = store.command(id).orElseThrow(() -> new IllegalStateException("the store lists command " + id + " but has no row of it"));
            commands.add(new ResumeState.SentCommand(c.command(), c.firstSentAt(), c.lastSentAt(), c.sends(), store.acks(id)));
        }
        return new ResumeState(commands, telemetry, readings);
    }

    /**
     * Clears, at {@code now}, the alarms the store holds open from the center before a restart: that center no longer
     * watches their conditions, and the new one raises again those that still hold. The rows stay; returns how many.
     */
    static int clearAlarmsOfTheCenterBefore(Store store, Instant now) {
        int cleared = 0;
        for (org.gridfleet.store.Alarm alarm : store.openAlarms()) {
            if (store.clearAlarm(alarm.id(), now)) {
                cleared++;
            }
        }
        return cleared;
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        writer.join(Duration.ofSeconds(30));
    }
}
