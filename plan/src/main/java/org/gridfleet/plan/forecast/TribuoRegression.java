package org.gridfleet.plan.forecast;

import java.util.ArrayList;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** Rows of numbers in and out of Tribuo: one place that knows its datasets, examples and predictions. */
final class TribuoRegression {
    private static final String TARGET = "valuePu";
    private static final RegressionFactory FACTORY = new RegressionFactory();

    private TribuoRegression() {
    }

    /** Trains {@code trainer} on rows {@code x} with targets {@code y}; features are named by {@code names}. */
    static Model<Regressor> train(Trainer<Regressor> trainer, String[] names, List<double[]> x, double[] y, String what) {
        MutableDataset<Regressor> data = new MutableDataset<>(new SimpleDataSourceProvenance(what, FACTORY), FACTORY);
        for (int i = 0; i < y.length; i++) {
            data.add(new ArrayExample<>(new Regressor(TARGET, y[i]), names, x.get(i)));
        }
        return trainer.train(data);
    }

    /** The model's predictions for rows {@code x}, in order. */
    static double[] predict(Model<Regressor> model, String[] names, List<double[]> x) {
        List<Example<Regressor>> examples = new ArrayList<>(x.size());
        for (double[] row : x) {
            examples.add(new ArrayExample<>(RegressionFactory.UNKNOWN_REGRESSOR, names, row));
        }
        List<Prediction<Regressor>> predictions = model.predict(examples);
        double[] values = new double[predictions.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = predictions.get(i).getOutput().getValues()[0];
        }
        return values;
    }
}
