package org.gridfleet.plan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridfleet.plan.forecast.TrainedForecasters.DAYS;
import static org.gridfleet.plan.forecast.TrainedForecasters.HISTORY;
import static org.gridfleet.plan.forecast.TrainedForecasters.TRAINING_DAYS;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The learned forecasters on 40 days they have not seen, against persistence on the same days. */
class LearnedForecasterTest {

    /**
     * Measured on this history (seed 7, 10 trees): pinball loss as a share of persistence's PV 0.49, wind 0.51,
     * demand 0.69; MAPE PV 0.59, wind 0.38, demand 0.67. The bounds are a real margin over persistence, with room
     * for a few hundredths of change in the learners.
     */
    @ParameterizedTest
    @CsvSource({"PV, 0.6, 0.7", "WIND, 0.6, 0.5", "DEMAND, 0.8, 0.8"})
    void beatsPersistenceOnHeldOutDays(Quantity quantity, double pinballRatio, double mapeRatio) {
        HeldOutSkill skill = TrainedForecasters.skill(quantity);

        assertThat(skill.pinballRatio()).isLessThan(pinballRatio);
        assertThat(skill.mapeRatio()).isLessThan(mapeRatio);
    }

    @ParameterizedTest
    @EnumSource(Quantity.class)
    void theNinetyPercentBandHoldsAboutNinetyPercentOfActuals(Quantity quantity) {
        assertThat(TrainedForecasters.skill(quantity).model().coverage90()).isBetween(0.82, 0.97);
    }

    @ParameterizedTest
    @EnumSource(Quantity.class)
    void quantilesNeverCrossAndStayWithinTheBounds(Quantity quantity) {
        double upper = quantity.upperBoundKw(HISTORY.site());
        for (int d = TRAINING_DAYS; d < DAYS; d++) {
            ProbabilisticForecast f = TrainedForecasters.forecastOfDay(quantity, d);
            assertThat(f.intervals()).isEqualTo(24);
            for (int t = 0; t < f.intervals(); t++) {
                double[] q = f.quantilesKw(t);
                assertThat(q).isSorted();
                assertThat(q[0]).isGreaterThanOrEqualTo(0);
                assertThat(q[q.length - 1]).isLessThanOrEqualTo(upper);
            }
        }
    }

    @Test
    void photovoltaicQuantilesAreZeroAtNightAndPositiveAtNoon() {
        for (int d = TRAINING_DAYS; d < DAYS; d++) {
            ProbabilisticForecast f = TrainedForecasters.forecastOfDay(Quantity.PV, d);
            for (int t = 0; t < f.intervals(); t++) {
                double clearSky = ClearSky.meanGhiWPerM2(HISTORY.site().location(), HISTORY.day(d).get(t).start(), HISTORY.step());
                if (clearSky == 0) {
                    assertThat(f.quantilesKw(t)).as("day %d interval %d", d, t).containsOnly(0.0);
                }
            }
            assertThat(f.seriesAtKw(0.95)[12]).as("noon of day %d", d).isPositive();
        }
    }

    @Test
    void theSameHistoryAndSeedGiveTheSameForecast() {
        LearnedForecaster again = new QuantileForecastTrainer(ProbabilisticForecast.STANDARD_LEVELS, 10, 1)
                .train(HISTORY.days(0, TRAINING_DAYS), Quantity.DEMAND);
        ProbabilisticForecast first = TrainedForecasters.forecastOfDay(Quantity.DEMAND, TRAINING_DAYS);
        ProbabilisticForecast second = again.forecast(HISTORY.days(TRAINING_DAYS - 7, TRAINING_DAYS), HISTORY.weatherForecast(TRAINING_DAYS));

        for (int t = 0; t < first.intervals(); t++) {
            assertThat(second.quantilesKw(t)).containsExactly(first.quantilesKw(t));
        }
    }
}
