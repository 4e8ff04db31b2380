package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A unit that costs 5 to start hot and 20 to start cold, cold after 4 h off. */
class StartUpTest {
    private static final StartUp START = new StartUp(5, 20, 4, 10);

    @Test
    void startAfterLessThanThresholdIsHot() {
        assertThat(START.costAfter(0)).isEqualTo(5);
        assertThat(START.costAfter(1)).isEqualTo(5);
        assertThat(START.costAfter(3.999)).isEqualTo(5);
    }

    @Test
    void startAfterExactlyThresholdIsCold() {
        assertThat(START.costAfter(4)).isEqualTo(20);
    }

    @Test
    void startAfterMoreThanThresholdIsCold() {
        assertThat(START.costAfter(4.001)).isEqualTo(20);
        assertThat(START.costAfter(1_000)).isEqualTo(20);
        assertThat(START.costAfter(Double.POSITIVE_INFINITY)).isEqualTo(20);
    }

    @Test
    void freeAndInstantStartCostsNothing() {
        assertThat(StartUp.FREE_AND_INSTANT.costAfter(0)).isZero();
        assertThat(StartUp.FREE_AND_INSTANT.costAfter(100)).isZero();
        assertThat(StartUp.FREE_AND_INSTANT.startUpTimeMinutes()).isZero();
    }

    @Test
    void negativeOrNonFiniteCostsAreRejected() {
        assertThatThrownBy(() -> new StartUp(-1, 20, 4, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hot -1.0");
        assertThatThrownBy(() -> new StartUp(5, -1, 4, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StartUp(Double.NaN, 20, 4, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StartUp(5, Double.POSITIVE_INFINITY, 4, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void negativeThresholdOrStartUpTimeIsRejected() {
        assertThatThrownBy(() -> new StartUp(5, 20, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StartUp(5, 20, 4, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StartUp(5, 20, Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
