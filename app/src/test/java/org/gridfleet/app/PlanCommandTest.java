package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.plan.io.PlanJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
    @TempDir
    Path dir;

    @Test
    void exampleFleetIsPlannedAndWrittenAsJsonAndCsv() throws Exception {
        Path out = dir.resolve("plans/riverside.json");

        Cli.Run run = Cli.run("plan", "--fleet", Cli.EXAMPLE.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("total cost     USD").contains("the plan saves USD").contains("energy by device type")
                .contains("reciprocating-engine").contains("Demand and spinning reserve are met in all 96 intervals")
                .contains("Independent plan check: 0 hard violations");
        DispatchPlan plan = PlanJson.read(Files.readString(out));
        assertThat(plan.schedules()).hasSize(24);
        assertThat(plan.status()).isInstanceOf(PlanStatus.Heuristic.class);
        // one header and one row per interval; a column per device plus import and export
        var csv = Files.readAllLines(dir.resolve("plans/riverside.csv"));
        assertThat(csv).hasSize(97);
        assertThat(csv.getFirst().split(",")).hasSize(1 + 24 + 2);
        assertThat(Files.readAllLines(dir.resolve("plans/riverside-soc.csv"))).hasSize(97);
    }

    @Test
    void undersizedIslandedFleetSaysWhereDemandIsNotMetAndByHowMuch() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, """
                formatVersion: 1
                name: too small
                horizon: {start: 2026-11-23T00:00:00Z, step: PT1H, intervals: 3}
                grid: {mode: islanded}
                series: {demand: demand.csv}
                devices:
                  - id: MT-1
                    type: microturbine
                    location: {latitude: 40, longitude: -105}
                    bus: B1
                    ratedPowerKw: 100
                    cost: {quadratic: {perKwh: 0.1}}
                endUsers:
                  - {id: EU-1, bus: B1}
                """);
        Files.writeString(dir.resolve("demand.csv"), """
                time,EU-1
                2026-11-23T00:00:00Z,80
                2026-11-23T01:00:00Z,150
                2026-11-23T02:00:00Z,90
                """);

        Cli.Run run = Cli.run("plan", "--fleet", fleet.toString(), "--out", dir.resolve("plan.json").toString());

        assertThat(run.exitCode()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        // 150 kW demand against a 100 kW microturbine in the hour starting 01:00: 50 kW short
        assertThat(run.out()).contains("NOT MET").containsPattern("1\\s+2026-11-23T01:00:00Z\\s+demand\\s+150\\.0\\s+100\\.0\\s+50\\.0");
        DispatchPlan plan = PlanJson.read(Files.readString(dir.resolve("plan.json")));
        PlanStatus.Infeasible status = (PlanStatus.Infeasible) plan.status();
        assertThat(status.shortfalls()).anySatisfy(s -> {
            assertThat(s.interval()).isEqualTo(1);
            assertThat(s.missingKw()).isCloseTo(50, within(1e-6));
        });
    }

    @Test
    void unplannableFleetExplainsWhyAndWritesNothing() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, "formatVersion: 1\nname: no horizon\ndevices: []\n");

        Cli.Run run = Cli.run("plan", "--fleet", fleet.toString(), "--out", dir.resolve("plan.json").toString());

        assertThat(run.exitCode()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        assertThat(run.out()).contains("horizon is required").contains("No plan");
        assertThat(dir.resolve("plan.json")).doesNotExist();
    }
}
