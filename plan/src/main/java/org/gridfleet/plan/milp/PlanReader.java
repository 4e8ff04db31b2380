package org.gridfleet.plan.milp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.ShortfallReport;
import org.gridfleet.plan.network.BusInjections;
import org.gridfleet.plan.network.LinDistFlow;
import org.gridfleet.plan.network.NetworkConstraints;
import org.gridfleet.plan.network.NetworkViolation;
import org.gridfleet.plan.network.RadialFeeder;

/**
 * Reads a solved {@link UnitCommitmentModel} into a plan. The solver's values satisfy the constraints only within
 * its tolerances, so set points are first put back within their device limits (binaries rounded, outputs clamped);
 * stored energy is then recomputed from those set points with the one formula of docs/architecture.md, grid exchange
 * closes each interval's balance, and shortfalls are measured on the plan itself, as the plan checker measures them.
 * With network constraints, the network's limits are judged on the plan too (LinDistFlow and the AC corrections):
 * a plan that breaks them is {@code Infeasible} and says where.
 */
final class PlanReader {
    /** A requirement counts as met within this many kW (the checker's tolerance). */
    static final double TOLERANCE_KW = 1e-6;

    private final UnitCommitmentModel m;
    private final int n;
    private final double h;

    private final double[][] generatorKw;
    private final boolean[][] generatorOn;
    private final double[][] renewableKw;
    private final double[][] storageKw;
    private final double[][] storageSoc;
    /** What each store could discharge in t given the energy it carries in: min(Dmax·a, (κ·E − Emin)·ηd/h), ≥ 0. */
    private final double[][] canDischargeKw;
    private final double[] importKw;
    private final double[] exportKw;

    PlanReader(UnitCommitmentModel model) {
        this.m = model;
        this.n = model.n;
        this.h = model.h;
        generatorKw = new double[m.generators.size()][n];
        generatorOn = new boolean[m.generators.size()][n];
        renewableKw = new double[m.renewables.size()][n];
        storageKw = new double[m.stores.size()][n];
        storageSoc = new double[m.stores.size()][n];
        canDischargeKw = new double[m.stores.size()][n];
        importKw = new double[n];
        exportKw = new double[n];
    }

    /** The plan, with {@code solved} (optimal or feasible with its gap) unless something falls short. */
    DispatchPlan read(PlanStatus solved) {
        readGenerators();
        readRenewables();
        readStorage();
        List<DeviceSchedule> schedules = schedules();
        ShortfallReport report = new ShortfallReport(m.problem);
        double[] outputKw = new double[n];
        for (DeviceSchedule s : schedules) {
            for (int t = 0; t < n; t++) {
                outputKw[t] += s.powerKw().get(t);
            }
        }
        for (int t = 0; t < n; t++) {
            closeBalance(t, outputKw[t], report);
            measureReserve(t, report);
        }
        PlanStatus status = report.status().orElse(solved);
        DispatchPlan plan = new DispatchPlan(MilpPlanGenerator.NAME, m.options.objective(), status, m.problem.grid(), schedules,
                Profile.of(importKw), Profile.of(exportKw), Profile.of(m.lossesKw.clone()));
        return m.network == null ? plan : judgeNetwork(plan, m.problem, m.network.feeder, m.network.limits);
    }

    /**
     * {@code plan} as it is when it keeps within the network's limits (LinDistFlow with the corrections); otherwise
     * with its status made infeasible, the reason saying where.
     */
    static DispatchPlan judgeNetwork(DispatchPlan plan, PlanningProblem problem, RadialFeeder feeder, NetworkConstraints limits) {
        List<NetworkViolation> violations = limits.violations(new LinDistFlow(feeder).solve(BusInjections.of(feeder, problem, plan)));
        if (violations.isEmpty()) {
            return plan;
        }
        return new DispatchPlan(plan.generator(), plan.objective(), withNetwork(plan.status(), violations), plan.grid(), plan.schedules(),
                plan.importKw(), plan.exportKw(), plan.lossesKw());
    }

    /**
     * {@code status} made infeasible by broken network limits: the shortfalls (if any) stay, and the reason says which
     * limits, in how many intervals, the worst of each kind, and what a person can do.
     */
    private static PlanStatus withNetwork(PlanStatus status, List<NetworkViolation> violations) {
        String network = describe(violations);
        if (status instanceof PlanStatus.Infeasible infeasible) {
            String reason = infeasible.reason();
            int why = reason.indexOf(ShortfallReport.WHY);
            reason = why < 0 ? reason + "; " + network : reason.substring(0, why) + "; " + network + reason.substring(why);
            return new PlanStatus.Infeasible(reason, infeasible.shortfalls());
        }
        return new PlanStatus.Infeasible(network, List.of());
    }

