package org.gridfleet.model.fleet;

/**
 * How a device or an end-user sets its reactive power, as a function of its active power. Signs follow the
 * active power of the owner: for a device, positive kvar is delivered to the grid (over-excited, like a
 * generator supporting voltage); for an end-user, positive kvar is drawn (an inductive load).
 */
public sealed interface ReactivePower {
    /** Unity power factor: no reactive power at all. */
    ReactivePower UNITY = new PowerFactor(1, false);

    /** Reactive power in kvar when the active power is {@code kw}. */
    double kvarAt(double kw);

    /**
     * A fixed power factor: {@code |Q| = |P|·tan(acos pf)}, with the sign of P, or the opposite sign when
     * {@code reversed} (a device absorbing reactive power, an end-user delivering it).
     */
    record PowerFactor(double powerFactor, boolean reversed) implements ReactivePower {
        public PowerFactor {
            if (!(powerFactor > 0 && powerFactor <= 1)) {
                throw new IllegalArgumentException("powerFactor must be within (0, 1]: " + powerFactor);
            }
        }

        @Override
        public double kvarAt(double kw) {
            double q = kw * Math.sqrt(1 - powerFactor * powerFactor) / powerFactor;
            return reversed ? -q : q;
        }
    }

    /** A fixed reactive set point in kvar, whatever the active power. */
    record FixedKvar(double kvar) implements ReactivePower {
        public FixedKvar {
            if (!Double.isFinite(kvar)) {
                throw new IllegalArgumentException("kvar must be finite: " + kvar);
            }
        }

        @Override
        public double kvarAt(double kw) {
            return kvar;
        }
    }
}
