package org.gridfleet.plan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.LocalDate;
import org.gridfleet.plan.forecast.history.HistoryGenerator;
import org.junit.jupiter.api.Test;

class PersistenceForecasterTest {

    /** Type 7: position (n − 1)·τ in the sorted sample 1..5, so 0.1 → 1.4, 0.5 → 3, 0.9 → 4.6. */
    @Test
    void empiricalQuantilesInterpolateBetweenOrderStatistics() {
        double[] q = PersistenceForecaster.empiricalQuantiles(new double[] {5, 1, 4, 2, 3}, new double[] {0.1, 0.5, 0.9});

        assertThat(q[0]).isCloseTo(1.4, within(1e-12));
        assertThat(q[1]).isCloseTo(3, within(1e-12));
        assertThat(q[2]).isCloseTo(4.6, within(1e-12));
    }

    @Test
    void theBandIsYesterdayPlusPastErrorsHeldWithinTheRating() {
        History history = new HistoryGenerator(ForecastSite.example(), 3).generate(LocalDate.of(2025, 5, 1), 30, Duration.ofHours(1));
        PersistenceForecaster persistence = PersistenceForecaster.fit(history.days(0, 29), Quantity.WIND, ProbabilisticForecast.STANDARD_LEVELS);

        ProbabilisticForecast f = persistence.forecast(history.days(28, 29), history.weatherForecast(29));

        double[] yesterday = history.valuesKw(Quantity.WIND, 28);
        for (int t = 0; t < 24; t++) {
            assertThat(f.quantilesKw(t)).isSorted();
            assertThat(f.quantileKw(t, 6)).isBetween(yesterday[t], history.site().windRatingKw());
            assertThat(f.quantileKw(t, 0)).isBetween(0.0, yesterday[t]);
        }
    }
}
