package org.gridfleet.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.gridfleet.testkit.Assets.generator;
import static org.gridfleet.testkit.Assets.info;
import static org.gridfleet.testkit.Assets.renewable;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.CapacityDiagnosis.Cause;
import org.gridfleet.plan.CapacityDiagnosis.Cause.Kind;
import org.gridfleet.plan.CapacityDiagnosis.Interval;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.ProblemBuilder;
import org.gridfleet.testkit.Tolerance;
import org.junit.jupiter.api.Test;

/** The capacity diagnosis against numbers worked out by hand from each fleet's drawing. */
class CapacityDiagnosisTest {
    private static final double KW = Tolerance.POWER_KW;
    private static final String TEN = "2026-11-23T10:00:00Z";
    private static final CostCurve COST = new CostCurve.Quadratic(0, 0.1, 0);

    /**
     * Every capacity cause at once, islanded, reserve 10 % of demand.
     *
     * <pre>
     *   GEN-1  reciprocating engine 800 kW, min 200
     *   GEN-2  reciprocating engine 600 kW, min 150        maintenance 10:00..12:00Z "oil change"
     *   GEN-3  microturbine         300 kW, min  60        availability 0.8 → 240 kW
     *   PV-1   photovoltaic         500 kW, curtailable    forecast 120 │ 120 kW
     *   BAT-1  battery 250 kW / 200 kWh, soc 0.1..1.0 from 0.6, ηc = ηd = 1, no self-discharge
     *      │      │      │      │      │
     *   ───┴──────┴──────┴──────┴──────┴── B1 ── EU-1   demand 1 500 │ 1 000 kW   (10:00..12:00Z)
     * </pre>
     */
    private static PlanningProblem stretchedFleet() {
        Instant start = Instant.parse(TEN);
        return ProblemBuilder.hourly("stretched", TEN, 2)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 800, 200, COST))
                .add(generator(info("GEN-2", DeviceType.RECIPROCATING_ENGINE, 600, 1, true, 0,
                        ProblemBuilder.maintenance(start, 2, "oil change")), 150, COST))
                .add(generator(info("GEN-3", DeviceType.MICROTURBINE, 300, 0.8, true, 0), 60, COST))
                .add(renewable("PV-1", DeviceType.PHOTOVOLTAIC, 500, true), 120, 120)
                .add(new Storage(info("BAT-1", DeviceType.BATTERY, 250), 200, 250, 250, 1, 1, 0, 0.1, 1, 0.6, 0))
                .demand("EU-1", 1500, 1000)
                .reserve(new ReserveRequirement(0.1, false, 0))
                .build();
    }

    @Test
    void intervalBeyondTheFleetSaysByHowMuchAndWhatBinds() {
        // 10:00  required 1 500 + 10 % = 1 650 kW
        //        deliverable GEN-1 800 + GEN-3 240 + PV-1 120 + BAT-1 min(250, (120 − 20 kWh)·1/1 h) = 100  → 1 260 kW
        //        rated 800 + 600 + 300 + 500 + 250 = 2 450 kW; causes 600 + 380 + 150 + 60 = 1 190 = 2 450 − 1 260
        CapacityDiagnosis diagnosis = diagnose(stretchedFleet(), 0);

        Interval i = diagnosis.intervals().getFirst();
        assertThat(i.demandKw()).isCloseTo(1500, within(KW));
        assertThat(i.reserveKw()).isCloseTo(150, within(KW));
        assertThat(i.ratedKw()).isCloseTo(2450, within(KW));
        assertThat(i.deliverableKw()).isCloseTo(1260, within(KW));
        assertThat(i.excessKw()).isCloseTo(390, within(KW));
        assertThat(i.unservedKw()).as("islanded: 1 500 − 1 260").isCloseTo(240, within(KW));
        assertThat(i.causes()).extracting(Cause::kind, c -> c.asset().map(AssetId::value).orElse("plant"))
                .containsExactly(tuple(Kind.MAINTENANCE, "GEN-2"), tuple(Kind.FORECAST, "PV-1"), tuple(Kind.IMPORT_LIMIT, "plant"),
                        tuple(Kind.STORAGE_ENERGY, "BAT-1"), tuple(Kind.DERATED, "GEN-3"));
        assertThat(i.causes()).extracting(c -> micro(c.kw())).containsExactly(600.0, 380.0, 240.0, 150.0, 60.0);
        assertThat(diagnosis.describe(i)).isEqualTo("10:00–11:00Z: demand 1 500 kW + reserve 150 kW exceeds the most the fleet can "
                + "deliver, 1 260 kW of its 2 450 kW rating, by 390 kW; binding: GEN-2 in maintenance (oil change) −600 kW, "
                + "PV-1 forecast 120 of 500 kW −380 kW, BAT-1 limited to 100 of 250 kW by stored energy (at most 120 kWh, minimum 20 kWh) −150 kW, "
                + "GEN-3 at 80 % availability (240 of 300 kW) −60 kW; islanded: no grid import for the 240 kW of demand beyond the fleet");
    }

    @Test
    void capacityCausesAddUpToWhatTheFleetLacksBelowItsRating() {
        // 11:00  BAT-1 could have charged 250 kW·1 h at 10:00: Ē = min(200, 120 + 250) = 200 kWh → min(250, 200 − 20) = 180 kW
        //        deliverable 800 + 240 + 120 + 180 = 1 340 kW ≥ 1 000 + 100: the fleet could meet it on its own
        Interval i = diagnose(stretchedFleet(), 1).intervals().getFirst();

        assertThat(i.deliverableKw()).isCloseTo(1340, within(KW));
        assertThat(i.beyondFleet()).isFalse();
        assertThat(i.unservedKw()).isZero();
        assertThat(i.causes().stream().mapToDouble(Cause::kw).sum()).isCloseTo(i.ratedKw() - i.deliverableKw(), within(KW));
        assertThat(i.causes()).filteredOn(c -> c.kind() == Kind.STORAGE_ENERGY).singleElement()
                .satisfies(c -> assertThat(c.kw()).isCloseTo(70, within(KW)));
    }

    @Test
    void summaryGivesTheWorstIntervalInFullAndWhereTheFleetCouldHaveCoped() {
        String summary = diagnose(stretchedFleet(), 0, 1).summary();

        assertThat(summary).startsWith("10:00–11:00Z: demand 1 500 kW + reserve 150 kW exceeds the most the fleet can deliver")
                .contains(". In 1 interval (11:00Z) the fleet could deliver demand and reserve on its own: the plan falls short through "
                        + "limits that join intervals")
                .endsWith("; limited there by: GEN-2 maintenance in 1, PV-1 forecast in 1, BAT-1 storage energy in 1 and 1 more");
    }

    @Test
    void summaryCountsTheOtherIntervalsBeyondTheFleet() {
        // undersized fleet: 01:00 1 200 and 02:00 1 500 kW against at most 985.5 kW (below)
        String summary = diagnose(Fleets.undersizedFleet(), 1, 2).summary();

        assertThat(summary).startsWith("02:00–03:00Z: demand 1 500 kW exceeds the most the fleet can deliver, 986 kW of its 1 000 kW rating, by 515 kW")
                .endsWith(". Also beyond the fleet in 1 more interval (01:00Z) by 215 kW; binding there: BAT-1 storage energy in 1");
    }

    // ---- one test per kind of cause ------------------------------------------------------------------------

    @Test
    void maintenanceNamesTheWindowsReasonAndCostsARenewableOnlyItsForecast() {
        // PV-1 500 kW in maintenance 10:00..11:00Z: at night (forecast 0) it loses nothing to maintenance, by day its forecast 300
        Instant start = Instant.parse(TEN);
        Renewable pv = new Renewable(info("PV-1", DeviceType.PHOTOVOLTAIC, 500, 1, true, 0,
                ProblemBuilder.maintenance(start, 1, "inverter swap")), true);
        Generator gen = generator(info("GEN-1", DeviceType.RECIPROCATING_ENGINE, 600, 1, true, 0,
                ProblemBuilder.maintenance(start, 1, "oil change"), ProblemBuilder.maintenance(start.plusSeconds(1800), 4, "inspection")), 100, COST);
        PlanningProblem night = ProblemBuilder.hourly("night", TEN, 1).add(pv, 0).add(gen).demand("EU-1", 400).build();
        PlanningProblem day = ProblemBuilder.hourly("day", TEN, 1).add(pv, 300).add(gen).demand("EU-1", 400).build();

        Interval atNight = diagnose(night, 0).intervals().getFirst();
        Interval byDay = diagnose(day, 0).intervals().getFirst();

        assertThat(atNight.causes()).extracting(Cause::text).containsExactly("GEN-1 in maintenance (oil change, inspection) −600 kW",
                "PV-1 forecast 0 of 500 kW −500 kW", "islanded: no grid import for the 400 kW of demand beyond the fleet");
        assertThat(byDay.causes()).extracting(Cause::text).containsExactly("GEN-1 in maintenance (oil change, inspection) −600 kW",
                "islanded: no grid import for the 400 kW of demand beyond the fleet", "PV-1 in maintenance (inverter swap) −300 kW",
                "PV-1 forecast 300 of 500 kW −200 kW");
    }

    @Test
    void availabilityBelowOneDeratesAndZeroWithoutMaintenanceWithdraws() {
        PlanningProblem problem = ProblemBuilder.hourly("derated", TEN, 1)
                .add(generator(info("GEN-1", DeviceType.RECIPROCATING_ENGINE, 500, 0.6, true, 0), 100, COST))
                .add(generator("GEN-2", DeviceType.MICROTURBINE, 200, 50, COST))
                .availability(AssetId.of("GEN-2"), Profile.of(0))
                .demand("EU-1", 400)
                .build();

        Interval i = diagnose(problem, 0).intervals().getFirst();

        // 500·0.6 = 300 kW of 700 rated
        assertThat(i.deliverableKw()).isCloseTo(300, within(KW));
        assertThat(i.causes()).extracting(Cause::kind, c -> micro(c.kw()), Cause::text).containsExactly(
                tuple(Kind.DERATED, 200.0, "GEN-1 at 60 % availability (300 of 500 kW) −200 kW"),
                tuple(Kind.DERATED, 200.0, "GEN-2 withdrawn (availability 0) −200 kW"),
                tuple(Kind.IMPORT_LIMIT, 100.0, "islanded: no grid import for the 100 kW of demand beyond the fleet"));
    }

    @Test
    void usedUpRunHoursTakeTheWholeUnit() {
        PlanningProblem problem = ProblemBuilder.hourly("run hours", TEN, 2)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 50, COST))
                .add(emergency("EMG-1", new RunHourLimit(100, 100)))
                .add(emergency("EMG-2", new RunHourLimit(100, 99.5)))
                .demand("EU-1", 900, 900)
                .build();

        Interval i = diagnose(problem, 0).intervals().getFirst();

        assertThat(i.deliverableKw()).isCloseTo(300, within(KW));
        assertThat(i.causes()).extracting(Cause::kind, Cause::text).containsExactly(
                tuple(Kind.IMPORT_LIMIT, "islanded: no grid import for the 600 kW of demand beyond the fleet"),
                tuple(Kind.RUN_HOURS, "EMG-1 has no run hours left this year (100 of 100 h used) −400 kW"),
                tuple(Kind.RUN_HOURS, "EMG-2 has 0.5 h of run time left this year, less than an interval −400 kW"));
    }

    @Test
    void runHoursForPartOfTheHorizonAreNamedWhereTheFleetCouldHaveCoped() {
        // EMG-1 has 1 h left: it counts in each interval alone (300 + 400 ≥ 600), but can run in only 1 of the 2
        PlanningProblem problem = ProblemBuilder.hourly("one hour left", TEN, 2)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 50, COST))
                .add(emergency("EMG-1", new RunHourLimit(100, 99)))
                .demand("EU-1", 600, 600)
                .build();

        Interval i = diagnose(problem, 1).intervals().getFirst();

        assertThat(i.deliverableKw()).isCloseTo(700, within(KW));
        assertThat(i.beyondFleet()).isFalse();
        assertThat(i.causes()).extracting(Cause::kind, c -> micro(c.kw()), Cause::text).containsExactly(
                tuple(Kind.RUN_HOURS, 400.0, "EMG-1 may run only 1 h more this year: its 400 kW in at most 1 of 2 intervals"));
    }

    @Test
    void minimumDownTimeOwedByTheInitialStateKeepsAUnitOff() {
        // off for 1 h, minimum down time 3 h: off at 10:00 and 11:00 (1 + 2·1 ≥ 3), free from 12:00
        Generator owes = new Generator(info("GEN-1", DeviceType.RECIPROCATING_ENGINE, 500, 1, true, 0), 100, 500, 500, 0, 3,
                StartUp.FREE_AND_INSTANT, new InitialState(false, 1, 0), COST, RunHourLimit.NONE, 0.5);
        PlanningProblem problem = ProblemBuilder.hourly("owes down time", TEN, 3)
                .add(owes)
                .add(generator("GEN-2", DeviceType.MICROTURBINE, 200, 50, COST))
                .demand("EU-1", 600, 600, 600)
                .build();

        List<Interval> intervals = diagnose(problem, 0, 1, 2).intervals();

        assertThat(intervals).extracting(i -> micro(i.deliverableKw())).containsExactly(200.0, 200.0, 700.0);
        assertThat(intervals.get(1).causes()).extracting(Cause::kind, Cause::text).contains(
                tuple(Kind.MIN_DOWN_TIME, "GEN-1 must stay off until 12:00Z (minimum down time 3 h, off for 1 h) −500 kW"));
        assertThat(intervals.get(2).causes()).isEmpty();
    }

    @Test
    void unitDeratedBelowItsMinimumStablePowerCannotRun() {
        // 500 kW at availability 0.5 = 250 kW, below its 300 kW minimum: the derating takes 250, the minimum the other 250
        PlanningProblem problem = ProblemBuilder.hourly("below minimum", TEN, 1)
                .add(generator(info("GEN-1", DeviceType.RECIPROCATING_ENGINE, 500, 0.5, true, 0), 300, COST))
                .add(generator("GEN-2", DeviceType.MICROTURBINE, 200, 50, COST))
                .demand("EU-1", 400)
                .build();

        Interval i = diagnose(problem, 0).intervals().getFirst();

        assertThat(i.deliverableKw()).isCloseTo(200, within(KW));
        assertThat(i.causes()).extracting(Cause::kind, Cause::text).containsExactly(
                tuple(Kind.DERATED, "GEN-1 at 50 % availability (250 of 500 kW) −250 kW"),
                tuple(Kind.MIN_STABLE_POWER, "GEN-1 cannot run: 250 kW available, below its minimum stable power 300 kW −250 kW"),
                tuple(Kind.IMPORT_LIMIT, "islanded: no grid import for the 200 kW of demand beyond the fleet"));
    }

    @Test
    void storageIsLimitedByTheEnergyItCanHoldAtMost() {
        // undersized fleet, BAT-1 100 kW / 100 kWh from 50 kWh, minimum 10 kWh, ηc = ηd = 0.95:
        // 00:00 it holds 50 kWh: (50 − 10)·0.95 = 38 kW;
        // 02:00 charging flat out before: Ē = min(100, 50 + 0.95·100) = 100 kWh: (100 − 10)·0.95 = 85.5 kW
        List<Interval> intervals = diagnose(Fleets.undersizedFleet(), 0, 2).intervals();

        assertThat(intervals).extracting(i -> micro(i.deliverableKw())).containsExactly(938.0, 985.5);
        assertThat(intervals.getFirst().causes()).extracting(Cause::text).containsExactly(
                "BAT-1 limited to 38 of 100 kW by stored energy (at most 50 kWh, minimum 10 kWh) −62 kW");
        assertThat(intervals.get(1).causes()).extracting(Cause::kind, c -> micro(c.kw())).containsExactly(
                tuple(Kind.IMPORT_LIMIT, 514.5), tuple(Kind.STORAGE_ENERGY, 14.5));
    }

    @Test
    void storeAtItsMinimumIsEmpty() {
        PlanningProblem problem = ProblemBuilder.hourly("empty", TEN, 1)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 50, COST))
                .add(new Storage(info("BAT-1", DeviceType.BATTERY, 100), 200, 100, 100, 1, 1, 0, 0.2, 1, 0.2, 0))
                .demand("EU-1", 350)
                .build();

        Interval i = diagnose(problem, 0).intervals().getFirst();

        assertThat(i.causes()).extracting(Cause::text).contains("BAT-1 empty by stored energy (at most 40 kWh, minimum 40 kWh) −100 kW");
    }

    @Test
    void renewablesCountOnlyUpToDemandAndThenTheirForecastDoesNotBind() {
        // PV 500 kW forecast 400 against 300 kW demand and a 200 kW reserve floor: 300 of it serves demand, none is reserve;
        // GEN-1 100 kW: deliverable 100 + 300 = 400 < 500
        PlanningProblem problem = ProblemBuilder.hourly("sunny", TEN, 1)
                .add(renewable("PV-1", DeviceType.PHOTOVOLTAIC, 500, true), 400)
                .add(generator("GEN-1", DeviceType.MICROTURBINE, 100, 20, COST))
                .demand("EU-1", 300)
                .reserve(new ReserveRequirement(0, false, 200))
                .build();

        Interval i = diagnose(problem, 0).intervals().getFirst();

        assertThat(i.deliverableKw()).isCloseTo(400, within(KW));
        assertThat(i.excessKw()).isCloseTo(100, within(KW));
        assertThat(i.causes()).isEmpty();
    }

    @Test
    void importServesDemandBeyondTheFleetUpToItsLimitButNeverCountsAsDeliverable() {
        // GEN-1 300 kW against 400 kW (import ≤ 500: all served) and 700 kW (import ≤ 300: 100 kW unserved)
        PlanningProblem covered = ProblemBuilder.hourly("covered", TEN, 1)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 50, COST)).demand("EU-1", 400)
                .connection(GridConnection.connected(500, 0)).build();
        PlanningProblem limited = ProblemBuilder.hourly("limited", TEN, 1)
                .add(generator("GEN-1", DeviceType.RECIPROCATING_ENGINE, 300, 50, COST)).demand("EU-1", 700)
                .connection(GridConnection.connected(300, 0)).build();

        CapacityDiagnosis served = diagnose(covered, 0);
        CapacityDiagnosis unserved = diagnose(limited, 0);

        Interval s = served.intervals().getFirst();
        assertThat(s.deliverableKw()).isCloseTo(300, within(KW));
        assertThat(s.unservedKw()).isZero();
        assertThat(s.causes()).isEmpty();
        assertThat(served.describe(s)).isEqualTo("10:00–11:00Z: demand 400 kW exceeds the most the fleet can deliver, 300 kW of its 300 kW "
                + "rating, by 100 kW; grid import can serve the 100 kW of demand beyond the fleet, but does not count as the plant's own output");
        Interval u = unserved.intervals().getFirst();
        assertThat(u.unservedKw()).isCloseTo(100, within(KW));
        assertThat(u.causes()).extracting(Cause::kind, Cause::asset, c -> micro(c.kw()), Cause::text).containsExactly(
                tuple(Kind.IMPORT_LIMIT, Optional.empty(), 100.0, "import limit 300 kW: 100 kW of demand unserved"));
    }

    @Test
    void reserveCoversTheLargestUsableUnitOnly() {
        // GEN-A 600 + GEN-B 300 kW, reserve covers the largest unit, demand 500 kW:
        // both usable: 500 + 600 = 1 100 > 900; GEN-A in maintenance: 500 + 300 = 800 > 300
        Instant start = Instant.parse(TEN);
        PlanningProblem problem = ProblemBuilder.hourly("n-1", TEN, 2)
                .add(generator(info("GEN-A", DeviceType.RECIPROCATING_ENGINE, 600, 1, true, 0,
                        ProblemBuilder.maintenance(start.plusSeconds(3600), 1, "overhaul")), 150, COST))
                .add(generator("GEN-B", DeviceType.MICROTURBINE, 300, 60, COST))
                .demand("EU-1", 500, 500)
                .reserve(new ReserveRequirement(0.1, true, 0))
                .build();

        List<Interval> intervals = diagnose(problem, 0, 1).intervals();

        assertThat(intervals).extracting(i -> micro(i.reserveKw())).containsExactly(600.0, 300.0);
        assertThat(intervals).extracting(i -> micro(i.excessKw())).containsExactly(200.0, 500.0);
    }

    // ---- which intervals -----------------------------------------------------------------------------------

    @Test
    void eachIntervalWithAShortfallIsDiagnosedOnceInTimeOrder() {
        PlanningProblem problem = Fleets.undersizedFleet();
        List<Shortfall> shortfalls = List.of(new Shortfall(2, Shortfall.Kind.DEMAND, 1500, 900), new Shortfall(2, Shortfall.Kind.RESERVE, 10, 0),
                new Shortfall(1, Shortfall.Kind.DEMAND, 1200, 938));

        CapacityDiagnosis diagnosis = CapacityDiagnosis.of(problem, new PlanStatus.Infeasible("short", shortfalls));

        assertThat(diagnosis.intervals()).extracting(Interval::interval).containsExactly(1, 2);
        assertThat(diagnosis.beyondFleet()).extracting(Interval::interval).containsExactly(2, 1);
        assertThat(CapacityDiagnosis.of(problem, new PlanStatus.Heuristic()).isEmpty()).isTrue();
    }

    @Test
    void shortfallOutsideTheGridIsAProgrammingError() {
        assertThatThrownBy(() -> CapacityDiagnosis.of(Fleets.undersizedFleet(), List.of(new Shortfall(4, Shortfall.Kind.DEMAND, 1, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval 4");
    }

    private static CapacityDiagnosis diagnose(PlanningProblem problem, int... intervals) {
        return CapacityDiagnosis.of(problem, Arrays.stream(intervals).mapToObj(t -> new Shortfall(t, Shortfall.Kind.DEMAND, 1, 0)).toList());
    }

    /** An emergency generator of 400 kW, minimum 100 kW, with a run-hour limit. */
    private static Generator emergency(String id, RunHourLimit limit) {
        return new Generator(info(id, DeviceType.EMERGENCY_GENERATOR, 400, 1, true, 0), 100, 400, 400, 0, 0, StartUp.FREE_AND_INSTANT,
                InitialState.LONG_OFF, COST, limit, 0.7);
    }

    /** kW rounded to the micro-kW, so that hand-worked figures compare exactly. */
    private static double micro(double kw) {
        return Math.round(kw * 1e6) / 1e6;
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }
}