    /** "network limits are broken in 3 of 24 intervals (linear model with AC corrections): worst …; …: action". */
    static String describe(List<NetworkViolation> violations) {
        long intervals = violations.stream().mapToInt(NetworkViolation::interval).distinct().count();
        StringBuilder reason = new StringBuilder("network limits are broken in " + intervals + " interval" + (intervals == 1 ? "" : "s")
                + " (LinDistFlow with the AC corrections)");
        String separator = ": ";
        for (NetworkViolation.Kind kind : NetworkViolation.Kind.values()) {
            var ofKind = violations.stream().filter(v -> v.kind() == kind).toList();
            if (ofKind.isEmpty()) {
                continue;
            }
            NetworkViolation worst = ofKind.stream().max(Comparator.comparingDouble(NetworkViolation::excess)).orElseThrow();
            reason.append(separator).append(ofKind.size()).append(" ").append(kind.name().toLowerCase(Locale.ROOT))
                    .append(ofKind.size() == 1 ? "" : "s").append(", worst ").append(worst.describe());
            separator = "; ";
        }
        return reason.append(": no plan found keeps within them; reinforce the network, allow curtailment, place output closer to "
                + "demand, or relax the limits").toString();
    }

    private void readGenerators() {
        for (int g = 0; g < m.generators.size(); g++) {
            Generator gen = m.generators.get(g);
            for (int t = 0; t < n; t++) {
                boolean on = m.on[g][t].solutionValue() > 0.5;
                generatorOn[g][t] = on;
                generatorKw[g][t] = on ? clamp(m.powerKw[g][t].solutionValue() * m.kwPerUnit, gen.minStablePowerKw(), m.capKw(g, t)) : 0;
            }
        }
    }

    private void readRenewables() {
        for (int r = 0; r < m.renewables.size(); r++) {
            Renewable ren = m.renewables.get(r);
            Profile boundKw = m.problem.maxOutputKw(ren);
            for (int t = 0; t < n; t++) {
                renewableKw[r][t] = ren.curtailable() ? clamp(m.renewableKw[r][t].solutionValue() * m.kwPerUnit, 0, boundKw.get(t)) : boundKw.get(t);
            }
        }
    }

    /**
     * Set points within power limits, then E recomputed forward: E_t = E_{t−1}·(1 − selfDischargePerHour)^h +
     * ηc·charge·h − discharge·h/ηd. Where rounding would take E past a limit, the set point gives way (charge less,
     * discharge less, or charge more up to the limit), so the plan's state of charge is exactly that of its set points.
     */
    private void readStorage() {
        for (int s = 0; s < m.stores.size(); s++) {
            Storage st = m.stores.get(s);
            double capacity = st.energyCapacityKwh();
            double minKwh = st.minSoc() * capacity;
            double maxKwh = st.maxSoc() * capacity;
            double energyKwh = st.initialSoc() * capacity;
            for (int t = 0; t < n; t++) {
                double a = m.availability(st, t);
                double chargeLimitKw = st.maxChargeKw() * a;
                double dischargeLimitKw = st.maxDischargeKw() * a;
                double p = clamp(m.dischargeKw[s][t].solutionValue() * m.kwPerUnit, 0, dischargeLimitKw)
                        - clamp(m.chargeKw[s][t].solutionValue() * m.kwPerUnit, 0, chargeLimitKw);
                double carriedKwh = energyKwh * Math.pow(1 - st.selfDischargePerHour(), h);
                canDischargeKw[s][t] = Math.max(0, Math.min(dischargeLimitKw, (carriedKwh - minKwh) * st.dischargeEfficiency() / h));
                double next = energy(st, carriedKwh, p);
                if (next > maxKwh) {
                    // charge (or discharge) exactly to the maximum
                    p = p < 0 ? -Math.max(0, (maxKwh - carriedKwh) / (st.chargeEfficiency() * h)) : p;
                } else if (next < minKwh) {
                    // discharge exactly to the minimum; or, when self-discharge took it below, charge back (at most flat out)
                    p = carriedKwh >= minKwh ? Math.max(0, (carriedKwh - minKwh) * st.dischargeEfficiency() / h)
                            : -Math.min(chargeLimitKw, (minKwh - carriedKwh) / (st.chargeEfficiency() * h));
                }
                p += 0.0;
                storageKw[s][t] = p;
                energyKwh = energy(st, carriedKwh, p);
                storageSoc[s][t] = energyKwh / capacity;
            }
        }
    }

