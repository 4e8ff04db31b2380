package org.gridfleet.plan.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.testkit.Assets.info;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.Violation.Rule;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.ProblemBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The checker accepts valid plans and catches broken ones: a checker that cannot fail is worthless. */
class PlanCheckerTest {
    /**
     * Stored energy of a 400 kWh battery (η 0.95, self-discharge 0.0002/h) from 200 kWh after discharging 50 kW for two
     * hours: {@code E_1 = 200·0.9998 − 50/0.95}, {@code E_2 = E_1·0.9998 − 50/0.95}, as a fraction of 400 kWh.
     */
    private static final double SOC_AFTER_TWO_HOURS = ((200 * 0.9998 - 50 / 0.95) * 0.9998 - 50 / 0.95) / 400;

    private final PlanChecker checker = new PlanChecker();

    static Stream<PlanningProblem> fleets() {
        return Stream.of(Fleets.twoGeneratorsOneBattery(), Fleets.islandedWithPvSurplus(), Fleets.maintenanceOutage(),
                Fleets.undersizedFleet(), Fleets.exportingPvPlant(), Fleets.everyDeviceType());
    }

    @ParameterizedTest
    @MethodSource("fleets")
    void acceptsMeritOrderPlansOfTheTestFleets(PlanningProblem problem) {
        assertThat(checker.hardViolations(plan(problem), problem)).isEmpty();
    }

    @Test
    void catchesSetPointAboveRating() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
        // GEN-A at 650 kW of its 600, the battery 50 kW less to keep the balance
        DispatchPlan broken = withPower(withPower(plan(problem), "GEN-A", 2, 650), "BAT-1", 2, 0);

