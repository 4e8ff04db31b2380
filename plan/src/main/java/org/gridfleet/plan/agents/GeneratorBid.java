package org.gridfleet.plan.agents;

import java.util.List;
import java.util.Optional;

/**
 * What a generator agent sends the market for one interval: its range if committed, its supply blocks over that
 * range, the price at which it asks to be committed, and whether it insists on running; or a decline.
 *
 * @param decline        why it offers nothing (then every other field is unused)
 * @param mustRun        it runs whatever the market needs (minimum up time owed, too high to stop, or it holds on
 *                       through a dip because stopping and restarting would cost more)
 * @param floorKw        lowest output if committed: minimum stable power, or what the ramp-down limit allows
 * @param ceilingKw      highest output if committed: available output, the ramp-up or start-up limit, and what still
 *                       lets it ramp down to a coming stop
 * @param availableKw    rating times availability: its headroom up to this counts as spinning reserve
 * @param commitPricePerKwh average cost at its ceiling, with the start-up cost amortised over its expected run
 * @param blocks         supply blocks from floor to ceiling, cheapest first
 */
record GeneratorBid(Optional<Decline.Reason> decline, boolean mustRun, double floorKw, double ceilingKw, double availableKw,
                    double commitPricePerKwh, List<CostBlocks.Block> blocks) {

    static GeneratorBid declined(Decline.Reason reason) {
        return new GeneratorBid(Optional.of(reason), false, 0, 0, 0, Double.POSITIVE_INFINITY, List.of());
    }

    /** The same offer without its insistence on running, for a market that must override it. */
    GeneratorBid optional() {
        return new GeneratorBid(decline, false, floorKw, ceilingKw, availableKw, commitPricePerKwh, blocks);
    }

    boolean offers() {
        return decline.isEmpty();
    }
}
