package org.gridfleet.app;

import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.CapacityDiagnosis;
import org.gridfleet.plan.ShortfallReport;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.NetworkMetrics;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;

/**
 * Prints a plan as the operator reads it: how it was solved and how good it is known to be, its true cost (exact cost
 * curves), savings against buying all demand from the grid and against the merit-order baseline, energy by device type,
 * fuel and emissions, where demand is not met and why the fleet cannot deliver it, and the independent check.
 */
final class PlanSummary {
    /** Intervals listed one by one when demand is not met; the rest are counted. */
    private static final int SHORTFALL_ROWS = 20;
    /** Intervals explained one by one (the furthest beyond the fleet first); the rest are counted. */
    private static final int DIAGNOSIS_ROWS = 10;

    private PlanSummary() {}

    static void print(PrintWriter out, Planning.Planned planned) {
        var plan = planned.plan();
        PlanMetrics m = planned.metrics();
        TimeGrid grid = plan.grid();
        String cur = m.currency();
        String objective = plan.objective().describe();
        if (!plan.objective().equals(planned.solve().requestedObjective())) {
            objective += ", asked for " + planned.solve().requestedObjective().describe();
        }
        out.printf(Locale.ROOT, "%nPlan %s (objective: %s), status %s%n", plan.generator(), objective, status(plan.status()));
        out.printf(Locale.ROOT, "  solver         %s%n", solver(planned));
        out.printf(Locale.ROOT, "  horizon        %d × %d min from %s%n", grid.intervals(), grid.step().toMinutes(), grid.start());
        PlanMetrics.Cost c = m.cost();
        out.printf(Locale.ROOT, "  total cost     %s %,.2f  (operating %,.2f, start-up %,.2f, O&M %,.2f, degradation %,.2f, import %,.2f, export revenue %,.2f)%n",
                cur, c.totalCost(), c.operatingCost(), c.startUpCost(), c.omCost(), c.degradationCost(), c.importCost(), c.exportRevenue());
        PlanMetrics.Savings s = m.savings();
        if (planned.problem().gridConnection().islanded()) {
            out.println("  grid only      - (islanded: there is no grid to buy from)");
        } else {
            out.printf(Locale.ROOT, "  grid only      %s %,.2f to buy all demand at the import tariff: the plan %s %s %,.2f%s%s%n",
                    cur, s.gridOnlyCost(), s.savings() >= 0 ? "saves" : "costs", cur, Math.abs(s.savings()),
                    s.gridOnlyCost() == 0 ? "" : String.format(Locale.ROOT, " (%.1f %%)", Math.abs(s.savingsPercent())), s.savings() >= 0 ? "" : " more");
        }
        planned.comparison().ifPresent(b -> printBaseline(out, planned, b));
        PlanMetrics.Service v = m.service();
        out.printf(Locale.ROOT, "  demand         %,.1f kWh, served %,.1f kWh, unserved %,.1f kWh; %.4f %s per kWh served%n",
                v.demandKwh(), v.servedKwh(), v.unservedKwh(), c.costPerKwhServed(), cur);
        PlanMetrics.Energy e = m.energy();
        out.printf(Locale.ROOT, "  fuel, CO2      %,.1f kWh fuel burnt, %,.1f kg CO2%n", e.fuelKwh(), e.co2Kg());
        m.network().ifPresent(n -> printNetwork(out, n));
        planned.network().ifPresent(n -> printNetworkPlanning(out, n, c.totalCost(), cur));
        planned.stochastic().ifPresent(st -> printStochastic(out, st, cur));

        out.printf(Locale.ROOT, "%n  %-22s %14s %14s%n", "energy by device type", "net kWh", "throughput kWh");
        for (DeviceType type : DeviceType.values()) {
            Double net = e.netEnergyKwhByType().get(type);
            if (net == null) {
                continue;
            }
            Double through = e.throughputKwhByType().get(type);
            out.printf(Locale.ROOT, "  %-22s %,14.1f %14s%n", type.fileName(), net, through == null ? "" : String.format(Locale.ROOT, "%,.1f", through));
        }
        out.printf(Locale.ROOT, "  %-22s %,14.1f%n  %-22s %,14.1f%n  %-22s %,14.1f%n", "grid import", e.importKwh(), "grid export", e.exportKwh(),
                "renewables curtailed", e.curtailedKwh());

        printService(out, plan.status(), grid);
        if (plan.status() instanceof PlanStatus.Infeasible infeasible) {
            printDiagnosis(out, planned.problem(), infeasible, plan.generator());
        }
        printCheck(out, plan.generator(), planned.violations());
    }

