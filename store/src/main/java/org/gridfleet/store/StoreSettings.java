package org.gridfleet.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * Where the store keeps its data: an embedded H2 file database (the default, nothing to install) or a PostgreSQL
 * server.
 *
 * <pre>{@code
 * StoreSettings.h2File(Path.of("data/gridfleet"))     // data/gridfleet.mv.db, created on first use
 * StoreSettings.postgres("jdbc:postgresql://127.0.0.1:5432/gridfleet", "gridfleet", "secret")
 * }</pre>
 *
 * @param jdbcUrl  a {@code jdbc:h2:} or {@code jdbc:postgresql:} URL
 * @param user     the database user
 * @param password the user's password; {@code ""} for none. {@link #toString()} never shows it
 */
public record StoreSettings(String jdbcUrl, String user, String password) {
    /** The H2 file the control center uses when nothing else is configured, relative to the working directory. */
    public static final Path DEFAULT_H2_PATH = Path.of("data", "gridfleet");

    /**
     * H2 options: PostgreSQL mode with lower-case names, so the one migration script runs on both databases and
     * NULLs sort as PostgreSQL sorts them.
     */
    static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    /** Which database a URL names. */
    public enum Kind { H2, POSTGRESQL }

    public StoreSettings {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("store jdbcUrl must start with jdbc:h2: or jdbc:postgresql:, not '" + jdbcUrl + "'");
        }
    }

    /** The H2 file database at {@link #DEFAULT_H2_PATH}. */
    public static StoreSettings defaults() {
        return h2File(DEFAULT_H2_PATH);
    }

    /**
     * An embedded H2 database in the file {@code path + ".mv.db"}; the directory is created when the store opens.
     *
     * @param path the file's path without H2's {@code .mv.db} suffix, e.g. {@code data/gridfleet}
     */
    public static StoreSettings h2File(Path path) {
        requireNonNull(path, "path");
        String absolute = path.toAbsolutePath().normalize().toString();
        if (absolute.contains(";")) {
            throw new IllegalArgumentException("an H2 store path cannot contain ';': " + absolute);
        }
        return new StoreSettings("jdbc:h2:file:" + absolute + H2_OPTIONS, "sa", "");
    }

    /** A PostgreSQL database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/gridfleet}. */
    public static StoreSettings postgres(String jdbcUrl, String user, String password) {
        requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL store needs a jdbc:postgresql: URL, not '" + jdbcUrl + "'");
        }
        return new StoreSettings(jdbcUrl, user, password);
    }

    public Kind kind() {
        return jdbcUrl.startsWith("jdbc:h2:") ? Kind.H2 : Kind.POSTGRESQL;
    }

    @Override
    public String toString() {
        return "StoreSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
