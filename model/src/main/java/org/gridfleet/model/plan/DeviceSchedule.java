package org.gridfleet.model.plan;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
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

    /** Below this a set point counts as zero: the device is neither producing nor cycling. */
    public static final double ACTIVE_KW = 1e-6;

    /** A generator's schedule from its set points and its commitment. */
    public static DeviceSchedule generator(AssetId asset, DeviceType type, double[] powerKw, boolean[] committed) {
        List<Boolean> on = new ArrayList<>(committed.length);
        for (boolean c : committed) {
            on.add(c);
        }
        return new DeviceSchedule(asset, type, Profile.of(powerKw), on, Profile.of());
    }

    /**
     * A renewable's or storage's schedule: "committed" wherever it produces or cycles.
     *
     * @param socFraction storage: state of charge at the end of each interval; {@code Profile.of()} for renewables
     */
    public static DeviceSchedule flows(AssetId asset, DeviceType type, double[] powerKw, Profile socFraction) {
        List<Boolean> active = new ArrayList<>(powerKw.length);
        for (double p : powerKw) {
            active.add(Math.abs(p) > ACTIVE_KW);
        }
        return new DeviceSchedule(asset, type, Profile.of(powerKw), active, socFraction);
    }

    /** Energy delivered into the grid over the horizon, kWh (charging counts negative). */
    public double netEnergyKwh(double stepHours) {
        return powerKw.sum() * stepHours;
    }
}
