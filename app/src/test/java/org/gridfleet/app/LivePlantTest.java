package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.gridfleet.testkit.Assets.generator;
import static org.gridfleet.testkit.Assets.info;
import static org.gridfleet.testkit.Assets.renewable;
import static org.gridfleet.testkit.Assets.storage;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.gridfleet.app.LiveRun.Center;
import org.gridfleet.app.LiveRun.Plant;
import org.gridfleet.comm.broker.BrokerAddress;
import org.gridfleet.comm.broker.BrokerSettings;
import org.gridfleet.comm.broker.EmbeddedBroker;
import org.gridfleet.comm.protocol.DeviceCommand;
import org.gridfleet.comm.protocol.PayloadCodec;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.control.Alarm;
import org.gridfleet.control.Cause;
import org.gridfleet.control.CommandBook;
import org.gridfleet.control.ControlCenter;
import org.gridfleet.control.ControlEvent;
import org.gridfleet.control.ControlReport;
import org.gridfleet.control.Redispatch;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.CommandId;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.sim.FieldOptions;
import org.gridfleet.sim.site.SimulatedField;
import org.gridfleet.store.Store;
import org.gridfleet.store.StoredCommand;
import org.gridfleet.store.StoreSettings;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plant live end to end, wired as {@code gridfleet demo} wires it ({@link LiveRun}): a real broker, sim's
 * {@link SimulatedField} with every site and meter on MQTT (the relayed network, so faults act on the wire), the
 * {@link ControlCenter} over comm's {@code CenterLink} ticking in real time on the field's accelerated clock, and the
 * H2 store keeping what it does. The broker is comm's embedded HiveMQ CE, started once for the class (each test on its
 * own topic root); the restart runs once more against the Mosquitto on 127.0.0.1:1883 when one answers there.
 *
 * <p>The field runs for given spans of simulated time and stands still in between, so the figures checked are the
 * field's own physics at a known instant; waits for the network are bounded polls, never fixed sleeps.
 */
class LivePlantTest {
    /** Simulated seconds per wall-clock second for the small campus: 8 minutes take 2 s. */
    static final double CAMPUS_SPEED = 240;
    /** The example's day at the demo's speed: an hour takes 5 s. */
    static final double DAY_SPEED = 720;
    static final Duration PATIENCE = Duration.ofSeconds(15);
    static final double KW = 1e-3;
    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    static final Duration STEP = Duration.ofMinutes(15);
    static final AssetId G1 = AssetId.of("G1");
    static final AssetId G2 = AssetId.of("G2");
    static final AssetId G3 = AssetId.of("G3");
    static final AssetId BAT = AssetId.of("BAT-1");
    static final BrokerAddress MOSQUITTO = new BrokerAddress("127.0.0.1", 1883);

    private static EmbeddedBroker broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /**
     * A campus: two committed engines, a fast-start fuel cell the plan never runs, PV and a battery (the control
     * module's test campus, here on MQTT).
     * <pre>
     *   G1     reciprocating engine 600 kW, min 150 kW, 10 $/h + 0.10 $/kWh        (merit order 1)
     *   G2     microturbine         400 kW, min  80 kW,  5 $/h + 0.14 $/kWh        (merit order 2)
     *   G3     fuel cell            300 kW, min  60 kW,  3 $/h + 0.20 $/kWh, starts in 5 min (fast start, not planned)
     *   PV-1   photovoltaic         200 kW, curtailable, forecast 150 kW throughout
     *   BAT-1  battery              200 kW / 400 kWh from soc 0.5
     *      │     │     │     │     │
     *   ───┴─────┴─────┴─────┴─────┴── B1 ── EU-1 480 510 540 570 540 510 480 450 kW
     *                                        EU-2 320 340 360 380 360 340 320 300 kW   (08:00..10:00Z, 15 min)
     * </pre>
     * Without G1 the rest give 400 + 150 + 200 = 750 kW now, less than the 800 kW of the first interval: the fuel cell
     * must start.
     */
    static PlanningProblem campus() {
        Generator fuelCell = new Generator(info("G3", DeviceType.FUEL_CELL, 300, 1, true, 0.01), 60, 300, 300, 0, 0,
                new StartUp(10, 20, 4, 5), InitialState.LONG_OFF, new CostCurve.Quadratic(3, 0.20, 0), RunHourLimit.NONE, 0.45);
        return ProblemBuilder.on("campus", new TimeGrid(START, STEP, 8))
                .add(generator(info("G1", DeviceType.RECIPROCATING_ENGINE, 600, 1, true, 0.01), 150, new CostCurve.Quadratic(10, 0.10, 0)))
                .add(generator(info("G2", DeviceType.MICROTURBINE, 400, 1, true, 0.01), 80, new CostCurve.Quadratic(5, 0.14, 0)))
                .add(fuelCell)
                .add(renewable("PV-1", DeviceType.PHOTOVOLTAIC, 200, true), 150, 150, 150, 150, 150, 150, 150, 150)
                .add(storage("BAT-1", DeviceType.BATTERY, 200, 400, 0.5))
                .demand("EU-1", 480, 510, 540, 570, 540, 510, 480, 450)
                .demand("EU-2", 320, 340, 360, 380, 360, 340, 320, 300)
                .build();
    }

