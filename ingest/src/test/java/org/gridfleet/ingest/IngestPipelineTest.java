package org.gridfleet.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.BusId;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.problem.PlanningProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestPipelineTest {
    @TempDir
    Path dir;

    @Test
    void validFleetPassesWithoutFindingsAndBecomesAProblem() {
        IngestPipeline.Result result = SmallFleet.copyTo(dir).run();

        assertThat(result.rejections()).isEmpty();
        PlanningProblem problem = result.problem().orElseThrow();
        assertThat(problem.assets()).extracting(a -> a.id().value()).containsExactly("ENG-1", "PV-1", "BAT-1");
        assertThat(problem.endUsers()).hasSize(3);
        assertThat(problem.grid().intervals()).isEqualTo(8);
        // 10 + 100 + 200 kW in the first hour, 24 + 100 + 200 in the last
        assertThat(problem.demandKw().get(0)).isCloseTo(310, within(1e-9));
        assertThat(problem.demandKw().get(7)).isCloseTo(324, within(1e-9));
        assertThat(problem.demandKwByBus().get(BusId.of("SUB")).get(0)).isCloseTo(200, within(1e-9));
        // hourly forecast rows 4 h apart: 0 kW until 04:00, then 100 kW
        assertThat(problem.forecastKw().get(AssetId.of("PV-1")).toArray()).containsExactly(0, 0, 0, 0, 100, 100, 100, 100);
        assertThat(problem.salePricePerKwh().get(3)).isEqualTo(0.08);
        assertThat(problem.importTariffPerKwh().get(4)).isEqualTo(0.25);
    }

    @Test
    void storageWithoutFinalSocShouldEndWhereItStarts() {
        Storage battery = battery(SmallFleet.copyTo(dir).replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.1\n    initialSoc: 0.3").run());

        assertThat(battery.initialSoc()).isEqualTo(0.3);
        assertThat(battery.finalSoc()).isEqualTo(0.3);
    }

    @Test
    void storageFinalSocIsReadWhenGiven() {
        IngestPipeline.Result result = SmallFleet.copyTo(dir).replace("fleet.yaml", "minSoc: 0.1", "minSoc: 0.1\n    initialSoc: 0.3\n    finalSoc: 0.8").run();

        assertThat(result.rejections()).isEmpty();
        assertThat(battery(result).initialSoc()).isEqualTo(0.3);
        assertThat(battery(result).finalSoc()).isEqualTo(0.8);
    }

    @Test
    void maintenanceFromTheCsvRemovesEveryIntervalItTouches() {
        PlanningProblem problem = SmallFleet.copyTo(dir).run().problem().orElseThrow();

        // oil change 02:00-03:30 touches the hours starting 02:00 and 03:00
        assertThat(problem.availability().get(AssetId.of("ENG-1")).toArray()).containsExactly(1, 1, 0, 0, 1, 1, 1, 1);
        assertThat(problem.availability().get(AssetId.of("PV-1")).toArray()).containsOnly(1);
    }

    @Test
    void jsonFleetReadsLikeYaml() throws Exception {
        SmallFleet fleet = SmallFleet.copyTo(dir);
        var yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(fleet.fleetFile().toFile());
        java.nio.file.Files.writeString(dir.resolve("fleet.json"), new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(yaml));

        IngestPipeline.Result result = new IngestPipeline().run(new org.gridfleet.ingest.collector.FileDataCollector(dir.resolve("fleet.json")));

        assertThat(result.rejections()).isEmpty();
        assertThat(result.problem().orElseThrow().assets()).hasSize(3);
    }

    private static Storage battery(IngestPipeline.Result result) {
        return result.problem().orElseThrow().assets().stream().filter(a -> a.id().value().equals("BAT-1"))
                .map(Storage.class::cast).findFirst().orElseThrow();
    }
}