        assertThat(checker.check(broken, problem)).anySatisfy(v -> {
            assertThat(v.rule()).isEqualTo(Rule.GENERATOR_LIMITS);
            assertThat(v.subject()).isEqualTo("GEN-A");
            assertThat(v.interval()).isEqualTo(2);
            assertThat(v.amount()).isCloseTo(50, within(1e-9));
        });
    }

    @Test
    void catchesSetPointBelowMinimumStablePower() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
        DispatchPlan broken = withPower(withPower(plan(problem), "GEN-B", 2, 40), "GEN-A", 2, 600 + 260);

        assertThat(rules(broken, problem, "GEN-B", 2)).contains(Rule.GENERATOR_LIMITS);
    }

    @Test
    void catchesUnbalancedInterval() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
        DispatchPlan broken = withPower(plan(problem), "GEN-A", 0, 250);

        List<Violation> violations = checker.check(broken, problem);

        assertThat(violations).anySatisfy(v -> {
            assertThat(v.rule()).isEqualTo(Rule.BALANCE);
            assertThat(v.interval()).isZero();
            assertThat(v.amount()).isCloseTo(50, within(1e-9));
        });
        assertThat(violations).extracting(Violation::rule).contains(Rule.DEMAND);
    }

    @Test
    void catchesWrongStateOfCharge() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
        DispatchPlan plan = plan(problem);
        DispatchPlan broken = withSchedule(plan, "BAT-1", s -> new DeviceSchedule(s.asset(), s.type(), s.powerKw(), s.committed(),
                set(s.socFraction(), 2, 0.4)));

        assertThat(rules(broken, problem, "BAT-1", 2)).containsExactly(Rule.SOC_MISMATCH);
    }

    @Test
    void catchesDischargeBelowMinimumSoc() {
        PlanningProblem problem = Fleets.undersizedFleet();
        // at 02:00 the battery is at its minimum; make it discharge 10 kW more and claim the resulting state
        DispatchPlan plan = plan(problem);
        double soc = (10 - 10 / 0.95) / 100;
        DispatchPlan broken = withSchedule(plan, "BAT-1", s -> new DeviceSchedule(s.asset(), s.type(), set(s.powerKw(), 2, 10),
                s.committed(), set(set(s.socFraction(), 2, soc), 3, soc)));

        assertThat(rules(broken, problem, "BAT-1", 2)).containsExactly(Rule.STATE_OF_CHARGE);
    }

    @Test
    void catchesRunningInMaintenance() {
        PlanningProblem problem = Fleets.maintenanceOutage();
        // GEN-CHEAP takes over from GEN-DEAR at 01:00, during its overhaul
        DispatchPlan plan = plan(problem);
        DispatchPlan broken = withSchedule(withSchedule(plan, "GEN-CHEAP", s -> running(s, 1, 400)), "GEN-DEAR", s -> running(s, 1, 0));
        broken = withSchedule(broken, "GEN-DEAR", s -> committed(s, 1, false));

        assertThat(rules(broken, problem, "GEN-CHEAP", 1)).containsExactly(Rule.MAINTENANCE);
        assertThat(checker.hardViolations(broken, problem)).hasSize(1);
    }

    @Test
    void catchesProductionWhileNotCommitted() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
        DispatchPlan broken = withPower(withPower(plan(problem), "GEN-B", 0, 100), "GEN-A", 0, 200);

        assertThat(rules(broken, problem, "GEN-B", 0)).containsExactly(Rule.COMMITMENT);
    }

    @Test
    void catchesAShortfallTheStatusDoesNotAdmit() {
        PlanningProblem problem = Fleets.undersizedFleet();
        DispatchPlan plan = plan(problem);
        DispatchPlan claimsFeasible = withStatus(plan, new PlanStatus.Heuristic());

        assertThat(checker.hardViolations(claimsFeasible, problem))
                .filteredOn(v -> v.rule() == Rule.DEMAND).extracting(Violation::interval).containsExactly(1, 2);
    }

    @Test
    void catchesAShortfallWithTheWrongFigures() {
        PlanningProblem problem = Fleets.undersizedFleet();
        DispatchPlan plan = plan(problem);
        DispatchPlan understated = withStatus(plan, new PlanStatus.Infeasible("short",
                List.of(new Shortfall(1, Shortfall.Kind.DEMAND, 1200, 1000), new Shortfall(2, Shortfall.Kind.DEMAND, 1500, 900))));

        assertThat(checker.hardViolations(understated, problem)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.STATUS);
            assertThat(v.interval()).isEqualTo(1);
        });
    }

    @Test
    void catchesAShortfallThatIsNotThere() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
        DispatchPlan plan = withStatus(plan(problem), new PlanStatus.Infeasible("short",
                List.of(new Shortfall(3, Shortfall.Kind.RESERVE, 100, 50))));

        assertThat(checker.hardViolations(plan, problem)).extracting(Violation::rule, Violation::interval)
                .containsExactly(tuple(Rule.STATUS, 3),
                        tuple(Rule.STATUS, Violation.WHOLE_HORIZON));
    }

    @Test
    void catchesInfeasibleStatusWithoutCause() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
        DispatchPlan plan = withStatus(plan(problem), new PlanStatus.Infeasible("nothing works", List.of()));

        assertThat(checker.hardViolations(plan, problem)).extracting(Violation::rule).containsExactly(Rule.STATUS);
    }

    @Test
    void catchesCurtailedNonCurtailableRenewableThatCouldExport() {
        PlanningProblem problem = Fleets.everyDeviceType();
        DispatchPlan plan = plan(problem);
        // WT-1 may not be curtailed; grid-connected with export room, so taking 20 kW off it is wrong
        double wind = plan.schedule(AssetId.of("WT-1")).orElseThrow().powerKw().get(0);
        DispatchPlan broken = withPower(plan, "WT-1", 0, wind - 20);
        broken = withImport(broken, 0, plan.importKw().get(0) + 20);

        assertThat(rules(broken, problem, "WT-1", 0)).containsExactly(Rule.CURTAILMENT);
    }

    @Test
    void catchesExportFromADeviceThatMayNotExport() {
        // PV-OWN may not export; a valid plan curtails it to the 200 kW demand
        PlanningProblem problem = ProblemBuilder.hourly("no export", "2026-06-21T12:00:00Z", 1)
                .add(new Renewable(info("PV-OWN", DeviceType.PHOTOVOLTAIC, 400, 1, false, 0), true), 300)
                .demand("EU-1", 200)
                .connection(GridConnection.connected(0, 250))
                .build();
        DispatchPlan plan = plan(problem);
        assertThat(checker.hardViolations(plan, problem)).isEmpty();

        DispatchPlan broken = withExport(withPower(plan, "PV-OWN", 0, 300), 0, 100);

        assertThat(checker.hardViolations(broken, problem)).extracting(Violation::rule).containsExactly(Rule.EXPORT_NOT_ALLOWED);
    }

    @Test
    void catchesImportWhenIslanded() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
        DispatchPlan broken = withImport(withPower(plan(problem), "GEN-A", 0, 250), 0, 50);

        // islanded: no import at all, and import never makes up for the devices' output
        assertThat(checker.hardViolations(broken, problem)).extracting(Violation::rule).containsExactlyInAnyOrder(Rule.GRID_IMPORT, Rule.DEMAND);
    }

    @Test
    void catchesUnservedDemandWhileImportCouldCoverIt() {
        PlanningProblem problem = Fleets.maintenanceOutage();
        // 100 kW less from GEN-DEAR at 01:00, admitted as a shortfall, but import (up to 300 kW) is left unused
        DispatchPlan plan = withPower(plan(problem), "GEN-DEAR", 1, 300);
        DispatchPlan broken = withStatus(plan, new PlanStatus.Infeasible("short", List.of(new Shortfall(1, Shortfall.Kind.DEMAND, 400, 300))));

        assertThat(checker.hardViolations(broken, problem)).extracting(Violation::rule).containsExactly(Rule.BALANCE);
    }

    @Test
    void catchesRunHoursBeyondTheLimit() {
        // the emergency generator has 1 run hour left; run it for two
        Generator emergency = new Generator(info("EMG-1", DeviceType.EMERGENCY_GENERATOR, 400), 100, 400, 400, 0, 0,
                StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, new CostCurve.Quadratic(0, 0.35, 0), new RunHourLimit(100, 99), 0.7);
        PlanningProblem problem = ProblemBuilder.hourly("run hours", "2026-11-23T00:00:00Z", 2)
                .add(emergency)
                .demand("EU-1", 200, 200)
                .build();
        DispatchPlan plan = plan(problem);
        DispatchPlan broken = withStatus(withSchedule(plan, "EMG-1", s -> running(s, 1, 200)), new PlanStatus.Heuristic());

        assertThat(checker.hardViolations(broken, problem)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.RUN_HOURS);
            assertThat(v.interval()).isEqualTo(1);
            assertThat(v.amount()).isCloseTo(1, within(1e-9));
        });
    }

    @Test
    void acceptsUnavoidableOversupplyOnlyInAnInfeasiblePlan() {
        PlanningProblem problem = ProblemBuilder.hourly("oversupply", "2026-11-23T00:00:00Z", 1)
                .add(new Renewable(info("WT-1", DeviceType.WIND_TURBINE, 600), false), 500)
                .demand("EU-1", 300)
                .build();
        DispatchPlan plan = plan(problem);
        assertThat(checker.hardViolations(plan, problem)).isEmpty();

        assertThat(checker.hardViolations(withStatus(plan, new PlanStatus.Heuristic()), problem))
                .extracting(Violation::rule).containsExactly(Rule.BALANCE);
    }

    @Test
    void catchesAvoidableOversupply() {
        PlanningProblem problem = Fleets.islandedWithPvSurplus();
        // at 12:00 PV could have been curtailed to 300 kW; leaving it at 800 oversupplies 500 kW
        DispatchPlan broken = withStatus(withPower(plan(problem), "PV-1", 2, 800), new PlanStatus.Infeasible("too much sun", List.of()));

        assertThat(checker.hardViolations(broken, problem)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.BALANCE);
            assertThat(v.interval()).isEqualTo(2);
            assertThat(v.amount()).isCloseTo(500, within(1e-9));
        });
    }

    @Test
    void catchesAMissingSchedule() {
        PlanningProblem problem = Fleets.twoGeneratorsOneBattery();
        DispatchPlan plan = plan(problem);
        DispatchPlan broken = new DispatchPlan(plan.generator(), plan.objective(), plan.status(), plan.grid(),
                plan.schedules().subList(0, 2), plan.importKw(), plan.exportKw());

        assertThat(checker.check(broken, problem)).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.SCHEDULE);
            assertThat(v.subject()).isEqualTo("BAT-1");
        });
    }

    @Test
    void reportsRampsAndMinimumTimesAsAdvisory() {
        // GEN-1 ramps 2 kW/min (120 kW per hour) and must stay on 3 h once started, off 2 h once stopped;
        // the merit order follows demand 100 → 400 → 0 → 300 regardless
        Generator slow = new Generator(info("GEN-1", DeviceType.RECIPROCATING_ENGINE, 500), 50, 2, 2, 3, 2,
                StartUp.FREE_AND_INSTANT, InitialState.LONG_OFF, new CostCurve.Quadratic(0, 0.1, 0), RunHourLimit.NONE, 0.5);
        PlanningProblem problem = ProblemBuilder.hourly("slow", "2026-11-23T00:00:00Z", 4)
                .add(slow)
                .demand("EU-1", 100, 400, 0, 300)
                .build();
        DispatchPlan plan = plan(problem);

        List<Violation> violations = checker.check(plan, problem);

        assertThat(violations).extracting(Violation::rule, Violation::interval).containsExactly(
                tuple(Rule.RAMP_RATE, 1),
                tuple(Rule.MIN_UP_TIME, 2),
                tuple(Rule.MIN_DOWN_TIME, 3));
        assertThat(violations).noneMatch(Violation::hard);
    }

    @Test
    void reportsAStoreEndingBelowItsTargetAsAdvisory() {
        // BAT-1 (400 kWh, from SOC 0.5, target by default the same) alone serves 50 kW for two hours
        PlanningProblem problem = batteryServingFiftyKwForTwoHours(Assets.storage("BAT-1", DeviceType.BATTERY, 100, 400, 0.5));
        DispatchPlan plan = plan(problem);

        List<Violation> violations = checker.check(plan, problem);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.FINAL_SOC);
            assertThat(v.hard()).isFalse();
            assertThat(v.subject()).isEqualTo("BAT-1");
            assertThat(v.interval()).isEqualTo(1);
            assertThat(v.amount()).isCloseTo(0.5 - SOC_AFTER_TWO_HOURS, within(1e-12));
            assertThat(v.message()).matches("BAT-1 ends the horizon at state of charge 0\\.23666\\d*, below its target 0\\.5");
        });
    }

    @Test
    void acceptsAStoreEndingAtItsTargetWithinTheTolerance() {
        Storage battery = Assets.storage("BAT-1", DeviceType.BATTERY, 100, 400, 0.5);
        PlanningProblem reached = batteryServingFiftyKwForTwoHours(withFinalSoc(battery, SOC_AFTER_TWO_HOURS + PlanChecker.TOLERANCE_FRACTION / 2));
        PlanningProblem missed = batteryServingFiftyKwForTwoHours(withFinalSoc(battery, SOC_AFTER_TWO_HOURS + PlanChecker.TOLERANCE_FRACTION * 10));
        PlanningProblem lower = batteryServingFiftyKwForTwoHours(withFinalSoc(battery, 0.2));

        assertThat(checker.check(plan(reached), reached)).isEmpty();
        assertThat(checker.check(plan(lower), lower)).isEmpty();
        assertThat(checker.check(plan(missed), missed)).extracting(Violation::rule).containsExactly(Rule.FINAL_SOC);
    }

    /** Islanded, the store the only device, 50 kW of demand in each of two hours. */
    private PlanningProblem batteryServingFiftyKwForTwoHours(Storage battery) {
        PlanningProblem problem = ProblemBuilder.hourly("battery alone", "2026-11-23T18:00:00Z", 2)
                .add(battery)
                .demand("EU-1", 50, 50)
                .build();
        assertThat(plan(problem).schedule(battery.id()).orElseThrow().powerKw().toArray()).containsExactly(50, 50);
        return problem;
    }

    private static Storage withFinalSoc(Storage s, double finalSoc) {
        return new Storage(s.info(), s.energyCapacityKwh(), s.maxChargeKw(), s.maxDischargeKw(), s.chargeEfficiency(), s.dischargeEfficiency(),
                s.selfDischargePerHour(), s.minSoc(), s.maxSoc(), s.initialSoc(), finalSoc, s.degradationCostPerKwh());
    }

    // ---- perturbing plans --------------------------------------------------------------------------------

    @Test
    void catchesANonCurtailableRenewableHeldBackEvenWhenIslanded() {
        // islanded, PV-1 (100 kW, not curtailable) at 0 while GEN-1 makes up the 100 kW: the PV could not be held back
        PlanningProblem problem = ProblemBuilder.hourly("islanded PV", "2026-11-23T10:00:00Z", 1)
                .add(new Renewable(info("PV-1", DeviceType.PHOTOVOLTAIC, 100), false), 100)
                .add(org.gridfleet.testkit.Assets.generator("GEN-1", DeviceType.MICROTURBINE, 200, 0, new CostCurve.Quadratic(0, 0.2, 0)))
                .demand("EU-1", 150)
                .build();
        DispatchPlan broken = withPower(withPower(plan(problem), "PV-1", 0, 0), "GEN-1", 0, 150);

        assertThat(rules(broken, problem, "PV-1", 0)).contains(Rule.CURTAILMENT);
    }

    @Test
    void acceptsExportFromStorageThatMayExport() {
        // a battery that may export discharges 100 kW into the grid while a generator that may not export covers demand
        PlanningProblem problem = ProblemBuilder.hourly("exporting battery", "2026-11-23T18:00:00Z", 1)
                .add(org.gridfleet.testkit.Assets.generator(info("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 1, false, 0), 0,
                        new CostCurve.Quadratic(0, 0.1, 0)))
                .add(org.gridfleet.testkit.Assets.storage("BAT-1", DeviceType.BATTERY, 100, 400, 0.5))
                .connection(GridConnection.connected(0, 100))
                .demand("EU-1", 200)
                .build();
        DispatchPlan exporting = withExport(withPower(withPower(plan(problem), "GEN-1", 0, 200), "BAT-1", 0, 100), 0, 100);
        double soc = (200 * Math.pow(1 - 0.0002, 1) - 100 / 0.95) / 400;
        exporting = withSchedule(exporting, "BAT-1", sch -> new DeviceSchedule(sch.asset(), sch.type(), sch.powerKw(), sch.committed(), Profile.of(soc)));

        assertThat(checker.check(exporting, problem)).extracting(Violation::rule).doesNotContain(Rule.EXPORT_NOT_ALLOWED);
    }

    private DispatchPlan plan(PlanningProblem problem) {
        return new MeritOrderPlanGenerator().generate(problem).getFirst();
    }

    private List<Rule> rules(DispatchPlan plan, PlanningProblem problem, String subject, int interval) {
        return checker.check(plan, problem).stream()
                .filter(v -> v.subject().equals(subject) && v.interval() == interval).map(Violation::rule).toList();
    }

    private static DispatchPlan withPower(DispatchPlan plan, String asset, int interval, double kw) {
        return withSchedule(plan, asset, s -> new DeviceSchedule(s.asset(), s.type(), set(s.powerKw(), interval, kw), s.committed(), s.socFraction()));
    }

    private static DeviceSchedule running(DeviceSchedule s, int interval, double kw) {
        return committed(new DeviceSchedule(s.asset(), s.type(), set(s.powerKw(), interval, kw), s.committed(), s.socFraction()), interval, true);
    }

    private static DeviceSchedule committed(DeviceSchedule s, int interval, boolean on) {
        List<Boolean> committed = new ArrayList<>(s.committed());
        committed.set(interval, on);
        return new DeviceSchedule(s.asset(), s.type(), s.powerKw(), committed, s.socFraction());
    }

    private static DispatchPlan withSchedule(DispatchPlan plan, String asset, Function<DeviceSchedule, DeviceSchedule> change) {
        List<DeviceSchedule> schedules = plan.schedules().stream()
                .map(s -> s.asset().value().equals(asset) ? change.apply(s) : s).toList();
        return new DispatchPlan(plan.generator(), plan.objective(), plan.status(), plan.grid(), schedules, plan.importKw(), plan.exportKw());
    }

    private static DispatchPlan withStatus(DispatchPlan plan, PlanStatus status) {
        return new DispatchPlan(plan.generator(), plan.objective(), status, plan.grid(), plan.schedules(), plan.importKw(), plan.exportKw());
    }

    private static DispatchPlan withImport(DispatchPlan plan, int interval, double kw) {
        return new DispatchPlan(plan.generator(), plan.objective(), plan.status(), plan.grid(), plan.schedules(),
                set(plan.importKw(), interval, kw), plan.exportKw());
    }

    private static DispatchPlan withExport(DispatchPlan plan, int interval, double kw) {
        return new DispatchPlan(plan.generator(), plan.objective(), plan.status(), plan.grid(), plan.schedules(),
                plan.importKw(), set(plan.exportKw(), interval, kw));
    }

    private static Profile set(Profile profile, int interval, double value) {
        double[] values = profile.toArray();
        values[interval] = value;
        return Profile.of(values);
    }
}
