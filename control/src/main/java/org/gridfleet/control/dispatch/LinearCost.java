package org.gridfleet.control.dispatch;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.plan.milp.CostSegments;

/**
 * A running generator's cost per hour over {@code [minKw, maxKw]} as the dispatch sees it: convex and piecewise
 * linear, {@code F(P) = costAtMinPerHour + Σ_k slopePerKwh[k]·δ_k} with {@code P = minKw + Σ_k δ_k} and
 * {@code 0 ≤ δ_k ≤ widthKw[k]}, slopes rising, so that a linear program fills the segments in order.
 *
 * <p>The breakpoints are the planner's (docs/optimization.md, "Cost curves"): a quadratic curve sampled at
 * {@code segments + 1} evenly spaced outputs, a piecewise-linear curve at its own points, a fuel-based curve at its
 * efficiency points, always with both ends; a curve that is not convex through them is replaced by its lower convex
 * hull: the planner's own {@link CostSegments}, up to today's available output instead of the rating.
 */
public final class LinearCost {
    /** Segments of a quadratic curve, as the planner's default. */
    public static final int QUADRATIC_SEGMENTS = 4;

    private final double minKw;
    private final double costAtMinPerHour;
    private final double[] widthKw;
    private final double[] slopePerKwh;

    private LinearCost(double minKw, double costAtMinPerHour, double[] widthKw, double[] slopePerKwh) {
        this.minKw = minKw;
        this.costAtMinPerHour = costAtMinPerHour;
        this.widthKw = widthKw;
        this.slopePerKwh = slopePerKwh;
    }

    /** The curve of {@code g} from its minimum stable power up to {@code maxKw} (its rating times availability). */
    public static LinearCost of(Generator g, double maxKw) {
        requireNonNull(g, "g");
        CostSegments segments = CostSegments.of(g, QUADRATIC_SEGMENTS, maxKw);
        return new LinearCost(segments.minKw(), segments.costAtMinPerHour(), segments.widthKw().clone(), segments.slopePerKwh().clone());
    }

    /** A linear curve: {@code costAtMinPerHour} at {@code minKw}, then {@code slopePerKwh} up to {@code maxKw}. */
    public static LinearCost linear(double minKw, double maxKw, double costAtMinPerHour, double slopePerKwh) {
        if (!(minKw >= 0) || !(maxKw >= minKw)) {
            throw new IllegalArgumentException("need 0 <= minKw <= maxKw: " + minKw + ", " + maxKw);
        }
        return maxKw > minKw ? new LinearCost(minKw, costAtMinPerHour, new double[] {maxKw - minKw}, new double[] {slopePerKwh})
                : new LinearCost(minKw, costAtMinPerHour, new double[0], new double[0]);
    }

    /**
     * The same curve over {@code [lowKw, highKw]} only, both held within {@code [minKw, maxKw]}: what a running unit
     * can reach before the dispatch's horizon ends (its ramp rates). Exact, because the segments are filled in order:
     * the new minimum costs {@code F(lowKw)} and each segment keeps the part of it between the two bounds.
     */
    public LinearCost within(double lowKw, double highKw) {
        double max = maxKw();
        double low = Math.max(minKw, Math.min(max, lowKw));
        double high = Math.max(low, Math.min(max, highKw));
        double[] widths = new double[widthKw.length];
        double[] slopes = new double[widthKw.length];
        int n = 0;
        double from = minKw;
        for (int k = 0; k < widthKw.length; k++) {
            double to = from + widthKw[k];
            double width = Math.min(to, high) - Math.max(from, low);
            if (width > 0) {
                widths[n] = width;
                slopes[n++] = slopePerKwh[k];
            }
            from = to;
        }
        return new LinearCost(low, costPerHour(low), Arrays.copyOf(widths, n), Arrays.copyOf(slopes, n));
    }

    public double minKw() {
        return minKw;
    }

    public double maxKw() {
        return minKw + Arrays.stream(widthKw).sum();
    }

    public double costAtMinPerHour() {
        return costAtMinPerHour;
    }

    public int segments() {
        return widthKw.length;
    }

    public double widthKw(int segment) {
        return widthKw[segment];
    }

    public double slopePerKwh(int segment) {
        return slopePerKwh[segment];
    }

    /** The steepest slope, per kWh; 0 for a unit without segments. */
    public double maxSlopePerKwh() {
        return Arrays.stream(slopePerKwh).max().orElse(0);
    }

    /** Cost per hour at {@code powerKw} within the range: the segments filled in order. */
    public double costPerHour(double powerKw) {
        double cost = costAtMinPerHour;
        double rest = powerKw - minKw;
        for (int k = 0; k < widthKw.length && rest > 0; k++) {
            double fill = Math.min(rest, widthKw[k]);
            cost += slopePerKwh[k] * fill;
            rest -= fill;
        }
        return cost;
    }

    @Override
    public String toString() {
        return "LinearCost[" + minKw + " kW at " + costAtMinPerHour + "/h, widths " + Arrays.toString(widthKw) + " kW, slopes "
                + Arrays.toString(slopePerKwh) + "/kWh]";
    }
}
