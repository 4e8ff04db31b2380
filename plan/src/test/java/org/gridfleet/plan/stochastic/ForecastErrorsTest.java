package org.gridfleet.plan.stochastic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gridfleet.plan.forecast.ForecastSite;
import org.gridfleet.plan.forecast.History;
import org.gridfleet.plan.forecast.ProbabilisticForecast;
import org.gridfleet.plan.forecast.QuantileForecastTrainer;
import org.gridfleet.plan.forecast.Quantity;
import org.gridfleet.plan.forecast.history.HistoryGenerator;
import org.gridfleet.plan.reliability.ForecastError;
import org.gridfleet.plan.reliability.MonteCarloOptions;
import org.junit.jupiter.api.Test;

/** Learned forecasts as the errors the scenarios draw: normal bands give back their σ; a learned forecast a sound one. */
class ForecastErrorsTest {
    private static final double[] LEVELS = ProbabilisticForecast.STANDARD_LEVELS;
    /** Standard normal quantiles of {@link #LEVELS}. */
    private static final double[] Z = {-1.6448536269514722, -1.2815515655446004, -0.6744897501960817, 0, 0.6744897501960817,
            1.2815515655446004, 1.6448536269514722};

    /** Normal quantiles around {@code medianKw[t]} with standard deviation {@code sigma·medianKw[t]}. */
    private static ProbabilisticForecast normal(Quantity quantity, Duration step, double sigma, double lag1, double... medianKw) {
        double[][] q = new double[medianKw.length][LEVELS.length];
        for (int t = 0; t < medianKw.length; t++) {
            for (int l = 0; l < LEVELS.length; l++) {
                q[t][l] = Math.max(0, medianKw[t] * (1 + sigma * Z[l]));
            }
        }
        return new ProbabilisticForecast(quantity, Instant.parse("2026-11-23T00:00:00Z"), step, LEVELS, q, 0, Double.POSITIVE_INFINITY, lag1);
    }

    @Test
    void aNormalBandGivesBackItsSigmaAndTheHourlyCorrelation() {
        ForecastError hourly = ForecastErrors.of(normal(Quantity.DEMAND, Duration.ofHours(1), 0.04, 0.8, 900, 1000, 1100, 1000));
        assertThat(hourly.sigma()).isCloseTo(0.04, within(1e-12));
        assertThat(hourly.correlationPerHour()).isCloseTo(0.8, within(1e-12));

        ForecastError quarterHourly = ForecastErrors.of(normal(Quantity.DEMAND, Duration.ofMinutes(15), 0.04, 0.9, 1000, 1000));
        assertThat(quarterHourly.correlationPerHour()).isCloseTo(Math.pow(0.9, 4), within(1e-12));
        assertThat(ForecastErrors.of(normal(Quantity.WIND, Duration.ofHours(1), 0.2, -0.3, 50, 60)).correlationPerHour()).isZero();
    }

    @Test
    void nightsSayNothingAboutTheRelativeError() {
        // a clipped band at a small median would distort the ratio: intervals below 5 % of the peak are left out
        ForecastError pv = ForecastErrors.of(normal(Quantity.PV, Duration.ofHours(1), 0.25, 0.7, 0, 0, 2, 400, 800, 400, 0));
        assertThat(pv.sigma()).isCloseTo(0.25, within(1e-12));
        assertThatThrownBy(() -> ForecastErrors.of(normal(Quantity.PV, Duration.ofHours(1), 0.25, 0.7, 0, 0, 0)))
                .hasMessageContaining("0 throughout");
    }

    @Test
    void theThreeForecastsMustBeWhatTheySayAndHaveTheBand() {
        ProbabilisticForecast demand = normal(Quantity.DEMAND, Duration.ofHours(1), 0.03, 0.9, 1000, 1000);
        ProbabilisticForecast pv = normal(Quantity.PV, Duration.ofHours(1), 0.2, 0.8, 100, 200);
        ProbabilisticForecast wind = normal(Quantity.WIND, Duration.ofHours(1), 0.3, 0.9, 300, 200);
        MonteCarloOptions calibrated = ForecastErrors.calibrate(MonteCarloOptions.DEFAULT, pv, wind, demand);
        assertThat(calibrated.photovoltaic().sigma()).isCloseTo(0.2, within(1e-12));
        assertThat(calibrated.wind().sigma()).isCloseTo(0.3, within(1e-12));
        assertThat(calibrated.demand().sigma()).isCloseTo(0.03, within(1e-12));
        assertThat(calibrated.samples()).isEqualTo(MonteCarloOptions.DEFAULT.samples());

        assertThatThrownBy(() -> ForecastErrors.calibrate(MonteCarloOptions.DEFAULT, wind, pv, demand))
                .hasMessageContaining("expected a forecast of photovoltaic output, got one of wind output");
        ProbabilisticForecast narrow = new ProbabilisticForecast(Quantity.DEMAND, Instant.parse("2026-11-23T00:00:00Z"), Duration.ofHours(1),
                new double[] {0.25, 0.5, 0.75}, new double[][] {{90, 100, 110}}, 0, Double.POSITIVE_INFINITY, 0.5);
        assertThatThrownBy(() -> ForecastErrors.of(narrow)).hasMessageContaining("no 0.05 quantile");
    }

    @Test
    void learnedForecastsGiveErrorsAsWideAsTheirSkillSays() {
        Logger.getLogger("org.tribuo").setLevel(Level.WARNING);
        History history = new HistoryGenerator(ForecastSite.example(), 3).generate(LocalDate.of(2025, 3, 1), 70, Duration.ofHours(1));
        QuantileForecastTrainer trainer = new QuantileForecastTrainer(LEVELS, 10, 1);
        ForecastError[] errors = new ForecastError[Quantity.values().length];
        for (Quantity q : Quantity.values()) {
            ProbabilisticForecast day = trainer.train(history.days(0, 63), q).forecast(history.days(56, 63), history.weatherForecast(63));
            errors[q.ordinal()] = ForecastErrors.of(day);
        }
        ForecastError pv = errors[Quantity.PV.ordinal()];
        ForecastError wind = errors[Quantity.WIND.ordinal()];
        ForecastError demand = errors[Quantity.DEMAND.ordinal()];
        // a day ahead, the weather is far less certain than demand, and wind (a cubic power curve) the least
        assertThat(demand.sigma()).isBetween(0.01, 0.15);
        assertThat(pv.sigma()).isGreaterThan(demand.sigma());
        assertThat(wind.sigma()).isGreaterThan(demand.sigma());
        for (ForecastError e : errors) {
            assertThat(e.correlationPerHour()).isBetween(0.0, 1.0);
        }
    }
}
