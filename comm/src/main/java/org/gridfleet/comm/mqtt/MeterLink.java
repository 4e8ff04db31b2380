package org.gridfleet.comm.mqtt;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.comm.protocol.MessageKind;
import org.gridfleet.comm.protocol.PayloadCodec;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.Ids;
import org.slf4j.event.Level;

/**
 * A meter head-end: publishes end-users' demand readings (QoS 0), each on its end-user's topic. One link can
 * carry many meters. Readings taken while the link is down are dropped and counted: the next one supersedes
 * them. Reconnects by itself with exponential backoff. Thread-safe.
 */
public final class MeterLink implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Topics topics;
    private final PayloadCodec codec = new PayloadCodec();
    private final LinkCounters counters = new LinkCounters();
    private final MqttConnection connection;

    private MeterLink(BrokerAddress broker, String name, LinkOptions options) {
        if (!Ids.isValid(name)) {
            throw new IllegalArgumentException("meter link name must match " + Ids.PATTERN.pattern() + ": '" + name + "'");
        }
        this.topics = options.topics();
        this.connection = new MqttConnection(options.clientId("meters", name), broker, options, counters,
                null, List.of(), publish -> {}, (Instant startedAt) -> CompletableFuture.completedFuture(null), Level.INFO);
    }

    /**
     * Connects a meter head-end named {@code name} and waits until it is connected.
     *
     * @throws IllegalStateException when the broker cannot be reached within {@link LinkOptions#connectTimeout()}
     */
    public static MeterLink connect(BrokerAddress broker, String name, LinkOptions options) {
        requireNonNull(options, "options");
        MeterLink link = new MeterLink(broker, name, options);
        link.connection.connect();
        return link;
    }

    /** Sends one reading; returns false, and counts it, when the link is down. */
    public boolean publish(DemandReading reading) {
        requireNonNull(reading, "reading");
        if (!connection.isConnected()) {
            counters.countDroppedWhileOffline();
            return false;
        }
        connection.publish(topics.demand(reading.endUser()), MessageKind.DEMAND, codec.encode(reading), OptionalLong.empty());
        return true;
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    public LinkCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        connection.close(null, CLOSE_TIMEOUT);
    }
}
