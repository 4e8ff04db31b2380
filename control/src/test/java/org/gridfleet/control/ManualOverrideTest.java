package org.gridfleet.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.gridfleet.control.ControlCenter.OverrideResult;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.control.Command;
import org.junit.jupiter.api.Test;

/**
 * The operator's manual overrides on {@link ControlFleets#campus()}, whose first interval's plan is G1 570 kW, G2 80 kW,
 * PV 150 kW and the battery idle against 800 kW of demand (480 + 320). G1 is the cheaper engine (0.10 against
 * 0.14 $/kWh), and both ramp over their whole range in a minute, so every figure below is worked out by hand.
 */
class ManualOverrideTest {
    static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    static final double KW = 1e-3;
    static final AssetId G1 = AssetId.of("G1");
    static final AssetId G2 = AssetId.of("G2");
    static final AssetId G3 = AssetId.of("G3");
    static final AssetId PV = AssetId.of("PV-1");
    static final AssetId BAT = AssetId.of("BAT-1");

    /** The campus two minutes into its day, meters read, without re-planning (so the plan's figures stand). */
    static FieldLoop running() {
        FieldLoop loop = new FieldLoop(ControlFleets.campus(), ControlOptions.defaults().withoutReplanning());
        loop.run(Duration.ofMinutes(2), TEN_SECONDS);
        assertThat(loop.lastRedispatch().result().setpointKw(G1)).isCloseTo(570, within(KW));
        assertThat(loop.lastRedispatch().result().setpointKw(G2)).isCloseTo(80, within(KW));
        return loop;
    }

    static ManualOverride applied(OverrideResult result) {
        assertThat(result).isInstanceOf(OverrideResult.Applied.class);
        return ((OverrideResult.Applied) result).override();
    }

    @Test
    void holdingOneUnitMovesTheOthersByTheDifference() {
        FieldLoop loop = running();

        ManualOverride o = applied(loop.center.hold(G1, 400, Optional.empty(), "alice", "  exhaust temperature high  "));
        loop.step(TEN_SECONDS);

        Redispatch r = loop.lastRedispatch();
        assertThat(r.hasCause(Cause.Trigger.OVERRIDE)).isTrue();
        // 800 kW of demand: G1 held at 400, PV 150, so G2 gives 250 = its 80 + the 170 kW G1 gave up; the battery stays idle
        assertThat(r.result().setpointKw(G1)).isEqualTo(400);
        assertThat(r.result().setpointKw(G2)).isCloseTo(80 + (570 - 400), within(KW));
        assertThat(r.result().setpointKw(PV)).isCloseTo(150, within(KW));
        assertThat(r.result().setpointKw(BAT)).isCloseTo(0, within(KW));
        assertThat(r.result().devicesKw()).isCloseTo(800, within(KW));
        assertThat(r.notes()).contains("1 devices held by an operator: G1 at 400.0 kW by alice");
        assertThat(loop.sentTo(G1).getLast().setpointKw()).isEqualTo(400);
        assertThat(loop.sentTo(G2).getLast().setpointKw()).isCloseTo(250, within(KW));

        assertThat(o.note()).isEqualTo("exhaust temperature high");
        assertThat(loop.center.overrides()).containsEntry(G1, o);
        Alarm alarm = loop.center.activeAlarm(Alarm.Kind.MANUAL_OVERRIDE, "G1").orElseThrow();
        assertThat(alarm.severity()).isEqualTo(Alarm.Severity.INFO);
        assertThat(alarm.message()).isEqualTo("held at 400.0 kW by alice since 2026-11-23T08:02:00Z until returned: exhaust temperature high");
        assertThat(loop.events).anyMatch(e -> e instanceof ControlEvent.OverrideSet s && s.override().equals(o));

        loop.run(Duration.ofMinutes(14), TEN_SECONDS); // the next interval: 850 kW, and G1 still held
        Redispatch next = loop.lastRedispatch();
        assertThat(next.intervalStart()).isEqualTo(ControlFleets.START.plus(ControlFleets.STEP));
        assertThat(next.result().setpointKw(G1)).isEqualTo(400);
        assertThat(next.result().setpointKw(G2)).isCloseTo(850 - 400 - 150, within(KW));
        assertThat(loop.field.controller(G1).powerKw()).isCloseTo(400, within(KW));
    }

    @Test
    void aStoreHeldChargingIsCoveredByTheGeneratorsCheapestFirst() {
        FieldLoop loop = running();

        applied(loop.center.hold(BAT, -100, Optional.empty(), "alice", "charge for the evening"));
        loop.step(TEN_SECONDS);

        // 800 kW + 100 kW charging − PV 150 = 750 kW from the engines: G1 to its rating 600 (+30), G2 the rest, 150 (+70)
        Redispatch r = loop.lastRedispatch();
        assertThat(r.result().setpointKw(BAT)).isEqualTo(-100);
        assertThat(r.result().setpointKw(G1)).isCloseTo(600, within(KW));
        assertThat(r.result().setpointKw(G2)).isCloseTo(150, within(KW));
        assertThat(loop.sentTo(BAT).getLast().setpointKw()).isEqualTo(-100);
    }

