package org.gridfleet.plan.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;

/**
 * Turns a point forecast into quantiles: one linear model per level, trained by Tribuo's SGD with the
 * {@link PinballLoss} on out-of-fold point forecasts, so that each learns how far actuals fall from the point forecast
 * in which conditions (a half-cloudy noon errs more than a clear one, a turbine on the steep part of its curve more
 * than one at rated output, a far interval more than a near one). Predicted quantiles are then held within the physical
 * bounds (photovoltaic output 0 at night) and sorted, so that they never cross.
 */
final class QuantileLayer {
    private static final int EPOCHS = 12;
    private static final double LEARNING_RATE = 0.1;

    private final Quantity quantity;
    private final double[] levels;
    private final List<Model<Regressor>> models;

    private QuantileLayer(Quantity quantity, double[] levels, List<Model<Regressor>> models) {
        this.quantity = quantity;
        this.levels = levels.clone();
        this.models = List.copyOf(models);
    }

    /** Names of the quantile models' features. */
    static String[] names(Quantity quantity) {
        return switch (quantity) {
            case PV -> new String[] {"point", "clearSky", "pointSpread"};
            case WIND -> new String[] {"point", "pointSpread", "lead", "leadSpread"};
            case DEMAND -> new String[] {"point", "lead"};
        };
    }

    /** The quantile models' features of interval {@code k}, given its point forecast per unit. */
    static double[] features(Quantity quantity, double pointPu, DayFeatures day, int k) {
        double lead = day.leadHours()[k] / 24;
        return switch (quantity) {
            case PV -> {
                double clear = day.clearSkyPu()[k];
                double p = Math.max(0, Math.min(clear, pointPu));
                yield new double[] {p, clear, clear > 0 ? p * (clear - p) / clear : 0};
            }
            case WIND -> {
                double p = Math.max(0, Math.min(1, pointPu));
                yield new double[] {p, p * (1 - p), lead, lead * p * (1 - p)};
            }
            case DEMAND -> new double[] {pointPu, lead};
        };
    }

    /** One pinball-loss model per level, on rows {@code x} (from {@link #features}) and targets {@code y} per unit. */
    static QuantileLayer train(Quantity quantity, double[] levels, List<double[]> x, double[] y, long seed) {
        List<Model<Regressor>> models = new ArrayList<>();
        for (double level : levels) {
            LinearSGDTrainer trainer = new LinearSGDTrainer(new PinballLoss(level), new AdaGrad(LEARNING_RATE), EPOCHS, -1, 1, seed);
            models.add(TribuoRegression.train(trainer, names(quantity), x, y, quantity.label() + " quantile " + level));
        }
        return new QuantileLayer(quantity, levels, models);
    }

    /** The forecast for the day of {@code day}, from its point forecast per unit. */
    ProbabilisticForecast forecast(double[] pointPu, DayFeatures day, ForecastSite site, WeatherForecast weather, double rho) {
        int n = pointPu.length;
        List<double[]> rows = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            rows.add(features(quantity, pointPu[k], day, k));
        }
        double[][] quantilesKw = new double[n][levels.length];
        double scale = quantity.scaleKw(site);
        double upper = quantity.upperBoundKw(site);
        for (int i = 0; i < levels.length; i++) {
            double[] pu = TribuoRegression.predict(models.get(i), names(quantity), rows);
            for (int k = 0; k < n; k++) {
                boolean night = quantity == Quantity.PV && day.clearSkyPu()[k] <= 0;
                quantilesKw[k][i] = night ? 0 : Math.max(0, Math.min(upper, pu[k] * scale));
            }
        }
        for (double[] row : quantilesKw) {
            Arrays.sort(row);
        }
        return new ProbabilisticForecast(quantity, weather.start(), weather.step(), levels, quantilesKw, 0, upper, rho);
    }
}
