package org.gridfleet.testkit;

import static org.gridfleet.testkit.Assets.fuel;
import static org.gridfleet.testkit.Assets.generator;
import static org.gridfleet.testkit.Assets.info;
import static org.gridfleet.testkit.Assets.piecewise;
import static org.gridfleet.testkit.Assets.renewable;
import static org.gridfleet.testkit.Assets.storage;

import java.time.Instant;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * Small hand-built planning problems for unit tests, each drawn in its Javadoc. Hourly intervals (so kW and kWh
 * per interval are the same number), no self-discharge unless drawn, prices in USD.
 */
public final class Fleets {
    private Fleets() {}

    /**
     * Two generators and a battery serving one end-user, islanded, no reserve.
     *
     * <pre>
     *   GEN-A  reciprocating engine 600 kW, min 150 kW, 20 $/h + 0.10 $/kWh, O&amp;M 0.01   → 0.1433 $/kWh at full load
     *   GEN-B  microturbine         300 kW, min  60 kW, (60 kW, 15 $/h)..(300 kW, 54 $/h),
     *                               O&amp;M 0.01                                            → 0.19 $/kWh at full load
     *   BAT-1  battery 200 kW / 400 kWh, soc 0.2..1.0 from 0.5, ηc = ηd = 0.95, no self-discharge, 0.02 $/kWh
     *      │        │        │
     *   ───┴────────┴────────┴───── B1 ──── EU-1   demand  300 │ 500 │ 950 │ 400 kW   (00:00..04:00Z)
     * </pre>
     */
    public static PlanningProblem twoGeneratorsOneBattery() {
        return ProblemBuilder.hourly("two generators and one battery", "2026-11-23T00:00:00Z", 4)
                .add(generator(info("GEN-A", DeviceType.RECIPROCATING_ENGINE, 600, 1, true, 0.01), 150,
                        new CostCurve.Quadratic(20, 0.10, 0)))
                .add(generator(info("GEN-B", DeviceType.MICROTURBINE, 300, 1, true, 0.01), 60, piecewise(60, 15, 300, 54)))
                .add(new Storage(info("BAT-1", DeviceType.BATTERY, 200), 400, 200, 200, 0.95, 0.95, 0, 0.2, 1.0, 0.5, 0.02))
                .demand("EU-1", 300, 500, 950, 400)
                .build();
    }

