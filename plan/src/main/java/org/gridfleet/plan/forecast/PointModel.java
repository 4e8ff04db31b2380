package org.gridfleet.plan.forecast;

import java.util.List;
import org.tribuo.Model;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * The point forecast, per unit: a Tribuo random forest of CART regression trees (bootstrap samples, 70 % of the
 * features tried at each split, depth 10, at least 5 intervals per leaf). Trees take the non-linear relations as they
 * come (the power curve, clipping, the hour-by-weekday shape of demand, how the weather forecast's cloudiness maps to
 * output) without feature engineering, and averaging many keeps their variance down. They do not extrapolate: a
 * hotter summer than any in the history is forecast like the hottest one seen.
 */
final class PointModel {
    private static final int MAX_DEPTH = 10;
    private static final float MIN_CHILD_WEIGHT = 5f;
    private static final float FEATURE_FRACTION = 0.7f;

    private final String[] names;
    private final Model<Regressor> forest;

    private PointModel(String[] names, Model<Regressor> forest) {
        this.names = names;
        this.forest = forest;
    }

    /** Fits rows {@code x} (named by {@code names}) to targets {@code y} with a forest of {@code trees} trees. */
    static PointModel train(String[] names, List<double[]> x, double[] y, int trees, long seed, String what) {
        CARTRegressionTrainer tree = new CARTRegressionTrainer(MAX_DEPTH, MIN_CHILD_WEIGHT, 0f, FEATURE_FRACTION, false, new MeanSquaredError(), seed);
        RandomForestTrainer<Regressor> trainer = new RandomForestTrainer<>(tree, new AveragingCombiner(), trees, seed);
        return new PointModel(names, TribuoRegression.train(trainer, names, x, y, what));
    }

    /** The point forecasts of rows {@code x}, per unit. */
    double[] predict(List<double[]> x) {
        return TribuoRegression.predict(forest, names, x);
    }
}
