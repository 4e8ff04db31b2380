package org.gridfleet.comm.mqtt;

import static java.util.Objects.requireNonNull;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.protocol.Decoded;
import org.gridfleet.comm.protocol.DeviceCommand;
import org.gridfleet.comm.protocol.MessageKind;
import org.gridfleet.comm.protocol.PayloadCodec;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.TopicAddress;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The control center's end of the network. It subscribes to the telemetry, acks and demand of every device
 * and end-user through shared subscriptions (several center instances split the load), and to every site's
 * status through an ordinary one (brokers send retained messages only to those), so that right after
 * connecting it learns each known site's latest status. It sends commands with QoS 1, expiring at the end of
 * their validity so that a broker never delivers a stale set point. Incoming messages are decoded and checked
 * (a device may only report for itself) and handed to a {@link CenterHandler}; refused ones are counted.
 */
public final class CenterLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CenterLink.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Topics topics;
    private final LinkOptions options;
    private final CenterHandler handler;
    private final PayloadCodec codec = new PayloadCodec();
    private final LinkCounters counters = new LinkCounters();
    private final MqttConnection connection;

    private CenterLink(BrokerAddress broker, String name, CenterHandler handler, LinkOptions options) {
        this.options = requireNonNull(options, "options");
        this.handler = requireNonNull(handler, "handler");
        this.topics = options.topics();
        String group = options.shareGroup();
        this.connection = new MqttConnection(options.clientId("center", name), broker, options, counters, null,
                List.of(Topics.shared(group, topics.all(MessageKind.TELEMETRY)),
                        Topics.shared(group, topics.all(MessageKind.ACK)),
                        Topics.shared(group, topics.all(MessageKind.DEMAND)),
                        topics.all(MessageKind.STATUS)),
                this::onMessage, startedAt -> CompletableFuture.completedFuture(null), Level.WARN);
    }

    /**
     * Connects a control center to the broker and waits until its subscriptions stand.
     *
     * @throws IllegalStateException when the broker cannot be reached within {@link LinkOptions#connectTimeout()}
     *                               or refuses a subscription
     */
    public static CenterLink connect(BrokerAddress broker, CenterHandler handler, LinkOptions options) {
        return connect(broker, UUID.randomUUID().toString().substring(0, 8), handler, options);
    }

    /** As {@link #connect(BrokerAddress, CenterHandler, LinkOptions)}, with a stable instance name for the client id. */
    public static CenterLink connect(BrokerAddress broker, String name, CenterHandler handler, LinkOptions options) {
        CenterLink link = new CenterLink(broker, name, handler, options);
        link.connection.connect();
        return link;
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    public LinkCounters counters() {
        return counters;
    }

    /**
     * Sends a command to its device's site (QoS 1). The broker drops it unsent once its validity has ended.
     * The future completes when the broker has taken it, or fails when it refused it or the link is closed.
     *
     * @throws IllegalArgumentException when the command has already expired
     */
    public CompletableFuture<SendResult> send(DeviceCommand command) {
        requireNonNull(command, "command");
        Instant now = options.clock().instant();
        if (!now.isBefore(command.validUntil())) {
            throw new IllegalArgumentException("command " + command.id() + " for " + command.device() + " expired at " + command.validUntil() + "; now is " + now);
        }
        long expirySeconds = Math.max(1, (Duration.between(now, command.validUntil()).toMillis() + 999) / 1000);
        return connection.publish(topics.command(command.device()), MessageKind.COMMAND, codec.encode(command), OptionalLong.of(expirySeconds))
                .thenApply(CenterLink::result);
    }

    private static SendResult result(Mqtt5PublishResult result) {
        if (result.getError().isPresent()) {
            throw new IllegalStateException("the broker did not take the command", result.getError().get());
        }
        if (result instanceof Mqtt5PublishResult.Mqtt5Qos1Result qos1
                && qos1.getPubAck().getReasonCode() == Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS) {
            return SendResult.NO_SUBSCRIBER;
        }
        return SendResult.ROUTED;
    }

    private void onMessage(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        try {
            byte[] payload = publish.getPayloadAsBytes();
            switch (topics.parse(topic)) {
                case Decoded.Rejected<TopicAddress> rejected -> reject(rejected.rejection());
                case Decoded.Ok<TopicAddress> ok -> dispatch(topic, ok.value(), payload);
            }
        } catch (RuntimeException e) {
            counters.countHandlerFailure();
            log.warn("control center failed on a message from {}", topic, e);
        }
    }

    private void dispatch(String topic, TopicAddress address, byte[] payload) {
        switch (address) {
            case TopicAddress.OfDevice(AssetId device, MessageKind kind) when kind == MessageKind.TELEMETRY ->
                    deliver(kind, codec.decodeTelemetry(topic, device, payload), handler::telemetry);
            case TopicAddress.OfDevice(AssetId device, MessageKind kind) when kind == MessageKind.ACK ->
                    deliver(kind, codec.decodeAck(topic, device, payload), handler::ack);
            case TopicAddress.OfDevice(AssetId device, MessageKind kind) when kind == MessageKind.STATUS -> {
                if (payload.length > 0) { // an empty retained message is an operator clearing a retired site's status
                    deliver(kind, codec.decodeStatus(topic, device, payload), handler::status);
                }
            }
            case TopicAddress.OfEndUser(EndUserId endUser, MessageKind kind) when kind == MessageKind.DEMAND ->
                    deliver(kind, codec.decodeDemand(topic, endUser, payload), handler::demand);
            default -> reject(new Rejection(topic, Rejection.Reason.BAD_TOPIC, "the control center does not take " + address.kind().wireName() + " messages"));
        }
    }

    private <T> void deliver(MessageKind kind, Decoded<T> decoded, Consumer<T> consumer) {
        switch (decoded) {
            case Decoded.Rejected<T> rejected -> reject(rejected.rejection());
            case Decoded.Ok<T> ok -> {
                counters.countAccepted(kind);
                call(() -> consumer.accept(ok.value()));
            }
        }
    }

    private void reject(Rejection rejection) {
        counters.countRejected(rejection.reason());
        long count = counters.rejected(rejection.reason());
        if (count == 1 || count % 1000 == 0) {
            log.warn("refused ({} so far for {}): {}", count, rejection.reason(), rejection.message());
        } else {
            log.debug("refused: {}", rejection.message());
        }
        call(() -> handler.rejected(rejection));
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            counters.countHandlerFailure();
            log.warn("the control center's handler failed", e);
        }
    }

    /** Disconnects; the broker forgets the session. */
    @Override
    public void close() {
        connection.close(null, CLOSE_TIMEOUT);
    }

    @Override
    public String toString() {
        return "CenterLink[" + connection.clientId() + " via " + connection.address() + "]";
    }
}
