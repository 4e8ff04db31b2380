package org.gridfleet.server;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's configuration: where it listens and the tokens it accepts. Loopback only for now: the API carries
 * bearer tokens in the clear (no TLS yet).
 *
 * <p>As a properties file ({@link #read}):
 * <pre>
 * port = 8080
 * token.alice = operator:…at least 16 characters…
 * token.wall-screen = viewer:…
 * </pre>
 *
 * @param port 0 for any free port
 */
public record ServerConfig(String host, int port, List<ApiToken> tokens) {
    public static final String LOOPBACK = "127.0.0.1";

    public ServerConfig {
        requireNonNull(host, "host");
        if (!host.equals(LOOPBACK)) {
            throw new IllegalArgumentException("the server listens on " + LOOPBACK + " only for now (no TLS yet): " + host);
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535 (0: any free port): " + port);
        }
        tokens = List.copyOf(tokens);
        Set<String> names = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (ApiToken t : tokens) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("two tokens are named '" + t.name() + "'");
            }
            if (!secrets.add(t.secret())) {
                throw new IllegalArgumentException("token '" + t.name() + "' has the same secret as another token");
            }
        }
    }

    /** Loopback on {@code port} with {@code tokens}. */
    public static ServerConfig loopback(int port, List<ApiToken> tokens) {
        return new ServerConfig(LOOPBACK, port, tokens);
    }

    /** The same with one more token. */
    public ServerConfig withToken(ApiToken token) {
        List<ApiToken> more = new ArrayList<>(tokens);
        more.add(token);
        return new ServerConfig(host, port, more);
    }

    /** Reads a properties file (above); unknown keys are refused, naming the file and the key. */
    public static ServerConfig read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        try {
            return parse(p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static ServerConfig parse(Properties p) {
        int port = 8080;
        List<ApiToken> tokens = new ArrayList<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            String value = p.getProperty(key).strip();
            if (key.equals("port")) {
                try {
                    port = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("port: not a number: '" + value + "'");
                }
            } else if (key.startsWith("token.")) {
                int colon = value.indexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException(key + ": expected ROLE:SECRET, e.g. operator:…");
                }
                tokens.add(new ApiToken(key.substring("token.".length()), Role.parse(value.substring(0, colon)), value.substring(colon + 1)));
            } else {
                throw new IllegalArgumentException("unknown key '" + key + "': expected port or token.NAME");
            }
        }
        return loopback(port, tokens);
    }
}
