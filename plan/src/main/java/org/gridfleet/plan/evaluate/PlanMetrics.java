package org.gridfleet.plan.evaluate;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.asset.DeviceType;

/**
 * How good a plan is, judged the same way for every plan generator. Money is in the problem's {@code currency}.
 * {@code network} is there when the problem has a network and the evaluator was given a {@link NetworkAssessor};
 * {@code reliability} when the evaluator was given a {@link ReliabilityAssessor}.
 */
public record PlanMetrics(String currency, Cost cost, Energy energy, Service service, Savings savings, Optional<NetworkMetrics> network,
                          Optional<ReliabilityMetrics> reliability) {
    public PlanMetrics {
        requireNonNull(currency, "currency");
        requireNonNull(cost, "cost");
        requireNonNull(energy, "energy");
        requireNonNull(service, "service");
        requireNonNull(savings, "savings");
        requireNonNull(network, "network");
        requireNonNull(reliability, "reliability");
    }

    /** Without network or reliability metrics. */
    public PlanMetrics(String currency, Cost cost, Energy energy, Service service, Savings savings) {
        this(currency, cost, energy, service, savings, Optional.empty(), Optional.empty());
    }

    /** Without reliability metrics. */
    public PlanMetrics(String currency, Cost cost, Energy energy, Service service, Savings savings, Optional<NetworkMetrics> network) {
        this(currency, cost, energy, service, savings, network, Optional.empty());
    }

    /** These metrics with {@code reliability} in place of whatever reliability metrics they had. */
    public PlanMetrics withReliability(ReliabilityMetrics reliability) {
        return new PlanMetrics(currency, cost, energy, service, savings, network, Optional.of(reliability));
    }

    /**
     * What the plan costs over the horizon.
     *
     * @param operatingCost    Σ over committed intervals of {@code costCurve.costPerHour(P)·h}: fuel and no-load cost
     * @param startUpCost      hot or cold start costs, by hours off before each start (the initial state counts)
     * @param omCost           {@code omCostPerKwh} × energy produced (storage: discharged)
     * @param degradationCost  {@code degradationCostPerKwh} × storage throughput (charged plus discharged kWh)
     * @param importCost       import at the import tariff
     * @param exportRevenue    export at the sale price
     * @param totalCost        everything above, less the export revenue
     * @param costPerKwhServed total cost per kWh of demand served; 0 when nothing is served
     */
    public record Cost(double operatingCost, double startUpCost, double omCost, double degradationCost, double importCost,
                       double exportRevenue, double totalCost, double costPerKwhServed) {}

    /**
     * Energy over the horizon, kWh, measured at the grid side of each device.
     *
     * @param netEnergyKwhByType        energy into the grid by device type (storage: discharged minus charged)
     * @param throughputKwhByType       storage only: charged plus discharged energy by type
     * @param importKwh                 energy drawn from the grid
     * @param exportKwh                 energy fed into the grid
     * @param curtailedKwh              renewable energy forecast and available but not taken
     * @param fuelKwh                   fuel energy (LHV) burnt, where the cost curve knows it
     * @param co2Kg                     carbon dioxide emitted by the generators
     */
    public record Energy(Map<DeviceType, Double> netEnergyKwhByType, Map<DeviceType, Double> throughputKwhByType,
                         double importKwh, double exportKwh, double curtailedKwh, double fuelKwh, double co2Kg) {
        public Energy {
            netEnergyKwhByType = Map.copyOf(netEnergyKwhByType);
            throughputKwhByType = Map.copyOf(throughputKwhByType);
        }
    }

    /**
     * How well demand is served.
     *
     * @param servedKwh                  demand covered by devices and import together
     * @param unservedKwh                demand covered by nothing
     * @param maxShortfallKw             largest gap between demand and the devices' combined output (import not counted)
     * @param demandShortfallIntervals   intervals where the devices' combined output is below demand
     * @param reserveShortfallIntervals  intervals the plan's status lists with a reserve shortfall
     */
    public record Service(double demandKwh, double servedKwh, double unservedKwh, double maxShortfallKw,
                          int demandShortfallIntervals, int reserveShortfallIntervals) {}

    /**
     * The plan against buying all demand from the grid.
     *
     * @param gridOnlyCost   Σ demand·importTariff·h
     * @param savings        {@code gridOnlyCost − totalCost}
     * @param savingsPercent savings as a percentage of {@code gridOnlyCost}; 0 when that is 0
     */
    public record Savings(double gridOnlyCost, double savings, double savingsPercent) {}
}
