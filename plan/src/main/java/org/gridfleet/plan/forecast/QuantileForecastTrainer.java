package org.gridfleet.plan.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Learns a {@link LearnedForecaster} from a site's history, in three steps:
 * <ol>
 *   <li>a point forecast ({@link PointModel}: a Tribuo random forest of CART regression trees) on the day's
 *       features (the day-ahead weather forecast, the clear sky, the hour, the last week's measurements), trained
 *       twice on alternate weeks so that every training day also gets an out-of-fold forecast, and once more on all
 *       days for use;</li>
 *   <li>quantiles: a {@link QuantileLayer} of pinball-loss linear models fitted to those out-of-fold forecasts and
 *       the actuals, so that the spread it learns is that of forecasts on unseen days, not of the forest's fit;</li>
 *   <li>the lag-1 correlation of the errors' normal scores on the training days ({@link ErrorCorrelation}).</li>
 * </ol>
 * Seeded: the same history and seed give the same forecaster.
 */
public final class QuantileForecastTrainer {
    /** The fewest days a history must have: a week of context and three weeks to learn from. */
    public static final int MIN_DAYS = DayFeatures.CONTEXT_DAYS + 21;

    private final double[] levels;
    private final int trees;
    private final long seed;

    /** The {@link ProbabilisticForecast#STANDARD_LEVELS}, a forest of 20 trees, seed 1. */
    public QuantileForecastTrainer() {
        this(ProbabilisticForecast.STANDARD_LEVELS, 20, 1);
    }

    /**
     * @param levels the quantile levels to forecast, increasing within (0, 1)
     * @param trees  trees in the point forecast's random forest
     * @param seed   seed of the forest's bootstrap and feature sampling and of the SGD shuffles
     */
    public QuantileForecastTrainer(double[] levels, int trees, long seed) {
        if (trees < 1) {
            throw new IllegalArgumentException("trees must be >= 1: " + trees);
        }
        this.levels = ProbabilisticForecast.checkLevels(levels);
        this.trees = trees;
        this.seed = seed;
    }

    /** A forecaster of {@code quantity} learned from every day of {@code history} (at least {@link #MIN_DAYS}). */
    public LearnedForecaster train(History history, Quantity quantity) {
        if (history.days() < MIN_DAYS) {
            throw new IllegalArgumentException("too little history to learn " + quantity.label() + ": " + history.days()
                    + " days from " + history.date(0) + ", need at least " + MIN_DAYS + " (" + DayFeatures.CONTEXT_DAYS
                    + " of context and 21 to learn from)");
        }
        List<TrainingDay> days = new ArrayList<>();
        for (int d = DayFeatures.CONTEXT_DAYS; d < history.days(); d++) {
            DayFeatures features = DayFeatures.of(quantity, history.days(d - DayFeatures.CONTEXT_DAYS, d), history.weatherForecast(d));
            double[] actualKw = history.valuesKw(quantity, d);
            days.add(new TrainingDay(d, features, actualKw, scaled(actualKw, quantity.scaleKw(history.site()))));
        }
        String[] names = DayFeatures.names(quantity);

        double[][] outOfFold = new double[days.size()][];
        for (int fold = 0; fold < 2; fold++) {
            int held = fold;
            PointModel point = trainPoint(names, days.stream().filter(t -> week(t) % 2 != held).toList(), quantity);
            for (int i = 0; i < days.size(); i++) {
                if (week(days.get(i)) % 2 == held) {
                    outOfFold[i] = point.predict(Arrays.asList(days.get(i).features().values()));
                }
            }
        }

        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            TrainingDay day = days.get(i);
            for (int k = 0; k < outOfFold[i].length; k++) {
                x.add(QuantileLayer.features(quantity, outOfFold[i][k], day.features(), k));
                y.add(day.actualPu()[k]);
            }
        }
        QuantileLayer layer = QuantileLayer.train(quantity, levels, x, y.stream().mapToDouble(Double::doubleValue).toArray(), seed);

        List<ProbabilisticForecast> forecasts = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            forecasts.add(layer.forecast(outOfFold[i], days.get(i).features(), history.site(), history.weatherForecast(days.get(i).index()), 0));
        }
        double rho = ErrorCorrelation.lag1(forecasts, days.stream().map(TrainingDay::actualKw).toList());
        return new LearnedForecaster(quantity, trainPoint(names, days, quantity), layer, rho);
    }

    private PointModel trainPoint(String[] names, List<TrainingDay> days, Quantity quantity) {
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (TrainingDay day : days) {
            x.addAll(Arrays.asList(day.features().values()));
            for (double v : day.actualPu()) {
                y.add(v);
            }
        }
        return PointModel.train(names, x, y.stream().mapToDouble(Double::doubleValue).toArray(), trees, seed, quantity.label() + " history");
    }

    private static int week(TrainingDay day) {
        return day.index() / 7;
    }

    private static double[] scaled(double[] kw, double scale) {
        double[] pu = new double[kw.length];
        for (int i = 0; i < kw.length; i++) {
            pu[i] = kw[i] / scale;
        }
        return pu;
    }

    /** One day to learn from: its index in the history, features, and actuals in kW and per unit. */
    private record TrainingDay(int index, DayFeatures features, double[] actualKw, double[] actualPu) {
    }
}
