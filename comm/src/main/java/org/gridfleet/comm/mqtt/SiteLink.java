package org.gridfleet.comm.mqtt;

import static java.util.Objects.requireNonNull;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.protocol.CommandHandler;
import org.gridfleet.comm.protocol.CommandIntake;
import org.gridfleet.comm.protocol.MessageKind;
import org.gridfleet.comm.protocol.PayloadCodec;
import org.gridfleet.comm.protocol.RecentCommands;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.Telemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One device's communication device: connects the device's controller to the network. It
 * <ul>
 *   <li>announces the site {@link SiteStatus.State#ONLINE online} (retained) after every (re)connection, and
 *       leaves a {@link SiteStatus.State#LOST lost} status as its MQTT last will, which the broker publishes
 *       (retained) as soon as the connection breaks without a goodbye;</li>
 *   <li>takes commands from the device's command topic through a {@link CommandIntake}: the controller
 *       decides on each new command once, a resent command is answered again but not applied again, an expired
 *       or malformed one is refused; each answer goes back as an {@link Ack};</li>
 *   <li>publishes the controller's telemetry (dropped while disconnected: the next sample supersedes it) and
 *       later answers such as {@link #done(CommandId) done} (kept and sent after a reconnect);</li>
 *   <li>reconnects by itself with exponential backoff, and on {@link #close()} says goodbye with an
 *       {@link SiteStatus.State#OFFLINE offline} status.</li>
 * </ul>
 * Thread-safe. Commands reach the handler on the network's thread.
 */
public final class SiteLink implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SiteLink.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final AssetId device;
    private final Topics topics;
    private final LinkOptions options;
    private final PayloadCodec codec = new PayloadCodec();
    private final LinkCounters counters = new LinkCounters();
    private final CommandIntake intake;
    private final MqttConnection connection;
    private volatile Instant connectedAt;

    private SiteLink(BrokerAddress broker, AssetId device, CommandHandler handler, LinkOptions options) {
        this.device = requireNonNull(device, "device");
        this.options = requireNonNull(options, "options");
        this.topics = options.topics();
        this.intake = new CommandIntake(device, topics, codec, requireNonNull(handler, "handler"), new RecentCommands(), options.clock());
        this.connection = new MqttConnection(options.clientId("site", device.value()), broker, options, counters,
                this::lastWill, List.of(topics.command(device)), this::onMessage, this::onConnected, Level.INFO);
    }

    /**
     * Connects {@code device}'s site to the broker and waits until it is subscribed and announced online.
     *
     * @throws IllegalStateException when the broker cannot be reached within {@link LinkOptions#connectTimeout()}
     */
    public static SiteLink connect(BrokerAddress broker, AssetId device, CommandHandler handler, LinkOptions options) {
        SiteLink link = new SiteLink(broker, device, handler, options);
        link.connection.connect();
        return link;
    }

    public AssetId device() {
        return device;
    }

    public boolean isConnected() {
        return connection.isConnected();
    }

    public LinkCounters counters() {
        return counters;
    }

    /**
     * Sends the device's telemetry (QoS 0). Returns false, and counts it, when the link is down.
     *
     * @throws IllegalArgumentException for another device's telemetry
     */
    public boolean publish(Telemetry telemetry) {
        requireNonNull(telemetry, "telemetry");
        if (!telemetry.device().equals(device)) {
            throw new IllegalArgumentException("site of " + device + " cannot report for " + telemetry.device());
        }
        if (!connection.isConnected()) {
            counters.countDroppedWhileOffline();
            return false;
        }
        connection.publish(topics.telemetry(device), MessageKind.TELEMETRY, codec.encode(telemetry), OptionalLong.empty());
        return true;
    }

    /** Reports that the command's set point has been reached. */
    public CompletableFuture<Void> done(CommandId command) {
        return report(command, Ack.Status.DONE, "");
    }

    /**
     * Sends a later answer to a command this site received (QoS 1, queued while reconnecting); a resend of
     * the command is from now on answered with it.
     *
     * @throws IllegalArgumentException when this site has no recent command with that id
     */
    public CompletableFuture<Void> report(CommandId command, Ack.Status status, String reason) {
        return publishAck(intake.report(command, status, reason));
    }

    /**
     * Sends an answer the device controller wrote itself (QoS 1, queued while reconnecting), such as a
     * {@link Ack.Status#DONE} from its own outbox; a resend of that command is from now on answered with it.
     *
     * @throws IllegalArgumentException for another device's ack
     */
    public CompletableFuture<Void> acknowledge(Ack ack) {
        intake.record(ack);
        return publishAck(ack);
    }

    private CompletableFuture<Void> publishAck(Ack ack) {
        return connection.publish(topics.ack(device), MessageKind.ACK, codec.encode(ack), OptionalLong.empty()).thenApply(r -> null);
    }

    private Mqtt5Publish lastWill(Instant startedAt) {
        return MqttConnection.message(topics.status(device), MessageKind.STATUS, codec.encode(SiteStatus.lost(device, startedAt)), OptionalLong.empty());
    }

    private CompletableFuture<?> onConnected(Instant startedAt) {
        connectedAt = startedAt;
        // called once subscribed: a center that sees us online may send a command at once
        return connection.publish(topics.status(device), MessageKind.STATUS, codec.encode(SiteStatus.online(device, startedAt)), OptionalLong.empty());
    }

    private void onMessage(Mqtt5Publish publish) {
        try {
            CommandIntake.Outcome outcome = intake.receive(publish.getTopic().toString(), publish.getPayloadAsBytes());
            switch (outcome) {
                case CommandIntake.Outcome.Decided decided -> counters.countAccepted(MessageKind.COMMAND);
                case CommandIntake.Outcome.Duplicate duplicate -> {
                    counters.countDuplicate();
                    if (duplicate.conflicting()) {
                        log.warn("{}: command {} was resent with different content; the original stands", device, duplicate.command().id());
                    }
                }
                case CommandIntake.Outcome.HandlerFailed failed -> {
                    counters.countHandlerFailure();
                    log.warn("{}: the controller failed on command {}", device, failed.command().id(), failed.failure());
                }
                case CommandIntake.Outcome.Refused refused -> {
                    counters.countRejected(refused.rejection().reason());
                    log.warn("{}: refused a command: {}", device, refused.rejection().message());
                }
            }
            outcome.ack().ifPresent(this::publishAck);
        } catch (RuntimeException e) {
            counters.countHandlerFailure();
            log.warn("{}: failed on a message from {}", device, publish.getTopic(), e);
        }
    }

    /** Says goodbye (an offline status) and disconnects; the broker forgets the session and drops the will. */
    @Override
    public void close() {
        connection.close(client -> connection.publish(topics.status(device), MessageKind.STATUS,
                codec.encode(SiteStatus.offline(device, connectedAt, laterOf(connectedAt, options.clock().instant()))), OptionalLong.empty()),
                CLOSE_TIMEOUT);
    }

    private static Instant laterOf(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public String toString() {
        return "SiteLink[" + device + " via " + connection.address() + "]";
    }
}
