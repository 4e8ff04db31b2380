package org.gridfleet.plan.meritorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.testkit.Assets.generator;
import static org.gridfleet.testkit.Assets.info;
import static org.gridfleet.testkit.Assets.renewable;

import java.util.List;
import org.gridfleet.model.AssetId;
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
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.ProblemBuilder;
import org.gridfleet.testkit.Tolerance;
import org.gridfleet.testkit.Assets;
import org.junit.jupiter.api.Test;

/** Merit-order plans for the small fleets of the testkit, against figures worked out by hand in the comments. */
class MeritOrderPlanGeneratorTest {
    private static final double KW = Tolerance.POWER_KW;

    private final MeritOrderPlanGenerator generator = new MeritOrderPlanGenerator();

    @Test
    void cheapestUnitIsLoadedFirst() {
        // GEN-A costs 20/600 + 0.10 + 0.01 = 0.1433 $/kWh at full load, GEN-B 54/300 + 0.01 = 0.19 $/kWh.
        // 00:00  demand 300: battery alone can give min(200, (200 − 80)·0.95) = 114 kW < 300 → commit GEN-A → 300 kW
        // 01:00  demand 500: GEN-A 500 kW
        DispatchPlan plan = plan(Fleets.twoGeneratorsOneBattery());

        assertThat(power(plan, "GEN-A")[0]).isCloseTo(300, within(KW));
        assertThat(power(plan, "GEN-A")[1]).isCloseTo(500, within(KW));
        assertThat(schedule(plan, "GEN-B").committed().subList(0, 2)).containsExactly(false, false);
        assertThat(power(plan, "BAT-1")[0]).isZero();
    }

    @Test
    void dearerUnitThenBatteryCoverThePeak() {
        // 02:00  demand 950: GEN-A 600 + battery 114 = 714 < 950 → commit GEN-B too: 600 + 300 + 114 ≥ 950.
        //        GEN-A 600 (cheapest, full), GEN-B 300 (full), battery the last 50 kW:
        //        E = 200 − 50/0.95 = 147.368 kWh → soc 0.368421
        // 03:00  demand 400: battery alone min(200, (147.368 − 80)·0.95 = 64) < 400 → GEN-A 400
        DispatchPlan plan = plan(Fleets.twoGeneratorsOneBattery());

        assertThat(power(plan, "GEN-A")).containsExactly(new double[] {300, 500, 600, 400}, within(KW));
        assertThat(power(plan, "GEN-B")).containsExactly(new double[] {0, 0, 300, 0}, within(KW));
        assertThat(power(plan, "BAT-1")).containsExactly(new double[] {0, 0, 50, 0}, within(KW));
        double soc = (200 - 50 / 0.95) / 400;
        assertThat(schedule(plan, "BAT-1").socFraction().toArray()).containsExactly(new double[] {0.5, 0.5, soc, soc}, within(Tolerance.FRACTION));
        assertThat(plan.status()).isEqualTo(new PlanStatus.Heuristic());
    }

    @Test
    void pvSurplusChargesTheBatteryAndTheRestIsCurtailed() {
        // 10:00  PV 100, residual 200: battery alone gives min(250, (250 − 50)·0.9) = 180 < 200 → GEN-1 200 kW
        // 11:00  PV 600, surplus 300: battery takes min(250, (450 − 250)/0.9) = 222.22 kW → soc 0.9; curtail 77.78 → PV 522.22
        // 12:00  PV 800, surplus 500: battery full → PV curtailed to 300
        // 13:00  PV 200, residual 100: generators before storage → GEN-1 at its 100 kW minimum; the battery keeps its 450 kWh
        DispatchPlan plan = plan(Fleets.islandedWithPvSurplus());

        double charge = 200 / 0.9;
        assertThat(power(plan, "GEN-1")).containsExactly(new double[] {200, 0, 0, 100}, within(KW));
        assertThat(power(plan, "BAT-1")).containsExactly(new double[] {0, -charge, 0, 0}, within(KW));
        assertThat(power(plan, "PV-1")).containsExactly(new double[] {100, 600 - (300 - charge), 300, 200}, within(KW));
        assertThat(schedule(plan, "BAT-1").socFraction().toArray())
                .containsExactly(new double[] {0.5, 0.9, 0.9, 0.9}, within(Tolerance.FRACTION));
        assertThat(plan.exportKw().sum()).isZero();
        assertThat(plan.status()).isEqualTo(new PlanStatus.Heuristic());
    }

