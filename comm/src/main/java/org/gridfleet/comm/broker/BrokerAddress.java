package org.gridfleet.comm.broker;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;

/** Where a broker listens for plain MQTT over TCP. */
public record BrokerAddress(String host, int port) {
    public static final int DEFAULT_PORT = 1883;

    public BrokerAddress {
        requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("broker host must not be blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port must be within 1..65535: " + port);
        }
    }

    /** {@code tcp://host:port} or {@code mqtt://host:port}; the port defaults to {@value #DEFAULT_PORT}. */
    public static BrokerAddress parse(String url) {
        requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("broker address must look like tcp://host:1883: '" + url + "'", e);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("tcp") || scheme.equals("mqtt"))) {
            throw new IllegalArgumentException("broker address must start with tcp:// or mqtt:// (TLS is not supported yet): '" + url + "'");
        }
        if (uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null || uri.getUserInfo() != null) {
            throw new IllegalArgumentException("broker address must be just tcp://host:port: '" + url + "'");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1); // an IPv6 literal
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("broker port must be within 1..65535: '" + url + "'");
        }
        return new BrokerAddress(host, port);
    }

    @Override
    public String toString() {
        return "tcp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
