package org.gridfleet.grid;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gridfleet.model.BusId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.NetworkMetrics;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.milp.MilpPlanGenerator;
import org.gridfleet.plan.network.AcCorrections;
import org.gridfleet.plan.network.FlowSolution;
import org.gridfleet.plan.network.LinDistFlow;
import org.gridfleet.plan.network.NetworkConstraints;
import org.gridfleet.plan.network.RadialFeeder;

/**
 * Optimal plans that respect the network (issue 5, docs/optimization.md). First the MILP plans without the network
 * and an AC power flow of every interval checks its plan: when that is within the limits, it is the answer and the
 * network cost nothing. Otherwise the MILP plans again with LinDistFlow inside ({@link NetworkConstraints}), with
 * the differences between AC and the linear model at the last plan (losses, the voltage drop of reactive flows, line
 * charging) as corrections; AC checks that plan; and so on until the AC check finds no violation beyond the
 * tolerances or the iterations run out, when the remaining violations are reported with the plan.
 *
 * <p>Only radial networks: {@link RadialFeeder#of} rejects a meshed one with the branch that closes the loop.
 */
public final class NetworkAwarePlanner {
    /** A voltage within this many pu of its limit counts as within it in the AC check. */
    public static final double VOLTAGE_TOLERANCE_PU = 5e-4;
    /** A loading within this share of its rating counts as within it in the AC check. */
    public static final double LOADING_TOLERANCE = 2e-3;

    private final MilpOptions options;
    private final NetworkLimits limits;
    private final int maxIterations;

    /**
     * @param options       the MILP's options; its network constraints are set here, from {@code limits}
     * @param maxIterations MILP solves at most, the first one without the network (each followed by an AC check)
     */
    public NetworkAwarePlanner(MilpOptions options, NetworkLimits limits, int maxIterations) {
        this.options = requireNonNull(options, "options");
        this.limits = requireNonNull(limits, "limits");
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be at least 1: " + maxIterations);
        }
        this.maxIterations = maxIterations;
    }

    /** One MILP solve and its AC check; iteration 0 plans without the network. */
    public record Iteration(int number, DispatchPlan plan, NetworkMetrics ac, double seconds) {}

    /**
     * The planner's answer: the last plan, whether its AC check passed, and every iteration.
     *
     * @param acFeasible whether the last plan's AC power flow is within the limits (and their tolerances) in every interval
     */
    public record Result(DispatchPlan plan, NetworkMetrics ac, boolean acFeasible, List<Iteration> iterations) {
        public Result {
            iterations = List.copyOf(iterations);
        }

        /** The plan made without the network: the cost difference to {@link #plan} is the price of the network's limits. */
        public DispatchPlan unconstrained() {
            return iterations.getFirst().plan();
        }
    }

    private final Object lock = new Object();
    private MilpPlanGenerator solving;
    private volatile boolean interrupted;

    /** Stops the solve under way and plans no further: the best plan so far is the answer. Any thread may call it. */
    public void interrupt() {
        interrupted = true;
        synchronized (lock) {
            if (solving != null) solving.interrupt();
        }
    }

    public Result plan(PlanningProblem problem) {
        return plan(problem, Optional.empty());
    }

    /** As {@link #plan(PlanningProblem)}, with {@code baseline} (the merit-order plan) as the first solve's starting hint. */
    public Result plan(PlanningProblem problem, Optional<DispatchPlan> baseline) {
        RadialFeeder feeder = RadialFeeder.of(problem.network()); // before any solve: a meshed network fails at once
        LinDistFlow linear = new LinDistFlow(feeder);
        NetworkConstraints constraints = NetworkConstraints.DEFAULT.withLimits(limits.minVoltagePu(), limits.maxVoltagePu(), limits.maxLoading());
        NetworkAssessment check = new NetworkAssessment(new NetworkLimits(limits.minVoltagePu() - VOLTAGE_TOLERANCE_PU,
                limits.maxVoltagePu() + VOLTAGE_TOLERANCE_PU, limits.maxLoading() + LOADING_TOLERANCE));
        PlanPowerFlow ac = new PlanPowerFlow();
        List<Iteration> iterations = new ArrayList<>();
        MilpOptions plain = options.withoutNetwork();
        for (int i = 0; ; i++) {
            long t0 = System.nanoTime();
            MilpPlanGenerator milp = new MilpPlanGenerator(i == 0 ? plain : options.withNetwork(constraints));
            synchronized (lock) {
                solving = milp;
            }
            DispatchPlan plan = (i == 0 && baseline.isPresent() ? milp.generate(problem, baseline.get()) : milp.generate(problem)).getFirst();
            List<PlanPowerFlow.IntervalFlow> flows = ac.run(problem, plan);
            NetworkMetrics metrics = check.metrics(flows, problem.grid().stepHours());
            iterations.add(new Iteration(i, plan, metrics, (System.nanoTime() - t0) / 1e9));
            boolean feasible = !metrics.hasViolations();
            if (feasible || i + 1 == maxIterations || metrics.notConvergedIntervals() > 0 || interrupted) {
                return new Result(plan, metrics, feasible, iterations);
            }
            constraints = constraints.withCorrections(corrections(feeder, linear.solve(problem, plan), flows));
        }
    }

    /** AC minus linear at {@code flows}' plan: losses, every bus's voltage, every branch's sending-end flow. */
    static AcCorrections corrections(RadialFeeder feeder, FlowSolution linear, List<PlanPowerFlow.IntervalFlow> flows) {
        int n = flows.size();
        double[] losses = new double[n];
        Map<BusId, double[]> voltage = new HashMap<>();
        Map<String, double[]> kw = new HashMap<>();
        Map<String, double[]> kvar = new HashMap<>();
        for (var bus : feeder.buses()) voltage.put(bus.id(), new double[n]);
        for (var branch : feeder.branches()) {
            kw.put(branch.id(), new double[n]);
            kvar.put(branch.id(), new double[n]);
        }
        for (PlanPowerFlow.IntervalFlow flow : flows) {
            int t = flow.interval();
            var solution = ((PowerFlowOutcome.Converged) flow.outcome()).solution();
            losses[t] = Math.max(0, solution.lossesKw());
            for (var bus : solution.buses()) {
                BusId id = BusId.of(bus.id());
                voltage.get(id)[t] = bus.voltagePu() - linear.voltagePu(id, t);
            }
            for (var branch : solution.branches()) {
                RadialFeeder.Branch radial = feeder.branch(branch.id()).orElseThrow();
                // the linear flow runs parent → child; the AC result is "into the branch" at its from and to ends
                boolean fromIsParent = radial.parent().value().equals(branch.fromBus());
                double p = fromIsParent ? branch.pFromKw() : branch.pToKw();
                double q = fromIsParent ? branch.qFromKvar() : branch.qToKvar();
                kw.get(branch.id())[t] = p - linear.branchKw(branch.id(), t);
                kvar.get(branch.id())[t] = q - linear.branchKvar(branch.id(), t);
            }
        }
        return new AcCorrections(Optional.of(Profile.of(losses)), profiles(voltage), profiles(kw), profiles(kvar));
    }

    private static <K> Map<K, Profile> profiles(Map<K, double[]> values) {
        Map<K, Profile> out = new HashMap<>();
        values.forEach((k, v) -> out.put(k, Profile.of(v)));
        return out;
    }
}
