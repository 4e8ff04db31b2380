package org.gridfleet.comm.mqtt;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.protocol.CommandDecision;
import org.gridfleet.comm.protocol.CommandHandler;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.comm.protocol.DeviceCommand;
import org.gridfleet.comm.protocol.PayloadCodec;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the network promises, against a real broker: a control center and two sites,
 * <pre>
 *            ┌──────────── broker ────────────┐
 *   center ──┤ commands ▶          ◀ telemetry├── site gen-1 (direct, or through a {@link TcpRelay})
 *            │ ◀ acks, status      ◀ demand   ├── site bat-1, meters
 *            └────────────────────────────────┘
 * </pre>
 * Each test runs under its own topic root, so tests and test runs sharing a broker never see each other, and
 * clears the retained statuses it leaves. Subclasses name the broker.
 */
abstract class LinkContract {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final Duration BACKOFF_MAX = Duration.ofSeconds(1);

    final AssetId gen = AssetId.of("gen-1");
    final AssetId bat = AssetId.of("bat-1");
    final PayloadCodec codec = new PayloadCodec();
    final List<AutoCloseable> toClose = new ArrayList<>();
    final Set<AssetId> devicesUsed = new HashSet<>(Set.of(gen, bat));
    Topics topics;
    LinkOptions options;
    Mqtt5BlockingClient raw;

    /** The broker under test. */
    abstract BrokerAddress broker();

    @BeforeEach
    void isolate() {
        topics = new Topics("gridfleet-it/" + UUID.randomUUID().toString().substring(0, 8));
        options = LinkOptions.defaults()
                .withTopics(topics)
                .withReconnect(Duration.ofMillis(100), BACKOFF_MAX)
                .withConnectTimeout(Duration.ofSeconds(5))
                .withSessionExpiry(Duration.ofSeconds(30));
        raw = MqttClient.builder().useMqttVersion5().identifier(topics.root().replace('/', '.') + "-raw")
                .serverHost(broker().host()).serverPort(broker().port()).buildBlocking();
        raw.connect();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        for (AssetId device : devicesUsed) { // an empty retained message deletes the retained status
            raw.publishWith().topic(topics.status(device)).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
        }
        raw.disconnect();
    }

    // ------------------------------------------------------------------ fixtures

    /** The control center's view: everything it was handed, in order. */
    static final class Recorder implements CenterHandler {
        final List<Telemetry> telemetry = new CopyOnWriteArrayList<>();
        final List<Ack> acks = new CopyOnWriteArrayList<>();
        final List<SiteStatus> statuses = new CopyOnWriteArrayList<>();
        final List<DemandReading> demand = new CopyOnWriteArrayList<>();
        final List<Rejection> rejections = new CopyOnWriteArrayList<>();

        @Override
        public void telemetry(Telemetry t) {
            telemetry.add(t);
        }

        @Override
        public void ack(Ack a) {
            acks.add(a);
        }

        @Override
        public void status(SiteStatus s) {
            statuses.add(s);
        }

        @Override
        public void demand(DemandReading d) {
            demand.add(d);
        }

        @Override
        public void rejected(Rejection r) {
            rejections.add(r);
        }

        List<Ack> acksFor(CommandId id) {
            return acks.stream().filter(a -> a.command().equals(id)).toList();
        }

        List<SiteStatus> statusesOf(AssetId device) {
            return statuses.stream().filter(s -> s.device().equals(device)).toList();
        }

        SiteStatus lastStatusOf(AssetId device) {
            List<SiteStatus> of = statusesOf(device);
            return of.isEmpty() ? null : of.getLast();
        }
    }

    /** A device controller that accepts everything and remembers what it applied. */
    static final class Controller implements CommandHandler {
        final List<DeviceCommand> applied = new CopyOnWriteArrayList<>();

        @Override
        public CommandDecision decide(DeviceCommand command) {
            applied.add(command);
            return CommandDecision.accept();
        }
    }

    <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    CenterLink center(Recorder recorder) {
        return closeLater(CenterLink.connect(broker(), recorder, options));
    }

    SiteLink site(AssetId device, Controller controller) {
        return site(broker(), device, controller);
    }

    SiteLink site(BrokerAddress via, AssetId device, Controller controller) {
        devicesUsed.add(device);
        return closeLater(SiteLink.connect(via, device, controller, options));
    }

    TcpRelay relay() {
        return closeLater(new TcpRelay(broker()));
    }

