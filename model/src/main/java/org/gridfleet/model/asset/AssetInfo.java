package org.gridfleet.model.asset;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.GeoLocation;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.fleet.ReactivePower;

/**
 * What every device has, whatever its type.
 *
 * @param ratedPowerKw  nameplate output in kW (for storage: the inverter rating)
 * @param availability  share of the rated power the owner makes available to the plant, 0..1
 *                      (1 = all of it, 0 = withdrawn); maintenance windows remove whole intervals on top
 * @param exportAllowed whether the device's energy may be exported to the grid
 * @param omCostPerKwh  variable operation and maintenance cost per kWh produced, in the fleet's currency
 * @param reactive      how it sets its reactive power (for power flow); bounded by the rating as apparent power
 */
public record AssetInfo(
        AssetId id,
        String name,
        DeviceType type,
        GeoLocation location,
        BusId bus,
        double ratedPowerKw,
        double availability,
        Reliability reliability,
        List<MaintenanceWindow> maintenance,
        boolean exportAllowed,
        double omCostPerKwh,
        ReactivePower reactive) {

    /** At unity power factor. */
    public AssetInfo(AssetId id, String name, DeviceType type, GeoLocation location, BusId bus, double ratedPowerKw, double availability,
            Reliability reliability, List<MaintenanceWindow> maintenance, boolean exportAllowed, double omCostPerKwh) {
        this(id, name, type, location, bus, ratedPowerKw, availability, reliability, maintenance, exportAllowed, omCostPerKwh, ReactivePower.UNITY);
    }

    /**
     * Reactive power in kvar at active power {@code kw}: its setting, held within the rating taken as apparent
     * power ({@code |Q| <= sqrt(S² - P²)}), as an inverter or a generator's capability curve would.
     */
    public double kvarAt(double kw) {
        double q = reactive.kvarAt(kw);
        double headroom = Math.sqrt(Math.max(0, ratedPowerKw * ratedPowerKw - kw * kw));
        return Math.max(-headroom, Math.min(headroom, q));
    }

    /**
     * The share of the rating available in each interval of {@code grid}: {@code availability}, and 0 in every
     * interval that a maintenance window touches, however briefly.
     */
    public Profile availabilityOn(TimeGrid grid) {
        double[] share = new double[grid.intervals()];
        for (int k = 0; k < share.length; k++) {
            Instant from = grid.startOf(k);
            Instant to = grid.endOf(k);
            share[k] = maintenance.stream().anyMatch(w -> w.overlaps(from, to)) ? 0 : availability;
        }
        return Profile.of(share);
    }

    public AssetInfo {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(type, "type");
        requireNonNull(location, "location");
        requireNonNull(bus, "bus");
        requireNonNull(reliability, "reliability");
        requireNonNull(reactive, "reactive");
        maintenance = List.copyOf(maintenance);
        if (!(ratedPowerKw > 0) || !Double.isFinite(ratedPowerKw)) {
            throw new IllegalArgumentException(id + ": ratedPowerKw must be positive and finite: " + ratedPowerKw);
        }
        if (!(availability >= 0 && availability <= 1)) {
            throw new IllegalArgumentException(id + ": availability must be within [0, 1]: " + availability);
        }
        if (!(omCostPerKwh >= 0) || !Double.isFinite(omCostPerKwh)) {
            throw new IllegalArgumentException(id + ": omCostPerKwh must be >= 0: " + omCostPerKwh);
        }
    }
}
