package org.gridfleet.plan.stochastic;

import static java.util.Objects.requireNonNull;

import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.reliability.MonteCarloOptions;

/**
 * How the stochastic planner sizes reserve.
 *
 * @param targetLolp   the highest acceptable probability, in every interval, that load is lost: the plan's devices
 *                     with their reserve, and grid import up to its limit where the plant is connected, fall short
 *                     of demand, e.g. 0.01. A grid-connected plant counts on its tie here (the evaluator's
 *                     {@code lolpWithImport}); islanded, this is the devices' view ({@code lolp})
 * @param maxRounds    MILP solves at most; each round raises the reserve where the target is missed
 * @param scenarios    the in-sample scenarios (outages and forecast errors) the reserve is sized against; keep their
 *                     seed apart from the out-of-sample scenarios that judge the plan
 * @param milp         the MILP each round solves (objective, time limit, gap, network)
 */
public record StochasticOptions(double targetLolp, int maxRounds, MonteCarloOptions scenarios, MilpOptions milp) {
    /** 1 % per interval, at most 8 rounds, 500 in-sample scenarios (seed 7), the default MILP with a 60 s limit. */
    public static final StochasticOptions DEFAULT = new StochasticOptions(0.01, 8, MonteCarloOptions.DEFAULT.withSamples(500).withSeed(7),
            MilpOptions.DEFAULT);

    public StochasticOptions {
        requireNonNull(scenarios, "scenarios");
        requireNonNull(milp, "milp");
        if (!(targetLolp > 0 && targetLolp < 1)) {
            throw new IllegalArgumentException("targetLolp must be within (0, 1): " + targetLolp);
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("maxRounds must be >= 1: " + maxRounds);
        }
        if (milp.reserveFloorKw().isPresent()) {
            throw new IllegalArgumentException("the stochastic planner sizes the reserve floor itself: give it MILP options without one");
        }
        if (scenarios.samples() * targetLolp < 5) {
            throw new IllegalArgumentException("%d scenarios cannot resolve a loss-of-load probability of %s: use at least %d"
                    .formatted(scenarios.samples(), targetLolp, (int) Math.ceil(5 / targetLolp)));
        }
    }

    public StochasticOptions withTargetLolp(double target) {
        return new StochasticOptions(target, maxRounds, scenarios, milp);
    }

    public StochasticOptions withMaxRounds(int rounds) {
        return new StochasticOptions(targetLolp, rounds, scenarios, milp);
    }

    public StochasticOptions withScenarios(MonteCarloOptions newScenarios) {
        return new StochasticOptions(targetLolp, maxRounds, newScenarios, milp);
    }

    public StochasticOptions withMilp(MilpOptions newMilp) {
        return new StochasticOptions(targetLolp, maxRounds, scenarios, newMilp);
    }
}
