package org.gridfleet.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.EndUserId;
import org.gridfleet.model.Sample;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.fleet.Transformer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetWriterTest {
    /** Every field path of docs/fleet-format.md; {@code []} marks the elements of a list. */
    private static final Set<String> DOCUMENTED = Set.of(
            "formatVersion", "name", "currency",
            "horizon", "horizon.start", "horizon.step", "horizon.intervals",
            "grid", "grid.mode", "grid.maxImportKw", "grid.maxExportKw",
            "reserve", "reserve.fractionOfDemand", "reserve.coverLargestUnit", "reserve.minimumKw",
            "prices", "prices.salePricePerKwh", "prices.importTariffPerKwh",
            "series", "series.demand", "series.forecasts", "series.prices", "series.maintenance",
            "network", "network.slackBus", "network.slackVoltagePu", "network.buses", "network.buses[].id", "network.buses[].nominalKv",
            "network.lines", "network.lines[].id", "network.lines[].from", "network.lines[].to",
            "network.lines[].resistanceOhm", "network.lines[].reactanceOhm", "network.lines[].shuntSusceptanceS",
            "network.lines[].ratingA", "network.lines[].ratingKva",
            "network.transformers", "network.transformers[].id", "network.transformers[].from", "network.transformers[].to",
            "network.transformers[].ratedKva", "network.transformers[].resistancePercent", "network.transformers[].reactancePercent",
            "network.transformers[].tapRatio",
            "devices", "endUsers", "endUsers[].id", "endUsers[].name", "endUsers[].bus", "endUsers[].class",
            "endUsers[].powerFactor", "endUsers[].leading");

    /** Device fields every type has. */
    private static final Set<String> DEVICE = Set.of(
            "id", "type", "name", "location", "location.latitude", "location.longitude", "bus", "ratedPowerKw",
            "availability", "exportAllowed", "omCostPerKwh", "reactive", "reactive.powerFactor", "reactive.absorbing",
            "reactive.kvar", "reliability", "reliability.forcedOutageRate",
            "reliability.mttfHours", "reliability.mttrHours", "maintenance", "maintenance[].start",
            "maintenance[].end", "maintenance[].reason");
    private static final Set<String> GENERATOR = Set.of(
            "minStablePowerKw", "rampUpKwPerMin", "rampDownKwPerMin", "minUpTimeHours", "minDownTimeHours",
            "startUp", "startUp.hotCost", "startUp.coldCost", "startUp.coldAfterHours", "startUp.timeMinutes",
            "initialState", "initialState.on", "initialState.hoursInState", "initialState.powerKw",
            "cost", "cost.quadratic", "cost.quadratic.noLoadPerHour", "cost.quadratic.perKwh", "cost.quadratic.perKw2h",
            "cost.piecewiseLinear", "cost.piecewiseLinear[].powerKw", "cost.piecewiseLinear[].costPerHour",
            "cost.fuel", "cost.fuel.name", "cost.fuel.pricePerKwh", "cost.fuel.efficiency",
            "cost.fuel.efficiency[].powerKw", "cost.fuel.efficiency[].efficiency", "cost.fuel.heatRateBtuPerKwh",
            "cost.fuel.heatRateBtuPerKwh[].powerKw", "cost.fuel.heatRateBtuPerKwh[].heatRate",
            "runHours", "runHours.maxPerYear", "runHours.usedThisYear", "co2KgPerKwh");
    private static final Set<String> RENEWABLE = Set.of("curtailable");
    private static final Set<String> STORAGE = Set.of(
            "energyCapacityKwh", "maxChargeKw", "maxDischargeKw", "chargeEfficiency", "dischargeEfficiency",
            "selfDischargePerHour", "minSoc", "maxSoc", "initialSoc", "finalSoc", "degradationCostPerKwh");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d*[1-9])?");

    @TempDir
    static Path dir;
    private static SyntheticFleet fleet;
    private static JsonNode document;

    @BeforeAll
    static void writeTheExample() throws IOException {
        fleet = FleetGenerator.generate(ExampleFleet.riverside());
        FleetWriter.write(fleet, dir);
        document = new YAMLMapper().readTree(dir.resolve(FleetWriter.FLEET_FILE).toFile());
    }

    @Test
    void yamlUsesOnlyFieldsDocumentedInTheFleetFormat() {
        List<String> unknown = new ArrayList<>();
        document.properties().forEach(field -> {
            if (!field.getKey().equals("devices")) {
                collectUnknown(field.getKey(), field.getValue(), DOCUMENTED, unknown);
            }
        });
        for (JsonNode device : document.get("devices")) {
            Set<String> allowed = new TreeSet<>(DEVICE);
            allowed.addAll(switch (device.get("type").asText()) {
                case "emergency-generator", "fuel-cell", "reciprocating-engine", "microturbine" -> GENERATOR;
                case "photovoltaic", "wind-turbine" -> RENEWABLE;
                case "battery", "smes", "flywheel" -> STORAGE;
                default -> throw new AssertionError("unknown type " + device.get("type"));
            });
            device.properties().forEach(field -> collectUnknown(field.getKey(), field.getValue(), allowed, unknown));
        }

        assertThat(unknown).isEmpty();
    }

    @Test
    void yamlHoldsEveryRequiredFieldWithItsValue() {
        assertThat(document.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(document.get("name").asText()).isEqualTo("Riverside campus");
        assertThat(document.get("currency").asText()).isEqualTo("USD");
        assertThat(document.at("/horizon/start").asText()).isEqualTo("2026-11-23T07:00:00Z");
        assertThat(document.at("/horizon/step").asText()).isEqualTo("PT15M");
        assertThat(document.at("/horizon/intervals").asInt()).isEqualTo(96);
        assertThat(document.at("/grid/mode").asText()).isEqualTo("grid-connected");
        assertThat(document.at("/reserve/fractionOfDemand").asDouble()).isEqualTo(0.1);
        assertThat(document.at("/series/demand").asText()).isEqualTo("demand.csv");
        assertThat(document.at("/series/forecasts").asText()).isEqualTo("forecasts.csv");
        assertThat(document.at("/series/prices").asText()).isEqualTo("prices.csv");
        assertThat(document.at("/series/maintenance").asText()).isEqualTo("maintenance.csv");
        assertThat(document.at("/network/slackBus").asText()).isEqualTo("sub-hv");
        assertThat(document.at("/network/slackVoltagePu").asDouble()).isEqualTo(1.02);
        assertThat(document.at("/network/transformers")).hasSize(1);
        assertThat(document.get("devices")).hasSize(24);
        assertThat(document.get("endUsers")).hasSize(200);
        for (JsonNode device : document.get("devices")) {
            for (String field : List.of("id", "type", "bus", "ratedPowerKw")) {
                assertThat(device.has(field)).as("%s has %s", device.get("id"), field).isTrue();
            }
            assertThat(device.at("/location/latitude").isNumber()).isTrue();
            assertThat(device.at("/location/longitude").isNumber()).isTrue();
        }
        for (JsonNode user : document.get("endUsers")) {
            assertThat(user.get("class").asText()).isIn("residential", "commercial", "industrial");
        }
    }

    @Test
    void yamlValuesReadBackAsGenerated() {
        for (int d = 0; d < fleet.assets().size(); d++) {
            Asset asset = fleet.assets().get(d);
            JsonNode node = document.get("devices").get(d);
            assertThat(node.get("id").asText()).isEqualTo(asset.id().value());
            assertThat(node.get("type").asText()).isEqualTo(asset.type().fileName());
            assertThat(node.get("bus").asText()).isEqualTo(asset.info().bus().value());
            assertThat(node.get("ratedPowerKw").asDouble()).isEqualTo(asset.ratedPowerKw());
            assertThat(node.at("/location/latitude").asDouble()).isEqualTo(asset.info().location().latitudeDeg());
            assertThat(node.at("/reliability/mttfHours").asDouble()).isEqualTo(asset.info().reliability().mttfHours());
            switch (asset) {
                case Generator g -> {
                    assertThat(node.get("minStablePowerKw").asDouble()).isEqualTo(g.minStablePowerKw());
                    assertThat(node.at("/initialState/on").asBoolean()).isEqualTo(g.initialState().on());
                    assertCost(node.get("cost"), g.costCurve());
                }
                case Renewable r -> assertThat(node.get("curtailable").asBoolean()).isEqualTo(r.curtailable());
                case Storage s -> {
                    assertThat(node.get("energyCapacityKwh").asDouble()).isEqualTo(s.energyCapacityKwh());
                    assertThat(node.get("selfDischargePerHour").asDouble()).isEqualTo(s.selfDischargePerHour());
                }
            }
            assertReactive(node.get("reactive"), asset.info().reactive());
        }
        for (int u = 0; u < fleet.endUsers().size(); u++) {
            EndUser user = fleet.endUsers().get(u);
            JsonNode node = document.get("endUsers").get(u);
            assertThat(node.get("id").asText()).isEqualTo(user.id().value());
            assertThat(node.get("powerFactor").asDouble()).isEqualTo(((ReactivePower.PowerFactor) user.reactive()).powerFactor());
            assertThat(node.has("leading")).isFalse();
        }
        assertNetwork(document.get("network"), fleet.network());
    }

    private static void assertReactive(JsonNode node, ReactivePower reactive) {
        switch (reactive) {
            case ReactivePower.PowerFactor pf -> {
                assertThat(node.get("powerFactor").asDouble()).isEqualTo(pf.powerFactor());
                assertThat(node.path("absorbing").asBoolean(false)).isEqualTo(pf.reversed());
                assertThat(node.has("kvar")).isFalse();
            }
            case ReactivePower.FixedKvar q -> {
                assertThat(node.get("kvar").asDouble()).isEqualTo(q.kvar());
                assertThat(node.has("powerFactor")).isFalse();
            }
        }
    }

    private static void assertNetwork(JsonNode node, Network network) {
        assertThat(node.get("slackBus").asText()).isEqualTo(network.slackBus().orElseThrow().value());
        assertThat(node.get("slackVoltagePu").asDouble()).isEqualTo(network.slackVoltagePu());
        assertThat(node.get("buses")).hasSize(network.buses().size());
        for (int b = 0; b < network.buses().size(); b++) {
            assertThat(node.get("buses").get(b).get("id").asText()).isEqualTo(network.buses().get(b).id().value());
            assertThat(node.get("buses").get(b).get("nominalKv").asDouble()).isEqualTo(network.buses().get(b).nominalKv());
        }
        assertThat(node.get("lines")).hasSize(network.lines().size());
        for (int l = 0; l < network.lines().size(); l++) {
            Line line = network.lines().get(l);
            JsonNode n = node.get("lines").get(l);
            assertThat(List.of(n.get("id").asText(), n.get("from").asText(), n.get("to").asText()))
                    .containsExactly(line.id(), line.from().value(), line.to().value());
            assertThat(n.get("resistanceOhm").asDouble()).isEqualTo(line.resistanceOhm());
            assertThat(n.get("reactanceOhm").asDouble()).isEqualTo(line.reactanceOhm());
            assertThat(n.get("shuntSusceptanceS").asDouble()).isEqualTo(line.shuntSusceptanceS());
            assertThat(n.get("ratingA").asDouble()).isCloseTo(line.ratingA(), within(0.0005));
        }
        assertThat(node.get("transformers")).hasSize(network.transformers().size());
        for (int t = 0; t < network.transformers().size(); t++) {
            Transformer transformer = network.transformers().get(t);
            JsonNode n = node.get("transformers").get(t);
            assertThat(List.of(n.get("id").asText(), n.get("from").asText(), n.get("to").asText()))
                    .containsExactly(transformer.id(), transformer.from().value(), transformer.to().value());
            assertThat(n.get("ratedKva").asDouble()).isEqualTo(transformer.ratedKva());
            assertThat(n.get("resistancePercent").asDouble()).isEqualTo(transformer.resistancePercent());
            assertThat(n.get("reactancePercent").asDouble()).isEqualTo(transformer.reactancePercent());
            assertThat(n.get("tapRatio").asDouble()).isEqualTo(transformer.tapRatio());
        }
    }

    @Test
    void reactiveSettingsTransformersAndRatingsOfAnyFleetAreWrittenAsTheFormatSays(@TempDir Path other) throws IOException {
        // what a fleet read from a file may hold beyond what the generator makes
        List<Asset> assets = new ArrayList<>(fleet.assets());
        assets.set(0, withReactive(assets.get(0), new ReactivePower.PowerFactor(0.9, true)));
        assets.set(1, withReactive(assets.get(1), new ReactivePower.FixedKvar(-120.5)));
        assets.set(2, withReactive(assets.get(2), new ReactivePower.PowerFactor(0.85, false)));
        List<EndUser> users = new ArrayList<>(fleet.endUsers());
        EndUser first = users.getFirst();
        users.set(0, new EndUser(first.id(), first.name(), first.bus(), first.customerClass(), new ReactivePower.PowerFactor(0.8, true)));
        Network network = fleet.network();
        List<Line> lines = new ArrayList<>(network.lines());
        Line line = lines.getFirst();
        // a rating read as ratingKva: 5000 kVA at 12.47 kV
        lines.set(0, new Line(line.id(), line.from(), line.to(), line.resistanceOhm(), line.reactanceOhm(), line.shuntSusceptanceS(),
                5000 / (Math.sqrt(3) * 12.47)));
        List<Transformer> transformers = new ArrayList<>(network.transformers());
        transformers.add(new Transformer("tx-spare", network.slackBus().orElseThrow(), network.transformers().getFirst().to(), 2500, 0.8, 5.75, 1.025));
        SyntheticFleet changed = new SyntheticFleet(fleet.name(), fleet.currency(), fleet.timeGrid(), fleet.gridConnection(),
                fleet.reserve(), new Network(network.buses(), lines, transformers, network.slackBus(), 0.98), assets, users,
                fleet.demandKwByEndUser(), fleet.forecastKwByAsset(), fleet.salePricePerKwh(), fleet.importTariffPerKwh());

        FleetWriter.write(changed, other);

        JsonNode written = new YAMLMapper().readTree(other.resolve(FleetWriter.FLEET_FILE).toFile());
        for (int d = 0; d < 3; d++) {
            assertReactive(written.get("devices").get(d).get("reactive"), assets.get(d).info().reactive());
        }
        assertThat(written.at("/devices/0/reactive/absorbing").asBoolean()).isTrue();
        assertThat(written.at("/devices/1/reactive/kvar").asDouble()).isEqualTo(-120.5);
        assertThat(written.at("/endUsers/0/powerFactor").asDouble()).isEqualTo(0.8);
        assertThat(written.at("/endUsers/0/leading").asBoolean()).isTrue();
        assertThat(written.at("/network/slackVoltagePu").asDouble()).isEqualTo(0.98);
        // 5000 / (√3 · 12.47) = 231.4957 A, kept to the milliampere
        assertThat(written.at("/network/lines/0/ratingA").asDouble()).isEqualTo(231.496);
        assertThat(written.at("/network/transformers/1/tapRatio").asDouble()).isEqualTo(1.025);
        assertNetwork(written.get("network"), changed.network());
    }

    @Test
    void endUserWithAFixedKvarCannotBeWritten(@TempDir Path other) {
        List<EndUser> users = new ArrayList<>(fleet.endUsers());
        EndUser first = users.getFirst();
        users.set(0, new EndUser(first.id(), first.name(), first.bus(), first.customerClass(), new ReactivePower.FixedKvar(10)));
        SyntheticFleet changed = new SyntheticFleet(fleet.name(), fleet.currency(), fleet.timeGrid(), fleet.gridConnection(),
                fleet.reserve(), fleet.network(), fleet.assets(), users, fleet.demandKwByEndUser(), fleet.forecastKwByAsset(),
                fleet.salePricePerKwh(), fleet.importTariffPerKwh());

        assertThatThrownBy(() -> FleetWriter.write(changed, other)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0 kvar");
    }

    private static Asset withReactive(Asset asset, ReactivePower reactive) {
        AssetInfo i = asset.info();
        AssetInfo info = new AssetInfo(i.id(), i.name(), i.type(), i.location(), i.bus(), i.ratedPowerKw(), i.availability(),
                i.reliability(), i.maintenance(), i.exportAllowed(), i.omCostPerKwh(), reactive);
        return switch (asset) {
            case Generator g -> new Generator(info, g.minStablePowerKw(), g.rampUpKwPerMin(), g.rampDownKwPerMin(), g.minUpTimeHours(),
                    g.minDownTimeHours(), g.startUp(), g.initialState(), g.costCurve(), g.runHourLimit(), g.co2KgPerKwh());
            case Renewable r -> new Renewable(info, r.curtailable());
            case Storage s -> new Storage(info, s.energyCapacityKwh(), s.maxChargeKw(), s.maxDischargeKw(), s.chargeEfficiency(),
                    s.dischargeEfficiency(), s.selfDischargePerHour(), s.minSoc(), s.maxSoc(), s.initialSoc(), s.finalSoc(),
                    s.degradationCostPerKwh());
        };
    }

    private static void assertCost(JsonNode cost, CostCurve curve) {
        switch (curve) {
            case CostCurve.Quadratic q -> {
                assertThat(cost.at("/quadratic/noLoadPerHour").asDouble()).isEqualTo(q.noLoadCostPerHour());
                assertThat(cost.at("/quadratic/perKwh").asDouble()).isEqualTo(q.costPerKwh());
                assertThat(cost.at("/quadratic/perKw2h").asDouble()).isEqualTo(q.costPerKw2h());
            }
            case CostCurve.PiecewiseLinear p -> {
                assertThat(cost.get("piecewiseLinear")).hasSize(p.points().size());
                assertThat(cost.get("piecewiseLinear").get(0).get("costPerHour").asDouble()).isEqualTo(p.points().getFirst().value());
            }
            case CostCurve.FuelBased f when f.fuel().equals("diesel") -> {
                JsonNode points = cost.at("/fuel/heatRateBtuPerKwh");
                assertThat(points).hasSize(f.efficiency().size());
                for (int i = 0; i < points.size(); i++) {
                    // the format's own conversion gives back the generated efficiency exactly
                    assertThat(DeviceCatalog.BTU_PER_KWH / points.get(i).get("heatRate").asDouble())
                            .isEqualTo(f.efficiency().get(i).value());
                }
            }
            case CostCurve.FuelBased f -> {
                assertThat(cost.at("/fuel/name").asText()).isEqualTo(f.fuel());
                assertThat(cost.at("/fuel/efficiency/0/efficiency").asDouble()).isEqualTo(f.efficiency().getFirst().value());
            }
        }
    }

    @Test
    void fuelCurvesAppearBothAsEfficiencyAndAsHeatRate() {
        List<String> forms = new ArrayList<>();
        for (JsonNode device : document.get("devices")) {
            if (device.has("cost")) {
                device.get("cost").fieldNames().forEachRemaining(forms::add);
                device.path("cost").path("fuel").fieldNames().forEachRemaining(forms::add);
            }
        }
        assertThat(forms).contains("quadratic", "piecewiseLinear", "fuel", "efficiency", "heatRateBtuPerKwh");
    }

    @Test
    void maintenanceWindowsAreWrittenToTheCsvOnly() throws IOException {
        for (JsonNode device : document.get("devices")) {
            assertThat(device.has("maintenance")).isFalse();
        }
        List<List<String>> rows = csv(FleetWriter.MAINTENANCE_FILE);
        List<List<String>> expected = new ArrayList<>();
        expected.add(List.of("device", "start", "end", "reason"));
        fleet.maintenanceByAsset().forEach((id, windows) -> {
            for (MaintenanceWindow w : windows) {
                expected.add(List.of(id.value(), w.start().toString(), w.end().toString(), w.reason()));
            }
        });

        assertThat(rows).isEqualTo(expected).hasSizeGreaterThan(1);
    }

    @Test
    void demandCsvIsWideWithOneColumnPerEndUserAndOneRowPerInterval() throws IOException {
        List<List<String>> rows = csv(FleetWriter.DEMAND_FILE);

        List<String> header = new ArrayList<>(List.of("time"));
        fleet.endUsers().forEach(u -> header.add(u.id().value()));
        assertThat(rows.getFirst()).isEqualTo(header);
        assertThat(rows).hasSize(97);
        for (int k = 1; k < rows.size(); k++) {
            List<String> row = rows.get(k);
            assertThat(Instant.parse(row.getFirst())).isEqualTo(FleetSpec.DEFAULT_START.plus(Duration.ofMinutes(15L * (k - 1))));
            for (int u = 1; u < row.size(); u++) {
                EndUserId id = EndUserId.of(header.get(u));
                assertThat(Double.parseDouble(row.get(u))).isEqualTo(fleet.demandKwByEndUser().get(id).get(k - 1).value());
            }
        }
    }

    @Test
    void forecastsCsvHasAColumnForEveryRenewableAndNoOther() throws IOException {
        List<List<String>> rows = csv(FleetWriter.FORECASTS_FILE);

        List<String> header = new ArrayList<>(List.of("time"));
        fleet.assets().stream().filter(a -> a instanceof Renewable).forEach(a -> header.add(a.id().value()));
        assertThat(rows.getFirst()).isEqualTo(header);
        assertThat(rows).hasSize(97);
        Map<String, Integer> column = new HashMap<>();
        for (int c = 1; c < header.size(); c++) {
            column.put(header.get(c), c);
        }
        fleet.forecastKwByAsset().forEach((AssetId id, List<Sample> series) -> {
            for (int k = 0; k < series.size(); k++) {
                assertThat(Double.parseDouble(rows.get(k + 1).get(column.get(id.value())))).isEqualTo(series.get(k).value());
            }
        });
    }

    @Test
    void pricesCsvHasSaleAndImportColumns() throws IOException {
        List<List<String>> rows = csv(FleetWriter.PRICES_FILE);

        assertThat(rows.getFirst()).containsExactly("time", "salePricePerKwh", "importTariffPerKwh");
        assertThat(rows).hasSize(97);
        assertThat(Double.parseDouble(rows.get(1).get(2))).isEqualTo(0.11);
        assertThat(Double.parseDouble(rows.get(1).get(1))).isEqualTo(fleet.salePricePerKwh().getFirst().value());
    }

    @Test
    void timesAreUtcInstantsAndNumbersArePlainDecimals() throws IOException {
        for (String file : List.of(FleetWriter.DEMAND_FILE, FleetWriter.FORECASTS_FILE, FleetWriter.PRICES_FILE)) {
            List<List<String>> rows = csv(file);
            for (List<String> row : rows.subList(1, rows.size())) {
                assertThat(row.getFirst()).matches(INSTANT);
                assertThat(row.subList(1, row.size())).allSatisfy(v -> assertThat(v).matches(PLAIN_NUMBER));
            }
        }
        String yaml = Files.readString(dir.resolve(FleetWriter.FLEET_FILE));
        assertThat(yaml).doesNotContainPattern("\\d[eE][-+]?\\d").doesNotContain(".0\n").doesNotContain("---");
    }

    @Test
    void writerRoundsPowerToOneWatt(@TempDir Path other) throws IOException {
        EndUserId first = fleet.endUsers().getFirst().id();
        Map<EndUserId, List<Sample>> demand = new HashMap<>(fleet.demandKwByEndUser());
        demand.put(first, demand.get(first).stream().map(s -> new Sample(s.time(), 1.23456789)).toList());
        SyntheticFleet unrounded = new SyntheticFleet(fleet.name(), fleet.currency(), fleet.timeGrid(), fleet.gridConnection(),
                fleet.reserve(), fleet.network(), fleet.assets(), fleet.endUsers(), demand, fleet.forecastKwByAsset(),
                fleet.salePricePerKwh(), fleet.importTariffPerKwh());

        FleetWriter.write(unrounded, other);

        assertThat(Files.readAllLines(other.resolve(FleetWriter.DEMAND_FILE)).get(1).split(",")[1]).isEqualTo("1.235");
    }

    @Test
    void finalSocIsWrittenOnlyWhenItIsNotTheInitialSoc(@TempDir Path other) throws IOException {
        int first = firstStorageIndex();
        Storage s = (Storage) fleet.assets().get(first);
        assertThat(document.get("devices").get(first).has("finalSoc")).as("the example keeps the default").isFalse();
        List<Asset> assets = new ArrayList<>(fleet.assets());
        assets.set(first, new Storage(s.info(), s.energyCapacityKwh(), s.maxChargeKw(), s.maxDischargeKw(), s.chargeEfficiency(),
                s.dischargeEfficiency(), s.selfDischargePerHour(), s.minSoc(), s.maxSoc(), s.initialSoc(), s.maxSoc(),
                s.degradationCostPerKwh()));
        SyntheticFleet withTarget = new SyntheticFleet(fleet.name(), fleet.currency(), fleet.timeGrid(), fleet.gridConnection(),
                fleet.reserve(), fleet.network(), assets, fleet.endUsers(), fleet.demandKwByEndUser(), fleet.forecastKwByAsset(),
                fleet.salePricePerKwh(), fleet.importTariffPerKwh());

        FleetWriter.write(withTarget, other);

        JsonNode devices = new YAMLMapper().readTree(other.resolve(FleetWriter.FLEET_FILE).toFile()).get("devices");
        assertThat(devices.get(first).get("finalSoc").asDouble()).isEqualTo(s.maxSoc());
        assertThat(devices.get(first).get("initialSoc").asDouble()).isEqualTo(s.initialSoc());
    }

    private static int firstStorageIndex() {
        for (int d = 0; d < fleet.assets().size(); d++) {
            if (fleet.assets().get(d) instanceof Storage) {
                return d;
            }
        }
        throw new AssertionError("the example has no storage");
    }

    @Test
    void decimalsArePlainAndShortest() {
        assertThat(Decimals.plain(1500.0)).isEqualTo("1500");
        assertThat(Decimals.plain(0.1)).isEqualTo("0.1");
        assertThat(Decimals.plain(0.00000219)).isEqualTo("0.00000219");
        assertThat(Decimals.plain(1.0e7)).isEqualTo("10000000");
        assertThat(Decimals.plain(-0.0)).isEqualTo("0");
        assertThat(Decimals.plain(-0.0004, 3)).isEqualTo("0");
        assertThat(Decimals.plain(2.0004999, 3)).isEqualTo("2");
        assertThat(Decimals.round(0.1 + 0.2, 6)).isEqualTo(0.3);
        assertThat(Decimals.roundSignificant(0.000012345, 3)).isCloseTo(0.0000123, within(1e-15));
    }

    private static void collectUnknown(String path, JsonNode value, Set<String> allowed, List<String> unknown) {
        if (!allowed.contains(path)) {
            unknown.add(path);
        }
        if (value.isObject()) {
            value.properties().forEach(field -> collectUnknown(path + "." + field.getKey(), field.getValue(), allowed, unknown));
        } else if (value.isArray()) {
            for (JsonNode element : value) {
                element.properties().forEach(field -> collectUnknown(path + "[]." + field.getKey(), field.getValue(), allowed, unknown));
            }
        }
    }

    private static List<List<String>> csv(String file) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(dir.resolve(file).toFile())) {
            return rows.readAll();
        }
    }
}