    @Test
    void aTrippedGeneratorIsCoveredByTheRestOfTheFleetWithinOneRedispatch() {
        PlanningProblem campus = campus();
        List<ControlEvent> events = new CopyOnWriteArrayList<>();
        try (Plant plant = open(campus, broker.address(), FieldOptions.exact(), CAMPUS_SPEED, "trip");
             Center center = start(plant, campus, CAMPUS_SPEED, events::add)) {
            SimulatedField field = plant.field();
            field.run(Duration.ofMinutes(2)).join();
            assertThat(field.field().totalPowerKw()).as("the plan's set points reached").isGreaterThanOrEqualTo(field.field().totalDemandKw() - KW);
            Instant trippedAt = field.clock().instant();

            field.field().trip(G1);
            CompletableFuture<Void> running = field.run(null);
            try {
                await("a re-dispatch on G1's fault", () -> redispatch(center.center(), Cause.Trigger.DEVICE_DOWN, G1).isPresent());
            } finally {
                field.stop();
                running.join();
            }

            List<Redispatch> after = center.center().report().redispatches().stream().filter(r -> !r.time().isBefore(trippedAt)).toList();
            assertThat(after).as("every re-dispatch since the trip does without G1 and covers demand").isNotEmpty().allSatisfy(r -> {
                assertThat(r.result().setpointsKw()).doesNotContainKey(G1);
                assertThat(r.result().meetsDemand()).as(r.toString()).isTrue();
            });
            Redispatch down = after.stream().filter(r -> hasCause(r, Cause.Trigger.DEVICE_DOWN, G1)).findFirst().orElseThrow();
            assertThat(down.time()).as("its telemetry reports every 24 s").isBefore(trippedAt.plus(Duration.ofMinutes(2)));
            assertThat(down.result().setpointKw(G3)).as("the fuel cell stands in (the re-plan on the lost capacity commits it)").isPositive();
            assertThat(center.center().activeAlarm(Alarm.Kind.DEVICE_FAULT, "G1")).isPresent();

            // the fuel cell takes 5 minutes to start; 7 minutes after the re-dispatch the field's own output covers demand
            Instant covered = down.time().plus(Duration.ofMinutes(7));
            assertThat(field.clock().instant()).isBefore(covered);
            field.run(Duration.between(field.clock().instant(), covered)).join();

            assertThat(field.field().controller(G1).powerKw()).isZero();
            assertThat(field.field().controller(G3).powerKw()).isPositive();
            assertThat(field.field().totalPowerKw()).as("the field's real combined output").isGreaterThanOrEqualTo(field.field().totalDemandKw() - KW);
            assertThat(events).anyMatch(e -> e instanceof ControlEvent.Replanned);
        }
    }

