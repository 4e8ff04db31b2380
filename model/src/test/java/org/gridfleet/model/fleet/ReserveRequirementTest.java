package org.gridfleet.model.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.gridfleet.model.Tolerance;
import org.junit.jupiter.api.Test;

/** Reserve of 10 % of demand, covering the largest online unit, at least 50 kW. */
class ReserveRequirementTest {
    private static final double KW = Tolerance.POWER_KW;
    private static final ReserveRequirement FULL = new ReserveRequirement(0.1, true, 50);

    @Test
    void largestUnitDecidesWhenItExceedsTheDemandShareAndTheMinimum() {
        // max(0.1·1000 = 100, 200, 50) = 200
        assertThat(FULL.requiredKw(1_000, 200)).isCloseTo(200, within(KW));
    }

    @Test
    void demandShareDecidesWhenItExceedsTheLargestUnitAndTheMinimum() {
        // max(0.1·1000 = 100, 80, 50) = 100
        assertThat(FULL.requiredKw(1_000, 80)).isCloseTo(100, within(KW));
    }

    @Test
    void minimumDecidesWhenBothOtherTermsAreSmaller() {
        // max(0.1·300 = 30, 40, 50) = 50
        assertThat(FULL.requiredKw(300, 40)).isCloseTo(50, within(KW));
    }

    @Test
    void largestUnitIsIgnoredWhenNotCovered() {
        ReserveRequirement noUnit = new ReserveRequirement(0.1, false, 50);

        // max(100, —, 50) = 100, although the largest unit delivers 200
        assertThat(noUnit.requiredKw(1_000, 200)).isCloseTo(100, within(KW));
    }

    @Test
    void noRequirementNeedsNothing() {
        assertThat(ReserveRequirement.NONE.requiredKw(1_000, 500)).isZero();
    }

    @Test
    void fractionOutsideZeroToOneOrNegativeMinimumIsRejected() {
        assertThatThrownBy(() -> new ReserveRequirement(1.1, false, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fractionOfDemand");
        assertThatThrownBy(() -> new ReserveRequirement(-0.1, false, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReserveRequirement(0.1, false, -1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimumKw");
        assertThatThrownBy(() -> new ReserveRequirement(0.1, false, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
