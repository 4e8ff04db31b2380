package org.gridfleet.comm.broker;

import static java.util.Objects.requireNonNull;

/**
 * Which broker to use: the embedded one (the default: nothing to install) or an external one (production).
 * Written in configuration as {@code embedded}, {@code embedded:PORT} or {@code tcp://host:port}.
 */
public sealed interface BrokerSettings {
    /** Starts the broker if it is ours, or just names the external one. */
    Broker open();

    /** An in-JVM broker on 127.0.0.1; {@code port} 0 takes a free port. */
    record Embedded(int port) implements BrokerSettings {
        public Embedded {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("embedded broker port must be within 0..65535: " + port);
            }
        }

        @Override
        public Broker open() {
            return EmbeddedBroker.start(port);
        }

        @Override
        public String toString() {
            return port == 0 ? "embedded" : "embedded:" + port;
        }
    }

    /** A broker run elsewhere, such as Mosquitto. */
    record External(BrokerAddress address) implements BrokerSettings {
        public External {
            requireNonNull(address, "address");
        }

        @Override
        public Broker open() {
            return new Broker() {
                @Override
                public BrokerAddress address() {
                    return address;
                }

                @Override
                public void close() {
                    // not ours to stop
                }
            };
        }

        @Override
        public String toString() {
            return address.toString();
        }
    }

    /** The default: embedded on a free port. */
    static BrokerSettings embedded() {
        return new Embedded(0);
    }

    /** Reads {@code embedded}, {@code embedded:PORT}, or a broker address such as {@code tcp://host:1883}. */
    static BrokerSettings parse(String text) {
        requireNonNull(text, "text");
        String t = text.strip();
        if (t.equals("embedded")) {
            return embedded();
        }
        if (t.startsWith("embedded:")) {
            int port;
            try {
                port = Integer.parseInt(t.substring("embedded:".length()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("embedded broker port must be a number: '" + text + "'", e);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("embedded broker port must be within 0..65535: '" + text + "'");
            }
            return new Embedded(port);
        }
        if (t.contains("://")) {
            return new External(BrokerAddress.parse(t));
        }
        throw new IllegalArgumentException("broker must be 'embedded', 'embedded:PORT' or 'tcp://host:port': '" + text + "'");
    }
}
