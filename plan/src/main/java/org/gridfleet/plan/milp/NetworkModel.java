package org.gridfleet.plan.milp;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.network.AcCorrections;
import org.gridfleet.plan.network.BusInjections;
import org.gridfleet.plan.network.NetworkConstraints;
import org.gridfleet.plan.network.RadialFeeder;

/**
 * LinDistFlow inside the unit-commitment MILP (docs/optimization.md, "Network constraints (LinDistFlow)"): per
 * interval a flow and a squared voltage per branch and bus, so O(branches) rows, never a dense sensitivity matrix.
 * Symbols: k a bus fed by branch b from its parent i, P[b,t] and Q[b,t] the flows from parent to child (model units,
 * like every power of the model), v[k,t] the squared voltage (pu²), Δ the AC corrections.
 * <pre>
 *   bus_balance_kw    P[b,t] − Σ_{c child of k} P[c,t] + Σ_{devices at k} p[a,t]         = demand[k,t]
 *   bus_balance_kvar  Q[b,t] − Σ_{c child of k} Q[c,t] + Σ_{devices at k} κ_a·p[a,t]     = qdemand[k,t] − Σ fixedKvar
 *   voltage_drop      v[k,t] − ratio_b·v[i,t] + 2·scale_b·(r_b·P[b,t] + x_b·Q[b,t])·kwPerUnit/BASE = 0  (v[slack] = V0²)
 *   voltage_limits    (Vmin − ΔV[k,t])² ≤ v[k,t] + σL[k,t] − σH[k,t] ≤ (Vmax − ΔV[k,t])²
 *   rating[j]         cosθ_j·(P + ΔP) + sinθ_j·(Q + ΔQ) ≤ L·S_b·cos(π/n)·(V̂[i,t] + ΔV[i,t]) + σS[b,t]
 * </pre>
 * where p[a,t] is a device's output (generator p, renewable q, storage d − c), κ_a its power-factor slope, θ_j =
 * (2j + 1)π/n, and V̂ the chord of √v over the parent's allowed linear range, below √v there, so that the row
 * holds the current |S|/V within L times its rating. Rating rows are left out where no plan can reach them.
 */
final class NetworkModel {
    /** 1 pu² of squared-voltage violation costs as much as this many kW of unserved demand per system-base kVA. */
    static final double VOLTAGE_PENALTY_PER_BASE = 10;

    // ---- data -----------------------------------------------------------------------------------------------
    final RadialFeeder feeder;
    final NetworkConstraints limits;
    final AcCorrections corrections;
    private final int n;
    /** What end-users draw at bus k in t, kW and kvar (the negative of their injection). */
    private final double[][] drawnKw;
    private final double[][] drawnKvar;

    // ---- variables ------------------------------------------------------------------------------------------
    MPVariable[][] flowKw;         // P[b][t]
    MPVariable[][] flowKvar;       // Q[b][t]
    MPVariable[][] squaredVoltage; // v[k][t]; null for the slack bus (k = 0)
    MPVariable[][] voltageLow;     // σL[k][t], pu²
    MPVariable[][] voltageHigh;    // σH[k][t], pu²
    MPVariable[][] overloadKva;    // σS[b][t]; null where no rating rows are needed

    NetworkModel(PlanningProblem problem, NetworkConstraints limits) {
        this.feeder = RadialFeeder.of(problem.network());
        this.limits = limits;
        this.corrections = limits.corrections();
        this.n = problem.grid().intervals();
        corrections.requireFits(feeder, n);
        BusInjections demand = BusInjections.demand(feeder, problem).build();
        drawnKw = new double[feeder.busCount()][n];
        drawnKvar = new double[feeder.busCount()][n];
        for (int k = 0; k < feeder.busCount(); k++) {
            var bus = feeder.buses().get(k).id();
            for (int t = 0; t < n; t++) {
                drawnKw[k][t] = -demand.kw(bus, t);
                drawnKvar[k][t] = -demand.kvar(bus, t);
            }
        }
        for (Asset asset : problem.assets()) {
            BusInjections.busOf(feeder, asset); // every device on a bus of the feeder, or an error naming it
        }
    }

    /** A device's output p[a,t] in the model's variables: Σ signs[j]·variables[j] (storage: d − c). */
    private record Output(Asset asset, List<MPVariable> variables, List<Double> signs) {}

