package org.gridfleet.plan.milp;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How hard the MILP planner works and how it approximates.
 *
 * @param timeLimit              wall-clock limit of one solve; a plan found by then is returned as feasible with its
 *                               gap (and is then not reproducible: it depends on the machine's speed)
 * @param relativeGap            SCIP stops once {@code |best plan − bound| / |best plan|} is at most this, e.g. 1e-4
 * @param quadraticSegments      pieces of the piecewise-linear approximation of a quadratic cost curve over
 *                               [minimum stable power, rated power]
 * @param finalSocAtLeastInitial whether every store must end the horizon with at least the energy it started with (the
 *                               model has no end-of-horizon target yet; see docs/optimization.md)
 */
public record MilpOptions(Duration timeLimit, double relativeGap, int quadraticSegments, boolean finalSocAtLeastInitial) {
    /** One minute, 0.01 % gap, four segments, storage ends at least where it started. */
    public static final MilpOptions DEFAULT = new MilpOptions(Duration.ofSeconds(60), 1e-4, 4, true);

    public MilpOptions {
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

    public MilpOptions withTimeLimit(Duration limit) {
        return new MilpOptions(limit, relativeGap, quadraticSegments, finalSocAtLeastInitial);
    }

    public MilpOptions withRelativeGap(double gap) {
        return new MilpOptions(timeLimit, gap, quadraticSegments, finalSocAtLeastInitial);
    }

    public MilpOptions withQuadraticSegments(int segments) {
        return new MilpOptions(timeLimit, relativeGap, segments, finalSocAtLeastInitial);
    }

    public MilpOptions withFinalSocAtLeastInitial(boolean required) {
        return new MilpOptions(timeLimit, relativeGap, quadraticSegments, required);
    }
}
