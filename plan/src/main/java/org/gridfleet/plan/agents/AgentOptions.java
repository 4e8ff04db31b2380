package org.gridfleet.plan.agents;

/**
 * How the agents negotiate.
 *
 * @param maxRounds       most clearing rounds over the horizon; the protocol stops earlier once prices settle
 * @param damping         share of the old price forecast kept when the next is formed from a round's clearing
 *                        prices, [0, 1): damping stops storage agents from chasing each other's price moves
 * @param socLevels       levels of stored energy in a storage agent's arbitrage planner (its dynamic programme)
 * @param reliabilityMarkup whether generator offers are marked up by their forced outage rate, {@code price·(1 + FOR)},
 *                        so that among equally priced units the steadier one is committed first
 */
public record AgentOptions(int maxRounds, double damping, int socLevels, boolean reliabilityMarkup) {
    /** Ten rounds, half of the old forecast kept, 81 levels of stored energy, reliability markup on. */
    public static final AgentOptions DEFAULT = new AgentOptions(10, 0.5, 81, true);

    public AgentOptions {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be >= 1: " + maxRounds);
        }
        if (!(damping >= 0 && damping < 1)) {
            throw new IllegalArgumentException("damping must be within [0, 1): " + damping);
        }
        if (socLevels < 2) {
            throw new IllegalArgumentException("socLevels must be >= 2: " + socLevels);
        }
    }

    public AgentOptions withMaxRounds(int rounds) {
        return new AgentOptions(rounds, damping, socLevels, reliabilityMarkup);
    }

    public AgentOptions withReliabilityMarkup(boolean markup) {
        return new AgentOptions(maxRounds, damping, socLevels, markup);
    }
}