    @Test
    void maintenanceIsRespected() {
        // GEN-CHEAP (0.09 $/kWh) is in maintenance 01:00..03:00; GEN-DEAR (0.16 $/kWh) stands in, nothing imported
        DispatchPlan plan = plan(Fleets.maintenanceOutage());

        assertThat(power(plan, "GEN-CHEAP")).containsExactly(new double[] {400, 0, 0, 400}, within(KW));
        assertThat(schedule(plan, "GEN-CHEAP").committed()).containsExactly(true, false, false, true);
        assertThat(power(plan, "GEN-DEAR")).containsExactly(new double[] {0, 400, 400, 0}, within(KW));
        assertThat(plan.importKw().sum()).isZero();
        assertThat(plan.status()).isEqualTo(new PlanStatus.Heuristic());
    }

    @Test
    void dischargeStopsAtMinimumSoc() {
        // 00:00  demand 800: battery gives at most (50 − 10)·0.95 = 38 kW; GEN-A 600 + 38 < 800 → GEN-B too
        //        GEN-A 600, GEN-B 200, battery idle (generators cover it)
        // 01:00  demand 1200: GEN-A 600, GEN-B 300, battery 38 → E = 50 − 38/0.95 = 10 kWh = minimum
        // 02:00  battery has nothing above its minimum left
        DispatchPlan plan = plan(Fleets.undersizedFleet());

        assertThat(power(plan, "BAT-1")).containsExactly(new double[] {0, 38, 0, 0}, within(KW));
        assertThat(schedule(plan, "BAT-1").socFraction().toArray()).containsExactly(new double[] {0.5, 0.1, 0.1, 0.1}, within(Tolerance.FRACTION));
        assertThat(power(plan, "GEN-A")).containsExactly(new double[] {600, 600, 600, 600}, within(KW));
        assertThat(power(plan, "GEN-B")).containsExactly(new double[] {200, 300, 300, 300}, within(KW));
    }

    @Test
    void demandShortfallIsReportedWithTheMissingKw() {
        // 01:00 devices give 938 of 1200 kW (262 short), 02:00 900 of 1500 kW (600 short); 862 kWh unserved
        DispatchPlan plan = plan(Fleets.undersizedFleet());

        assertThat(plan.status()).isInstanceOf(PlanStatus.Infeasible.class);
        PlanStatus.Infeasible status = (PlanStatus.Infeasible) plan.status();
        assertThat(status.shortfalls()).hasSize(2);
        assertThat(status.shortfalls().get(0).interval()).isEqualTo(1);
        assertThat(status.shortfalls().get(0).kind()).isEqualTo(Shortfall.Kind.DEMAND);
        assertThat(status.shortfalls().get(0).missingKw()).isCloseTo(262, within(KW));
        assertThat(status.shortfalls().get(1).interval()).isEqualTo(2);
        assertThat(status.shortfalls().get(1).missingKw()).isCloseTo(600, within(KW));
        assertThat(status.reason()).isEqualTo(
                "combined output is short of demand in 2 of 4 intervals, at most 600 kW (interval 2, 02:00Z), 862 kWh unserved: add capacity or shed load"
                        + ". Why: 02:00–03:00Z: demand 1 500 kW exceeds the most the fleet can deliver, 986 kW of its 1 000 kW rating, by 515 kW; "
                        + "binding: BAT-1 limited to 86 of 100 kW by stored energy (at most 100 kWh, minimum 10 kWh) −15 kW; "
                        + "islanded: no grid import for the 515 kW of demand beyond the fleet. "
                        + "Also beyond the fleet in 1 more interval (01:00Z) by 215 kW; binding there: BAT-1 storage energy in 1");
        // islanded: no import, the balance does not close by exactly the unserved demand
        assertThat(plan.combinedOutputKw().toArray()).containsExactly(new double[] {800, 938, 900, 900}, within(KW));
    }

