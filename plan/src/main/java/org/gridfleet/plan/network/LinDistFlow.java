package org.gridfleet.plan.network;

import static java.util.Objects.requireNonNull;

import org.gridfleet.model.fleet.Network;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;

/**
 * The linearised DistFlow model of a radial feeder (Baran and Wu 1989, losses dropped): for each bus j fed by
 * branch b from its parent i,
 * <pre>
 *   P_b = Σ_{buses k downstream of b, j included} −p_k        Q_b = Σ −q_k          (kW, kvar; losses ignored)
 *   v_j = ratio_b·v_i − 2·scale_b·(r_b·P_b + x_b·Q_b) / BASE_KVA                 (pu², r and x in pu)
 *   v_slack = slackVoltagePu²,   V_j = √v_j
 * </pre>
 * where p_k, q_k are the net injections at bus k (positive into the grid). The slack bus balances whatever the
 * others inject, so its own injection moves no branch flow. Line charging (shunt susceptance) is left out, as in
 * DistFlow; an AC power flow's difference from this model is what {@link AcCorrections} carries.
 *
 * <p>The same equations, with the same signs and units, are rows of the MILP when it plans with
 * {@link NetworkConstraints}; so for a plan the MILP made, {@link #solve} gives the values the MILP saw.
 */
public final class LinDistFlow {
    private final RadialFeeder feeder;

    public LinDistFlow(RadialFeeder feeder) {
        this.feeder = requireNonNull(feeder, "feeder");
    }

    /** LinDistFlow on the feeder of {@code network} ({@link RadialFeeder#of}, with its errors). */
    public static LinDistFlow of(Network network) {
        return new LinDistFlow(RadialFeeder.of(network));
    }

    public RadialFeeder feeder() {
        return feeder;
    }

    /** Branch flows and bus voltages of {@code plan}'s injections ({@link BusInjections#of}). */
    public FlowSolution solve(PlanningProblem problem, DispatchPlan plan) {
        return solve(BusInjections.of(feeder, problem, plan));
    }

    /** Branch flows and bus voltages in every interval of {@code injections}. */
    public FlowSolution solve(BusInjections injections) {
        if (injections.feeder() != feeder) {
            throw new IllegalArgumentException("the injections are for another feeder");
        }
        int buses = feeder.busCount();
        int n = injections.intervals();
        double[][] kw = new double[Math.max(0, buses - 1)][n];
        double[][] kvar = new double[Math.max(0, buses - 1)][n];
        double[][] v = new double[buses][n];
        double slack = feeder.slackVoltagePu() * feeder.slackVoltagePu();
        for (int t = 0; t < n; t++) {
            // backward: what each bus and everything beyond it draws is the flow into its feeding branch
            double[] drawnKw = new double[buses];
            double[] drawnKvar = new double[buses];
            for (int k = buses - 1; k >= 1; k--) {
                drawnKw[k] -= injections.kwAt(k, t);
                drawnKvar[k] -= injections.kvarAt(k, t);
                kw[k - 1][t] = drawnKw[k];
                kvar[k - 1][t] = drawnKvar[k];
                int parent = feeder.parentIndex(k);
                drawnKw[parent] += drawnKw[k];
                drawnKvar[parent] += drawnKvar[k];
            }
            // forward: squared voltages from the slack outward
            v[0][t] = slack;
            for (int k = 1; k < buses; k++) {
                RadialFeeder.Branch b = feeder.branches().get(k - 1);
                v[k][t] = b.voltageRatio() * v[feeder.parentIndex(k)][t]
                        - 2 * b.dropScale() * (b.resistancePu() * kw[k - 1][t] + b.reactancePu() * kvar[k - 1][t]) / RadialFeeder.BASE_KVA;
            }
        }
        return new FlowSolution(feeder, kw, kvar, v);
    }
}
