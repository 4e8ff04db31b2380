package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.control.CommandBook.State;
import org.gridfleet.ingest.Rule;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.control.Ack;
import org.gridfleet.model.control.Command;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.problem.PlanningProblem;
import org.junit.jupiter.api.Test;

/**
 * The control center running sim's field in-process ({@link FieldLoop}) on simulated time, on the plants of
 * {@link ControlFleets}. Every figure comes from the field's own physics, not from the center's view of it.
 */
class ControlCenterTest {
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    static final double KW = 1e-3;
    static final AssetId G1 = AssetId.of("G1");
    static final AssetId G2 = AssetId.of("G2");
    static final AssetId G3 = AssetId.of("G3");
    static final AssetId PV = AssetId.of("PV-1");
    static final AssetId BAT = AssetId.of("BAT-1");

    static Command only(List<Command> commands) {
        assertThat(commands).hasSize(1);
        return commands.getFirst();
    }

    @Test
    void thePlansSetPointsAreSentAtIntervalStartAndTheFieldFollowsThem() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());

        loop.step(TEN_SECONDS);

        Instant until = ControlFleets.START.plus(Duration.ofMinutes(16));
        Command g1 = only(loop.sentTo(G1));
        assertThat(g1.setpointKw()).isCloseTo(loop.plan.schedule(G1).orElseThrow().powerKw().get(0), within(KW)).isCloseTo(570, within(KW));
        assertThat(g1.validFrom()).isEqualTo(ControlFleets.START);
        assertThat(g1.validUntil()).isEqualTo(until);
        assertThat(only(loop.sentTo(G2)).setpointKw()).isCloseTo(loop.plan.schedule(G2).orElseThrow().powerKw().get(0), within(KW));
        assertThat(only(loop.sentTo(BAT)).setpointKw()).isCloseTo(loop.plan.schedule(BAT).orElseThrow().powerKw().get(0), within(KW));
        assertThat(only(loop.sentTo(PV)).setpointKw()).as("not curtailed: full output, whatever the weather").isEqualTo(200);
        assertThat(loop.sentTo(G3)).as("stays stopped: no command needed").isEmpty();
        assertThat(loop.lastRedispatch().hasCause(Cause.Trigger.START)).isTrue();
        assertThat(loop.lastRedispatch().notes()).anyMatch(n -> n.startsWith("2 of 2 meters without a reading in this interval"));

        loop.run(Duration.ofMinutes(5), TEN_SECONDS);

        assertThat(loop.field.controller(G1).powerKw()).isCloseTo(570, within(KW));
        assertThat(loop.field.controller(G2).powerKw()).isCloseTo(80, within(KW));
        assertThat(loop.field.controller(PV).powerKw()).isCloseTo(150, within(KW));
        assertThat(loop.field.totalPowerKw()).isGreaterThanOrEqualTo(loop.field.totalDemandKw() - KW);
        assertThat(loop.center.currentCommand(G1).orElseThrow().state()).isEqualTo(State.DONE);
        assertThat(loop.redispatches()).hasSize(1); // nothing happened that needed another
    }

    @Test
    void theNextIntervalGetsItsOwnSetPoints() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());

        loop.run(Duration.ofMinutes(16), TEN_SECONDS);

        Redispatch second = loop.redispatches().get(1);
        assertThat(second.hasCause(Cause.Trigger.INTERVAL_START)).isTrue();
        assertThat(second.intervalStart()).isEqualTo(ControlFleets.START.plus(ControlFleets.STEP));
        assertThat(second.demandKw()).as("the new interval's forecast: the readings are of the last one").isCloseTo(850, within(KW));
        assertThat(loop.field.controller(G1).powerKw() + loop.field.controller(G2).powerKw()).isCloseTo(700, within(KW));
        assertThat(loop.sentTo(G1)).hasSize(2);
    }

    @Test
    void aTrippedGeneratorIsCoveredByTheRestOfTheFleet() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());
        loop.run(Duration.ofMinutes(2), TEN_SECONDS);

        loop.field.trip(G1);
        loop.run(Duration.ofSeconds(20), TEN_SECONDS);

        Redispatch after = loop.redispatches().stream().filter(r -> r.hasCause(Cause.Trigger.DEVICE_DOWN)).findFirst().orElseThrow();
        assertThat(after.causes()).anyMatch(c -> c.subject().equals("G1"));
        assertThat(after.result().setpointsKw()).doesNotContainKey(G1);
        assertThat(after.result().meetsDemand()).isTrue();
        assertThat(loop.center.activeAlarm(Alarm.Kind.DEVICE_FAULT, "G1")).isPresent();

        loop.run(Duration.ofMinutes(8), TEN_SECONDS); // the fuel cell needs 5 minutes to start

        assertThat(loop.field.controller(G1).powerKw()).isZero();
        assertThat(loop.field.controller(G3).powerKw()).isPositive();
        assertThat(loop.field.totalPowerKw()).as("the field's real output").isGreaterThanOrEqualTo(loop.field.totalDemandKw() - KW);
    }

    @Test
    void aSiteGoingOfflineIsLeftOutAndRedispatchedAndComesBack() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus(), ControlOptions.defaults().withoutReplanning());
        loop.run(Duration.ofMinutes(1), TEN_SECONDS);
        Instant connected = ControlFleets.START.minus(Duration.ofHours(1));

        loop.center.status(SiteStatus.lost(G2, connected));
        loop.step(TEN_SECONDS);

        Redispatch r = loop.lastRedispatch();
        assertThat(r.hasCause(Cause.Trigger.SITE_OFFLINE)).isTrue();
        assertThat(r.result().setpointsKw()).doesNotContainKey(G2);
        assertThat(r.result().devicesKw()).isGreaterThanOrEqualTo(800 - KW); // G1 600 + PV 150 + battery 50
        assertThat(r.result().setpointKw(BAT)).isCloseTo(50, within(KW));
        assertThat(loop.center.activeAlarm(Alarm.Kind.DEVICE_OFFLINE, "G2").orElseThrow().message()).contains("connection lost");

        loop.center.status(SiteStatus.online(G2, ControlFleets.START.plus(Duration.ofMinutes(2))));
        loop.step(TEN_SECONDS);

        assertThat(loop.lastRedispatch().hasCause(Cause.Trigger.SITE_ONLINE)).isTrue();
        assertThat(loop.lastRedispatch().result().setpointsKw()).containsKey(G2);
        assertThat(loop.center.activeAlarm(Alarm.Kind.DEVICE_OFFLINE, "G2")).isEmpty();
    }

    @Test
    void demandJumpingBeyondTheThresholdIsRedispatched() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());
        loop.run(Duration.ofMinutes(2), TEN_SECONDS);
        int before = loop.redispatches().size();

        loop.demandFactor = 0.95; // 5 % less: within 10 %, and the set points still cover it
        loop.run(Duration.ofSeconds(30), TEN_SECONDS);
        assertThat(loop.redispatches()).hasSize(before);

        loop.demandFactor = 1.05; // 5 % more: within 10 %, but the set points no longer cover it
        loop.run(Duration.ofSeconds(20), TEN_SECONDS);
        assertThat(loop.redispatches()).hasSize(before + 1);
        assertThat(loop.lastRedispatch().causes().getFirst().detail()).isEqualTo("demand 840.0 kW is above the 800.0 kW the set points in force give");
        before = loop.redispatches().size();

        loop.demandFactor = 1.3;
        loop.run(Duration.ofSeconds(20), TEN_SECONDS);

        Redispatch r = loop.lastRedispatch();
        assertThat(loop.redispatches()).hasSize(before + 1);
        assertThat(r.hasCause(Cause.Trigger.DEMAND_DEVIATION)).isTrue();
        assertThat(r.demandKw()).isCloseTo(1040, within(KW));
        assertThat(r.result().devicesKw()).isGreaterThanOrEqualTo(1040 - KW);

        loop.run(Duration.ofMinutes(2), TEN_SECONDS);
        assertThat(loop.field.totalPowerKw()).isGreaterThanOrEqualTo(loop.demandKw() - KW);
    }

    @Test
    void aFleetTooSmallRaisesAnAlarmSayingByHowManyKw() {
        FieldLoop loop = new FieldLoop(ControlFleets.tooSmall());

        loop.step(TEN_SECONDS);

        Alarm alarm = loop.center.activeAlarm(Alarm.Kind.DEMAND_NOT_MET, Alarm.PLANT).orElseThrow();
        assertThat(alarm.severity()).isEqualTo(Alarm.Severity.CRITICAL);
        assertThat(alarm.missingKw()).isEqualTo(OptionalDouble.of(600));
        assertThat(alarm.message()).contains("demand 1500.0 kW").contains("can give now, 900.0 kW").contains("short by 600.0 kW");
        assertThat(loop.lastRedispatch().result().setpointsKw()).containsEntry(AssetId.of("G-A"), 600.0).containsEntry(AssetId.of("G-B"), 300.0);

        loop.run(Duration.ofMinutes(10), TEN_SECONDS);
        ControlReport report = loop.center.report();
        double hours = Duration.between(report.from(), report.to()).toSeconds() / 3600.0;
        // at least the 600 kW missing throughout; more while the engines ramp up in the first minute
        assertThat(report.unservedKwh()).isBetween(600 * hours, 600 * hours + 1500 / 60.0);
    }

    @Test
    void aDuplicateOrLateAckChangesNothing() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());
        loop.run(Duration.ofMinutes(2), TEN_SECONDS);
        CommandBook.TrackedCommand g1 = loop.center.currentCommand(G1).orElseThrow();
        assertThat(g1.state()).isEqualTo(State.DONE);
        int redispatches = loop.redispatches().size();
        int sent = loop.sent.size();

        Instant now = loop.field.now();
        loop.center.ack(new Ack(g1.id(), G1, Ack.Status.ACCEPTED, "", now)); // late: it is DONE already
        loop.center.ack(new Ack(g1.id(), G1, Ack.Status.DONE, "", now));     // duplicate
        loop.run(Duration.ofSeconds(30), TEN_SECONDS);

        assertThat(loop.center.currentCommand(G1).orElseThrow().state()).isEqualTo(State.DONE);
        assertThat(loop.redispatches()).hasSize(redispatches);
        assertThat(loop.sent).hasSize(sent);
        ControlReport report = loop.center.report();
        assertThat(report.lateAcks()).isEqualTo(1);
        assertThat(report.duplicateAcks()).isEqualTo(1);
        assertThat(loop.center.activeAlarms()).isEmpty();
    }

    @Test
    void aRejectedCommandIsRedispatchedWithoutThatDevice() {
        FieldLoop loop = new FieldLoop(ControlFleets.slowStarter());
        AssetId slow = AssetId.of("G-SLOW");
        AssetId fast = AssetId.of("G-FAST");

        loop.step(TEN_SECONDS);
        assertThat(only(loop.sentTo(slow)).setpointKw()).isCloseTo(400, within(KW)); // the plan's, which ignores minimum down times
        assertThat(loop.center.currentCommand(slow).orElseThrow().state()).isEqualTo(State.REJECTED);
        loop.step(TEN_SECONDS);

        Redispatch r = loop.lastRedispatch();
        assertThat(r.hasCause(Cause.Trigger.COMMAND_REJECTED)).isTrue();
        assertThat(r.result().setpointsKw()).doesNotContainKey(slow);
        assertThat(r.result().started()).containsExactly(fast);
        assertThat(r.result().setpointKw(fast)).isCloseTo(400, within(KW));
        assertThat(loop.center.activeAlarm(Alarm.Kind.COMMAND_REJECTED, "G-SLOW").orElseThrow().message()).contains("cannot start before");
        assertThat(loop.center.excluded()).containsKey(slow);

        loop.run(Duration.ofMinutes(2), TEN_SECONDS);
        assertThat(loop.field.totalPowerKw()).isGreaterThanOrEqualTo(400 - KW);
        assertThat(loop.sentTo(slow)).as("not asked again within the interval").hasSize(1);
    }

    @Test
    void anUnansweredCommandIsResentOnceWithTheSameIdThenAlarmed() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus(), ControlOptions.defaults().withoutReplanning());
        loop.acksLost.add(G2);
        Duration five = Duration.ofSeconds(5);

        loop.run(Duration.ofSeconds(15), five); // ticks at 0, 5 and 10 s: sent, waiting, resent
        assertThat(loop.sentTo(G2)).hasSize(2);
        assertThat(loop.sentTo(G2).get(1)).isEqualTo(loop.sentTo(G2).get(0)); // the same command: id, set point, validity

        loop.run(Duration.ofSeconds(15), five); // 15, 20 (given up), 25

        assertThat(loop.center.currentCommand(G2).orElseThrow().state()).isEqualTo(State.NO_ANSWER);
        assertThat(loop.center.activeAlarm(Alarm.Kind.NO_ACK, "G2").orElseThrow().message()).contains("and resent at");
        assertThat(loop.center.excluded()).containsKey(G2);
        Redispatch r = loop.lastRedispatch();
        assertThat(r.hasCause(Cause.Trigger.NO_ACK)).isTrue();
        assertThat(r.result().setpointsKw()).doesNotContainKey(G2);
        assertThat(loop.center.report().resends()).isEqualTo(1);
        assertThat(loop.center.report().commandsUnanswered()).isEqualTo(1);
    }

    @Test
    void badTelemetryIsCountedAndNeverApplied() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());
        loop.run(Duration.ofMinutes(1), TEN_SECONDS);
        Instant now = loop.field.now();
        Telemetry kept = loop.center.live().telemetry(G1).orElseThrow();
        int redispatches = loop.redispatches().size();

        loop.center.telemetry(new Telemetry(AssetId.of("G9"), now, 100, OptionalDouble.empty(), OperatingState.RUNNING));
        loop.center.telemetry(new Telemetry(G1, now.minusSeconds(30), 0, OptionalDouble.empty(), OperatingState.FAULT)); // late
        loop.center.telemetry(new Telemetry(G1, now.plusSeconds(1), -40, OptionalDouble.empty(), OperatingState.RUNNING));
        loop.center.telemetry(new Telemetry(G1, now.plusSeconds(3600), 0, OptionalDouble.empty(), OperatingState.FAULT));
        loop.center.rejected(new Rejection("gridfleet/devices/G1/telemetry", Rejection.Reason.SPOOFED_ID,
                "\"device\" is G2, the topic's device is G1: a device may only report for itself"));
        loop.center.tick();

        assertThat(loop.center.live().telemetry(G1)).contains(kept);
        assertThat(loop.redispatches()).as("a refused FAULT trips nothing").hasSize(redispatches);
        ControlReport report = loop.center.report();
        assertThat(report.rejectedByRule()).containsEntry(Rule.UNKNOWN_ID, 1L).containsEntry(Rule.ORDER, 1L)
                .containsEntry(Rule.RANGE, 1L).containsEntry(Rule.CLOCK_SKEW, 1L);
        assertThat(report.refusedByComm()).containsEntry(Rejection.Reason.SPOOFED_ID, 1L);
        assertThat(loop.events).filteredOn(e -> e instanceof ControlEvent.ValueRejected).hasSize(4);
        assertThat(loop.events).filteredOn(e -> e instanceof ControlEvent.MessageRefused).hasSize(1);
    }

    @Test
    void losingAQuarterOfThePlannedCapacityReplansTheRestOfTheHorizon() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());
        loop.run(Duration.ofMinutes(2), TEN_SECONDS);

        loop.field.trip(G1);
        loop.run(Duration.ofSeconds(20), TEN_SECONDS);

        List<Replan> replans = loop.center.report().replans();
        assertThat(replans).hasSize(1);
        Replan replan = replans.getFirst();
        assertThat(replan.reason()).isEqualTo(Replan.Reason.LOST_CAPACITY);
        assertThat(replan.why()).contains("(G1)").contains("600.0 kW of the 1150.0 kW");
        assertThat(replan.from()).isEqualTo(ControlFleets.START);
        assertThat(replan.plan().grid().intervals()).isEqualTo(8);
        assertThat(replan.plan().schedule(G1).orElseThrow().powerKw().max()).isZero();
        assertThat(replan.plan().schedule(G3).orElseThrow().committed()).contains(true); // the fuel cell stands in
        assertThat(loop.center.plan()).isSameAs(replan.plan());
        assertThat(loop.events).anyMatch(e -> e instanceof ControlEvent.Replanned);
        assertThat(loop.redispatches()).anyMatch(r -> r.hasCause(Cause.Trigger.REPLANNED));

        loop.field.repair(G1);
        loop.run(Duration.ofSeconds(20), TEN_SECONDS);

        Replan back = loop.center.report().replans().getLast();
        assertThat(back.reason()).isEqualTo(Replan.Reason.CAPACITY_BACK);
        assertThat(back.why()).contains("(G1)");
        assertThat(back.plan().schedule(G1).orElseThrow().committed()).contains(true);
        assertThat(loop.center.excluded()).doesNotContainKey(G1);
        assertThat(loop.center.currentCommand(G1).orElseThrow().command().setpointKw()).isPositive();
        assertThat(loop.center.activeAlarm(Alarm.Kind.DEVICE_FAULT, "G1")).isEmpty();
    }

    @Test
    void demandOffItsForecastForTwoIntervalsReplansOnTheDemandSeen() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());
        loop.demandFactor = 1.2;

        loop.run(Duration.ofMinutes(31), TEN_SECONDS);

        Replan replan = loop.center.report().replans().stream().filter(r -> r.reason() == Replan.Reason.DEMAND_DEPARTURE).findFirst().orElseThrow();
        assertThat(replan.from()).isEqualTo(ControlFleets.START.plus(Duration.ofMinutes(30)));
        assertThat(replan.why()).contains("for 2 intervals in a row");
        assertThat(loop.center.problem().demandKw().get(0)).as("900 kW forecast, scaled").isCloseTo(1080, within(2.0));
        assertThat(loop.field.totalPowerKw()).isGreaterThanOrEqualTo(loop.demandKw() - KW);
    }

    @Test
    void newForecastsReplanTheRestOfTheHorizon() {
        PlanningProblem campus = ControlFleets.campus();
        FieldLoop loop = new FieldLoop(campus);
        loop.run(Duration.ofMinutes(20), TEN_SECONDS);
        PlanningProblem newer = new PlanningProblem(campus.name(), campus.currency(), campus.grid(), campus.assets(), campus.endUsers(),
                campus.network(), campus.availability(), campus.forecastKw(),
                java.util.Map.of(campus.endUsers().get(0).id(), Profile.constant(8, 600), campus.endUsers().get(1).id(), Profile.constant(8, 400)),
                campus.salePricePerKwh(), campus.importTariffPerKwh(), campus.gridConnection(), campus.reserve(), campus.flags());

        loop.center.updateForecasts(newer);
        loop.step(TEN_SECONDS);

        Replan replan = loop.center.report().replans().getLast();
        assertThat(replan.reason()).isEqualTo(Replan.Reason.NEW_FORECAST);
        assertThat(replan.from()).isEqualTo(ControlFleets.START.plus(ControlFleets.STEP));
        assertThat(loop.center.problem().grid().intervals()).isEqualTo(7);
        assertThat(loop.center.problem().demandKw().get(0)).isEqualTo(1000);
    }

    @Test
    void theReportSumsUpTheRun() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus());

        loop.run(Duration.ofMinutes(30), TEN_SECONDS);

        ControlReport report = loop.center.report();
        System.out.println(report.summary());
        // demand: 800 kW for a quarter hour, then 850 kW until the last tick, 10 s before the half hour
        assertThat(report.to()).isEqualTo(ControlFleets.START.plus(Duration.ofMinutes(30)).minusSeconds(10));
        assertThat(report.demandKwh()).isCloseTo(800 * 0.25 + 850 * (0.25 - 10 / 3600.0), within(0.01));
        // only while the engines started and ramped up in the first minute
        assertThat(report.unservedKwh()).isPositive().isLessThan(800 / 60.0);
        assertThat(report.servedKwh()).isCloseTo(report.demandKwh() - report.unservedKwh(), within(0.01));
        assertThat(report.cost()).isCloseTo(report.plannedCost(), within(0.05 * report.plannedCost()));
        assertThat(report.commandsSent()).isEqualTo(loop.sent.size());
        assertThat(report.commandsAccepted()).isEqualTo(report.commandsSent());
        assertThat(report.commandsRejected()).isZero();
        assertThat(report.redispatchCount()).isEqualTo(2);
        assertThat(report.redispatches()).extracting(r -> r.causes().getFirst().trigger())
                .containsExactly(Cause.Trigger.START, Cause.Trigger.INTERVAL_START);
        assertThat(report.telemetryAccepted()).isEqualTo(5 * (1 + 180));
        assertThat(loop.events).anyMatch(e -> e instanceof ControlEvent.CommandSent)
                .anyMatch(e -> e instanceof ControlEvent.AckReceived)
                .anyMatch(e -> e instanceof ControlEvent.TelemetryAccepted)
                .anyMatch(e -> e instanceof ControlEvent.DemandAccepted)
                .anyMatch(e -> e instanceof ControlEvent.Redispatched);
    }

    @Test
    void pastTheEndOfThePlanAnAlarmSaysSo() {
        FieldLoop loop = new FieldLoop(ControlFleets.slowStarter());

        loop.run(Duration.ofMinutes(61), Duration.ofMinutes(1));

        assertThat(loop.center.activeAlarm(Alarm.Kind.PLAN_ENDED, Alarm.PLANT).orElseThrow().message())
                .contains("the plan ended at " + ControlFleets.START.plus(Duration.ofHours(1)));
    }
}
