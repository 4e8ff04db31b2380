package org.gridfleet.plan.meritorder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.Profile;
import org.gridfleet.model.TimeGrid;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.ShortfallReport;

/** One merit-order run over a problem: the state that carries from interval to interval, and the plan it builds. */
final class MeritOrderRun {
    /** A requirement counts as met within this many kW. */
    static final double TOLERANCE_KW = 1e-6;
    /** Flows (kW) and energies (kWh) below this are rounding noise and treated as zero. */
    private static final double NEGLIGIBLE = 1e-9;

    private final PlanningProblem problem;
    private final TimeGrid grid;
    private final double h;
    private final Profile demandProfileKw;
    private final GridConnection connection;

    /** Generators in merit order, renewables in problem order, storage cheapest degradation first. */
    private final List<Generator> generators;
    private final List<Renewable> renewables;
    /** Per renewable, what it can produce in each interval (forecast within rating and availability). */
    private final List<Profile> renewableBoundKw;
    private final List<Storage> stores;
    /** Renewable indexes in the order they are curtailed: those that may not export first, then by falling O&M cost. */
    private final List<Integer> curtailmentOrder;

    private final double[][] generatorKw;
    private final boolean[][] generatorOn;
    private final double[][] renewableKw;
    private final double[][] storageKw;
    private final double[][] storageSoc;
    private final double[] importKw;
    private final double[] exportKw;

    /** Stored energy of each store now, kWh; hours each generator has run in this plan. */
    private final double[] energyKwh;
    private final double[] hoursRun;

    private final List<Shortfall> shortfalls = new ArrayList<>();
    private final double[] unservedKw;
    private final double[] oversupplyKw;

    MeritOrderRun(PlanningProblem problem) {
        this.problem = problem;
        this.grid = problem.grid();
        this.h = grid.stepHours();
        this.demandProfileKw = problem.demandKw();
        this.connection = problem.gridConnection();
        this.generators = problem.assets().stream()
                .filter(Generator.class::isInstance).map(Generator.class::cast)
                .sorted(Comparator.comparingDouble(MeritOrderRun::fullLoadCostPerKwh).thenComparing(Asset::id))
                .toList();
        this.renewables = problem.assets().stream().filter(Renewable.class::isInstance).map(Renewable.class::cast).toList();
        this.renewableBoundKw = renewables.stream().map(problem::maxOutputKw).toList();
        this.stores = problem.assets().stream()
                .filter(Storage.class::isInstance).map(Storage.class::cast)
                .sorted(Comparator.comparingDouble(Storage::degradationCostPerKwh).thenComparing(Asset::id))
                .toList();
        this.curtailmentOrder = new ArrayList<>();
        for (int r = 0; r < renewables.size(); r++) {
            curtailmentOrder.add(r);
        }
        curtailmentOrder.sort(Comparator.<Integer, Boolean>comparing(r -> renewables.get(r).info().exportAllowed())
                .thenComparing(r -> -renewables.get(r).info().omCostPerKwh())
                .thenComparing(r -> renewables.get(r).id()));

        int n = grid.intervals();
        generatorKw = new double[generators.size()][n];
        generatorOn = new boolean[generators.size()][n];
        renewableKw = new double[renewables.size()][n];
        storageKw = new double[stores.size()][n];
        storageSoc = new double[stores.size()][n];
        importKw = new double[n];
        exportKw = new double[n];
        unservedKw = new double[n];
        oversupplyKw = new double[n];
        energyKwh = new double[stores.size()];
        for (int s = 0; s < stores.size(); s++) {
            energyKwh[s] = stores.get(s).initialSoc() * stores.get(s).energyCapacityKwh();
        }
        hoursRun = new double[generators.size()];
    }

    /** Average cost of a kWh at full load: the merit order. */
    static double fullLoadCostPerKwh(Generator g) {
        double pmax = g.ratedPowerKw();
        return g.costCurve().costPerHour(pmax) / pmax + g.info().omCostPerKwh();
    }