    @Test
    void importCoversWhatDevicesCannotButIsStillADemandShortfall() {
        // one 300 kW engine for 400 kW of demand, grid-connected: 100 kW imported, devices still 100 kW short
        PlanningProblem problem = ProblemBuilder.hourly("import", "2026-11-23T00:00:00Z", 1)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 50, new CostCurve.Quadratic(0, 0.1, 0)))
                .demand("EU-1", 400)
                .connection(GridConnection.connected(500, 0))
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(power(plan, "GEN-1")[0]).isCloseTo(300, within(KW));
        assertThat(plan.importKw().get(0)).isCloseTo(100, within(KW));
        assertThat(plan.status()).isEqualTo(new PlanStatus.Infeasible(
                "combined output is short of demand in 1 of 1 intervals, at most 100 kW (interval 0, 00:00Z): grid import covers the difference;"
                        + " add capacity for the plant to cover its demand itself. Why: 00:00–01:00Z: demand 400 kW exceeds the most the fleet"
                        + " can deliver, 300 kW of its 300 kW rating, by 100 kW; grid import can serve the 100 kW of demand beyond the fleet,"
                        + " but does not count as the plant's own output",
                List.of(new Shortfall(0, Shortfall.Kind.DEMAND, 400, 300))));
    }

    @Test
    void exportIsLimitedToDevicesThatMayExport() {
        // 12:00  surplus 700 − 200 = 500: export min(250 limit, 500 from PV-EXP) = 250; curtail 250, PV-OWN (may not
        //        export) first: PV-OWN 0, PV-EXP 500 − 50 = 450 ≥ the 250 it exports
        // 13:00  surplus 350 − 200 = 150: PV-EXP's whole 150 kW exported; PV-OWN's 200 kW serves the demand
        DispatchPlan plan = plan(Fleets.exportingPvPlant());

        assertThat(power(plan, "PV-EXP")).containsExactly(new double[] {450, 150}, within(KW));
        assertThat(power(plan, "PV-OWN")).containsExactly(new double[] {0, 200}, within(KW));
        assertThat(plan.exportKw().toArray()).containsExactly(new double[] {250, 150}, within(KW));
        assertThat(plan.status()).isEqualTo(new PlanStatus.Heuristic());
    }

    @Test
    void emergencyGeneratorStopsWhenItsRunHoursAreUsedUp() {
        // 300 kW engine for 500 kW of demand; the 400 kW emergency generator has 2 of its 100 h left:
        // it covers the last 200 kW at 00:00 and 01:00 and is not available afterwards
        Generator emergency = new Generator(info("EMG-1", DeviceType.EMERGENCY_GENERATOR, 400), 100, 400, 400, 0, 0,
                StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, new CostCurve.Quadratic(0, 0.35, 0), new RunHourLimit(100, 98), 0.7);
        PlanningProblem problem = ProblemBuilder.hourly("run hours", "2026-11-23T00:00:00Z", 4)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 50, new CostCurve.Quadratic(0, 0.1, 0)))
                .add(emergency)
                .demand("EU-1", 500, 500, 500, 500)
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(schedule(plan, "EMG-1").committed()).containsExactly(true, true, false, false);
        assertThat(power(plan, "EMG-1")).containsExactly(new double[] {200, 200, 0, 0}, within(KW));
        assertThat(((PlanStatus.Infeasible) plan.status()).shortfalls())
                .extracting(Shortfall::interval).containsExactly(2, 3);
    }

    @Test
    void reserveCommitsAnotherUnitThatRunsAtItsMinimum() {
        // demand 450, reserve 20 % = 90 kW: GEN-A alone (500 kW) leaves 50 kW headroom → commit GEN-B (min 60 kW)
        // dispatch: both at minimum (100 + 60), then GEN-A loaded to 450 − 60 = 390; reserve 110 + 240 = 350 kW
        PlanningProblem problem = ProblemBuilder.hourly("reserve", "2026-11-23T00:00:00Z", 1)
                .add(generator("GEN-A", DeviceType.RECIPROCATING_ENGINE, 500, 100, new CostCurve.Quadratic(0, 0.10, 0)))
                .add(generator("GEN-B", DeviceType.MICROTURBINE, 300, 60, new CostCurve.Quadratic(0, 0.15, 0)))
                .demand("EU-1", 450)
                .reserve(new ReserveRequirement(0.2, false, 0))
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(power(plan, "GEN-A")[0]).isCloseTo(390, within(KW));
        assertThat(power(plan, "GEN-B")[0]).isCloseTo(60, within(KW));
        assertThat(plan.status()).isEqualTo(new PlanStatus.Heuristic());
    }

    @Test
    void reserveShortfallIsReportedWithTheHeadroomHeld() {
        // demand 450, reserve must cover the largest online unit: with both units online it is 500 kW,
        // but the headroom is only 500 + 300 − 450 = 350 kW
        PlanningProblem problem = ProblemBuilder.hourly("reserve", "2026-11-23T00:00:00Z", 1)
                .add(generator("GEN-A", DeviceType.RECIPROCATING_ENGINE, 500, 100, new CostCurve.Quadratic(0, 0.10, 0)))
                .add(generator("GEN-B", DeviceType.MICROTURBINE, 300, 60, new CostCurve.Quadratic(0, 0.15, 0)))
                .demand("EU-1", 450)
                .reserve(new ReserveRequirement(0, true, 0))
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(((PlanStatus.Infeasible) plan.status()).shortfalls())
                .containsExactly(new Shortfall(0, Shortfall.Kind.RESERVE, 500, 350));
    }

    @Test
    void nonCurtailableSurplusIsReportedAsOversupply() {
        // islanded, 500 kW of wind that may not be curtailed, 300 kW of demand, nothing to absorb 200 kW
        PlanningProblem problem = ProblemBuilder.hourly("oversupply", "2026-11-23T00:00:00Z", 1)
                .add(renewable("WT-1", DeviceType.WIND_TURBINE, 600, false), 500)
                .demand("EU-1", 300)
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(power(plan, "WT-1")[0]).isCloseTo(500, within(KW));
        assertThat(plan.status()).isEqualTo(new PlanStatus.Infeasible(
                "non-curtailable output exceeds what demand, storage and export can take in 1 of 1 intervals, "
                        + "at most 200 kW (interval 0, 00:00Z): allow curtailment or add storage or export capacity",
                List.of()));
    }

    @Test
    void surplusOfADeviceThatMayNotExportIsNotExported() {
        // 500 kW of wind that may be neither curtailed nor exported, 300 kW of demand: the 250 kW export limit
        // does not help, 200 kW are oversupply
        PlanningProblem problem = ProblemBuilder.hourly("no export", "2026-11-23T00:00:00Z", 1)
                .add(new Renewable(info("WT-OWN", DeviceType.WIND_TURBINE, 600, 1, false, 0), false), 500)
                .demand("EU-1", 300)
                .connection(GridConnection.connected(0, 250))
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(plan.exportKw().get(0)).isZero();
        assertThat(plan.status()).isInstanceOf(PlanStatus.Infeasible.class);
        assertThat(((PlanStatus.Infeasible) plan.status()).reason()).startsWith("non-curtailable output exceeds");
    }

    @Test
    void unitWhoseMinimumCannotBeAbsorbedStaysOff() {
        // residual 100 − 60 = 40 kW, but GEN-1 cannot run below 100 kW and the wind may not be curtailed:
        // committing it would oversupply 60 kW, so the 40 kW stay unserved
        PlanningProblem problem = ProblemBuilder.hourly("minimum", "2026-11-23T00:00:00Z", 1)
                .add(renewable("WT-1", DeviceType.WIND_TURBINE, 100, false), 60)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 100, new CostCurve.Quadratic(0, 0.1, 0)))
                .demand("EU-1", 100)
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(schedule(plan, "GEN-1").committed()).containsExactly(false);
        assertThat(((PlanStatus.Infeasible) plan.status()).shortfalls())
                .containsExactly(new Shortfall(0, Shortfall.Kind.DEMAND, 100, 60));
    }

    @Test
    void selfDischargeAtMinimumSocIsChargedBackFromGenerators() {
        // battery at its 20 % minimum loses 1 %/h: E' = 20·0.99 = 19.8 kWh; it must charge 0.2/0.9 = 0.222 kW,
        // which GEN-1 supplies on top of the 100 kW demand
        Storage battery = new Storage(info("BAT-1", DeviceType.BATTERY, 50), 100, 50, 50, 0.9, 0.9, 0.01, 0.2, 1.0, 0.2, 0);
        PlanningProblem problem = ProblemBuilder.hourly("self-discharge", "2026-11-23T00:00:00Z", 1)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 50, new CostCurve.Quadratic(0, 0.1, 0)))
                .add(battery)
                .demand("EU-1", 100)
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(power(plan, "BAT-1")[0]).isCloseTo(-0.2 / 0.9, within(KW));
        assertThat(power(plan, "GEN-1")[0]).isCloseTo(100 + 0.2 / 0.9, within(KW));
        assertThat(schedule(plan, "BAT-1").socFraction().get(0)).isCloseTo(0.2, within(Tolerance.FRACTION));
    }

    @Test
    void everyDeviceTypeGetsACheckedPlan() {
        PlanningProblem problem = Fleets.everyDeviceType();

        DispatchPlan plan = plan(problem);

        assertThat(plan.schedules()).extracting(DeviceSchedule::type).containsExactlyInAnyOrder(DeviceType.values());
        assertThat(new PlanChecker().hardViolations(plan, problem)).isEmpty();
        // the emergency generator (dearest, 1 run hour left) runs at most one hour
        assertThat(schedule(plan, "EMG-1").committed().stream().filter(on -> on).count()).isLessThanOrEqualTo(1);
    }

    @Test
    void planNamesItsGeneratorObjectiveAndGrid() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();

        DispatchPlan plan = plan(problem);

        assertThat(generator.name()).isEqualTo("merit-order");
        assertThat(plan.generator()).isEqualTo("merit-order");
        assertThat(plan.objective()).isEqualTo(Objective.of(ObjectiveKind.COST));
        assertThat(plan.grid()).isEqualTo(problem.grid());
        assertThat(plan.schedules()).extracting(DeviceSchedule::asset)
                .containsExactly(AssetId.of("GEN-A"), AssetId.of("GEN-B"), AssetId.of("BAT-1"));
    }

    @Test
    void balanceClosesInEveryIntervalOfAFeasiblePlan() {
        PlanningProblem problem = Fleets.everyDeviceType();

        DispatchPlan plan = plan(problem);

        assertThat(plan.status()).isEqualTo(new PlanStatus.Heuristic());
        for (int t = 0; t < problem.grid().intervals(); t++) {
            double balance = plan.combinedOutputKw().get(t) + plan.importKw().get(t) - plan.exportKw().get(t);
            assertThat(balance).as("interval %d", t).isCloseTo(problem.demandKw().get(t), within(KW));
        }
    }

    @Test
    void aBigUnitThatWouldBreakTheReserveDoesNotReplaceStorage() {
        // islanded, reserve must cover the largest online unit; demand 150 kW.
        // GEN-A 100 kW (min 0) + battery 150 kW cover demand and reserve. Committing GEN-B (1000 kW, min 300) to relieve
        // the battery would force the battery to charge the surplus and demand 1000 kW of reserve: it must stay off.
        PlanningProblem problem = ProblemBuilder.hourly("big unit", "2026-11-23T00:00:00Z", 1)
                .add(Assets.generator("GEN-A", DeviceType.RECIPROCATING_ENGINE, 100, 0, new CostCurve.Quadratic(0, 0.10, 0)))
                .add(Assets.generator("GEN-B", DeviceType.RECIPROCATING_ENGINE, 1000, 300, new CostCurve.Quadratic(0, 0.20, 0)))
                .add(new Storage(Assets.info("BAT-1", DeviceType.BATTERY, 150), 600, 150, 150, 0.95, 0.95, 0, 0, 1, 0.5, 0))
                .reserve(new ReserveRequirement(0, true, 0))
                .demand("EU-1", 150)
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(plan.status()).isEqualTo(new PlanStatus.Heuristic());
        assertThat(schedule(plan, "GEN-B").committed()).containsExactly(false);
        assertThat(power(plan, "GEN-A")).containsExactly(new double[] {100}, within(KW));
        assertThat(power(plan, "BAT-1")).containsExactly(new double[] {50}, within(KW));
    }

    @Test
    void importThatCoversTheDifferenceIsNamedInTheReason() {
        PlanningProblem problem = ProblemBuilder.hourly("importing", "2026-11-23T00:00:00Z", 1)
                .add(Assets.generator("GEN-A", DeviceType.MICROTURBINE, 25, 0, new CostCurve.Quadratic(0, 0.5, 0)))
                .connection(GridConnection.connected(Double.POSITIVE_INFINITY, 0))
                .flatPrices(0.05, 0.01)
                .demand("EU-1", 40)
                .build();

        DispatchPlan plan = plan(problem);

        assertThat(plan.importKw().toArray()).containsExactly(new double[] {15}, within(KW));
        assertThat(((PlanStatus.Infeasible) plan.status()).reason()).contains("grid import covers the difference");
    }

    private DispatchPlan plan(PlanningProblem problem) {
        return generator.generate(problem).getFirst();
    }

    private static DeviceSchedule schedule(DispatchPlan plan, String asset) {
        return plan.schedule(AssetId.of(asset)).orElseThrow();
    }

    private static double[] power(DispatchPlan plan, String asset) {
        return schedule(plan, asset).powerKw().toArray();
    }
}
