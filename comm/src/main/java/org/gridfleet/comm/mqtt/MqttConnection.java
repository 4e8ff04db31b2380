package org.gridfleet.comm.mqtt;

import static java.util.Objects.requireNonNull;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientConnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.lifecycle.MqttDisconnectSource;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientConnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.lifecycle.Mqtt5ClientReconnector;
import com.hivemq.client.mqtt.mqtt5.message.connect.Mqtt5Connect;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PayloadFormatIndicator;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5WillPublish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.protocol.MessageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One MQTT 5 client with what every link needs: automatic reconnect with exponential backoff, a persistent
 * session, a last will renewed for each connection, subscriptions made again when the session is new, and the
 * owner told after every (re)connection; incoming messages go to one callback that must not throw.
 */
final class MqttConnection {
    private static final Logger log = LoggerFactory.getLogger(MqttConnection.class);
    private static final String CONTENT_TYPE = "application/json";

    private final String clientId;
    private final BrokerAddress address;
    private final LinkOptions options;
    private final LinkCounters counters;
    private final Function<Instant, Mqtt5Publish> will;
    private final Function<Instant, CompletableFuture<?>> onConnected;
    private final Level lossLevel;
    private final Mqtt5AsyncClient client;
    private final List<String> filters;
    private final Consumer<Mqtt5Publish> onMessage;
    private final CompletableFuture<Void> firstConnection = new CompletableFuture<>();

    private volatile Instant attemptStartedAt;
    private volatile boolean subscribed;
    private volatile boolean up;
    private volatile boolean closing;
    private volatile Throwable lastFailure;

    /**
     * @param will        the last will for the connection begun at the given time, or null for none
     * @param filters     what to subscribe to, with at most QoS 1
     * @param onMessage   every message that arrives for {@code filters}; must not throw
     * @param onConnected called after each (re)connection, once subscribed, with the time that connection was
     *                    begun; completes when the owner has announced itself
     * @param lossLevel   how loudly to log a lost connection
     */
    MqttConnection(String clientId, BrokerAddress address, LinkOptions options, LinkCounters counters,
                   Function<Instant, Mqtt5Publish> will, List<String> filters, Consumer<Mqtt5Publish> onMessage,
                   Function<Instant, CompletableFuture<?>> onConnected, Level lossLevel) {
        this.clientId = requireNonNull(clientId, "clientId");
        this.address = requireNonNull(address, "address");
        this.options = requireNonNull(options, "options");
        this.counters = requireNonNull(counters, "counters");
        this.will = will;
        this.onConnected = requireNonNull(onConnected, "onConnected");
        this.lossLevel = requireNonNull(lossLevel, "lossLevel");
        this.filters = List.copyOf(filters);
        this.onMessage = requireNonNull(onMessage, "onMessage");
        long connectTimeoutMs = options.connectTimeout().toMillis();
        this.client = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(address.host())
                .serverPort(address.port())
                .transportConfig()
                    .socketConnectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                    .mqttConnectTimeout(connectTimeoutMs, TimeUnit.MILLISECONDS)
                    .applyTransportConfig()
                .automaticReconnect()
                    .initialDelay(options.reconnectInitialDelay().toNanos(), TimeUnit.NANOSECONDS)
                    .maxDelay(options.reconnectMaxDelay().toNanos(), TimeUnit.NANOSECONDS)
                    .applyAutomaticReconnect()
                .addConnectedListener(this::connected)
                .addDisconnectedListener(this::disconnected)
                .buildAsync();
    }

