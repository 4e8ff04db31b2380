package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.plan.io.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code gridfleet plan} says why the fleet cannot deliver what a plan falls short of, under the shortfall table. */
class PlanDiagnosisOutputTest {
    @TempDir
    Path dir;

    /**
     * GEN-2 is in maintenance for an oil change at 01:00, leaving GEN-1's 500 kW for 900 kW of demand, islanded.
     *
     * <pre>
     *   GEN-1  reciprocating engine 500 kW
     *   GEN-2  reciprocating engine 600 kW     maintenance 01:00..02:00Z "oil change"
     *      │        │
     *   ───┴────────┴── B1 ── EU-1   demand 900 │ 900 │ 900 kW   (00:00..03:00Z)
     * </pre>
     */
    @ParameterizedTest
    @ValueSource(strings = {"milp", "merit-order"})
    void maintenanceThatLeavesTheFleetShortIsExplainedUnderTheShortfallTable(String solver) throws Exception {
        Path fleet = fleet("""
                  - id: GEN-1
                    type: reciprocating-engine
                    location: {latitude: 40, longitude: -105}
                    bus: B1
                    ratedPowerKw: 500
                    cost: {quadratic: {perKwh: 0.1}}
                  - id: GEN-2
                    type: reciprocating-engine
                    location: {latitude: 40, longitude: -105}
                    bus: B1
                    ratedPowerKw: 600
                    cost: {quadratic: {perKwh: 0.12}}
                    maintenance: [{start: 2026-11-23T01:00:00Z, end: 2026-11-23T02:00:00Z, reason: oil change}]
                """, 900, 900, 900);
        Path out = dir.resolve("plan.json");

        Cli.Run run = Cli.run("plan", "--fleet", fleet.toString(), "--out", out.toString(), "--solver", solver);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        String text = run.out();
        // NOT MET keeps to what falls short; why follows the table, interval by interval
        assertThat(text).contains("NOT MET: combined output is short of demand in 1 of 3 intervals, at most 400 kW (interval 1, 01:00Z), "
                + "400 kWh unserved: add capacity or shed load\n");
        assertThat(text.indexOf("short kW")).isLessThan(text.indexOf("  Why: the most the fleet can deliver in each interval"));
        assertThat(text).contains("  beyond the fleet in 1 of these 1 intervals, within it in 0\n"
                + "  01:00–02:00Z: demand 900 kW exceeds the most the fleet can deliver, 500 kW of its 1 100 kW rating, by 400 kW; "
                + "binding: GEN-2 in maintenance (oil change) −600 kW; islanded: no grid import for the 400 kW of demand beyond the fleet\n"
                + "  Beyond the fleet no plan can meet demand and reserve: add capacity, move maintenance or shed load.\n");
        // the plan file keeps the whole reason, with the diagnosis after ". Why: "
        PlanStatus.Infeasible status = (PlanStatus.Infeasible) PlanJson.read(Files.readString(out)).status();
        assertThat(status.reason()).contains(". Why: 01:00–02:00Z: demand 900 kW exceeds the most the fleet can deliver");
    }

    @Test
    void shortfallTheFleetCouldMeetOnItsOwnPointsTheMeritOrderAtTheMilp() throws Exception {
        // EMG-1 has one run hour left for two hours that each need it
        Path fleet = fleet("""
                  - id: GEN-1
                    type: reciprocating-engine
                    location: {latitude: 40, longitude: -105}
                    bus: B1
                    ratedPowerKw: 300
                    cost: {quadratic: {perKwh: 0.1}}
                  - id: EMG-1
                    type: emergency-generator
                    location: {latitude: 40, longitude: -105}
                    bus: B1
                    ratedPowerKw: 400
                    cost: {quadratic: {perKwh: 0.3}}
                    runHours: {maxPerYear: 100, usedThisYear: 99}
                """, 600, 600, 200);

        Cli.Run run = Cli.run("plan", "--fleet", fleet.toString(), "--out", dir.resolve("plan.json").toString(), "--solver", "merit-order");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        assertThat(run.out()).contains("  beyond the fleet in 0 of these 1 intervals, within it in 1\n"
                        + "  01:00–02:00Z: demand 600 kW is within the most the fleet can deliver in this interval alone, 700 kW of its 700 kW rating; "
                        + "limited by: EMG-1 may run only 1 h more this year: its 400 kW in at most 1 of 3 intervals\n")
                .contains("the merit order plans one interval at a time, --solver milp looks ahead.")
                .doesNotContain("Beyond the fleet no plan can meet");
    }

    /** An islanded fleet of hourly intervals from 2026-11-23T00:00Z with these devices and one end-user's demand. */
    private Path fleet(String devices, double... demandKw) throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, """
                formatVersion: 1
                name: diagnosis
                horizon: {start: 2026-11-23T00:00:00Z, step: PT1H, intervals: %d}
                grid: {mode: islanded}
                series: {demand: demand.csv}
                devices:
                %sendUsers:
                  - {id: EU-1, bus: B1}
                """.formatted(demandKw.length, devices));
        StringBuilder csv = new StringBuilder("time,EU-1\n");
        for (int t = 0; t < demandKw.length; t++) {
            csv.append(String.format(java.util.Locale.ROOT, "2026-11-23T%02d:00:00Z,%s\n", t, demandKw[t]));
        }
        Files.writeString(dir.resolve("demand.csv"), csv.toString());
        return fleet;
    }
}
