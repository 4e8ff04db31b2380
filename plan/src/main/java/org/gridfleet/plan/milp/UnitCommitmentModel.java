package org.gridfleet.plan.milp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.fleet.GridConnection;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * The unit-commitment MILP of one planning problem, built in a fixed order: data, variables, constraints (each with
 * its equation and a name), objective. Symbols as in docs/optimization.md; g generator, r renewable, s store,
 * t interval, h = step in hours. Power is positive into the grid. With network constraints, {@link NetworkModel}
 * adds the LinDistFlow rows after the plant's, and the network's losses join demand in balance and cover.
 */
final class UnitCommitmentModel {
    /** Minimum up/down and run hours agree with the plan checker within this many hours. */
    private static final double TOLERANCE_HOURS = 1e-6;
    /** Cost's weight, relative to the others' sum, when the objective leaves cost out. */
    static final double COST_TIE_BREAK = 1e-4;

    // ---- data -----------------------------------------------------------------------------------------------
    final PlanningProblem problem;
    final MilpOptions options;
    final int n;
    final double h;
    final List<Generator> generators;
    final List<Renewable> renewables;
    final List<Storage> stores;
    final double[] demandKw;
    /** L[t]: network losses the plant's output covers on top of demand (from the AC check; 0 without one). */
    final double[] lossesKw;
    final GridConnection grid;
    final CostSegments[] cost;
    private final Map<ObjectiveKind, Double> scales;
    /**
     * kW per model unit: powers and energies enter SCIP divided by this, so that the largest device is of order 10³
     * whatever the fleet's size (SCIP's cuts stall on 10⁵-kW numbers, docs/validation.md); a power of ten, ≥ 1.
     */
    final double kwPerUnit;

    final MPSolver solver;
    /** LinDistFlow rows when the options ask for network constraints; null otherwise. */
    final NetworkModel network;

    // ---- variables ------------------------------------------------------------------------------------------
    // generators [g][t]
    final MPVariable[][] on;          // u
    final MPVariable[][] start;       // v
    final MPVariable[][] stop;        // w
    final MPVariable[][] hotStart;    // z: the start in t is hot
    final MPVariable[][] powerKw;     // p
    final MPVariable[][][] segmentKw; // δ[g][t][k]
    final MPVariable[][] rampSlackKw; // down-ramp slack, only ever used when the initial state leaves no way out
    // renewables [r][t]
    final MPVariable[][] renewableKw; // q
    // storage [s][t]
    final MPVariable[][] chargeKw;    // c
    final MPVariable[][] dischargeKw; // d
    final MPVariable[][] charging;    // y
    final MPVariable[][] energyKwh;   // E
    final MPVariable[][] socDeficitKwh;
    final MPVariable[][] storageReserveKw; // ρ
    final MPVariable[] finalDeficitKwh;
    // plant [t]
    final MPVariable[] importKw;
    final MPVariable[] exportKw;
    final MPVariable[] importing;     // x: import (1) or export (0)
    final MPVariable[] shortKw;       // devices short of demand
    final MPVariable[] unservedKw;    // demand neither devices nor import serve
    final MPVariable[] spillKw;       // oversupply nothing can absorb
    final MPVariable[] reserveShortKw;
    /** R[t]: spinning reserve held, a variable only when the reliability objective needs it. */
    final MPVariable[] reserveKw;
    /** ℓ[a,t] → FOR_a: output a device's outage would leave uncovered, for the reliability objective. */
    private final Map<MPVariable, Double> outageExposure = new IdentityHashMap<>();

    /** The model for a single objective, in that objective's own unit. */
    UnitCommitmentModel(PlanningProblem problem, MilpOptions options) {
        this(problem, options, Map.of());
    }

    /**
     * @param scales what each objective of a weighted combination is divided by (its value on a reference plan), so
     *               that the weights compare like with like; a missing scale is 1
     */
    UnitCommitmentModel(PlanningProblem problem, MilpOptions options, Map<ObjectiveKind, Double> scales) {
        // data
        this.problem = problem;
        this.options = options;
        this.scales = Map.copyOf(scales);
        this.n = problem.grid().intervals();
        this.h = problem.grid().stepHours();
        this.generators = problem.assets().stream().filter(Generator.class::isInstance).map(Generator.class::cast).toList();
        this.renewables = problem.assets().stream().filter(Renewable.class::isInstance).map(Renewable.class::cast).toList();
        this.stores = problem.assets().stream().filter(Storage.class::isInstance).map(Storage.class::cast).toList();
        this.demandKw = problem.demandKw().toArray();
        options.reserveFloorKw().ifPresent(floor -> {
            if (floor.size() != problem.grid().intervals()) {
                throw new IllegalArgumentException("the reserve floor has " + floor.size() + " intervals, the problem " + problem.grid().intervals());
            }
        });
        this.network = options.network().map(limits -> new NetworkModel(problem, limits)).orElse(null);
        this.lossesKw = new double[n];
        if (network != null) {
            for (int t = 0; t < n; t++) {
                lossesKw[t] = network.corrections.lossesKw(t);
            }
        }
        this.grid = problem.gridConnection();
        this.kwPerUnit = kwPerUnit(problem);
        this.cost = generators.stream().map(g -> CostSegments.of(g, options.quadraticSegments())).toArray(CostSegments[]::new);
        this.solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools has no SCIP solver on this platform");
        }

