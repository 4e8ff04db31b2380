package org.gridfleet.plan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScenarioTest {
    private static final double[] LEVELS = ProbabilisticForecast.STANDARD_LEVELS;
    private static final int COUNT = 4000;

    /** 24 hours whose quantiles are those of a normal with mean 500 kW and a standard deviation growing from 100 kW. */
    private static ProbabilisticForecast normalForecast(double rho) {
        double[][] q = new double[24][LEVELS.length];
        for (int t = 0; t < 24; t++) {
            for (int i = 0; i < LEVELS.length; i++) {
                q[t][i] = 500 + 100 * (1 + t / 24.0) * Normal.quantile(LEVELS[i]);
            }
        }
        return new ProbabilisticForecast(Quantity.DEMAND, Instant.parse("2025-06-01T00:00:00Z"), Duration.ofHours(1), LEVELS, q, 0,
                Double.POSITIVE_INFINITY, rho);
    }

    @Test
    void eachIntervalsScenariosFollowItsQuantilesWithinSamplingError() {
        ProbabilisticForecast forecast = normalForecast(0.8);

        assertMarginalsMatch(forecast, forecast.scenarios(COUNT, 3));
    }

    @Test
    void neighbouringIntervalsAreCorrelatedAsForecast() {
        for (double rho : new double[] {0.0, 0.5, 0.9}) {
            ProbabilisticForecast forecast = normalForecast(rho);

            assertThat(lag1OfScores(forecast, forecast.scenarios(COUNT, 4))).as("rho %s", rho).isCloseTo(rho, within(0.02));
        }
    }

    @Test
    void theSameSeedGivesTheSameScenarios() {
        ProbabilisticForecast forecast = normalForecast(0.7);

        assertThat(forecast.scenarios(5, 9)).isDeepEqualTo(forecast.scenarios(5, 9));
        assertThat(forecast.scenarios(5, 9)[0]).isNotEqualTo(forecast.scenarios(5, 10)[0]);
        assertThatThrownBy(() -> forecast.scenarios(0, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("count must be >= 1: 0");
    }

    @ParameterizedTest
    @EnumSource(Quantity.class)
    void learnedScenariosMatchTheirQuantilesAndTheLearnedCorrelation(Quantity quantity) {
        ProbabilisticForecast forecast = TrainedForecasters.forecastOfDay(quantity, TrainedForecasters.TRAINING_DAYS + 3);
        double[][] scenarios = forecast.scenarios(COUNT, 5);

        assertMarginalsMatch(forecast, scenarios);
        assertThat(lag1OfScores(forecast, scenarios)).isCloseTo(TrainedForecasters.model(quantity).lag1Correlation(), within(0.03));
        double upper = quantity.upperBoundKw(TrainedForecasters.HISTORY.site());
        for (double[] scenario : scenarios) {
            for (int t = 0; t < scenario.length; t++) {
                assertThat(scenario[t]).isBetween(0.0, upper);
                if (forecast.quantileKw(t, LEVELS.length - 1) == 0) {
                    assertThat(scenario[t]).as("interval %d", t).isZero();
                }
            }
        }
    }

    /**
     * The correlation learned on the training days holds on the held-out days: the actuals' normal scores under their
     * forecasts are about as correlated from hour to hour as the scenarios are.
     */
    @ParameterizedTest
    @EnumSource(Quantity.class)
    void theLearnedCorrelationHoldsOnHeldOutDays(Quantity quantity) {
        List<ProbabilisticForecast> forecasts = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (int d = TrainedForecasters.TRAINING_DAYS; d < TrainedForecasters.DAYS; d++) {
            forecasts.add(TrainedForecasters.forecastOfDay(quantity, d));
            actuals.add(TrainedForecasters.HISTORY.valuesKw(quantity, d));
        }
        double learned = TrainedForecasters.model(quantity).lag1Correlation();

        assertThat(learned).isBetween(0.5, 0.95);
        assertThat(ErrorCorrelation.lag1(forecasts, actuals)).isCloseTo(learned, within(0.1));
    }

    /**
     * In every interval, each quantile splits the scenarios at its level within 4 σ of sampling error: at most that
     * share lies below it and at least that share at or below it (ties matter where quantiles meet a bound, as a
     * photovoltaic night's or a calm's zeros do).
     */
    private static void assertMarginalsMatch(ProbabilisticForecast forecast, double[][] scenarios) {
        for (int t = 0; t < forecast.intervals(); t++) {
            double[] q = forecast.quantilesKw(t);
            for (int i = 0; i < LEVELS.length; i++) {
                int below = 0;
                int atMost = 0;
                for (double[] scenario : scenarios) {
                    below += scenario[t] < q[i] - 1e-9 ? 1 : 0;
                    atMost += scenario[t] <= q[i] + 1e-9 ? 1 : 0;
                }
                double tolerance = 4 * Math.sqrt(LEVELS[i] * (1 - LEVELS[i]) / scenarios.length);
                assertThat(below / (double) scenarios.length).as("below, interval %d level %s", t, LEVELS[i]).isLessThanOrEqualTo(LEVELS[i] + tolerance);
                assertThat(atMost / (double) scenarios.length).as("at most, interval %d level %s", t, LEVELS[i]).isGreaterThanOrEqualTo(LEVELS[i] - tolerance);
            }
        }
    }

    private static double lag1OfScores(ProbabilisticForecast forecast, double[][] scenarios) {
        List<ProbabilisticForecast> forecasts = new ArrayList<>();
        for (int s = 0; s < scenarios.length; s++) {
            forecasts.add(forecast);
        }
        return ErrorCorrelation.lag1(forecasts, List.of(scenarios));
    }
}
