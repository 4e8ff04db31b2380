package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.testkit.Assets.info;
import static org.gridfleet.testkit.Assets.storage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import org.gridfleet.control.DispatchInputs.Reach;
import org.gridfleet.control.dispatch.DispatchResult;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.sim.SimClock;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;

/**
 * The re-dispatch asks only for what the devices can physically give before the next dispatch that is sure to come
 * (the end of the interval), from where they stand now, and the alarm says by how much and why the rest is missing.
 * The center is fed telemetry by hand on a simulated clock, so every figure is worked out below.
 * <pre>
 *   G-A  reciprocating engine 300 kW, min  50 kW, 0.08 $/kWh, ramps 300 kW/min, running at 300 kW   (trips at 08:05)
 *   G-B  microturbine         500 kW, min 100 kW, 0.15 $/kWh, ramps  10 kW/min, running at the plan's set point
 *   G-C  fuel cell            200 kW, min  40 kW, 0.20 $/kWh, ramps  20 kW/min, off, starts in 30 min (slow)
 *   BAT-1 battery (some tests) 200 kW / 200 kWh
 *      │     │     │
 *   ───┴─────┴─────┴── B1 ── EU-1  D kW throughout (4 × 15 min from 08:00), islanded
 * </pre>
 * The merit order runs G-A at 300 kW and G-B at {@code D − 300}. At 08:05 G-A reports FAULT: 10 minutes are left in
 * the interval, so G-B can rise by at most 10 kW/min × 10 min = 100 kW by 08:15, and G-C cannot start before 08:35.
 */
class RampLimitedDispatchTest {
    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    static final Instant TRIP = START.plus(Duration.ofMinutes(5));
    static final double KW = 1e-3;
    static final AssetId A = AssetId.of("G-A");
    static final AssetId B = AssetId.of("G-B");
    static final AssetId C = AssetId.of("G-C");
    static final AssetId BAT = AssetId.of("BAT-1");

    static Generator engine(String id, DeviceType type, double ratedKw, double minKw, double rampKwPerMin, double startUpMinutes, double costPerKwh,
                            InitialState initial) {
        return new Generator(info(id, type, ratedKw), minKw, rampKwPerMin, rampKwPerMin, 0, 0, new StartUp(0, 0, 0, startUpMinutes), initial,
                new CostCurve.Quadratic(0, costPerKwh, 0), RunHourLimit.NONE, 0.5);
    }

    static final Generator GA = engine("G-A", DeviceType.RECIPROCATING_ENGINE, 300, 50, 300, 0, 0.08, new InitialState(true, 10, 300));
    static final Generator GC = engine("G-C", DeviceType.FUEL_CELL, 200, 40, 20, 30, 0.20, InitialState.LONG_OFF);

    static Generator gb(double initialKw) {
        return engine("G-B", DeviceType.MICROTURBINE, 500, 100, 10, 0, 0.15, new InitialState(true, 10, initialKw));
    }

    static PlanningProblem plant(double demandKw, boolean battery) {
        ProblemBuilder b = ProblemBuilder.on("ramps", new TimeGrid(START, Duration.ofMinutes(15), 4)).add(GA).add(gb(demandKw - 300)).add(GC);
        if (battery) {
            b.add(storage("BAT-1", DeviceType.BATTERY, 200, 200, 0.5));
        }
        return b.demand("EU-1", demandKw, demandKw, demandKw, demandKw).build();
    }

    static Telemetry telemetry(AssetId id, Instant time, double powerKw, OperatingState state) {
        return new Telemetry(id, time, powerKw, OptionalDouble.empty(), state);
    }

    /** A center on {@code problem}'s merit-order plan, fed by hand; every command is recorded and accepted at once. */
    static final class Plant {
        final SimClock clock = new SimClock(START);
        final List<Command> sent = new ArrayList<>();
        final List<Ack> acks = new ArrayList<>();
        final PlanningProblem problem;
        final DispatchPlan plan;
        final ControlCenter center;

        Plant(PlanningProblem problem) {
            this.problem = problem;
            this.plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
            CommandSink sink = command -> {
                sent.add(command);
                acks.add(new Ack(command.id(), command.device(), Ack.Status.ACCEPTED, "", command.validFrom()));
                return CompletableFuture.completedFuture(SendOutcome.DELIVERED);
            };
            this.center = new ControlCenter(problem, plan, clock, sink, ControlOptions.defaults().withoutReplanning(), ControlListener.NONE);
        }

        /** At 08:00 every unit reports what the plan starts from, the battery its state of charge; the first dispatch. */
        Plant started(double batterySoc) {
            center.telemetry(telemetry(A, START, 300, OperatingState.RUNNING));
            center.telemetry(telemetry(B, START, plan.schedule(B).orElseThrow().powerKw().get(0), OperatingState.RUNNING));
            center.telemetry(telemetry(C, START, 0, OperatingState.STOPPED));
            if (problem.assets().stream().anyMatch(a -> a.id().equals(BAT))) {
                center.telemetry(new Telemetry(BAT, START, 0, OptionalDouble.of(batterySoc), OperatingState.STOPPED));
            }
            tick();
            return this;
        }

