package org.gridfleet.model.fleet;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.BusId;

/**
 * A line or cable between two buses, as a series impedance with an optional shunt susceptance.
 *
 * @param ratingA thermal rating in ampere
 */
public record Line(String id, BusId from, BusId to, double resistanceOhm, double reactanceOhm, double shuntSusceptanceS, double ratingA) {
    public Line {
        requireNonNull(id, "id");
        requireNonNull(from, "from");
        requireNonNull(to, "to");
        if (from.equals(to)) {
            throw new IllegalArgumentException("line " + id + " connects bus " + from + " to itself");
        }
        if (!(resistanceOhm >= 0) || !(reactanceOhm >= 0) || resistanceOhm + reactanceOhm <= 0 || !Double.isFinite(resistanceOhm + reactanceOhm)) {
            throw new IllegalArgumentException("line " + id + ": impedance must be finite, >= 0 and not zero");
        }
        if (!(shuntSusceptanceS >= 0) || !Double.isFinite(shuntSusceptanceS)) {
            throw new IllegalArgumentException("line " + id + ": shuntSusceptanceS must be finite and >= 0");
        }
        if (!(ratingA > 0)) {
            throw new IllegalArgumentException("line " + id + ": ratingA must be > 0: " + ratingA);
        }
    }
}
