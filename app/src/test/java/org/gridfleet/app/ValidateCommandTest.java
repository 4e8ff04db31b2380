package org.gridfleet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void exampleFleetValidatesCleanly() {
        Cli.Run run = Cli.run("validate", "--fleet", Cli.EXAMPLE.toString());

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("rejected     0 errors");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void brokenYamlGivesALineAndExitOneWithoutAStackTrace() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, "formatVersion: 1\nname: x\ndevices: [ {id: a, type: battery\n");

        Cli.Run run = Cli.run("validate", "--fleet", fleet.toString());

        assertThat(run.exitCode()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        assertThat(run.out()).contains("syntax").contains("line ");
        assertThat(run.out() + run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void wrongTypesAndUnknownDeviceTypeAreListedTogether() throws Exception {
        Path fleet = dir.resolve("fleet.yaml");
        Files.writeString(fleet, """
                formatVersion: 1
                name: broken
                horizon: {start: 2026-11-23T00:00:00Z, intervals: 4}
                devices:
                  - {id: A, type: nuclear, location: {latitude: 40, longitude: -105}, bus: B, ratedPowerKw: 100}
                  - {id: B, type: battery, location: {latitude: 40, longitude: -105}, bus: B, ratedPowerKw: lots, energyCapacityKwh: 10}
                  - {id: C, type: battery, location: {latitude: 40, longitude: -105}, bus: B, ratedPowerKw: 100, energyCapacityKwh: 200}
                """);

        Cli.Run run = Cli.run("validate", "--fleet", fleet.toString());

        assertThat(run.exitCode()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        assertThat(run.out()).contains("unknown device type 'nuclear'").contains("devices[1].ratedPowerKw").contains("kept         1 devices");
    }

    @Test
    void missingFileIsAClearError() {
        Cli.Run run = Cli.run("validate", "--fleet", dir.resolve("nope.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(GridfleetCli.EXIT_REJECTED);
        assertThat(run.out()).contains("file not found");
    }

    @Test
    void jsonReportListsFindings() throws Exception {
        Path fleet = dir.resolve("fleet.json");
        Files.writeString(fleet, "{\"formatVersion\": 1, \"name\": \"j\", \"horizon\": {\"start\": \"2026-11-23T00:00:00Z\", \"intervals\": 2}, \"devices\": [], \"bogus\": NaN}");

        Cli.Run run = Cli.run("validate", "--json", "--fleet", fleet.toString());

        assertThat(run.out()).contains("\"rule\" : \"schema\"").contains("bogus");
    }
}
