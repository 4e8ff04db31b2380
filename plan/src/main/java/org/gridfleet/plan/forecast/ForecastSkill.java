package org.gridfleet.plan.forecast;

import java.util.Arrays;

/**
 * Skill scores of probabilistic forecasts against actuals, over any number of intervals.
 * <ul>
 *   <li>pinball loss: the quantile loss averaged over intervals and levels, kW; lower is better, and for a single
 *       level 0.5 it is half the mean absolute error;</li>
 *   <li>MAPE of the median: mean of {@code |median − actual| / actual} over the intervals whose actual is at least a
 *       floor (photovoltaic nights and calms would divide by zero), as a fraction;</li>
 *   <li>coverage: the share of actuals within a band, e.g. between the 5 % and 95 % quantiles (ideally 0.9), over
 *       the intervals where anything was uncertain (not photovoltaic nights).</li>
 * </ul>
 */
public final class ForecastSkill {
    private ForecastSkill() {
    }

    /** Mean pinball loss of {@code quantilesKw[interval][level]} at {@code levels} against {@code actualKw}, kW. */
    public static double pinballLoss(double[] levels, double[][] quantilesKw, double[] actualKw) {
        requireSameLength(quantilesKw.length, actualKw.length);
        if (actualKw.length == 0) {
            throw new IllegalArgumentException("pinball loss of no intervals");
        }
        double sum = 0;
        for (int t = 0; t < actualKw.length; t++) {
            if (quantilesKw[t].length != levels.length) {
                throw new IllegalArgumentException("interval " + t + " has " + quantilesKw[t].length + " quantiles for " + levels.length + " levels");
            }
            for (int i = 0; i < levels.length; i++) {
                sum += PinballLoss.of(levels[i], quantilesKw[t][i], actualKw[t]);
            }
        }
        return sum / (actualKw.length * (double) levels.length);
    }

    /**
     * Mean absolute percentage error of {@code medianKw} as a fraction, over the intervals whose actual is at least
     * {@code floorKw} and above zero; NaN when there is none.
     */
    public static double mape(double[] medianKw, double[] actualKw, double floorKw) {
        requireSameLength(medianKw.length, actualKw.length);
        double sum = 0;
        int counted = 0;
        for (int t = 0; t < actualKw.length; t++) {
            if (actualKw[t] >= floorKw && actualKw[t] > 0) {
                sum += Math.abs(medianKw[t] - actualKw[t]) / actualKw[t];
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    /**
     * Share of intervals whose actual lies within {@code [lowerKw, upperKw]}, leaving out those where band and actual
     * are one and the same value (photovoltaic nights: 0 forecast, 0 measured), which any forecast covers; NaN when
     * no interval is left.
     */
    public static double coverage(double[] lowerKw, double[] upperKw, double[] actualKw) {
        requireSameLength(lowerKw.length, actualKw.length);
        requireSameLength(upperKw.length, actualKw.length);
        long counted = 0;
        long inside = 0;
        for (int t = 0; t < actualKw.length; t++) {
            if (lowerKw[t] == upperKw[t] && upperKw[t] == actualKw[t]) {
                continue;
            }
            counted++;
            if (actualKw[t] >= lowerKw[t] && actualKw[t] <= upperKw[t]) {
                inside++;
            }
        }
        return counted == 0 ? Double.NaN : inside / (double) counted;
    }

    /** Mean absolute error of {@code pointKw}, kW. */
    public static double meanAbsoluteError(double[] pointKw, double[] actualKw) {
        requireSameLength(pointKw.length, actualKw.length);
        double sum = 0;
        for (int t = 0; t < actualKw.length; t++) {
            sum += Math.abs(pointKw[t] - actualKw[t]);
        }
        return sum / actualKw.length;
    }

    private static void requireSameLength(int forecast, int actual) {
        if (forecast != actual) {
            throw new IllegalArgumentException("forecast has " + forecast + " intervals, actuals " + actual);
        }
    }

    /** Copies of the rows of {@code forecast}'s quantiles, for {@link #pinballLoss}. */
    static double[][] quantileRows(ProbabilisticForecast forecast) {
        double[][] rows = new double[forecast.intervals()][];
        Arrays.setAll(rows, forecast::quantilesKw);
        return rows;
    }
}
