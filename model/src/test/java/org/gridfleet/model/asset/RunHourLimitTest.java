package org.gridfleet.model.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RunHourLimitTest {

    @Test
    void remainingHoursAreMaximumMinusUsed() {
        // 100 − 30 = 70
        assertThat(new RunHourLimit(100, 30).remainingHours()).isEqualTo(70);
        assertThat(new RunHourLimit(100, 0).remainingHours()).isEqualTo(100);
    }

    @Test
    void remainingHoursAreZeroWhenTheLimitIsReached() {
        assertThat(new RunHourLimit(100, 100).remainingHours()).isZero();
    }

    @Test
    void remainingHoursAreNeverNegative() {
        // 100 − 130 would be −30
        assertThat(new RunHourLimit(100, 130).remainingHours()).isZero();
    }

    @Test
    void noLimitLeavesInfiniteHours() {
        assertThat(RunHourLimit.NONE.remainingHours()).isInfinite().isPositive();
        assertThat(new RunHourLimit(Double.POSITIVE_INFINITY, 5_000).remainingHours()).isInfinite();
    }

    @Test
    void nonPositiveMaximumOrNegativeUsedHoursAreRejected() {
        assertThatThrownBy(() -> new RunHourLimit(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunHourLimit(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunHourLimit(100, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RunHourLimit(100, Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
