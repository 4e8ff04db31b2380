package org.gridfleet.control.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.gridfleet.comm.protocol.DemandReading;
import org.gridfleet.comm.protocol.Rejection;
import org.gridfleet.comm.protocol.SiteStatus;
import org.gridfleet.ingest.Rule;
import org.gridfleet.ingest.verifier.LiveLimits;
import org.gridfleet.ingest.verifier.LiveRejection;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.testkit.Fleets;
import org.junit.jupiter.api.Test;

/**
 * The live state takes only verified values; each rule refuses with a reason and a count, and nothing refused is
 * applied. On {@link Fleets#twoGeneratorsOneBattery()}: GEN-A 600 kW, GEN-B 300 kW, BAT-1 200 kW charge and
 * discharge, end-user EU-1.
 */
class LiveStateTest {
    static final Instant NOW = Instant.parse("2026-11-23T00:10:00Z");
    static final AssetId GEN_A = AssetId.of("GEN-A");
    static final AssetId BAT = AssetId.of("BAT-1");
    static final EndUserId EU = EndUserId.of("EU-1");

    final PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
    final LiveState live = LiveState.of(problem, LiveLimits.defaults());

    static Telemetry gen(double kw, Instant time) {
        return new Telemetry(GEN_A, time, kw, OptionalDouble.empty(), OperatingState.RUNNING);
    }

    LiveRejection refused(Optional<LiveRejection> verdict) {
        assertThat(verdict).isPresent();
        return verdict.get();
    }

    @Test
    void aGoodSampleIsKept() {
        assertThat(live.offer(gen(420, NOW.minusSeconds(1)), NOW)).isEmpty();

        assertThat(live.telemetry(GEN_A)).contains(gen(420, NOW.minusSeconds(1)));
        assertThat(live.telemetryAccepted()).isEqualTo(1);
    }

    @Test
    void unknownDeviceIsRefused() {
        Telemetry ghost = new Telemetry(AssetId.of("GEN-Z"), NOW, 10, OptionalDouble.empty(), OperatingState.RUNNING);

        LiveRejection r = refused(live.offer(ghost, NOW));

        assertThat(r.rule()).isEqualTo(Rule.UNKNOWN_ID);
        assertThat(r.reason()).contains("no device GEN-Z in this plant's fleet");
        assertThat(live.telemetry(AssetId.of("GEN-Z"))).isEmpty();
    }

    @Test
    void duplicateAndOutOfOrderTimestampsAreRefusedAndTheNewerValueStands() {
        live.offer(gen(400, NOW.minusSeconds(2)), NOW);

        LiveRejection duplicate = refused(live.offer(gen(999, NOW.minusSeconds(2)), NOW));
        LiveRejection late = refused(live.offer(gen(111, NOW.minusSeconds(5)), NOW));

        assertThat(duplicate.rule()).isEqualTo(Rule.DUPLICATE);
        assertThat(late.rule()).isEqualTo(Rule.ORDER);
        assertThat(late.reason()).contains("before the latest kept value of " + NOW.minusSeconds(2));
        assertThat(live.telemetry(GEN_A).orElseThrow().powerKw()).isEqualTo(400);
    }

    @Test
    void timestampsFromTheFutureAreAClockSkew() {
        LiveRejection r = refused(live.offer(gen(400, NOW.plusSeconds(45)), NOW));

        assertThat(r.rule()).isEqualTo(Rule.CLOCK_SKEW);
        assertThat(r.reason()).contains("45.0 s ahead").contains("NTP");
        assertThat(live.offer(gen(400, NOW.plusSeconds(20)), NOW)).as("within the allowed skew").isEmpty();
    }

    @Test
    void oldSamplesAreStale() {
        LiveRejection r = refused(live.offer(gen(400, NOW.minus(Duration.ofMinutes(6))), NOW));

        assertThat(r.rule()).isEqualTo(Rule.STALE);
    }

    @Test
    void powerBeyondWhatTheDeviceCanGiveIsRefused() {
        LiveRejection negative = refused(live.offer(gen(-12, NOW), NOW));
        LiveRejection above = refused(live.offer(gen(661, NOW), NOW));
        Telemetry overCharging = new Telemetry(BAT, NOW, -250, OptionalDouble.of(0.5), OperatingState.RUNNING);
        LiveRejection charging = refused(live.offer(overCharging, NOW));

        assertThat(negative.rule()).isEqualTo(Rule.RANGE);
        assertThat(negative.reason()).contains("cannot take power from the grid");
        assertThat(above.reason()).contains("661.0 kW, above 1.10 × its rating 600.0 kW");
        assertThat(charging.reason()).contains("charges 250.0 kW").contains("charge limit 200.0 kW");
        assertThat(live.offer(gen(659, NOW), NOW)).as("within 10 % of the rating: meter error").isEmpty();
        assertThat(live.telemetry(BAT)).isEmpty();
    }

