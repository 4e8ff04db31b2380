package org.gridfleet.model.fleet;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.BusId;
import org.gridfleet.model.EndUserId;

/**
 * A customer or meter whose demand the plant serves; its demand is a time series, not part of this record.
 *
 * @param reactive the reactive power it draws with its demand (for power flow)
 */
public record EndUser(EndUserId id, String name, BusId bus, CustomerClass customerClass, ReactivePower reactive) {
    public EndUser {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(bus, "bus");
        requireNonNull(customerClass, "customerClass");
        requireNonNull(reactive, "reactive");
    }

    /** At unity power factor. */
    public EndUser(EndUserId id, String name, BusId bus, CustomerClass customerClass) {
        this(id, name, bus, customerClass, ReactivePower.UNITY);
    }
}
