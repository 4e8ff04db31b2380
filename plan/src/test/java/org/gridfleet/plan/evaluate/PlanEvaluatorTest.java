package org.gridfleet.plan.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.testkit.Assets.info;

import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.ProblemBuilder;
import org.gridfleet.testkit.RandomProblems;
import org.gridfleet.testkit.Tolerance;
import org.junit.jupiter.api.Test;

/**
 * The evaluator against figures worked out by hand for a two-hour plan of this fleet:
 *
 * <pre>
 *   GEN-Q  reciprocating engine 400 kW: 10 $/h + 0.1 $/kWh + 0.0001 $/kW²h, O&amp;M 0.01 $/kWh, start hot 5 / cold 20 $
 *          (cold after 4 h off), off for 2 h before the horizon
 *   GEN-P  microturbine 300 kW: (100 kW, 20 $/h)..(300 kW, 50 $/h), start hot 3 / cold 8 $ (cold after 1 h), off 10 h
 *   GEN-F  fuel cell 200 kW: natural gas 0.04 $/kWh at 30 % (100 kW)..40 % (200 kW), O&amp;M 0.02 $/kWh, running
 *   BAT-1  battery 200 kW / 400 kWh, O&amp;M 0.005 $/kWh, degradation 0.02 $/kWh
 *   PV-1   photovoltaic 200 kW, forecast 100 │ 80 kW
 *      │      │      │      │      │
 *   ───┴──────┴──────┴──────┴──────┴──── B1 ── EU-1  demand 430 │ 800 kW
 *                                        │
 *                                      grid: tariff 0.20 │ 0.30 $/kWh, sale 0.05 │ 0.08 $/kWh
 *
 *   plan       GEN-Q  GEN-P  GEN-F  BAT-1  PV-1  import export
 *   00:00       200    off    150    −50   100     30     0
 *   01:00       300    200    200    100    50      0    50
 * </pre>
 */
class PlanEvaluatorTest {
    private static final double MONEY = Tolerance.MONEY;
    private static final double KWH = Tolerance.ENERGY_KWH;

    private final PlanEvaluator evaluator = new PlanEvaluator();

    @Test
    void operatingCostUsesTheExactCurves() {
        // GEN-Q: 10 + 0.1·200 + 0.0001·200² = 34, 10 + 30 + 9 = 49          → 83
        // GEN-P: at 200 kW, halfway between 20 and 50 $/h                  → 35
        // GEN-F: 150 kW at 35 % burns 428.571 kWh/h → 17.142857; 200 kW at 40 % burns 500 → 20
        PlanMetrics.Cost cost = evaluator.evaluate(plan(), problem()).cost();

        assertThat(cost.operatingCost()).isCloseTo(83 + 35 + 0.04 * (150 / 0.35 + 500), within(MONEY));
    }

    @Test
    void startUpIsHotAfterAShortStopAndColdAfterALongOne() {
        // GEN-Q starts at 00:00 after 2 h off (< 4): hot 5; GEN-P at 01:00 after 11 h off (≥ 1): cold 8; GEN-F was on
        assertThat(evaluator.evaluate(plan(), problem()).cost().startUpCost()).isCloseTo(5 + 8, within(MONEY));
    }

    @Test
    void startUpCountsEveryStartAfterTheInitialState() {
        // off 10 h, then on, off 1 h, on, off 4 h, on: cold 20 + hot 5 + cold 20
        Generator g = problem().assets().stream().filter(a -> a.id().equals(AssetId.of("GEN-Q"))).map(Generator.class::cast)
                .findFirst().orElseThrow();
        Generator longOff = new Generator(g.info(), g.minStablePowerKw(), g.rampUpKwPerMin(), g.rampDownKwPerMin(), 0, 0, g.startUp(),
                new InitialState(false, 10, 0), g.costCurve(), g.runHourLimit(), g.co2KgPerKwh());

        double cost = PlanEvaluator.startUpCost(longOff, List.of(true, false, true, false, false, false, false, true), 1.0);

        assertThat(cost).isCloseTo(20 + 5 + 20, within(MONEY));
    }

