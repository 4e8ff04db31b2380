package org.gridfleet.plan.select;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.evaluate.NetworkMetrics;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.evaluate.ReliabilityMetrics;

/**
 * The variables a rules file's expressions may use, one per figure of a candidate plan (docs/selection.md has the
 * table). Numbers are always decimals (so {@code demandShortfallIntervals / 96} is a share, not 0). A figure that the
 * plan does not have is {@code null}: reliability when it was not assessed, the network's figures when the plan's
 * network was not assessed or the fleet has none ({@code networkViolations} is 0 without a network: there is no
 * limit to break). Comparing {@code null} is an error, so a rule that needs such a figure cannot judge the plan and
 * rejects it, saying which figure is missing; {@code x == null} tests for it.
 */
public final class PlanVariables {
    /** One variable: its name, kind of value ({@code number}, {@code boolean} or {@code text}) and meaning. */
    public record Variable(String name, String type, String meaning) {
        public Variable {
            requireNonNull(name, "name");
            requireNonNull(type, "type");
            requireNonNull(meaning, "meaning");
        }
    }

    private record Definition(Variable variable, Function<Input, Object> value) {}

    private record Input(Candidate candidate, boolean hasNetwork) {
        PlanMetrics m() {
            return candidate.metrics();
        }

        Optional<ReliabilityMetrics> reliability() {
            return candidate.metrics().reliability();
        }

        Optional<NetworkMetrics> network() {
            return candidate.metrics().network();
        }
    }

    private static final List<Definition> DEFINITIONS = List.of(
            text("name", "the candidate's name, e.g. least-cost (identical plans: least-cost/most-revenue)", in -> in.candidate().name()),
            text("generator", "the plan generator that made the plan: milp, merit-order, ...", in -> in.candidate().plan().generator()),
            text("status", "optimal, feasible, heuristic or infeasible", in -> in.candidate().plan().status().label()),
            bool("feasible", "the plan meets demand and reserve in every interval (status not infeasible)",
                    in -> in.candidate().plan().status().meetsRequirements()),
            bool("pareto", "no other candidate is at least as good in total cost, CO2 and EENS and better in one", in -> in.candidate().pareto()),
            number("totalCost", "total cost over the horizon, money (metrics.cost.totalCost)", in -> in.m().cost().totalCost()),
            number("costPerKwhServed", "total cost per kWh of demand served, money/kWh", in -> in.m().cost().costPerKwhServed()),
            number("exportRevenue", "revenue from export, money", in -> in.m().cost().exportRevenue()),
            number("importCost", "cost of import, money", in -> in.m().cost().importCost()),
            number("savings", "grid-only cost minus total cost, money", in -> in.m().savings().savings()),
            number("savingsPercent", "savings as a percentage of the grid-only cost", in -> in.m().savings().savingsPercent()),
            number("co2Kg", "CO2 emitted by the generators, kg", in -> in.m().energy().co2Kg()),
            number("fuelKwh", "fuel burnt (LHV) where the cost curve knows it, kWh", in -> in.m().energy().fuelKwh()),
            number("importKwh", "energy drawn from the grid, kWh", in -> in.m().energy().importKwh()),
            number("exportKwh", "energy fed into the grid, kWh", in -> in.m().energy().exportKwh()),
            number("curtailedKwh", "renewable energy forecast but not taken, kWh", in -> in.m().energy().curtailedKwh()),
            number("unservedKwh", "demand served by nothing, not even import, in the plan itself, kWh", in -> in.m().service().unservedKwh()),
            number("maxShortfallKw", "largest gap between demand and the devices' output, kW", in -> in.m().service().maxShortfallKw()),
            number("demandShortfallIntervals", "intervals in which the devices' output is below demand",
                    in -> (double) in.m().service().demandShortfallIntervals()),
            number("reserveShortfallIntervals", "intervals in which the spinning reserve is short",
                    in -> (double) in.m().service().reserveShortfallIntervals()),
            number("lolp", "loss-of-load probability, Monte Carlo: share of sampled intervals in which the devices fall short of demand",
                    in -> in.reliability().map(r -> r.devices().lolp()).orElse(null)),
            number("lolpHorizon", "share of sampled horizons with at least one interval short",
                    in -> in.reliability().map(r -> r.devices().lolpHorizon()).orElse(null)),
            number("eensKwh", "expected energy not served by the devices, Monte Carlo mean, kWh",
                    in -> in.reliability().map(r -> r.devices().eensKwh()).orElse(null)),
            number("lolpWithImport", "as lolp, once import within its limit has served what it can",
                    in -> in.reliability().map(r -> r.withImport().lolp()).orElse(null)),
            number("eensWithImportKwh", "as eensKwh, once import within its limit has served what it can, kWh",
                    in -> in.reliability().map(r -> r.withImport().eensKwh()).orElse(null)),
            number("networkViolations", "broken network limits (voltage, loading, non-converged flows) over all intervals; 0 without a network",
                    in -> in.network().map(n -> (Object) (double) n.violations().size()).orElse(in.hasNetwork() ? null : 0.0)),
            number("worstLoading", "highest branch loading, share of its rating (1 = 100 %)", in -> extreme(in, NetworkMetrics::worstLoading)),
            number("minVoltage", "lowest bus voltage, pu", in -> extreme(in, NetworkMetrics::minVoltage)),
            number("maxVoltage", "highest bus voltage, pu", in -> extreme(in, NetworkMetrics::maxVoltage)),
            number("lossesKwh", "network losses over the horizon, kWh", in -> in.network().map(n -> (Object) n.lossesKwh()).orElse(null)));

