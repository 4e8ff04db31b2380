package org.gridfleet.plan.forecast;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import com.oracle.labs.mlrg.olcut.util.Pair;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.regression.sgd.RegressionObjective;

/**
 * The pinball (quantile) loss as a Tribuo SGD objective: a linear model trained with it estimates the
 * {@code level}-quantile of the target instead of its mean,
 * {@code L = level·(y − q)} when {@code y ≥ q}, {@code (1 − level)·(q − y)} otherwise.
 * Tribuo expects the loss and its negative gradient in the prediction, {@code level} or {@code level − 1}.
 */
public final class PinballLoss implements RegressionObjective {
    @Config(mandatory = true, description = "Probability level of the quantile, within (0, 1).")
    private double level;

    /** For Tribuo's configuration system only. */
    private PinballLoss() {
    }

    public PinballLoss(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be within (0, 1): " + level);
        }
        this.level = level;
    }

    /** The loss of quantile {@code q} against actual {@code y} at probability {@code level}. */
    public static double of(double level, double q, double y) {
        return y >= q ? level * (y - q) : (1 - level) * (q - y);
    }

    @Override
    public Pair<Double, SGDVector> lossAndGradient(DenseVector truth, SGDVector prediction) {
        DenseVector difference = truth.subtract(prediction);
        double loss = 0;
        for (int i = 0; i < difference.size(); i++) {
            loss += of(level, 0, difference.get(i));
        }
        difference.foreachInPlace(d -> d > 0 ? level : d < 0 ? level - 1 : 0);
        return new Pair<>(loss, difference);
    }

    /** @deprecated Tribuo's older name for {@link #lossAndGradient(DenseVector, SGDVector)}. */
    @Deprecated
    @Override
    public Pair<Double, SGDVector> loss(DenseVector truth, SGDVector prediction) {
        return lossAndGradient(truth, prediction);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "RegressionObjective");
    }

    @Override
    public String toString() {
        return "PinballLoss(level=" + level + ")";
    }
}
