package org.gridfleet.plan.milp;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import org.gridfleet.model.Profile;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.plan.network.NetworkConstraints;

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
 * @param network                the network limits to respect, with LinDistFlow inside the MILP, and the corrections
 *                               from the last AC check (docs/optimization.md); empty: the network is not looked at
 * @param reserveFloorKw         spinning reserve to hold in each interval on top of the problem's own rule (the larger
 *                               of the two counts), e.g. sized by the stochastic planner to a loss-of-load target;
 *                               empty: the problem's rule alone
 */
public record MilpOptions(Objective objective, Duration timeLimit, double relativeGap, int quadraticSegments,
                          boolean finalSocTargets, boolean solverLog, Optional<NetworkConstraints> network,
                          Optional<Profile> reserveFloorKw) {
    /** Least cost, one minute, 0.01 % gap, four segments, storage aims at its end-of-horizon target, quiet, no network. */
    public static final MilpOptions DEFAULT = new MilpOptions(Objective.of(ObjectiveKind.COST), Duration.ofSeconds(60), 1e-4, 4,
            true, false);

    /** Without network constraints. */
    public MilpOptions(Objective objective, Duration timeLimit, double relativeGap, int quadraticSegments, boolean finalSocTargets,
                       boolean solverLog) {
        this(objective, timeLimit, relativeGap, quadraticSegments, finalSocTargets, solverLog, Optional.empty(), Optional.empty());
    }

    public MilpOptions {
        requireNonNull(objective, "objective");
        requireNonNull(timeLimit, "timeLimit");
        requireNonNull(network, "network");
        requireNonNull(reserveFloorKw, "reserveFloorKw");
        reserveFloorKw.ifPresent(floor -> {
            for (int t = 0; t < floor.size(); t++) {
                if (!(floor.get(t) >= 0) || !Double.isFinite(floor.get(t))) {
                    throw new IllegalArgumentException("reserveFloorKw must be finite and >= 0, interval " + t + ": " + floor.get(t));
                }
            }
        });
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
        return new MilpOptions(newObjective, timeLimit, relativeGap, quadraticSegments, finalSocTargets, solverLog, network, reserveFloorKw);
    }

    public MilpOptions withTimeLimit(Duration limit) {
        return new MilpOptions(objective, limit, relativeGap, quadraticSegments, finalSocTargets, solverLog, network, reserveFloorKw);
    }

    public MilpOptions withRelativeGap(double gap) {
        return new MilpOptions(objective, timeLimit, gap, quadraticSegments, finalSocTargets, solverLog, network, reserveFloorKw);
    }

    public MilpOptions withQuadraticSegments(int segments) {
        return new MilpOptions(objective, timeLimit, relativeGap, segments, finalSocTargets, solverLog, network, reserveFloorKw);
    }

    public MilpOptions withFinalSocTargets(boolean required) {
        return new MilpOptions(objective, timeLimit, relativeGap, quadraticSegments, required, solverLog, network, reserveFloorKw);
    }

    public MilpOptions withSolverLog(boolean show) {
        return new MilpOptions(objective, timeLimit, relativeGap, quadraticSegments, finalSocTargets, show, network, reserveFloorKw);
    }

    /** Plans within the network's limits (LinDistFlow inside the MILP, docs/optimization.md). */
    public MilpOptions withNetwork(NetworkConstraints constraints) {
        return new MilpOptions(objective, timeLimit, relativeGap, quadraticSegments, finalSocTargets, solverLog, Optional.of(constraints), reserveFloorKw);
    }

    /** Holds at least {@code floorKw[t]} of spinning reserve in interval {@code t}, besides the problem's own rule. */
    public MilpOptions withReserveFloor(Profile floorKw) {
        return new MilpOptions(objective, timeLimit, relativeGap, quadraticSegments, finalSocTargets, solverLog, network, Optional.of(floorKw));
    }

    /** Plans without looking at the network. */
    public MilpOptions withoutNetwork() {
        return new MilpOptions(objective, timeLimit, relativeGap, quadraticSegments, finalSocTargets, solverLog, Optional.empty(), reserveFloorKw);
    }
}
