package org.gridfleet.model.plan;

import static java.util.Objects.requireNonNull;

/**
 * An interval in which a plan could not meet a requirement.
 *
 * @param requiredKw what was needed (demand, or reserve)
 * @param deliveredKw what the plan's devices deliver towards it
 */
public record Shortfall(int interval, Kind kind, double requiredKw, double deliveredKw) {
    public enum Kind {
        /** The devices' combined output is below the aggregate demand. */
        DEMAND,
        /** Online headroom is below the spinning-reserve requirement. */
        RESERVE
    }

    public Shortfall {
        requireNonNull(kind, "kind");
        if (interval < 0) {
            throw new IllegalArgumentException("shortfall interval must be >= 0: " + interval);
        }
        if (!(deliveredKw < requiredKw)) {
            throw new IllegalArgumentException("a shortfall needs delivered < required: " + deliveredKw + " vs " + requiredKw);
        }
    }

    public double missingKw() {
        return requiredKw - deliveredKw;
    }
}
