package org.gridfleet.plan.stochastic;

import static java.util.Objects.requireNonNull;

import org.gridfleet.plan.forecast.ProbabilisticForecast;
import org.gridfleet.plan.forecast.Quantity;
import org.gridfleet.plan.reliability.ForecastError;
import org.gridfleet.plan.reliability.MonteCarloOptions;

/**
 * The forecast errors the scenarios sample, learned rather than assumed: a {@link ProbabilisticForecast}'s spread and
 * correlation in time as the relative AR(1) error ({@link ForecastError}) that {@code MonteCarloReliability} draws
 * around the fleet's forecasts. So the stochastic planner sizes reserve to how wrong the learned forecasts have been,
 * not to a default.
 *
 * <p>Each interval's standard deviation is read from the 5–95 % band as for a normal distribution,
 * {@code σ_t = (q95 − q05) / (2 · 1.645)}; the relative error is {@code Σ σ_t / Σ q50_t} over the intervals whose
 * median is at least {@link #MIN_SHARE_OF_PEAK} of the largest median (a photovoltaic night, where both are 0, says
 * nothing). The correlation one hour apart is the forecast's lag-1 correlation raised to {@code 1 / step in hours},
 * within [0, 1].
 */
public final class ForecastErrors {
    /** Intervals whose median is below this share of the day's largest median are left out of the relative error. */
    public static final double MIN_SHARE_OF_PEAK = 0.05;
    private static final double Z95 = 1.6448536269514722;

    private ForecastErrors() {}

    /** The relative AR(1) error of {@code forecast}. */
    public static ForecastError of(ProbabilisticForecast forecast) {
        requireNonNull(forecast, "forecast");
        int low = levelIndex(forecast, 0.05);
        int median = levelIndex(forecast, 0.5);
        int high = levelIndex(forecast, 0.95);
        double peak = 0;
        for (int t = 0; t < forecast.intervals(); t++) {
            peak = Math.max(peak, forecast.quantileKw(t, median));
        }
        if (!(peak > 0)) {
            throw new IllegalArgumentException(forecast.quantity().label() + " forecast is 0 throughout: it says nothing about relative errors");
        }
        double spread = 0;
        double level = 0;
        for (int t = 0; t < forecast.intervals(); t++) {
            double q50 = forecast.quantileKw(t, median);
            if (q50 >= MIN_SHARE_OF_PEAK * peak) {
                spread += (forecast.quantileKw(t, high) - forecast.quantileKw(t, low)) / (2 * Z95);
                level += q50;
            }
        }
        double stepHours = forecast.step().toSeconds() / 3600.0;
        double perHour = Math.pow(Math.max(0, forecast.lag1Correlation()), 1 / stepHours);
        return new ForecastError(spread / level, Math.min(1, perHour));
    }

    /** {@code options} drawing photovoltaic, wind and demand errors as the three forecasts say. */
    public static MonteCarloOptions calibrate(MonteCarloOptions options, ProbabilisticForecast photovoltaic, ProbabilisticForecast wind,
                                              ProbabilisticForecast demand) {
        expect(photovoltaic, Quantity.PV);
        expect(wind, Quantity.WIND);
        expect(demand, Quantity.DEMAND);
        return options.withForecastErrors(of(photovoltaic), of(wind), of(demand));
    }

    private static void expect(ProbabilisticForecast forecast, Quantity quantity) {
        if (requireNonNull(forecast, quantity.label()).quantity() != quantity) {
            throw new IllegalArgumentException("expected a forecast of " + quantity.label() + ", got one of " + forecast.quantity().label());
        }
    }

    private static int levelIndex(ProbabilisticForecast forecast, double level) {
        double[] levels = forecast.levels();
        for (int i = 0; i < levels.length; i++) {
            if (Math.abs(levels[i] - level) < 1e-9) {
                return i;
            }
        }
        throw new IllegalArgumentException("the " + forecast.quantity().label() + " forecast has no " + level + " quantile: its levels are "
                + java.util.Arrays.toString(levels));
    }
}