    private List<Output> outputs(UnitCommitmentModel m, int t) {
        List<Output> outputs = new ArrayList<>();
        for (int g = 0; g < m.generators.size(); g++) {
            outputs.add(new Output(m.generators.get(g), List.of(m.powerKw[g][t]), List.of(1.0)));
        }
        for (int r = 0; r < m.renewables.size(); r++) {
            outputs.add(new Output(m.renewables.get(r), List.of(m.renewableKw[r][t]), List.of(1.0)));
        }
        for (int s = 0; s < m.stores.size(); s++) {
            outputs.add(new Output(m.stores.get(s), List.of(m.dischargeKw[s][t], m.chargeKw[s][t]), List.of(1.0, -1.0)));
        }
        return outputs;
    }

    /** The most active power a device moves either way, kW: its rating, or for storage its larger power limit. */
    private static double maxAbsKw(Asset asset) {
        return switch (asset) {
            case Generator g -> g.ratedPowerKw();
            case Renewable r -> r.ratedPowerKw();
            case Storage s -> Math.max(s.maxChargeKw(), s.maxDischargeKw());
        };
    }

    // ---- variables and constraints ------------------------------------------------------------------------------

    /** Adds the variables and rows to {@code m}, whose device and plant variables exist already. */
    void addTo(UnitCommitmentModel m) {
        MPSolver solver = m.solver;
        double inf = MPSolver.infinity();
        int buses = feeder.busCount();
        int branches = buses - 1;
        flowKw = new MPVariable[branches][n];
        flowKvar = new MPVariable[branches][n];
        squaredVoltage = new MPVariable[buses][n];
        voltageLow = new MPVariable[buses][n];
        voltageHigh = new MPVariable[buses][n];
        overloadKva = new MPVariable[branches][n];
        for (int b = 0; b < branches; b++) {
            String id = feeder.branches().get(b).id();
            for (int t = 0; t < n; t++) {
                String at = "[" + id + "," + t + "]";
                flowKw[b][t] = solver.makeNumVar(-inf, inf, "flow_kw" + at);
                flowKvar[b][t] = solver.makeNumVar(-inf, inf, "flow_kvar" + at);
            }
        }
        for (int k = 1; k < buses; k++) {
            String id = feeder.buses().get(k).id().value();
            for (int t = 0; t < n; t++) {
                String at = "[" + id + "," + t + "]";
                squaredVoltage[k][t] = solver.makeNumVar(0, inf, "squared_voltage_pu" + at);
                voltageLow[k][t] = solver.makeNumVar(0, inf, "voltage_low_pu" + at);
                voltageHigh[k][t] = solver.makeNumVar(0, inf, "voltage_high_pu" + at);
            }
        }

        for (int t = 0; t < n; t++) {
            List<Output> outputs = outputs(m, t);
            addBusBalances(m, t, outputs);
            addVoltageDrops(m, t);
            addVoltageLimits(m, t);
            addRatings(m, t, outputs);
        }
    }

    /**
     * bus_balance_kw[k,t]:   P[b,t] − Σ_c P[c,t] + Σ_{a at k} p[a,t] = demand[k,t]
     * bus_balance_kvar[k,t]: Q[b,t] − Σ_c Q[c,t] + Σ_{a at k} κ_a·p[a,t] = qdemand[k,t] − Σ_{a at k} fixedKvar_a
     */
    private void addBusBalances(UnitCommitmentModel m, int t, List<Output> outputs) {
        int buses = feeder.busCount();
        double[] fixedKvar = new double[buses];
        for (Output o : outputs) {
            fixedKvar[feeder.busIndex(o.asset.info().bus())] += BusInjections.fixedKvar(o.asset.info().reactive());
        }
        MPConstraint[] active = new MPConstraint[buses];
        MPConstraint[] reactive = new MPConstraint[buses];
        for (int k = 1; k < buses; k++) {
            String at = "[" + feeder.buses().get(k).id().value() + "," + t + "]";
            double kw = m.unit(drawnKw[k][t]);
            double kvar = m.unit(drawnKvar[k][t] - fixedKvar[k]);
            active[k] = m.solver.makeConstraint(kw, kw, "bus_balance_kw" + at);
            reactive[k] = m.solver.makeConstraint(kvar, kvar, "bus_balance_kvar" + at);
            active[k].setCoefficient(flowKw[k - 1][t], 1);
            reactive[k].setCoefficient(flowKvar[k - 1][t], 1);
            for (int c : feeder.childIndices(k)) {
                active[k].setCoefficient(flowKw[c - 1][t], -1);
                reactive[k].setCoefficient(flowKvar[c - 1][t], -1);
            }
        }
        for (Output o : outputs) {
            int k = feeder.busIndex(o.asset.info().bus());
            if (k == 0) {
                continue; // at the slack bus: balanced by the grid behind it, moves no branch flow
            }
            double slope = BusInjections.kvarPerKw(o.asset.info().reactive());
            for (int j = 0; j < o.variables.size(); j++) {
                active[k].setCoefficient(o.variables.get(j), o.signs.get(j));
                if (slope != 0) {
                    reactive[k].setCoefficient(o.variables.get(j), o.signs.get(j) * slope);
                }
            }
        }
    }

