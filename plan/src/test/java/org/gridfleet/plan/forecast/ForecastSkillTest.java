package org.gridfleet.plan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ForecastSkillTest {
    private static final double EXACT = 1e-12;

    /**
     * Levels 0.1, 0.5, 0.9. Interval 1: quantiles 8, 10, 12 and actual 11: 0.1·3 + 0.5·1 + 0.1·1 = 0.9.
     * Interval 2: quantiles 0, 5, 10 and actual 0: 0 + 0.5·5 + 0.1·10 = 3.5. Mean over 6 terms: 4.4 / 6.
     */
    @Test
    void pinballLossAveragesTheQuantileLossOverIntervalsAndLevels() {
        double[] levels = {0.1, 0.5, 0.9};
        double[][] quantiles = {{8, 10, 12}, {0, 5, 10}};

        assertThat(ForecastSkill.pinballLoss(levels, quantiles, new double[] {11, 0})).isCloseTo(4.4 / 6, within(EXACT));
    }

    @Test
    void pinballLossOfTheMedianAloneIsHalfTheAbsoluteError() {
        double[][] median = {{10}, {10}, {10}};

        assertThat(ForecastSkill.pinballLoss(new double[] {0.5}, median, new double[] {7, 10, 14})).isCloseTo(0.5 * (3 + 0 + 4) / 3, within(EXACT));
    }

    /** |110 − 100| / 100 = 0.1 and |90 − 100| / 100 = 0.1; actuals 1 and 0 are below the 10 kW floor and left out. */
    @Test
    void mapeCountsOnlyActualsAtOrAboveTheFloor() {
        double[] median = {110, 90, 5, 50};
        double[] actual = {100, 100, 1, 0};

        assertThat(ForecastSkill.mape(median, actual, 10)).isCloseTo(0.1, within(EXACT));
        assertThat(ForecastSkill.mape(median, actual, 0)).isCloseTo((0.1 + 0.1 + 4.0) / 3, within(EXACT));
        assertThat(ForecastSkill.mape(median, actual, 1000)).isNaN();
    }

    @Test
    void coverageIsTheShareOfActualsInsideTheBandBoundsIncluded() {
        double[] lower = {0, 0, 5, 5};
        double[] upper = {10, 10, 6, 6};

        assertThat(ForecastSkill.coverage(lower, upper, new double[] {10, 11, 5, 4})).isEqualTo(0.5);
    }

    /** A night: band 0..0 and actual 0 says nothing about calibration and is left out; a band of one missed value is not. */
    @Test
    void coverageLeavesOutIntervalsWhereBandAndActualAreOneValue() {
        double[] lower = {0, 0, 0, 3};
        double[] upper = {0, 10, 10, 3};

        assertThat(ForecastSkill.coverage(lower, upper, new double[] {0, 5, 11, 4})).isCloseTo(1 / 3.0, within(EXACT));
        assertThat(ForecastSkill.coverage(new double[] {0}, new double[] {0}, new double[] {0})).isNaN();
    }

    @Test
    void meanAbsoluteErrorOfAKnownSet() {
        assertThat(ForecastSkill.meanAbsoluteError(new double[] {1, 2, 3}, new double[] {2, 2, 0})).isCloseTo(4 / 3.0, within(EXACT));
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> ForecastSkill.mape(new double[2], new double[3], 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("forecast has 2 intervals, actuals 3");
        assertThatThrownBy(() -> ForecastSkill.pinballLoss(new double[] {0.5}, new double[][] {{1, 2}}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval 0 has 2 quantiles for 1 levels");
    }
}