    DispatchPlan plan() {
        for (int t = 0; t < grid.intervals(); t++) {
            Interval interval = new Interval(t);
            Dispatch dispatch = interval.commitAndDispatch();
            record(interval, dispatch);
        }
        return new DispatchPlan(MeritOrderPlanGenerator.NAME, Objective.of(ObjectiveKind.COST), status(), grid, schedules(),
                Profile.of(importKw), Profile.of(exportKw));
    }

    /** What one interval offers: demand, renewable output, storage limits from the energy carried in, generators. */
    private final class Interval {
        final int t;
        final double demandKw;
        final double[] renewableKw = new double[renewables.size()];
        final double[] floorKw = new double[stores.size()];
        final double[] dischargeCapKw = new double[stores.size()];
        final double[] chargeCapKw = new double[stores.size()];
        final double[] startEnergyKwh = new double[stores.size()];
        final double[] capKw = new double[generators.size()];
        final boolean[] candidate = new boolean[generators.size()];
        final double netKw;

        Interval(int t) {
            this.t = t;
            this.demandKw = demandProfileKw.get(t);
            double net = demandKw;
            for (int r = 0; r < renewables.size(); r++) {
                renewableKw[r] = renewableBoundKw.get(r).get(t);
                net -= renewableKw[r];
            }
            for (int s = 0; s < stores.size(); s++) {
                Storage store = stores.get(s);
                double share = problem.availability().get(store.id()).get(t);
                double minKwh = store.minSoc() * store.energyCapacityKwh();
                double maxKwh = store.maxSoc() * store.energyCapacityKwh();
                // self-discharge over the interval: E' = E·(1 − selfDischargePerHour)^h
                double e = energyKwh[s] * Math.pow(1 - store.selfDischargePerHour(), h);
                startEnergyKwh[s] = e;
                // discharge:  E' − P·h/ηd ≥ Emin;   charge:  E' + ηc·P·h ≤ Emax
                dischargeCapKw[s] = atLeastZero(Math.min(store.maxDischargeKw() * share, (e - minKwh) * store.dischargeEfficiency() / h));
                chargeCapKw[s] = atLeastZero(Math.min(store.maxChargeKw() * share, (maxKwh - e) / (store.chargeEfficiency() * h)));
                // below its minimum after self-discharge, a store must charge back up (as far as it can)
                floorKw[s] = minKwh - e > NEGLIGIBLE ? Math.min(chargeCapKw[s], (minKwh - e) / (store.chargeEfficiency() * h)) : 0;
                net += floorKw[s];
            }
            this.netKw = net;
            for (int i = 0; i < generators.size(); i++) {
                Generator g = generators.get(i);
                capKw[i] = g.ratedPowerKw() * problem.availability().get(g.id()).get(t);
                boolean hoursLeft = hoursRun[i] + h <= g.runHourLimit().remainingHours() + NEGLIGIBLE;
                candidate[i] = capKw[i] > 0 && capKw[i] >= g.minStablePowerKw() && hoursLeft;
            }
        }

        /**
         * Commits candidates in merit order until demand and reserve are met with no energy from storage, then
         * returns that dispatch. Storage is held back for what the generators cannot cover (the evening peak) and
         * for reserve, rather than run down at low load while generators stand idle.
         */
        Dispatch commitAndDispatch() {
            boolean[] on = new boolean[generators.size()];
            Dispatch best = dispatch(on);
            for (int i = 0; i < generators.size() && (!best.meetsRequirements() || best.dischargeKw() > TOLERANCE_KW); i++) {
                if (!candidate[i]) {
                    continue;
                }
                on[i] = true;
                Dispatch trial = dispatch(on);
                // its minimum stable power could not be absorbed; or, once requirements are met, it does not
                // relieve storage without breaking them (a big unit can force storage to charge and lose reserve)
                boolean rejected = trial.oversupplyKw > best.oversupplyKw + TOLERANCE_KW
                        || best.meetsRequirements() && !(trial.meetsRequirements() && trial.dischargeKw() < best.dischargeKw() - TOLERANCE_KW);
                if (rejected) {
                    on[i] = false;
                    continue;
                }
                best = trial;
            }
            return best;
        }

