package org.gridfleet.model.fleet;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.BusId;

/** A node of the electrical network at a nominal voltage. */
public record Bus(BusId id, double nominalKv) {
    public Bus {
        requireNonNull(id, "id");
        if (!(nominalKv > 0) || !Double.isFinite(nominalKv)) {
            throw new IllegalArgumentException(id + ": nominalKv must be > 0: " + nominalKv);
        }
    }
}
