package org.gridfleet.synth;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.Sample;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReserveRequirement;

/**
 * A generated fleet as domain objects: what a fleet file plus its CSV series say, before any verification.
 *
 * <p>Every series has one {@link Sample} per interval of {@code timeGrid}, at the interval's start
 * (interval-beginning: the value holds until the next sample). Power in kW, positive into the grid; prices in
 * {@code currency} per kWh. Maintenance windows live in each asset's {@code info().maintenance()}.
 *
 * @param demandKwByEndUser  per end-user, its average demand in each interval, kW (a load: a positive number)
 * @param forecastKwByAsset  per renewable, the power it could produce in each interval, kW
 * @param salePricePerKwh    what the plant gets for energy it exports, per kWh
 * @param importTariffPerKwh what the plant pays for energy it imports, per kWh
 */
public record SyntheticFleet(
        String name,
        String currency,
        TimeGrid timeGrid,
        GridConnection gridConnection,
        ReserveRequirement reserve,
        Network network,
        List<Asset> assets,
        List<EndUser> endUsers,
        Map<EndUserId, List<Sample>> demandKwByEndUser,
        Map<AssetId, List<Sample>> forecastKwByAsset,
        List<Sample> salePricePerKwh,
        List<Sample> importTariffPerKwh) {

    public SyntheticFleet {
        requireNonNull(name, "name");
        requireNonNull(currency, "currency");
        requireNonNull(timeGrid, "timeGrid");
        requireNonNull(gridConnection, "gridConnection");
        requireNonNull(reserve, "reserve");
        requireNonNull(network, "network");
        assets = List.copyOf(assets);
        endUsers = List.copyOf(endUsers);
        // not Map.copyOf: see PlanningProblem (look-ups degrade on ids numbered in sequence)
        demandKwByEndUser = Collections.unmodifiableMap(new HashMap<>(demandKwByEndUser));
        forecastKwByAsset = Collections.unmodifiableMap(new HashMap<>(forecastKwByAsset));
        salePricePerKwh = List.copyOf(salePricePerKwh);
        importTariffPerKwh = List.copyOf(importTariffPerKwh);
        int intervals = timeGrid.intervals();
        for (EndUser user : endUsers) {
            requireSeries(demandKwByEndUser.get(user.id()), intervals, "demand of end-user " + user.id());
        }
        if (demandKwByEndUser.size() != endUsers.size()) {
            throw new IllegalArgumentException("demand series must be exactly one per end-user");
        }
        long renewables = assets.stream().filter(a -> a instanceof Renewable).count();
        for (Asset asset : assets) {
            if (asset instanceof Renewable) {
                requireSeries(forecastKwByAsset.get(asset.id()), intervals, "forecast of " + asset.id());
            }
        }
        if (forecastKwByAsset.size() != renewables) {
            throw new IllegalArgumentException("forecast series must be exactly one per renewable");
        }
        requireSeries(salePricePerKwh, intervals, "sale price");
        requireSeries(importTariffPerKwh, intervals, "import tariff");
    }

    /** Aggregate demand of all end-users in each interval, kW. */
    public Profile aggregateDemandKw() {
        double[] total = new double[timeGrid.intervals()];
        for (List<Sample> series : demandKwByEndUser.values()) {
            for (int k = 0; k < total.length; k++) {
                total[k] += series.get(k).value();
            }
        }
        return Profile.of(total);
    }

    /** Highest aggregate demand over the horizon, kW. */
    public double peakDemandKw() {
        return aggregateDemandKw().max();
    }

    /** The maintenance windows of every asset that has any, in asset order. */
    public Map<AssetId, List<MaintenanceWindow>> maintenanceByAsset() {
        Map<AssetId, List<MaintenanceWindow>> windows = new LinkedHashMap<>();
        for (Asset asset : assets) {
            if (!asset.info().maintenance().isEmpty()) {
                windows.put(asset.id(), asset.info().maintenance());
            }
        }
        return windows;
    }

    private static void requireSeries(List<Sample> series, int intervals, String what) {
        if (series == null || series.size() != intervals) {
            throw new IllegalArgumentException(what + " must have one sample per interval (" + intervals + ")");
        }
    }
}
