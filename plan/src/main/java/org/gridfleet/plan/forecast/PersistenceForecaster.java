package org.gridfleet.plan.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The baseline a learned forecast must beat: tomorrow is today again. Its median is the same interval yesterday; its
 * quantiles add the empirical quantiles of that rule's past errors in the same interval of the day, so the band is
 * as wide as persistence has been wrong at that hour. No learning beyond counting.
 */
public final class PersistenceForecaster implements DayAheadForecaster {
    private final Quantity quantity;
    private final double[] levels;
    private final double[][] errorQuantilesKw;
    private final double lag1Correlation;

    private PersistenceForecaster(Quantity quantity, double[] levels, double[][] errorQuantilesKw, double lag1Correlation) {
        this.quantity = quantity;
        this.levels = levels;
        this.errorQuantilesKw = errorQuantilesKw;
        this.lag1Correlation = lag1Correlation;
    }

    /** Persistence with error quantiles at {@code levels} counted over every day of {@code history} but the first. */
    public static PersistenceForecaster fit(History history, Quantity quantity, double[] levels) {
        double[] checked = ProbabilisticForecast.checkLevels(levels);
        if (history.days() < 2) {
            throw new IllegalArgumentException("persistence of " + quantity.label() + " needs at least 2 days of history, got " + history.days());
        }
        int n = history.intervalsPerDay();
        double[][] errorsKw = new double[n][history.days() - 1];
        for (int d = 1; d < history.days(); d++) {
            double[] today = history.valuesKw(quantity, d);
            double[] yesterday = history.valuesKw(quantity, d - 1);
            for (int k = 0; k < n; k++) {
                errorsKw[k][d - 1] = today[k] - yesterday[k];
            }
        }
        double[][] errorQuantilesKw = new double[n][];
        for (int k = 0; k < n; k++) {
            errorQuantilesKw[k] = empiricalQuantiles(errorsKw[k], checked);
        }
        PersistenceForecaster unfitted = new PersistenceForecaster(quantity, checked, errorQuantilesKw, 0);
        List<ProbabilisticForecast> forecasts = new ArrayList<>();
        List<double[]> actuals = new ArrayList<>();
        for (int d = 1; d < history.days(); d++) {
            forecasts.add(unfitted.forecast(history.days(d - 1, d), history.weatherForecast(d)));
            actuals.add(history.valuesKw(quantity, d));
        }
        return new PersistenceForecaster(quantity, checked, errorQuantilesKw, ErrorCorrelation.lag1(forecasts, actuals));
    }

    /** Quantiles of {@code sample} at {@code levels}, linear between order statistics (Hyndman and Fan type 7). */
    static double[] empiricalQuantiles(double[] sample, double[] levels) {
        double[] sorted = sample.clone();
        Arrays.sort(sorted);
        double[] q = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            double h = (sorted.length - 1) * levels[i];
            int lo = (int) Math.floor(h);
            int hi = Math.min(sorted.length - 1, lo + 1);
            q[i] = sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
        }
        return q;
    }

    @Override
    public Quantity quantity() {
        return quantity;
    }

    @Override
    public int contextDays() {
        return 1;
    }

    @Override
    public ProbabilisticForecast forecast(History recent, WeatherForecast weather) {
        int n = recent.intervalsPerDay();
        if (weather.intervals().size() != n || !weather.start().equals(recent.rows().getLast().start().plus(recent.step()))) {
            throw new IllegalArgumentException("the weather forecast from " + weather.start() + " must cover the day right after the history");
        }
        double[] yesterday = recent.valuesKw(quantity, recent.days() - 1);
        double upper = quantity.upperBoundKw(recent.site());
        double[][] quantilesKw = new double[n][levels.length];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < levels.length; i++) {
                quantilesKw[k][i] = Math.max(0, Math.min(upper, yesterday[k] + errorQuantilesKw[k][i]));
            }
        }
        return new ProbabilisticForecast(quantity, weather.start(), weather.step(), levels, quantilesKw, 0, upper, lag1Correlation);
    }
}
