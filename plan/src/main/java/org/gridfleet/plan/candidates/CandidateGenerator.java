package org.gridfleet.plan.candidates;

import static java.util.Objects.requireNonNull;

import java.util.function.Function;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.PlanGenerator;
import org.gridfleet.plan.milp.MilpOptions;

/**
 * Makes one candidate plan. The MILP's objectives are candidates ({@link #milp}); so is any {@link PlanGenerator}
 * ({@link #of(String, PlanGenerator)}), which is how the stochastic and agent-based generators plug in.
 */
public interface CandidateGenerator {
    /**
     * The candidate's name, e.g. {@code least-cost}: short, stable, unique within a run, without {@code /} (which
     * joins the names of identical plans). Rules files see it as {@code name}.
     */
    String name();

    /** The candidate plan for {@code problem}; a plan that falls short says so in its status. */
    DispatchPlan generate(PlanningProblem problem);

    /** The MILP optimising {@code kind}'s objective with {@code options} (time limit, gap, network) otherwise. */
    static CandidateGenerator milp(CandidateKind kind, MilpOptions options) {
        return new MilpCandidate(kind, options);
    }

    /** The first plan of {@code generator}, under {@code name}. */
    static CandidateGenerator of(String name, PlanGenerator generator) {
        requireNonNull(generator, "generator");
        return of(name, problem -> generator.generate(problem).getFirst());
    }

    /** The plan {@code generate} makes, under {@code name}. */
    static CandidateGenerator of(String name, Function<PlanningProblem, DispatchPlan> generate) {
        requireNonNull(name, "name");
        requireNonNull(generate, "generate");
        return new CandidateGenerator() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public DispatchPlan generate(PlanningProblem problem) {
                return generate.apply(problem);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
