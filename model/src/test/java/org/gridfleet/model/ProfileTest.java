package org.gridfleet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProfileTest {

    @Test
    void toArrayReturnsACopy() {
        Profile profile = Profile.of(1, 2, 3);

        double[] copy = profile.toArray();
        copy[0] = 99;

        assertThat(profile.get(0)).isEqualTo(1);
        assertThat(profile.toArray()).containsExactly(1, 2, 3);
    }

    @Test
    void ofCopiesItsInput() {
        double[] input = {1, 2, 3};
        Profile profile = Profile.of(input);

        input[1] = 99;

        assertThat(profile.get(1)).isEqualTo(2);
    }

    @Test
    void constantAndZerosFillEveryInterval() {
        assertThat(Profile.constant(3, 2.5).toArray()).containsExactly(2.5, 2.5, 2.5);
        assertThat(Profile.zeros(4).toArray()).containsExactly(0, 0, 0, 0);
        assertThat(Profile.zeros(0).size()).isZero();
    }

    @Test
    void sumMaxAndMinSpanAllIntervals() {
        Profile profile = Profile.of(4, -1, 7, 2);

        // 4 − 1 + 7 + 2 = 12
        assertThat(profile.sum()).isEqualTo(12);
        assertThat(profile.max()).isEqualTo(7);
        assertThat(profile.min()).isEqualTo(-1);
        assertThat(profile.size()).isEqualTo(4);
    }

    @Test
    void maxOfAllNegativeValuesIsTheLeastNegative() {
        Profile charging = Profile.of(-30, -10, -20);

        assertThat(charging.max()).isEqualTo(-10);
        assertThat(charging.min()).isEqualTo(-30);
    }

    @Test
    void plusAddsIntervalByInterval() {
        // (1 + 10, 2 + 20, 3 + 30)
        assertThat(Profile.of(1, 2, 3).plus(Profile.of(10, 20, 30))).isEqualTo(Profile.of(11, 22, 33));
    }

    @Test
    void plusLeavesBothOperandsUnchanged() {
        Profile a = Profile.of(1, 2);
        Profile b = Profile.of(3, 4);

        a.plus(b);

        assertThat(a).isEqualTo(Profile.of(1, 2));
        assertThat(b).isEqualTo(Profile.of(3, 4));
    }

    @Test
    void plusOfProfilesOfDifferentSizeIsRejected() {
        assertThatThrownBy(() -> Profile.of(1, 2, 3).plus(Profile.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 vs 2");
    }

    @Test
    void mapAppliesTheOperatorToEveryInterval() {
        // kW → kWh over a quarter hour: (100, 200, −40) · 0.25
        assertThat(Profile.of(100, 200, -40).map(p -> p * 0.25)).isEqualTo(Profile.of(25, 50, -10));
    }

    @Test
    void equalProfilesHaveEqualContentAndHashCode() {
        Profile a = Profile.of(1.5, 2.5);
        Profile b = Profile.constant(2, 1.5).plus(Profile.of(0, 1));

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Profile.of(2.5, 1.5));
        assertThat(a).isNotEqualTo(Profile.of(1.5, 2.5, 0));
        assertThat(a).isNotEqualTo(new double[] {1.5, 2.5});
    }

    @Test
    void nonFiniteValueIsRejectedNamingItsInterval() {
        assertThatThrownBy(() -> Profile.of(1, Double.NaN, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval 1").hasMessageContaining("NaN");
        assertThatThrownBy(() -> Profile.of(1, 2, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval 2").hasMessageContaining("Infinity");
        assertThatThrownBy(() -> Profile.constant(2, Double.NEGATIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval 0");
    }

    @Test
    void mapToNonFiniteValueIsRejectedNamingItsInterval() {
        // 1/0 = +∞ at interval 2
        assertThatThrownBy(() -> Profile.of(4, 2, 0).map(p -> 1 / p))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval 2");
    }

    @Test
    void plusOverflowingToInfinityIsRejected() {
        assertThatThrownBy(() -> Profile.of(Double.MAX_VALUE).plus(Profile.of(Double.MAX_VALUE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval 0");
    }

    @Test
    void toStringListsTheValues() {
        assertThat(Profile.of(1, 2.5)).hasToString("Profile[1.0, 2.5]");
    }
}