    /**
     * Connects and waits until the first connection is up and {@code onConnected} has finished, retrying with
     * backoff within {@link LinkOptions#connectTimeout()}.
     *
     * @throws IllegalStateException when the broker cannot be reached in time
     */
    void connect() {
        Instant startedAt = options.clock().instant();
        attemptStartedAt = startedAt;
        client.connect(connectMessage(startedAt)); // a failure is retried by the reconnect; firstConnection tells
        try {
            firstConnection.get(options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            closing = true;
            client.disconnect();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : lastFailure;
            throw new IllegalStateException(clientId + " could not connect to the MQTT broker at " + address + " within "
                    + options.connectTimeout() + (cause == null ? "" : ": " + cause), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
            client.disconnect();
            throw new IllegalStateException(clientId + ": interrupted while connecting to " + address, e);
        }
    }

    private Mqtt5Connect connectMessage(Instant startedAt) {
        var builder = Mqtt5Connect.builder()
                .keepAlive((int) options.keepAlive().toSeconds())
                .cleanStart(false)
                .sessionExpiryInterval(options.sessionExpiry().toSeconds());
        if (will != null) {
            builder.willPublish(asWill(will.apply(startedAt)));
        }
        return builder.build();
    }

    private static Mqtt5WillPublish asWill(Mqtt5Publish publish) {
        return publish.extend().asWill().build();
    }

    private void connected(MqttClientConnectedContext context) {
        up = true;
        counters.countConnect();
        Instant startedAt = attemptStartedAt;
        boolean sessionPresent = context instanceof Mqtt5ClientConnectedContext c5 && c5.getConnAck().isSessionPresent();
        log.debug("{} connected to {} (session present: {})", clientId, address, sessionPresent);
        CompletableFuture<?> ready;
        try {
            // The client forgets its subscriptions' message flows with the session (broker restarted, or away
            // longer than the session expiry); the broker keeps them while the session lasts. So subscribe on the
            // first connection and whenever the session is new, and never twice into one session (which would
            // deliver every message twice).
            CompletableFuture<Void> subscribing = CompletableFuture.completedFuture(null);
            if (!filters.isEmpty() && !(subscribed && sessionPresent)) {
                subscribed = false;
                subscribing = subscribe().thenRun(() -> subscribed = true);
            }
            ready = subscribing.thenCompose(ignored -> onConnected.apply(startedAt));
        } catch (RuntimeException e) {
            ready = CompletableFuture.failedFuture(e);
        }
        ready.whenComplete((ignored, failure) -> {
            if (failure == null) {
                firstConnection.complete(null);
            } else if (!firstConnection.completeExceptionally(failure)) {
                log.warn("{}: setting up the connection to {} again failed: {}", clientId, address, failure.toString());
            }
        });
    }

    private void disconnected(MqttClientDisconnectedContext context) {
        boolean wasUp = up;
        up = false;
        lastFailure = context.getCause();
        if (closing || context.getSource() == MqttDisconnectSource.USER) {
            context.getReconnector().reconnect(false);
            return;
        }
        if (wasUp) {
            counters.countConnectionLoss();
            log.atLevel(lossLevel).log("{} lost its connection to {}: {}; reconnecting with backoff from {} to {}",
                    clientId, address, context.getCause().toString(), options.reconnectInitialDelay(), options.reconnectMaxDelay());
        } else {
            counters.countFailedConnectAttempt();
            log.debug("{}: connecting to {} failed: {}", clientId, address, context.getCause().toString());
        }
        if (context instanceof Mqtt5ClientDisconnectedContext context5) {
            Mqtt5ClientReconnector reconnector = context5.getReconnector();
            // our own onConnected subscribes again, and pending acks are sent again on a new session
            reconnector.resubscribeIfSessionExpired(false).resubscribeIfSessionPresent(false).republishIfSessionExpired(true);
            if (will != null) {
                Instant next = options.clock().instant();
                attemptStartedAt = next;
                reconnector.connect(reconnector.getConnect().extend().willPublish(asWill(will.apply(next))).build());
            } else {
                attemptStartedAt = options.clock().instant();
            }
        }
    }

    /** Subscribes to the filters with at most QoS 1, failing when the broker refuses any of them. */
    private CompletableFuture<Void> subscribe() {
        List<Mqtt5Subscription> subscriptions = new ArrayList<>();
        for (String filter : filters) {
            subscriptions.add(Mqtt5Subscription.builder().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).build());
        }
        return client.subscribe(Mqtt5Subscribe.builder().addSubscriptions(subscriptions).build(), onMessage)
                .thenAccept(subAck -> checkSubscribed(filters, subAck));
    }

    private void checkSubscribed(List<String> filters, Mqtt5SubAck subAck) {
        List<Mqtt5SubAckReasonCode> codes = subAck.getReasonCodes();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (codes.get(i).isError()) {
                refused.add(filters.get(i) + " (" + codes.get(i) + ")");
            }
        }
        if (!refused.isEmpty()) {
            throw new IllegalStateException(clientId + ": the broker at " + address + " refused the subscriptions " + refused);
        }
    }

    /** Publishes with the QoS and retain flag of {@code kind}. */
    CompletableFuture<Mqtt5PublishResult> publish(String topic, MessageKind kind, byte[] payload, OptionalLong expirySeconds) {
        return client.publish(message(topic, kind, payload, expirySeconds))
                .whenComplete((result, failure) -> {
                    if (failure != null || result.getError().isPresent()) {
                        counters.countPublishFailure();
                        log.debug("{}: publishing to {} failed: {}", clientId, topic, failure != null ? failure : result.getError().get());
                    }
                });
    }

    static Mqtt5Publish message(String topic, MessageKind kind, byte[] payload, OptionalLong expirySeconds) {
        var builder = Mqtt5Publish.builder()
                .topic(topic)
                .qos(kind.qos() == 0 ? MqttQos.AT_MOST_ONCE : MqttQos.AT_LEAST_ONCE)
                .retain(kind.retained())
                .payload(payload)
                .payloadFormatIndicator(Mqtt5PayloadFormatIndicator.UTF_8)
                .contentType(CONTENT_TYPE);
        if (expirySeconds.isPresent()) {
            builder.messageExpiryInterval(expirySeconds.getAsLong());
        }
        return builder.build();
    }

    boolean isConnected() {
        return client.getState().isConnected();
    }

    String clientId() {
        return clientId;
    }

    BrokerAddress address() {
        return address;
    }

    /**
     * Ends the connection with a normal DISCONNECT (the broker drops the last will) and the session, after
     * {@code goodbye} (may be null) has been published while still connected.
     */
    void close(Function<Mqtt5AsyncClient, CompletableFuture<?>> goodbye, Duration timeout) {
        if (closing) {
            return;
        }
        boolean connected = isConnected();
        closing = true;
        try {
            if (connected && goodbye != null) {
                goodbye.apply(client).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            log.info("{}: could not say goodbye to {}: {}", clientId, address, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            client.disconnectWith().sessionExpiryInterval(0).send().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // not connected (reconnecting): disconnect() still stops the reconnects
            log.debug("{}: disconnect from {}: {}", clientId, address, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