        int gs = generators.size();
        int rs = renewables.size();
        int ss = stores.size();
        on = new MPVariable[gs][n];
        start = new MPVariable[gs][n];
        stop = new MPVariable[gs][n];
        hotStart = new MPVariable[gs][n];
        powerKw = new MPVariable[gs][n];
        segmentKw = new MPVariable[gs][n][];
        rampSlackKw = new MPVariable[gs][n];
        renewableKw = new MPVariable[rs][n];
        chargeKw = new MPVariable[ss][n];
        dischargeKw = new MPVariable[ss][n];
        charging = new MPVariable[ss][n];
        energyKwh = new MPVariable[ss][n];
        socDeficitKwh = new MPVariable[ss][n];
        storageReserveKw = new MPVariable[ss][n];
        finalDeficitKwh = new MPVariable[ss];
        importKw = new MPVariable[n];
        exportKw = new MPVariable[n];
        importing = new MPVariable[n];
        shortKw = new MPVariable[n];
        unservedKw = new MPVariable[n];
        spillKw = new MPVariable[n];
        reserveShortKw = new MPVariable[n];
        reserveKw = new MPVariable[n];

        addVariables();
        for (int g = 0; g < gs; g++) {
            addGeneratorConstraints(g);
        }
        for (int s = 0; s < ss; s++) {
            addStorageConstraints(s);
        }
        for (int t = 0; t < n; t++) {
            addPlantConstraints(t);
        }
        if (network != null) {
            network.addTo(this);
        }
        if (options.objective().weight(ObjectiveKind.RELIABILITY) > 0) {
            addOutageExposure();
        }
        setObjective();
    }

    // ---- data helpers -------------------------------------------------------------------------------------------

    double availability(Asset asset, int t) {
        return problem.availability().get(asset.id()).get(t);
    }

    private static double kwPerUnit(PlanningProblem problem) {
        double largest = problem.assets().stream().mapToDouble(a -> a.info().ratedPowerKw()).max().orElse(1);
        return Math.max(1, Math.pow(10, Math.round(Math.log10(Math.max(largest, 1) / 1000))));
    }

    /** {@code kilowatts} (or kWh) in model units. */
    double unit(double kilowatts) {
        return kilowatts / kwPerUnit;
    }

    /** P̄[g,t] = rated·a[g,t]: what the unit may produce in t. */
    double capKw(int g, int t) {
        Generator gen = generators.get(g);
        return gen.ratedPowerKw() * availability(gen, t);
    }

    /** Whether a unit can be committed at all in t: available, and able to reach its minimum stable power. */
    boolean canRun(int g, int t) {
        double cap = capKw(g, t);
        return cap > 0 && cap >= generators.get(g).minStablePowerKw();
    }

    /** Smallest k ≥ 0 with {@code from + k·h ≥ hours} (by repeated addition, as the checker and evaluator count). */
    private int intervalsToReach(double from, double hours, double tolerance) {
        return problem.grid().intervalsToReach(from, hours, tolerance);
    }

    // ---- variables ----------------------------------------------------------------------------------------------

    private void addVariables() {
        double inf = MPSolver.infinity();
        for (int g = 0; g < generators.size(); g++) {
            String id = generators.get(g).id().value();
            for (int t = 0; t < n; t++) {
                String at = "[" + id + "," + t + "]";
                on[g][t] = solver.makeBoolVar("on" + at);
                start[g][t] = solver.makeBoolVar("start" + at);
                stop[g][t] = solver.makeBoolVar("stop" + at);
                hotStart[g][t] = solver.makeNumVar(0, 1, "hot_start" + at);
                powerKw[g][t] = solver.makeNumVar(0, inf, "power_kw" + at);
                rampSlackKw[g][t] = solver.makeNumVar(0, inf, "ramp_slack_kw" + at);
                segmentKw[g][t] = new MPVariable[cost[g].segments()];
                for (int k = 0; k < cost[g].segments(); k++) {
                    segmentKw[g][t][k] = solver.makeNumVar(0, unit(cost[g].widthKw()[k]), "segment_kw[" + id + "," + t + "," + k + "]");
                }
                if (!canRun(g, t)) {
                    on[g][t].setUb(0); // maintenance, or available output below the minimum stable power
                }
            }
        }
        for (int r = 0; r < renewables.size(); r++) {
            Renewable ren = renewables.get(r);
            double[] boundKw = problem.maxOutputKw(ren).toArray();
            for (int t = 0; t < n; t++) {
                // 0 ≤ q[r,t] ≤ min(forecast, rated·a); = that bound when not curtailable
                renewableKw[r][t] = solver.makeNumVar(ren.curtailable() ? 0 : unit(boundKw[t]), unit(boundKw[t]), "renewable_kw[" + ren.id().value() + "," + t + "]");
            }
        }
        for (int s = 0; s < stores.size(); s++) {
            Storage st = stores.get(s);
            String id = st.id().value();
            double maxKwh = st.maxSoc() * st.energyCapacityKwh();
            for (int t = 0; t < n; t++) {
                String at = "[" + id + "," + t + "]";
                chargeKw[s][t] = solver.makeNumVar(0, inf, "charge_kw" + at);
                dischargeKw[s][t] = solver.makeNumVar(0, inf, "discharge_kw" + at);
                charging[s][t] = solver.makeBoolVar("charging" + at);
                energyKwh[s][t] = solver.makeNumVar(0, unit(maxKwh), "energy_kwh" + at);
                socDeficitKwh[s][t] = solver.makeNumVar(0, inf, "soc_deficit_kwh" + at);
                storageReserveKw[s][t] = solver.makeNumVar(-inf, inf, "storage_reserve_kw" + at);
            }
            finalDeficitKwh[s] = solver.makeNumVar(0, inf, "final_deficit_kwh[" + id + "]");
        }
        for (int t = 0; t < n; t++) {
            importKw[t] = solver.makeNumVar(0, grid.islanded() ? 0 : unit(grid.maxImportKw()), "import_kw[" + t + "]");
            exportKw[t] = solver.makeNumVar(0, grid.islanded() ? 0 : unit(grid.maxExportKw()), "export_kw[" + t + "]");
            importing[t] = solver.makeBoolVar("importing[" + t + "]");
            shortKw[t] = solver.makeNumVar(0, inf, "short_kw[" + t + "]");
            unservedKw[t] = solver.makeNumVar(0, inf, "unserved_kw[" + t + "]");
            spillKw[t] = solver.makeNumVar(0, inf, "spill_kw[" + t + "]");
            reserveShortKw[t] = solver.makeNumVar(0, inf, "reserve_short_kw[" + t + "]");
        }
    }

    // ---- generator constraints ------------------------------------------------------------------------------

    private void addGeneratorConstraints(int g) {
        Generator gen = generators.get(g);
        String id = gen.id().value();
        // in model units (kwPerUnit)
        double pmin = unit(gen.minStablePowerKw());
        double rampUpKw = unit(gen.rampUpKwPerMin() * 60 * h);
        double rampDownKw = unit(gen.rampDownKwPerMin() * 60 * h);
        double startUpKw = Math.max(pmin, rampUpKw);
        double shutDownKw = Math.max(pmin, rampDownKw);
        double ratedKw = unit(gen.ratedPowerKw());
        boolean wasOn = gen.initialState().on();
        double initialKw = unit(gen.initialState().powerKw());

        for (int t = 0; t < n; t++) {
            String at = "[" + id + "," + t + "]";
            // output: p[g,t] = Pmin·u[g,t] + Σ_k δ[g,t,k],  δ[g,t,k] ≤ W_k·u[g,t]   (so Pmin·u ≤ p ≤ Pmax·u)
            MPConstraint output = solver.makeConstraint(0, 0, "output" + at);
            output.setCoefficient(powerKw[g][t], 1);
            output.setCoefficient(on[g][t], -pmin);
            for (int k = 0; k < cost[g].segments(); k++) {
                output.setCoefficient(segmentKw[g][t][k], -1);
                MPConstraint segment = solver.makeConstraint(-MPSolver.infinity(), 0, "segment[" + id + "," + t + "," + k + "]");
                segment.setCoefficient(segmentKw[g][t][k], 1);
                segment.setCoefficient(on[g][t], -unit(cost[g].widthKw()[k]));
            }
            // availability: p[g,t] ≤ Pmax·a[g,t]·u[g,t]
            MPConstraint available = solver.makeConstraint(-MPSolver.infinity(), 0, "available" + at);
            available.setCoefficient(powerKw[g][t], 1);
            available.setCoefficient(on[g][t], -unit(capKw(g, t)));

            // logic: u[g,t] − u[g,t−1] = v[g,t] − w[g,t]   (u[g,−1] from the initial state)
            MPConstraint logic = solver.makeConstraint(t == 0 ? (wasOn ? 1 : 0) : 0, t == 0 ? (wasOn ? 1 : 0) : 0, "logic" + at);
            logic.setCoefficient(on[g][t], 1);
            if (t > 0) {
                logic.setCoefficient(on[g][t - 1], -1);
            }
            logic.setCoefficient(start[g][t], -1);
            logic.setCoefficient(stop[g][t], 1);

            double previousOn = t == 0 ? (wasOn ? 1 : 0) : 0;
            double previousKw = t == 0 ? initialKw : 0;
            // ramp up:   p[g,t] − p[g,t−1] ≤ RU·u[g,t−1] + SU·v[g,t]   (cannot bind when RU ≥ rated: left out)
            if (rampUpKw < ratedKw) {
                MPConstraint rampUp = solver.makeConstraint(-MPSolver.infinity(), rampUpKw * previousOn + previousKw, "ramp_up" + at);
                rampUp.setCoefficient(powerKw[g][t], 1);
                rampUp.setCoefficient(start[g][t], -startUpKw);
                if (t > 0) {
                    rampUp.setCoefficient(powerKw[g][t - 1], -1);
                    rampUp.setCoefficient(on[g][t - 1], -rampUpKw);
                }
            }
            // ramp down: p[g,t−1] − p[g,t] ≤ RD·u[g,t] + SD·w[g,t] + σ[g,t]   (cannot bind when RD ≥ rated: left out)
            if (rampDownKw < ratedKw) {
                MPConstraint rampDown = solver.makeConstraint(-MPSolver.infinity(), -previousKw, "ramp_down" + at);
                rampDown.setCoefficient(powerKw[g][t], -1);
                rampDown.setCoefficient(on[g][t], -rampDownKw);
                rampDown.setCoefficient(stop[g][t], -shutDownKw);
                rampDown.setCoefficient(rampSlackKw[g][t], -1);
                if (t > 0) {
                    rampDown.setCoefficient(powerKw[g][t - 1], 1);
                }
            } else {
                rampSlackKw[g][t].setUb(0);
            }
        }
        addMinimumTimes(g);
        addHotStarts(g);
        addRunHours(g);
    }

    private void addMinimumTimes(int g) {
        Generator gen = generators.get(g);
        String id = gen.id().value();
        int upIntervals = intervalsToReach(0, gen.minUpTimeHours(), TOLERANCE_HOURS);
        int downIntervals = intervalsToReach(0, gen.minDownTimeHours(), TOLERANCE_HOURS);
        for (int t = 0; t < n; t++) {
            // minimum up:   Σ_{τ=t−UT+1..t} v[g,τ] ≤ u[g,t]
            if (upIntervals > 1) {
                MPConstraint up = solver.makeConstraint(-MPSolver.infinity(), 0, "min_up[" + id + "," + t + "]");
                for (int tau = Math.max(0, t - upIntervals + 1); tau <= t; tau++) {
                    up.setCoefficient(start[g][tau], 1);
                }
                up.setCoefficient(on[g][t], -1);
            }
            // minimum down: Σ_{τ=t−DT+1..t} w[g,τ] ≤ 1 − u[g,t]
            if (downIntervals > 1) {
                MPConstraint down = solver.makeConstraint(-MPSolver.infinity(), 1, "min_down[" + id + "," + t + "]");
                for (int tau = Math.max(0, t - downIntervals + 1); tau <= t; tau++) {
                    down.setCoefficient(stop[g][tau], 1);
                }
                down.setCoefficient(on[g][t], 1);
            }
        }
        // what the initial state still owes: u[g,t] = 1 (or 0) for t < L, as far as the unit can run
        double hoursInState = gen.initialState().hoursInState();
        if (gen.initialState().on()) {
            int owed = Math.min(intervalsToReach(hoursInState, gen.minUpTimeHours(), TOLERANCE_HOURS), runnableIntervals(g));
            for (int t = 0; t < owed && t < n && canRun(g, t); t++) {
                on[g][t].setLb(1);
            }
        } else {
            int owed = intervalsToReach(hoursInState, gen.minDownTimeHours(), TOLERANCE_HOURS);
            for (int t = 0; t < owed && t < n; t++) {
                on[g][t].setUb(0);
            }
        }
    }

    /**
     * Hot start: the start in t is hot when the unit ran in one of the last CT intervals (CT·h ≥ cold-start hours),
     * or, never having run in the horizon, its hours off before the horizon plus t·h are below the cold-start hours.
     * Start-up cost = cold·v − (cold − hot)·z with z ≤ v and z ≤ Σ_{τ=t−CT..t−1} u[g,τ] + hot0[g,t].
     */
    private void addHotStarts(int g) {
        Generator gen = generators.get(g);
        String id = gen.id().value();
        double coldAfterHours = gen.startUp().coldStartAfterHours();
        int coldIntervals = intervalsToReach(0, coldAfterHours, 0);
        boolean wasOn = gen.initialState().on();
        double hoursOff = wasOn ? 0 : gen.initialState().hoursInState();
        boolean hotCheaper = gen.startUp().hotStartCost() <= gen.startUp().coldStartCost();
        if (gen.startUp().hotStartCost() == gen.startUp().coldStartCost()) {
            for (int t = 0; t < n; t++) {
                hotStart[g][t].setUb(0); // every start costs the same: nothing to tell apart
            }
            return;
        }
        for (int t = 0; t < n; t++) {
            String at = "[" + id + "," + t + "]";
            // hot0: before the window reaches into the horizon, the initial state decides
            boolean hotFromBefore = wasOn ? t < coldIntervals : hoursOff < coldAfterHours;
            // z[g,t] ≤ v[g,t]
            MPConstraint onlyWhenStarting = solver.makeConstraint(-MPSolver.infinity(), 0, "hot_if_start" + at);
            onlyWhenStarting.setCoefficient(hotStart[g][t], 1);
            onlyWhenStarting.setCoefficient(start[g][t], -1);
            // z[g,t] ≤ Σ_{τ=t−CT..t−1} u[g,τ] + hot0[g,t]
            MPConstraint recent = solver.makeConstraint(-MPSolver.infinity(), hotFromBefore ? 1 : 0, "hot_if_recent" + at);
            recent.setCoefficient(hotStart[g][t], 1);
            for (int tau = Math.max(0, t - coldIntervals); tau < t; tau++) {
                recent.setCoefficient(on[g][tau], -1);
            }
            if (!hotCheaper) {
                // a hot start dearer than a cold one: force z up as well, z ≥ v + u[τ] − 1 (and z ≥ v when hot0)
                for (int tau = Math.max(0, t - coldIntervals); tau < t; tau++) {
                    MPConstraint force = solver.makeConstraint(-1, MPSolver.infinity(), "hot_forced[" + id + "," + t + "," + tau + "]");
                    force.setCoefficient(hotStart[g][t], 1);
                    force.setCoefficient(start[g][t], -1);
                    force.setCoefficient(on[g][tau], -1);
                }
                if (hotFromBefore) {
                    MPConstraint force = solver.makeConstraint(0, MPSolver.infinity(), "hot_forced_initial" + at);
                    force.setCoefficient(hotStart[g][t], 1);
                    force.setCoefficient(start[g][t], -1);
                }
            }
            if (!wasOn) {
                hoursOff += h;
            }
        }
    }

    /** Intervals the unit may still run: k·h ≤ remaining run hours. */
    int runnableIntervals(int g) {
        return problem.grid().intervalsWithin(generators.get(g).runHourLimit().remainingHours(), TOLERANCE_HOURS);
    }

    private void addRunHours(int g) {
        int allowed = runnableIntervals(g);
        if (allowed < n) {
            // run hours: Σ_t u[g,t]·h ≤ remaining hours
            MPConstraint runHours = solver.makeConstraint(-MPSolver.infinity(), allowed, "run_hours[" + generators.get(g).id().value() + "]");
            for (int t = 0; t < n; t++) {
                runHours.setCoefficient(on[g][t], 1);
            }
        }
    }

    // ---- storage constraints --------------------------------------------------------------------------------

    /** κ = (1 − selfDischargePerHour)^h: the share of stored energy kept over one interval. */
    double kept(Storage s) {
        return Math.pow(1 - s.selfDischargePerHour(), h);
    }

    private void addStorageConstraints(int s) {
        Storage st = stores.get(s);
        String id = st.id().value();
        double kappa = kept(st);
        // in model units (kwPerUnit)
        double initialKwh = unit(st.initialSoc() * st.energyCapacityKwh());
        double minKwh = unit(st.minSoc() * st.energyCapacityKwh());
        double chargeLimitKw = unit(st.maxChargeKw());
        double dischargeLimitKw = unit(st.maxDischargeKw());
        for (int t = 0; t < n; t++) {
            String at = "[" + id + "," + t + "]";
            double a = availability(st, t);
            // soc balance: E[s,t] = κ·E[s,t−1] + ηc·c[s,t]·h − d[s,t]·h/ηd   (E[s,−1] = soc0·capacity)
            MPConstraint balance = solver.makeConstraint(t == 0 ? kappa * initialKwh : 0, t == 0 ? kappa * initialKwh : 0, "soc_balance" + at);
            balance.setCoefficient(energyKwh[s][t], 1);
            if (t > 0) {
                balance.setCoefficient(energyKwh[s][t - 1], -kappa);
            }
            balance.setCoefficient(chargeKw[s][t], -st.chargeEfficiency() * h);
            balance.setCoefficient(dischargeKw[s][t], h / st.dischargeEfficiency());
            // charge only in charging mode:       c[s,t] ≤ Cmax·a·y[s,t]
            MPConstraint charge = solver.makeConstraint(-MPSolver.infinity(), 0, "charge_mode" + at);
            charge.setCoefficient(chargeKw[s][t], 1);
            charge.setCoefficient(charging[s][t], -chargeLimitKw * a);
            // discharge only otherwise:           d[s,t] ≤ Dmax·a·(1 − y[s,t])
            MPConstraint discharge = solver.makeConstraint(-MPSolver.infinity(), dischargeLimitKw * a, "discharge_mode" + at);
            discharge.setCoefficient(dischargeKw[s][t], 1);
            discharge.setCoefficient(charging[s][t], dischargeLimitKw * a);
            // minimum soc: E[s,t] + ε[s,t] ≥ socMin·capacity   (ε only where self-discharge leaves no choice)
            MPConstraint minimum = solver.makeConstraint(minKwh, MPSolver.infinity(), "soc_min" + at);
            minimum.setCoefficient(energyKwh[s][t], 1);
            minimum.setCoefficient(socDeficitKwh[s][t], 1);
            // reserve by power:  ρ[s,t] ≤ Dmax·a − d[s,t]
            MPConstraint byPower = solver.makeConstraint(-MPSolver.infinity(), dischargeLimitKw * a, "storage_reserve_power" + at);
            byPower.setCoefficient(storageReserveKw[s][t], 1);
            byPower.setCoefficient(dischargeKw[s][t], 1);
            // reserve by energy: ρ[s,t] ≤ (κ·E[s,t−1] − socMin·capacity)·ηd/h − d[s,t]
            double perKwh = st.dischargeEfficiency() / h;
            double constant = (t == 0 ? kappa * initialKwh : 0) * perKwh - minKwh * perKwh;
            MPConstraint byEnergy = solver.makeConstraint(-MPSolver.infinity(), constant, "storage_reserve_energy" + at);
            byEnergy.setCoefficient(storageReserveKw[s][t], 1);
            byEnergy.setCoefficient(dischargeKw[s][t], 1);
            if (t > 0) {
                byEnergy.setCoefficient(energyKwh[s][t - 1], -kappa * perKwh);
            }
        }
        if (options.finalSocTargets()) {
            // end of horizon: E[s,T−1] + ε_T[s] ≥ socFinal·capacity
            MPConstraint end = solver.makeConstraint(unit(st.finalSoc() * st.energyCapacityKwh()), MPSolver.infinity(), "final_soc[" + id + "]");
            end.setCoefficient(energyKwh[s][n - 1], 1);
            end.setCoefficient(finalDeficitKwh[s], 1);
        }
    }

    // ---- plant constraints ----------------------------------------------------------------------------------

    private void addPlantConstraints(int t) {
        // what the plant serves: demand, plus the network's losses when an AC check gave them (0 otherwise)
        double demand = unit(demandKw[t] + lossesKw[t]);
        // balance: Σp + Σq + Σ(d − c) + import − export + unserved − spill = demand + losses
        MPConstraint balance = solver.makeConstraint(demand, demand, "balance[" + t + "]");
        // cover:   Σp + Σq + Σ(d − c) + short ≥ demand + losses   (import does not count: the plant promises its own output)
        MPConstraint cover = solver.makeConstraint(demand, MPSolver.infinity(), "cover[" + t + "]");
        // export allowed: export ≤ Σ_{may export} (p + q + d)
        MPConstraint exportable = solver.makeConstraint(-MPSolver.infinity(), 0, "exportable[" + t + "]");
        exportable.setCoefficient(exportKw[t], 1);
        for (int g = 0; g < generators.size(); g++) {
            balance.setCoefficient(powerKw[g][t], 1);
            cover.setCoefficient(powerKw[g][t], 1);
            if (generators.get(g).info().exportAllowed()) {
                exportable.setCoefficient(powerKw[g][t], -1);
            }
        }
        for (int r = 0; r < renewables.size(); r++) {
            balance.setCoefficient(renewableKw[r][t], 1);
            cover.setCoefficient(renewableKw[r][t], 1);
            if (renewables.get(r).info().exportAllowed()) {
                exportable.setCoefficient(renewableKw[r][t], -1);
            }
        }
        for (int s = 0; s < stores.size(); s++) {
            balance.setCoefficient(dischargeKw[s][t], 1);
            balance.setCoefficient(chargeKw[s][t], -1);
            cover.setCoefficient(dischargeKw[s][t], 1);
            cover.setCoefficient(chargeKw[s][t], -1);
            if (stores.get(s).info().exportAllowed()) {
                exportable.setCoefficient(dischargeKw[s][t], -1);
            }
        }
        balance.setCoefficient(importKw[t], 1);
        balance.setCoefficient(exportKw[t], -1);
        balance.setCoefficient(unservedKw[t], 1);
        balance.setCoefficient(spillKw[t], -1);
        cover.setCoefficient(shortKw[t], 1);

        // import or export, not both: import ≤ Imax·x[t],  export ≤ Xmax·(1 − x[t])
        MPConstraint importOnly = solver.makeConstraint(-MPSolver.infinity(), 0, "import_mode[" + t + "]");
        importOnly.setCoefficient(importKw[t], 1);
        importOnly.setCoefficient(importing[t], -unit(grid.maxImportKw()));
        MPConstraint exportOnly = solver.makeConstraint(-MPSolver.infinity(), unit(grid.maxExportKw()), "export_mode[" + t + "]");
        exportOnly.setCoefficient(exportKw[t], 1);
        exportOnly.setCoefficient(importing[t], unit(grid.maxExportKw()));

        addReserve(t);
    }

    /**
     * Spinning reserve: R[t] = Σ_g (P̄[g,t]·u[g,t] − p[g,t]) + Σ_s ρ[s,t], and R[t] + shortR[t] ≥ each of
     * fraction·demand, minimumKw, and (when covering the largest unit) P̄[g,t]·u[g,t] for every g.
     */
    private void addReserve(int t) {
        ReserveRequirement rule = problem.reserve();
        if (rule.fractionOfDemand() * demandKw[t] > 0) {
            reserveConstraint(t, "reserve_fraction[" + t + "]", unit(rule.fractionOfDemand() * demandKw[t]), -1);
        }
        if (rule.minimumKw() > 0) {
            reserveConstraint(t, "reserve_minimum[" + t + "]", unit(rule.minimumKw()), -1);
        }
        double floorKw = options.reserveFloorKw().map(floor -> floor.get(t)).orElse(0.0);
        if (floorKw > 0) {
            addReserveFloor(t, floorKw);
        }
        if (rule.coverLargestUnit()) {
            for (int g = 0; g < generators.size(); g++) {
                if (canRun(g, t)) {
                    reserveConstraint(t, "reserve_largest[" + generators.get(g).id().value() + "," + t + "]", 0, g);
                }
            }
        }
    }

    /**
     * The reserve floor counts only reserve a unit can deliver within the interval: ρg[g,t] ≤ P̄[g,t]·u[g,t] − p[g,t]
     * and ρg[g,t] ≤ rampUp·60·h·u[g,t], then Σ_g ρg[g,t] + Σ_s ρ[s,t] + shortR[t] ≥ floor[t]. The floor is sized
     * against sampled outages in which units rise only as fast as they ramp (plan.stochastic), so it must be held
     * the same way or it can never be met.
     */
    private void addReserveFloor(int t, double floorKw) {
        MPConstraint floor = solver.makeConstraint(unit(floorKw), MPSolver.infinity(), "reserve_floor[" + t + "]");
        for (int g = 0; g < generators.size(); g++) {
            if (!canRun(g, t)) {
                continue;
            }
            String at = "[" + generators.get(g).id().value() + "," + t + "]";
            MPVariable rising = solver.makeNumVar(0, MPSolver.infinity(), "floor_reserve" + at);
            MPConstraint headroom = solver.makeConstraint(-MPSolver.infinity(), 0, "floor_reserve_headroom" + at);
            headroom.setCoefficient(rising, 1);
            headroom.setCoefficient(on[g][t], -unit(capKw(g, t)));
            headroom.setCoefficient(powerKw[g][t], 1);
            double rampKw = unit(generators.get(g).rampUpKwPerMin() * 60 * h);
            if (rampKw < unit(capKw(g, t))) {
                MPConstraint ramp = solver.makeConstraint(-MPSolver.infinity(), 0, "floor_reserve_ramp" + at);
                ramp.setCoefficient(rising, 1);
                ramp.setCoefficient(on[g][t], -rampKw);
            }
            floor.setCoefficient(rising, 1);
        }
        for (int s = 0; s < stores.size(); s++) {
            floor.setCoefficient(storageReserveKw[s][t], 1);
        }
        floor.setCoefficient(reserveShortKw[t], 1);
    }

    /** R[t] + shortR[t] − (lost ≥ 0 ? P̄[lost,t]·u[lost,t] : 0) ≥ required (model units). */
    private void reserveConstraint(int t, String name, double required, int lost) {
        MPConstraint reserve = solver.makeConstraint(required, MPSolver.infinity(), name);
        for (int g = 0; g < generators.size(); g++) {
            reserve.setCoefficient(on[g][t], g == lost ? 0 : unit(capKw(g, t)));
            reserve.setCoefficient(powerKw[g][t], -1);
        }
        for (int s = 0; s < stores.size(); s++) {
            reserve.setCoefficient(storageReserveKw[s][t], 1);
        }
        reserve.setCoefficient(reserveShortKw[t], 1);
    }

    // ---- warm start -------------------------------------------------------------------------------------------

    /**
     * Offers SCIP the commitments of {@code plan} (the merit-order plan) as a partial solution; SCIP completes it
     * where it can and otherwise ignores it. Units the model cannot run in an interval are left out of the hint.
     */
    void hintCommitments(DispatchPlan plan) {
        List<MPVariable> variables = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int g = 0; g < generators.size(); g++) {
            var committed = plan.schedule(generators.get(g).id()).orElseThrow().committed();
            for (int t = 0; t < n; t++) {
                if (on[g][t].ub() > 0.5 && on[g][t].lb() < 0.5) {
                    variables.add(on[g][t]);
                    values.add(committed.get(t) ? 1.0 : 0.0);
                }
            }
        }
        solver.setHint(variables.toArray(MPVariable[]::new), values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    // ---- reliability ------------------------------------------------------------------------------------------

    /**
     * R[t] = Σ_g (P̄[g,t]·u[g,t] − p[g,t]) + Σ_s ρ[s,t], and for every device with a forced outage rate what its failure
     * would leave uncovered, ℓ[a,t] ≥ 0 and ℓ[a,t] ≥ lost[a,t] − (R[t] − own[a,t]): the output it loses beyond the
     * reserve the others hold. A generator loses p and its own headroom P̄·u − p, so ℓ ≥ P̄·u − R; a store loses d and
     * ρ, so ℓ ≥ d + ρ − R; a renewable loses q and holds no reserve, so ℓ ≥ q − R.
     */
    private void addOutageExposure() {
        for (int t = 0; t < n; t++) {
            reserveKw[t] = solver.makeNumVar(-MPSolver.infinity(), MPSolver.infinity(), "reserve_kw[" + t + "]");
            MPConstraint held = solver.makeConstraint(0, 0, "reserve_held[" + t + "]");
            held.setCoefficient(reserveKw[t], -1);
            for (int g = 0; g < generators.size(); g++) {
                held.setCoefficient(on[g][t], unit(capKw(g, t)));
                held.setCoefficient(powerKw[g][t], -1);
            }
            for (int s = 0; s < stores.size(); s++) {
                held.setCoefficient(storageReserveKw[s][t], 1);
            }
            for (int g = 0; g < generators.size(); g++) {
                MPConstraint lost = exposure(generators.get(g), t);
                if (lost != null) {
                    lost.setCoefficient(on[g][t], -unit(capKw(g, t)));
                }
            }
            for (int r = 0; r < renewables.size(); r++) {
                MPConstraint lost = exposure(renewables.get(r), t);
                if (lost != null) {
                    lost.setCoefficient(renewableKw[r][t], -1);
                }
            }
            for (int s = 0; s < stores.size(); s++) {
                MPConstraint lost = exposure(stores.get(s), t);
                if (lost != null) {
                    lost.setCoefficient(dischargeKw[s][t], -1);
                    lost.setCoefficient(storageReserveKw[s][t], -1);
                }
            }
        }
    }

    /** ℓ[a,t] + R[t] − lost[a,t] ≥ 0 without the lost part, which the caller adds; null for a device that never fails. */
    private MPConstraint exposure(Asset asset, int t) {
        double rate = asset.info().reliability().forcedOutageRate();
        if (rate == 0) {
            return null;
        }
        String at = "[" + asset.id().value() + "," + t + "]";
        MPVariable uncovered = solver.makeNumVar(0, MPSolver.infinity(), "uncovered_kw" + at);
        MPConstraint covered = solver.makeConstraint(0, MPSolver.infinity(), "outage_exposure" + at);
        covered.setCoefficient(uncovered, 1);
        covered.setCoefficient(reserveKw[t], 1);
        outageExposure.put(uncovered, rate);
        return covered;
    }

    /** ℓ[a,t] → FOR_a, for {@link ObjectiveTerms}. */
    Map<MPVariable, Double> outageExposure() {
        return outageExposure;
    }

    // ---- objective ------------------------------------------------------------------------------------------

    /**
     * min scale_cost·Σ_k (w_k / scale_k)·J_k (the terms of {@link ObjectiveTerms}, in money at the baseline's rates;
     * with a tiny share of cost when cost has no weight, so that equally good plans are told apart by what they cost)
     *     + M·h·Σ_t (short + unserved + spill + shortR + Σ_g σ) + M·Σ_{s,t} ε + Σ_s (r/ηc)·ε_T
     *     (+ with network constraints: M·h·Σ σS + 10·BASE_KVA·M·h·Σ (σL + σH), {@link NetworkModel#penalise}).
     *
     * <p>M is 1000 × the largest coefficient of the weighted objective per kW·interval (so any start, any price, is
     * cheaper than the smallest shortfall worth its name). Energy missing from a store's end target is valued as
     * bought back at r, the dearest rate per kWh of any energy variable, through the charger's losses: a target, not
     * a requirement (serving demand comes first), and a value that does not swamp the objective and its gap.
     */
    private void setObjective() {
        ObjectiveTerms terms = new ObjectiveTerms(this);
        Map<MPVariable, Double> combined = new IdentityHashMap<>();
        Objective objective = options.objective();
        for (ObjectiveKind kind : ObjectiveKind.values()) {
            double weight = objective.weight(kind);
            if (kind == ObjectiveKind.COST && weight == 0) {
                weight = COST_TIE_BREAK * objective.weights().values().stream().mapToDouble(Double::doubleValue).sum();
            }
            if (weight > 0) {
                double factor = weight / scales.getOrDefault(kind, 1.0);
                terms.of(kind).forEach((variable, c) -> combined.merge(variable, factor * c, Double::sum));
            }
        }
        // a weighted objective divided by its scales has coefficients of 1e-7 and less, below SCIP's tolerances:
        // express it in money at the baseline's rates (times the cost scale), where cost alone already is. (Scaling
        // the largest coefficient to 1 instead doubled SoPlex's root LP time at 100 devices × 96.)
        double toMoney = scales.getOrDefault(ObjectiveKind.COST, 1.0);
        combined.replaceAll((variable, c) -> c * toMoney);
        double penalty = 1000 * largestPerInterval(combined);
        double dearestRate = dearestEnergyRate(combined);

        MPObjective goal = solver.objective();
        combined.forEach(goal::setCoefficient);
        for (int g = 0; g < generators.size(); g++) {
            for (int t = 0; t < n; t++) {
                goal.setCoefficient(rampSlackKw[g][t], penalty * h);
            }
        }
        for (int s = 0; s < stores.size(); s++) {
            for (int t = 0; t < n; t++) {
                goal.setCoefficient(socDeficitKwh[s][t], penalty);
            }
            // energy borrowed from the next horizon: bought back at the dearest rate, through the charger's losses
            goal.setCoefficient(finalDeficitKwh[s], dearestRate / stores.get(s).chargeEfficiency());
        }
        for (int t = 0; t < n; t++) {
            goal.setCoefficient(shortKw[t], penalty * h);
            goal.setCoefficient(unservedKw[t], penalty * h);
            goal.setCoefficient(spillKw[t], penalty * h);
            goal.setCoefficient(reserveShortKw[t], penalty * h);
        }
        if (network != null) {
            network.penalise(goal, penalty * h, kwPerUnit);
        }
        goal.setMinimization();
    }

    /** The largest weighted coefficient per kW·interval, 1 when the objective is all zero. */
    private double largestPerInterval(Map<MPVariable, Double> combined) {
        double largest = 0;
        for (double c : combined.values()) {
            largest = Math.max(largest, Math.abs(c));
        }
        return largest > 0 ? largest / h : 1;
    }

    /**
     * The largest weighted coefficient per kWh of any energy variable (output, charge, discharge, import, export);
     * where none has one, a thousandth of the largest coefficient.
     */
    private double dearestEnergyRate(Map<MPVariable, Double> combined) {
        double dearest = 0;
        for (MPVariable[][] byAsset : List.of(powerKw, renewableKw, chargeKw, dischargeKw)) {
            for (MPVariable[] variables : byAsset) {
                for (MPVariable variable : variables) {
                    dearest = Math.max(dearest, Math.abs(combined.getOrDefault(variable, 0.0)));
                }
            }
        }
        for (MPVariable[][] bySegment : segmentKw) {
            for (MPVariable[] segments : bySegment) {
                for (MPVariable segment : segments) {
                    dearest = Math.max(dearest, Math.abs(combined.getOrDefault(segment, 0.0)));
                }
            }
        }
        for (int t = 0; t < n; t++) {
            dearest = Math.max(dearest, Math.abs(combined.getOrDefault(importKw[t], 0.0)));
            dearest = Math.max(dearest, Math.abs(combined.getOrDefault(exportKw[t], 0.0)));
        }
        return dearest > 0 ? dearest / h : 1e-3 * largestPerInterval(combined);
    }
}
