package org.gridfleet.plan.agents;

import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.asset.Generator;

/**
 * A generator's stepwise supply curve between two outputs: quantity blocks priced at the incremental cost of its
 * cost curve plus O&amp;M. Prices are made non-decreasing (adjacent blocks pooled, the lower convex hull of the curve)
 * so that a market filling cheapest blocks first always loads a unit from its floor upwards.
 */
final class CostBlocks {
    /** Blocks a range is cut into before pooling. */
    static final int PIECES = 4;
    private static final double NEGLIGIBLE_KW = 1e-9;

    private CostBlocks() {}

    /** One block: {@code quantityKw} more output at {@code pricePerKwh}. */
    record Block(double quantityKw, double pricePerKwh) {}

    /** Blocks from {@code fromKw} to {@code toKw}, prices multiplied by {@code markup}; empty when the range is empty. */
    static List<Block> between(Generator g, double fromKw, double toKw, double markup) {
        List<double[]> pieces = new ArrayList<>(); // {quantityKw, pricePerKwh}
        double width = toKw - fromKw;
        if (width <= NEGLIGIBLE_KW) {
            return List.of();
        }
        double om = g.info().omCostPerKwh();
        for (int k = 0; k < PIECES; k++) {
            double a = fromKw + width * k / PIECES;
            double b = fromKw + width * (k + 1) / PIECES;
            double price = (g.costCurve().costPerHour(b) - g.costCurve().costPerHour(a)) / (b - a) + om;
            pieces.add(new double[] {b - a, price});
            // pool adjacent violators: a cheaper block after a dearer one becomes their weighted average
            while (pieces.size() > 1 && pieces.get(pieces.size() - 1)[1] < pieces.get(pieces.size() - 2)[1]) {
                double[] last = pieces.removeLast();
                double[] before = pieces.getLast();
                double q = before[0] + last[0];
                before[1] = (before[0] * before[1] + last[0] * last[1]) / q;
                before[0] = q;
            }
        }
        return pieces.stream().map(p -> new Block(p[0], p[1] * markup)).toList();
    }

    /** Average cost per kWh of running at {@code powerKw}, O&amp;M included, times {@code markup}. */
    static double averageCost(Generator g, double powerKw, double markup) {
        double p = Math.max(powerKw, NEGLIGIBLE_KW);
        return (g.costCurve().costPerHour(p) / p + g.info().omCostPerKwh()) * markup;
    }
}
