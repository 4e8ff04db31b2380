package org.gridfleet.plan.agents;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.ShortfallReport;

/** The awards of one round, interval by interval, assembled into a {@link DispatchPlan} with an honest status. */
final class RoundPlan {
    private static final double TOLERANCE_KW = 1e-6;

    private final PlanningProblem problem;
    private final List<GeneratorAgent> generators;
    private final List<RenewableAgent> renewables;
    private final List<StorageAgent> stores;
    private final double[][] generatorKw;
    private final boolean[][] generatorOn;
    private final double[][] renewableKw;
    private final double[][] storageKw;
    private final double[][] storageSoc;
    private final double[] importKw;
    private final double[] exportKw;
    final double[] pricePerKwh;
    private final List<Shortfall> shortfalls = new ArrayList<>();
    private final ShortfallReport report;

    RoundPlan(PlanningProblem problem, List<GeneratorAgent> generators, List<RenewableAgent> renewables, List<StorageAgent> stores) {
        this.problem = problem;
        this.generators = generators;
        this.renewables = renewables;
        this.stores = stores;
        int n = problem.grid().intervals();
        generatorKw = new double[generators.size()][n];
        generatorOn = new boolean[generators.size()][n];
        renewableKw = new double[renewables.size()][n];
        storageKw = new double[stores.size()][n];
        storageSoc = new double[stores.size()][n];
        importKw = new double[n];
        exportKw = new double[n];
        pricePerKwh = new double[n];
        report = new ShortfallReport(problem);
    }

    /** Records interval {@code t}'s clearing; {@code socAfter} is each store's state of charge at its end. */
    void record(int t, double demandKw, Clearing c, double[] socAfter) {
        double combinedKw = 0;
        for (int i = 0; i < generatorKw.length; i++) {
            generatorOn[i][t] = c.generatorOn()[i];
            generatorKw[i][t] = c.generatorOn()[i] ? c.generatorKw()[i] : 0;
            combinedKw += generatorKw[i][t];
        }
        for (int r = 0; r < renewableKw.length; r++) {
            renewableKw[r][t] = c.renewableKw()[r];
            combinedKw += renewableKw[r][t];
        }
        for (int s = 0; s < storageKw.length; s++) {
            storageKw[s][t] = c.storageKw()[s];
            storageSoc[s][t] = socAfter[s];
            combinedKw += storageKw[s][t];
        }
        importKw[t] = c.importKw();
        exportKw[t] = c.exportKw();
        pricePerKwh[t] = c.pricePerKwh();
        if (combinedKw < demandKw - TOLERANCE_KW) {
            shortfalls.add(new Shortfall(t, Shortfall.Kind.DEMAND, demandKw, combinedKw));
        }
        if (c.reserveHeldKw() < c.reserveRequiredKw() - TOLERANCE_KW) {
            shortfalls.add(new Shortfall(t, Shortfall.Kind.RESERVE, c.reserveRequiredKw(), c.reserveHeldKw()));
        }
        report.unserved(c.unservedKw() * problem.grid().stepHours());
        report.oversupply(t, c.oversupplyKw());
    }

    int shortfallCount() {
        return shortfalls.size();
    }

    DispatchPlan plan() {
        shortfalls.forEach(report::add);
        PlanStatus status = report.status().orElse(new PlanStatus.Heuristic());
        // each agent's schedule by its device, looked up once per device rather than by a search through the agents
        Map<Asset, DeviceSchedule> byAsset = new IdentityHashMap<>();
        for (int i = 0; i < generators.size(); i++) {
            Asset unit = generators.get(i).unit;
            byAsset.put(unit, DeviceSchedule.generator(unit.id(), unit.type(), generatorKw[i], generatorOn[i]));
        }
        for (int r = 0; r < renewables.size(); r++) {
            Asset unit = renewables.get(r).unit;
            byAsset.put(unit, DeviceSchedule.flows(unit.id(), unit.type(), renewableKw[r], Profile.of()));
        }
        for (int s = 0; s < stores.size(); s++) {
            Asset store = stores.get(s).store;
            byAsset.put(store, DeviceSchedule.flows(store.id(), store.type(), storageKw[s], Profile.of(storageSoc[s])));
        }
        List<DeviceSchedule> schedules = new ArrayList<>();
        for (Asset asset : problem.assets()) {
            DeviceSchedule schedule = byAsset.get(asset);
            if (schedule == null) {
                throw new IllegalStateException("no agent for " + asset.id());
            }
            schedules.add(schedule);
        }
        return new DispatchPlan(AgentPlanGenerator.NAME, Objective.of(ObjectiveKind.COST), status, problem.grid(), schedules,
                Profile.of(importKw), Profile.of(exportKw));
    }
}