    /** voltage_drop[b,t]: v[k,t] − ratio_b·v[i,t] + 2·scale_b·(r_b·P[b,t] + x_b·Q[b,t])·kwPerUnit/BASE = 0, v[slack] = V0². */
    private void addVoltageDrops(UnitCommitmentModel m, int t) {
        double slack = feeder.slackVoltagePu() * feeder.slackVoltagePu();
        for (int k = 1; k < feeder.busCount(); k++) {
            RadialFeeder.Branch b = feeder.branches().get(k - 1);
            int parent = feeder.parentIndex(k);
            double constant = parent == 0 ? b.voltageRatio() * slack : 0;
            MPConstraint drop = m.solver.makeConstraint(constant, constant, "voltage_drop[" + b.id() + "," + t + "]");
            drop.setCoefficient(squaredVoltage[k][t], 1);
            if (parent != 0) {
                drop.setCoefficient(squaredVoltage[parent][t], -b.voltageRatio());
            }
            double perUnit = 2 * b.dropScale() * m.kwPerUnit / RadialFeeder.BASE_KVA;
            drop.setCoefficient(flowKw[k - 1][t], perUnit * b.resistancePu());
            drop.setCoefficient(flowKvar[k - 1][t], perUnit * b.reactancePu());
        }
    }

    /** voltage_limits[k,t]: (Vmin − ΔV)² ≤ v[k,t] + σL[k,t] − σH[k,t] ≤ (Vmax − ΔV)². */
    private void addVoltageLimits(UnitCommitmentModel m, int t) {
        for (int k = 1; k < feeder.busCount(); k++) {
            var bus = feeder.buses().get(k).id();
            double offset = corrections.voltageOffsetPu(bus, t);
            double low = Math.max(0, limits.minVoltagePu() - offset);
            double high = Math.max(0, limits.maxVoltagePu() - offset);
            MPConstraint within = m.solver.makeConstraint(low * low, high * high, "voltage_limits[" + bus.value() + "," + t + "]");
            within.setCoefficient(squaredVoltage[k][t], 1);
            within.setCoefficient(voltageLow[k][t], 1);
            within.setCoefficient(voltageHigh[k][t], -1);
        }
    }

