package org.gridfleet.plan.agents;

/**
 * What a storage agent sends the market for one interval (positive = discharge into the grid, negative = charge).
 *
 * @param plannedKw        its own arbitrage plan's flow, taken by the market as offered
 * @param chargeLimitKw    the most it can charge now (power, availability, room below its maximum state of charge)
 * @param dischargeLimitKw the most it can discharge now (power, availability, energy above its minimum); what it
 *                         does not discharge counts as spinning reserve, and it offers it at the scarcity price
 * @param mustChargeKw     what it must charge at least, having sunk below its minimum through self-discharge
 */
record StorageBid(double plannedKw, double chargeLimitKw, double dischargeLimitKw, double mustChargeKw) {
    /** The highest flow the market may award: its discharge limit, or minus what it must charge. */
    double highestKw() {
        return mustChargeKw > 0 ? -mustChargeKw : dischargeLimitKw;
    }
}