        /** Set points for the committed units {@code on}: minimum stable power, then cheapest first, then storage. */
        Dispatch dispatch(boolean[] on) {
            Dispatch d = new Dispatch(on.clone(), new double[generators.size()], renewableKw.clone(), new double[stores.size()]);
            double rest = netKw;
            for (int i = 0; i < generators.size(); i++) {
                if (on[i]) {
                    d.generatorKw[i] = generators.get(i).minStablePowerKw();
                    rest -= d.generatorKw[i];
                }
            }
            for (int s = 0; s < stores.size(); s++) {
                d.storageKw[s] = -floorKw[s];
            }
            if (rest >= 0) {
                for (int i = 0; i < generators.size(); i++) {
                    if (on[i]) {
                        double more = Math.min(capKw[i] - d.generatorKw[i], rest);
                        d.generatorKw[i] += more;
                        rest -= more;
                    }
                }
                for (int s = 0; s < stores.size(); s++) {
                    double discharge = Math.min(dischargeCapKw[s], rest);
                    d.storageKw[s] += discharge;
                    rest -= discharge;
                }
                d.shortKw = rest < NEGLIGIBLE ? 0 : rest;
                d.importKw = connection.islanded() ? 0 : Math.min(connection.maxImportKw(), d.shortKw);
                d.unservedKw = d.shortKw - d.importKw;
            } else {
                absorbSurplus(d, on, -rest);
            }
            double largestOnlineKw = 0;
            for (int i = 0; i < generators.size(); i++) {
                if (on[i]) {
                    d.reserveHeldKw += capKw[i] - d.generatorKw[i];
                    largestOnlineKw = Math.max(largestOnlineKw, capKw[i]);
                }
            }
            for (int s = 0; s < stores.size(); s++) {
                d.reserveHeldKw += Math.max(0, dischargeCapKw[s] - Math.max(d.storageKw[s], 0));
            }
            d.reserveRequiredKw = problem.reserve().requiredKw(demandKw, largestOnlineKw);
            return d;
        }

        /** Charge storage, export, curtail; what is left is oversupply. */
        private void absorbSurplus(Dispatch d, boolean[] on, double surplusKw) {
            double surplus = surplusKw;
            for (int s = 0; s < stores.size(); s++) {
                double charge = Math.min(atLeastZero(chargeCapKw[s] - floorKw[s]), surplus);
                d.storageKw[s] -= charge;
                surplus -= charge;
            }
            // A: curtailable output that may not be exported, B: curtailable output that may,
            // exportable: all output of devices that may export (B included)
            double curtailableKept = 0;
            double curtailableExportable = 0;
            double exportable = 0;
            for (int r = 0; r < renewables.size(); r++) {
                Renewable renewable = renewables.get(r);
                boolean mayExport = renewable.info().exportAllowed();
                if (renewable.curtailable()) {
                    if (mayExport) {
                        curtailableExportable += renewableKw[r];
                    } else {
                        curtailableKept += renewableKw[r];
                    }
                }
                if (mayExport) {
                    exportable += renewableKw[r];
                }
            }
            for (int i = 0; i < generators.size(); i++) {
                if (on[i] && generators.get(i).info().exportAllowed()) {
                    exportable += d.generatorKw[i];
                }
            }
            // export + curtailment of exporting devices can never exceed what those devices produce
            boolean connected = !connection.islanded();
            double absorbable = curtailableKept
                    + (connected ? Math.min(exportable, connection.maxExportKw() + curtailableExportable) : curtailableExportable);
            double absorbed = Math.min(surplus, absorbable);
            d.exportKw = connected ? Math.min(connection.maxExportKw(), Math.min(absorbed, exportable)) : 0;
            double curtail = absorbed - d.exportKw;
            for (int r : curtailmentOrder) {
                if (curtail <= 0) {
                    break;
                }
                if (renewables.get(r).curtailable()) {
                    double cut = Math.min(d.renewableKw[r], curtail);
                    d.renewableKw[r] -= cut;
                    curtail -= cut;
                }
            }
            double left = surplus - absorbed;
            d.oversupplyKw = left < NEGLIGIBLE ? 0 : left;
        }
    }

