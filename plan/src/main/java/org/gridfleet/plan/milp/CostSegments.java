package org.gridfleet.plan.milp;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.Generator;

/**
 * A generator's cost per hour over {@code [minKw, maxKw]} as the MILP sees it: a convex piecewise-linear curve,
 * {@code F(P) = costAtMinPerHour + Σ_k slopePerKwh[k]·δ_k} with {@code P = minKw + Σ_k δ_k},
 * {@code 0 ≤ δ_k ≤ widthKw[k]} and rising slopes, so that a linear program fills the segments in order.
 *
 * <p>Breakpoints: a quadratic curve is sampled at {@code segments + 1} evenly spaced outputs (exact for a linear
 * curve, above the parabola between breakpoints otherwise); a piecewise-linear curve at its own points within the
 * range plus both ends; a fuel-based curve ({@code fuelPrice·P/η(P)}) at its efficiency points within the range plus
 * both ends. A curve that is not convex through its breakpoints is replaced by its lower convex hull, which never
 * costs more than the curve at the breakpoints (docs/optimization.md).
 */
public record CostSegments(double minKw, double costAtMinPerHour, double[] widthKw, double[] slopePerKwh) {

    /** Over the generator's whole running range, minimum stable power to rating. */
    public static CostSegments of(Generator g, int quadraticSegments) {
        return of(g, quadraticSegments, g.ratedPowerKw());
    }

    /** Over {@code [minStablePowerKw, maxKw]}, e.g. up to the rating times today's availability (the control center's dispatch). */
    public static CostSegments of(Generator g, int quadraticSegments, double maxKw) {
        double minKw = g.minStablePowerKw();
        if (!(maxKw >= minKw)) {
            throw new IllegalArgumentException(g.id() + ": maxKw " + maxKw + " is below the minimum stable power " + minKw);
        }
        TreeSet<Double> at = new TreeSet<>();
        at.add(minKw);
        at.add(maxKw);
        switch (g.costCurve()) {
            case CostCurve.Quadratic q -> {
                for (int k = 1; k < quadraticSegments; k++) {
                    at.add(minKw + (maxKw - minKw) * k / quadraticSegments);
                }
            }
            case CostCurve.PiecewiseLinear pwl -> pwl.points().forEach(p -> at.add(p.powerKw()));
            case CostCurve.FuelBased fuel -> fuel.efficiency().forEach(p -> at.add(p.powerKw()));
        }
        List<double[]> points = new ArrayList<>();
        for (double p : at.subSet(minKw, true, maxKw, true)) {
            points.add(new double[] {p, g.costCurve().costPerHour(p)});
        }
        List<double[]> hull = lowerConvexHull(points);
        double[] width = new double[hull.size() - 1];
        double[] slope = new double[hull.size() - 1];
        for (int k = 1; k < hull.size(); k++) {
            width[k - 1] = hull.get(k)[0] - hull.get(k - 1)[0];
            slope[k - 1] = (hull.get(k)[1] - hull.get(k - 1)[1]) / width[k - 1];
        }
        return new CostSegments(minKw, hull.getFirst()[1], width, slope);
    }

    /** The model's cost per hour at {@code powerKw} within {@code [minKw, maxKw]}: the segments filled in order. */
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

    public int segments() {
        return widthKw.length;
    }

    /** Andrew's monotone chain, lower half: points sorted by power, collinear middle points dropped. */
    private static List<double[]> lowerConvexHull(List<double[]> points) {
        List<double[]> hull = new ArrayList<>();
        for (double[] p : points) {
            while (hull.size() >= 2 && cross(hull.get(hull.size() - 2), hull.getLast(), p) <= 0) {
                hull.removeLast();
            }
            hull.add(p);
        }
        return hull;
    }

    private static double cross(double[] o, double[] a, double[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }
}