        /** At 08:05 G-A reports FAULT and G-B still gives what it gave; the re-dispatch that follows. */
        Redispatch trip() {
            clock.advanceTo(TRIP);
            center.telemetry(telemetry(A, TRIP, 0, OperatingState.FAULT));
            center.telemetry(telemetry(B, TRIP, plan.schedule(B).orElseThrow().powerKw().get(0), OperatingState.RUNNING));
            tick();
            Redispatch r = center.lastDispatch().orElseThrow();
            assertThat(r.hasCause(Cause.Trigger.DEVICE_DOWN)).isTrue();
            return r;
        }

        void tick() {
            center.tick();
            List<Ack> answers = List.copyOf(acks);
            acks.clear();
            answers.forEach(center::ack);
        }

        double lastSetpointKw(AssetId id) {
            return sent.stream().filter(c -> c.device().equals(id)).reduce((x, y) -> y).orElseThrow().setpointKw();
        }
    }

    @Test
    void aTripWhileTheOtherUnitRampsAsksOnlyForWhatItCanReachAndTheAlarmSaysTheRest() {
        Plant p = new Plant(plant(400, false)).started(0);
        assertThat(p.lastSetpointKw(B)).as("the plan: G-A 300 kW, G-B 100 kW").isCloseTo(100, within(KW));

        Redispatch r = p.trip();

        // G-B from its measured 100 kW, 10 kW/min for the 10 minutes to 08:15: 200 kW; 400 − 200 = 200 kW short
        assertThat(r.result().setpointKw(B)).isCloseTo(200, within(KW));
        assertThat(p.lastSetpointKw(B)).isCloseTo(200, within(KW));
        assertThat(r.result().devicesKw()).isCloseTo(200, within(KW));
        assertThat(r.result().shortKw()).isCloseTo(200, within(KW));
        assertThat(r.result().lastingShortKw()).as("G-B alone can give 500 kW once it has ramped").isZero();
        assertThat(r.result().started()).as("the slow fuel cell is not needed for later").isEmpty();
        Alarm alarm = p.center.activeAlarm(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT).orElseThrow();
        assertThat(alarm.missingKw()).hasValueCloseTo(200.0, within(KW));
        assertThat(alarm.message())
                .contains("can give now, 200.0 kW: short by 200.0 kW")
                .contains("none of it lasts once the units ramping and starting are up")
                .contains("G-B ramping: can reach 200.0 kW of its 500.0 kW by 2026-11-23T08:15:00Z (from 100.0 kW measured, at 10.0 kW/min)")
                .contains("G-A unavailable (reports FAULT): 300.0 kW");

        // the next interval: from 200 kW, 15 minutes at 10 kW/min would reach 350 kW; 400 − ... needs only 400: capped at 350
        p.clock.advanceTo(START.plus(Duration.ofMinutes(15)));
        p.center.telemetry(telemetry(B, p.clock.instant(), 200, OperatingState.RUNNING));
        p.tick();
        assertThat(p.center.lastDispatch().orElseThrow().result().setpointKw(B)).isCloseTo(350, within(KW));
        assertThat(p.center.activeAlarm(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT).orElseThrow().missingKw()).hasValueCloseTo(50.0, within(KW));
    }

    @Test
    void storageCoversTheRampGapWhenItHasEnergy() {
        PlanningProblem problem = plant(400, true);
        Plant p = new Plant(problem).started(0.5);
        assertThat(p.plan.schedule(BAT).orElseThrow().powerKw().get(0)).as("the plan leaves the battery idle").isZero();

        Redispatch r = p.trip();

        // G-B 200 kW (its ramp), the battery the other 200 kW: 100 kWh left would last 30 min at 200 kW, more than the 10 left
        assertThat(r.result().setpointKw(B)).isCloseTo(200, within(KW));
        assertThat(r.result().setpointKw(BAT)).isCloseTo(200, within(KW));
        assertThat(r.result().meetsDemand()).isTrue();
        assertThat(p.center.activeAlarm(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT)).isEmpty();
    }

    @Test
    void anEmptyStoreCannotCoverTheRampGap() {
        Plant p = new Plant(plant(400, true)).started(0);

        Redispatch r = p.trip();

        assertThat(r.result().setpointKw(BAT)).as("soc 0: nothing to give").isZero();
        assertThat(r.result().shortKw()).isCloseTo(200, within(KW));
        assertThat(p.center.activeAlarm(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT)).isPresent();
    }

