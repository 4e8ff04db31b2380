package org.gridfleet.synth;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Sample;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.AssetInfo;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.MaintenanceWindow;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.Bus;
import org.gridfleet.model.fleet.EndUser;
import org.gridfleet.model.fleet.Line;
import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.fleet.ReactivePower;
import org.gridfleet.model.fleet.Transformer;

/**
 * Writes a {@link SyntheticFleet} as the fleet files of docs/fleet-format.md: {@value #FLEET_FILE} and, next to
 * it, {@value #DEMAND_FILE}, {@value #FORECASTS_FILE}, {@value #PRICES_FILE} and {@value #MAINTENANCE_FILE}.
 *
 * <p>Choices within the format:
 * <ul>
 *   <li>Maintenance windows are written to {@value #MAINTENANCE_FILE} only; no device in {@value #FLEET_FILE}
 *       has a {@code maintenance} field. The CSV is written, header only, even when there are none.</li>
 *   <li>Prices are given by {@value #PRICES_FILE}, so the flat {@code prices} block is left out.</li>
 *   <li>Every other field is written with its value, defaults included, except {@code runHours} for
 *       generators without a run-hour limit (the format has no way to say "no limit" but leaving it out), a
 *       storage {@code finalSoc} equal to its default, the initial state of charge (so that fleets written before
 *       the field existed stay byte for byte the same), and the direction flags {@code absorbing} (devices) and
 *       {@code leading} (end-users), written only when true.</li>
 *   <li>A device's {@code reactive} is written as {@code {powerFactor}} or {@code {kvar}}, whichever it has; unity
 *       is {@code {powerFactor: 1}}. Every end-user has its {@code powerFactor}.</li>
 *   <li>Line ratings are written as {@code ratingA} (a fleet read with {@code ratingKva} comes back in ampere).</li>
 *   <li>Fuel curves of {@code diesel} are written as {@code heatRateBtuPerKwh} (whole Btu/kWh, as diesel
 *       gen-set data sheets give them), other fuels as {@code efficiency}.</li>
 *   <li>Numbers are plain decimals, rounded: power and energy to 0.001 kW(h), prices per kWh to 6 decimals,
 *       fractions to 6, coordinates to 6 (about 0.1 m); times are UTC instants such as
 *       {@code 2026-11-23T07:00:00Z}. Lines end with a line feed; text is UTF-8.</li>
 * </ul>
 * The same fleet always gives the same bytes.
 */
public final class FleetWriter {
    public static final String FLEET_FILE = "fleet.yaml";
    public static final String DEMAND_FILE = "demand.csv";
    public static final String FORECASTS_FILE = "forecasts.csv";
    public static final String PRICES_FILE = "prices.csv";
    public static final String MAINTENANCE_FILE = "maintenance.csv";
    public static final int FORMAT_VERSION = 1;

    private static final int KW = 3;
    private static final int FRACTION = 6;
    private static final int HOURS = 3;
    private static final int MONEY = 4;
    private static final int PRICE = 6;
    private static final int SMALL_COEFFICIENT = 12;
    private static final int DEGREES = 6;
    private static final int OHM = 5;
    /** Ampere to 0.001, so that a rating read from kVA comes back within a milliampere. */
    private static final int AMPERE = 3;
    private static final int PERCENT = 4;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private FleetWriter() {}