    /**
     * rating[b,t,j], j = 0..n−1, θ_j = (2j + 1)π/n:
     *   cosθ_j·P + sinθ_j·Q − L·S_b·cos(π/n)·v[i,t]/(Vlo + Vhi) − σS ≤ L·S_b·cos(π/n)·(Vlo·Vhi/(Vlo + Vhi) + ΔV[i,t]) − cosθ_j·ΔP − sinθ_j·ΔQ
     * with [Vlo, Vhi] = [Vmin, Vmax] − ΔV[i,t] the parent's allowed linear voltage (at the slack: its set point instead
     * of the chord). Left out when even the largest flow the branch could carry, |Σ demand beyond it| + Σ device
     * ratings beyond it (active and reactive) plus the corrections, stays within L·S_b·cos(π/n)·Vmin.
     */
    private void addRatings(UnitCommitmentModel m, int t, List<Output> outputs) {
        int buses = feeder.busCount();
        // the largest |P| and |Q| each branch could carry: demand beyond it (signed sum), devices beyond it (all of them)
        double[] demandKw = new double[buses];
        double[] demandKvar = new double[buses];
        double[] devicesKw = new double[buses];
        double[] devicesKvar = new double[buses];
        for (int k = 1; k < buses; k++) {
            demandKw[k] = drawnKw[k][t];
            demandKvar[k] = drawnKvar[k][t];
        }
        for (Output o : outputs) {
            int k = feeder.busIndex(o.asset.info().bus());
            double kw = maxAbsKw(o.asset);
            devicesKw[k] += kw;
            devicesKvar[k] += Math.abs(BusInjections.kvarPerKw(o.asset.info().reactive())) * kw
                    + Math.abs(BusInjections.fixedKvar(o.asset.info().reactive()));
        }
        for (int k = buses - 1; k >= 1; k--) {
            int parent = feeder.parentIndex(k);
            if (parent > 0) {
                demandKw[parent] += demandKw[k];
                demandKvar[parent] += demandKvar[k];
                devicesKw[parent] += devicesKw[k];
                devicesKvar[parent] += devicesKvar[k];
            }
        }

        int sides = limits.polygonSides();
        double apothem = Math.cos(Math.PI / sides);
        for (int k = 1; k < buses; k++) {
            RadialFeeder.Branch b = feeder.branches().get(k - 1);
            int parent = feeder.parentIndex(k);
            double deltaKw = corrections.branchKwOffset(b.id(), t);
            double deltaKvar = corrections.branchKvarOffset(b.id(), t);
            double limitKva = limits.maxLoading() * b.ratingKva() * apothem;
            double parentOffset = corrections.voltageOffsetPu(b.parent(), t);
            double reachKva = Math.hypot(Math.abs(demandKw[k]) + devicesKw[k] + Math.abs(deltaKw),
                    Math.abs(demandKvar[k]) + devicesKvar[k] + Math.abs(deltaKvar));
            double lowestPu = parent == 0 ? feeder.slackVoltagePu() + parentOffset : limits.minVoltagePu();
            if (reachKva <= limitKva * lowestPu) {
                continue; // no plan can reach this rating
            }
            double perVoltage;
            double atZero;
            if (parent == 0) {
                perVoltage = 0;
                atZero = feeder.slackVoltagePu() + parentOffset;
            } else {
                double low = Math.max(0.1, limits.minVoltagePu() - parentOffset);
                double high = Math.max(low + 0.01, limits.maxVoltagePu() - parentOffset);
                perVoltage = 1 / (low + high);                 // chord of √v through (low², low) and (high², high)
                atZero = low * high / (low + high) + parentOffset;
            }
            overloadKva[k - 1][t] = m.solver.makeNumVar(0, MPSolver.infinity(), "overload_kva[" + b.id() + "," + t + "]");
            for (int j = 0; j < sides; j++) {
                double theta = (2 * j + 1) * Math.PI / sides;
                double cos = snap(Math.cos(theta));
                double sin = snap(Math.sin(theta));
                double rhs = m.unit(limitKva * atZero - cos * deltaKw - sin * deltaKvar);
                MPConstraint side = m.solver.makeConstraint(-MPSolver.infinity(), rhs, "rating[" + b.id() + "," + t + "," + j + "]");
                side.setCoefficient(flowKw[k - 1][t], cos);
                side.setCoefficient(flowKvar[k - 1][t], sin);
                side.setCoefficient(overloadKva[k - 1][t], -1);
                if (perVoltage != 0) {
                    side.setCoefficient(squaredVoltage[parent][t], -m.unit(limitKva * perVoltage));
                }
            }
        }
    }

    /** cos and sin of multiples of π/n that are 0 come out near 1e-16: make them 0. */
    private static double snap(double value) {
        return Math.abs(value) < 1e-12 ? 0 : value;
    }

    // ---- objective ------------------------------------------------------------------------------------------

    /**
     * Network slacks cost like unserved demand: σS at {@code perUnitInterval} per model unit (kVA) and interval; σL
     * and σH at {@link #VOLTAGE_PENALTY_PER_BASE}·BASE_KVA kW-equivalents per pu² (so 0.01 pu² costs as much as 100
     * kW unserved at a 1000-kVA base).
     */
    void penalise(MPObjective goal, double perUnitInterval, double kwPerUnit) {
        double perSquaredPu = perUnitInterval * VOLTAGE_PENALTY_PER_BASE * RadialFeeder.BASE_KVA / kwPerUnit;
        for (int k = 1; k < feeder.busCount(); k++) {
            for (int t = 0; t < n; t++) {
                goal.setCoefficient(voltageLow[k][t], perSquaredPu);
                goal.setCoefficient(voltageHigh[k][t], perSquaredPu);
            }
        }
        for (MPVariable[] byInterval : overloadKva) {
            for (MPVariable overload : byInterval) {
                if (overload != null) {
                    goal.setCoefficient(overload, perUnitInterval);
                }
            }
        }
    }
}
