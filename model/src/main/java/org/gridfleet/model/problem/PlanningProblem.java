package org.gridfleet.model.problem;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        availability = Map.copyOf(availability);
        forecastKw = Map.copyOf(forecastKw);
        demandKwByEndUser = Map.copyOf(demandKwByEndUser);
        flags = List.copyOf(flags);
        int n = grid.intervals();
        for (Asset asset : assets) {
            requireSize(availability.get(asset.id()), n, "availability of " + asset.id());
            if (asset instanceof Renewable) {
                requireSize(forecastKw.get(asset.id()), n, "forecast of " + asset.id());
            }
        }
        for (EndUser user : endUsers) {
            requireSize(demandKwByEndUser.get(user.id()), n, "demand of " + user.id());
        }
        requireSize(salePricePerKwh, n, "sale price");
        requireSize(importTariffPerKwh, n, "import tariff");
    }

    private static void requireSize(Profile profile, int intervals, String what) {
        if (profile == null || profile.size() != intervals) {
            throw new IllegalArgumentException(what + " must have one value per interval (" + intervals + ")");
        }
    }

    /** Aggregate demand of all end-users in each interval, in kW. */
    public Profile demandKw() {
        double[] total = new double[grid.intervals()];
        for (Profile demand : demandKwByEndUser.values()) {
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
