package org.gridfleet.plan.forecast;

/**
 * One interval's predictive distribution as a piecewise-linear quantile function through the forecast quantiles,
 * extended to probability 0 and 1 with the slope of the outermost segments and held within the physical bounds.
 * Its inverse, the CDF, is what turns an actual value into a probability (to learn correlation); the quantile
 * function turns a probability into a scenario value.
 */
final class QuantileCurve {
    private final double[] levels;
    private final double[] valuesKw;

    /**
     * @param levels   increasing probabilities strictly within (0, 1)
     * @param sortedKw non-decreasing quantiles at those levels, kW
     */
    QuantileCurve(double[] levels, double[] sortedKw, double lowerKw, double upperKw) {
        int n = levels.length;
        this.levels = new double[n + 2];
        this.valuesKw = new double[n + 2];
        System.arraycopy(levels, 0, this.levels, 1, n);
        System.arraycopy(sortedKw, 0, this.valuesKw, 1, n);
        this.levels[n + 1] = 1;
        double lowSlope = n > 1 ? (sortedKw[1] - sortedKw[0]) / (levels[1] - levels[0]) : 0;
        double highSlope = n > 1 ? (sortedKw[n - 1] - sortedKw[n - 2]) / (levels[n - 1] - levels[n - 2]) : 0;
        this.valuesKw[0] = Math.max(lowerKw, Math.min(sortedKw[0], sortedKw[0] - lowSlope * levels[0]));
        this.valuesKw[n + 1] = Math.min(upperKw, Math.max(sortedKw[n - 1], sortedKw[n - 1] + highSlope * (1 - levels[n - 1])));
    }

    /**
     * Whether the quantile function rises strictly everywhere, so that a value tells its probability exactly. Not so
     * where quantiles meet a bound or each other (a photovoltaic night, a calm, a turbine at rated output): there a
     * stretch of probabilities gives one value.
     */
    boolean strictlyIncreasing() {
        for (int i = 1; i < valuesKw.length; i++) {
            if (!(valuesKw[i] - valuesKw[i - 1] > 1e-9)) {
                return false;
            }
        }
        return true;
    }

    /** The value at probability {@code p} in [0, 1], kW. */
    double valueAt(double p) {
        int i = 1;
        while (i < levels.length - 1 && levels[i] < p) {
            i++;
        }
        double span = levels[i] - levels[i - 1];
        double w = span > 0 ? (p - levels[i - 1]) / span : 1;
        return valuesKw[i - 1] + Math.max(0, Math.min(1, w)) * (valuesKw[i] - valuesKw[i - 1]);
    }

    /** The probability of a value at most {@code kw}: the middle of any flat stretch at {@code kw}. */
    double probabilityOf(double kw) {
        if (kw <= valuesKw[0]) {
            return 0;
        }
        if (kw >= valuesKw[valuesKw.length - 1]) {
            return 1;
        }
        double lowest = 1;
        double highest = 0;
        for (int i = 1; i < levels.length; i++) {
            double a = valuesKw[i - 1];
            double b = valuesKw[i];
            if (kw >= a && kw <= b) {
                double p = b > a ? levels[i - 1] + (kw - a) / (b - a) * (levels[i] - levels[i - 1]) : levels[i - 1];
                double q = b > a ? p : levels[i];
                lowest = Math.min(lowest, p);
                highest = Math.max(highest, q);
            }
        }
        return (lowest + highest) / 2;
    }
}
