package org.gridfleet.plan.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.plan.evaluate.PlanMetrics;

/**
 * A dispatch plan, and optionally its metrics, as JSON; reading gives back an equal plan.
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "generator": "merit-order",
 *   "objective": {"cost": 1.0},                                  weights by objective kind
 *   "status": {"label": "infeasible", "reason": "...",           label: optimal | feasible | heuristic | infeasible;
 *              "shortfalls": [{"interval": 1, "kind": "demand",   feasible adds "relativeGap"
 *                              "requiredKw": 1200.0, "deliveredKw": 938.0}]},
 *   "grid": {"start": "2026-11-23T00:00:00Z", "step": "PT1H", "intervals": 4},   ISO-8601 instant and duration
 *   "importKw": [...], "exportKw": [...],                        one value per interval
 *   "schedules": [{"asset": "GEN-A", "type": "reciprocating-engine",
 *                  "powerKw": [...], "committed": [...],         powerKw positive into the grid
 *                  "socFraction": [...]}],                       storage only: 0..1 at the end of each interval
 *   "metrics": {...}                                             optional: PlanMetrics, money in "currency"
 * }
 * }</pre>
 */
public final class PlanJson {
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private PlanJson() {}

    public static String write(DispatchPlan plan) {
        return write(plan, Optional.empty());
    }

    public static String write(DispatchPlan plan, PlanMetrics metrics) {
        return write(plan, Optional.of(metrics));
    }

