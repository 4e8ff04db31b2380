package org.gridfleet.plan.agents;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.PlanGenerator;

/**
 * The multi-agent plan generator (docs/agents.md): every device is an agent that bids for itself from its own
 * operating characteristics and state, and may decline; a market agent clears each interval so that the devices'
 * combined output covers demand and committed headroom covers spinning reserve; storage agents plan their own
 * arbitrage against the last round's prices; rounds repeat until prices settle.
 *
 * <p>Generators keep what the optimal planner keeps (ramps, start-up and shut-down limits, minimum up and down
 * times, run hours, maintenance), unless the plant's balance would otherwise break: then the market overrides a
 * ramp floor or a must-run, which the checker reports as advisory. The plan is {@code Heuristic} when nothing
 * falls short and {@code Infeasible} with the shortfalls otherwise. Same problem and options, same plan.
 */
public final class AgentPlanGenerator implements PlanGenerator {
    public static final String NAME = "agents";

    private final AgentOptions options;

    public AgentPlanGenerator() {
        this(AgentOptions.DEFAULT);
    }

    public AgentPlanGenerator(AgentOptions options) {
        this.options = requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<DispatchPlan> generate(PlanningProblem problem) {
        return List.of(negotiate(problem).plan());
    }

    /** The plan with who declined and why, and the rounds that led to it. */
    public AgentOutcome negotiate(PlanningProblem problem) {
        return new AgentRun(requireNonNull(problem, "problem"), options).run();
    }
}