    /** One line of network figures, and the limits the plan breaks (the first few; plan.json has them all). */
    private static void printNetwork(PrintWriter out, NetworkMetrics n) {
        out.printf(Locale.ROOT, "  network        voltage %s .. %s, most loaded %s, losses %,.1f kWh (AC power flow of %d intervals)%n",
                extreme(n.minVoltage(), "%.4f pu"), extreme(n.maxVoltage(), "%.4f pu"), extreme(n.worstLoading(), "%.1f %%", 100),
                n.lossesKwh(), n.intervals());
        if (!n.hasViolations()) {
            out.printf(Locale.ROOT, "                 within limits (%.2f..%.2f pu, %.0f %% of rating)%n", n.limits().minVoltagePu(),
                    n.limits().maxVoltagePu(), 100 * n.limits().maxLoading());
            return;
        }
        out.printf(Locale.ROOT, "                 %d network limit violations (%.2f..%.2f pu, %.0f %% of rating), e.g.%n", n.violations().size(),
                n.limits().minVoltagePu(), n.limits().maxVoltagePu(), 100 * n.limits().maxLoading());
        n.violations().stream().limit(5).forEach(v -> out.println("                   " + v.describe()));
    }

    /** The rounds that sized the reserve, and the out-of-sample comparison with the deterministic plans. */
    private static void printStochastic(PrintWriter out, Planning.Stochastic st, String cur) {
        var result = st.result();
        out.printf(Locale.ROOT, "%n  %-6s %14s %12s %16s %16s  %s%n", "round", "cost " + cur, "worst LOLP", "intervals above", "peak reserve kW",
                "MILP status");
        for (var r : result.rounds()) {
            out.printf(Locale.ROOT, "  %-6d %,14.2f %12.4f %16d %,16.1f  %s%n", r.round(), r.totalCost(), r.worstLolp(), r.missed(), r.peakReserveKw(),
                    r.status() instanceof PlanStatus.Feasible f ? "feasible, gap " + Planning.percent(f.relativeGap()) : r.status().label());
        }
        out.printf(Locale.ROOT, "  %s%n", result.targetMet() ? "every interval meets the loss-of-load target in the in-sample scenarios"
                : String.format(Locale.ROOT, "the target is NOT met in every interval (%d above it in the last round): more reserve bought "
                        + "nothing more, or the rounds ran out", result.rounds().isEmpty() ? 0 : result.rounds().getLast().missed()));
        var scenarios = st.judge().scenarios();
        out.printf(Locale.ROOT, "%n  out of sample: %,d scenarios (seed %d) none of the plans was made against; lost load valued at %s %.2f/kWh%n",
                scenarios.samples(), scenarios.seed(), cur, st.judge().valueOfLostLoadPerKwh());
        out.printf(Locale.ROOT, "  %-14s %12s %14s %14s %14s %12s %10s %16s%n", "plan", "planned", "recourse", "expected cost", "short kWh",
                "EENS kWh", "LOLP", "with lost load");
        List<String> names = List.of("stochastic", "deterministic", "merit-order");
        for (int k = 0; k < st.judged().size(); k++) {
            var j = st.judged().get(k);
            out.printf(Locale.ROOT, "  %-14s %,12.2f %,14.2f %,14.2f %,14.1f %,12.2f %10.5f %,16.2f%n", names.get(k), j.plannedCost(),
                    j.expectedRecourseCost(), j.expectedCost(), j.eensDevicesKwh(), j.eensKwh(), j.lolp(), j.expectedCostWithLostLoad());
        }
        out.println("  (short kWh: what the devices with their reserve left short, before grid import; EENS: not served at all)");
    }

