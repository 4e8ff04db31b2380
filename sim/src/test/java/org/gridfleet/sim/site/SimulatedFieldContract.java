package org.gridfleet.sim.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.mqtt.CenterHandler;
import org.gridfleet.comm.mqtt.CenterLink;
import org.gridfleet.comm.mqtt.LinkOptions;
import org.gridfleet.comm.mqtt.SendResult;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.comm.protocol.DeviceCommand;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.sim.FieldOptions;
import org.gridfleet.sim.NoiseModel;
import org.gridfleet.sim.site.SimulatedField.Network;
import org.gridfleet.sim.site.SimulatedField.Settings;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.RandomProblems;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A simulated field on a real broker, seen from a control center (comm's {@link CenterLink}) on the field's
 * simulated clock:
 * <pre>
 *            ┌──────────── broker ────────────┐
 *   center ──┤ commands ▶      ◀ telemetry, acks, status ├── sites' network (relay) ── CommunicationDevice × 9 ── controllers
 *            │                 ◀ demand                 ├── meter head-end ── EU-1, EU-2
 *            └──────────────────────────────────────────┘
 * </pre>
 * Most tests move simulated time by hand ({@link SimulatedField#advance}), so that a command's validity and an
 * ack's delay are exact; one runs the paced loop. Each test has its own topic root, so runs sharing a broker never
 * see each other, and clears the retained statuses it leaves. Subclasses name the broker.
 */
abstract class SimulatedFieldContract {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final AssetId RE = AssetId.of("RE-1");
    static final AssetId FC = AssetId.of("FC-1");

    final List<AutoCloseable> toClose = new ArrayList<>();
    final List<AssetId> devicesUsed = new ArrayList<>();
    Topics topics;
    int commands;

    /** The broker under test. */
    abstract BrokerAddress broker();

    @BeforeEach
    void isolate() {
        topics = new Topics("gridfleet-sim-it/" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
        // an empty retained message deletes a retained status (the sites' offline or lost)
        Mqtt5BlockingClient raw = MqttClient.builder().useMqttVersion5().identifier(topics.root().replace('/', '.') + "-cleanup")
                .serverHost(broker().host()).serverPort(broker().port()).buildBlocking();
        raw.connect();
        for (AssetId device : devicesUsed) {
            raw.publishWith().topic(topics.status(device)).retain(true).qos(MqttQos.AT_LEAST_ONCE).send();
        }
        raw.disconnect();
    }

    // ------------------------------------------------------------------ fixtures

    Settings settings(FieldOptions options) {
        return Settings.defaults(options.seed()).withField(options)
                .withLink(LinkOptions.defaults().withTopics(topics).withReconnect(Duration.ofMillis(100), Duration.ofMillis(500))
                        .withConnectTimeout(Duration.ofSeconds(10)).withSessionExpiry(Duration.ofSeconds(60)));
    }

    SimulatedField field(PlanningProblem problem, Settings settings) {
        problem.assets().stream().map(Asset::id).forEach(devicesUsed::add);
        return closeLater(SimulatedField.connect(problem, broker(), settings));
    }

    /** {@code Fleets.everyDeviceType()}, exact (no noise, no forced outages), on the relayed network. */
    SimulatedField exactField() {
        return field(Fleets.everyDeviceType(), settings(FieldOptions.exact()));
    }

    Center center(SimulatedField field) {
        Center center = new Center(field);
        center.link = closeLater(CenterLink.connect(broker(), center, settings(FieldOptions.exact()).link().withClock(field.clock())));
        return center;
    }

    <T extends AutoCloseable> T closeLater(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    DeviceCommand command(SimulatedField field, AssetId device, double kw, Duration validFor) {
        Instant now = field.clock().now();
        return DeviceCommand.of(new Command(new CommandId("it-" + (++commands)), device, kw, now, now.plus(validFor)));
    }

    /** A value and the simulated instant it reached the center. */
    record Arrival<T>(T value, Instant at) {}

    /** The control center's view: everything it was handed, with the simulated time it arrived. */
    static final class Center implements CenterHandler {
        final SimulatedField field;
        final List<Arrival<Telemetry>> telemetry = new CopyOnWriteArrayList<>();
        final List<Arrival<Ack>> acks = new CopyOnWriteArrayList<>();
        final List<SiteStatus> statuses = new CopyOnWriteArrayList<>();
        final List<DemandReading> demand = new CopyOnWriteArrayList<>();
        final List<Rejection> rejections = new CopyOnWriteArrayList<>();
        CenterLink link;

        Center(SimulatedField field) {
            this.field = field;
        }

        @Override
        public void telemetry(Telemetry t) {
            telemetry.add(new Arrival<>(t, field.clock().now()));
        }

        @Override
        public void ack(Ack a) {
            acks.add(new Arrival<>(a, field.clock().now()));
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

        SendResult send(DeviceCommand command) throws Exception {
            return link.send(command).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        List<Arrival<Ack>> acksFor(CommandId id) {
            return acks.stream().filter(a -> a.value().command().equals(id)).toList();
        }

        List<Ack.Status> ackStatusesFor(CommandId id) {
            return acksFor(id).stream().map(a -> a.value().status()).toList();
        }

        SiteStatus lastStatusOf(AssetId device) {
            List<SiteStatus> of = statuses.stream().filter(s -> s.device().equals(device)).toList();
            return of.isEmpty() ? null : of.getLast();
        }

        boolean sawState(AssetId device, SiteStatus.State state) {
            SiteStatus last = lastStatusOf(device);
            return last != null && last.state() == state;
        }

        List<Telemetry> telemetryOf(AssetId device) {
            return telemetry.stream().map(Arrival::value).filter(t -> t.device().equals(device)).toList();
        }

        List<DemandReading> demandOf(EndUserId endUser) {
            return demand.stream().filter(d -> d.endUser().equals(endUser)).toList();
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + WAIT + " waiting for " + what);
            }
            try {
                Thread.sleep(5); // polling the condition, not waiting out a time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    // ------------------------------------------------------------------ the field as the center sees it

    @Test
    void theCenterSeesTelemetryOfEveryDeviceAndDemandOfEveryEndUser() throws Exception {
        PlanningProblem problem = RandomProblems.problem(3, 300, 96); // more than one task of devices per step
        SimulatedField field = field(problem, settings(FieldOptions.seeded(3).withForcedOutages(false)).withSpeed(60));
        Center center = center(field);
        Set<AssetId> devices = problem.assets().stream().map(Asset::id).collect(Collectors.toSet());
        Set<EndUserId> endUsers = problem.endUsers().stream().map(EndUser::id).collect(Collectors.toSet());

        field.run(Duration.ofMinutes(5));
        await("telemetry from all " + devices.size() + " devices", () -> center.telemetry.stream().map(a -> a.value().device())
                .collect(Collectors.toSet()).containsAll(devices));
        await("demand from all " + endUsers.size() + " end-users", () -> center.demand.stream().map(DemandReading::endUser)
                .collect(Collectors.toSet()).containsAll(endUsers));

        assertThat(devices).allSatisfy(d -> assertThat(center.sawState(d, SiteStatus.State.ONLINE)).as("%s online", d).isTrue());
        assertThat(center.rejections).isEmpty();
        assertThat(center.demand).allSatisfy(d -> assertThat(d.demandKw()).isNotNegative());
        assertThat(center.telemetry).allSatisfy(a -> assertThat(a.value().time()).isAfter(problem.grid().start()));
        assertThat(field.status().online()).isEqualTo(devices.size());
    }

    @Test
    void aCommandReachesItsControllerComesBackAcceptedThenDoneAndMovesTheOutput() throws Exception {
        SimulatedField field = exactField();
        Center center = center(field);
        DeviceCommand run600 = command(field, RE, 600, Duration.ofHours(2));
        assertThat(field.field().controller(RE).powerKw()).isZero();

        assertThat(center.send(run600)).isEqualTo(SendResult.ROUTED);
        await("ACCEPTED", () -> center.ackStatusesFor(run600.id()).contains(Ack.Status.ACCEPTED));
        assertThat(field.field().controller(RE).status().command()).contains(run600.id());

        field.advance(Duration.ofMinutes(5));
        await("DONE", () -> center.ackStatusesFor(run600.id()).contains(Ack.Status.DONE));
        await("telemetry at 600 kW", () -> center.telemetryOf(RE).stream().anyMatch(t -> Math.abs(t.powerKw() - 600) < 1e-3));

        assertThat(center.ackStatusesFor(run600.id())).containsExactly(Ack.Status.ACCEPTED, Ack.Status.DONE);
        Ack done = center.acksFor(run600.id()).get(1).value();
        assertThat(done.time()).isAfter(run600.command().validFrom()).isBeforeOrEqualTo(field.clock().now());
        assertThat(field.field().controller(RE).powerKw()).isCloseTo(600, within(1e-3));
        assertThat(field.device(RE).commandsDecided()).isEqualTo(1);
    }

    /** RE-1 is rated 800 kW (kVA): at 600 kW it can deliver sqrt(800² - 600²) = 529.150 kvar. */
    @Test
    void aReactiveSetPointBeyondTheCircleIsClippedTheAckSaysSoAndTelemetryCarriesTheKvar() throws Exception {
        SimulatedField field = exactField();
        Center center = center(field);
        DeviceCommand run600 = new DeviceCommand(command(field, RE, 600, Duration.ofHours(2)).command(), OptionalDouble.of(700));

        assertThat(center.send(run600)).isEqualTo(SendResult.ROUTED);
        await("ACCEPTED", () -> center.ackStatusesFor(run600.id()).contains(Ack.Status.ACCEPTED));
        field.advance(Duration.ofMinutes(5));
        await("telemetry at 600 kW", () -> center.telemetryOf(RE).stream().anyMatch(t -> Math.abs(t.powerKw() - 600) < 1e-3));

        assertThat(center.acksFor(run600.id()).getFirst().value().reason())
                .isEqualTo("reactive set point 700 kvar is beyond its capability of 529.15 kvar at 600 kW (rating 800 kVA): it holds 529.15 kvar");
        Telemetry at600 = center.telemetryOf(RE).stream().filter(t -> Math.abs(t.powerKw() - 600) < 1e-3).reduce((a, b) -> b).orElseThrow();
        assertThat(at600.kvar().getAsDouble()).isCloseTo(Math.sqrt(800 * 800 - 600 * 600), within(1e-6));
    }

    @Test
    void aResentCommandIsAnsweredAgainAndNotAppliedAgain() throws Exception {
        SimulatedField field = exactField();
        Center center = center(field);
        DeviceCommand first = command(field, RE, 600, Duration.ofHours(2));
        DeviceCommand second = command(field, RE, 300, Duration.ofHours(2));

        center.send(first);
        await("the first command ACCEPTED", () -> center.ackStatusesFor(first.id()).contains(Ack.Status.ACCEPTED));
        center.send(second);
        await("the second command ACCEPTED", () -> center.ackStatusesFor(second.id()).contains(Ack.Status.ACCEPTED));
        center.send(first); // a resend: were it applied again, as the latest accepted it would rule
        await("the resend answered", () -> center.acksFor(first.id()).size() == 2);

        assertThat(center.ackStatusesFor(first.id())).containsExactly(Ack.Status.ACCEPTED, Ack.Status.ACCEPTED);
        assertThat(field.device(RE).commandsDecided()).isEqualTo(2);
        assertThat(field.field().controller(RE).status().command()).contains(second.id());
        field.advance(Duration.ofMinutes(5));
        assertThat(field.field().controller(RE).powerKw()).isCloseTo(300, within(1e-3));
    }

    @Test
    void aTrippedDeviceReportsFaultAndALateRejectionOfItsCommand() throws Exception {
        SimulatedField field = exactField();
        Center center = center(field);
        DeviceCommand run600 = command(field, RE, 600, Duration.ofHours(2));
        center.send(run600);
        await("ACCEPTED", () -> center.ackStatusesFor(run600.id()).contains(Ack.Status.ACCEPTED));
        field.advance(Duration.ofMinutes(1));

        field.field().trip(RE);
        Instant trippedAt = field.clock().now();
        field.advance(Duration.ofSeconds(10));

        await("the late REJECTED", () -> center.ackStatusesFor(run600.id()).contains(Ack.Status.REJECTED));
        await("FAULT in the telemetry", () -> center.telemetryOf(RE).stream().anyMatch(t -> t.state() == OperatingState.FAULT));
        Ack rejected = center.acksFor(run600.id()).getLast().value();
        assertThat(rejected.reason()).startsWith("abandoned at " + trippedAt).contains("tripped");
        assertThat(center.telemetryOf(RE).stream().filter(t -> t.state() == OperatingState.FAULT)).allSatisfy(t -> assertThat(t.powerKw()).isZero());
    }

    @Test
    void aFrozenMeterKeepsPublishingItsValueOnTime() throws Exception {
        SimulatedField field = field(Fleets.everyDeviceType(), settings(FieldOptions.exact().withDemandNoise(NoiseModel.DEMAND)));
        Center center = center(field);
        EndUserId frozen = EndUserId.of("EU-1");
        EndUserId live = EndUserId.of("EU-2");
        field.advance(Duration.ofSeconds(15)); // the first readings; a window ends here
        field.field().freeze(frozen);
        Instant frozenAt = field.clock().now();

        field.advance(Duration.ofMinutes(2)); // eight more windows of 15 s
        await("eight readings of each meter after the freeze", () -> center.demandOf(frozen).stream().filter(d -> d.time().isAfter(frozenAt)).count() == 8
                && center.demandOf(live).stream().filter(d -> d.time().isAfter(frozenAt)).count() == 8);

        List<DemandReading> after = center.demandOf(frozen).stream().filter(d -> d.time().isAfter(frozenAt)).toList();
        assertThat(after).extracting(DemandReading::time).isSorted().doesNotHaveDuplicates();
        double value = after.getFirst().demandKw();
        assertThat(after).allSatisfy(d -> assertThat(d.demandKw()).isCloseTo(value, within(1e-9)));
        assertThat(value).isCloseTo(field.field().meter(frozen).reading().demandKw(), within(1e-9));
        assertThat(center.demandOf(live).stream().filter(d -> d.time().isAfter(frozenAt)).map(DemandReading::demandKw).distinct().count())
                .as("the live meter's noise moves its readings").isGreaterThan(1);
    }

    // ------------------------------------------------------------------ communication faults

    @Test
    void cuttingCommsLosesTheSiteAndRestoringBringsItBackOnline() throws Exception {
        SimulatedField field = exactField();
        Center center = center(field);
        await("online", () -> center.sawState(RE, SiteStatus.State.ONLINE));
        Instant firstConnection = center.lastStatusOf(RE).connectedAt();

        field.field().cutComms(RE);
        field.advance(Duration.ofSeconds(1));
        await("the last will", () -> center.sawState(RE, SiteStatus.State.LOST));
        assertThat(center.lastStatusOf(RE).connectedAt()).isEqualTo(firstConnection);
        assertThat(field.device(RE).isOnline()).isFalse();
        assertThat(field.status().online()).isEqualTo(8);

        DeviceCommand whileCut = command(field, RE, 400, Duration.ofHours(1));
        assertThat(center.send(whileCut)).as("the broker keeps the site's session").isEqualTo(SendResult.ROUTED);
        field.advance(Duration.ofSeconds(5));
        assertThat(field.device(RE).commandsDecided()).isZero();

        field.field().restoreComms(RE);
        field.advance(Duration.ofSeconds(1));
        await("online again", () -> center.sawState(RE, SiteStatus.State.ONLINE));
        assertThat(center.lastStatusOf(RE).connectedAt()).isAfter(firstConnection);
        await("the command kept by the broker, answered", () -> center.ackStatusesFor(whileCut.id()).contains(Ack.Status.ACCEPTED));
        await("the device online", () -> field.device(RE).isOnline());
    }

    @Test
    void withDropProbabilityOneNoAckArrives() throws Exception {
        SimulatedField field = exactField();
        Center center = center(field);
        field.field().dropAcks(RE, 1.0);
        field.advance(Duration.ofSeconds(1));
        DeviceCommand dropped = command(field, RE, 600, Duration.ofHours(2));
        DeviceCommand control = command(field, FC, 150, Duration.ofHours(2));

        center.send(dropped);
        await("the first answer dropped on the wire", () -> field.acksDroppedOnTheWire(RE) == 1);
        assertThat(field.field().controller(RE).status().command()).as("the controller took it").contains(dropped.id());
        field.advance(Duration.ofMinutes(5));
        await("DONE dropped on the wire", () -> field.acksDroppedOnTheWire(RE) == 2);
        assertThat(field.field().controller(RE).powerKw()).isCloseTo(600, within(1e-3));

        center.send(control); // sent after both drops, through the same broker: its answer arrives after them
        await("the control device's ACCEPTED", () -> center.ackStatusesFor(control.id()).contains(Ack.Status.ACCEPTED));
        assertThat(center.acksFor(dropped.id())).isEmpty();
        assertThat(field.acksDelayedOnTheWire(RE)).isZero();
    }

    @Test
    void delayedAcksArriveAfterTheDelayInSimulatedTime() throws Exception {
        SimulatedField field = exactField();
        Center center = center(field);
        Duration delay = Duration.ofMinutes(2);
        field.field().delayAcks(RE, delay);
        field.advance(Duration.ofSeconds(1));
        DeviceCommand run600 = command(field, RE, 600, Duration.ofHours(2));

        center.send(run600);
        await("the first answer held on the wire", () -> field.acksDelayedOnTheWire(RE) == 1);
        field.advance(Duration.ofMinutes(1));
        assertThat(center.acksFor(run600.id())).as("held a minute into a two-minute delay").isEmpty();
        field.advance(Duration.ofMinutes(5));
        await("ACCEPTED and DONE", () -> center.acksFor(run600.id()).size() == 2);

        List<Arrival<Ack>> acks = center.acksFor(run600.id());
        assertThat(acks).extracting(a -> a.value().status()).containsExactly(Ack.Status.ACCEPTED, Ack.Status.DONE);
        assertThat(acks).allSatisfy(a -> assertThat(a.at()).isAfterOrEqualTo(a.value().time().plus(delay)));
        assertThat(field.acksDelayedOnTheWire(RE)).isEqualTo(2);
    }

    @Test
    void onTheDirectNetworkACutSaysOfflineAndARestoreConnectsAnew() throws Exception {
        SimulatedField field = field(Fleets.everyDeviceType(), settings(FieldOptions.exact()).withNetwork(Network.DIRECT));
        Center center = center(field);
        await("online", () -> center.sawState(RE, SiteStatus.State.ONLINE));
        Instant firstConnection = center.lastStatusOf(RE).connectedAt();

        field.field().cutComms(RE);
        field.advance(Duration.ofSeconds(1));
        await("offline", () -> center.sawState(RE, SiteStatus.State.OFFLINE));
        field.field().restoreComms(RE);
        field.advance(Duration.ofSeconds(1));
        await("online again", () -> center.sawState(RE, SiteStatus.State.ONLINE) && center.lastStatusOf(RE).connectedAt().isAfter(firstConnection));
        await("the device online", () -> field.device(RE).isOnline());

        DeviceCommand run600 = command(field, RE, 600, Duration.ofHours(2));
        center.send(run600);
        await("ACCEPTED on the new link", () -> center.ackStatusesFor(run600.id()).contains(Ack.Status.ACCEPTED));
    }

    @Test
    void onTheDirectNetworkDroppedAcksAreTheOnesTheDeviceSendsItself() throws Exception {
        SimulatedField field = field(Fleets.everyDeviceType(), settings(FieldOptions.exact()).withNetwork(Network.DIRECT));
        Center center = center(field);
        field.field().dropAcks(RE, 1.0);
        DeviceCommand run600 = command(field, RE, 600, Duration.ofHours(2));

        center.send(run600);
        await("ACCEPTED: the first answer is the link's own", () -> center.ackStatusesFor(run600.id()).contains(Ack.Status.ACCEPTED));
        field.advance(Duration.ofMinutes(5));

        assertThat(field.device(RE).outboxAcksDropped()).isEqualTo(1);
        assertThat(field.device(RE).outboxAcksSent()).isZero();
        assertThat(field.field().controller(RE).powerKw()).isCloseTo(600, within(1e-3));
    }

    // ------------------------------------------------------------------ the run loop

    @Test
    void theRunLoopMovesSimulatedTimeAndPublishesOnSchedule() throws Exception {
        SimulatedField field = field(Fleets.everyDeviceType(), settings(FieldOptions.exact()).withSpeed(600));
        Center center = center(field);
        Instant start = field.clock().now();

        field.run(Duration.ofMinutes(10)).get(WAIT.toSeconds(), TimeUnit.SECONDS);

        assertThat(field.clock().now()).isEqualTo(start.plus(Duration.ofMinutes(10)));
        assertThat(field.isRunning()).isFalse();
        await("telemetry stamped at the end of the run", () -> center.telemetryOf(RE).stream()
                .anyMatch(t -> !t.time().isBefore(start.plus(Duration.ofMinutes(10)).minusSeconds(5))));
        // every device reports every 5 s of simulated time: 120 reports in 10 minutes
        assertThat(field.devices()).allSatisfy(d -> assertThat(d.telemetrySent()).isEqualTo(120));
        assertThat(field.meterReadingsPublished()).isEqualTo(2 * 40); // two meters, every 15 s
        SimulatedField.Status status = field.status();
        assertThat(status.speed()).isPositive();
        assertThat(status.demandKw()).isCloseTo(700, within(1e-9)); // EU-1 400 + EU-2 300 kW in the first hour
    }
}
