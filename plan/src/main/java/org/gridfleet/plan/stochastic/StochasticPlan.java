package org.gridfleet.plan.stochastic;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.gridfleet.model.Profile;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;

/**
 * The stochastic planner's plan and how it got there.
 *
 * @param plan           the plan of the last round
 * @param deterministic  the first round's plan: the MILP's with the problem's own reserve rule alone (the merit-order
 *                       plan when interrupted before the first solve)
 * @param rounds         one per MILP solve, in order
 * @param targetMet      whether every interval met the loss-of-load target in the in-sample scenarios
 * @param reserveFloorKw the reserve floor per interval the last round asked for (zeros where the problem's own rule
 *                       was enough)
 */
public record StochasticPlan(DispatchPlan plan, DispatchPlan deterministic, List<Round> rounds, boolean targetMet, Profile reserveFloorKw) {
    public StochasticPlan {
        requireNonNull(plan, "plan");
        requireNonNull(deterministic, "deterministic");
        rounds = List.copyOf(rounds);
        requireNonNull(reserveFloorKw, "reserveFloorKw");
    }

    /**
     * One round.
     *
     * @param round          1, 2, ...
     * @param totalCost      the round's plan's total cost by the evaluator (exact cost curves)
     * @param worstLolp      the highest in-sample probability of an interval falling short
     * @param missed         intervals above the target
     * @param peakReserveKw  the most spinning reserve the plan holds in any interval
     * @param status         the MILP's status of the round: a time-limited round's plan may be far from its optimum
     *                       (then the cost difference between rounds is partly the solver's, not the reserve's)
     */
    public record Round(int round, double totalCost, double worstLolp, int missed, double peakReserveKw, PlanStatus status) {}
}