    @Test
    void aSiteThatLosesItsCommunicationsIsLeftOutAndComesBackWhenRestored() {
        PlanningProblem campus = campus();
        try (Plant plant = open(campus, broker.address(), FieldOptions.exact(), CAMPUS_SPEED, "comms");
             Center center = start(plant, campus, CAMPUS_SPEED, event -> {})) {
            SimulatedField field = plant.field();
            ControlCenter c = center.center();
            field.run(Duration.ofMinutes(2)).join();
            CompletableFuture<Void> running = field.run(null);
            try {
                field.field().cutComms(G2);

                await("G2 offline at the center", () -> !c.live().connected(G2));
                await("a re-dispatch without G2", () -> redispatch(c, Cause.Trigger.SITE_OFFLINE, G2).isPresent());
                Redispatch without = redispatch(c, Cause.Trigger.SITE_OFFLINE, G2).orElseThrow();
                assertThat(without.result().setpointsKw()).doesNotContainKey(G2);
                assertThat(without.result().meetsDemand()).isTrue();
                assertThat(c.activeAlarm(Alarm.Kind.DEVICE_OFFLINE, "G2").orElseThrow().message()).contains("connection lost");

                field.field().restoreComms(G2);

                await("G2 online again", () -> c.live().connected(G2));
                await("a re-dispatch with G2", () -> redispatch(c, Cause.Trigger.SITE_ONLINE, G2).isPresent());
                Redispatch with = redispatch(c, Cause.Trigger.SITE_ONLINE, G2).orElseThrow();
                assertThat(with.time()).isAfter(without.time());
                assertThat(with.result().setpointsKw()).containsKey(G2);
                assertThat(c.activeAlarm(Alarm.Kind.DEVICE_OFFLINE, "G2")).isEmpty();
            } finally {
                field.stop();
                running.join();
            }
        }
    }

    @Test
    void aDuplicateOrLateAckOverTheWireChangesNothing() throws Exception {
        PlanningProblem campus = campus();
        List<ControlEvent> events = new CopyOnWriteArrayList<>();
        try (Plant plant = open(campus, broker.address(), FieldOptions.exact(), CAMPUS_SPEED, "acks");
             Center center = start(plant, campus, CAMPUS_SPEED, events::add)) {
            SimulatedField field = plant.field();
            ControlCenter c = center.center();
            field.run(Duration.ofMinutes(3)).join();
            await("G1's command done", () -> c.currentCommand(G1).orElseThrow().state() == CommandBook.State.DONE);
            CommandBook.TrackedCommand g1 = c.currentCommand(G1).orElseThrow();
            await("its acks in the store", () -> plant.store().acks(g1.id()).size() == 2);
            List<Ack> storedAcks = plant.store().acks(g1.id());
            ControlReport before = c.report();
            int eventsBefore = events.size();
            Instant now = field.clock().instant();
            Topics topics = field.topics();
            PayloadCodec codec = new PayloadCodec();

            try (Wire wire = Wire.connect(broker.address())) {
                // the command once more under its id: G1's site answers with its latest answer, DONE, and applies nothing
                wire.publish(topics.command(G1), codec.encode(DeviceCommand.of(g1.command())), false);
                wire.publish(topics.ack(G1), codec.encode(new Ack(g1.id(), G1, Ack.Status.ACCEPTED, "", now)), false); // late: DONE already
                wire.publish(topics.ack(G1), codec.encode(new Ack(g1.id(), G1, Ack.Status.DONE, "", now)), false);     // duplicate
            }

            await("two duplicates and a late ack counted", () -> c.report().duplicateAcks() == before.duplicateAcks() + 2
                    && c.report().lateAcks() == before.lateAcks() + 1);
            ControlReport after = c.report();
            assertThat(c.currentCommand(G1).orElseThrow()).isEqualTo(g1);
            assertThat(after.redispatchCount()).isEqualTo(before.redispatchCount());
            assertThat(after.commandsSent()).isEqualTo(before.commandsSent());
            assertThat(after.commandsDone()).isEqualTo(before.commandsDone());
            assertThat(c.activeAlarms()).isEmpty();
            assertThat(field.device(G1).counters().orElseThrow().duplicates()).as("the site saw the resend").isEqualTo(1);
            assertThat(field.field().controller(G1).powerKw()).isCloseTo(g1.command().setpointKw(), org.assertj.core.api.Assertions.within(KW));
            assertThat(events.subList(eventsBefore, events.size())).filteredOn(e -> e instanceof ControlEvent.AckReceived)
                    .extracting(e -> ((ControlEvent.AckReceived) e).outcome())
                    .containsExactlyInAnyOrder(CommandBook.AckOutcome.DUPLICATE, CommandBook.AckOutcome.DUPLICATE, CommandBook.AckOutcome.LATE);
            assertThat(events.subList(eventsBefore, events.size())).noneMatch(e -> e instanceof ControlEvent.CommandSent
                    || e instanceof ControlEvent.Redispatched || e instanceof ControlEvent.AlarmRaised);
            center.stop();
            assertThat(plant.store().acks(g1.id())).as("the store's first answers stand").isEqualTo(storedAcks);
        }
    }

