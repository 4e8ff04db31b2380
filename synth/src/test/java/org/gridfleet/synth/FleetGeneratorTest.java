package org.gridfleet.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gridfleet.model.BusId;
import org.gridfleet.model.Ids;
import org.gridfleet.model.Sample;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.AssetCategory;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Reliability;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.CustomerClass;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.fleet.Transformer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FleetGeneratorTest {
    /** The campus clock: Mountain Standard Time. */
    private static final ZoneOffset MST = ZoneOffset.ofHours(-7);
    private static final double KW = 1e-3;
    private static final SyntheticFleet RIVERSIDE = FleetGenerator.generate(ExampleFleet.riverside());

    private static final String[] FILES = {FleetWriter.FLEET_FILE, FleetWriter.DEMAND_FILE, FleetWriter.FORECASTS_FILE,
            FleetWriter.PRICES_FILE, FleetWriter.MAINTENANCE_FILE};

    // ---- determinism and sizes -------------------------------------------------------------------------------

    @Test
    void sameSeedGivesIdenticalFilesByteForByte(@TempDir Path dir) throws IOException {
        FleetSpec spec = FleetSpec.of(40, 120, 96, 7);
        FleetWriter.write(FleetGenerator.generate(spec), dir.resolve("a"));
        FleetWriter.write(FleetGenerator.generate(spec), dir.resolve("b"));

        for (String file : FILES) {
            assertThat(Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)))
                    .as(file).isEqualTo(-1L);
        }
    }

    @Test
    void sameSeedGivesEqualDomainObjects() {
        assertThat(FleetGenerator.generate(ExampleFleet.riverside())).isEqualTo(RIVERSIDE);
    }

    @Test
    void differentSeedGivesDifferentFiles(@TempDir Path dir) throws IOException {
        FleetWriter.write(FleetGenerator.generate(FleetSpec.of(40, 120, 96, 7)), dir.resolve("a"));
        FleetWriter.write(FleetGenerator.generate(FleetSpec.of(40, 120, 96, 8)), dir.resolve("b"));

        for (String file : List.of(FleetWriter.FLEET_FILE, FleetWriter.DEMAND_FILE, FleetWriter.FORECASTS_FILE, FleetWriter.PRICES_FILE)) {
            assertThat(Files.mismatch(dir.resolve("a").resolve(file), dir.resolve("b").resolve(file)))
                    .as(file).isNotEqualTo(-1L);
        }
    }

    @ParameterizedTest
    @CsvSource({"1, 0, 1", "5, 3, 4", "9, 20, 96", "24, 200, 96", "137, 1000, 288"})
    void generatesTheRequestedNumbersOfDevicesEndUsersAndIntervals(int devices, int endUsers, int intervals) {
        SyntheticFleet fleet = FleetGenerator.generate(FleetSpec.of(devices, endUsers, intervals, 11));

        assertThat(fleet.assets()).hasSize(devices);
        assertThat(fleet.endUsers()).hasSize(endUsers);
        assertThat(fleet.timeGrid().intervals()).isEqualTo(intervals);
        assertThat(fleet.demandKwByEndUser().values()).allSatisfy(series -> assertThat(series).hasSize(intervals));
        assertThat(fleet.forecastKwByAsset().values()).allSatisfy(series -> assertThat(series).hasSize(intervals));
        assertThat(fleet.salePricePerKwh()).hasSize(intervals);
        assertThat(fleet.importTariffPerKwh()).hasSize(intervals);
    }

    @Test
    void seriesSampleTheHorizonAtIntervalStarts() {
        SyntheticFleet fleet = FleetGenerator.generate(FleetSpec.of(12, 10, 48, 3).withStep(Duration.ofMinutes(30)));

        List<Sample> prices = fleet.importTariffPerKwh();
        for (int k = 0; k < prices.size(); k++) {
            assertThat(prices.get(k).time()).isEqualTo(FleetSpec.DEFAULT_START.plus(Duration.ofMinutes(30L * k)));
        }
    }

    @Test
    void aLargeFleetIsGeneratedAndWritten(@TempDir Path dir) throws IOException {
        SyntheticFleet fleet = FleetGenerator.generate(FleetSpec.of(10_000, 2_000, 96, 1));
        FleetWriter.write(fleet, dir);

        assertThat(fleet.assets()).hasSize(10_000);
        try (var lines = Files.lines(dir.resolve(FleetWriter.DEMAND_FILE))) {
            assertThat(lines.count()).isEqualTo(97);
        }
    }

    // ---- devices ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {9, 10, 24, 100})
    void everyDeviceTypeAppearsFromNineDevicesOn(int devices) {
        for (long seed = 0; seed < 5; seed++) {
            SyntheticFleet fleet = FleetGenerator.generate(FleetSpec.of(devices, 10, 8, seed));

            assertThat(fleet.assets().stream().map(Asset::type).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(DeviceType.values());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 8})
    void fewerThanNineDevicesHaveDistinctTypesIncludingAGasFiredGenerator(int devices) {
        for (long seed = 0; seed < 5; seed++) {
            List<DeviceType> types = FleetGenerator.generate(FleetSpec.of(devices, 10, 8, seed)).assets().stream()
                    .map(Asset::type).toList();

            assertThat(types).doesNotHaveDuplicates()
                    .containsAnyOf(DeviceType.FUEL_CELL, DeviceType.RECIPROCATING_ENGINE, DeviceType.MICROTURBINE);
        }
    }

    @Test
    void ratingsLieWithinTheRangesOfTheirType() {
        Map<DeviceType, double[]> rangeKw = Map.of(
                DeviceType.EMERGENCY_GENERATOR, new double[] {250, 2000}, DeviceType.FUEL_CELL, new double[] {200, 1400},
                DeviceType.RECIPROCATING_ENGINE, new double[] {500, 3000}, DeviceType.MICROTURBINE, new double[] {30, 250},
                DeviceType.PHOTOVOLTAIC, new double[] {100, 5000}, DeviceType.WIND_TURBINE, new double[] {250, 3000},
                DeviceType.BATTERY, new double[] {250, 4000}, DeviceType.SMES, new double[] {100, 1000},
                DeviceType.FLYWHEEL, new double[] {100, 500});

        for (Asset asset : FleetGenerator.generate(FleetSpec.of(500, 10, 4, 5)).assets()) {
            double[] range = rangeKw.get(asset.type());
            assertThat(asset.ratedPowerKw()).as(asset.id().value()).isBetween(range[0], range[1]);
        }
    }

    @Test
    void storageHoldsEnergyForTheDurationTypicalOfItsTechnology() {
        for (Asset asset : FleetGenerator.generate(FleetSpec.of(500, 10, 4, 6)).assets()) {
            if (asset instanceof Storage s) {
                double minutes = 60 * s.energyCapacityKwh() / s.maxDischargeKw();
                switch (s.type()) {
                    case BATTERY -> assertThat(minutes).as(s.id().value()).isBetween(60.0, 240.0);
                    case SMES -> {
                        assertThat(s.energyCapacityKwh()).as(s.id().value()).isBetween(10.0, 50.0);
                        assertThat(minutes).as(s.id().value()).isLessThanOrEqualTo(6.0);
                    }
                    case FLYWHEEL -> assertThat(minutes).as(s.id().value()).isBetween(12.0, 18.0);
                    default -> throw new AssertionError(s.type());
                }
                assertThat(s.initialSoc()).isBetween(s.minSoc(), s.maxSoc());
            }
        }
    }

    @Test
    void reliabilityFiguresAgreeAndStayWithinTypicalOutageRates() {
        for (Asset asset : RIVERSIDE.assets()) {
            Reliability r = asset.info().reliability();
            assertThat(r.forcedOutageRate()).as(asset.id().value()).isBetween(0.01, 0.08);
            assertThat(Reliability.impliedForcedOutageRate(r.mttfHours(), r.mttrHours()))
                    .as(asset.id().value()).isCloseTo(r.forcedOutageRate(), within(1e-4));
        }
    }

    @Test
    void generatorsUseAllThreeCostFormsAndEmergencyGeneratorsBurnDieselUnderARunHourLimit() {
        List<Generator> generators = RIVERSIDE.assets().stream()
                .filter(a -> a instanceof Generator).map(a -> (Generator) a).toList();

        assertThat(generators.stream().map(g -> g.costCurve().getClass().getSimpleName()).distinct())
                .containsExactlyInAnyOrder("Quadratic", "PiecewiseLinear", "FuelBased");
        for (Generator g : generators) {
            assertThat(g.minStablePowerKw()).isPositive().isLessThan(g.ratedPowerKw());
            if (g.type() == DeviceType.EMERGENCY_GENERATOR) {
                assertThat(g.costCurve()).isInstanceOfSatisfying(CostCurve.FuelBased.class,
                        f -> assertThat(f.fuel()).isEqualTo("diesel"));
                assertThat(g.runHourLimit().maxHoursPerYear()).isEqualTo(100);
                assertThat(g.info().exportAllowed()).isFalse();
            } else {
                assertThat(g.runHourLimit().maxHoursPerYear()).isInfinite();
            }
        }
    }

    @Test
    void costFormsOfOneGeneratorAgreeWithItsFuelUse() {
        // a gas engine at rating burns rating / efficiency of fuel: cost per kWh = fuel price / efficiency
        for (Asset asset : FleetGenerator.generate(FleetSpec.of(200, 10, 4, 9)).assets()) {
            if (asset instanceof Generator g && g.costCurve() instanceof CostCurve.FuelBased f) {
                double costPerKwh = f.costPerHour(g.ratedPowerKw()) / g.ratedPowerKw();
                assertThat(costPerKwh).as(g.id().value()).isBetween(0.05, 0.40);
            }
            if (asset instanceof Generator g) {
                double costPerKwhAtRating = g.costCurve().costPerHour(g.ratedPowerKw()) / g.ratedPowerKw();
                double costPerKwhAtMinimum = g.costCurve().costPerHour(g.minStablePowerKw()) / g.minStablePowerKw();
                assertThat(costPerKwhAtMinimum).as(g.id().value()).isGreaterThan(costPerKwhAtRating * 0.95);
            }
        }
    }

    @Test
    void sitesLieWithinAboutTenKilometresOfTheCampusCentre() {
        for (Asset asset : FleetGenerator.generate(FleetSpec.of(2000, 100, 4, 4)).assets()) {
            double northKm = (asset.info().location().latitudeDeg() - 40.0) * 110.574;
            double eastKm = (asset.info().location().longitudeDeg() + 105.25) * 111.320 * Math.cos(Math.toRadians(40));
            assertThat(Math.hypot(northKm, eastKm)).as(asset.id().value()).isLessThan(11.0);
        }
    }

    @Test
    void idsAreValidAndUnique() {
        SyntheticFleet fleet = FleetGenerator.generate(FleetSpec.of(1500, 1500, 4, 2));
        List<String> ids = fleet.assets().stream().map(a -> a.id().value()).toList();
        List<String> users = fleet.endUsers().stream().map(u -> u.id().value()).toList();
        List<String> buses = fleet.network().buses().stream().map(b -> b.id().value()).toList();
        List<String> branches = java.util.stream.Stream.concat(fleet.network().lines().stream().map(Line::id),
                fleet.network().transformers().stream().map(Transformer::id)).toList();

        for (List<String> list : List.of(ids, users, buses, branches)) {
            assertThat(list).doesNotHaveDuplicates().allSatisfy(id -> assertThat(Ids.isValid(id)).as(id).isTrue());
        }
    }

    @Test
    void aboutOneDeviceInEightHasAMaintenanceWindowInsideTheHorizon() {
        Map<?, List<MaintenanceWindow>> windows = RIVERSIDE.maintenanceByAsset();

        assertThat(windows).hasSize(3);
        for (List<MaintenanceWindow> list : windows.values()) {
            for (MaintenanceWindow w : list) {
                assertThat(w.start()).isAfterOrEqualTo(RIVERSIDE.timeGrid().start());
                assertThat(w.end()).isBeforeOrEqualTo(RIVERSIDE.timeGrid().end());
                assertThat(Duration.between(w.start(), w.end())).isBetween(Duration.ofHours(2), Duration.ofHours(8));
            }
        }
    }

    // ---- capacity against demand -----------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"9, 50, 96, 1", "24, 200, 96, 20261123", "60, 500, 96, 3", "200, 100, 672, 4", "3, 400, 96, 5", "1000, 10, 96, 6"})
    void dispatchableAndStorageCapacityExceedDemandByTwentyPercentInEveryInterval(int devices, int endUsers, int intervals, long seed) {
        for (boolean islanded : new boolean[] {false, true}) {
            SyntheticFleet fleet = FleetGenerator.generate(FleetSpec.of(devices, endUsers, intervals, seed).withIslanded(islanded));
            double[] demand = fleet.aggregateDemandKw().toArray();

            for (int k = 0; k < demand.length; k++) {
                Instant from = fleet.timeGrid().startOf(k);
                Instant to = fleet.timeGrid().endOf(k);
                double capacityKw = 0;
                for (Asset asset : fleet.assets()) {
                    boolean inService = asset.info().maintenance().stream().noneMatch(w -> w.overlaps(from, to));
                    double kw = switch (asset) {
                        case Generator g -> g.ratedPowerKw();
                        case Storage s -> s.maxDischargeKw();
                        case Renewable r -> 0;
                    };
                    capacityKw += inService ? kw * asset.info().availability() : 0;
                }
                assertThat(capacityKw).as("interval %d", k).isGreaterThanOrEqualTo(1.2 * demand[k]);
            }
        }
    }

    @Test
    void generatorsAloneCarryDemandPlusReserveWhenStorageCanHoldFourHours() {
        SyntheticFleet fleet = RIVERSIDE;
        double[] demand = fleet.aggregateDemandKw().toArray();
        double[] firm = FleetGenerator.firmCapacityKw(fleet.assets(), fleet.timeGrid());

        double roundingKw = fleet.endUsers().size() * KW / 2; // each end-user's demand is rounded to 0.001 kW
        for (int k = 0; k < demand.length; k++) {
            assertThat(FleetGenerator.SIZING_MARGIN * firm[k]).isGreaterThanOrEqualTo(1.1 * (demand[k] - roundingKw));
        }
        assertThat(fleet.peakDemandKw()).isGreaterThan(0.5 * FleetGenerator.SIZING_MARGIN / 1.1 * min(firm));
    }

    @Test
    void gridConnectionIsSizedFromPeakDemandOrClosedWhenIslanded() {
        assertThat(RIVERSIDE.gridConnection().islanded()).isFalse();
        assertThat(RIVERSIDE.gridConnection().maxImportKw()).isBetween(0.6 * RIVERSIDE.peakDemandKw(), 0.6 * RIVERSIDE.peakDemandKw() + 100);
        assertThat(RIVERSIDE.gridConnection().maxExportKw()).isBetween(0.4 * RIVERSIDE.peakDemandKw(), 0.4 * RIVERSIDE.peakDemandKw() + 100);

        SyntheticFleet islanded = FleetGenerator.generate(ExampleFleet.riverside().withIslanded(true));
        assertThat(islanded.gridConnection().islanded()).isTrue();
        assertThat(islanded.gridConnection().maxImportKw()).isZero();
    }

    // ---- demand shapes ---------------------------------------------------------------------------------------

    @Test
    void endUsersAreMostlyResidentialWithSomeCommercialAndIndustrial() {
        Map<CustomerClass, Long> count = RIVERSIDE.endUsers().stream()
                .collect(Collectors.groupingBy(EndUser::customerClass, Collectors.counting()));

        assertThat(count).containsEntry(CustomerClass.RESIDENTIAL, 160L).containsEntry(CustomerClass.COMMERCIAL, 30L)
                .containsEntry(CustomerClass.INDUSTRIAL, 10L);
    }

    @Test
    void residentialDemandPeaksInTheEveningAndCommercialDemandByDay() {
        double[] residential = classDemand(CustomerClass.RESIDENTIAL);
        double[] commercial = classDemand(CustomerClass.COMMERCIAL);

        assertThat(localHour(argMax(residential))).isBetween(17.0, 21.0);
        assertThat(localHour(argMax(commercial))).isBetween(8.0, 18.5);
        assertThat(commercial[atLocalHour(12)]).isGreaterThan(1.8 * commercial[atLocalHour(3)]);
        assertThat(residential[atLocalHour(19)]).isGreaterThan(2.0 * residential[atLocalHour(3)]);
    }

    @Test
    void demandIsPositiveAndRoundedToOneWatt() {
        for (List<Sample> series : RIVERSIDE.demandKwByEndUser().values()) {
            for (Sample s : series) {
                assertThat(s.value()).isPositive();
                assertThat(s.value() * 1000).isCloseTo(Math.rint(s.value() * 1000), within(1e-6));
            }
        }
    }

    // ---- forecasts -------------------------------------------------------------------------------------------

    @Test
    void photovoltaicOutputIsZeroAtNight() {
        for (Asset asset : RIVERSIDE.assets()) {
            if (asset.type() == DeviceType.PHOTOVOLTAIC) {
                List<Sample> forecast = RIVERSIDE.forecastKwByAsset().get(asset.id());
                for (Sample s : forecast) {
                    double hour = localHourOf(s.time());
                    if (hour < 6.5 || hour >= 17) {
                        assertThat(s.value()).as("%s at %s", asset.id(), s.time()).isZero();
                    }
                }
            }
        }
    }

    @Test
    void photovoltaicOutputAtNoonIsWhatANovemberSunGivesAtFortyDegreesNorth() {
        double ratedKw = 0;
        double noonKw = 0;
        for (Asset asset : RIVERSIDE.assets()) {
            if (asset.type() == DeviceType.PHOTOVOLTAIC) {
                ratedKw += asset.ratedPowerKw();
                noonKw += RIVERSIDE.forecastKwByAsset().get(asset.id()).get(atLocalHour(12)).value();
            }
        }
        // a latitude-tilted array gets about 800 W/m² at a 30° November noon sun; 14 % system losses
        assertThat(noonKw / ratedKw).isBetween(0.3, 0.75);
    }

    @Test
    void clearSkyDayRunsFromSunriseToSunsetAsPublishedForBoulder() {
        // NOAA for Boulder on 2026-11-23: sunrise 06:57, solar noon 11:47, sunset 16:37 MST (with refraction)
        assertThat(clearSky("06:50")).isZero();
        assertThat(clearSky("07:15")).isPositive();
        assertThat(clearSky("16:20")).isPositive();
        assertThat(clearSky("16:45")).isZero();
        assertThat(clearSky("11:47")).isGreaterThan(clearSky("11:27")).isGreaterThan(clearSky("10:47"));
        assertThat(clearSky("11:47")).isGreaterThan(clearSky("12:07")).isGreaterThan(clearSky("12:47"));
        assertThat(clearSky("11:47")).isBetween(0.6, 0.75);
    }

    @Test
    void windPowerFollowsATypicalTurbineCurve() {
        assertThat(Weather.windPowerPerUnit(0)).isZero();
        assertThat(Weather.windPowerPerUnit(2.9)).isZero();
        assertThat(Weather.windPowerPerUnit(3.5)).isBetween(0.0, 0.02);
        assertThat(Weather.windPowerPerUnit(8)).isCloseTo((512 - 27) / (1728.0 - 27), within(1e-12));
        assertThat(Weather.windPowerPerUnit(12)).isEqualTo(1);
        assertThat(Weather.windPowerPerUnit(24.9)).isEqualTo(1);
        assertThat(Weather.windPowerPerUnit(25)).isZero();
        for (double v = 3; v < 12; v += 0.5) {
            assertThat(Weather.windPowerPerUnit(v + 0.5)).isGreaterThan(Weather.windPowerPerUnit(v));
        }
    }

    @Test
    void forecastsStayWithinTheRating() {
        SyntheticFleet fleet = FleetGenerator.generate(FleetSpec.of(300, 10, 192, 8));
        for (Asset asset : fleet.assets()) {
            if (asset instanceof Renewable) {
                assertThat(fleet.forecastKwByAsset().get(asset.id()))
                        .allSatisfy(s -> assertThat(s.value()).isBetween(0.0, asset.ratedPowerKw()));
            }
        }
    }

    // ---- prices ----------------------------------------------------------------------------------------------

    @Test
    void importTariffFollowsTheTimeOfUseSchedule() {
        List<Sample> tariff = RIVERSIDE.importTariffPerKwh();

        assertThat(tariff.get(atLocalHour(3)).value()).isEqualTo(0.11);
        assertThat(tariff.get(atLocalHour(10)).value()).isEqualTo(0.17);
        assertThat(tariff.get(atLocalHour(18)).value()).isEqualTo(0.28);
        assertThat(tariff.get(atLocalHour(21.5)).value()).isEqualTo(0.17);
        assertThat(tariff.get(atLocalHour(23)).value()).isEqualTo(0.11);
        assertThat(tariff).extracting(Sample::value).containsOnly(0.11, 0.17, 0.28);
    }

    @Test
    void weekendsHaveNoPeakTariff() {
        SyntheticFleet saturday = FleetGenerator.generate(ExampleFleet.riverside().withStart(Instant.parse("2026-11-28T07:00:00Z")));

        assertThat(saturday.importTariffPerKwh()).extracting(Sample::value).containsOnly(0.11, 0.17);
    }

    @Test
    void salePriceVariesBelowTheImportTariff() {
        List<Sample> sale = RIVERSIDE.salePricePerKwh();
        for (int k = 0; k < sale.size(); k++) {
            assertThat(sale.get(k).value()).isBetween(0.02, RIVERSIDE.importTariffPerKwh().get(k).value() - 0.01 + 1e-12);
        }
        assertThat(sale.stream().mapToDouble(Sample::value).distinct().count()).isGreaterThan(20);
        assertThat(sale.get(atLocalHour(18.5)).value()).isGreaterThan(sale.get(atLocalHour(3)).value());
    }

    // ---- network ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {1, 24, 400})
    void networkIsARadialFeederFedFromTheSubstation(int devices) {
        SyntheticFleet fleet = FleetGenerator.generate(FleetSpec.of(devices, 3 * devices, 4, devices));
        Network network = fleet.network();
        BusId slack = network.slackBus().orElseThrow();
        BusId substation = BusId.of("sub");

        // the slack is the substation's 69 kV bus; its transformers (parallel units of one size) feed the 12.47 kV bus
        assertThat(network.buses()).filteredOn(b -> b.id().equals(slack)).singleElement().satisfies(b -> assertThat(b.nominalKv()).isEqualTo(69));
        assertThat(network.transformers()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.from()).isEqualTo(slack);
            assertThat(t.to()).isEqualTo(substation);
            assertThat(t.ratedKva()).isEqualTo(network.transformers().getFirst().ratedKva());
        });
        // the lines are a tree on the 12.47 kV buses, rooted at the substation's 12.47 kV bus
        assertThat(network.lines()).hasSize(network.buses().size() - 2);
        Map<BusId, List<BusId>> children = new HashMap<>();
        Set<BusId> fed = new HashSet<>();
        for (Line line : network.lines()) {
            children.computeIfAbsent(line.from(), b -> new java.util.ArrayList<>()).add(line.to());
            assertThat(fed.add(line.to())).as("%s is fed once", line.to()).isTrue();
        }
        Set<BusId> reached = new HashSet<>(List.of(slack, substation));
        ArrayDeque<BusId> queue = new ArrayDeque<>(List.of(substation));
        while (!queue.isEmpty()) {
            for (BusId child : children.getOrDefault(queue.poll(), List.of())) {
                assertThat(reached.add(child)).isTrue();
                queue.add(child);
            }
        }
        assertThat(reached).hasSize(network.buses().size());
        assertThat(network.buses()).filteredOn(b -> !b.id().equals(slack)).allSatisfy(b -> assertThat(b.nominalKv()).isEqualTo(12.47));
        assertThat(fleet.assets()).allSatisfy(a -> assertThat(network.busIds().contains(a.info().bus())).isTrue());
        assertThat(fleet.endUsers()).allSatisfy(u -> assertThat(network.busIds().contains(u.bus())).isTrue());
        assertThat(fleet.assets()).noneSatisfy(a -> assertThat(a.info().bus()).isIn(slack, substation));
        assertThat(fleet.endUsers()).noneSatisfy(u -> assertThat(u.bus()).isIn(slack, substation));
    }

    @ParameterizedTest
    @CsvSource({"1, 0", "24, 200", "60, 400", "400, 1200", "2000, 20000"})
    void substationTransformersCarryPeakDemandWithAQuarterToSpare(int devices, int endUsers) {
        SyntheticFleet fleet = FleetGenerator.generate(FleetSpec.of(devices, endUsers, 96, 5));
        List<Transformer> transformers = fleet.network().transformers();

        double totalKva = transformers.stream().mapToDouble(Transformer::ratedKva).sum();
        // apparent power of the peak demand at a power factor of 0.95, and 25 % to spare
        assertThat(totalKva).isGreaterThanOrEqualTo(1.25 * fleet.peakDemandKw() / 0.95);
        assertThat(transformers).allSatisfy(t -> {
            assertThat(t.ratedKva()).isIn(2_500.0, 3_750.0, 5_000.0, 7_500.0, 10_000.0, 12_000.0, 15_000.0, 20_000.0, 25_000.0, 30_000.0, 40_000.0);
            assertThat(t.resistancePercent()).isEqualTo(1);
            assertThat(t.reactancePercent()).isEqualTo(7);
            assertThat(t.tapRatio()).isEqualTo(1);
        });
        // no more units than needed: one fewer of the largest size would not carry the end-users' undiversified peaks
        if (transformers.size() > 1) {
            assertThat((transformers.size() - 1) * 40_000.0).isLessThan(1.25 * sumOfEndUserPeaksKw(fleet) / 0.95);
        }
    }

    @Test
    void riversideIsFedThroughOneTenMegavoltAmpereTransformerHeldAtOnePointZeroTwoPerUnit() {
        Network network = RIVERSIDE.network();

        assertThat(network.slackVoltagePu()).isEqualTo(1.02);
        assertThat(network.transformers()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("tx-sub-1");
            assertThat(t.ratedKva()).isEqualTo(10_000);
        });
        // 7 % of the 12.47 kV base impedance of 10 MVA: 0.07 · 12.47² / 10 = 1.0885 Ω
        assertThat(network.transformers().getFirst().reactanceOhmAt(12.47)).isCloseTo(1.0885, within(1e-4));
    }

    // ---- reactive power --------------------------------------------------------------------------------------

    @Test
    void endUsersDrawReactivePowerAtALaggingPowerFactorTypicalOfTheirClass() {
        Map<CustomerClass, List<Double>> byClass = new HashMap<>();
        for (EndUser user : RIVERSIDE.endUsers()) {
            assertThat(user.reactive()).isInstanceOfSatisfying(ReactivePower.PowerFactor.class, pf -> {
                assertThat(pf.reversed()).as("lagging").isFalse();
                assertThat(pf.powerFactor()).isBetween(0.9, 0.98);
                assertThat(pf.powerFactor() * 1000).isCloseTo(Math.rint(pf.powerFactor() * 1000), within(1e-6));
                byClass.computeIfAbsent(user.customerClass(), c -> new java.util.ArrayList<>()).add(pf.powerFactor());
            });
            // an end-user's positive kvar is drawn from the grid
            assertThat(user.reactive().kvarAt(10)).isPositive();
        }
        assertThat(byClass.get(CustomerClass.RESIDENTIAL).stream().distinct().count()).isGreaterThan(20);
        assertThat(mean(byClass.get(CustomerClass.RESIDENTIAL))).isGreaterThan(mean(byClass.get(CustomerClass.INDUSTRIAL)));
    }

    @Test
    void devicesRunAtUnityPowerFactor() {
        assertThat(RIVERSIDE.assets()).allSatisfy(a -> assertThat(a.info().reactive()).isEqualTo(ReactivePower.UNITY));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double sumOfEndUserPeaksKw(SyntheticFleet fleet) {
        return fleet.demandKwByEndUser().values().stream()
                .mapToDouble(series -> series.stream().mapToDouble(Sample::value).max().orElse(0)).sum();
    }

    @Test
    void linesHaveDistributionImpedancesAndRatings() {
        for (Line line : FleetGenerator.generate(FleetSpec.of(300, 900, 4, 12)).network().lines()) {
            // 0.3–1.5 km of 0.10–0.40 Ω/km resistance and 0.30–0.40 Ω/km reactance
            assertThat(line.resistanceOhm()).as(line.id()).isBetween(0.03, 0.6);
            assertThat(line.reactanceOhm()).as(line.id()).isBetween(0.09, 0.6);
            assertThat(line.ratingA()).as(line.id()).isIn(200.0, 300.0, 400.0, 600.0);
        }
    }

    // ---- spec ------------------------------------------------------------------------------------------------

    @Test
    void specRejectsImpossibleSizes() {
        assertThatThrownBy(() -> FleetSpec.of(0, 1, 1, 1)).hasMessageContaining("devices");
        assertThatThrownBy(() -> FleetSpec.of(1, -1, 1, 1)).hasMessageContaining("endUsers");
        assertThatThrownBy(() -> FleetSpec.of(1, 1, 0, 1)).hasMessageContaining("intervals");
        assertThatThrownBy(() -> FleetSpec.of(1, 1, 1, 1).withStep(Duration.ofSeconds(30))).hasMessageContaining("step");
        assertThatThrownBy(() -> FleetSpec.of(1, 1, 1, 1).withReserveFractionOfDemand(10)).hasMessageContaining("reserve");
        assertThatThrownBy(() -> FleetSpec.of(1, 1, 1, 1).withName(" ")).hasMessageContaining("name");
    }

    @Test
    void everyAssetCategoryHasItsRecord() {
        for (Asset asset : RIVERSIDE.assets()) {
            AssetCategory category = asset.type().category();
            assertThat(switch (asset) {
                case Generator g -> AssetCategory.DISPATCHABLE_GENERATOR;
                case Renewable r -> AssetCategory.RENEWABLE;
                case Storage s -> AssetCategory.STORAGE;
            }).isEqualTo(category);
        }
        assertThat(EnumSet.allOf(DeviceType.class)).hasSize(9);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static double[] classDemand(CustomerClass customerClass) {
        double[] total = new double[RIVERSIDE.timeGrid().intervals()];
        for (EndUser user : RIVERSIDE.endUsers()) {
            if (user.customerClass() == customerClass) {
                List<Sample> series = RIVERSIDE.demandKwByEndUser().get(user.id());
                for (int k = 0; k < total.length; k++) {
                    total[k] += series.get(k).value();
                }
            }
        }
        return total;
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int k = 1; k < values.length; k++) {
            if (values[k] > values[best]) {
                best = k;
            }
        }
        return best;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElseThrow();
    }

    /** Local hour at the middle of interval {@code k} of the example (which starts at local midnight). */
    private static double localHour(int k) {
        return (k + 0.5) / 4.0;
    }

    /** The example's interval that starts at local {@code hour}. */
    private static int atLocalHour(double hour) {
        return (int) Math.round(hour * 4);
    }

    private static double localHourOf(Instant time) {
        var local = time.atOffset(MST);
        return local.getHour() + local.getMinute() / 60.0;
    }

    private static double clearSky(String localTime) {
        Instant at = java.time.LocalDateTime.parse("2026-11-23T" + localTime).toInstant(MST);
        return Weather.clearSkyPvPerUnit(at.getEpochSecond());
    }
}