    @Test
    void omDegradationAndGridExchangeAreCosted() {
        // O&M: GEN-Q 0.01·500 + GEN-F 0.02·350 + BAT-1 0.005·100 discharged = 12.5
        // degradation: 0.02 · (50 charged + 100 discharged) = 3
        // import 30 kWh at 0.20 = 6; export 50 kWh at 0.08 = 4
        PlanMetrics.Cost cost = evaluator.evaluate(plan(), problem()).cost();

        assertThat(cost.omCost()).isCloseTo(12.5, within(MONEY));
        assertThat(cost.degradationCost()).isCloseTo(3, within(MONEY));
        assertThat(cost.importCost()).isCloseTo(6, within(MONEY));
        assertThat(cost.exportRevenue()).isCloseTo(4, within(MONEY));
    }

    @Test
    void totalCostAndSavingsAgainstBuyingEverythingFromTheGrid() {
        // total = 155.142857 + 13 + 12.5 + 3 + 6 − 4 = 185.642857
        // grid only: 430·0.20 + 800·0.30 = 326; savings 140.357143 = 43.0543 %; per kWh served 185.642857/1230
        double total = 83 + 35 + 0.04 * (150 / 0.35 + 500) + 13 + 12.5 + 3 + 6 - 4;

        PlanMetrics metrics = evaluator.evaluate(plan(), problem());

        assertThat(metrics.currency()).isEqualTo("USD");
        assertThat(metrics.cost().totalCost()).isCloseTo(total, within(MONEY));
        assertThat(metrics.cost().costPerKwhServed()).isCloseTo(total / 1230, within(MONEY));
        assertThat(metrics.savings().gridOnlyCost()).isCloseTo(326, within(MONEY));
        assertThat(metrics.savings().savings()).isCloseTo(326 - total, within(MONEY));
        assertThat(metrics.savings().savingsPercent()).isCloseTo(100 * (326 - total) / 326, within(1e-9));
    }

    @Test
    void energyByTypeFuelAndEmissions() {
        // fuel: GEN-F only knows it: 428.571 + 500 kWh; CO2: 500·0.5 + 200·0.6 + 350·0.45 = 527.5 kg
        PlanMetrics.Energy energy = evaluator.evaluate(plan(), problem()).energy();

        assertThat(energy.netEnergyKwhByType()).containsOnly(
                entry(DeviceType.RECIPROCATING_ENGINE, 500.0), entry(DeviceType.MICROTURBINE, 200.0), entry(DeviceType.FUEL_CELL, 350.0),
                entry(DeviceType.BATTERY, 50.0), entry(DeviceType.PHOTOVOLTAIC, 150.0));
        assertThat(energy.throughputKwhByType()).containsOnly(entry(DeviceType.BATTERY, 150.0));
        assertThat(energy.fuelKwh()).isCloseTo(150 / 0.35 + 500, within(KWH));
        assertThat(energy.co2Kg()).isCloseTo(527.5, within(1e-9));
        assertThat(energy.importKwh()).isCloseTo(30, within(KWH));
        assertThat(energy.exportKwh()).isCloseTo(50, within(KWH));
        assertThat(energy.curtailedKwh()).isCloseTo(30, within(KWH));
    }

    @Test
    void serviceCountsShortfallsFromTheScheduleAndTheStatus() {
        // 00:00 devices give 400 of 430 kW (import covers 30): a demand shortfall, nothing unserved;
        // the status lists one reserve shortfall
        PlanMetrics.Service service = evaluator.evaluate(plan(), problem()).service();

        assertThat(service.demandKwh()).isCloseTo(1230, within(KWH));
        assertThat(service.servedKwh()).isCloseTo(1230, within(KWH));
        assertThat(service.unservedKwh()).isCloseTo(0, within(KWH));
        assertThat(service.maxShortfallKw()).isCloseTo(30, within(Tolerance.POWER_KW));
        assertThat(service.demandShortfallIntervals()).isEqualTo(1);
        assertThat(service.reserveShortfallIntervals()).isEqualTo(1);
    }

