package org.gridfleet.plan.forecast;

import java.util.List;

/**
 * The lag-1 correlation of forecast errors as the Gaussian copula sees them: each actual's probability under its
 * interval's forecast, turned into a normal score, correlated with the next interval's score within the same day.
 * Only intervals whose forecast rises strictly from its lower to its upper end count: where quantiles meet a bound
 * (photovoltaic nights, calms, rated output) many probabilities share one value and its score would understate the
 * correlation. The choice depends on the forecast alone, not on the actual, so it does not bias the estimate.
 */
final class ErrorCorrelation {
    private static final double LIMIT = 0.99;

    private ErrorCorrelation() {
    }

    /** The correlation over all neighbouring pairs of all days; 0 when there is no pair. */
    static double lag1(List<ProbabilisticForecast> forecasts, List<double[]> actualsKw) {
        double cross = 0;
        double first = 0;
        double second = 0;
        for (int d = 0; d < forecasts.size(); d++) {
            ProbabilisticForecast f = forecasts.get(d);
            double[] actual = actualsKw.get(d);
            double previous = Double.NaN;
            for (int t = 0; t < f.intervals(); t++) {
                double z = f.normalScore(t, actual[t]);
                if (!Double.isNaN(previous) && !Double.isNaN(z)) {
                    cross += previous * z;
                    first += previous * previous;
                    second += z * z;
                }
                previous = z;
            }
        }
        if (first == 0 || second == 0) {
            return 0;
        }
        return Math.max(-LIMIT, Math.min(LIMIT, cross / Math.sqrt(first * second)));
    }
}
