package org.gridfleet.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store contract on PostgreSQL (the server on 127.0.0.1:5432, else an embedded one: {@link TestDatabases}), and
 * what only PostgreSQL can show: the column types, and times checked by the server itself.
 */
class PostgresStoreIT extends StoreContract {
    private static TestDatabases.Database database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabases.freshPostgres();
    }

    @AfterAll
    static void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    StoreSettings settings() {
        return database.settings();
    }

    @Override
    String databaseName() {
        return "PostgreSQL (" + database.origin() + ")";
    }

    @Override
    List<String> migrationVersions() {
        return List.of("1", "2", "3");
    }

    @Override
    long storedBytes() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_total_relation_size('observations')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    void wipe() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("TRUNCATE acks, commands, selections, plans, alarms, rejections, meter_readings, observations");
        }
    }

    @Test
    void columnsHaveTheTypesTheSchemaPromises() throws SQLException {
        Map<String, String> types = new HashMap<>();
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'"
                     + " AND table_name IN ('" + String.join("', '", TABLES) + "')")) {
            while (rs.next()) {
                types.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
            }
        }

        assertThat(types).hasSize(59);
        types.forEach((column, type) -> {
            String name = column.substring(column.indexOf('.') + 1);
            if (name.endsWith("_at") || name.startsWith("valid_") || name.startsWith("horizon_")) {
                assertThat(type).as(column).isEqualTo("timestamp with time zone");
            } else if (name.endsWith("_kw") || name.endsWith("kvar") || name.equals("soc_fraction")) {
                assertThat(type).as(column).isEqualTo("double precision");
            } else if (name.endsWith("_json")) {
                assertThat(type).as(column).isEqualTo("text");
            } else if (name.endsWith("_id") && !name.equals("rejection_id") && !name.equals("selection_id") && !name.equals("alarm_id")) {
                assertThat(type).as(column).isEqualTo("character varying");
            }
        });
        assertThat(types).containsEntry("alarms.alarm_id", "bigint").containsEntry("commands.sends", "integer");
    }

    @Test
    void aDevicesHistoryHasItsOwnIndex() throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('observations', 'meter_readings') ORDER BY indexname")) {
            Map<String, String> indexes = new HashMap<>();
            while (rs.next()) {
                indexes.put(rs.getString(1), rs.getString(2));
            }
            assertThat(indexes).containsOnlyKeys("meter_readings_end_user", "meter_readings_pk", "observations_device", "observations_pk");
            assertThat(indexes.get("observations_device")).endsWith("(device_id, observed_at)");
            assertThat(indexes.get("observations_pk")).endsWith("(observed_at, device_id)");
        }
    }

    /** The server, in a session far from UTC, prints the instant the store wrote: the microseconds are exact. */
    @Test
    void instantsAreStoredAsTheServerUnderstandsThemToTheMicrosecond() throws SQLException {
        Instant time = Instant.parse("2026-03-29T00:59:59.999999Z");   // an hour before Europe's clocks change
        store.recordTelemetry(new Telemetry(GEN, time, 1, OptionalDouble.of(0.5), OperatingState.RUNNING), time.plusNanos(1_999));

        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("SET TIME ZONE 'Pacific/Chatham'");
            try (PreparedStatement select = c.prepareStatement("SELECT to_char(observed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'),"
                    + " to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), extract(epoch FROM observed_at)::text"
                    + " FROM observations WHERE device_id = ?")) {
                select.setString(1, GEN.value());
                try (ResultSet rs = select.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("2026-03-29T00:59:59.999999");
                    assertThat(rs.getString(2)).isEqualTo("2026-03-29T01:00:00.000000");
                    assertThat(rs.getString(3)).isEqualTo(time.getEpochSecond() + ".999999");
                }
            }
        }
        assertThat(store.telemetry(GEN, time, time.plusSeconds(1)).getFirst().telemetry().time()).isEqualTo(time);
    }

    /** A connection the server ends (a restart, an administrator) costs one failed call; the next call reconnects. */
    @Test
    void theStoreReconnectsAfterItsConnectionIsLost() throws SQLException {
        savePlanA();
        try (Connection admin = database.admin(); PreparedStatement kill = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gridfleet' AND datname = ?")) {
            kill.setString(1, database.name());
            try (ResultSet rs = kill.executeQuery()) {
                assertThat(rs.next()).as("the store's session").isTrue();
            }
        }

        assertThatThrownBy(() -> store.plans()).isInstanceOf(StoreException.class).hasMessageStartingWith("cannot list plans");
        assertThat(store.plans()).hasSize(1);
    }
}