    @Test
    void aSetPointBeyondWhatTheDeviceCanDoIsRefusedWithAReasonAndChangesNothing() {
        FieldLoop loop = running();
        int redispatches = loop.redispatches().size();

        assertThat(refused(loop.center.hold(G1, 700, Optional.empty(), "alice", ""))).isEqualTo("700.0 kW is above G1's rating of 600.0 kW");
        assertThat(refused(loop.center.hold(G1, 100, Optional.empty(), "alice", "")))
                .isEqualTo("100.0 kW is below G1's minimum stable power of 150.0 kW: hold it at 0 kW (off) or at least that");
        assertThat(refused(loop.center.hold(G1, -5, Optional.empty(), "alice", ""))).startsWith("a generator cannot take power from the grid");
        assertThat(refused(loop.center.hold(BAT, -250, Optional.empty(), "alice", ""))).contains("charge limit of 200.0 kW");
        assertThat(refused(loop.center.hold(BAT, 201, Optional.empty(), "alice", ""))).contains("discharge limit of 200.0 kW");
        assertThat(refused(loop.center.hold(PV, 250, Optional.empty(), "alice", ""))).contains("rating of 200.0 kW");
        assertThat(refused(loop.center.hold(G1, 400, Optional.of(loop.center.now()), "alice", ""))).contains("is not after now");
        assertThatThrownBy(() -> loop.center.hold(AssetId.of("G9"), 100, Optional.empty(), "alice", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no device G9");

        loop.step(TEN_SECONDS);
        assertThat(loop.center.overrides()).isEmpty();
        assertThat(loop.center.activeAlarms()).noneMatch(a -> a.kind() == Alarm.Kind.MANUAL_OVERRIDE);
        assertThat(loop.redispatches()).hasSize(redispatches);
    }

    static String refused(OverrideResult result) {
        assertThat(result).isInstanceOf(OverrideResult.Refused.class);
        return ((OverrideResult.Refused) result).reason();
    }

    @Test
    void aDeviceOutOfServiceIsToldZeroAndLeftOutUntilReturned() {
        FieldLoop loop = running();

        loop.center.takeOutOfService(G2, "bob", "oil leak");
        loop.step(TEN_SECONDS);

        // without G2: G1 to its rating 600, PV 150, and the battery the last 50 kW (storage before starting a unit)
        Redispatch r = loop.lastRedispatch();
        assertThat(r.hasCause(Cause.Trigger.OVERRIDE)).isTrue();
        assertThat(r.result().setpointsKw()).doesNotContainKey(G2);
        assertThat(r.result().setpointKw(G1)).isCloseTo(600, within(KW));
        assertThat(r.result().setpointKw(BAT)).isCloseTo(50, within(KW));
        assertThat(r.result().started()).doesNotContain(G3);
        Command stop = loop.sentTo(G2).getLast();
        assertThat(stop.setpointKw()).isZero();
        assertThat(loop.center.excluded().get(G2)).startsWith("out of service by bob since 2026-11-23T08:02:00Z until returned: oil leak");

        loop.run(Duration.ofMinutes(14), TEN_SECONDS); // a new interval lifts other exclusions, not this one
        assertThat(loop.lastRedispatch().result().setpointsKw()).doesNotContainKey(G2);
        assertThat(loop.field.controller(G2).powerKw()).isZero();
        assertThat(loop.sentTo(G2).getLast()).as("told 0 kW once: it is in force").isEqualTo(stop);

        assertThat(loop.center.returnToPlan(G2, "carol")).isPresent();
        loop.step(TEN_SECONDS);

        assertThat(loop.lastRedispatch().hasCause(Cause.Trigger.OVERRIDE_ENDED)).isTrue();
        assertThat(loop.lastRedispatch().result().setpointKw(G2)).isPositive();
        assertThat(loop.center.excluded()).doesNotContainKey(G2);
        assertThat(loop.center.activeAlarm(Alarm.Kind.MANUAL_OVERRIDE, "G2")).isEmpty();
        assertThat(loop.events).anyMatch(e -> e instanceof ControlEvent.OverrideEnded x && x.how().equals("returned by carol"));
        assertThat(loop.center.returnToPlan(G2, "carol")).as("nothing left to return").isEmpty();
    }

    @Test
    void anOverrideLapsesAtItsUntilAndTheDeviceReturnsToThePlan() {
        FieldLoop loop = running();
        Instant until = ControlFleets.START.plus(Duration.ofMinutes(5));

        applied(loop.center.hold(G1, 400, Optional.of(until), "alice", "test run"));
        loop.run(Duration.ofMinutes(2), TEN_SECONDS);
        assertThat(loop.lastRedispatch().result().setpointKw(G1)).isEqualTo(400);

        loop.run(Duration.ofMinutes(2), TEN_SECONDS);

        assertThat(loop.center.overrides()).isEmpty();
        Redispatch r = loop.lastRedispatch();
        assertThat(r.hasCause(Cause.Trigger.OVERRIDE_ENDED)).isTrue();
        assertThat(r.time()).isEqualTo(until);
        assertThat(r.result().setpointKw(G1)).isCloseTo(570, within(KW));
        assertThat(r.result().setpointKw(G2)).isCloseTo(80, within(KW));
        assertThat(loop.events).anyMatch(e -> e instanceof ControlEvent.OverrideEnded x && x.how().equals("lapsed at " + until));
    }
}