    /** How planning within the network went, and what its limits cost against the plan made without them. */
    private static void printNetworkPlanning(PrintWriter out, Planning.NetworkPlanning n, double totalCost, String cur) {
        double price = totalCost - n.unconstrainedCost();
        out.printf(Locale.ROOT, "  network-aware  %d MILP solve%s (the first without the network); %s; the network's limits cost %s %,.2f against the plan made without them%n",
                n.solves(), n.solves() == 1 ? "" : "s",
                n.solves() == 1 && n.acFeasible() ? "that plan already keeps every limit in AC"
                        : n.acFeasible() ? "the last plan keeps every limit in AC" : "the last plan still breaks limits in AC (below)",
                cur, price);
    }

    private static String extreme(NetworkMetrics.Extreme e, String format) {
        return extreme(e, format, 1);
    }

    private static String extreme(NetworkMetrics.Extreme e, String format, double scale) {
        return Double.isNaN(e.value()) ? "-" : String.format(Locale.ROOT, format + " (%s, interval %d)", scale * e.value(), e.element(), e.interval());
    }

    /** "optimal (proven)", "feasible, proven within 0.82 % of the optimum", ... */
    static String status(PlanStatus status) {
        return switch (status) {
            case PlanStatus.Optimal o -> "optimal (proven)";
            case PlanStatus.Feasible f -> "feasible, proven within " + Planning.percent(f.relativeGap()) + " of the optimum";
            case PlanStatus.Heuristic h -> "heuristic (meets demand and reserve; no optimality bound)";
            case PlanStatus.Infeasible i -> "infeasible: demand or reserve is not met everywhere (see NOT MET below)";
        };
    }

    private static String solver(Planning.Planned planned) {
        Planning.Settings settings = planned.settings();
        return switch (settings.solver()) {
            case MERIT_ORDER -> String.format(Locale.ROOT, "merit-order, a heuristic without time limit or gap, finished after %.1f s",
                    planned.solve().seconds());
            case MILP -> String.format(Locale.ROOT, "milp (time limit %s, gap target %s), %s", Planning.duration(settings.timeLimit()),
                    Planning.percent(settings.relativeGap()), Planning.outcome(planned));
            case STOCHASTIC -> String.format(Locale.ROOT, "stochastic: %d MILP solve%s (time limit %s, gap target %s each), %.1f s%s",
                    planned.stochastic().map(s -> s.result().rounds().size()).orElse(0),
                    planned.stochastic().map(s -> s.result().rounds().size()).orElse(0) == 1 ? "" : "s",
                    Planning.duration(settings.timeLimit()), Planning.percent(settings.relativeGap()), planned.solve().seconds(),
                    planned.solve().stop() == PlanJson.Stop.USER ? ", stopped by the user (Ctrl-C)" : "");
        };
    }

