package org.gridfleet.store;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Ids;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.plan.DispatchPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the plant observes, rejects, plans, selects, sends and hears back, in one database (docs/store.md):
 * an embedded H2 file by default, PostgreSQL by configuration. {@link #open} migrates the schema with Flyway.
 *
 * <p><b>Threads.</b> The store holds one connection and serialises every call on a lock: one writer at a time,
 * each call its own transaction. The control center writes from a few threads (telemetry intake, the command
 * loop, the operator), and telemetry arrives in batches, so one connection keeps transactions simple and is not
 * the bottleneck (measured rates in docs/store.md). A call that finds the connection broken fails with a
 * {@link StoreException}, and the next call opens a new connection.
 *
 * <p><b>Checks.</b> Arguments are checked before any SQL: {@code null}s, malformed ids and times outside the
 * years 1900–3000 throw {@link NullPointerException} or {@link IllegalArgumentException} naming the field. Free
 * text (reasons, messages, excerpts) is cut to its column's length, marked with "…". Times are kept to the
 * microsecond; finer digits are dropped.
 *
 * <p><b>Resume.</b> A control center restarted mid-day reads {@link #latestSelection()} and that plan's JSON,
 * resends {@link #commandsAwaitingAck} (same ids, so a device never acts twice) and never resends
 * {@link #acknowledgedCommandIds}.
 */
public final class Store implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Store.class);

    /** Rows per JDBC batch inside one call's transaction. */
    static final int BATCH_ROWS = 1_000;
    /** Column widths of free text, characters. */
    static final int SOURCE_CHARS = 256;
    static final int TEXT_CHARS = 2_000;
    static final int EXCERPT_CHARS = 1_000;
    static final int NAME_CHARS = 64;
    static final int OBJECTIVE_CHARS = 256;
    /** The times the store accepts: generous, but inside every supported database's range. */
    static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private final StoreSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}; null after a broken connection until the next call opens another. */
    private Connection connection;
    private boolean closed;

    private Store(StoreSettings settings, Connection connection) {
        this.settings = settings;
        this.connection = connection;
    }

    /**
     * Opens the store and brings its schema up to date; an H2 file and its directory are created on first use.
     *
     * @throws StoreException when the database cannot be reached or migrated
     */
    public static Store open(StoreSettings settings) {
        requireNonNull(settings, "settings");
        Connection connection;
        try {
            connection = connect(settings);
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
        try {
            Flyway flyway = Flyway.configure()
                    .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations(migrations(settings.kind()))
                    .failOnMissingLocations(true)
                    .load();
            int applied = flyway.migrate().migrationsExecuted;
            MigrationInfo current = flyway.info().current();
            LOG.info("store: {} {}, schema version {} ({} migrations applied now)", settings.kind(), settings.jdbcUrl(),
                    current == null ? "none" : current.getVersion(), applied);
        } catch (FlywayException e) {
            closeQuietly(connection);
            throw new StoreException("cannot migrate the store's schema at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        }
        return new Store(settings, connection);
    }

    /**
     * The migration scripts: {@code db/migration/common} everywhere, and on PostgreSQL {@code db/migration/postgresql}
     * too, the indexes that would cost H2 too much space (V2__device_history_indexes.sql says why).
     */
    static String[] migrations(StoreSettings.Kind kind) {
        return switch (kind) {
            case H2 -> new String[] {"classpath:db/migration/common"};
            case POSTGRESQL -> new String[] {"classpath:db/migration/common", "classpath:db/migration/postgresql"};
        };
    }

    private static Connection connect(StoreSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        if (settings.kind() == StoreSettings.Kind.POSTGRESQL) {
            // one INSERT with many rows per batch instead of one per row: several times faster for telemetry
            properties.setProperty("reWriteBatchedInserts", "true");
            properties.setProperty("ApplicationName", "gridfleet");
        }
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    // ---- observations ----------------------------------------------------------------------------------------

    /** Keeps one device report; returns false when the store already has this device's report of this time. */
    public boolean recordTelemetry(Telemetry telemetry, Instant receivedAt) {
        StoredTelemetry row = new StoredTelemetry(requireNonNull(telemetry, "telemetry"), requireNonNull(receivedAt, "receivedAt"));
        checkTimes(row);
        return call("record telemetry of " + telemetry.device(), c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT_TELEMETRY)) {
                bindTelemetry(insert, row);
                return insert.executeUpdate() == 1;
            }
        });
    }

    private static final String INSERT_TELEMETRY = "INSERT INTO observations (device_id, observed_at, power_kw, soc_fraction, state, received_at, kvar)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";

    /**
     * Keeps many device reports in one transaction, in batches of {@value #BATCH_ROWS} rows; a report the store
     * already has is skipped. The whole collection is checked before anything is written.
     */
    public void recordTelemetry(Collection<StoredTelemetry> reports) {
        List<StoredTelemetry> rows = checkedList(reports, "reports");
        rows.forEach(Store::checkTimes);
        if (rows.isEmpty()) {
            return;
        }
        insertInBatches("record " + rows.size() + " telemetry reports", INSERT_TELEMETRY, rows, Store::bindTelemetry);
    }

    private static void checkTimes(StoredTelemetry row) {
        at(row.telemetry().time(), "telemetry time of " + row.telemetry().device());
        at(row.receivedAt(), "receivedAt of telemetry from " + row.telemetry().device());
    }

    private static void bindTelemetry(PreparedStatement insert, StoredTelemetry row) throws SQLException {
        Telemetry t = row.telemetry();
        insert.setString(1, t.device().value());
        insert.setObject(2, at(t.time(), "time"));
        insert.setDouble(3, t.powerKw());
        setOptional(insert, 4, t.socFraction());
        insert.setString(5, t.state().name());
        insert.setObject(6, at(row.receivedAt(), "receivedAt"));
        setOptional(insert, 7, t.kvar());
    }

    private static void setOptional(PreparedStatement statement, int index, OptionalDouble value) throws SQLException {
        if (value.isPresent()) {
            statement.setDouble(index, value.getAsDouble());
        } else {
            statement.setNull(index, Types.DOUBLE);
        }
    }

    private static OptionalDouble optionalDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    /** A device's reports with {@code from ≤ time < until}, oldest first. */
    public List<StoredTelemetry> telemetry(AssetId device, Instant from, Instant until) {
        requireNonNull(device, "device");
        return call("read telemetry of " + device, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM observations WHERE device_id = ? AND observed_at >= ? AND observed_at < ?"
                    + " ORDER BY observed_at")) {
                select.setString(1, device.value());
                select.setObject(2, bound(from, "from"));
                select.setObject(3, bound(until, "until"));
                return list(select, Store::telemetry);
            }
        });
    }

    /**
     * A device's reports with {@code from ≤ time < until}, oldest first, at most {@code maxRows} of them (the oldest):
     * ask for one more than you will show to tell whether the range holds more.
     */
    public List<StoredTelemetry> telemetry(AssetId device, Instant from, Instant until, int maxRows) {
        requireNonNull(device, "device");
        positive(maxRows, "maxRows");
        return call("read telemetry of " + device, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM observations WHERE device_id = ? AND observed_at >= ? AND observed_at < ?"
                    + " ORDER BY observed_at LIMIT ?")) {
                select.setString(1, device.value());
                select.setObject(2, bound(from, "from"));
                select.setObject(3, bound(until, "until"));
                select.setInt(4, maxRows);
                return list(select, Store::telemetry);
            }
        });
    }

    /** Each device's newest report among those with {@code time ≥ since}, by device id; devices silent since then are absent. */
    public Map<AssetId, StoredTelemetry> latestTelemetry(Instant since) {
        return call("read the latest telemetry", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT o.* FROM observations o JOIN"
                    + " (SELECT device_id, MAX(observed_at) AS newest FROM observations WHERE observed_at >= ? GROUP BY device_id) n"
                    + " ON o.device_id = n.device_id AND o.observed_at = n.newest")) {
                select.setObject(1, bound(since, "since"));
                Map<AssetId, StoredTelemetry> latest = new TreeMap<>();
                for (StoredTelemetry row : list(select, Store::telemetry)) {
                    latest.put(row.telemetry().device(), row);
                }
                return latest;
            }
        });
    }

    private static StoredTelemetry telemetry(ResultSet rs) throws SQLException {
        return new StoredTelemetry(new Telemetry(AssetId.of(rs.getString("device_id")), instant(rs, "observed_at"), rs.getDouble("power_kw"),
                optionalDouble(rs, "soc_fraction"), OperatingState.valueOf(rs.getString("state")), optionalDouble(rs, "kvar")),
                instant(rs, "received_at"));
    }

    /** Keeps one meter reading; returns false when the store already has this end-user's reading of this time. */
    public boolean recordMeterReading(MeterReading reading) {
        requireNonNull(reading, "reading");
        checkTimes(reading);
        return call("record a meter reading of " + reading.endUser(), c -> {
            try (PreparedStatement insert = c.prepareStatement(INSERT_READING)) {
                bindReading(insert, reading);
                return insert.executeUpdate() == 1;
            }
        });
    }

    private static final String INSERT_READING = "INSERT INTO meter_readings (end_user_id, read_at, demand_kw, received_at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING";

    /** Keeps many meter readings in one transaction; a reading the store already has is skipped. */
    public void recordMeterReadings(Collection<MeterReading> readings) {
        List<MeterReading> rows = checkedList(readings, "readings");
        rows.forEach(Store::checkTimes);
        if (rows.isEmpty()) {
            return;
        }
        insertInBatches("record " + rows.size() + " meter readings", INSERT_READING, rows, Store::bindReading);
    }

    /** Binds one row's values to an insert. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    /** Inserts {@code rows} with {@code sql} in one transaction, {@value #BATCH_ROWS} rows per JDBC batch. */
    private <T> void insertInBatches(String what, String sql, List<T> rows, Binder<T> binder) {
        transaction(what, c -> {
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                int pending = 0;
                for (T row : rows) {
                    binder.bind(insert, row);
                    insert.addBatch();
                    if (++pending == BATCH_ROWS) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
            return null;
        });
    }

    private static void checkTimes(MeterReading reading) {
        at(reading.time(), "meter reading time of " + reading.endUser());
        at(reading.receivedAt(), "receivedAt of the meter reading of " + reading.endUser());
    }

    private static void bindReading(PreparedStatement insert, MeterReading reading) throws SQLException {
        insert.setString(1, reading.endUser().value());
        insert.setObject(2, at(reading.time(), "time"));
        insert.setDouble(3, reading.demandKw());
        insert.setObject(4, at(reading.receivedAt(), "receivedAt"));
    }

    /** An end-user's readings with {@code from ≤ time < until}, oldest first. */
    public List<MeterReading> meterReadings(EndUserId endUser, Instant from, Instant until) {
        requireNonNull(endUser, "endUser");
        return call("read meter readings of " + endUser, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM meter_readings WHERE end_user_id = ? AND read_at >= ? AND read_at < ?"
                    + " ORDER BY read_at")) {
                select.setString(1, endUser.value());
                select.setObject(2, bound(from, "from"));
                select.setObject(3, bound(until, "until"));
                return list(select, rs -> new MeterReading(EndUserId.of(rs.getString("end_user_id")), instant(rs, "read_at"),
                        rs.getDouble("demand_kw"), instant(rs, "received_at")));
            }
        });
    }

    // ---- rejections ------------------------------------------------------------------------------------------

    /** Keeps a rejection; returns the store's number for it. */
    public long recordRejection(StoredRejection rejection) {
        requireNonNull(rejection, "rejection");
        OffsetDateTime time = at(rejection.time(), "rejection time");
        return call("record a rejection from " + rejection.source(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO rejections (rejected_at, source, subject_id, rule, reason, excerpt)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", new String[] {"rejection_id"})) {
                insert.setObject(1, time);
                insert.setString(2, fit(rejection.source(), SOURCE_CHARS));
                insert.setString(3, rejection.subject().orElse(null));
                insert.setString(4, rejection.rule());
                insert.setString(5, fit(rejection.reason(), TEXT_CHARS));
                insert.setString(6, fit(rejection.excerpt(), EXCERPT_CHARS));
                insert.executeUpdate();
                return generatedKey(insert);
            }
        });
    }

    /** Rejections with {@code from ≤ time < until}, oldest first. */
    public List<StoredRejection> rejections(Instant from, Instant until) {
        return call("read rejections", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM rejections WHERE rejected_at >= ? AND rejected_at < ?"
                    + " ORDER BY rejected_at, rejection_id")) {
                select.setObject(1, bound(from, "from"));
                select.setObject(2, bound(until, "until"));
                return list(select, rs -> new StoredRejection(instant(rs, "rejected_at"), rs.getString("source"),
                        Optional.ofNullable(rs.getString("subject_id")), rs.getString("rule"), rs.getString("reason"), rs.getString("excerpt")));
            }
        });
    }

    // ---- plans and selections --------------------------------------------------------------------------------

    /**
     * Saves a plan, once: plans never change.
     *
     * @param planJson    the plan as {@code PlanJson.write} wrote it, kept exactly
     * @param metricsJson the plan's metrics as JSON, when it was evaluated
     * @throws IllegalArgumentException when {@code planId} is malformed or already saved, or a JSON text is not an object
     */
    public void savePlan(String planId, DispatchPlan plan, String planJson, Optional<String> metricsJson, Instant createdAt) {
        id(planId, "plan id");
        requireNonNull(plan, "plan");
        jsonObject(planJson, "planJson of " + planId);
        requireNonNull(metricsJson, "metricsJson").ifPresent(m -> jsonObject(m, "metricsJson of " + planId));
        OffsetDateTime created = at(requireNonNull(createdAt, "createdAt"), "createdAt of plan " + planId);
        if (plan.generator().isBlank() || plan.generator().length() > NAME_CHARS) {
            throw new IllegalArgumentException("plan generator must have 1 to " + NAME_CHARS + " characters: '" + plan.generator() + "'");
        }
        TimeGrid grid = plan.grid();
        Instant horizonEnd = grid.start().plus(grid.step().multipliedBy(grid.intervals()));
        transaction("save plan " + planId, c -> {
            if (planExists(c, planId)) {
                throw new IllegalArgumentException("plan id '" + planId + "' is already saved: a saved plan never changes, save a new one");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO plans (plan_id, generator, objective, status, horizon_start, horizon_end,"
                    + " created_at, plan_json, metrics_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, planId);
                insert.setString(2, plan.generator());
                insert.setString(3, fit(plan.objective().describe(), OBJECTIVE_CHARS));
                insert.setString(4, plan.status().label());
                insert.setObject(5, at(grid.start(), "horizon start"));
                insert.setObject(6, at(horizonEnd, "horizon end"));
                insert.setObject(7, created);
                insert.setString(8, planJson);
                insert.setString(9, metricsJson.orElse(null));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** Every saved plan, oldest first. */
    public List<StoredPlan> plans() {
        return call("list plans", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plans ORDER BY created_at, plan_id")) {
                return list(select, Store::plan);
            }
        });
    }

    public Optional<StoredPlan> plan(String planId) {
        requireNonNull(planId, "planId");
        return call("read plan " + planId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + PLAN_COLUMNS + " FROM plans WHERE plan_id = ?")) {
                select.setString(1, planId);
                return list(select, Store::plan).stream().findFirst();
            }
        });
    }

    private static final String PLAN_COLUMNS = "plan_id, generator, objective, status, horizon_start, horizon_end, created_at,"
            + " metrics_json IS NOT NULL AS has_metrics";

    private static StoredPlan plan(ResultSet rs) throws SQLException {
        return new StoredPlan(rs.getString("plan_id"), rs.getString("generator"), rs.getString("objective"), rs.getString("status"),
                instant(rs, "horizon_start"), instant(rs, "horizon_end"), instant(rs, "created_at"), rs.getBoolean("has_metrics"));
    }

    /** The plan's JSON exactly as saved; empty when there is no such plan. */
    public Optional<String> planJson(String planId) {
        return planText(planId, "plan_json");
    }

    /** The plan's metrics JSON; empty when there is no such plan or it was saved without metrics. */
    public Optional<String> metricsJson(String planId) {
        return planText(planId, "metrics_json");
    }

    private Optional<String> planText(String planId, String column) {
        requireNonNull(planId, "planId");
        return call("read " + column + " of plan " + planId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + column + " FROM plans WHERE plan_id = ?")) {
                select.setString(1, planId);
                try (ResultSet rs = select.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    private static boolean planExists(Connection c, String planId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT 1 FROM plans WHERE plan_id = ?")) {
            select.setString(1, planId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Keeps the choice of a saved plan.
     *
     * @throws IllegalArgumentException when the plan is not in the store
     */
    public void recordSelection(Selection selection) {
        requireNonNull(selection, "selection");
        OffsetDateTime time = at(selection.time(), "selection time");
        transaction("record the selection of plan " + selection.planId(), c -> {
            if (!planExists(c, selection.planId())) {
                throw new IllegalArgumentException("cannot select plan '" + selection.planId() + "': it is not in the store, save it first");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO selections (plan_id, selected_at, selected_by, selector, reason)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, selection.planId());
                insert.setObject(2, time);
                insert.setString(3, selection.selectedBy().name());
                insert.setString(4, selection.selector());
                insert.setString(5, fit(selection.reason(), TEXT_CHARS));
                insert.executeUpdate();
            }
            return null;
        });
    }

    /** The selection in force: the newest (the later recorded of two at the same time). */
    public Optional<Selection> latestSelection() {
        return call("read the latest selection", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM selections ORDER BY selected_at DESC, selection_id DESC LIMIT 1")) {
                return list(select, Store::selection).stream().findFirst();
            }
        });
    }

    /** Every selection, oldest first. */
    public List<Selection> selections() {
        return call("list selections", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM selections ORDER BY selected_at, selection_id")) {
                return list(select, Store::selection);
            }
        });
    }

    private static Selection selection(ResultSet rs) throws SQLException {
        return new Selection(rs.getString("plan_id"), Selection.SelectedBy.valueOf(rs.getString("selected_by")), rs.getString("selector"),
                rs.getString("reason"), instant(rs, "selected_at"));
    }

    // ---- commands and acks -----------------------------------------------------------------------------------

    /**
     * Keeps a command as sent. Sending the same command again (same id, same order) keeps one row, counts the send
     * and returns false.
     *
     * @throws IllegalArgumentException when the id was recorded for a different order (device, set points, validity or
     *                                  origin), or the origin names a plan that is not in the store
     */
    public boolean recordCommand(Command command, Instant sentAt, CommandOrigin origin) {
        requireNonNull(command, "command");
        requireNonNull(origin, "origin");
        OffsetDateTime sent = at(requireNonNull(sentAt, "sentAt"), "sentAt of command " + command.id());
        at(command.validFrom(), "validFrom of command " + command.id());
        at(command.validUntil(), "validUntil of command " + command.id());
        return transaction("record command " + command.id(), c -> {
            Optional<StoredCommand> existing = command(c, command.id());
            if (existing.isPresent()) {
                StoredCommand old = existing.get();
                if (!sameOrder(old, command, origin)) {
                    throw new IllegalArgumentException("command id " + command.id() + " was recorded for another order (" + old.command() + " from "
                            + old.origin() + "), not " + command + " from " + origin + ": a command id is never reused");
                }
                try (PreparedStatement update = c.prepareStatement("UPDATE commands SET sends = sends + 1,"
                        + " last_sent_at = CASE WHEN last_sent_at < ? THEN ? ELSE last_sent_at END WHERE command_id = ?")) {
                    update.setObject(1, sent);
                    update.setObject(2, sent);
                    update.setString(3, command.id().value());
                    update.executeUpdate();
                }
                return false;
            }
            if (origin instanceof CommandOrigin.FromPlan p && !planExists(c, p.planId())) {
                throw new IllegalArgumentException("command " + command.id() + " comes from plan '" + p.planId()
                        + "', which is not in the store: save the plan before its commands");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO commands (command_id, device_id, setpoint_kw, valid_from, valid_until,"
                    + " first_sent_at, last_sent_at, sends, plan_id, plan_interval, redispatch_reason, setpoint_kvar)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)")) {
                insert.setString(1, command.id().value());
                insert.setString(2, command.device().value());
                insert.setDouble(3, command.setpointKw());
                insert.setObject(4, at(command.validFrom(), "validFrom"));
                insert.setObject(5, at(command.validUntil(), "validUntil"));
                insert.setObject(6, sent);
                insert.setObject(7, sent);
                switch (origin) {
                    case CommandOrigin.FromPlan p -> {
                        insert.setString(8, p.planId());
                        insert.setInt(9, p.interval());
                        insert.setNull(10, Types.VARCHAR);
                    }
                    case CommandOrigin.Redispatch r -> {
                        insert.setNull(8, Types.VARCHAR);
                        insert.setNull(9, Types.INTEGER);
                        insert.setString(10, fit(r.reason(), TEXT_CHARS));
                    }
                }
                setOptional(insert, 11, command.setpointKvar());
                insert.executeUpdate();
            }
            return true;
        });
    }

    /** Whether a resend is the same order: the stored times are microseconds, so compare at that precision. */
    private static boolean sameOrder(StoredCommand old, Command command, CommandOrigin origin) {
        Command o = old.command();
        CommandOrigin fitted = origin instanceof CommandOrigin.Redispatch r ? new CommandOrigin.Redispatch(fit(r.reason(), TEXT_CHARS)) : origin;
        return o.device().equals(command.device())
                && Double.compare(o.setpointKw(), command.setpointKw()) == 0
                && o.setpointKvar().equals(command.setpointKvar())
                && o.validFrom().equals(micros(command.validFrom()))
                && o.validUntil().equals(micros(command.validUntil()))
                && old.origin().equals(fitted);
    }

    public Optional<StoredCommand> command(CommandId id) {
        requireNonNull(id, "id");
        return call("read command " + id, c -> command(c, id));
    }

    private static Optional<StoredCommand> command(Connection c, CommandId id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM commands WHERE command_id = ?")) {
            select.setString(1, id.value());
            return list(select, Store::command).stream().findFirst();
        }
    }

    /** The commands sent for a plan, by interval and device. */
    public List<StoredCommand> commandsOfPlan(String planId) {
        requireNonNull(planId, "planId");
        return call("read the commands of plan " + planId, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM commands WHERE plan_id = ? ORDER BY plan_interval, device_id, command_id")) {
                select.setString(1, planId);
                return list(select, Store::command);
            }
        });
    }

    /**
     * The commands valid from {@code from ≤ validFrom < until}, of one device or of all, by validity start, device and
     * id; at most {@code maxRows} of them (the first): ask for one more than you will show to tell whether the range
     * holds more.
     */
    public List<StoredCommand> commands(Optional<AssetId> device, Instant from, Instant until, int maxRows) {
        requireNonNull(device, "device");
        positive(maxRows, "maxRows");
        return call("read the commands" + device.map(d -> " of " + d).orElse(""), c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM commands WHERE valid_from >= ? AND valid_from < ?"
                    + (device.isPresent() ? " AND device_id = ?" : "") + " ORDER BY valid_from, device_id, command_id LIMIT ?")) {
                int k = 1;
                select.setObject(k++, bound(from, "from"));
                select.setObject(k++, bound(until, "until"));
                if (device.isPresent()) {
                    select.setString(k++, device.get().value());
                }
                select.setInt(k, maxRows);
                return list(select, Store::command);
            }
        });
    }

    /**
     * The commands to resend after a restart: still valid at {@code now} or later ({@code validUntil > now}) and not
     * answered by any ack (ACCEPTED, REJECTED or DONE), by validity start and device.
     */
    public List<StoredCommand> commandsAwaitingAck(Instant now) {
        return call("read the commands awaiting an ack", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM commands c WHERE c.valid_until > ?"
                    + " AND NOT EXISTS (SELECT 1 FROM acks a WHERE a.command_id = c.command_id) ORDER BY c.valid_from, c.device_id, c.command_id")) {
                select.setObject(1, bound(now, "now"));
                return list(select, Store::command);
            }
        });
    }

    /** The commands never to resend: still valid at {@code now} or later and answered by at least one ack. */
    public Set<CommandId> acknowledgedCommandIds(Instant now) {
        return call("read the acknowledged commands", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT c.command_id FROM commands c WHERE c.valid_until > ?"
                    + " AND EXISTS (SELECT 1 FROM acks a WHERE a.command_id = c.command_id) ORDER BY c.command_id")) {
                select.setObject(1, bound(now, "now"));
                return new LinkedHashSet<>(list(select, rs -> new CommandId(rs.getString(1))));
            }
        });
    }

    private static StoredCommand command(ResultSet rs) throws SQLException {
        String planId = rs.getString("plan_id");
        CommandOrigin origin = planId != null ? new CommandOrigin.FromPlan(planId, rs.getInt("plan_interval"))
                : new CommandOrigin.Redispatch(rs.getString("redispatch_reason"));
        Command command = new Command(new CommandId(rs.getString("command_id")), AssetId.of(rs.getString("device_id")), rs.getDouble("setpoint_kw"),
                instant(rs, "valid_from"), instant(rs, "valid_until"), optionalDouble(rs, "setpoint_kvar"));
        return new StoredCommand(command, origin, instant(rs, "first_sent_at"), instant(rs, "last_sent_at"), rs.getInt("sends"));
    }

    /**
     * Keeps an ack. A duplicate (same command, same status) changes nothing and returns false: the first one wins.
     * An ack of a command the store does not know is kept too.
     */
    public boolean recordAck(Ack ack) {
        requireNonNull(ack, "ack");
        OffsetDateTime time = at(ack.time(), "time of the ack of " + ack.command());
        return call("record the ack of " + ack.command(), c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO acks (command_id, status, device_id, reason, acked_at) VALUES (?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
                insert.setString(1, ack.command().value());
                insert.setString(2, ack.status().name());
                insert.setString(3, ack.device().value());
                insert.setString(4, fit(ack.reason(), TEXT_CHARS));
                insert.setObject(5, time);
                return insert.executeUpdate() == 1;
            }
        });
    }

    /**
     * The acks of the commands {@link #commands(Optional, Instant, Instant, int)} finds with the same arguments but no
     * limit, by command, each command's oldest first.
     */
    public Map<CommandId, List<Ack>> acksOfCommands(Optional<AssetId> device, Instant from, Instant until) {
        requireNonNull(device, "device");
        return call("read the acks of the commands" + device.map(d -> " of " + d).orElse(""), c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT a.* FROM acks a JOIN commands c ON a.command_id = c.command_id"
                    + " WHERE c.valid_from >= ? AND c.valid_from < ?" + (device.isPresent() ? " AND c.device_id = ?" : "")
                    + " ORDER BY a.command_id, a.acked_at, a.status")) {
                select.setObject(1, bound(from, "from"));
                select.setObject(2, bound(until, "until"));
                if (device.isPresent()) {
                    select.setString(3, device.get().value());
                }
                Map<CommandId, List<Ack>> acks = new TreeMap<>(java.util.Comparator.comparing(CommandId::value));
                for (Ack ack : list(select, Store::ack)) {
                    acks.computeIfAbsent(ack.command(), id -> new ArrayList<>()).add(ack);
                }
                return acks;
            }
        });
    }

    /** A command's acks, oldest first. */
    public List<Ack> acks(CommandId command) {
        requireNonNull(command, "command");
        return call("read the acks of " + command, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM acks WHERE command_id = ? ORDER BY acked_at, status")) {
                select.setString(1, command.value());
                return list(select, Store::ack);
            }
        });
    }

    private static Ack ack(ResultSet rs) throws SQLException {
        return new Ack(new CommandId(rs.getString("command_id")), AssetId.of(rs.getString("device_id")), Ack.Status.valueOf(rs.getString("status")),
                rs.getString("reason"), instant(rs, "acked_at"));
    }

    // ---- alarms ----------------------------------------------------------------------------------------------

    /**
     * Raises an alarm.
     *
     * @param kind    what kind of trouble, an id such as {@code device-fault}
     * @param subject what it is about: a device, end-user or plan id, or {@code plant}
     */
    public Alarm raiseAlarm(String kind, Alarm.Severity severity, String subject, String message, Instant raisedAt) {
        id(kind, "alarm kind");
        requireNonNull(severity, "severity");
        id(subject, "alarm subject");
        requireNonNull(message, "message");
        if (message.isBlank()) {
            throw new IllegalArgumentException("an alarm needs a message");
        }
        OffsetDateTime raised = at(requireNonNull(raisedAt, "raisedAt"), "raisedAt of alarm " + kind);
        String text = fit(message, TEXT_CHARS);
        long id = call("raise alarm " + kind + " of " + subject, c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO alarms (kind, severity, subject, message, raised_at) VALUES (?, ?, ?, ?, ?)",
                    new String[] {"alarm_id"})) {
                insert.setString(1, kind);
                insert.setString(2, severity.name());
                insert.setString(3, subject);
                insert.setString(4, text);
                insert.setObject(5, raised);
                insert.executeUpdate();
                return generatedKey(insert);
            }
        });
        return new Alarm(id, kind, severity, subject, text, micros(raisedAt), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Records who acknowledged an alarm. Only the first acknowledgement counts: later ones return false.
     *
     * @throws IllegalArgumentException when there is no such alarm
     */
    public boolean acknowledgeAlarm(long alarmId, String by, Instant at) {
        requireNonNull(by, "by");
        if (by.isBlank() || by.length() > NAME_CHARS) {
            throw new IllegalArgumentException("who acknowledges an alarm must be named in 1 to " + NAME_CHARS + " characters: '" + by + "'");
        }
        OffsetDateTime time = at(requireNonNull(at, "at"), "acknowledgement time of alarm " + alarmId);
        return updateAlarm(alarmId, "acknowledge", "UPDATE alarms SET acknowledged_by = ?, acknowledged_at = ? WHERE alarm_id = ? AND acknowledged_at IS NULL",
                by, time);
    }

    /**
     * Clears an alarm: it is no longer open. Clearing it again returns false.
     *
     * @throws IllegalArgumentException when there is no such alarm
     */
    public boolean clearAlarm(long alarmId, Instant at) {
        OffsetDateTime time = at(requireNonNull(at, "at"), "clearing time of alarm " + alarmId);
        return updateAlarm(alarmId, "clear", "UPDATE alarms SET cleared_at = ? WHERE alarm_id = ? AND cleared_at IS NULL", null, time);
    }

    private boolean updateAlarm(long alarmId, String what, String sql, String by, OffsetDateTime time) {
        return transaction(what + " alarm " + alarmId, c -> {
            try (PreparedStatement update = c.prepareStatement(sql)) {
                int k = 1;
                if (by != null) {
                    update.setString(k++, by);
                }
                update.setObject(k++, time);
                update.setLong(k, alarmId);
                if (update.executeUpdate() == 1) {
                    return true;
                }
            }
            if (alarm(c, alarmId).isEmpty()) {
                throw new IllegalArgumentException("cannot " + what + " alarm " + alarmId + ": there is no such alarm");
            }
            return false;
        });
    }

    public Optional<Alarm> alarm(long alarmId) {
        return call("read alarm " + alarmId, c -> alarm(c, alarmId));
    }

    private static Optional<Alarm> alarm(Connection c, long alarmId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT * FROM alarms WHERE alarm_id = ?")) {
            select.setLong(1, alarmId);
            return list(select, Store::alarm).stream().findFirst();
        }
    }

    /** The alarms not yet cleared, acknowledged or not, oldest first. */
    public List<Alarm> openAlarms() {
        return call("read the open alarms", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM alarms WHERE cleared_at IS NULL ORDER BY raised_at, alarm_id")) {
                return list(select, Store::alarm);
            }
        });
    }

    /**
     * The alarms open at some time in {@code from ≤ t < until}: raised before {@code until} and not cleared before
     * {@code from}; oldest first, at most {@code maxRows} of them (the oldest): ask for one more than you will show to
     * tell whether the range holds more.
     */
    public List<Alarm> alarms(Instant from, Instant until, int maxRows) {
        positive(maxRows, "maxRows");
        return call("read the alarms", c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT * FROM alarms WHERE raised_at < ? AND (cleared_at IS NULL OR cleared_at >= ?)"
                    + " ORDER BY raised_at, alarm_id LIMIT ?")) {
                select.setObject(1, bound(until, "until"));
                select.setObject(2, bound(from, "from"));
                select.setInt(3, maxRows);
                return list(select, Store::alarm);
            }
        });
    }

    private static Alarm alarm(ResultSet rs) throws SQLException {
        return new Alarm(rs.getLong("alarm_id"), rs.getString("kind"), Alarm.Severity.valueOf(rs.getString("severity")), rs.getString("subject"),
                rs.getString("message"), instant(rs, "raised_at"), Optional.ofNullable(rs.getString("acknowledged_by")),
                Optional.ofNullable(instant(rs, "acknowledged_at")), Optional.ofNullable(instant(rs, "cleared_at")));
    }

    // ---- lifecycle -------------------------------------------------------------------------------------------

    /** Closes the connection; later calls throw {@link IllegalStateException}. Closing twice is harmless. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close the store at " + settings.jdbcUrl() + ": " + e.getMessage(), e);
        } finally {
            connection = null;
            lock.unlock();
        }
    }

    // ---- plumbing --------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code work} on the store's connection under the lock, in auto-commit mode (one statement, one transaction). */
    private <T> T call(String what, Work<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("cannot " + what + ": the store is closed");
            }
            if (connection == null) {
                LOG.info("store: reconnecting to {}", settings.jdbcUrl());
                connection = connect(settings);
            }
            return work.run(connection);
        } catch (SQLException e) {
            discardIfBroken();
            throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code work} as one transaction: all of it or, on any exception, none of it. */
    private <T> T transaction(String what, Work<T> work) {
        return call(what, c -> {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(c);
                c.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollbackQuietly(c);
                }
                restoreAutoCommit(c);
            }
        });
    }

    private void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            discardIfBroken();   // the failure that got us here is the one to report
        }
    }

    private void restoreAutoCommit(Connection c) {
        try {
            c.setAutoCommit(true);
        } catch (SQLException e) {
            discardIfBroken();
        }
    }

    /** Drops the connection when it no longer works, so that the next call opens a new one. */
    private void discardIfBroken() {
        if (connection == null) {
            return;
        }
        boolean valid;
        try {
            valid = connection.isValid(2);
        } catch (SQLException e) {
            valid = false;
        }
        if (!valid) {
            LOG.warn("store: lost the connection to {}; the next call reconnects", settings.jdbcUrl());
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // already broken: nothing more to release
        }
    }

    private static <T> List<T> list(PreparedStatement select, Row<T> row) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(row.read(rs));
            }
        }
        return rows;
    }

    private static long generatedKey(PreparedStatement insert) throws SQLException {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("the database returned no generated key");
            }
            return keys.getLong(1);
        }
    }

    private static <T> List<T> checkedList(Collection<T> items, String name) {
        requireNonNull(items, name);
        List<T> list = new ArrayList<>(items.size());
        for (T item : items) {
            if (item == null) {
                throw new NullPointerException(name + "[" + list.size() + "] is null");
            }
            list.add(item);
        }
        return list;
    }

    /** A time to write: within {@link #EARLIEST}..{@link #LATEST}, to the microsecond, in UTC. */
    static OffsetDateTime at(Instant time, String name) {
        requireNonNull(time, name);
        if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
            throw new IllegalArgumentException(name + " must be between " + EARLIEST + " and " + LATEST + ": " + time);
        }
        return micros(time).atOffset(ZoneOffset.UTC);
    }

    /** A query bound: any instant, held to the range the store accepts. */
    private static OffsetDateTime bound(Instant time, String name) {
        requireNonNull(time, name);
        Instant held = time.isBefore(EARLIEST) ? EARLIEST : time.isAfter(LATEST) ? LATEST.plusSeconds(1) : time;
        return micros(held).atOffset(ZoneOffset.UTC);
    }

    static Instant micros(Instant time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void id(String value, String name) {
        requireNonNull(value, name);
        if (!Ids.isValid(value)) {
            throw new IllegalArgumentException(name + " must match " + Ids.PATTERN.pattern() + ": '" + value + "'");
        }
    }

    private static void positive(int rows, String name) {
        if (rows < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + rows);
        }
    }

    private static void jsonObject(String json, String name) {
        requireNonNull(json, name);
        String text = json.strip();
        if (!text.startsWith("{") || !text.endsWith("}")) {
            throw new IllegalArgumentException(name + " must be a JSON object: '" + fit(text, 60) + "'");
        }
    }

    /**
     * Free text as a column takes it: NUL characters (which PostgreSQL cannot store) replaced by U+FFFD, and cut to
     * {@code maxChars} with "…" at the end when longer, never between the halves of a surrogate pair.
     */
    static String fit(String text, int maxChars) {
        String clean = text.replace('\u0000', '\uFFFD');
        if (clean.length() <= maxChars) {
            return clean;
        }
        int end = maxChars - 1;
        if (Character.isHighSurrogate(clean.charAt(end - 1))) {
            end--;
        }
        return clean.substring(0, end) + "…";
    }
}