    private static final Map<String, Definition> BY_NAME = DEFINITIONS.stream()
            .collect(Collectors.toMap(d -> d.variable().name(), d -> d, (a, b) -> a, LinkedHashMap::new));

    private PlanVariables() {}

    /** Every variable, in the documented order. */
    public static List<Variable> all() {
        return DEFINITIONS.stream().map(Definition::variable).toList();
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** The variables' values for {@code candidate}; {@code hasNetwork}: whether its problem has a network. */
    public static Map<String, Object> of(Candidate candidate, boolean hasNetwork) {
        Input in = new Input(candidate, hasNetwork);
        Map<String, Object> values = new LinkedHashMap<>();
        DEFINITIONS.forEach(d -> values.put(d.variable().name(), d.value().apply(in)));
        return values;
    }

    /**
     * Values of the right kind for every variable, each number different, to try expressions out when a rules file
     * is read.
     */
    static Map<String, Object> sample() {
        Map<String, Object> values = new LinkedHashMap<>();
        int k = 0;
        for (Definition d : DEFINITIONS) {
            k++;
            values.put(d.variable().name(), switch (d.variable().type()) {
                case "number" -> 1 + k / 64.0;
                case "boolean" -> Boolean.TRUE;
                default -> "sample";
            });
        }
        return values;
    }

    /** Why {@code name} has no value for {@code candidate}, for people. */
    static String whyUnknown(String name, Candidate candidate, boolean hasNetwork) {
        Definition d = BY_NAME.get(name);
        if (d == null) {
            return "there is no such variable";
        }
        String meaning = d.variable().meaning();
        if (name.startsWith("lolp") || name.startsWith("eens")) {
            return "the plan's reliability was not assessed";
        }
        if (!hasNetwork) {
            return "the fleet has no network";
        }
        if (candidate.metrics().network().isEmpty()) {
            return "the plan's network was not assessed";
        }
        return "the network assessment has no value for it (" + meaning + ")";
    }

    private static Object extreme(Input in, Function<NetworkMetrics, NetworkMetrics.Extreme> which) {
        return in.network().map(which).filter(e -> !Double.isNaN(e.value())).map(e -> (Object) e.value()).orElse(null);
    }

    private static Definition number(String name, String meaning, Function<Input, Object> value) {
        return new Definition(new Variable(name, "number", meaning), value);
    }

    private static Definition bool(String name, String meaning, Function<Input, Object> value) {
        return new Definition(new Variable(name, "boolean", meaning), value);
    }

    private static Definition text(String name, String meaning, Function<Input, Object> value) {
        return new Definition(new Variable(name, "text", meaning), value);
    }
}
