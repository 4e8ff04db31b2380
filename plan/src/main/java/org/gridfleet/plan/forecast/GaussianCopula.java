package org.gridfleet.plan.forecast;

import java.util.Random;

/**
 * Time-correlated scenarios from per-interval distributions: a standard normal AR(1) path
 * {@code z[t] = ρ·z[t−1] + √(1−ρ²)·ε[t]} is mapped through Φ to probabilities and through each interval's quantile
 * function to kW. Every scenario's value in an interval then follows that interval's forecast distribution, and
 * neighbouring intervals err together as the history says they do.
 */
final class GaussianCopula {
    private GaussianCopula() {
    }

    /** {@code count} scenarios over the curves' intervals, kW; the same seed gives the same scenarios. */
    static double[][] sample(QuantileCurve[] curves, double rho, int count, long seed) {
        Random random = new Random(seed);
        double innovation = Math.sqrt(1 - rho * rho);
        double[][] scenarios = new double[count][curves.length];
        for (int s = 0; s < count; s++) {
            double z = random.nextGaussian();
            for (int t = 0; t < curves.length; t++) {
                if (t > 0) {
                    z = rho * z + innovation * random.nextGaussian();
                }
                scenarios[s][t] = curves[t].valueAt(Normal.cdf(z));
            }
        }
        return scenarios;
    }

    /** The normal score Φ⁻¹(F(x)) of {@code kw} under {@code curve}, probabilities kept off 0 and 1. */
    static double normalScore(QuantileCurve curve, double kw) {
        double p = Math.max(0.001, Math.min(0.999, curve.probabilityOf(kw)));
        return Normal.quantile(p);
    }
}