    DeviceCommand command(AssetId device, double kw, Duration validFor) {
        Instant now = Instant.now();
        return DeviceCommand.of(new Command(CommandId.random(), device, kw, now, now.plus(validFor)));
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static <T> T awaitValue(String what, Supplier<T> value) {
        await(what, () -> value.get() != null);
        return value.get();
    }

    static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    // ------------------------------------------------------------------ commands

    @Test
    void aCommandReachesOnlyItsSiteAndItsAcksComeBack() throws Exception {
        Recorder center = new Recorder();
        CenterLink link = center(center);
        Controller genController = new Controller();
        Controller batController = new Controller();
        SiteLink genSite = site(gen, genController);
        site(bat, batController);
        DeviceCommand command = new DeviceCommand(command(gen, 250, Duration.ofMinutes(15)).command(), OptionalDouble.of(-30));

        SendResult sent = link.send(command).get(5, TimeUnit.SECONDS);

        assertThat(sent).isEqualTo(SendResult.ROUTED);
        await("the ACCEPTED ack", () -> center.acksFor(command.id()).size() == 1);
        assertThat(genController.applied).containsExactly(command);
        assertThat(batController.applied).isEmpty();
        assertThat(center.acksFor(command.id()).getFirst().status()).isEqualTo(Ack.Status.ACCEPTED);

        genSite.done(command.id()).get(5, TimeUnit.SECONDS);

        await("the DONE ack", () -> center.acksFor(command.id()).size() == 2);
        assertThat(center.acksFor(command.id()).getLast().status()).isEqualTo(Ack.Status.DONE);
        assertThat(link.counters().accepted(org.gridfleet.comm.protocol.MessageKind.ACK)).isEqualTo(2);
    }

    @Test
    void aResentCommandIsAnsweredEachTimeButAppliedOnce() throws Exception {
        Recorder center = new Recorder();
        CenterLink link = center(center);
        Controller controller = new Controller();
        SiteLink site = site(gen, controller);
        DeviceCommand command = command(gen, 120, Duration.ofMinutes(15));

        link.send(command).get(5, TimeUnit.SECONDS);
        await("the first ack", () -> center.acksFor(command.id()).size() == 1);
        link.send(command).get(5, TimeUnit.SECONDS);
        await("the second ack", () -> center.acksFor(command.id()).size() == 2);
        site.acknowledge(new Ack(command.id(), gen, Ack.Status.DONE, "", Instant.now())).get(5, TimeUnit.SECONDS); // the controller's own ack
        await("the DONE ack", () -> center.acksFor(command.id()).size() == 3);
        link.send(command).get(5, TimeUnit.SECONDS);
        await("the answer to the resend after DONE", () -> center.acksFor(command.id()).size() == 4);

        assertThat(controller.applied).containsExactly(command);
        assertThat(center.acksFor(command.id())).extracting(Ack::status)
                .containsExactly(Ack.Status.ACCEPTED, Ack.Status.ACCEPTED, Ack.Status.DONE, Ack.Status.DONE);
        assertThat(site.counters().duplicates()).isEqualTo(2);
    }

    @Test
    void aCommandForADeviceWithoutASiteIsReportedAsHavingNoSubscriber() throws Exception {
        CenterLink link = center(new Recorder());

        assertThat(link.send(command(AssetId.of("nobody"), 10, Duration.ofMinutes(1))).get(5, TimeUnit.SECONDS)).isEqualTo(SendResult.NO_SUBSCRIBER);
        Instant now = Instant.now();
        DeviceCommand expired = DeviceCommand.of(new Command(CommandId.random(), gen, 10, now.minusSeconds(60), now.minusSeconds(1)));
        assertThatThrownBy(() -> link.send(expired)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expired");
    }

    @Test
    void aMalformedCommandIsAnsweredWithARejectionAndNotApplied() {
        Recorder center = new Recorder();
        center(center);
        Controller controller = new Controller();
        SiteLink site = site(gen, controller);

        raw.publishWith().topic(topics.command(gen)).qos(MqttQos.AT_LEAST_ONCE)
                .payload("{\"v\":1,\"kind\":\"command\",\"id\":\"c-nan\",\"device\":\"gen-1\",\"setpointKw\":NaN,\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2099-01-01T00:00:00Z\"}".getBytes(UTF_8))
                .send();

        await("the rejection ack", () -> center.acksFor(new CommandId("c-nan")).size() == 1);
        Ack ack = center.acksFor(new CommandId("c-nan")).getFirst();
        assertThat(ack.status()).isEqualTo(Ack.Status.REJECTED);
        assertThat(ack.reason()).startsWith("NOT_FINITE: \"setpointKw\" is NaN");
        assertThat(controller.applied).isEmpty();
        assertThat(site.counters().rejected(Rejection.Reason.NOT_FINITE)).isEqualTo(1);
    }

    // ------------------------------------------------------------------ telemetry and demand

    @Test
    void telemetryFromTwoSitesAndDemandFromMetersReachTheCenter() {
        Recorder center = new Recorder();
        CenterLink link = center(center);
        SiteLink genSite = site(gen, new Controller());
        SiteLink batSite = site(bat, new Controller());
        MeterLink meters = closeLater(MeterLink.connect(broker(), "feeder-3", options));
        Instant t = Instant.parse("2026-11-23T10:00:00Z");
        Telemetry genT = new Telemetry(gen, t, 250.5, OptionalDouble.empty(), OperatingState.RUNNING);
        Telemetry batT = new Telemetry(bat, t, -80, OptionalDouble.of(0.41), OperatingState.RUNNING);
        DemandReading reading = new DemandReading(EndUserId.of("EU-17"), t, 3.25);

        assertThat(genSite.publish(genT)).isTrue();
        assertThat(batSite.publish(batT)).isTrue();
        assertThat(meters.publish(reading)).isTrue();

        await("both sites' telemetry", () -> center.telemetry.size() == 2);
        await("the demand reading", () -> center.demand.size() == 1);
        assertThat(center.telemetry).containsExactlyInAnyOrder(genT, batT);
        assertThat(center.demand).containsExactly(reading);
        assertThat(center.rejections).isEmpty();
        assertThatThrownBy(() -> genSite.publish(batT)).as("a site reports only for its own device").isInstanceOf(IllegalArgumentException.class);
        assertThat(link.counters().rejected()).isZero();
    }

    @Test
    void badAndSpoofedTelemetryIsRejectedWithAReasonAndCounted() {
        Recorder center = new Recorder();
        CenterLink link = center(center);
        Telemetry batT = new Telemetry(bat, Instant.parse("2026-11-23T10:00:00Z"), -80, OptionalDouble.empty(), OperatingState.RUNNING);

        raw.publishWith().topic(topics.telemetry(gen)).payload(codec.encode(batT)).send(); // bat's data on gen's topic
        raw.publishWith().topic(topics.telemetry(gen)).payload("{\"v\":1,".getBytes(UTF_8)).send();
        raw.publishWith().topic(topics.telemetry(gen)).payload(new String(codec.encode(batT), UTF_8).replace("\"v\":1", "\"v\":7").getBytes(UTF_8)).send();
        raw.publishWith().topic(topics.root() + "/devices/gen-1/telemetry").payload(new String(codec.encode(batT), UTF_8).replace("-80.0", "NaN").replace("bat-1", "gen-1").getBytes(UTF_8)).send();

        await("four rejections", () -> center.rejections.size() == 4);
        assertThat(center.telemetry).isEmpty();
        assertThat(center.rejections).extracting(Rejection::reason).containsExactlyInAnyOrder(
                Rejection.Reason.SPOOFED_ID, Rejection.Reason.MALFORMED_JSON, Rejection.Reason.UNKNOWN_VERSION, Rejection.Reason.NOT_FINITE);
        assertThat(center.rejections).filteredOn(r -> r.reason() == Rejection.Reason.SPOOFED_ID).singleElement()
                .satisfies(r -> assertThat(r.detail()).contains("a device may only report for itself"));
        assertThat(link.counters().rejections()).containsEntry(Rejection.Reason.SPOOFED_ID, 1L).hasSize(4);
    }

    // ------------------------------------------------------------------ status, last will, reconnect

    @Test
    void aCenterThatConnectsLaterLearnsEverySitesStatusAtOnce() {
        SiteLink genSite = site(gen, new Controller());
        site(bat, new Controller());
        genSite.close();

        Recorder late = new Recorder();
        center(late);

        await("both retained statuses", () -> late.lastStatusOf(gen) != null && late.lastStatusOf(bat) != null);
        assertThat(late.lastStatusOf(gen).state()).isEqualTo(SiteStatus.State.OFFLINE);
        assertThat(late.lastStatusOf(bat).state()).isEqualTo(SiteStatus.State.ONLINE);
    }

    @Test
    void aSiteThatClosesSaysItIsOffline() {
        Recorder center = new Recorder();
        center(center);
        SiteLink site = site(gen, new Controller());
        SiteStatus online = awaitValue("online", () -> center.lastStatusOf(gen));

        site.close();

        await("offline", () -> center.lastStatusOf(gen).state() == SiteStatus.State.OFFLINE);
        SiteStatus offline = center.lastStatusOf(gen);
        assertThat(online.state()).isEqualTo(SiteStatus.State.ONLINE);
        assertThat(offline.connectedAt()).isEqualTo(online.connectedAt());
        assertThat(offline.time()).isAfterOrEqualTo(online.time());
    }

    @Test
    void aSiteThatVanishesWithoutAGoodbyeIsReportedLostByItsRetainedLastWill() {
        Recorder center = new Recorder();
        center(center);
        TcpRelay network = relay();
        SiteLink site = site(network.address(), gen, new Controller());
        SiteStatus online = awaitValue("online", () -> center.lastStatusOf(gen));

        network.refuse(true);
        network.cutAll();

        await("the last will", () -> center.lastStatusOf(gen).state() == SiteStatus.State.LOST);
        assertThat(center.lastStatusOf(gen).connectedAt()).as("the will names the connection that broke").isEqualTo(online.connectedAt());
        await("the site notices", () -> !site.isConnected());

        Recorder late = new Recorder();
        center(late);
        await("the retained last will", () -> late.lastStatusOf(gen) != null);
        assertThat(late.lastStatusOf(gen).state()).isEqualTo(SiteStatus.State.LOST);
    }

    @Test
    void aSiteReconnectsWithinTheBackoffAndGetsWhatWasSentMeanwhile() throws Exception {
        Recorder center = new Recorder();
        CenterLink link = center(center);
        TcpRelay network = relay();
        Controller controller = new Controller();
        SiteLink site = site(network.address(), gen, controller);
        SiteStatus firstOnline = awaitValue("online", () -> center.lastStatusOf(gen));
        DeviceCommand before = command(gen, 100, Duration.ofMinutes(15));
        link.send(before).get(5, TimeUnit.SECONDS);
        await("the first ack", () -> center.acksFor(before.id()).size() == 1);

        network.refuse(true);
        network.cutAll();
        await("the last will", () -> center.lastStatusOf(gen).state() == SiteStatus.State.LOST);
        await("the site notices", () -> !site.isConnected());
        site.done(before.id()); // queued while away
        DeviceCommand meanwhile = command(gen, 200, Duration.ofMinutes(15));
        DeviceCommand stale = command(gen, 300, Duration.ofSeconds(1));
        assertThat(link.send(meanwhile).get(5, TimeUnit.SECONDS)).as("the site's session keeps it").isEqualTo(SendResult.ROUTED);
        link.send(stale).get(5, TimeUnit.SECONDS);
        pause(Duration.ofMillis(2100)); // the stale command's validity ends while the site is away

        long backAt = System.nanoTime();
        network.refuse(false);
        await("online again", () -> center.lastStatusOf(gen).state() == SiteStatus.State.ONLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - backAt);

        assertThat(took).as("reconnected within the longest backoff").isLessThan(BACKOFF_MAX.plusMillis(2500));
        assertThat(center.lastStatusOf(gen).connectedAt()).isAfter(firstOnline.connectedAt());
        await("the DONE sent while away", () -> center.acksFor(before.id()).size() == 2);
        await("the command sent while away", () -> center.acksFor(meanwhile.id()).size() == 1);
        assertThat(controller.applied).containsExactly(before, meanwhile);
        assertThat(center.acksFor(stale.id())).as("the broker dropped the expired command").isEmpty();
        assertThat(site.counters().connectionLosses()).isEqualTo(1);
        assertThat(site.counters().connects()).isEqualTo(2);
        // away ~2.3 s: waits of 0.1, 0.2, 0.4, 0.8, 1 s (with jitter) make about 5 attempts; a fixed 0.1 s would make 20
        assertThat(site.counters().failedConnectAttempts()).as("attempts back off exponentially").isBetween(2L, 8L);

        DeviceCommand after = command(gen, 50, Duration.ofMinutes(15));
        link.send(after).get(5, TimeUnit.SECONDS);
        await("a command after the reconnect", () -> center.acksFor(after.id()).size() == 1);
        assertThat(site.publish(new Telemetry(gen, Instant.now(), 50, OptionalDouble.empty(), OperatingState.RUNNING))).isTrue();
        await("telemetry after the reconnect", () -> center.telemetry.size() == 1);

        SiteStatus secondOnline = center.lastStatusOf(gen);
        network.cutAll();
        await("the second connection's last will", () -> center.lastStatusOf(gen).state() == SiteStatus.State.LOST);
        assertThat(center.lastStatusOf(gen).connectedAt()).as("the will was renewed for the new connection").isEqualTo(secondOnline.connectedAt());
    }

    @Test
    void telemetryIsDroppedAndCountedWhileTheSiteIsAway() {
        TcpRelay network = relay();
        SiteLink site = site(network.address(), gen, new Controller());

        network.refuse(true);
        network.cutAll();
        await("the site notices", () -> !site.isConnected());

        assertThat(site.publish(new Telemetry(gen, Instant.now(), 1, OptionalDouble.empty(), OperatingState.RUNNING))).isFalse();
        assertThat(site.counters().droppedWhileOffline()).isEqualTo(1);
    }
}
