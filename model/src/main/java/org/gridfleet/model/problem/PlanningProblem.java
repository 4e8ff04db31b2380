package org.gridfleet.model.problem;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReserveRequirement;

/**
 * Everything a plan generator needs, every series on the same {@link TimeGrid}.
 *
 * @param availability      per asset, the share 0..1 of its rating it may use in each interval (its availability,
 *                          and 0 in intervals touched by maintenance)
 * @param forecastKw        per renewable, the power it could produce in each interval
 * @param demandKwByEndUser per end-user, average demand in each interval
 * @param salePricePerKwh   price the plant gets for energy it sells, in {@code currency}
 * @param importTariffPerKwh price of energy drawn from the grid, in {@code currency}
 * @param flags             data the formatter filled or substituted
 */
public record PlanningProblem(
        String name,
        String currency,
        TimeGrid grid,
        List<Asset> assets,
        List<EndUser> endUsers,
        Network network,
        Map<AssetId, Profile> availability,
        Map<AssetId, Profile> forecastKw,
        Map<EndUserId, Profile> demandKwByEndUser,
        Profile salePricePerKwh,
        Profile importTariffPerKwh,
        GridConnection gridConnection,
        ReserveRequirement reserve,
        List<DataFlag> flags) {

    public PlanningProblem {
        requireNonNull(name, "name");
        requireNonNull(currency, "currency");
        requireNonNull(grid, "grid");
        requireNonNull(network, "network");
        requireNonNull(gridConnection, "gridConnection");
        requireNonNull(reserve, "reserve");
        assets = List.copyOf(assets);
        endUsers = List.copyOf(endUsers);
        // HashMap copies, not Map.copyOf: its open-addressing table degrades on ids numbered in sequence
        // (eu-00001, eu-00002, ...): 20 × 15 400 look-ups took 3 s there and 11 ms in a HashMap
        availability = unmodifiableCopy(availability);
        forecastKw = unmodifiableCopy(forecastKw);
        demandKwByEndUser = unmodifiableCopy(demandKwByEndUser);
        flags = List.copyOf(flags);
        int n = grid.intervals();
        Set<AssetId> assetIds = new HashSet<>();
        for (Asset asset : assets) {
            if (!assetIds.add(asset.id())) {
                throw new IllegalArgumentException("asset " + asset.id() + " appears twice");
            }
            Profile share = availability.get(asset.id());
            requireSize(share, n, "availability of " + asset.id());
            if (share.min() < 0 || share.max() > 1) {
                throw new IllegalArgumentException("availability of " + asset.id() + " must be within [0, 1]: " + share);
            }
            if (asset instanceof Renewable) {
                requireSize(forecastKw.get(asset.id()), n, "forecast of " + asset.id());
                if (forecastKw.get(asset.id()).min() < 0) {
                    throw new IllegalArgumentException("forecast of " + asset.id() + " must be >= 0 kW: " + forecastKw.get(asset.id()));
                }
            }
        }
        Set<EndUserId> userIds = new HashSet<>();
        for (EndUser user : endUsers) {
            if (!userIds.add(user.id())) {
                throw new IllegalArgumentException("end-user " + user.id() + " appears twice");
            }
            requireSize(demandKwByEndUser.get(user.id()), n, "demand of " + user.id());
        }
        if (!userIds.containsAll(demandKwByEndUser.keySet())) {
            throw new IllegalArgumentException("demand given for end-users not in the problem: "
                    + demandKwByEndUser.keySet().stream().filter(id -> !userIds.contains(id)).sorted().toList());
        }
        requireSize(salePricePerKwh, n, "sale price");
        requireSize(importTariffPerKwh, n, "import tariff");
    }

    private static <K, V> Map<K, V> unmodifiableCopy(Map<K, V> map) {
        return Collections.unmodifiableMap(new HashMap<>(map));
    }

    private static void requireSize(Profile profile, int intervals, String what) {
        if (profile == null || profile.size() != intervals) {
            throw new IllegalArgumentException(what + " must have one value per interval (" + intervals + ")");
        }
    }

    /** Aggregate demand of all end-users in each interval, in kW. */
    public Profile demandKw() {
        double[] total = new double[grid.intervals()];
        // summed in the end-users' order, so the total is the same to the last bit on every run
        for (EndUser user : endUsers) {
            Profile demand = demandKwByEndUser.get(user.id());
            for (int k = 0; k < total.length; k++) {
                total[k] += demand.get(k);
            }
        }
        return Profile.of(total);
    }

    /** Demand per bus in each interval, in kW; buses in order of first appearance among the end-users. */
    public Map<BusId, Profile> demandKwByBus() {
        Map<BusId, Profile> byBus = new LinkedHashMap<>();
        for (EndUser user : endUsers) {
            byBus.merge(user.bus(), demandKwByEndUser.get(user.id()), Profile::plus);
        }
        return byBus;
    }

    /**
     * The most an asset may produce in each interval: its rating (for storage, its discharge limit) times its
     * availability, and for renewables at most the forecast.
     */
    public Profile maxOutputKw(Asset asset) {
        Profile share = availability.get(asset.id());
        if (share == null) {
            throw new IllegalArgumentException("asset " + asset.id() + " is not part of this problem");
        }
        return switch (asset) {
            case Generator g -> share.map(a -> a * g.ratedPowerKw());
            case Storage s -> share.map(a -> a * s.maxDischargeKw());
            case Renewable r -> {
                Profile forecast = forecastKw.get(r.id());
                double[] bounded = new double[share.size()];
                for (int k = 0; k < bounded.length; k++) {
                    bounded[k] = Math.min(share.get(k) * r.ratedPowerKw(), forecast.get(k));
                }
                yield Profile.of(bounded);
            }
        };
    }
}