    /** The plan against the merit-order baseline: cost, CO2, and whether either falls short where the other does not. */
    private static void printBaseline(PrintWriter out, Planning.Planned planned, PlanJson.Baseline baseline) {
        String cur = planned.metrics().currency();
        String percent = baseline.savingsPercent().isPresent()
                ? String.format(Locale.ROOT, " (%.1f %%)", Math.abs(baseline.savingsPercent().getAsDouble())) : "";
        double co2Kg = baseline.metrics().energy().co2Kg() - planned.metrics().energy().co2Kg();
        out.printf(Locale.ROOT, "  merit order    %s %,.2f for the merit-order baseline (%s): this plan %s %s %,.2f%s and emits %,.1f kg CO2 %s%n",
                cur, baseline.metrics().cost().totalCost(), baseline.status(), baseline.savings() >= 0 ? "saves" : "costs", cur,
                Math.abs(baseline.savings()), percent + (baseline.savings() >= 0 ? "" : " more"), Math.abs(co2Kg), co2Kg >= 0 ? "less" : "more");
        boolean planMeets = planned.plan().status().meetsRequirements();
        boolean baselineMeets = planned.baseline().orElseThrow().plan().status().meetsRequirements();
        if (planMeets && !baselineMeets) {
            out.println("                 the baseline does not meet demand or reserve everywhere; this plan does");
        } else if (!planMeets && baselineMeets) {
            out.println("                 WARNING: the baseline meets demand and reserve everywhere and this plan does not: "
                    + "give the MILP more time (--time-limit) or use --solver merit-order");
        }
        Planning.Evaluated evaluated = planned.baseline().orElseThrow();
        evaluated.metrics().network().filter(NetworkMetrics::hasViolations).ifPresent(n -> out.printf(Locale.ROOT,
                "                 the baseline breaks %d network limits in AC (e.g. %s)%s%n", n.violations().size(), n.violations().getFirst().describe(),
                planned.metrics().network().map(NetworkMetrics::hasViolations).orElse(true) ? "" : "; this plan keeps them"));
        long hard = evaluated.hardViolations();
        if (hard > 0) {
            out.printf(Locale.ROOT, "                 the baseline breaks %d hard rules of the plan check%n", hard);
        }
        Map<Violation.Rule, Long> advisory = advisory(evaluated.violations());
        if (baseline.savings() < 0 && !advisory.isEmpty()) {
            out.printf(Locale.ROOT, "                 (advisory rules the baseline breaks: %s)%n", describe(advisory));
        }
    }

    private static void printService(PrintWriter out, PlanStatus status, TimeGrid grid) {
        if (!(status instanceof PlanStatus.Infeasible infeasible)) {
            out.printf(Locale.ROOT, "%nDemand and spinning reserve are met in all %d intervals.%n", grid.intervals());
            return;
        }
        List<Shortfall> demand = infeasible.shortfalls().stream().filter(f -> f.kind() == Shortfall.Kind.DEMAND).toList();
        List<Shortfall> reserve = infeasible.shortfalls().stream().filter(f -> f.kind() == Shortfall.Kind.RESERVE).toList();
        // why is printed in full below the table
        out.printf(Locale.ROOT, "%nNOT MET: %s%n", whatOnly(infeasible.reason()));
        out.printf(Locale.ROOT, "  demand is short in %d and reserve in %d of %d intervals%n", demand.size(), reserve.size(), grid.intervals());
        out.printf(Locale.ROOT, "  %-8s %-22s %-8s %12s %12s %12s%n", "interval", "start", "kind", "required kW", "delivered kW", "short kW");
        List<Shortfall> listed = infeasible.shortfalls().stream().limit(SHORTFALL_ROWS).toList();
        for (Shortfall f : listed) {
            out.printf(Locale.ROOT, "  %-8d %-22s %-8s %12.1f %12.1f %12.1f%n", f.interval(), grid.startOf(f.interval()),
                    f.kind().name().toLowerCase(Locale.ROOT), f.requiredKw(), f.deliveredKw(), f.missingKw());
        }
        if (listed.size() < infeasible.shortfalls().size()) {
            out.printf(Locale.ROOT, "  ... and %d more (all are in the plan JSON)%n", infeasible.shortfalls().size() - listed.size());
        }
    }

    /** The reason without its capacity diagnosis ("... . Why: ..."), which {@link #printDiagnosis} prints interval by interval. */
    static String whatOnly(String reason) {
        int why = reason.indexOf(ShortfallReport.WHY);
        return why < 0 ? reason : reason.substring(0, why);
    }

