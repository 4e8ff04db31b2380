package org.gridfleet.model.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.DeviceType;

/**
 * One device's part of a plan, one value per interval.
 *
 * @param powerKw    set point: positive into the grid, negative while storage charges
 * @param committed  whether the device is on (generators: committed; others: producing or cycling)
 * @param socFraction storage only: state of charge 0..1 at the end of each interval; empty for other devices
 */
public record DeviceSchedule(AssetId asset, DeviceType type, Profile powerKw, List<Boolean> committed, Profile socFraction) {
    public DeviceSchedule {
        requireNonNull(asset, "asset");
        requireNonNull(type, "type");
        requireNonNull(powerKw, "powerKw");
        requireNonNull(socFraction, "socFraction");
        committed = List.copyOf(committed);
        if (committed.size() != powerKw.size()) {
            throw new IllegalArgumentException(asset + ": committed and powerKw differ in length");
        }
        if (socFraction.size() != 0 && socFraction.size() != powerKw.size()) {
            throw new IllegalArgumentException(asset + ": socFraction must be empty or one value per interval");
        }
    }

    /** Energy delivered into the grid over the horizon, kWh (charging counts negative). */
    public double netEnergyKwh(double stepHours) {
        return powerKw.sum() * stepHours;
    }
}
