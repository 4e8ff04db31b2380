package org.gridfleet.plan.milp;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;

/**
 * What the MILP planner optimises, how hard it works and how it approximates.
 *
 * @param objective              what to optimise: one objective or a weighted combination (docs/optimization.md)
 * @param timeLimit              wall-clock limit of one solve; a plan found by then is returned as feasible with its
 *                               gap (and is then not reproducible: it depends on the machine's speed)
 * @param relativeGap            SCIP stops once {@code |best plan − bound| / |best plan|} is at most this, e.g. 1e-4
 * @param quadraticSegments      pieces of the piecewise-linear approximation of a quadratic cost curve over
 *                               [minimum stable power, rated power]
 * @param finalSocTargets        whether every store aims to end the horizon at its {@code finalSoc} or above (a target
 *                               valued at the objective's dearest rate, not a requirement; docs/optimization.md)
 * @param solverLog              whether SCIP prints its progress table (elapsed time, best plan, bound, gap) on the
 *                               process's standard output while it solves
 */
public record MilpOptions(Objective objective, Duration timeLimit, double relativeGap, int quadraticSegments,
                          boolean finalSocTargets, boolean solverLog) {
    /** Least cost, one minute, 0.01 % gap, four segments, storage aims at its end-of-horizon target, quiet. */
    public static final MilpOptions DEFAULT = new MilpOptions(Objective.of(ObjectiveKind.COST), Duration.ofSeconds(60), 1e-4, 4,
            true, false);

    public MilpOptions {
        requireNonNull(objective, "objective");
        requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive: " + timeLimit);
        }
        if (!(relativeGap >= 0 && relativeGap < 1)) {
            throw new IllegalArgumentException("relativeGap must be within [0, 1): " + relativeGap);
        }
        if (quadraticSegments < 1 || quadraticSegments > 100) {
            throw new IllegalArgumentException("quadraticSegments must be within [1, 100]: " + quadraticSegments);
        }
    }

    public MilpOptions withObjective(Objective newObjective) {
        return new MilpOptions(newObjective, timeLimit, relativeGap, quadraticSegments, finalSocTargets, solverLog);
    }

    public MilpOptions withTimeLimit(Duration limit) {
        return new MilpOptions(objective, limit, relativeGap, quadraticSegments, finalSocTargets, solverLog);
    }

    public MilpOptions withRelativeGap(double gap) {
        return new MilpOptions(objective, timeLimit, gap, quadraticSegments, finalSocTargets, solverLog);
    }

    public MilpOptions withQuadraticSegments(int segments) {
        return new MilpOptions(objective, timeLimit, relativeGap, segments, finalSocTargets, solverLog);
    }

    public MilpOptions withFinalSocTargets(boolean required) {
        return new MilpOptions(objective, timeLimit, relativeGap, quadraticSegments, required, solverLog);
    }

    public MilpOptions withSolverLog(boolean show) {
        return new MilpOptions(objective, timeLimit, relativeGap, quadraticSegments, finalSocTargets, show);
    }
}
