package org.gridfleet.plan.stochastic;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gridfleet.model.AssetId;
import org.gridfleet.model.Profile;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.PlanGenerator;
import org.gridfleet.plan.candidates.CandidatePlans;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.milp.MilpPlanGenerator;
import org.gridfleet.plan.reliability.MonteCarloReliability;
import org.gridfleet.plan.reliability.Outcomes;

/**
 * Commitment decided against many scenarios: the MILP's plan, with each interval's spinning reserve sized so that
 * demand is served in all but {@link StochasticOptions#targetLolp()} of the in-sample scenarios: by the plan's devices
 * with their reserve, and where the plant is grid-connected by import up to its limit.
 *
 * <p>Round by round: solve the MILP with a reserve floor per interval (none at first); sample the plan against the
 * scenarios ({@link MonteCarloReliability#simulate}); where an interval loses load in more than the target share of
 * scenarios, raise its floor to the reserve the plan holds there plus the load lost that only the target share of
 * scenarios exceed (the empirical {@code 1 − target} quantile), doubled for every earlier round the interval missed
 * (reserve the scenarios cannot use, such as a store they drained earlier, buys less than its kW). Stop when every interval meets the target, when a
 * round changes nothing (the fleet has no more to commit), or after {@link StochasticOptions#maxRounds()} solves. The
 * floors only rise, so the rounds converge. Outages and forecast errors of the scenarios are the Monte Carlo
 * evaluator's (docs/selection.md); units rise there only as fast as they ramp, and the MILP holds the floor the same
 * way.
 */
public final class StochasticPlanGenerator implements PlanGenerator {
    public static final String NAME = "stochastic";

    private final StochasticOptions options;
    private volatile MilpPlanGenerator solving;
    private volatile boolean interrupted;

    public StochasticPlanGenerator() {
        this(StochasticOptions.DEFAULT);
    }

    public StochasticPlanGenerator(StochasticOptions options) {
        this.options = requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return NAME;
    }

    public StochasticOptions options() {
        return options;
    }

    @Override
    public List<DispatchPlan> generate(PlanningProblem problem) {
        return List.of(plan(problem).plan());
    }

    /** The plan with the rounds that sized its reserve. */
    public StochasticPlan plan(PlanningProblem problem) {
        int n = problem.grid().intervals();
        MonteCarloReliability scenarios = new MonteCarloReliability(options.scenarios());
        PlanEvaluator evaluator = new PlanEvaluator();
        DispatchPlan baseline = new MeritOrderPlanGenerator().generate(problem).getFirst();
        double[] floorKw = new double[n];
        int[] misses = new int[n];
        List<StochasticPlan.Round> rounds = new ArrayList<>();
        DispatchPlan plan = null;
        DispatchPlan deterministic = baseline;
        boolean met = false;
        for (int round = 1; round <= options.maxRounds() && !interrupted; round++) {
            MilpPlanGenerator milp = new MilpPlanGenerator(round == 1 ? options.milp() : options.milp().withReserveFloor(Profile.of(floorKw)));
            solving = milp;
            DispatchPlan next = milp.generate(problem, baseline).getFirst();
            solving = null;
            if (plan != null && CandidatePlans.samePlan(plan, next)) {
                break; // a higher floor bought nothing more: the fleet has nothing left to commit
            }
            plan = next;
            if (round == 1) {
                deterministic = next;
            }
            Outcomes outcomes = scenarios.simulate(plan, problem);
            double[] heldKw = reserveHeldKw(plan, problem);
            int missed = 0;
            double worst = 0;
            for (int t = 0; t < n; t++) {
                double p = outcomes.probabilityShort(t, outcomes.importLimitKw());
                worst = Math.max(worst, p);
                if (p > options.targetLolp()) {
                    missed++;
                    // reserve the scenarios cannot use (a store they drained earlier) buys less than its kW: an
                    // interval that keeps missing asks for twice the step it asked for last time
                    double stepKw = outcomes.shortfallQuantileKw(t, 1 - options.targetLolp(), outcomes.importLimitKw()) * (1 << misses[t]);
                    misses[t]++;
                    floorKw[t] = Math.max(floorKw[t], heldKw[t] + stepKw);
                }
            }
            rounds.add(new StochasticPlan.Round(round, evaluator.evaluate(plan, problem).cost().totalCost(), worst, missed,
                    Profile.of(heldKw).max(), plan.status()));
            if (missed == 0) {
                met = true;
                break;
            }
        }
        if (plan == null) {
            plan = baseline; // interrupted before the first solve
        }
        return new StochasticPlan(relabel(plan), deterministic, rounds, met, Profile.of(floorKw));
    }

    /** Stops the solve under way and any later one; {@link #plan} returns the last plan it has. */
    public void interrupt() {
        interrupted = true;
        MilpPlanGenerator milp = solving;
        if (milp != null) {
            milp.interrupt();
        }
    }

    private static DispatchPlan relabel(DispatchPlan plan) {
        return new DispatchPlan(NAME, plan.objective(), plan.status(), plan.grid(), plan.schedules(), plan.importKw(), plan.exportKw(),
                plan.lossesKw());
    }

    /**
     * Spinning reserve as the MILP's reserve floor counts it: committed generators' headroom to their available rating
     * as far as they ramp within the interval, and stores' discharge headroom within their power limit and the energy
     * they hold by the plan.
     */
    static double[] reserveHeldKw(DispatchPlan plan, PlanningProblem problem) {
        int n = problem.grid().intervals();
        double h = problem.grid().stepHours();
        double[] heldKw = new double[n];
        Map<AssetId, DeviceSchedule> schedules = new HashMap<>();
        plan.schedules().forEach(s -> schedules.putIfAbsent(s.asset(), s));
        for (Asset asset : problem.assets()) {
            DeviceSchedule schedule = schedules.get(asset.id());
            if (schedule == null) {
                throw new IllegalArgumentException("plan has no schedule for " + asset.id());
            }
            Profile share = problem.availability().get(asset.id());
            double[] p = schedule.powerKw().toArray();
            switch (asset) {
                case Generator g -> {
                    double rampKw = g.rampUpKwPerMin() * 60 * h;
                    for (int t = 0; t < n; t++) {
                        if (schedule.committed().get(t)) {
                            heldKw[t] += Math.max(0, Math.min(g.ratedPowerKw() * share.get(t) - p[t], rampKw));
                        }
                    }
                }
                case Storage s -> {
                    double[] soc = schedule.socFraction().toArray();
                    double kept = Math.pow(1 - s.selfDischargePerHour(), h);
                    for (int t = 0; t < n; t++) {
                        double before = t == 0 || soc.length == 0 ? s.initialSoc() : soc[t - 1];
                        double byEnergy = (before * kept - s.minSoc()) * s.energyCapacityKwh() * s.dischargeEfficiency() / h;
                        heldKw[t] += Math.max(0, Math.min(s.maxDischargeKw() * share.get(t), byEnergy) - Math.max(p[t], 0));
                    }
                }
                default -> { } // renewables hold no spinning reserve
            }
        }
        return heldKw;
    }
}
