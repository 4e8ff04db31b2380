package org.gridfleet.control;

import static org.gridfleet.testkit.Assets.generator;
import static org.gridfleet.testkit.Assets.info;
import static org.gridfleet.testkit.Assets.renewable;
import static org.gridfleet.testkit.Assets.storage;

import java.time.Duration;
import java.time.Instant;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.testkit.ProblemBuilder;

/** Small plants for the control center's tests, on 15-minute intervals, islanded unless drawn otherwise. */
final class ControlFleets {
    static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
    static final Duration STEP = Duration.ofMinutes(15);

    private ControlFleets() {}

    /**
     * A campus: two committed engines, a fast-start fuel cell the plan never runs, PV and a battery.
     * <pre>
     *   G1     reciprocating engine 600 kW, min 150 kW, 10 $/h + 0.10 $/kWh, O&amp;M 0.01   (merit order 1)
     *   G2     microturbine         400 kW, min  80 kW,  5 $/h + 0.14 $/kWh, O&amp;M 0.01   (merit order 2)
     *   G3     fuel cell            300 kW, min  60 kW,  3 $/h + 0.20 $/kWh, starts in 5 min (fast start, not planned)
     *   PV-1   photovoltaic         200 kW, curtailable, forecast 150 kW throughout
     *   BAT-1  battery              200 kW / 400 kWh from soc 0.5
     *      │     │     │     │     │
     *   ───┴─────┴─────┴─────┴─────┴── B1 ── EU-1 480 510 540 570 540 510 480 450 kW
     *                                        EU-2 320 340 360 380 360 340 320 300 kW   (08:00..10:00Z, 15 min)
     * </pre>
     * The merit-order plan runs G1 and G2 (G1 570..600 kW, G2 80..200 kW), PV at 150 kW, the battery idle.
     */
    static PlanningProblem campus() {
        Generator fuelCell = new Generator(info("G3", DeviceType.FUEL_CELL, 300, 1, true, 0.01), 60, 300, 300, 0, 0,
                new StartUp(10, 20, 4, 5), InitialState.LONG_OFF, new CostCurve.Quadratic(3, 0.20, 0), RunHourLimit.NONE, 0.45);
        return ProblemBuilder.on("campus", new TimeGrid(START, STEP, 8))
                .add(generator(info("G1", DeviceType.RECIPROCATING_ENGINE, 600, 1, true, 0.01), 150, new CostCurve.Quadratic(10, 0.10, 0)))
                .add(generator(info("G2", DeviceType.MICROTURBINE, 400, 1, true, 0.01), 80, new CostCurve.Quadratic(5, 0.14, 0)))
                .add(fuelCell)
                .add(renewable("PV-1", DeviceType.PHOTOVOLTAIC, 200, true), 150, 150, 150, 150, 150, 150, 150, 150)
                .add(storage("BAT-1", DeviceType.BATTERY, 200, 400, 0.5))
                .demand("EU-1", 480, 510, 540, 570, 540, 510, 480, 450)
                .demand("EU-2", 320, 340, 360, 380, 360, 340, 320, 300)
                .build();
    }

    /**
     * Two engines that together give 900 kW against 1500 kW of demand.
     * <pre>
     *   G-A  reciprocating engine 600 kW, min 150 kW, 0.10 $/kWh
     *   G-B  microturbine         300 kW, min  60 kW, 0.15 $/kWh
     *      │     │
     *   ───┴─────┴── B1 ── EU-1 1500 kW throughout (4 × 15 min)
     * </pre>
     */
    static PlanningProblem tooSmall() {
        return ProblemBuilder.on("too small", new TimeGrid(START, STEP, 4))
                .add(generator("G-A", DeviceType.RECIPROCATING_ENGINE, 600, 150, new CostCurve.Quadratic(0, 0.10, 0)))
                .add(generator("G-B", DeviceType.MICROTURBINE, 300, 60, new CostCurve.Quadratic(0, 0.15, 0)))
                .demand("EU-1", 1500, 1500, 1500, 1500)
                .build();
    }

    /**
     * The cheapest engine stopped six minutes ago and must stay down two hours: the merit order (which ignores minimum
     * times) runs it anyway, and the device rejects the start.
     * <pre>
     *   G-SLOW  reciprocating engine 500 kW, min 100 kW, 0.08 $/kWh, off for 0.1 h, minimum down time 2 h
     *   G-FAST  microturbine         600 kW, min  60 kW, 0.15 $/kWh, starts at once
     *      │       │
     *   ───┴───────┴── B1 ── EU-1 400 kW throughout (4 × 15 min)
     * </pre>
     */
    static PlanningProblem slowStarter() {
        Generator slow = new Generator(info("G-SLOW", DeviceType.RECIPROCATING_ENGINE, 500), 100, 500, 500, 0, 2, StartUp.FREE_AND_INSTANT,
                new InitialState(false, 0.1, 0), new CostCurve.Quadratic(0, 0.08, 0), RunHourLimit.NONE, 0.5);
        return ProblemBuilder.on("slow starter", new TimeGrid(START, STEP, 4))
                .add(slow)
                .add(generator("G-FAST", DeviceType.MICROTURBINE, 600, 60, new CostCurve.Quadratic(0, 0.15, 0)))
                .demand("EU-1", 400, 400, 400, 400)
                .build();
    }
}
