package org.gridfleet.plan.forecast;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A probabilistic forecast of one quantity over a horizon of equal intervals: quantiles per interval (kW, at the same
 * probability levels in every interval, never crossing, within the quantity's physical bounds) and the lag-1
 * correlation of forecast errors that its scenarios reproduce. This is what the stochastic planner consumes:
 * {@link #scenarios(int, long)} gives trajectories, {@link #quantileKw(int, int)} the bands.
 */
public final class ProbabilisticForecast {
    /** The levels forecast by default: 5, 10, 25, 50, 75, 90 and 95 %. */
    public static final double[] STANDARD_LEVELS = {0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95};

    private final Quantity quantity;
    private final Instant start;
    private final Duration step;
    private final double[] levels;
    private final double[][] quantilesKw;
    private final double lowerKw;
    private final double upperKw;
    private final double lag1Correlation;
    private final QuantileCurve[] curves;

    /**
     * @param quantity        what is forecast
     * @param start           start of the first interval (UTC)
     * @param step            length of each interval
     * @param levels          probability levels, increasing, strictly within (0, 1)
     * @param quantilesKw     {@code [interval][level]} quantiles in kW, non-decreasing along each row
     * @param lowerKw         the least the quantity can be (0 for all three)
     * @param upperKw         the most it can be (a rating, or infinity for demand)
     * @param lag1Correlation correlation of the errors' normal scores between neighbouring intervals, in (−1, 1)
     */
    public ProbabilisticForecast(Quantity quantity, Instant start, Duration step, double[] levels, double[][] quantilesKw,
            double lowerKw, double upperKw, double lag1Correlation) {
        this.quantity = requireNonNull(quantity, "quantity");
        this.start = requireNonNull(start, "start");
        this.step = requireNonNull(step, "step");
        this.levels = checkLevels(levels);
        if (!(lag1Correlation > -1 && lag1Correlation < 1)) {
            throw new IllegalArgumentException("lag1Correlation must be within (-1, 1): " + lag1Correlation);
        }
        if (!(lowerKw <= upperKw)) {
            throw new IllegalArgumentException("lowerKw " + lowerKw + " must not exceed upperKw " + upperKw);
        }
        this.lowerKw = lowerKw;
        this.upperKw = upperKw;
        this.lag1Correlation = lag1Correlation;
        this.quantilesKw = new double[quantilesKw.length][];
        this.curves = new QuantileCurve[quantilesKw.length];
        for (int t = 0; t < quantilesKw.length; t++) {
            this.quantilesKw[t] = checkRow(quantilesKw[t], t);
            this.curves[t] = new QuantileCurve(this.levels, this.quantilesKw[t], lowerKw, upperKw);
        }
    }

    /** A copy of {@code levels} once checked: at least one, increasing strictly within (0, 1). */
    static double[] checkLevels(double[] levels) {
        if (levels.length == 0) {
            throw new IllegalArgumentException("at least one quantile level is needed");
        }
        for (int i = 0; i < levels.length; i++) {
            if (!(levels[i] > 0 && levels[i] < 1) || (i > 0 && !(levels[i] > levels[i - 1]))) {
                throw new IllegalArgumentException("quantile levels must increase strictly within (0, 1): " + Arrays.toString(levels));
            }
        }
        return levels.clone();
    }

    private double[] checkRow(double[] row, int interval) {
        if (row.length != levels.length) {
            throw new IllegalArgumentException("interval " + interval + " has " + row.length + " quantiles for " + levels.length + " levels");
        }
        for (int i = 0; i < row.length; i++) {
            boolean inBounds = row[i] >= lowerKw && row[i] <= upperKw;
            if (!inBounds || (i > 0 && row[i] < row[i - 1])) {
                throw new IllegalArgumentException("quantiles of interval " + interval + " must be non-decreasing within ["
                        + lowerKw + ", " + upperKw + "] kW: " + Arrays.toString(row));
            }
        }
        return row.clone();
    }

    public Quantity quantity() {
        return quantity;
    }

    /** Start of the first interval (UTC). */
    public Instant start() {
        return start;
    }

    public Duration step() {
        return step;
    }

    public int intervals() {
        return quantilesKw.length;
    }

    /** The probability levels, increasing. */
    public double[] levels() {
        return levels.clone();
    }

    /** The quantile at level index {@code level} in {@code interval}, kW. */
    public double quantileKw(int interval, int level) {
        return quantilesKw[interval][level];
    }

    /** All quantiles of {@code interval}, kW, in the order of {@link #levels()}. */
    public double[] quantilesKw(int interval) {
        return quantilesKw[interval].clone();
    }

    /** The quantile at {@code level} (one of {@link #levels()}) in every interval, kW. */
    public double[] seriesAtKw(double level) {
        int i = Arrays.binarySearch(levels, level);
        if (i < 0) {
            throw new IllegalArgumentException("level " + level + " is not forecast; levels are " + Arrays.toString(levels));
        }
        double[] series = new double[quantilesKw.length];
        for (int t = 0; t < series.length; t++) {
            series[t] = quantilesKw[t][i];
        }
        return series;
    }

    /** The least and the most the quantity can be, kW. */
    public double lowerKw() {
        return lowerKw;
    }

    public double upperKw() {
        return upperKw;
    }

    /** Lag-1 correlation of the forecast errors' normal scores, which the scenarios reproduce. */
    public double lag1Correlation() {
        return lag1Correlation;
    }

    /** The forecast probability that the quantity is at most {@code kw} in {@code interval}. */
    public double probabilityAtMost(int interval, double kw) {
        return curves[interval].probabilityOf(kw);
    }

    /**
     * {@code count} equally likely trajectories, {@code [scenario][interval]} in kW: in every interval distributed as
     * the quantiles say (linear between them), and correlated in time by a Gaussian copula with this forecast's lag-1
     * correlation. The same seed gives the same scenarios.
     */
    public double[][] scenarios(int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        return GaussianCopula.sample(curves, lag1Correlation, count, seed);
    }

    /**
     * Normal score of a value (the copula's view of a forecast error), for learning the correlation; NaN where the
     * interval's quantile function has a flat stretch and the score cannot be told exactly.
     */
    double normalScore(int interval, double kw) {
        return curves[interval].strictlyIncreasing() ? GaussianCopula.normalScore(curves[interval], kw) : Double.NaN;
    }
}