    private static String write(DispatchPlan plan, Optional<PlanMetrics> metrics) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("generator", plan.generator());
        ObjectNode objective = root.putObject("objective");
        new EnumMap<>(plan.objective().weights()).forEach((kind, weight) -> objective.put(name(kind), weight));
        writeStatus(root.putObject("status"), plan.status());
        ObjectNode grid = root.putObject("grid");
        grid.put("start", plan.grid().start().toString());
        grid.put("step", plan.grid().step().toString());
        grid.put("intervals", plan.grid().intervals());
        numbers(root.putArray("importKw"), plan.importKw());
        numbers(root.putArray("exportKw"), plan.exportKw());
        ArrayNode schedules = root.putArray("schedules");
        for (DeviceSchedule s : plan.schedules()) {
            ObjectNode node = schedules.addObject();
            node.put("asset", s.asset().value());
            node.put("type", s.type().fileName());
            numbers(node.putArray("powerKw"), s.powerKw());
            ArrayNode committed = node.putArray("committed");
            s.committed().forEach(committed::add);
            if (s.socFraction().size() > 0) {
                numbers(node.putArray("socFraction"), s.socFraction());
            }
        }
        metrics.ifPresent(m -> writeMetrics(root.putObject("metrics"), m));
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write plan JSON", e);
        }
    }

    /** Reads a plan; a malformed document throws {@link IllegalArgumentException} naming the field. */
    public static DispatchPlan read(String json) {
        JsonNode root = parse(json);
        int version = integer(root, "formatVersion");
        if (version != FORMAT_VERSION) {
            throw new IllegalArgumentException("plan JSON: formatVersion " + version + " is not supported (expected " + FORMAT_VERSION + ")");
        }
        Map<ObjectiveKind, Double> weights = new EnumMap<>(ObjectiveKind.class);
        object(root, "objective").properties().forEach(e -> weights.put(objectiveKind(e.getKey()), number(e.getValue(), "objective." + e.getKey())));
        JsonNode gridNode = object(root, "grid");
        TimeGrid grid;
        try {
            grid = new TimeGrid(Instant.parse(text(gridNode, "grid.start")), Duration.parse(text(gridNode, "grid.step")),
                    integer(gridNode, "grid.intervals"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("plan JSON: grid: " + e.getMessage(), e);
        }
        List<DeviceSchedule> schedules = new ArrayList<>();
        JsonNode scheduleNodes = array(root, "schedules");
        for (int k = 0; k < scheduleNodes.size(); k++) {
            JsonNode node = scheduleNodes.get(k);
            String at = "schedules[" + k + "].";
            String type = text(node, at + "type");
            List<Boolean> committed = new ArrayList<>();
            JsonNode flags = array(node, at + "committed");
            for (int t = 0; t < flags.size(); t++) {
                if (!flags.get(t).isBoolean()) {
                    throw malformed(at + "committed[" + t + "]", "true or false");
                }
                committed.add(flags.get(t).booleanValue());
            }
            schedules.add(new DeviceSchedule(AssetId.of(text(node, at + "asset")),
                    DeviceType.fromFileName(type).orElseThrow(() -> malformed(at + "type", "a device type, not '" + type + "'")),
                    profile(node, at + "powerKw"), committed,
                    node.has("socFraction") ? profile(node, at + "socFraction") : Profile.zeros(0)));
        }
        return new DispatchPlan(text(root, "generator"), new Objective(weights), readStatus(object(root, "status")), grid, schedules,
                profile(root, "importKw"), profile(root, "exportKw"));
    }

    /** The metrics a plan file carries, if any. */
    public static Optional<PlanMetrics> readMetrics(String json) {
        JsonNode root = parse(json);
        if (!root.has("metrics")) {
            return Optional.empty();
        }
        JsonNode m = object(root, "metrics");
        JsonNode cost = object(m, "metrics.cost");
        JsonNode energy = object(m, "metrics.energy");
        JsonNode service = object(m, "metrics.service");
        JsonNode savings = object(m, "metrics.savings");
        return Optional.of(new PlanMetrics(text(m, "metrics.currency"),
                new PlanMetrics.Cost(
                        num(cost, "metrics.cost.operatingCost"),
                        num(cost, "metrics.cost.startUpCost"),
                        num(cost, "metrics.cost.omCost"),
                        num(cost, "metrics.cost.degradationCost"),
                        num(cost, "metrics.cost.importCost"),
                        num(cost, "metrics.cost.exportRevenue"),
                        num(cost, "metrics.cost.totalCost"),
                        num(cost, "metrics.cost.costPerKwhServed")),
                new PlanMetrics.Energy(
                        byType(energy, "netEnergyKwhByType"),
                        byType(energy, "throughputKwhByType"),
                        num(energy, "metrics.energy.importKwh"),
                        num(energy, "metrics.energy.exportKwh"),
                        num(energy, "metrics.energy.curtailedKwh"),
                        num(energy, "metrics.energy.fuelKwh"),
                        num(energy, "metrics.energy.co2Kg")),
                new PlanMetrics.Service(
                        num(service, "metrics.service.demandKwh"),
                        num(service, "metrics.service.servedKwh"),
                        num(service, "metrics.service.unservedKwh"),
                        num(service, "metrics.service.maxShortfallKw"),
                        integer(service, "metrics.service.demandShortfallIntervals"),
                        integer(service, "metrics.service.reserveShortfallIntervals")),
                new PlanMetrics.Savings(
                        num(savings, "metrics.savings.gridOnlyCost"),
                        num(savings, "metrics.savings.savings"),
                        num(savings, "metrics.savings.savingsPercent"))));
    }

    // ---- status ------------------------------------------------------------------------------------------

    private static void writeStatus(ObjectNode node, PlanStatus status) {
        node.put("label", status.label());
        switch (status) {
            case PlanStatus.Feasible f -> node.put("relativeGap", f.relativeGap());
            case PlanStatus.Infeasible i -> {
                node.put("reason", i.reason());
                ArrayNode shortfalls = node.putArray("shortfalls");
                for (Shortfall s : i.shortfalls()) {
                    ObjectNode entry = shortfalls.addObject();
                    entry.put("interval", s.interval());
                    entry.put("kind", s.kind().name().toLowerCase(Locale.ROOT));
                    entry.put("requiredKw", s.requiredKw());
                    entry.put("deliveredKw", s.deliveredKw());
                }
            }
            case PlanStatus.Optimal o -> { }
            case PlanStatus.Heuristic h -> { }
        }
    }

    private static PlanStatus readStatus(JsonNode node) {
        String label = text(node, "status.label");
        return switch (label) {
            case "optimal" -> new PlanStatus.Optimal();
            case "heuristic" -> new PlanStatus.Heuristic();
            case "feasible" -> new PlanStatus.Feasible(number(node.get("relativeGap"), "status.relativeGap"));
            case "infeasible" -> {
                List<Shortfall> shortfalls = new ArrayList<>();
                JsonNode entries = array(node, "status.shortfalls");
                for (int k = 0; k < entries.size(); k++) {
                    JsonNode e = entries.get(k);
                    String at = "status.shortfalls[" + k + "].";
                    String kind = text(e, at + "kind");
                    Shortfall.Kind parsed = switch (kind) {
                        case "demand" -> Shortfall.Kind.DEMAND;
                        case "reserve" -> Shortfall.Kind.RESERVE;
                        default -> throw malformed(at + "kind", "demand or reserve, not '" + kind + "'");
                    };
                    shortfalls.add(new Shortfall(integer(e, at + "interval"), parsed, number(e.get("requiredKw"), at + "requiredKw"),
                            number(e.get("deliveredKw"), at + "deliveredKw")));
                }
                yield new PlanStatus.Infeasible(text(node, "status.reason"), shortfalls);
            }
            default -> throw malformed("status.label", "optimal, feasible, heuristic or infeasible, not '" + label + "'");
        };
    }

    // ---- metrics -----------------------------------------------------------------------------------------

    private static void writeMetrics(ObjectNode node, PlanMetrics m) {
        node.put("currency", m.currency());
        ObjectNode cost = node.putObject("cost");
        cost.put("operatingCost", m.cost().operatingCost());
        cost.put("startUpCost", m.cost().startUpCost());
        cost.put("omCost", m.cost().omCost());
        cost.put("degradationCost", m.cost().degradationCost());
        cost.put("importCost", m.cost().importCost());
        cost.put("exportRevenue", m.cost().exportRevenue());
        cost.put("totalCost", m.cost().totalCost());
        cost.put("costPerKwhServed", m.cost().costPerKwhServed());
        ObjectNode energy = node.putObject("energy");
        ObjectNode net = energy.putObject("netEnergyKwhByType");
        inTypeOrder(m.energy().netEnergyKwhByType()).forEach((type, kwh) -> net.put(type.fileName(), kwh));
        ObjectNode throughput = energy.putObject("throughputKwhByType");
        inTypeOrder(m.energy().throughputKwhByType()).forEach((type, kwh) -> throughput.put(type.fileName(), kwh));
        energy.put("importKwh", m.energy().importKwh());
        energy.put("exportKwh", m.energy().exportKwh());
        energy.put("curtailedKwh", m.energy().curtailedKwh());
        energy.put("fuelKwh", m.energy().fuelKwh());
        energy.put("co2Kg", m.energy().co2Kg());
        ObjectNode service = node.putObject("service");
        service.put("demandKwh", m.service().demandKwh());
        service.put("servedKwh", m.service().servedKwh());
        service.put("unservedKwh", m.service().unservedKwh());
        service.put("maxShortfallKw", m.service().maxShortfallKw());
        service.put("demandShortfallIntervals", m.service().demandShortfallIntervals());
        service.put("reserveShortfallIntervals", m.service().reserveShortfallIntervals());
        ObjectNode savings = node.putObject("savings");
        savings.put("gridOnlyCost", m.savings().gridOnlyCost());
        savings.put("savings", m.savings().savings());
        savings.put("savingsPercent", m.savings().savingsPercent());
    }

    private static Map<DeviceType, Double> inTypeOrder(Map<DeviceType, Double> byType) {
        Map<DeviceType, Double> sorted = new EnumMap<>(DeviceType.class);
        sorted.putAll(byType);
        return sorted;
    }

    private static Map<DeviceType, Double> byType(JsonNode parent, String field) {
        Map<DeviceType, Double> byType = new EnumMap<>(DeviceType.class);
        object(parent, "metrics.energy." + field).properties().forEach(e -> byType.put(
                DeviceType.fromFileName(e.getKey()).orElseThrow(() -> malformed("metrics.energy." + field, "device types, not '" + e.getKey() + "'")),
                number(e.getValue(), "metrics.energy." + field + "." + e.getKey())));
        return byType;
    }

    // ---- small readers with the field's path in every error ----------------------------------------------

    private static JsonNode parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw new IllegalArgumentException("plan JSON: the document must be an object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("plan JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String name(ObjectiveKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static ObjectiveKind objectiveKind(String name) {
        for (ObjectiveKind kind : ObjectiveKind.values()) {
            if (name(kind).equals(name)) {
                return kind;
            }
        }
        throw malformed("objective." + name, "an objective kind");
    }

    private static void numbers(ArrayNode array, Profile profile) {
        profile.stream().forEach(array::add);
    }

    private static Profile profile(JsonNode parent, String path) {
        JsonNode array = array(parent, path);
        double[] values = new double[array.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = number(array.get(k), path + "[" + k + "]");
        }
        return Profile.of(values);
    }

    private static JsonNode field(JsonNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException("plan JSON: missing field '" + path + "'");
        }
        return node;
    }

    private static JsonNode object(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isObject()) {
            throw malformed(path, "an object");
        }
        return node;
    }

    private static JsonNode array(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isArray()) {
            throw malformed(path, "an array");
        }
        return node;
    }

    private static String text(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isTextual()) {
            throw malformed(path, "text");
        }
        return node.textValue();
    }

    private static int integer(JsonNode parent, String path) {
        JsonNode node = field(parent, path);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw malformed(path, "an integer");
        }
        return node.intValue();
    }

    private static double num(JsonNode parent, String path) {
        return number(field(parent, path), path);
    }

    private static double number(JsonNode node, String path) {
        if (node == null || !node.isNumber()) {
            throw malformed(path, "a number");
        }
        return node.doubleValue();
    }

    private static IllegalArgumentException malformed(String path, String expected) {
        return new IllegalArgumentException("plan JSON: '" + path + "' must be " + expected);
    }
}
