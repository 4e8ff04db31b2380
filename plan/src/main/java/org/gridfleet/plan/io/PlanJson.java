package org.gridfleet.plan.io;

import static java.util.Objects.requireNonNull;

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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
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
import org.gridfleet.plan.CapacityDiagnosis;
import org.gridfleet.plan.evaluate.NetworkMetrics;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.evaluate.ReliabilityMetrics;

/**
 * A dispatch plan, and optionally its metrics, how it was solved and how it compares with the merit-order baseline,
 * as JSON; reading gives back equal values. Every field, with units, signs and nulls: docs/plan-format.md.
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "generator": "merit-order",
 *   "objective": {"cost": 1.0},                                  weights by objective kind
 *   "status": {"label": "infeasible", "reason": "...",           label: optimal | feasible | heuristic | infeasible;
 *              "shortfalls": [{"interval": 1, "kind": "demand",   feasible adds "relativeGap"
 *                              "requiredKw": 1200.0, "deliveredKw": 938.0}],
 *              "diagnosis": [{"interval": 1, "demandKw": 1200.0,  optional: CapacityDiagnosis, what the fleet could
 *                             "reserveKw": 0.0, "ratedKw": 1000.0,   deliver at most and what holds it back
 *                             "deliverableKw": 985.5, "unservedKw": 214.5,
 *                             "causes": [{"kind": "storage-energy", "asset": "BAT-1", "kw": 14.5, "text": "..."}]}]},
 *   "grid": {"start": "2026-11-23T00:00:00Z", "step": "PT1H", "intervals": 4},   ISO-8601 instant and duration
 *   "importKw": [...], "exportKw": [...],                        one value per interval
 *   "lossesKw": [...],                                           optional: network losses the plan covers
 *   "schedules": [{"asset": "GEN-A", "type": "reciprocating-engine",
 *                  "powerKw": [...], "committed": [...],         powerKw positive into the grid
 *                  "socFraction": [...]}],                       storage only: 0..1 at the end of each interval
 *   "solve": {"solver": "milp", "requestedObjective": {"cost": 1.0},   optional: how the plan was made
 *             "timeLimitSeconds": 60.0, "relativeGapTarget": 0.0001,     null for the merit order
 *             "seconds": 12.3, "stop": "time-limit",                      finished | gap-target | time-limit | user
 *             "relativeGap": 0.0082},                                     0 optimal, null when nothing is proven
 *   "metrics": {...},                                            optional: PlanMetrics, money in "currency";
 *                                                                "metrics.network" when the fleet has a network,
 *                                                                "metrics.reliability" when reliability was assessed
 *   "baseline": {"generator": "merit-order", "status": "heuristic",   optional: the merit-order plan of the same
 *                "savings": 120.5, "savingsPercent": 4.1,             problem; savings = its total cost − this one's
 *                "metrics": {...}}
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

    /**
     * How a plan was made.
     *
     * @param solver             the solver asked for ({@code milp} or {@code merit-order}); the plan's {@code generator}
     *                           says which one produced it (the MILP falls back to the merit order when it finds no plan)
     * @param requestedObjective the objective asked for; the plan's own {@code objective} is what produced it
     * @param seconds            wall-clock time of the solve, s
     * @param stop               why the solver stopped
     * @param timeLimit          the solver's time limit; empty for solvers without one (the merit order)
     * @param relativeGapTarget  the gap at which the solver stops, e.g. 1e-4 = 0.01 %; empty for solvers without one
     */
    public record Solve(String solver, Objective requestedObjective, double seconds, Stop stop, Optional<Duration> timeLimit,
                        OptionalDouble relativeGapTarget) {
        public Solve {
            requireNonNull(solver, "solver");
            requireNonNull(requestedObjective, "requestedObjective");
            requireNonNull(stop, "stop");
            requireNonNull(timeLimit, "timeLimit");
            requireNonNull(relativeGapTarget, "relativeGapTarget");
            if (!(seconds >= 0) || !Double.isFinite(seconds)) {
                throw new IllegalArgumentException("seconds must be finite and >= 0: " + seconds);
            }
        }
    }

    /** Why a solver stopped. */
    public enum Stop {
        /** It ran to its end: a proof of optimality, an infeasible plan it could not improve, or a heuristic's last step. */
        FINISHED("finished"),
        /** The best plan is proven within the gap target. */
        GAP_TARGET("gap-target"),
        /** The time limit cut the search short. */
        TIME_LIMIT("time-limit"),
        /** The user stopped it (Ctrl-C); the best plan found by then is kept. */
        USER("user");

        private final String label;

        Stop(String label) {
            this.label = label;
        }

        /** As written in JSON, e.g. {@code time-limit}. */
        public String label() {
            return label;
        }
    }

    /**
     * A plan against the merit-order baseline of the same problem.
     *
     * @param generator      the baseline's generator, {@code merit-order}
     * @param status         the baseline's status label
     * @param metrics        the baseline's metrics
     * @param savings        the baseline's total cost minus the plan's, in the metrics' currency; positive when the plan
     *                       is cheaper
     * @param savingsPercent {@code savings} as a percentage of the baseline's total cost (of its magnitude); empty when
     *                       that is 0
     */
    public record Baseline(String generator, String status, PlanMetrics metrics, double savings, OptionalDouble savingsPercent) {
        public Baseline {
            requireNonNull(generator, "generator");
            requireNonNull(status, "status");
            requireNonNull(metrics, "metrics");
            requireNonNull(savingsPercent, "savingsPercent");
        }

        /** {@code plan} (with {@code planMetrics}) against {@code baseline} (with {@code baselineMetrics}). */
        public static Baseline of(DispatchPlan baseline, PlanMetrics baselineMetrics, PlanMetrics planMetrics) {
            double baselineCost = baselineMetrics.cost().totalCost();
            double savings = baselineCost - planMetrics.cost().totalCost();
            return new Baseline(baseline.generator(), baseline.status().label(), baselineMetrics, savings,
                    baselineCost == 0 ? OptionalDouble.empty() : OptionalDouble.of(100 * savings / Math.abs(baselineCost)));
        }
    }

    public static String write(DispatchPlan plan) {
        return write(plan, Optional.empty());
    }

    public static String write(DispatchPlan plan, PlanMetrics metrics) {
        return write(plan, Optional.of(metrics));
    }

    /** The plan with, when it is infeasible, the capacity diagnosis of its shortfalls ({@code status.diagnosis}). */
    public static String write(DispatchPlan plan, CapacityDiagnosis diagnosis) {
        return write(plan, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(diagnosis));
    }

    /** The plan with its metrics, how it was solved and, when given, how it compares with the merit-order baseline. */
    public static String write(DispatchPlan plan, PlanMetrics metrics, Solve solve, Optional<Baseline> baseline) {
        return write(plan, Optional.of(metrics), Optional.of(solve), baseline, Optional.empty());
    }

    /** As {@link #write(DispatchPlan, PlanMetrics, Solve, Optional)}, and an infeasible plan with its capacity diagnosis. */
    public static String write(DispatchPlan plan, PlanMetrics metrics, Solve solve, Optional<Baseline> baseline, CapacityDiagnosis diagnosis) {
        return write(plan, Optional.of(metrics), Optional.of(solve), baseline, Optional.of(diagnosis));
    }

    private static String write(DispatchPlan plan, Optional<PlanMetrics> metrics) {
        return write(plan, metrics, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static String write(DispatchPlan plan, Optional<PlanMetrics> metrics, Optional<Solve> solve, Optional<Baseline> baseline,
                                Optional<CapacityDiagnosis> diagnosis) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.put("generator", plan.generator());
        writeObjective(root.putObject("objective"), plan.objective());
        writeStatus(root.putObject("status"), plan.status(), diagnosis);
        solve.ifPresent(sv -> writeSolve(root.putObject("solve"), sv, plan.status()));
        ObjectNode grid = root.putObject("grid");
        grid.put("start", plan.grid().start().toString());
        grid.put("step", plan.grid().step().toString());
        grid.put("intervals", plan.grid().intervals());
        numbers(root.putArray("importKw"), plan.importKw());
        numbers(root.putArray("exportKw"), plan.exportKw());
        if (plan.lossesKw().max() > 0) {
            numbers(root.putArray("lossesKw"), plan.lossesKw());
        }
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
        baseline.ifPresent(b -> writeBaseline(root.putObject("baseline"), b));
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
        Objective objective = objective(object(root, "objective"), "objective");
        TimeGrid grid = grid(root);
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
        return new DispatchPlan(text(root, "generator"), objective, readStatus(object(root, "status")), grid, schedules,
                profile(root, "importKw"), profile(root, "exportKw"),
                root.has("lossesKw") ? profile(root, "lossesKw") : Profile.zeros(grid.intervals()));
    }

    private static TimeGrid grid(JsonNode root) {
        JsonNode gridNode = object(root, "grid");
        try {
            return new TimeGrid(Instant.parse(text(gridNode, "grid.start")), Duration.parse(text(gridNode, "grid.step")),
                    integer(gridNode, "grid.intervals"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("plan JSON: grid: " + e.getMessage(), e);
        }
    }

    /** The capacity diagnosis an infeasible plan's file carries ({@code status.diagnosis}), if any. */
    public static Optional<CapacityDiagnosis> readDiagnosis(String json) {
        JsonNode root = parse(json);
        JsonNode status = object(root, "status");
        if (!status.has("diagnosis")) {
            return Optional.empty();
        }
        JsonNode entries = array(status, "status.diagnosis");
        List<CapacityDiagnosis.Interval> intervals = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            JsonNode e = entries.get(k);
            String at = "status.diagnosis[" + k + "].";
            List<CapacityDiagnosis.Cause> causes = new ArrayList<>();
            JsonNode causeNodes = array(e, at + "causes");
            for (int c = 0; c < causeNodes.size(); c++) {
                JsonNode node = causeNodes.get(c);
                String causeAt = at + "causes[" + c + "].";
                String kind = text(node, causeAt + "kind");
                JsonNode asset = node.get("asset");
                if (asset == null || !(asset.isNull() || asset.isTextual())) {
                    throw malformed(causeAt + "asset", "a device id or null");
                }
                causes.add(new CapacityDiagnosis.Cause(
                        CapacityDiagnosis.Cause.Kind.byLabel(kind).orElseThrow(() -> malformed(causeAt + "kind", "a kind of cause, not '" + kind + "'")),
                        asset.isNull() ? Optional.empty() : Optional.of(AssetId.of(asset.textValue())),
                        num(node, causeAt + "kw"), text(node, causeAt + "text")));
            }
            intervals.add(new CapacityDiagnosis.Interval(integer(e, at + "interval"), num(e, at + "demandKw"), num(e, at + "reserveKw"),
                    num(e, at + "ratedKw"), num(e, at + "deliverableKw"), num(e, at + "unservedKw"), causes));
        }
        return Optional.of(new CapacityDiagnosis(grid(root), intervals));
    }

    /** The metrics a plan file carries, if any. */
    public static Optional<PlanMetrics> readMetrics(String json) {
        JsonNode root = parse(json);
        if (!root.has("metrics")) {
            return Optional.empty();
        }
        return Optional.of(metrics(object(root, "metrics"), "metrics"));
    }

    private static PlanMetrics metrics(JsonNode m, String at) {
        JsonNode cost = object(m, at + ".cost");
        JsonNode energy = object(m, at + ".energy");
        JsonNode service = object(m, at + ".service");
        JsonNode savings = object(m, at + ".savings");
        return new PlanMetrics(text(m, at + ".currency"),
                new PlanMetrics.Cost(
                        num(cost, at + ".cost.operatingCost"),
                        num(cost, at + ".cost.startUpCost"),
                        num(cost, at + ".cost.omCost"),
                        num(cost, at + ".cost.degradationCost"),
                        num(cost, at + ".cost.importCost"),
                        num(cost, at + ".cost.exportRevenue"),
                        num(cost, at + ".cost.totalCost"),
                        num(cost, at + ".cost.costPerKwhServed")),
                new PlanMetrics.Energy(
                        byType(energy, at + ".energy.netEnergyKwhByType"),
                        byType(energy, at + ".energy.throughputKwhByType"),
                        num(energy, at + ".energy.importKwh"),
                        num(energy, at + ".energy.exportKwh"),
                        num(energy, at + ".energy.curtailedKwh"),
                        num(energy, at + ".energy.fuelKwh"),
                        num(energy, at + ".energy.co2Kg")),
                new PlanMetrics.Service(
                        num(service, at + ".service.demandKwh"),
                        num(service, at + ".service.servedKwh"),
                        num(service, at + ".service.unservedKwh"),
                        num(service, at + ".service.maxShortfallKw"),
                        integer(service, at + ".service.demandShortfallIntervals"),
                        integer(service, at + ".service.reserveShortfallIntervals")),
                new PlanMetrics.Savings(
                        num(savings, at + ".savings.gridOnlyCost"),
                        num(savings, at + ".savings.savings"),
                        num(savings, at + ".savings.savingsPercent")),
                m.has("network") && !m.get("network").isNull() ? Optional.of(network(object(m, at + ".network"), at + ".network")) : Optional.empty(),
                m.has("reliability") && !m.get("reliability").isNull()
                        ? Optional.of(reliability(object(m, at + ".reliability"), at + ".reliability")) : Optional.empty());
    }

    /** How the plan in a file was solved, if the file says. */
    public static Optional<Solve> readSolve(String json) {
        JsonNode root = parse(json);
        if (!root.has("solve")) {
            return Optional.empty();
        }
        JsonNode node = object(root, "solve");
        String stop = text(node, "solve.stop");
        return Optional.of(new Solve(text(node, "solve.solver"), objective(object(node, "solve.requestedObjective"), "solve.requestedObjective"),
                num(node, "solve.seconds"),
                Arrays.stream(Stop.values()).filter(s -> s.label().equals(stop)).findFirst()
                        .orElseThrow(() -> malformed("solve.stop", "finished, gap-target, time-limit or user, not '" + stop + "'")),
                optionalNumber(node, "solve.timeLimitSeconds").stream().mapToObj(PlanJson::seconds).findFirst(),
                optionalNumber(node, "solve.relativeGapTarget")));
    }

    /** The merit-order comparison a plan file carries, if any. */
    public static Optional<Baseline> readBaseline(String json) {
        JsonNode root = parse(json);
        if (!root.has("baseline")) {
            return Optional.empty();
        }
        JsonNode node = object(root, "baseline");
        return Optional.of(new Baseline(text(node, "baseline.generator"), text(node, "baseline.status"),
                metrics(object(node, "baseline.metrics"), "baseline.metrics"), num(node, "baseline.savings"),
                optionalNumber(node, "baseline.savingsPercent")));
    }

    // ---- solve and baseline ------------------------------------------------------------------------------

    private static void writeSolve(ObjectNode node, Solve solve, PlanStatus status) {
        node.put("solver", solve.solver());
        writeObjective(node.putObject("requestedObjective"), solve.requestedObjective());
        putOptional(node, "timeLimitSeconds", solve.timeLimit().map(d -> d.toNanos() / 1e9));
        putOptional(node, "relativeGapTarget", solve.relativeGapTarget().isPresent()
                ? Optional.of(solve.relativeGapTarget().getAsDouble()) : Optional.empty());
        node.put("seconds", solve.seconds());
        node.put("stop", solve.stop().label());
        // a copy of what the status proves, so that programs find the gap in one place
        putOptional(node, "relativeGap", switch (status) {
            case PlanStatus.Optimal o -> Optional.of(0.0);
            case PlanStatus.Feasible f -> Optional.of(f.relativeGap());
            case PlanStatus.Heuristic h -> Optional.empty();
            case PlanStatus.Infeasible i -> Optional.empty();
        });
    }

    private static void writeBaseline(ObjectNode node, Baseline baseline) {
        node.put("generator", baseline.generator());
        node.put("status", baseline.status());
        node.put("savings", baseline.savings());
        putOptional(node, "savingsPercent", baseline.savingsPercent().isPresent()
                ? Optional.of(baseline.savingsPercent().getAsDouble()) : Optional.empty());
        writeMetrics(node.putObject("metrics"), baseline.metrics());
    }

    private static void putOptional(ObjectNode node, String field, Optional<Double> value) {
        value.ifPresentOrElse(v -> node.put(field, v), () -> node.putNull(field));
    }

    private static OptionalDouble optionalNumber(JsonNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (node == null || node.isNull()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(number(node, path));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static void writeObjective(ObjectNode node, Objective objective) {
        new EnumMap<>(objective.weights()).forEach((kind, weight) -> node.put(name(kind), weight));
    }

    private static Objective objective(JsonNode node, String path) {
        Map<ObjectiveKind, Double> weights = new EnumMap<>(ObjectiveKind.class);
        node.properties().forEach(e -> weights.put(objectiveKind(path, e.getKey()), number(e.getValue(), path + "." + e.getKey())));
        if (weights.isEmpty()) {
            throw malformed(path, "an object with at least one objective weight");
        }
        return new Objective(weights);
    }

    // ---- status ------------------------------------------------------------------------------------------

    private static void writeStatus(ObjectNode node, PlanStatus status, Optional<CapacityDiagnosis> diagnosis) {
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
                diagnosis.ifPresent(d -> writeDiagnosis(node.putArray("diagnosis"), d));
            }
            case PlanStatus.Optimal o -> { }
            case PlanStatus.Heuristic h -> { }
        }
    }

    private static void writeDiagnosis(ArrayNode array, CapacityDiagnosis diagnosis) {
        for (CapacityDiagnosis.Interval i : diagnosis.intervals()) {
            ObjectNode entry = array.addObject();
            entry.put("interval", i.interval());
            entry.put("demandKw", i.demandKw());
            entry.put("reserveKw", i.reserveKw());
            entry.put("ratedKw", i.ratedKw());
            entry.put("deliverableKw", i.deliverableKw());
            entry.put("unservedKw", i.unservedKw());
            ArrayNode causes = entry.putArray("causes");
            for (CapacityDiagnosis.Cause c : i.causes()) {
                ObjectNode cause = causes.addObject();
                cause.put("kind", c.kind().label());
                c.asset().ifPresentOrElse(a -> cause.put("asset", a.value()), () -> cause.putNull("asset"));
                cause.put("kw", c.kw());
                cause.put("text", c.text());
            }
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
        m.network().ifPresent(n -> writeNetwork(node.putObject("network"), n));
        m.reliability().ifPresent(r -> writeReliability(node.putObject("reliability"), r));
    }

    private static void writeReliability(ObjectNode node, ReliabilityMetrics r) {
        node.put("method", r.method());
        node.put("samples", r.samples());
        node.put("seed", r.seed());
        node.put("confidenceLevel", r.confidenceLevel());
        ObjectNode settings = node.putObject("settings");
        r.settings().forEach(settings::put);
        writeRisk(node.putObject("devices"), r.devices());
        writeRisk(node.putObject("withImport"), r.withImport());
        numbers(node.putArray("probabilityMet"), r.probabilityMet());
    }

    private static void writeRisk(ObjectNode node, ReliabilityMetrics.Risk risk) {
        node.put("lolp", risk.lolp());
        writeRange(node.putArray("lolpRange"), risk.lolpRange());
        node.put("lolpHorizon", risk.lolpHorizon());
        writeRange(node.putArray("lolpHorizonRange"), risk.lolpHorizonRange());
        node.put("eensKwh", risk.eensKwh());
        writeRange(node.putArray("eensKwhRange"), risk.eensKwhRange());
    }

    private static void writeRange(ArrayNode array, ReliabilityMetrics.Range range) {
        array.add(range.low());
        array.add(range.high());
    }

    private static ReliabilityMetrics reliability(JsonNode r, String at) {
        Map<String, Double> settings = new TreeMap<>();
        object(r, at + ".settings").properties().forEach(e -> settings.put(e.getKey(), number(e.getValue(), at + ".settings." + e.getKey())));
        JsonNode seed = field(r, at + ".seed");
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw malformed(at + ".seed", "an integer");
        }
        int samples = integer(r, at + ".samples");
        if (samples < 1) {
            throw malformed(at + ".samples", "at least 1");
        }
        try {
            return new ReliabilityMetrics(text(r, at + ".method"), samples, seed.longValue(), num(r, at + ".confidenceLevel"), settings,
                    risk(object(r, at + ".devices"), at + ".devices"), risk(object(r, at + ".withImport"), at + ".withImport"),
                    profile(r, at + ".probabilityMet"));
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("plan JSON:")) {
                throw e;
            }
            throw new IllegalArgumentException("plan JSON: '" + at + "': " + e.getMessage(), e);
        }
    }

    private static ReliabilityMetrics.Risk risk(JsonNode node, String at) {
        return new ReliabilityMetrics.Risk(num(node, at + ".lolp"), range(node, at + ".lolpRange"), num(node, at + ".lolpHorizon"),
                range(node, at + ".lolpHorizonRange"), num(node, at + ".eensKwh"), range(node, at + ".eensKwhRange"));
    }

    private static ReliabilityMetrics.Range range(JsonNode parent, String path) {
        JsonNode array = array(parent, path);
        if (array.size() != 2) {
            throw malformed(path, "[low, high]");
        }
        double low = number(array.get(0), path + "[0]");
        double high = number(array.get(1), path + "[1]");
        if (!(low <= high)) {
            throw malformed(path, "[low, high] with low <= high");
        }
        return new ReliabilityMetrics.Range(low, high);
    }

    private static void writeNetwork(ObjectNode node, NetworkMetrics n) {
        ObjectNode limits = node.putObject("limits");
        limits.put("minVoltagePu", n.limits().minVoltagePu());
        limits.put("maxVoltagePu", n.limits().maxVoltagePu());
        limits.put("maxLoading", n.limits().maxLoading());
        node.put("intervals", n.intervals());
        node.put("notConvergedIntervals", n.notConvergedIntervals());
        writeExtreme(node, "minVoltage", n.minVoltage());
        writeExtreme(node, "maxVoltage", n.maxVoltage());
        writeExtreme(node, "worstLoading", n.worstLoading());
        node.put("lossesKwh", n.lossesKwh());
        node.put("peakLossesKw", n.peakLossesKw());
        ArrayNode violations = node.putArray("violations");
        for (NetworkMetrics.Violation v : n.violations()) {
            ObjectNode o = violations.addObject();
            o.put("interval", v.interval());
            o.put("kind", v.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            o.put("element", v.element());
            numberOrNull(o, "value", v.value());
            numberOrNull(o, "limit", v.limit());
        }
    }

    /** An extreme that does not exist (no rated branch, no converged interval) is {@code null}. */
    private static void writeExtreme(ObjectNode node, String name, NetworkMetrics.Extreme e) {
        if (Double.isNaN(e.value())) {
            node.putNull(name);
            return;
        }
        ObjectNode o = node.putObject(name);
        o.put("value", e.value());
        o.put("element", e.element());
        o.put("interval", e.interval());
    }

    private static void numberOrNull(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) node.put(name, value); else node.putNull(name);
    }

    private static NetworkMetrics network(JsonNode n, String at) {
        JsonNode limits = object(n, at + ".limits");
        List<NetworkMetrics.Violation> violations = new ArrayList<>();
        JsonNode nodes = array(n, at + ".violations");
        for (int k = 0; k < nodes.size(); k++) {
            JsonNode v = nodes.get(k);
            String vAt = at + ".violations[" + k + "].";
            String kind = text(v, vAt + "kind");
            violations.add(new NetworkMetrics.Violation(integer(v, vAt + "interval"),
                    Arrays.stream(NetworkMetrics.Violation.Kind.values())
                            .filter(x -> x.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(kind)).findFirst()
                            .orElseThrow(() -> malformed(vAt + "kind", "undervoltage, overvoltage, overload or not-converged, not '" + kind + "'")),
                    text(v, vAt + "element"), numOrNaN(v, vAt + "value"), numOrNaN(v, vAt + "limit")));
        }
        return new NetworkMetrics(new NetworkMetrics.Limits(num(limits, at + ".limits.minVoltagePu"), num(limits, at + ".limits.maxVoltagePu"),
                num(limits, at + ".limits.maxLoading")),
                integer(n, at + ".intervals"), integer(n, at + ".notConvergedIntervals"),
                extreme(n, at + ".minVoltage"), extreme(n, at + ".maxVoltage"), extreme(n, at + ".worstLoading"),
                num(n, at + ".lossesKwh"), num(n, at + ".peakLossesKw"), violations);
    }

    private static NetworkMetrics.Extreme extreme(JsonNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
        if (node == null || node.isNull()) {
            return NetworkMetrics.Extreme.NONE;
        }
        if (!node.isObject()) {
            throw malformed(path, "an object or null");
        }
        return new NetworkMetrics.Extreme(num(node, path + ".value"), text(node, path + ".element"), integer(node, path + ".interval"));
    }

    private static double numOrNaN(JsonNode parent, String path) {
        JsonNode node = parent.get(path.substring(path.lastIndexOf('.') + 1));
        return node == null || node.isNull() ? Double.NaN : number(node, path);
    }

    private static Map<DeviceType, Double> inTypeOrder(Map<DeviceType, Double> byType) {
        Map<DeviceType, Double> sorted = new EnumMap<>(DeviceType.class);
        sorted.putAll(byType);
        return sorted;
    }

    private static Map<DeviceType, Double> byType(JsonNode parent, String path) {
        Map<DeviceType, Double> byType = new EnumMap<>(DeviceType.class);
        object(parent, path).properties().forEach(e -> byType.put(
                DeviceType.fromFileName(e.getKey()).orElseThrow(() -> malformed(path, "device types, not '" + e.getKey() + "'")),
                number(e.getValue(), path + "." + e.getKey())));
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

    private static ObjectiveKind objectiveKind(String path, String name) {
        for (ObjectiveKind kind : ObjectiveKind.values()) {
            if (name(kind).equals(name)) {
                return kind;
            }
        }
        throw malformed(path + "." + name, "an objective kind");
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