    @Test
    void costComponentsAddUpAndEnergyBalancesForAMeritOrderPlan() {
        PlanningProblem problem = RandomProblems.problem(7);
        DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();

        PlanMetrics metrics = evaluator.evaluate(plan, problem);

        PlanMetrics.Cost c = metrics.cost();
        assertThat(c.totalCost()).isCloseTo(c.operatingCost() + c.startUpCost() + c.omCost() + c.degradationCost()
                + c.importCost() - c.exportRevenue(), within(MONEY));
        double netKwh = metrics.energy().netEnergyKwhByType().values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(netKwh + metrics.energy().importKwh() - metrics.energy().exportKwh())
                .isCloseTo(metrics.service().servedKwh(), within(1e-6));
    }

    private static PlanningProblem problem() {
        Generator quadratic = new Generator(info("GEN-Q", DeviceType.RECIPROCATING_ENGINE, 400, 1, true, 0.01), 100, 400, 400, 0, 0,
                new StartUp(5, 20, 4, 0), new InitialState(false, 2, 0), new CostCurve.Quadratic(10, 0.1, 0.0001), RunHourLimit.NONE, 0.5);
        Generator piecewise = new Generator(info("GEN-P", DeviceType.MICROTURBINE, 300), 100, 300, 300, 0, 0,
                new StartUp(3, 8, 1, 0), new InitialState(false, 10, 0), Assets.piecewise(100, 20, 300, 50), RunHourLimit.NONE, 0.6);
        Generator fuel = new Generator(info("GEN-F", DeviceType.FUEL_CELL, 200, 1, true, 0.02), 100, 200, 200, 0, 0,
                new StartUp(50, 50, 0, 0), new InitialState(true, 5, 150), Assets.fuel("natural-gas", 0.04, 100, 0.3, 200, 0.4),
                RunHourLimit.NONE, 0.45);
        Storage battery = new Storage(info("BAT-1", DeviceType.BATTERY, 200, 1, true, 0.005), 400, 200, 200, 0.95, 0.95, 0, 0, 1, 0.5, 0.02);
        return ProblemBuilder.hourly("evaluator", "2026-11-23T00:00:00Z", 2)
                .add(quadratic).add(piecewise).add(fuel).add(battery)
                .add(Assets.renewable("PV-1", DeviceType.PHOTOVOLTAIC, 200, true), 100, 80)
                .demand("EU-1", 430, 800)
                .connection(GridConnection.connected(500, 500))
                .prices(Profile.of(0.05, 0.08), Profile.of(0.20, 0.30))
                .build();
    }

    private static DispatchPlan plan() {
        PlanningProblem problem = problem();
        List<DeviceSchedule> schedules = List.of(
                new DeviceSchedule(AssetId.of("GEN-Q"), DeviceType.RECIPROCATING_ENGINE, Profile.of(200, 300), List.of(true, true), Profile.zeros(0)),
                new DeviceSchedule(AssetId.of("GEN-P"), DeviceType.MICROTURBINE, Profile.of(0, 200), List.of(false, true), Profile.zeros(0)),
                new DeviceSchedule(AssetId.of("GEN-F"), DeviceType.FUEL_CELL, Profile.of(150, 200), List.of(true, true), Profile.zeros(0)),
                new DeviceSchedule(AssetId.of("BAT-1"), DeviceType.BATTERY, Profile.of(-50, 100), List.of(true, true),
                        Profile.of((200 + 0.95 * 50) / 400, (200 + 0.95 * 50 - 100 / 0.95) / 400)),
                new DeviceSchedule(AssetId.of("PV-1"), DeviceType.PHOTOVOLTAIC, Profile.of(100, 50), List.of(true, true), Profile.zeros(0)));
        PlanStatus status = new PlanStatus.Infeasible("hand-made",
                List.of(new Shortfall(0, Shortfall.Kind.DEMAND, 430, 400), new Shortfall(1, Shortfall.Kind.RESERVE, 80, 40)));
        return new DispatchPlan("hand", Objective.of(ObjectiveKind.COST), status, problem.grid(), schedules,
                Profile.of(30, 0), Profile.of(0, 50));
    }
}
