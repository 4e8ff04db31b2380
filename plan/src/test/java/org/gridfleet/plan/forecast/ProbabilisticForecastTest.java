package org.gridfleet.plan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProbabilisticForecastTest {
    private static final Instant START = Instant.parse("2025-06-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final double[] LEVELS = {0.1, 0.5, 0.9};

    private static ProbabilisticForecast of(double[]... quantiles) {
        return new ProbabilisticForecast(Quantity.WIND, START, HOUR, LEVELS, quantiles, 0, 100, 0.5);
    }

    @Test
    void crossingQuantilesAreRejected() {
        assertThatThrownBy(() -> of(new double[] {10, 20, 30}, new double[] {10, 30, 20}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("quantiles of interval 1 must be non-decreasing within [0.0, 100.0] kW: [10.0, 30.0, 20.0]");
    }

    @Test
    void quantilesBeyondTheBoundsAreRejected() {
        assertThatThrownBy(() -> of(new double[] {-1, 20, 30})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> of(new double[] {10, 20, 101})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void levelsMustIncreaseWithinZeroAndOne() {
        assertThatThrownBy(() -> new ProbabilisticForecast(Quantity.PV, START, HOUR, new double[] {0.5, 0.5}, new double[0][], 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("levels must increase strictly within (0, 1)");
        assertThatThrownBy(() -> new ProbabilisticForecast(Quantity.PV, START, HOUR, new double[] {0, 0.5}, new double[0][], 0, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProbabilisticForecast(Quantity.PV, START, HOUR, LEVELS, new double[0][], 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lag1Correlation");
    }

    /** Linear between the quantiles: halfway from the 10 % to the 50 % quantile is probability 0.3. */
    @Test
    void theDistributionIsLinearBetweenQuantiles() {
        ProbabilisticForecast f = of(new double[] {10, 20, 30});

        assertThat(f.probabilityAtMost(0, 15)).isCloseTo(0.3, within(1e-12));
        assertThat(f.probabilityAtMost(0, 20)).isCloseTo(0.5, within(1e-12));
        assertThat(f.seriesAtKw(0.9)).containsExactly(30);
        assertThatThrownBy(() -> f.seriesAtKw(0.25)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level 0.25 is not forecast");
    }

    @Test
    void aForecastKeepsItsOwnCopies() {
        double[] row = {10, 20, 30};
        ProbabilisticForecast f = of(row);
        row[0] = 99;
        f.quantilesKw(0)[1] = 99;
        f.levels()[0] = 0.3;

        assertThat(f.quantilesKw(0)).containsExactly(10, 20, 30);
        assertThat(f.levels()).containsExactly(LEVELS);
    }
}
