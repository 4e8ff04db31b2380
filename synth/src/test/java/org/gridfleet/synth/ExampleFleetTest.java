package org.gridfleet.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.gridfleet.model.Sample;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example fleet in {@code examples/riverside/} is what {@link ExampleFleet} writes, and it is plausible.
 * After a deliberate change to the generator, write it again with
 * {@code ./mvnw -q -B -pl synth test -Dtest=ExampleFleetTest -Dgridfleet.regenerateExample=true}.
 */
class ExampleFleetTest {
    /** Maven runs tests in the module folder. */
    private static final Path EXAMPLE = Path.of("..", "examples", "riverside");
    private static final String REGENERATE = "gridfleet.regenerateExample";
    private static final SyntheticFleet RIVERSIDE = FleetGenerator.generate(ExampleFleet.riverside());

    @Test
    void exampleFilesAreWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        if (Boolean.getBoolean(REGENERATE)) {
            ExampleFleet.write(EXAMPLE);
        }
        ExampleFleet.write(dir);

        for (String file : List.of(FleetWriter.FLEET_FILE, FleetWriter.DEMAND_FILE, FleetWriter.FORECASTS_FILE,
                FleetWriter.PRICES_FILE, FleetWriter.MAINTENANCE_FILE)) {
            assertThat(Files.mismatch(dir.resolve(file), EXAMPLE.resolve(file)))
                    .as("%s differs from the generator's output: if the change is deliberate, run this test with -D%s=true", file, REGENERATE).isEqualTo(-1L);
        }
    }

    @Test
    void exampleFleetFileStartsWithItsCommentHeader() throws IOException {
        assertThat(Files.readString(EXAMPLE.resolve(FleetWriter.FLEET_FILE))).startsWith("# Riverside campus");
    }

    @Test
    void exampleHasTwentyFourDevicesOfAllNineTypesAndTwoHundredEndUsersOverOneDay() {
        assertThat(RIVERSIDE.assets()).hasSize(24);
        assertThat(RIVERSIDE.assets().stream().map(Asset::type).collect(Collectors.toSet())).hasSize(9);
        assertThat(RIVERSIDE.endUsers()).hasSize(200);
        assertThat(RIVERSIDE.timeGrid().intervals()).isEqualTo(96);
        assertThat(RIVERSIDE.reserve().fractionOfDemand()).isEqualTo(0.10);
        assertThat(RIVERSIDE.gridConnection().islanded()).isFalse();
    }

    @Test
    void exampleDemandIsAPlausibleCampusWellCoveredByTheFleet() {
        double dispatchableKw = RIVERSIDE.assets().stream().filter(a -> a instanceof Generator).mapToDouble(Asset::ratedPowerKw).sum();
        double storageKw = RIVERSIDE.assets().stream().filter(a -> a instanceof Storage s).mapToDouble(a -> ((Storage) a).maxDischargeKw()).sum();
        double peakKw = RIVERSIDE.peakDemandKw();
        double nightKw = RIVERSIDE.aggregateDemandKw().min();

        assertThat(peakKw).isBetween(2_000.0, 20_000.0);
        assertThat(nightKw / peakKw).isBetween(0.4, 0.8);
        assertThat(dispatchableKw + storageKw).isGreaterThan(1.2 * peakKw);
    }

    @Test
    void exampleSunAndWindProduceByDayAndAtAllHours() {
        double pvRatedKw = 0;
        double pvNoonKw = 0;
        double windKwh = 0;
        for (Asset asset : RIVERSIDE.assets()) {
            List<Sample> forecast = RIVERSIDE.forecastKwByAsset().get(asset.id());
            if (asset.type() == DeviceType.PHOTOVOLTAIC) {
                pvRatedKw += asset.ratedPowerKw();
                pvNoonKw += forecast.get(48).value();
                assertThat(forecast.get(0).value()).isZero();
            } else if (asset.type() == DeviceType.WIND_TURBINE) {
                windKwh += forecast.stream().mapToDouble(Sample::value).sum() * 0.25;
            }
        }
        assertThat(pvNoonKw / pvRatedKw).isBetween(0.4, 0.75);
        assertThat(windKwh).isPositive();
    }
}
