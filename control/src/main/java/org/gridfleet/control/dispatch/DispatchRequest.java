package org.gridfleet.control.dispatch;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gridfleet.model.AssetId;

/**
 * What one dispatch decides over: the demand to cover now, and what every available device and the grid can give.
 * Devices that are unavailable (offline, tripped, in maintenance, excluded after a rejected command) are simply not
 * in it. All powers in kW, positive into the grid; prices in the fleet's currency per kWh.
 *
 * @param demandKw aggregate demand of the end-users now
 * @param lossesKw network losses the plan covers on top of demand in this interval
 * @param held     devices an operator holds at a set point (manual overrides): constants, the others cover the rest
 */
public record DispatchRequest(double demandKw, double lossesKw, List<GeneratorOffer> generators, List<RenewableOffer> renewables,
                              List<StorageOffer> stores, List<HeldDevice> held, GridOffer grid) {
    public DispatchRequest {
        requireFinite(demandKw, "demandKw");
        requireFinite(lossesKw, "lossesKw");
        if (lossesKw < 0) {
            throw new IllegalArgumentException("lossesKw must be >= 0: " + lossesKw);
        }
        generators = List.copyOf(generators);
        renewables = List.copyOf(renewables);
        stores = List.copyOf(stores);
        held = List.copyOf(held);
        requireNonNull(grid, "grid");
        Set<AssetId> seen = new HashSet<>();
        for (GeneratorOffer g : generators) {
            requireNew(seen, g.id());
        }
        for (RenewableOffer r : renewables) {
            requireNew(seen, r.id());
        }
        for (StorageOffer s : stores) {
            requireNew(seen, s.id());
        }
        for (HeldDevice h : held) {
            requireNew(seen, h.id());
        }
    }

    /** A request without devices held by an operator. */
    public DispatchRequest(double demandKw, double lossesKw, List<GeneratorOffer> generators, List<RenewableOffer> renewables,
                           List<StorageOffer> stores, GridOffer grid) {
        this(demandKw, lossesKw, generators, renewables, stores, List.of(), grid);
    }

    /** What the devices held by an operator give together, kW. */
    public double heldKw() {
        double kw = 0;
        for (HeldDevice h : held) {
            kw += h.kw();
        }
        return kw;
    }

    /** What the devices must cover: demand plus the plan's losses. */
    public double requiredKw() {
        return demandKw + lossesKw;
    }

    /**
     * A dispatchable generator, with what it can physically give before the dispatch's horizon ends (the next dispatch
     * that is sure to come: the end of the interval), so that the dispatch never counts on output a unit cannot reach.
     *
     * @param committed   whether the plan runs it in this interval: then it is told to run, within {@code [minKw, maxKw]}
     *                    when {@code readyInTime}
     * @param startable   for a unit the plan does not run: whether it may be started now when demand cannot otherwise be
     *                    met (run hours left)
     * @param cost        its cost per hour over what it can reach by the horizon's end, {@code [minKw, maxKw]}: from its
     *                    output now within its ramp rates, or from its minimum stable power after its start-up (see
     *                    {@link LinearCost#within}); for a unit not {@code readyInTime}, over its whole range
     * @param capacityKw  what it gives once started and ramped: rating × availability ({@code >= maxKw})
     * @param readyInTime whether it gives anything before the horizon ends; a unit still starting then gives nothing now,
     *                    and if told to run its set point is {@code minKw} (so that it starts, for later)
     */
    public record GeneratorOffer(AssetId id, boolean committed, boolean startable, LinearCost cost, double omCostPerKwh,
                                 boolean exportAllowed, double capacityKw, boolean readyInTime) {
        public GeneratorOffer {
            requireNonNull(id, "id");
            requireNonNull(cost, "cost");
            requireFinite(omCostPerKwh, "omCostPerKwh");
            requireFinite(capacityKw, "capacityKw");
            if (capacityKw < cost.maxKw() - 1e-9) {
                throw new IllegalArgumentException(id + ": capacityKw " + capacityKw + " is below what it can reach, " + cost.maxKw());
            }
        }

        /** A unit with no limit on how fast it gets anywhere in its range: ready now, capacity its curve's maximum. */
        public GeneratorOffer(AssetId id, boolean committed, boolean startable, LinearCost cost, double omCostPerKwh, boolean exportAllowed) {
            this(id, committed, startable, cost, omCostPerKwh, exportAllowed, cost.maxKw(), true);
        }

        public double minKw() {
            return cost.minKw();
        }

        public double maxKw() {
            return cost.maxKw();
        }

        /** Average cost per kWh at full output, the order in which units are started: {@code F(max)/max + om}. */
        public double fullLoadCostPerKwh() {
            return maxKw() > 0 ? cost.costPerHour(maxKw()) / maxKw() + omCostPerKwh : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * A photovoltaic array or wind turbine.
     *
     * @param availableKw what it can give now (observed, or forecast)
     * @param curtailable whether it may be asked to give less; if not, it gives {@code availableKw}
     */
    public record RenewableOffer(AssetId id, double availableKw, boolean curtailable, double omCostPerKwh, boolean exportAllowed) {
        public RenewableOffer {
            requireNonNull(id, "id");
            requireFinite(availableKw, "availableKw");
            requireFinite(omCostPerKwh, "omCostPerKwh");
            if (availableKw < 0) {
                throw new IllegalArgumentException(id + ": availableKw must be >= 0: " + availableKw);
            }
        }
    }

    /**
     * A battery, SMES or flywheel, held to its planned set point unless the generators cannot cover demand (or take
     * a surplus) without it.
     *
     * @param minKw     the most it may charge now, as a negative power (limited by its charger and the room left)
     * @param maxKw     the most it may discharge now (limited by its converter and the energy left)
     * @param plannedKw the plan's set point for this interval; clamped into {@code [minKw, maxKw]}
     */
    public record StorageOffer(AssetId id, double minKw, double maxKw, double plannedKw, boolean exportAllowed) {
        public StorageOffer {
            requireNonNull(id, "id");
            requireFinite(minKw, "minKw");
            requireFinite(maxKw, "maxKw");
            requireFinite(plannedKw, "plannedKw");
            if (!(minKw <= 0 && maxKw >= 0)) {
                throw new IllegalArgumentException(id + ": need minKw <= 0 <= maxKw: " + minKw + ", " + maxKw);
            }
        }

        /** The planned set point within what the store can do now. */
        public double anchorKw() {
            return Math.max(minKw, Math.min(maxKw, plannedKw));
        }
    }

    /**
     * A device an operator holds at a set point (a manual override): it gives {@code kw} whatever the others do, a
     * constant in the balance, and the dispatch covers the rest with the others.
     *
     * @param kw          what it gives, kW (positive into the grid; storage charging negative); 0 for a unit held off
     * @param costPerHour its running cost at {@code kw} (a generator's curve and O&amp;M, a renewable's O&amp;M), per hour
     */
    public record HeldDevice(AssetId id, double kw, double costPerHour, boolean exportAllowed) {
        public HeldDevice {
            requireNonNull(id, "id");
            requireFinite(kw, "kw");
            requireFinite(costPerHour, "costPerHour");
        }
    }

    /** The utility grid: import and export limits (0 when islanded) and this interval's prices. */
    public record GridOffer(double maxImportKw, double importTariffPerKwh, double maxExportKw, double salePricePerKwh) {
        public static final GridOffer ISLANDED = new GridOffer(0, 0, 0, 0);

        public GridOffer {
            requireFinite(maxImportKw, "maxImportKw");
            requireFinite(maxExportKw, "maxExportKw");
            requireFinite(importTariffPerKwh, "importTariffPerKwh");
            requireFinite(salePricePerKwh, "salePricePerKwh");
            if (maxImportKw < 0 || maxExportKw < 0) {
                throw new IllegalArgumentException("import and export limits must be >= 0: " + maxImportKw + ", " + maxExportKw);
            }
        }
    }

    private static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite: " + value);
        }
    }

    private static void requireNew(Set<AssetId> seen, AssetId id) {
        if (!seen.add(id)) {
            throw new IllegalArgumentException("device " + id + " offered twice");
        }
    }
}
