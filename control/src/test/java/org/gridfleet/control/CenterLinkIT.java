package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.testkit.Assets.generator;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.gridfleet.comm.broker.EmbeddedBroker;
import org.gridfleet.comm.mqtt.CenterLink;
import org.gridfleet.comm.mqtt.LinkOptions;
import org.gridfleet.comm.mqtt.SiteLink;
import org.gridfleet.comm.protocol.CommandDecision;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.comm.protocol.Topics;
import org.gridfleet.control.CommandBook.State;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.sim.Field;
import org.gridfleet.sim.FieldOptions;
import org.gridfleet.sim.SimClock;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The control center over a real broker (comm's embedded HiveMQ CE on loopback), its commands going out through
 * {@link CenterLinkSink} and the acks coming back through its {@link org.gridfleet.comm.mqtt.CenterHandler}:
 * <pre>
 *   ControlCenter ── CenterLinkSink ── CenterLink ──┐            ┌── SiteLink G1 ── sim controller G1
 *        ▲                                          ├── broker ──┤
 *        └──────── status, telemetry, acks ─────────┘            └── SiteLink G2 ── sim controller G2
 * </pre>
 * The center runs on the system clock; the sites' sim controllers on a simulated clock started at the same instant
 * and stepped by hand.
 */
class CenterLinkIT {
    static final Duration WAIT = Duration.ofSeconds(15);
    static final AssetId G1 = AssetId.of("G1");
    static final AssetId G2 = AssetId.of("G2");

    private static EmbeddedBroker broker;
    private final List<AutoCloseable> toClose = new ArrayList<>();

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

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    @Test
    void aCommandGoesOutOverTheBrokerAndItsAcksComeBackIntoTheCommandBook() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        PlanningProblem problem = ProblemBuilder.on("over the broker", new TimeGrid(start, Duration.ofMinutes(15), 4))
                .add(generator("G1", DeviceType.RECIPROCATING_ENGINE, 600, 150, new CostCurve.Quadratic(0, 0.10, 0)))
                .add(generator("G2", DeviceType.MICROTURBINE, 400, 80, new CostCurve.Quadratic(0, 0.14, 0)))
                .demand("EU-1", 700, 700, 700, 700)
                .build();
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
        Field field = new Field(problem, FieldOptions.exact(), new SimClock(Instant.now()));
        LinkOptions options = LinkOptions.defaults()
                .withTopics(new Topics("gridfleet-it/" + UUID.randomUUID().toString().substring(0, 8)))
                .withReconnect(Duration.ofMillis(100), Duration.ofSeconds(1))
                .withConnectTimeout(Duration.ofSeconds(10))
                .withSessionExpiry(Duration.ofSeconds(30));

        List<ControlEvent> events = new CopyOnWriteArrayList<>();
        CenterLinkSink sink = new CenterLinkSink();
        ControlCenter center = new ControlCenter(problem, plan, InstantSource.system(), sink, ControlOptions.defaults(), events::add);
        CenterLink link = CenterLink.connect(broker.address(), center, options);
        toClose.add(link);
        sink.attach(link);
        List<SiteLink> sites = new ArrayList<>();
        for (Asset asset : problem.assets()) { // each site hands new commands to its device's sim controller
            SiteLink site = SiteLink.connect(broker.address(), asset.id(), command -> CommandDecision.of(field.send(command.command())), options);
            toClose.add(site);
            sites.add(site);
        }
        await("both sites online at the center", () -> problem.assets().stream()
                .allMatch(a -> center.live().status(a.id()).map(SiteStatus::isOnline).orElse(false)));
        Instant measured = Instant.now();
        for (SiteLink site : sites) {
            site.publish(field.controller(site.device()).telemetry(measured));
        }
        await("both devices' telemetry at the center", () -> center.live().telemetry(G1).isPresent() && center.live().telemetry(G2).isPresent());

        center.tick();

        Command toG1 = center.currentCommand(G1).orElseThrow().command();
        assertThat(toG1.setpointKw()).isEqualTo(plan.schedule(G1).orElseThrow().powerKw().get(0)); // 600 kW
        assertThat(toG1.validUntil()).isEqualTo(start.plus(Duration.ofMinutes(16)));
        await("G1's command accepted", () -> center.command(toG1.id()).orElseThrow().state() == State.ACCEPTED);
        await("the broker routed it", () -> center.command(toG1.id()).orElseThrow().delivery().orElse(null) instanceof SendOutcome.Delivered);

        field.step(Duration.ofSeconds(90)); // the engine starts and ramps to its set point; DONE goes back through its site
        for (Ack done : field.drainAcks()) {
            sites.stream().filter(s -> s.device().equals(done.device())).findFirst().orElseThrow().acknowledge(done);
        }

        await("G1's command done", () -> center.command(toG1.id()).orElseThrow().state() == State.DONE);
        Command toG2 = center.currentCommand(G2).orElseThrow().command();
        await("G2's command done", () -> center.command(toG2.id()).orElseThrow().state() == State.DONE);
        assertThat(field.controller(G1).powerKw()).isEqualTo(toG1.setpointKw());
        assertThat(field.controller(G2).powerKw()).isEqualTo(toG2.setpointKw());

        // a resend under the same id over the wire: the site answers with its latest ack and does not apply it again
        sink.send(toG1);
        await("the resend answered", () -> center.report().duplicateAcks() >= 1);
        assertThat(center.command(toG1.id()).orElseThrow().state()).isEqualTo(State.DONE);
        assertThat(sites.getFirst().counters().duplicates()).isEqualTo(1);
        assertThat(events).anyMatch(e -> e instanceof ControlEvent.AckReceived a && a.outcome() == CommandBook.AckOutcome.DUPLICATE);
        assertThat(center.report().commandsAccepted()).isEqualTo(2);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10); // waiting for the network, not for simulated time
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
