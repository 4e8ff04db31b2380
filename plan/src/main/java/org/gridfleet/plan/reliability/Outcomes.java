package org.gridfleet.plan.reliability;

import java.util.Arrays;

/**
 * What every Monte Carlo sample of a plan met ({@link MonteCarloReliability#simulate}): per sample and interval the
 * power the plan's own devices left short after their reserve (the devices' view; grid import may serve it), and per
 * sample what deploying the generators' reserve cost and what the output of units that failed would have cost.
 *
 * @param stepHours        length of one interval, h
 * @param importLimitKw    how much of a shortfall grid import can serve; 0 when islanded
 * @param shortfallKw      {@code [sample][interval]}, kW, never negative
 * @param reserveCost      per sample, cost of the generators' reserve that was deployed, each unit rising along its
 *                         cost curve (linearly between its set point and its set point plus reserve)
 * @param failedOutputCost per sample, the planned cost of output that failed units did not produce (fuel not burnt)
 */
public record Outcomes(double stepHours, double importLimitKw, double[][] shortfallKw, double[] reserveCost, double[] failedOutputCost) {
    public Outcomes {
        if (shortfallKw.length == 0 || shortfallKw.length != reserveCost.length || shortfallKw.length != failedOutputCost.length) {
            throw new IllegalArgumentException("outcomes need one row per sample, at least one sample");
        }
    }

    public int samples() {
        return shortfallKw.length;
    }

    public int intervals() {
        return shortfallKw[0].length;
    }

    /**
     * The share of samples in which interval {@code t} is short by more than {@code beyondKw} plus
     * {@link MonteCarloReliability#TOLERANCE_KW}: 0 for the devices' view, {@link #importLimitKw()} for load actually
     * lost after grid import.
     */
    public double probabilityShort(int t, double beyondKw) {
        int count = 0;
        for (double[] row : shortfallKw) {
            if (row[t] - beyondKw > MonteCarloReliability.TOLERANCE_KW) {
                count++;
            }
        }
        return (double) count / samples();
    }

    /**
     * The empirical {@code p}-quantile of what interval {@code t} is short beyond {@code beyondKw} (the smallest value
     * at least a share {@code p} of samples do not exceed), kW.
     */
    public double shortfallQuantileKw(int t, double p, double beyondKw) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile level must be within (0, 1]: " + p);
        }
        double[] values = new double[samples()];
        for (int k = 0; k < values.length; k++) {
            values[k] = Math.max(0, shortfallKw[k][t] - beyondKw);
        }
        Arrays.sort(values);
        return values[Math.max(0, (int) Math.ceil(p * values.length) - 1)];
    }
}
