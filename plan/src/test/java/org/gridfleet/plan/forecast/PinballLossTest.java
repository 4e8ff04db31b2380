package org.gridfleet.plan.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;

class PinballLossTest {

    @Test
    void theLossIsLevelTimesShortfallOrOneMinusLevelTimesExcess() {
        assertThat(PinballLoss.of(0.9, 10, 14)).isCloseTo(0.9 * 4, within(1e-12));
        assertThat(PinballLoss.of(0.9, 10, 6)).isCloseTo(0.1 * 4, within(1e-12));
        assertThat(PinballLoss.of(0.5, 3, 3)).isZero();
    }

    /**
     * Trained through Tribuo's SGD on y uniform on [0, 1) against a constant feature, a pinball model of level τ must
     * land on the τ-quantile of the sample, τ itself: this pins the sign of the gradient Tribuo is given.
     */
    @Test
    void aLinearModelTrainedWithItFindsTheQuantileOfAUniformSample() {
        Random random = new Random(3);
        List<double[]> x = new ArrayList<>();
        double[] y = new double[4000];
        for (int i = 0; i < y.length; i++) {
            x.add(new double[] {1});
            y[i] = random.nextDouble();
        }
        for (double level : new double[] {0.1, 0.5, 0.9}) {
            var trainer = new LinearSGDTrainer(new PinballLoss(level), new AdaGrad(0.1), 5, -1, 1, 1L);
            var model = TribuoRegression.train(trainer, new String[] {"one"}, x, y, "uniform");

            double quantile = TribuoRegression.predict(model, new String[] {"one"}, List.of(new double[] {1}))[0];

            assertThat(quantile).as("level %s", level).isCloseTo(level, within(0.03));
        }
    }
}
