package org.gridfleet.server;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Ids;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.server.view.CommandView;
import org.gridfleet.server.view.HistoryViews;
import org.gridfleet.store.Alarm;
import org.gridfleet.store.CommandOrigin;
import org.gridfleet.store.Store;
import org.gridfleet.store.StoreException;
import org.gridfleet.store.StoredCommand;
import org.gridfleet.store.StoredTelemetry;

/**
 * History by time range from the store (docs/api.md, "History"): a device's telemetry, the alarms, the commands with
 * their acks. Every query names {@code from} (inclusive) and {@code to} (exclusive); a range longer than its limit, or
 * one that holds more than {@link #MAX_ROWS} rows, is refused with a 400 that says how to ask instead.
 */
final class History {
    /** The most rows one answer carries. */
    static final int MAX_ROWS = 10_000;
    /** The longest ranges: telemetry comes every few seconds per device; commands and alarms are far fewer. */
    static final Duration MAX_TELEMETRY_RANGE = Duration.ofDays(1);
    static final Duration MAX_COMMANDS_RANGE = Duration.ofDays(7);
    static final Duration MAX_ALARMS_RANGE = Duration.ofDays(31);

    private final Optional<Store> store;

    History(Optional<Store> store) {
        this.store = store;
    }

    /** The time range asked for, checked. */
    record Range(Instant from, Instant to) {
        static Range of(Context ctx, Duration max) {
            Instant from = instant(ctx, "from");
            Instant to = instant(ctx, "to");
            if (!to.isAfter(from)) {
                throw ApiProblem.badRequest("to (" + to + ") must be after from (" + from + "): from is inclusive, to exclusive");
            }
            if (Duration.between(from, to).compareTo(max) > 0) {
                throw ApiProblem.badRequest("the range " + from + " .. " + to + " is longer than " + human(max) + ", the most one query may cover here:"
                        + " ask for shorter ranges one after another");
            }
            return new Range(from, to);
        }
    }

    HistoryViews.Telemetry telemetry(Context ctx) {
        AssetId device = device(ctx).orElseThrow(() -> ApiProblem.badRequest("device: required, the device's id, e.g. ?device=GEN-A"));
        Range r = Range.of(ctx, MAX_TELEMETRY_RANGE);
        List<StoredTelemetry> rows = limited(read(() -> store().telemetry(device, r.from(), r.to(), MAX_ROWS + 1)), r);
        return new HistoryViews.Telemetry(device.value(), r.from(), r.to(), rows.size(), rows.stream().map(s -> new HistoryViews.TelemetryRow(
                s.telemetry().time(), s.telemetry().powerKw(), boxed(s.telemetry().kvar()), boxed(s.telemetry().socFraction()),
                PlantViews.lower(s.telemetry().state().name()), s.receivedAt())).toList());
    }

    HistoryViews.Alarms alarms(Context ctx) {
        Range r = Range.of(ctx, MAX_ALARMS_RANGE);
        List<Alarm> rows = limited(read(() -> store().alarms(r.from(), r.to(), MAX_ROWS + 1)), r);
        return new HistoryViews.Alarms(r.from(), r.to(), rows.size(), rows.stream().map(a -> new HistoryViews.AlarmRow(a.id(),
                PlantViews.lower(a.kind()), PlantViews.lower(a.severity().name()), a.subject(), a.message(), a.raisedAt(), a.acknowledgedBy().orElse(null),
                a.acknowledgedAt().orElse(null), a.clearedAt().orElse(null))).toList());
    }

    HistoryViews.Commands commands(Context ctx) {
        Optional<AssetId> device = device(ctx);
        Range r = Range.of(ctx, MAX_COMMANDS_RANGE);
        List<StoredCommand> rows = limited(read(() -> store().commands(device, r.from(), r.to(), MAX_ROWS + 1)), r);
        Map<CommandId, List<Ack>> acks = rows.isEmpty() ? Map.of() : read(() -> store().acksOfCommands(device, r.from(), r.to()));
        return new HistoryViews.Commands(device.map(AssetId::value).orElse(null), r.from(), r.to(), rows.size(), rows.stream().map(s -> {
            var c = s.command();
            String plan = s.origin() instanceof CommandOrigin.FromPlan p ? p.planId() : null;
            Integer interval = s.origin() instanceof CommandOrigin.FromPlan p ? p.interval() : null;
            String redispatch = s.origin() instanceof CommandOrigin.Redispatch d ? d.reason() : null;
            return new HistoryViews.CommandRow(c.id().value(), c.device().value(), c.setpointKw(), boxed(c.setpointKvar()), c.validFrom(), c.validUntil(),
                    s.firstSentAt(), s.lastSentAt(), s.sends(), plan, interval, redispatch, acks.getOrDefault(c.id(), List.of()).stream()
                            .map(a -> new CommandView.AckView(PlantViews.lower(a.status().name()), a.reason(), a.time())).toList());
        }).toList());
    }

    private Store store() {
        return store.orElseThrow(() -> ApiProblem.unavailable("this server keeps no store, so it has no history: start it with one"
                + " (gridfleet demo keeps an H2 store)"));
    }

    private static <T> T read(Supplier<T> query) {
        try {
            return query.get();
        } catch (StoreException e) {
            throw ApiProblem.unavailable("the store cannot be read now: " + e.getMessage());
        }
    }

    private static <T> List<T> limited(List<T> rows, Range r) {
        if (rows.size() > MAX_ROWS) {
            throw ApiProblem.badRequest("more than " + MAX_ROWS + " rows in " + r.from() + " .. " + r.to() + ": ask for a shorter range");
        }
        return rows;
    }

    private static Optional<AssetId> device(Context ctx) {
        String id = ctx.queryParam("device");
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        if (!Ids.isValid(id.strip())) {
            throw ApiProblem.badRequest("device: not an id (" + Ids.PATTERN.pattern() + "): '" + id + "'");
        }
        return Optional.of(AssetId.of(id.strip()));
    }

    private static Instant instant(Context ctx, String name) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            throw ApiProblem.badRequest(name + ": required, an ISO-8601 UTC time such as 2026-11-23T08:00:00Z");
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(name + ": not an ISO-8601 UTC time such as 2026-11-23T08:00:00Z: '" + text + "'");
        }
    }

    private static Double boxed(java.util.OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String human(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + (d.toDays() == 1 ? " day" : " days") : d.toString().toLowerCase(Locale.ROOT);
    }
}
