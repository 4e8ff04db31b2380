package org.gridfleet.plan.candidates;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.milp.MilpPlanGenerator;

/** The MILP optimising one objective: {@link CandidateGenerator#milp}. */
record MilpCandidate(CandidateKind kind, MilpOptions options) implements CandidateGenerator {
    MilpCandidate {
        requireNonNull(kind, "kind");
        requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return kind.label();
    }

    @Override
    public DispatchPlan generate(PlanningProblem problem) {
        return new MilpPlanGenerator(options.withObjective(kind.objective())).generate(problem).getFirst();
    }
}