    /**
     * A curtailable PV array that produces more than the demand at noon, islanded: the battery takes what it can
     * and the rest is curtailed.
     *
     * <pre>
     *   PV-1   photovoltaic 800 kW, curtailable      forecast 100 │ 600 │ 800 │ 200 kW   (10:00..14:00Z)
     *   GEN-1  reciprocating engine 500 kW, min 100 kW, 10 $/h + 0.12 $/kWh
     *   BAT-1  battery 250 kW / 500 kWh, soc 0.1..0.9 from 0.5, ηc = ηd = 0.9, no self-discharge, 0.01 $/kWh
     *      │        │        │
     *   ───┴────────┴────────┴───── B1 ──── EU-1   demand  300 │ 300 │ 300 │ 300 kW
     * </pre>
     */
    public static PlanningProblem islandedWithPvSurplus() {
        return ProblemBuilder.hourly("islanded with PV surplus", "2026-06-21T10:00:00Z", 4)
                .add(renewable("PV-1", DeviceType.PHOTOVOLTAIC, 800, true), 100, 600, 800, 200)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 500, 100, new CostCurve.Quadratic(10, 0.12, 0)))
                .add(new Storage(info("BAT-1", DeviceType.BATTERY, 250), 500, 250, 250, 0.9, 0.9, 0, 0.1, 0.9, 0.5, 0.01))
                .demand("EU-1", 300, 300, 300, 300)
                .build();
    }

    /**
     * The cheap engine is in maintenance from 01:00 to 03:00Z; the dear one stands in. Grid-connected.
     *
     * <pre>
     *   GEN-CHEAP  reciprocating engine 500 kW, min 100 kW, 0.09 $/kWh   maintenance 01:00..03:00Z
     *   GEN-DEAR   microturbine         500 kW, min 100 kW, 0.16 $/kWh
     *      │            │
     *   ───┴────────────┴───── B1 ──── EU-1   demand 400 │ 400 │ 400 │ 400 kW   (00:00..04:00Z)
     *                          │
     *                        grid: import ≤ 300 kW at 0.25 $/kWh, no export
     * </pre>
     */
    public static PlanningProblem maintenanceOutage() {
        Instant start = Instant.parse("2026-11-23T00:00:00Z");
        return ProblemBuilder.hourly("maintenance outage", start.toString(), 4)
                .add(generator(info("GEN-CHEAP", DeviceType.RECIPROCATING_ENGINE, 500, 1, true, 0,
                        ProblemBuilder.maintenance(start.plusSeconds(3600), 2, "overhaul")), 100, new CostCurve.Quadratic(0, 0.09, 0)))
                .add(generator("GEN-DEAR", DeviceType.MICROTURBINE, 500, 100, new CostCurve.Quadratic(0, 0.16, 0)))
                .demand("EU-1", 400, 400, 400, 400)
                .connection(GridConnection.connected(300, 0))
                .flatPrices(0.06, 0.25)
                .build();
    }

    /**
     * Demand beyond everything the islanded fleet can give in two of four intervals.
     *
     * <pre>
     *   GEN-A  reciprocating engine 600 kW, min 150 kW, 20 $/h + 0.10 $/kWh
     *   GEN-B  microturbine         300 kW, min  60 kW, 10 $/h + 0.15 $/kWh
     *   BAT-1  battery 100 kW / 100 kWh, soc 0.1..1.0 from 0.5, ηc = ηd = 0.95, no self-discharge
     *      │        │        │
     *   ───┴────────┴────────┴───── B1 ──── EU-1   demand 800 │ 1200 │ 1500 │ 900 kW   (00:00..04:00Z)
     * </pre>
     */
    public static PlanningProblem undersizedFleet() {
        return ProblemBuilder.hourly("undersized fleet", "2026-11-23T00:00:00Z", 4)
                .add(generator("GEN-A", DeviceType.RECIPROCATING_ENGINE, 600, 150, new CostCurve.Quadratic(20, 0.10, 0)))
                .add(generator("GEN-B", DeviceType.MICROTURBINE, 300, 60, new CostCurve.Quadratic(10, 0.15, 0)))
                .add(new Storage(info("BAT-1", DeviceType.BATTERY, 100), 100, 100, 100, 0.95, 0.95, 0, 0.1, 1.0, 0.5, 0))
                .demand("EU-1", 800, 1200, 1500, 900)
                .build();
    }

    /**
     * Two PV arrays, one of which may not export, grid-connected with a 250 kW export limit.
     *
     * <pre>
     *   PV-EXP  photovoltaic 600 kW, curtailable, may export     forecast 500 │ 150 kW   (12:00..14:00Z)
     *   PV-OWN  photovoltaic 300 kW, curtailable, may not export forecast 200 │ 200 kW
     *      │        │
     *   ───┴────────┴───── B1 ──── EU-1   demand 200 │ 200 kW
     *                      │
     *                    grid: import ≤ 100 kW at 0.22 $/kWh, export ≤ 250 kW at 0.07 $/kWh
     * </pre>
     */
    public static PlanningProblem exportingPvPlant() {
        return ProblemBuilder.hourly("exporting PV plant", "2026-06-21T12:00:00Z", 2)
                .add(renewable("PV-EXP", DeviceType.PHOTOVOLTAIC, 600, true), 500, 150)
                .add(new Renewable(info("PV-OWN", DeviceType.PHOTOVOLTAIC, 300, 1, false, 0), true), 200, 200)
                .demand("EU-1", 200, 200)
                .connection(GridConnection.connected(100, 250))
                .flatPrices(0.07, 0.22)
                .build();
    }

    /**
     * One device of each of the nine types, grid-connected, 10 % spinning reserve; the emergency generator has one
     * permitted run hour left this year.
     *
     * <pre>
     *   EMG-1   emergency generator  400 kW, min 100, 15 $/h + 0.30 $/kWh, 1 run hour left
     *   FC-1    fuel cell            200 kW, min  60, natural gas 0.05 $/kWh at 45..55 % efficiency
     *   RE-1    reciprocating engine 800 kW, min 200, 25 $/h + 0.09 $/kWh + 0.00002 $/kW²h
     *   MT-1    microturbine         200 kW, min  50, (50 kW, 12 $/h)..(200 kW, 36 $/h)
     *   PV-1    photovoltaic         500 kW, curtailable       forecast   0  50 150 300 420 480 kW
     *   WT-1    wind turbine         300 kW, not curtailable   forecast 120 180  90  60 200 150 kW
     *   BAT-1   battery              250 kW / 500 kWh from soc 0.5
     *   SMES-1  SMES                 100 kW /   5 kWh from soc 0.5
     *   FW-1    flywheel             150 kW /  40 kWh from soc 0.5
     *      │  │  │  │  │  │  │  │  │
     *   ───┴──┴──┴──┴──┴──┴──┴──┴──┴── B1 ── EU-1, EU-2   demand 700 900 1100 1000 950 800 kW  (06:00..12:00Z)
     *                                  │
     *                                grid: import ≤ 300 kW at 0.24 $/kWh, export ≤ 200 kW at 0.06 $/kWh
     * </pre>
     */
    public static PlanningProblem everyDeviceType() {
        Generator emergency = new Generator(info("EMG-1", DeviceType.EMERGENCY_GENERATOR, 400, 1, false, 0.02), 100, 100, 100, 0, 0,
                new StartUp(20, 40, 4, 1), InitialState.LONG_OFF, new CostCurve.Quadratic(15, 0.30, 0),
                new RunHourLimit(100, 99), 0.70);
        return ProblemBuilder.hourly("every device type", "2026-06-21T06:00:00Z", 6)
                .add(emergency)
                .add(generator(info("FC-1", DeviceType.FUEL_CELL, 200, 1, true, 0.01), 60, fuel("natural-gas", 0.05, 60, 0.45, 200, 0.55)))
                .add(generator(info("RE-1", DeviceType.RECIPROCATING_ENGINE, 800, 1, true, 0.01), 200,
                        new CostCurve.Quadratic(25, 0.09, 0.00002)))
                .add(generator(info("MT-1", DeviceType.MICROTURBINE, 200, 1, true, 0.01), 50, piecewise(50, 12, 200, 36)))
                .add(renewable("PV-1", DeviceType.PHOTOVOLTAIC, 500, true), 0, 50, 150, 300, 420, 480)
                .add(renewable("WT-1", DeviceType.WIND_TURBINE, 300, false), 120, 180, 90, 60, 200, 150)
                .add(storage("BAT-1", DeviceType.BATTERY, 250, 500, 0.5))
                .add(storage("SMES-1", DeviceType.SMES, 100, 5, 0.5))
                .add(storage("FW-1", DeviceType.FLYWHEEL, 150, 40, 0.5))
                .demand("EU-1", 400, 500, 600, 550, 500, 450)
                .demand("EU-2", 300, 400, 500, 450, 450, 350)
                .connection(GridConnection.connected(300, 200))
                .flatPrices(0.06, 0.24)
                .reserve(new ReserveRequirement(0.10, false, 0))
                .build();
    }
}
