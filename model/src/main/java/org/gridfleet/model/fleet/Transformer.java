package org.gridfleet.model.fleet;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.BusId;

/**
 * A two-winding transformer between two buses, impedance in percent on its own rating (as on its nameplate).
 * The nominal ratio is the ratio of the two buses' nominal voltages; {@code tapRatio} is the off-nominal tap on
 * the {@code from} (high-voltage) side, 1 at the neutral tap.
 *
 * @param from              the high-voltage bus
 * @param to                the low-voltage bus
 * @param ratedKva          thermal rating in kVA
 * @param resistancePercent series resistance, percent of the rated impedance
 * @param reactancePercent  series (leakage) reactance, percent of the rated impedance
 * @param tapRatio          off-nominal turns ratio, 1 at the neutral tap
 */
public record Transformer(String id, BusId from, BusId to, double ratedKva, double resistancePercent, double reactancePercent, double tapRatio) {
    public Transformer {
        requireNonNull(id, "id");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("transformer " + id + " connects bus " + from + " to itself");
        }
        if (!(ratedKva > 0) || !Double.isFinite(ratedKva)) {
            throw new IllegalArgumentException("transformer " + id + ": ratedKva must be > 0 and finite: " + ratedKva);
        }
        if (!(resistancePercent >= 0) || !(reactancePercent >= 0) || resistancePercent + reactancePercent <= 0
                || !Double.isFinite(resistancePercent + reactancePercent)) {
            throw new IllegalArgumentException("transformer " + id + ": impedance must be finite, >= 0 and not zero");
        }
        if (!(tapRatio >= 0.5 && tapRatio <= 1.5)) {
            throw new IllegalArgumentException("transformer " + id + ": tapRatio must be within [0.5, 1.5]: " + tapRatio);
        }
    }

    /** Series resistance in ohm referred to a side of nominal voltage {@code kv}. */
    public double resistanceOhmAt(double kv) {
        return resistancePercent / 100 * kv * kv * 1000 / ratedKva;
    }

    /** Series reactance in ohm referred to a side of nominal voltage {@code kv}. */
    public double reactanceOhmAt(double kv) {
        return reactancePercent / 100 * kv * kv * 1000 / ratedKva;
    }
}