    /** Writes the five files into {@code dir}, creating it if needed and replacing files of the same names. */
    public static void write(SyntheticFleet fleet, Path dir) throws IOException {
        ObjectNode document = document(fleet); // before any file is touched: a fleet the format cannot hold throws here
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve(FLEET_FILE), StandardCharsets.UTF_8)) {
            YAML.writeValue(out, document);
        }
        String[] times = new String[fleet.timeGrid().intervals()];
        for (int k = 0; k < times.length; k++) {
            times[k] = fleet.timeGrid().startOf(k).toString();
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(DEMAND_FILE), StandardCharsets.UTF_8)) {
            List<EndUser> users = fleet.endUsers();
            writeWide(out, times, users.stream().map(u -> u.id().value()).toList(),
                    users.stream().map(u -> fleet.demandKwByEndUser().get(u.id())).toList(), KW);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(FORECASTS_FILE), StandardCharsets.UTF_8)) {
            List<AssetId> renewables = fleet.assets().stream().filter(a -> a instanceof Renewable).map(Asset::id).toList();
            writeWide(out, times, renewables.stream().map(AssetId::value).toList(),
                    renewables.stream().map(id -> fleet.forecastKwByAsset().get(id)).toList(), KW);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(PRICES_FILE), StandardCharsets.UTF_8)) {
            writeWide(out, times, List.of("salePricePerKwh", "importTariffPerKwh"),
                    List.of(fleet.salePricePerKwh(), fleet.importTariffPerKwh()), PRICE);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve(MAINTENANCE_FILE), StandardCharsets.UTF_8)) {
            out.write("device,start,end,reason\n");
            for (Asset asset : fleet.assets()) {
                for (MaintenanceWindow window : asset.info().maintenance()) {
                    out.write(asset.id() + "," + window.start() + "," + window.end() + "," + csvText(window.reason()) + "\n");
                }
            }
        }
    }

    /** The fleet document as a tree, fields in the order of docs/fleet-format.md. */
    static ObjectNode document(SyntheticFleet fleet) {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("name", fleet.name());
        root.put("currency", fleet.currency());
        ObjectNode horizon = root.putObject("horizon");
        horizon.put("start", fleet.timeGrid().start().toString());
        horizon.put("step", fleet.timeGrid().step().toString());
        horizon.put("intervals", fleet.timeGrid().intervals());
        ObjectNode grid = root.putObject("grid");
        grid.put("mode", fleet.gridConnection().islanded() ? "islanded" : "grid-connected");
        if (!fleet.gridConnection().islanded()) {
            grid.set("maxImportKw", number(fleet.gridConnection().maxImportKw(), KW));
            grid.set("maxExportKw", number(fleet.gridConnection().maxExportKw(), KW));
        }
        ObjectNode reserve = root.putObject("reserve");
        reserve.set("fractionOfDemand", number(fleet.reserve().fractionOfDemand(), FRACTION));
        reserve.put("coverLargestUnit", fleet.reserve().coverLargestUnit());
        reserve.set("minimumKw", number(fleet.reserve().minimumKw(), KW));
        ObjectNode series = root.putObject("series");
        series.put("demand", DEMAND_FILE);
        series.put("forecasts", FORECASTS_FILE);
        series.put("prices", PRICES_FILE);
        series.put("maintenance", MAINTENANCE_FILE);
        if (!fleet.network().isEmpty()) {
            root.set("network", network(fleet.network()));
        }
        ArrayNode devices = root.putArray("devices");
        fleet.assets().forEach(asset -> devices.add(device(asset)));
        ArrayNode endUsers = root.putArray("endUsers");
        for (EndUser user : fleet.endUsers()) {
            ObjectNode node = endUsers.addObject();
            node.put("id", user.id().value());
            node.put("name", user.name());
            node.put("bus", user.bus().value());
            node.put("class", user.customerClass().name().toLowerCase(java.util.Locale.ROOT));
            endUserReactive(node, user.reactive());
        }
        return root;
    }

    private static ObjectNode network(Network network) {
        ObjectNode node = NODES.objectNode();
        network.slackBus().ifPresent(slack -> node.put("slackBus", slack.value()));
        node.set("slackVoltagePu", number(network.slackVoltagePu(), FRACTION));
        ArrayNode buses = node.putArray("buses");
        for (Bus bus : network.buses()) {
            ObjectNode b = buses.addObject();
            b.put("id", bus.id().value());
            b.set("nominalKv", number(bus.nominalKv(), KW));
        }
        ArrayNode lines = node.putArray("lines");
        for (Line line : network.lines()) {
            ObjectNode l = lines.addObject();
            l.put("id", line.id());
            l.put("from", line.from().value());
            l.put("to", line.to().value());
            l.set("resistanceOhm", number(line.resistanceOhm(), OHM));
            l.set("reactanceOhm", number(line.reactanceOhm(), OHM));
            l.set("shuntSusceptanceS", number(line.shuntSusceptanceS(), SMALL_COEFFICIENT));
            l.set("ratingA", number(line.ratingA(), AMPERE));
        }
        ArrayNode transformers = node.putArray("transformers");
        for (Transformer transformer : network.transformers()) {
            ObjectNode t = transformers.addObject();
            t.put("id", transformer.id());
            t.put("from", transformer.from().value());
            t.put("to", transformer.to().value());
            t.set("ratedKva", number(transformer.ratedKva(), KW));
            t.set("resistancePercent", number(transformer.resistancePercent(), PERCENT));
            t.set("reactancePercent", number(transformer.reactancePercent(), PERCENT));
            t.set("tapRatio", number(transformer.tapRatio(), FRACTION));
        }
        return node;
    }

    /** {@code {powerFactor[, absorbing: true]}} or {@code {kvar}}: positive kvar and power factors deliver to the grid. */
    private static ObjectNode deviceReactive(ReactivePower reactive) {
        ObjectNode node = NODES.objectNode();
        switch (reactive) {
            case ReactivePower.PowerFactor pf -> {
                node.set("powerFactor", number(pf.powerFactor(), FRACTION));
                if (pf.reversed()) {
                    node.put("absorbing", true);
                }
            }
            case ReactivePower.FixedKvar q -> node.set("kvar", number(q.kvar(), KW));
        }
        return node;
    }

    /** An end-user's {@code powerFactor[, leading: true]}; the format has no fixed kvar for end-users. */
    private static void endUserReactive(ObjectNode node, ReactivePower reactive) {
        switch (reactive) {
            case ReactivePower.PowerFactor pf -> {
                node.set("powerFactor", number(pf.powerFactor(), FRACTION));
                if (pf.reversed()) {
                    node.put("leading", true);
                }
            }
            case ReactivePower.FixedKvar q -> throw new IllegalArgumentException(
                    "a fleet file gives an end-user's reactive power as a power factor, not as a fixed " + q.kvar() + " kvar");
        }
    }

    private static ObjectNode device(Asset asset) {
        AssetInfo info = asset.info();
        ObjectNode node = NODES.objectNode();
        node.put("id", info.id().value());
        node.put("type", info.type().fileName());
        node.put("name", info.name());
        ObjectNode location = node.putObject("location");
        location.set("latitude", number(info.location().latitudeDeg(), DEGREES));
        location.set("longitude", number(info.location().longitudeDeg(), DEGREES));
        node.put("bus", info.bus().value());
        node.set("ratedPowerKw", number(info.ratedPowerKw(), KW));
        node.set("availability", number(info.availability(), FRACTION));
        node.put("exportAllowed", info.exportAllowed());
        node.set("omCostPerKwh", number(info.omCostPerKwh(), PRICE));
        node.set("reactive", deviceReactive(info.reactive()));
        if (info.reliability().forcedOutageRate() > 0) {
            ObjectNode reliability = node.putObject("reliability");
            reliability.set("forcedOutageRate", number(info.reliability().forcedOutageRate(), FRACTION));
            reliability.set("mttfHours", number(info.reliability().mttfHours(), HOURS));
            reliability.set("mttrHours", number(info.reliability().mttrHours(), HOURS));
        }
        switch (asset) {
            case Generator g -> generator(node, g);
            case Renewable r -> node.put("curtailable", r.curtailable());
            case Storage s -> storage(node, s);
        }
        return node;
    }

    private static void generator(ObjectNode node, Generator g) {
        node.set("minStablePowerKw", number(g.minStablePowerKw(), KW));
        node.set("rampUpKwPerMin", number(g.rampUpKwPerMin(), KW));
        node.set("rampDownKwPerMin", number(g.rampDownKwPerMin(), KW));
        node.set("minUpTimeHours", number(g.minUpTimeHours(), HOURS));
        node.set("minDownTimeHours", number(g.minDownTimeHours(), HOURS));
        ObjectNode startUp = node.putObject("startUp");
        startUp.set("hotCost", number(g.startUp().hotStartCost(), MONEY));
        startUp.set("coldCost", number(g.startUp().coldStartCost(), MONEY));
        startUp.set("coldAfterHours", number(g.startUp().coldStartAfterHours(), HOURS));
        startUp.set("timeMinutes", number(g.startUp().startUpTimeMinutes(), HOURS));
        ObjectNode initial = node.putObject("initialState");
        initial.put("on", g.initialState().on());
        initial.set("hoursInState", number(g.initialState().hoursInState(), HOURS));
        initial.set("powerKw", number(g.initialState().powerKw(), KW));
        node.set("cost", cost(g.costCurve()));
        if (Double.isFinite(g.runHourLimit().maxHoursPerYear())) {
            ObjectNode runHours = node.putObject("runHours");
            runHours.set("maxPerYear", number(g.runHourLimit().maxHoursPerYear(), HOURS));
            runHours.set("usedThisYear", number(g.runHourLimit().usedHours(), HOURS));
        }
        node.set("co2KgPerKwh", number(g.co2KgPerKwh(), FRACTION));
    }

    private static ObjectNode cost(CostCurve curve) {
        ObjectNode cost = NODES.objectNode();
        switch (curve) {
            case CostCurve.Quadratic q -> {
                ObjectNode quadratic = cost.putObject("quadratic");
                quadratic.set("noLoadPerHour", number(q.noLoadCostPerHour(), MONEY));
                quadratic.set("perKwh", number(q.costPerKwh(), PRICE));
                quadratic.set("perKw2h", number(q.costPerKw2h(), SMALL_COEFFICIENT));
            }
            case CostCurve.PiecewiseLinear p -> {
                ArrayNode points = cost.putArray("piecewiseLinear");
                for (CostCurve.Point point : p.points()) {
                    ObjectNode n = points.addObject();
                    n.set("powerKw", number(point.powerKw(), KW));
                    n.set("costPerHour", number(point.value(), MONEY));
                }
            }
            case CostCurve.FuelBased f -> {
                ObjectNode fuel = cost.putObject("fuel");
                fuel.put("name", f.fuel());
                fuel.set("pricePerKwh", number(f.fuelPricePerKwh(), PRICE));
                boolean heatRate = DeviceCatalog.DIESEL.equals(f.fuel());
                ArrayNode points = fuel.putArray(heatRate ? "heatRateBtuPerKwh" : "efficiency");
                for (CostCurve.Point point : f.efficiency()) {
                    ObjectNode n = points.addObject();
                    n.set("powerKw", number(point.powerKw(), KW));
                    if (heatRate) {
                        n.set("heatRate", number(DeviceCatalog.BTU_PER_KWH / point.value(), 0));
                    } else {
                        n.set("efficiency", number(point.value(), FRACTION));
                    }
                }
            }
        }
        return cost;
    }

    private static void storage(ObjectNode node, Storage s) {
        node.set("energyCapacityKwh", number(s.energyCapacityKwh(), KW));
        node.set("maxChargeKw", number(s.maxChargeKw(), KW));
        node.set("maxDischargeKw", number(s.maxDischargeKw(), KW));
        node.set("chargeEfficiency", number(s.chargeEfficiency(), FRACTION));
        node.set("dischargeEfficiency", number(s.dischargeEfficiency(), FRACTION));
        node.set("selfDischargePerHour", number(s.selfDischargePerHour(), FRACTION));
        node.set("minSoc", number(s.minSoc(), FRACTION));
        node.set("maxSoc", number(s.maxSoc(), FRACTION));
        node.set("initialSoc", number(s.initialSoc(), FRACTION));
        if (s.finalSoc() != Storage.defaultFinalSoc(s.initialSoc(), s.minSoc(), s.maxSoc())) {
            node.set("finalSoc", number(s.finalSoc(), FRACTION));
        }
        node.set("degradationCostPerKwh", number(s.degradationCostPerKwh(), PRICE));
    }

    /** A YAML number: an integer when the rounded value is whole, else a plain decimal. */
    private static JsonNode number(double value, int places) {
        double rounded = Decimals.round(value, places);
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return LongNode.valueOf((long) rounded);
        }
        return DecimalNode.valueOf(new BigDecimal(Decimals.plain(rounded)));
    }

    /** {@code time,<column>,...} then one row per sample; every series has one sample per row. */
    private static void writeWide(Writer out, String[] times, List<String> columns, List<List<Sample>> series,
                                  int places) throws IOException {
        StringBuilder row = new StringBuilder(16 * (columns.size() + 2));
        row.append("time");
        columns.forEach(c -> row.append(',').append(c));
        out.write(row.append('\n').toString());
        for (int k = 0; k < times.length; k++) {
            row.setLength(0);
            row.append(times[k]);
            for (List<Sample> values : series) {
                row.append(',').append(Decimals.plain(values.get(k).value(), places));
            }
            out.write(row.append('\n').toString());
        }
    }

    /** A CSV cell: quoted, with quotes doubled, when it holds a comma, a quote or a line break. */
    private static String csvText(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
