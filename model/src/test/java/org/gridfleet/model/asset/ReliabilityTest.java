package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gridfleet.model.Tolerance;
import org.junit.jupiter.api.Test;

class ReliabilityTest {

    @Test
    void impliedRateIsRepairTimeOverCycleTime() {
        // 50 / (950 + 50) = 0.05
        assertThat(Reliability.impliedForcedOutageRate(950, 50)).isCloseTo(0.05, within(Tolerance.FRACTION));
        // 24 / (2 376 + 24) = 0.01
        assertThat(Reliability.impliedForcedOutageRate(2_376, 24)).isCloseTo(0.01, within(Tolerance.FRACTION));
    }

    @Test
    void impliedMttfIsRepairTimeTimesUpShareOverRate() {
        // 50 · (1 − 0.05) / 0.05 = 950
        assertThat(Reliability.impliedMttfHours(0.05, 50)).isCloseTo(950, within(1e-9));
        // 24 · 0.99 / 0.01 = 2 376
        assertThat(Reliability.impliedMttfHours(0.01, 24)).isCloseTo(2_376, within(1e-9));
    }

    @Test
    void impliedRateAndMttfAreInverse() {
        double mttf = Reliability.impliedMttfHours(0.03, 72);
        assertThat(Reliability.impliedForcedOutageRate(mttf, 72)).isCloseTo(0.03, within(Tolerance.FRACTION));
    }

    @Test
    void zeroRateImpliesInfiniteMttf() {
        assertThat(Reliability.impliedMttfHours(0, 24)).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void infiniteMttfImpliesZeroRate() {
        assertThat(Reliability.impliedForcedOutageRate(Double.POSITIVE_INFINITY, 24)).isZero();
    }

    @Test
    void perfectDeviceNeverFails() {
        assertThat(Reliability.PERFECT.forcedOutageRate()).isZero();
        assertThat(Reliability.PERFECT.mttfHours()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Reliability.PERFECT.mttrHours()).isEqualTo(24);
        assertThat(Reliability.impliedForcedOutageRate(Reliability.PERFECT.mttfHours(), Reliability.PERFECT.mttrHours())).isZero();
    }

    @Test
    void rateOutsideZeroInclusiveToOneExclusiveIsRejected() {
        assertThatThrownBy(() -> new Reliability(1, 100, 24)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forcedOutageRate");
        assertThatThrownBy(() -> new Reliability(-0.01, 100, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Reliability(Double.NaN, 100, 24)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Reliability(0.99, 100, 24).forcedOutageRate()).isEqualTo(0.99);
    }

    @Test
    void nonPositiveMeanTimesAreRejected() {
        assertThatThrownBy(() -> new Reliability(0.05, 0, 24)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mttfHours");
        assertThatThrownBy(() -> new Reliability(0.05, 950, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mttrHours");
        assertThatThrownBy(() -> new Reliability(0.05, 950, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