    @Test
    void aSlowStartUnitIsStartedForLaterWhenTheShortfallLastsAndTheAlarmSaysWhenItGives() {
        Plant p = new Plant(plant(700, false)).started(0);
        assertThat(p.lastSetpointKw(B)).as("the plan: G-A 300 kW, G-B 400 kW").isCloseTo(400, within(KW));

        Redispatch r = p.trip();

        // G-B from 400 kW reaches its 500 kW rating by 08:15; 700 − 500 = 200 kW short, and it lasts: G-C must start,
        // but its 30-minute start-up ends at 08:35, so it gives nothing in this interval
        assertThat(r.result().setpointKw(B)).isCloseTo(500, within(KW));
        assertThat(r.result().shortKw()).isCloseTo(200, within(KW));
        assertThat(r.result().started()).containsExactly(C);
        assertThat(r.result().starting()).containsExactly(C);
        assertThat(r.result().setpointKw(C)).as("told to start: its minimum stable power").isCloseTo(40, within(KW));
        assertThat(r.result().devicesKw()).as("it counts for nothing yet").isCloseTo(500, within(KW));
        assertThat(r.result().lastingShortKw()).as("its 200 kW cover the rest once it has started and ramped").isZero();
        assertThat(p.lastSetpointKw(C)).isCloseTo(40, within(KW));
        assertThat(p.center.activeAlarm(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT).orElseThrow().message())
                .contains("short by 200.0 kW")
                .contains("G-C starting: gives nothing before 2026-11-23T08:35:00Z (start-up 30.0 min), started now for later");
    }

    @Test
    void aUnitThatStartsInTimeGivesItsMinimumAfterItsStartUpThenRamps() {
        Generator fast = engine("G-C", DeviceType.FUEL_CELL, 200, 40, 20, 5, 0.20, InitialState.LONG_OFF);
        Telemetry stopped = telemetry(C, TRIP, 0, OperatingState.STOPPED);

        Reach reach = DispatchInputs.reach(fast, 200, stopped, null, null, 0, TRIP, TRIP.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5));

        // ready at 08:10, then 20 kW/min for the 5 minutes left: 40 + 100 = 140 kW by 08:15
        assertThat(reach.ready()).isTrue();
        assertThat(reach.readyAt()).isEqualTo(TRIP.plus(Duration.ofMinutes(5)));
        assertThat(reach.lowKw()).isCloseTo(40, within(KW));
        assertThat(reach.highKw()).isCloseTo(140, within(KW));

        // G-C (30 min) reporting half its minimum while starting has 15 minutes of its start-up left: too late for 08:15
        Reach starting = DispatchInputs.reach(GC, 200, telemetry(C, TRIP, 20, OperatingState.STARTING), 40.0, null, 0, TRIP,
                TRIP.plus(Duration.ofMinutes(10)), Duration.ofMinutes(5));
        assertThat(starting.ready()).isFalse();
        assertThat(starting.readyAt()).isEqualTo(TRIP.plus(Duration.ofMinutes(15)));
    }

    @Test
    void measuredOutputIsWhereTheRampStartsWhenFreshTheSetPointWhenStale() {
        Generator b = gb(100);
        Instant end = TRIP.plus(Duration.ofMinutes(10));
        Duration maxAge = Duration.ofMinutes(5);

        // fresh: measured 150 kW now, though its set point is 100 kW: 150 ± 10 kW/min × 10 min
        Reach fresh = DispatchInputs.reach(b, 500, telemetry(B, TRIP, 150, OperatingState.RUNNING), 100.0, null, 0, TRIP, end, maxAge);
        assertThat(fresh.basis()).isEqualTo("measured");
        assertThat(fresh.fromKw()).isCloseTo(150, within(KW));
        assertThat(fresh.lowKw()).isCloseTo(100, within(KW)); // 150 − 100 = 50, held at its 100 kW minimum
        assertThat(fresh.highKw()).isCloseTo(250, within(KW));

        // a minute old: it has moved 10 kW toward its set point since, 140 kW now
        Reach aMinuteOld = DispatchInputs.reach(b, 500, telemetry(B, TRIP.minusSeconds(60), 150, OperatingState.RUNNING), 100.0, null, 0, TRIP,
                end, maxAge);
        assertThat(aMinuteOld.fromKw()).isCloseTo(140, within(KW));
        assertThat(aMinuteOld.highKw()).isCloseTo(240, within(KW));

        // stale (6 minutes old): the set point in force, 100 kW, stands in
        Reach stale = DispatchInputs.reach(b, 500, telemetry(B, TRIP.minusSeconds(360), 150, OperatingState.RUNNING), 100.0, null, 0, TRIP,
                end, maxAge);
        assertThat(stale.basis()).isEqualTo("set point in force");
        assertThat(stale.fromKw()).isCloseTo(100, within(KW));
        assertThat(stale.highKw()).isCloseTo(200, within(KW));
    }

    @Test
    void aStaleUnitInTheCenterRampsFromItsSetPointAndTheDispatchSaysSo() {
        Plant p = new Plant(plant(400, false)).started(0);

        // 08:07: G-A trips; G-B's last telemetry is from 08:00 (7 minutes old), so its set point of 100 kW stands in
        p.clock.advanceTo(START.plus(Duration.ofMinutes(7)));
        p.center.telemetry(telemetry(A, p.clock.instant(), 0, OperatingState.FAULT));
        p.tick();

        DispatchResult r = p.center.lastDispatch().orElseThrow().result();
        assertThat(r.setpointKw(B)).as("100 + 10 kW/min × 8 min").isCloseTo(180, within(KW));
        assertThat(p.center.lastDispatch().orElseThrow().notes()).anyMatch(n -> n.startsWith("2 generators without telemetry of the last 5 min"));
    }
}
