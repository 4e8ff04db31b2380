package org.gridfleet.plan.agents;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.gridfleet.model.Profile;
import org.gridfleet.model.plan.DispatchPlan;

/**
 * What the agents settled on, and how they got there.
 *
 * @param plan      the plan of the chosen round: fewest shortfalls, then least cost
 * @param clearingPricePerKwh the chosen round's uniform clearing price in each interval, in the fleet's currency
 * @param declines  who declined to offer, when and why, in the chosen round
 * @param rounds    every round in order
 * @param chosenRound index of the round whose plan this is
 * @param converged whether prices settled before the round limit
 */
public record AgentOutcome(DispatchPlan plan, Profile clearingPricePerKwh, List<Decline> declines, List<Round> rounds, int chosenRound, boolean converged) {
    /**
     * One clearing of the whole horizon.
     *
     * @param costTotal          the round's plan's cost with the exact curves ({@code PlanEvaluator})
     * @param shortfalls         its demand and reserve shortfalls (interval and kind)
     * @param priceChangePerKwh  the largest change of a clearing price from the round before (infinite for the first)
     */
    public record Round(int index, double costTotal, int shortfalls, double priceChangePerKwh) {}

    public AgentOutcome {
        requireNonNull(plan, "plan");
        requireNonNull(clearingPricePerKwh, "clearingPricePerKwh");
        declines = List.copyOf(declines);
        rounds = List.copyOf(rounds);
    }
}
