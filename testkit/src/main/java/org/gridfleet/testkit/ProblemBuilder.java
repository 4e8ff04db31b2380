package org.gridfleet.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Assembles a {@link PlanningProblem} for tests. Each asset's availability profile is derived as the formatter
 * does it: the asset's {@code availability} in every interval, and 0 in every interval a maintenance window
 * touches. Defaults: islanded, no reserve, prices 0, currency USD.
 */
public final class ProblemBuilder {
    private final String name;
    private final TimeGrid grid;
    private final List<Asset> assets = new ArrayList<>();
    private final Map<AssetId, Profile> availability = new HashMap<>();
    private final Map<AssetId, Profile> forecastKw = new HashMap<>();
    private final List<EndUser> endUsers = new ArrayList<>();
    private final Map<EndUserId, Profile> demandKw = new HashMap<>();
    private Profile salePricePerKwh;
    private Profile importTariffPerKwh;
    private GridConnection gridConnection = GridConnection.ISLANDED;
    private ReserveRequirement reserve = ReserveRequirement.NONE;
    private Network network = Network.NONE;

    private ProblemBuilder(String name, TimeGrid grid) {
        this.name = requireNonNull(name, "name");
        this.grid = requireNonNull(grid, "grid");
        this.salePricePerKwh = Profile.zeros(grid.intervals());
        this.importTariffPerKwh = Profile.zeros(grid.intervals());
    }

    public static ProblemBuilder on(String name, TimeGrid grid) {
        return new ProblemBuilder(name, grid);
    }

    /** Hourly intervals from {@code start}, an ISO-8601 instant such as {@code 2026-11-23T00:00:00Z}. */
    public static ProblemBuilder hourly(String name, String start, int intervals) {
        return on(name, new TimeGrid(Instant.parse(start), Duration.ofHours(1), intervals));
    }

    public TimeGrid grid() {
        return grid;
    }

    /** A generator or storage unit, available as its {@link AssetInfo} and maintenance windows say. */
    public ProblemBuilder add(Asset asset) {
        if (asset instanceof Renewable) {
            throw new IllegalArgumentException(asset.id() + ": a renewable needs its forecast, use add(renewable, forecastKw)");
        }
        return put(asset);
    }

    public ProblemBuilder add(Renewable renewable, Profile forecastKw) {
        this.forecastKw.put(renewable.id(), forecastKw);
        return put(renewable);
    }

    public ProblemBuilder add(Renewable renewable, double... forecastKw) {
        return add(renewable, Profile.of(forecastKw));
    }

    /** Replaces the derived availability of an asset already added. */
    public ProblemBuilder availability(AssetId asset, Profile share) {
        if (!availability.containsKey(asset)) {
            throw new IllegalArgumentException("unknown asset " + asset);
        }
        availability.put(asset, share);
        return this;
    }

    /** A residential end-user on {@link Assets#BUS} with this demand in kW. */
    public ProblemBuilder demand(String endUserId, double... demandKw) {
        return demand(new EndUser(EndUserId.of(endUserId), endUserId, Assets.BUS, CustomerClass.RESIDENTIAL), Profile.of(demandKw));
    }

    public ProblemBuilder demand(EndUser user, Profile demandKw) {
        endUsers.add(user);
        this.demandKw.put(user.id(), demandKw);
        return this;
    }

    public ProblemBuilder prices(Profile salePricePerKwh, Profile importTariffPerKwh) {
        this.salePricePerKwh = salePricePerKwh;
        this.importTariffPerKwh = importTariffPerKwh;
        return this;
    }

    public ProblemBuilder flatPrices(double salePricePerKwh, double importTariffPerKwh) {
        return prices(Profile.constant(grid.intervals(), salePricePerKwh), Profile.constant(grid.intervals(), importTariffPerKwh));
    }

    public ProblemBuilder connection(GridConnection gridConnection) {
        this.gridConnection = requireNonNull(gridConnection, "gridConnection");
        return this;
    }

    public ProblemBuilder reserve(ReserveRequirement reserve) {
        this.reserve = requireNonNull(reserve, "reserve");
        return this;
    }

    /** The network the devices and end-users hang on (none by default). */
    public ProblemBuilder network(Network network) {
        this.network = requireNonNull(network, "network");
        return this;
    }

    public PlanningProblem build() {
        return new PlanningProblem(name, "USD", grid, assets, endUsers, network, availability, forecastKw, demandKw,
                salePricePerKwh, importTariffPerKwh, gridConnection, reserve, List.of());
    }

    private ProblemBuilder put(Asset asset) {
        if (availability.containsKey(asset.id())) {
            throw new IllegalArgumentException("asset " + asset.id() + " added twice");
        }
        assets.add(asset);
        availability.put(asset.id(), availabilityOf(asset.info(), grid));
        return this;
    }

    /** The asset's availability in every interval, 0 where a maintenance window touches the interval. */
    public static Profile availabilityOf(AssetInfo info, TimeGrid grid) {
        return info.availabilityOn(grid);
    }

    /** A maintenance window from {@code start} lasting {@code hours}. */
    public static MaintenanceWindow maintenance(Instant start, double hours, String reason) {
        return new MaintenanceWindow(start, start.plus(Duration.ofMillis(Math.round(hours * 3_600_000))), reason);
    }
}