    /** GEN-A is rated 600 kW, taken as 600 kVA: with the 10 % margin, sqrt(P² + Q²) may reach 660 kVA. */
    @Test
    void apparentPowerBeyondTheRatingIsRefused() {
        Telemetry withinCircle = new Telemetry(GEN_A, NOW.minusSeconds(2), 480, OptionalDouble.empty(), OperatingState.RUNNING, OptionalDouble.of(-360));
        Telemetry beyond = new Telemetry(GEN_A, NOW, 540, OptionalDouble.empty(), OperatingState.RUNNING, OptionalDouble.of(400));

        assertThat(live.offer(withinCircle, NOW)).as("480 kW and -360 kvar are 600 kVA").isEmpty();
        LiveRejection r = refused(live.offer(beyond, NOW));

        assertThat(r.rule()).isEqualTo(Rule.RANGE);
        assertThat(r.reason()).contains("540.0 kW and 400.0 kvar, an apparent power of 672.0 kVA, above 1.10 × its rating of 600.0 kVA");
        assertThat(live.telemetry(GEN_A)).contains(withinCircle);
    }

    @Test
    void demandReadingsAreCheckedForUnitsAndSign() {
        LiveRejection watts = refused(live.offer(new DemandReading(EU, NOW, 250_000), NOW));
        LiveRejection negative = refused(live.offer(new DemandReading(EU, NOW, -3), NOW));
        LiveRejection stranger = refused(live.offer(new DemandReading(EndUserId.of("EU-9"), NOW, 3), NOW));

        assertThat(watts.rule()).isEqualTo(Rule.UNITS);
        assertThat(watts.reason()).contains("looks like watts");
        assertThat(negative.rule()).isEqualTo(Rule.RANGE);
        assertThat(stranger.rule()).isEqualTo(Rule.UNKNOWN_ID);
        assertThat(live.demand(EU)).isEmpty();

        assertThat(live.offer(new DemandReading(EU, NOW, 310), NOW)).isEmpty();
        assertThat(live.demand(EU).orElseThrow().demandKw()).isEqualTo(310);
    }

    @Test
    void everyRefusalIsCountedByRuleAndCommsRefusalsByReason() {
        live.offer(gen(-5, NOW), NOW);
        live.offer(gen(-6, NOW), NOW);
        live.offer(new DemandReading(EU, NOW, 250_000), NOW);
        live.countRefused(new Rejection("gridfleet/devices/GEN-A/telemetry", Rejection.Reason.SPOOFED_ID,
                "\"device\" is GEN-B, the topic's device is GEN-A: a device may only report for itself"));

        assertThat(live.rejectedByRule()).containsEntry(Rule.RANGE, 2L).containsEntry(Rule.UNITS, 1L);
        assertThat(live.refusedByReason()).containsEntry(Rejection.Reason.SPOOFED_ID, 1L);
        assertThat(live.rejectedTotal()).isEqualTo(4);
        assertThat(live.telemetry(GEN_A)).isEmpty();
    }

    @Test
    void statusesFollowTheirConnections() {
        Instant first = NOW.minusSeconds(600);
        Instant second = NOW.minusSeconds(60);
        assertThat(live.connected(GEN_A)).as("no status yet: assumed connected").isTrue();

        assertThat(live.offer(SiteStatus.online(GEN_A, first))).isTrue();
        assertThat(live.offer(SiteStatus.lost(GEN_A, first))).isTrue();
        assertThat(live.connected(GEN_A)).isFalse();
        assertThat(live.offer(SiteStatus.online(GEN_A, first))).as("a late online of the ended connection").isFalse();
        assertThat(live.offer(SiteStatus.online(GEN_A, second))).isTrue();
        assertThat(live.offer(SiteStatus.lost(GEN_A, first))).as("the will of the old connection arriving late").isFalse();

        assertThat(live.connected(GEN_A)).isTrue();
        assertThat(live.staleStatuses()).isEqualTo(2);
    }
}