    /** Set points of one interval for one choice of committed units, and what they achieve. */
    private static final class Dispatch {
        final boolean[] on;
        final double[] generatorKw;
        final double[] renewableKw;
        final double[] storageKw;
        double importKw;
        double exportKw;
        /** How far the devices' combined output falls short of demand. */
        double shortKw;
        double unservedKw;
        double oversupplyKw;
        double reserveHeldKw;
        double reserveRequiredKw;

        Dispatch(boolean[] on, double[] generatorKw, double[] renewableKw, double[] storageKw) {
            this.on = on;
            this.generatorKw = generatorKw;
            this.renewableKw = renewableKw;
            this.storageKw = storageKw;
        }

        boolean meetsRequirements() {
            return shortKw <= TOLERANCE_KW && reserveHeldKw >= reserveRequiredKw - TOLERANCE_KW;
        }

        /** Energy taken from storage in this interval, kW. */
        double dischargeKw() {
            double total = 0;
            for (double p : storageKw) {
                total += Math.max(0, p);
            }
            return total;
        }
    }

    private void record(Interval interval, Dispatch d) {
        int t = interval.t;
        double combinedKw = 0;
        for (int i = 0; i < generators.size(); i++) {
            generatorOn[i][t] = d.on[i];
            generatorKw[i][t] = d.on[i] ? d.generatorKw[i] : 0;
            combinedKw += generatorKw[i][t];
            if (d.on[i]) {
                hoursRun[i] += h;
            }
        }
        for (int r = 0; r < renewables.size(); r++) {
            renewableKw[r][t] = d.renewableKw[r];
            combinedKw += d.renewableKw[r];
        }
        for (int s = 0; s < stores.size(); s++) {
            Storage store = stores.get(s);
            double p = d.storageKw[s];
            storageKw[s][t] = p;
            combinedKw += p;
            // E_t = E'·… + ηc·charge·h − discharge·h/ηd
            double charge = Math.max(-p, 0);
            double discharge = Math.max(p, 0);
            energyKwh[s] = interval.startEnergyKwh[s] + store.chargeEfficiency() * charge * h - discharge * h / store.dischargeEfficiency();
            storageSoc[s][t] = energyKwh[s] / store.energyCapacityKwh();
        }
        importKw[t] = d.importKw;
        exportKw[t] = d.exportKw;
        unservedKw[t] = d.unservedKw;
        oversupplyKw[t] = d.oversupplyKw;
        if (combinedKw < interval.demandKw - TOLERANCE_KW) {
            shortfalls.add(new Shortfall(t, Shortfall.Kind.DEMAND, interval.demandKw, combinedKw));
        }
        if (d.reserveHeldKw < d.reserveRequiredKw - TOLERANCE_KW) {
            shortfalls.add(new Shortfall(t, Shortfall.Kind.RESERVE, d.reserveRequiredKw, d.reserveHeldKw));
        }
    }

    private List<DeviceSchedule> schedules() {
        // each asset's position in its own list, found once rather than by a scan per asset
        Map<Asset, Integer> index = new IdentityHashMap<>();
        for (List<? extends Asset> list : List.of(generators, renewables, stores)) {
            for (int i = 0; i < list.size(); i++) {
                index.put(list.get(i), i);
            }
        }
        List<DeviceSchedule> schedules = new ArrayList<>();
        for (Asset asset : problem.assets()) {
            int i = index.get(asset);
            schedules.add(switch (asset) {
                case Generator g -> DeviceSchedule.generator(g.id(), g.type(), generatorKw[i], generatorOn[i]);
                case Renewable r -> DeviceSchedule.flows(r.id(), r.type(), renewableKw[i], Profile.of());
                case Storage s -> DeviceSchedule.flows(s.id(), s.type(), storageKw[i], Profile.of(storageSoc[i]));
            });
        }
        return schedules;
    }

    private PlanStatus status() {
        ShortfallReport report = new ShortfallReport(problem);
        shortfalls.forEach(report::add);
        for (int t = 0; t < grid.intervals(); t++) {
            report.unserved(unservedKw[t] * h);
            report.oversupply(t, oversupplyKw[t]);
        }
        return report.status().orElse(new PlanStatus.Heuristic());
    }

    private static double atLeastZero(double value) {
        return value > NEGLIGIBLE ? value : 0;
    }
}
