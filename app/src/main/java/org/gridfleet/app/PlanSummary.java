package org.gridfleet.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.PlanMetrics;

/** Prints a plan as the operator reads it: cost, savings, energy by device type, and where demand is not met. */
final class PlanSummary {
    /** Intervals listed one by one when demand is not met; the rest are counted. */
    private static final int SHORTFALL_ROWS = 20;

    private PlanSummary() {}

    static void print(PrintWriter out, Planning.Planned planned) {
        var plan = planned.plan();
        PlanMetrics m = planned.metrics();
        TimeGrid grid = plan.grid();
        String cur = m.currency();
        out.printf(Locale.ROOT, "%nPlan %s (objective: %s), status %s%n", plan.generator(), plan.objective().describe(), plan.status().label());
        out.printf(Locale.ROOT, "  horizon        %d × %d min from %s%n", grid.intervals(), grid.step().toMinutes(), grid.start());
        PlanMetrics.Cost c = m.cost();
        out.printf(Locale.ROOT, "  total cost     %s %,.2f  (operating %,.2f, start-up %,.2f, O&M %,.2f, degradation %,.2f, import %,.2f, export revenue %,.2f)%n",
                cur, c.totalCost(), c.operatingCost(), c.startUpCost(), c.omCost(), c.degradationCost(), c.importCost(), c.exportRevenue());
        PlanMetrics.Savings s = m.savings();
        out.printf(Locale.ROOT, "  grid only      %s %,.2f to buy all demand at the import tariff: the plan saves %s %,.2f (%.1f %%)%n",
                cur, s.gridOnlyCost(), cur, s.savings(), s.savingsPercent());
        PlanMetrics.Service v = m.service();
        out.printf(Locale.ROOT, "  demand         %,.1f kWh, served %,.1f kWh, unserved %,.1f kWh; %.4f %s per kWh served%n",
                v.demandKwh(), v.servedKwh(), v.unservedKwh(), c.costPerKwhServed(), cur);
        PlanMetrics.Energy e = m.energy();
        out.printf(Locale.ROOT, "  fuel, CO2      %,.1f kWh fuel burnt, %,.1f kg CO2%n", e.fuelKwh(), e.co2Kg());

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

        printService(out, plan.status(), grid, planned.problem().demandKw());
        printCheck(out, planned.violations());
    }

    private static void printService(PrintWriter out, PlanStatus status, TimeGrid grid, Profile demandKw) {
        if (!(status instanceof PlanStatus.Infeasible infeasible)) {
            out.printf(Locale.ROOT, "%nDemand and spinning reserve are met in all %d intervals.%n", grid.intervals());
            return;
        }
        List<Shortfall> demand = infeasible.shortfalls().stream().filter(f -> f.kind() == Shortfall.Kind.DEMAND).toList();
        List<Shortfall> reserve = infeasible.shortfalls().stream().filter(f -> f.kind() == Shortfall.Kind.RESERVE).toList();
        out.printf(Locale.ROOT, "%nNOT MET: %s%n", infeasible.reason());
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

    private static void printCheck(PrintWriter out, List<Violation> violations) {
        List<Violation> hard = violations.stream().filter(Violation::hard).toList();
        Map<Violation.Rule, Long> advisory = violations.stream().filter(v -> !v.hard())
                .collect(java.util.stream.Collectors.groupingBy(Violation::rule, java.util.TreeMap::new, java.util.stream.Collectors.counting()));
        out.printf(Locale.ROOT, "%nIndependent plan check: %d hard violations", hard.size());
        if (advisory.isEmpty()) {
            out.println(".");
        } else {
            out.printf(Locale.ROOT, "; advisory (the merit-order baseline does not promise them): %s%n", advisory.entrySet().stream()
                    .map(en -> en.getValue() + " " + en.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        hard.stream().limit(SHORTFALL_ROWS).forEach(v -> out.println("  " + v));
    }
}