    /**
     * The example's day, stopped three minutes into its fifth interval while its battery's latest command is still
     * unanswered (the relay drops the battery's acks), then a new center resumed from the reopened store.
     */
    @Test
    void aCenterRestartedMidDayResendsNothingAnsweredAndLosesNothing() {
        PlanningProblem example = Planning.ingest(Cli.EXAMPLE).problem().orElseThrow();
        restartMidDay(example, broker.address(), DAY_SPEED, FieldOptions.seeded(7), 4, Duration.ofMinutes(3), "restart");
    }

    @Test
    void aCenterRestartedMidDayOverMosquittoResendsNothingAnsweredAndLosesNothing() {
        assumeThat(answers(MOSQUITTO)).as("a Mosquitto on " + MOSQUITTO + " (apt-get install mosquitto)").isTrue();
        restartMidDay(campus(), MOSQUITTO, CAMPUS_SPEED, FieldOptions.exact(), 1, Duration.ofMinutes(1), "restart-mosquitto");
    }

    /**
     * Runs {@code problem}'s day to {@code stopAfter} into interval {@code interval} with the acks of one battery
     * dropped on the wire from just before it, stops the center, reopens the store, resumes a new center from it and
     * runs on past the end of the next interval; then checks that nothing answered before the restart was sent again and
     * that the store holds everything both centers saw and did.
     */
    private void restartMidDay(PlanningProblem problem, BrokerAddress address, double speed, FieldOptions fieldOptions, int interval,
                               Duration stopAfter, String name) {
        List<ControlEvent> firstEvents = new CopyOnWriteArrayList<>();
        List<ControlEvent> secondEvents = new CopyOnWriteArrayList<>();
        AssetId battery = problem.assets().stream().filter(a -> a instanceof Storage).map(Asset::id).findFirst().orElseThrow();
        Instant intervalStart = problem.grid().startOf(interval);
        Topics topics;
        try (Plant plant = open(problem, address, fieldOptions, speed, name)) {
            SimulatedField field = plant.field();
            topics = field.topics();
            ControlReport first;
            CommandId unanswered;
            try (Center center = start(plant, problem, speed, firstEvents::add)) {
                field.run(Duration.between(field.clock().instant(), intervalStart.minusSeconds(30))).join();
                field.field().dropAcks(battery, 1);
                field.run(Duration.between(field.clock().instant(), intervalStart.plus(stopAfter))).join();
                await("the battery's command for interval " + interval, () -> center.center().currentCommand(battery)
                        .filter(c -> !c.command().validFrom().isBefore(intervalStart)).isPresent());
                CommandBook.TrackedCommand toBattery = center.center().currentCommand(battery).orElseThrow();
                assertThat(toBattery.state()).as("its answers are dropped on the wire").isEqualTo(CommandBook.State.SENT);
                unanswered = toBattery.id();
                first = center.stop();
            }
            Instant stoppedAt = field.clock().instant();
            assertThat(first.to()).isEqualTo(stoppedAt);
            field.field().dropAcks(battery, 0);
            plant.reopenStore();
            Store store = plant.store();
            assertThat(store.commandsAwaitingAck(stoppedAt)).extracting(c -> c.command().id()).contains(unanswered);
            Map<CommandId, Integer> answeredSends = new HashMap<>(); // every command answered before the restart, valid or not
            for (ControlEvent e : firstEvents) {
                if (e instanceof ControlEvent.AckReceived a) {
                    store.command(a.ack().command()).ifPresent(c -> answeredSends.put(c.command().id(), c.sends()));
                }
            }
            assertThat(answeredSends).isNotEmpty().doesNotContainKey(unanswered);
            Set<CommandId> answeredAndValid = store.acknowledgedCommandIds(stoppedAt);
            assertThat(answeredAndValid).isNotEmpty();
            int stillValid = answeredAndValid.size() + store.commandsAwaitingAck(stoppedAt).size();

            ControlReport second;
            try (Center center = plant.resumeCenter(LiveRun.controlOptions(speed), secondEvents::add)) {
                await("the unanswered command answered after its resend", () -> center.center().command(unanswered)
                        .map(c -> c.state() == CommandBook.State.ACCEPTED || c.state() == CommandBook.State.DONE).orElse(false));
                field.run(Duration.between(field.clock().instant(), problem.grid().endOf(interval + 1).plus(stopAfter))).join();
                second = center.stop();
            }

            System.out.printf("%s: stopped at %s with %d commands still valid (%d answered); the resumed center sent %d (%s) and re-dispatched %d"
                    + " times to %s%n%s%n", name, stoppedAt, stillValid, answeredAndValid.size(), second.commandsSent() + second.resends(),
                    secondEvents.stream().filter(e -> e instanceof ControlEvent.CommandSent).limit(8)
                            .map(e -> ((ControlEvent.CommandSent) e).command().device() + "#" + ((ControlEvent.CommandSent) e).attempt()).toList(),
                    second.redispatchCount(), second.to(), second.summary());
            List<ControlEvent.CommandSent> sentAfter = secondEvents.stream().filter(e -> e instanceof ControlEvent.CommandSent)
                    .map(e -> (ControlEvent.CommandSent) e).toList();
            assertThat(sentAfter).as("nothing answered before the restart is sent again")
                    .noneMatch(s -> answeredSends.containsKey(s.command().id()));
            assertThat(sentAfter.getFirst().command().id()).as("the unanswered one first, under its id").isEqualTo(unanswered);
            assertThat(sentAfter.getFirst().attempt()).isEqualTo(2);
            for (Map.Entry<CommandId, Integer> e : answeredSends.entrySet()) {
                assertThat(store.command(e.getKey()).orElseThrow().sends()).as("sends of " + e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(store.command(unanswered).orElseThrow().sends()).isEqualTo(2);
            assertThat(store.acks(unanswered)).isNotEmpty();
            assertThat(second.commandsResumed()).as("every command still valid at the restart").isEqualTo(stillValid);
            assertThat(second.from()).as("the second center's report starts where the first stopped").isEqualTo(first.to());
            assertThat(second.to()).isEqualTo(problem.grid().endOf(interval + 1).plus(stopAfter));
            assertThat(secondEvents).anyMatch(e -> e instanceof ControlEvent.Redispatched r && r.redispatch().hasCause(Cause.Trigger.INTERVAL_START));
            assertEverythingKept(store, problem, firstEvents, secondEvents);
        }
        if (address.equals(MOSQUITTO)) { // a broker that outlives the test: take back the sites' retained statuses
            try (Wire wire = Wire.connect(address)) {
                problem.assets().forEach(a -> wire.publish(topics.status(a.id()), new byte[0], true));
            }
        }
    }

    /** The store holds every observation, command (with its sends), ack and alarm both centers saw and made. */
    private static void assertEverythingKept(Store store, PlanningProblem problem, List<ControlEvent> first, List<ControlEvent> second) {
        List<ControlEvent> all = new ArrayList<>(first);
        all.addAll(second);
        Set<String> telemetry = new HashSet<>();
        Set<String> readings = new HashSet<>();
        Map<CommandId, Integer> sends = new HashMap<>();
        Map<CommandId, Set<Ack.Status>> acks = new HashMap<>();
        List<Alarm> alarms = new ArrayList<>();
        for (ControlEvent e : all) {
            switch (e) {
                case ControlEvent.TelemetryAccepted t -> telemetry.add(t.telemetry().device() + "@" + t.telemetry().time());
                case ControlEvent.DemandAccepted d -> readings.add(d.reading().endUser() + "@" + d.reading().time());
                case ControlEvent.CommandSent s -> sends.merge(s.command().id(), 1, Integer::sum);
                case ControlEvent.AckReceived a -> acks.computeIfAbsent(a.ack().command(), id -> new HashSet<>()).add(a.ack().status());
                case ControlEvent.AlarmRaised a -> alarms.add(a.alarm());
                default -> { }
            }
        }
        Set<String> storedTelemetry = new HashSet<>();
        for (Asset asset : problem.assets()) {
            store.telemetry(asset.id(), Instant.EPOCH, Instant.MAX).forEach(t -> storedTelemetry.add(asset.id() + "@" + t.telemetry().time()));
        }
        assertThat(storedTelemetry).as("observations").isEqualTo(telemetry).isNotEmpty();
        Set<String> storedReadings = new HashSet<>();
        for (var endUser : problem.endUsers()) {
            EndUserId id = endUser.id();
            store.meterReadings(id, Instant.EPOCH, Instant.MAX).forEach(r -> storedReadings.add(id + "@" + r.time()));
        }
        assertThat(storedReadings).as("meter readings").isEqualTo(readings).isNotEmpty();
        sends.forEach((id, n) -> assertThat(store.command(id).map(StoredCommand::sends)).as("sends of " + id).contains(n));
        acks.forEach((id, statuses) -> assertThat(store.acks(id)).extracting(Ack::status).as("acks of " + id).containsAll(statuses));
        List<org.gridfleet.store.Alarm> storedAlarms = storedAlarms(store);
        assertThat(storedAlarms).as("alarms").hasSameSizeAs(alarms);
        for (Alarm a : alarms) {
            assertThat(storedAlarms).anyMatch(s -> s.kind().equals(a.kind().name()) && s.subject().equals(a.subject()));
        }
    }

    /** Every alarm in the store: its ids are generated from 1 up in a new database. */
    private static List<org.gridfleet.store.Alarm> storedAlarms(Store store) {
        List<org.gridfleet.store.Alarm> alarms = new ArrayList<>();
        for (long id = 1, misses = 0; misses < 20; id++) {
            Optional<org.gridfleet.store.Alarm> alarm = store.alarm(id);
            if (alarm.isPresent()) {
                alarms.add(alarm.get());
                misses = 0;
            } else {
                misses++;
            }
        }
        return alarms;
    }

    // ---- wiring ---------------------------------------------------------------------------------------------

    private Plant open(PlanningProblem problem, BrokerAddress address, FieldOptions fieldOptions, double speed, String name) {
        SimulatedField.Settings settings = SimulatedField.Settings.defaults(7).withField(fieldOptions).withSpeed(speed)
                .withReportEvery(Duration.ofSeconds(Math.max(5, Math.round(speed * 0.1)))).withMeterEvery(Duration.ofMinutes(15));
        Topics topics = new Topics("gridfleet-test/" + name + "-" + UUID.randomUUID().toString().substring(0, 8));
        return Plant.open(problem, new BrokerSettings.External(address), StoreSettings.h2File(dir.resolve(name).resolve("gridfleet")),
                settings.withLink(settings.link().withTopics(topics)));
    }

    private static Center start(Plant plant, PlanningProblem problem, double speed, org.gridfleet.control.ControlListener listener) {
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        plant.select(plan, Optional.empty(), "test", "the merit-order plan");
        return plant.startCenter(LiveRun.controlOptions(speed), listener);
    }

    private static Optional<Redispatch> redispatch(ControlCenter center, Cause.Trigger trigger, AssetId device) {
        return center.report().redispatches().stream().filter(r -> hasCause(r, trigger, device)).findFirst();
    }

    private static boolean hasCause(Redispatch r, Cause.Trigger trigger, AssetId device) {
        return r.causes().stream().anyMatch(c -> c.trigger() == trigger && c.subject().equals(device.value()));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(20); // polling the network's effect, not waiting out simulated time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    private static boolean answers(BrokerAddress address) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.host(), address.port()), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A bare MQTT client for what no site or center would send: a replayed ack, a command published by hand. comm
     * wraps its client in links with rules; here the test speaks on the wire directly, with comm's own codec.
     */
    private record Wire(Mqtt5BlockingClient client) implements AutoCloseable {
        static Wire connect(BrokerAddress address) {
            Mqtt5BlockingClient client = MqttClient.builder().useMqttVersion5().identifier("gridfleet-test-wire-" + UUID.randomUUID())
                    .serverHost(address.host()).serverPort(address.port()).buildBlocking();
            client.connect();
            return new Wire(client);
        }

        void publish(String topic, byte[] payload, boolean retain) {
            client.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).retain(retain).payload(payload).send();
        }

        @Override
        public void close() {
            client.disconnect();
        }
    }
}