    /** Stored energy after an interval at set point {@code p}: the checker's expression, term for term. */
    private double energy(Storage st, double carriedKwh, double p) {
        double chargedKw = Math.max(-p, 0);
        double dischargedKw = Math.max(p, 0);
        return carriedKwh + st.chargeEfficiency() * chargedKw * h - dischargedKw * h / st.dischargeEfficiency();
    }

    /** Grid exchange closes the balance; devices short of demand are a DEMAND shortfall even when import covers it. */
    private void closeBalance(int t, double outputKw, ShortfallReport report) {
        double demandKw = m.demandKw[t] + m.lossesKw[t]; // network losses, when an AC check gave them, are served like demand
        double residualKw = demandKw - outputKw;
        boolean connected = !m.grid.islanded();
        if (residualKw > 0) {
            importKw[t] = connected ? Math.min(residualKw, m.grid.maxImportKw()) : 0;
            report.unserved((residualKw - importKw[t]) * h);
        } else if (residualKw < 0) {
            exportKw[t] = connected ? Math.min(-residualKw, Math.min(m.grid.maxExportKw(), exportableKw(t))) : 0;
            report.oversupply(t, -residualKw - exportKw[t]);
        }
        if (outputKw < demandKw - TOLERANCE_KW) {
            report.add(new Shortfall(t, Shortfall.Kind.DEMAND, demandKw, outputKw));
        }
    }

    /** What devices that may export produce in t. */
    private double exportableKw(int t) {
        double kw = 0;
        for (int g = 0; g < m.generators.size(); g++) {
            if (m.generators.get(g).info().exportAllowed()) {
                kw += Math.max(generatorKw[g][t], 0);
            }
        }
        for (int r = 0; r < m.renewables.size(); r++) {
            if (m.renewables.get(r).info().exportAllowed()) {
                kw += Math.max(renewableKw[r][t], 0);
            }
        }
        for (int s = 0; s < m.stores.size(); s++) {
            if (m.stores.get(s).info().exportAllowed()) {
                kw += Math.max(storageKw[s][t], 0);
            }
        }
        return kw;
    }

    /** Reserve held: committed units' headroom plus storage discharge headroom; the requirement by the problem's rule. */
    private void measureReserve(int t, ShortfallReport report) {
        double heldKw = 0;
        double largestOnlineKw = 0;
        for (int g = 0; g < m.generators.size(); g++) {
            if (generatorOn[g][t]) {
                heldKw += Math.max(0, m.capKw(g, t) - generatorKw[g][t]);
                largestOnlineKw = Math.max(largestOnlineKw, m.capKw(g, t));
            }
        }
        for (int s = 0; s < m.stores.size(); s++) {
            heldKw += Math.max(0, canDischargeKw[s][t] - Math.max(storageKw[s][t], 0));
        }
        double requiredKw = m.problem.reserve().requiredKw(m.demandKw[t], largestOnlineKw);
        if (heldKw < requiredKw - TOLERANCE_KW) {
            report.add(new Shortfall(t, Shortfall.Kind.RESERVE, requiredKw, heldKw));
        }
    }

    private List<DeviceSchedule> schedules() {
        Map<Asset, Integer> index = new IdentityHashMap<>();
        for (List<? extends Asset> list : List.of(m.generators, m.renewables, m.stores)) {
            for (int i = 0; i < list.size(); i++) {
                index.put(list.get(i), i);
            }
        }
        List<DeviceSchedule> schedules = new ArrayList<>();
        for (Asset asset : m.problem.assets()) {
            int i = index.get(asset);
            schedules.add(switch (asset) {
                case Generator g -> DeviceSchedule.generator(g.id(), g.type(), generatorKw[i], generatorOn[i]);
                case Renewable r -> DeviceSchedule.flows(r.id(), r.type(), renewableKw[i], Profile.of());
                case Storage s -> DeviceSchedule.flows(s.id(), s.type(), storageKw[i], Profile.of(storageSoc[i]));
            });
        }
        return schedules;
    }

    private static double clamp(double value, double low, double high) {
        return Math.max(low, Math.min(high, value));
    }
}
