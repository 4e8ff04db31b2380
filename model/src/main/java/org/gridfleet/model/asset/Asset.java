package org.gridfleet.model.asset;

import org.gridfleet.model.AssetId;

/** A distributed energy resource that the control center can dispatch. */
public sealed interface Asset permits Generator, Renewable, Storage {
    /** What every device has: identity, site, bus, rating, availability, reliability and maintenance. */
    AssetInfo info();

    default AssetId id() {
        return info().id();
    }

    default DeviceType type() {
        return info().type();
    }

    default double ratedPowerKw() {
        return info().ratedPowerKw();
    }
}
