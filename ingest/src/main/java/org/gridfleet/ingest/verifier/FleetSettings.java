package org.gridfleet.ingest.verifier;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReserveRequirement;

/**
 * The plant-wide part of a fleet document.
 *
 * @param flatSalePricePerKwh    sale price used where no price series is given
 * @param flatImportTariffPerKwh import tariff used where no price series is given
 */
public record FleetSettings(
        String name,
        String currency,
        TimeGrid horizon,
        GridConnection gridConnection,
        ReserveRequirement reserve,
        double flatSalePricePerKwh,
        double flatImportTariffPerKwh,
        Network network) {

    public FleetSettings {
        requireNonNull(name, "name");
        requireNonNull(currency, "currency");
        requireNonNull(horizon, "horizon");
        requireNonNull(gridConnection, "gridConnection");
        requireNonNull(reserve, "reserve");
        requireNonNull(network, "network");
    }
}
