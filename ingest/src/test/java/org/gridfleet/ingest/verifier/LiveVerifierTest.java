package org.gridfleet.ingest.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.Rejection;
import org.gridfleet.ingest.Rule;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.control.OperatingState;
import org.gridfleet.model.control.Telemetry;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.problem.PlanningProblem;
import org.junit.jupiter.api.Test;

/**
 * Live telemetry and meter readings through the verifier's rules, on the small test fleet (ENG-1 800 kW, PV-1 300 kW,
 * BAT-1 250 kW, end-users EU-1..3): each rule refuses with its reason, and a demand in watts is refused live by the
 * same quantity that refuses it in a demand file.
 */
class LiveVerifierTest {
    private static final PlanningProblem FLEET = new IngestPipeline()
            .run(new FileDataCollector(Path.of("src/test/resources/fleets/small/fleet.yaml"))).problem().orElseThrow();
    private static final LiveVerifier VERIFIER = new LiveVerifier(FLEET.assets(),
            FLEET.endUsers().stream().map(EndUser::id).collect(Collectors.toSet()), LiveLimits.defaults());
    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");

    private static Telemetry sample(String device, Instant time, double kw) {
        return new Telemetry(AssetId.of(device), time, kw, OptionalDouble.empty(), OperatingState.RUNNING);
    }

    private static Rule ruleOf(Telemetry t, Instant latestKept) {
        return VERIFIER.check(t, latestKept, NOW).map(LiveRejection::rule).orElse(null);
    }

    @Test
    void aSoundSampleAndASoundReadingPass() {
        assertThat(VERIFIER.check(sample("ENG-1", NOW.minusSeconds(2), 640), NOW.minusSeconds(7), NOW)).isEmpty();
        assertThat(VERIFIER.check(sample("BAT-1", NOW, -200), null, NOW)).isEmpty();
        assertThat(VERIFIER.checkDemand(EndUserId.of("EU-2"), NOW, 120, null, NOW)).isEmpty();
        assertThat(VERIFIER.checkDemand(EndUserId.of("EU-2"), NOW, -0.0004, null, NOW)).as("noise around zero").isEmpty();
    }

    @Test
    void eachRuleRefusesWithItsReason() {
        assertThat(ruleOf(sample("GHOST", NOW, 1), null)).isEqualTo(Rule.UNKNOWN_ID);
        assertThat(ruleOf(sample("ENG-1", NOW, 1), NOW)).isEqualTo(Rule.DUPLICATE);
        assertThat(ruleOf(sample("ENG-1", NOW.minusSeconds(10), 1), NOW.minusSeconds(5))).isEqualTo(Rule.ORDER);
        assertThat(ruleOf(sample("ENG-1", NOW.plus(Duration.ofMinutes(2)), 1), null)).isEqualTo(Rule.CLOCK_SKEW);
        assertThat(ruleOf(sample("ENG-1", NOW.minus(Duration.ofMinutes(6)), 1), null)).isEqualTo(Rule.STALE);
        assertThat(ruleOf(sample("ENG-1", NOW, -40), null)).isEqualTo(Rule.RANGE);
        assertThat(ruleOf(sample("ENG-1", NOW, 900), null)).isEqualTo(Rule.RANGE); // above 1.1 × 800 kW
        assertThat(ruleOf(sample("ENG-1", NOW, 640_000_000), null)).as("watts, not kW").isEqualTo(Rule.UNITS);
        assertThat(ruleOf(sample("BAT-1", NOW, -300), null)).isEqualTo(Rule.RANGE);

        LiveRejection stale = VERIFIER.check(sample("ENG-1", NOW.minus(Duration.ofMinutes(6)), 1), null, NOW).orElseThrow();
        assertThat(stale.message()).isEqualTo("ENG-1: stale: measured at 2026-11-23T07:54:00Z, 360.0 s before it arrived (at most 300.0 s): "
                + "delayed or replayed; it no longer says what is happening now");
        Rejection asFile = stale.asRejection("gridfleet/devices/ENG-1/telemetry");
        assertThat(asFile.describe()).startsWith("ERROR   stale        gridfleet/devices/ENG-1/telemetry ENG-1 at 2026-11-23T07:54:00Z: measured at");
    }

    @Test
    void apparentPowerBeyondTheRatingIsRefused() {
        Telemetry overKva = new Telemetry(AssetId.of("PV-1"), NOW, 280, OptionalDouble.empty(), OperatingState.RUNNING, OptionalDouble.of(250));
        assertThat(VERIFIER.check(overKva, null, NOW).orElseThrow().reason()).contains("apparent power of 375.4 kVA");
        Telemetry varsNotKvar = new Telemetry(AssetId.of("PV-1"), NOW, 280, OptionalDouble.empty(), OperatingState.RUNNING, OptionalDouble.of(90_000_000));
        assertThat(ruleOf(varsNotKvar, null)).isEqualTo(Rule.UNITS);
    }

    @Test
    void aDemandInWattsIsRefusedLiveAsInADemandFile() {
        LiveRejection watts = VERIFIER.checkDemand(EndUserId.of("EU-2"), NOW, 120_000_000, null, NOW).orElseThrow();
        assertThat(watts.rule()).isEqualTo(Rule.UNITS);
        assertThat(watts.reason()).contains(Quantity.END_USER_DEMAND_KW.unitHint());
        assertThat(VERIFIER.checkDemand(EndUserId.of("EU-2"), NOW, -5, null, NOW).orElseThrow().reason())
                .startsWith("demand -5.0 kW is negative");
        assertThat(VERIFIER.checkDemand(EndUserId.of("EU-9"), NOW, 5, null, NOW).orElseThrow().rule()).isEqualTo(Rule.UNKNOWN_ID);
        assertThat(VERIFIER.checkDemand(EndUserId.of("EU-2"), NOW, Double.NaN, null, NOW).orElseThrow().rule()).isEqualTo(Rule.FINITE);
    }
}