    /**
     * Why the fleet cannot deliver what falls short, from the problem alone: the intervals beyond the fleet, furthest
     * first, then those it could have met on its own, in time order.
     */
    private static void printDiagnosis(PrintWriter out, PlanningProblem problem, PlanStatus.Infeasible infeasible, String generator) {
        CapacityDiagnosis diagnosis = CapacityDiagnosis.of(problem, infeasible.shortfalls());
        if (diagnosis.isEmpty()) {
            return;
        }
        List<CapacityDiagnosis.Interval> beyond = diagnosis.beyondFleet();
        List<CapacityDiagnosis.Interval> within = diagnosis.intervals().stream().filter(i -> !i.beyondFleet()).toList();
        out.printf(Locale.ROOT, "%n  Why: the most the fleet can deliver in each interval (from the fleet data alone) and what holds it back;%n"
                + "  beyond the fleet in %d of these %d intervals, within it in %d%n", beyond.size(), diagnosis.intervals().size(), within.size());
        List<CapacityDiagnosis.Interval> ordered = Stream.concat(beyond.stream(), within.stream()).toList();
        ordered.stream().limit(DIAGNOSIS_ROWS).forEach(i -> out.println("  " + diagnosis.describe(i)));
        if (ordered.size() > DIAGNOSIS_ROWS) {
            List<CapacityDiagnosis.Interval> rest = ordered.subList(DIAGNOSIS_ROWS, ordered.size());
            long restBeyond = rest.stream().filter(CapacityDiagnosis.Interval::beyondFleet).count();
            out.printf(Locale.ROOT, "  ... and %d more (%d beyond the fleet, %d within it)%n", rest.size(), restBeyond, rest.size() - restBeyond);
        }
        if (!beyond.isEmpty()) {
            boolean maintenance = beyond.stream().flatMap(i -> i.causes().stream()).anyMatch(c -> c.kind() == CapacityDiagnosis.Cause.Kind.MAINTENANCE);
            out.println("  Beyond the fleet no plan can meet demand and reserve: add capacity" + (maintenance ? ", move maintenance" : "")
                    + " or shed load.");
        }
        if (!within.isEmpty()) {
            out.println("  Within the fleet the plan falls short through limits that join intervals (stored energy used earlier, run hours,"
                    + " minimum up and down times, ramps) or through the plan generator's choices"
                    + (generator.equals(MeritOrderPlanGenerator.NAME) ? ": the merit order plans one interval at a time, --solver milp looks ahead." : "."));
        }
    }

    private static void printCheck(PrintWriter out, String generator, List<Violation> violations) {
        List<Violation> hard = violations.stream().filter(Violation::hard).toList();
        Map<Violation.Rule, Long> advisory = advisory(violations);
        out.printf(Locale.ROOT, "%nIndependent plan check: %d hard violations", hard.size());
        if (advisory.isEmpty()) {
            out.println(".");
        } else {
            out.printf(Locale.ROOT, "; advisory%s: %s%n", generator.equals(MeritOrderPlanGenerator.NAME)
                    ? " (the merit-order baseline does not promise them)" : "", describe(advisory));
        }
        hard.stream().limit(SHORTFALL_ROWS).forEach(v -> out.println("  " + v));
    }

    /** Advisory violations counted by rule, in the rules' order. */
    private static Map<Violation.Rule, Long> advisory(List<Violation> violations) {
        return violations.stream().filter(v -> !v.hard())
                .collect(Collectors.groupingBy(Violation::rule, () -> new EnumMap<>(Violation.Rule.class), Collectors.counting()));
    }

    /** "2 ramp rate, 1 final soc". */
    private static String describe(Map<Violation.Rule, Long> counts) {
        return counts.entrySet().stream().map(en -> en.getValue() + " " + en.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(", "));
    }
}
