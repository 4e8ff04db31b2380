package org.gridfleet.plan.meritorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.testkit.RandomProblems;
import org.gridfleet.testkit.Tolerance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Merit-order plans for 200 seeded random problems, judged by the independent {@link PlanChecker} and by a
 * capacity count written here from the problem alone.
 */
class MeritOrderPropertyTest {
    private static final int SEEDS = 200;

    private final MeritOrderPlanGenerator generator = new MeritOrderPlanGenerator();

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void checkerFindsNoHardViolation(long seed) {
        PlanningProblem problem = RandomProblems.problem(seed);
        DispatchPlan plan = plan(problem);

        assertThat(new PlanChecker().hardViolations(plan, problem)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void infeasibleExactlyWhereCapacityFallsShort(long seed) {
        PlanningProblem problem = RandomProblems.problem(seed);
        DispatchPlan plan = plan(problem);
        List<IntervalCapacity> capacity = capacity(problem, plan);
        List<Shortfall> listed = plan.status() instanceof PlanStatus.Infeasible i ? i.shortfalls() : List.of();

        boolean explained = false;
        for (int t = 0; t < capacity.size(); t++) {
            IntervalCapacity c = capacity.get(t);
            int interval = t;
            boolean anyShortfall = listed.stream().anyMatch(s -> s.interval() == interval);
            boolean demandShortfall = listed.stream().anyMatch(s -> s.interval() == interval && s.kind() == Shortfall.Kind.DEMAND);
            // necessary: where the fleet cannot cover demand plus reserve, the plan must say so
            assertThat(anyShortfall || !c.gap()).as("interval %d: capacity gap %s", t, c).isTrue();
            assertThat(demandShortfall || !c.demandGap()).as("interval %d: demand gap %s", t, c).isTrue();
            if (c.simple()) {
                // no minimum stable power can be in the way: merit order falls short exactly where capacity does
                assertThat(anyShortfall).as("interval %d (simple): %s", t, c).isEqualTo(c.gap());
                assertThat(demandShortfall).as("interval %d (simple): %s", t, c).isEqualTo(c.demandGap());
            }
            explained |= c.gap() || (!c.simple() && (anyShortfall || oversupplied(problem, plan, t)));
        }
        assertThat(plan.status() instanceof PlanStatus.Infeasible).as("status %s", plan.status()).isEqualTo(explained);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameProblemGivesTheSamePlan(long seed) {
        assertThat(plan(RandomProblems.problem(seed))).isEqualTo(plan(RandomProblems.problem(seed)));
    }

    @Test
    void seedsCoverFeasibleAndInfeasiblePlansAndSimpleIntervals() {
        int infeasible = 0;
        int simple = 0;
        int intervals = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            PlanningProblem problem = RandomProblems.problem(seed);
            DispatchPlan plan = plan(problem);
            infeasible += plan.status() instanceof PlanStatus.Infeasible ? 1 : 0;
            for (IntervalCapacity c : capacity(problem, plan)) {
                simple += c.simple() ? 1 : 0;
                intervals++;
            }
        }
        assertThat(infeasible).as("infeasible plans").isBetween(SEEDS / 10, SEEDS * 9 / 10);
        assertThat(simple).as("simple intervals").isGreaterThan(intervals / 4);
    }

    private DispatchPlan plan(PlanningProblem problem) {
        List<DispatchPlan> plans = generator.generate(problem);
        assertThat(plans).hasSize(1);
        return plans.getFirst();
    }

    /**
     * What the fleet could do in one interval, counted from the problem and the state the plan carries into the
     * interval (stored energy, run hours already used), independently of the merit-order code.
     *
     * @param gap       all available devices together cannot cover demand plus reserve
     * @param demandGap all available devices together cannot cover demand
     * @param simple    demand net of renewables covers the minimum stable power of every available generator, so no
     *                  unit's minimum can force a surplus
     */
    record IntervalCapacity(boolean gap, boolean demandGap, boolean simple, double capacityKw, double demandKw, double reserveKw) {}

    static List<IntervalCapacity> capacity(PlanningProblem problem, DispatchPlan plan) {
        double h = problem.grid().stepHours();
        List<IntervalCapacity> result = new ArrayList<>();
        for (int t = 0; t < problem.grid().intervals(); t++) {
            double demandKw = problem.demandKw().get(t);
            double renewablesKw = 0;
            double generatorsKw = 0;
            double minimumsKw = 0;
            double largestKw = 0;
            double storageKw = 0;
            double mustChargeKw = 0;
            for (Asset asset : problem.assets()) {
                double a = problem.availability().get(asset.id()).get(t);
                switch (asset) {
                    case Renewable r -> renewablesKw += Math.min(problem.forecastKw().get(r.id()).get(t), r.ratedPowerKw() * a);
                    case Generator g -> {
                        long runBefore = plan.schedule(g.id()).orElseThrow().committed().subList(0, t).stream().filter(on -> on).count();
                        double capKw = g.ratedPowerKw() * a;
                        if (capKw > 0 && capKw >= g.minStablePowerKw() && (runBefore + 1) * h <= g.runHourLimit().remainingHours() + 1e-9) {
                            generatorsKw += capKw;
                            minimumsKw += g.minStablePowerKw();
                            largestKw = Math.max(largestKw, capKw);
                        }
                    }
                    case Storage s -> {
                        double before = t == 0 ? s.initialSoc() : plan.schedule(s.id()).orElseThrow().socFraction().get(t - 1);
                        double carriedKwh = before * s.energyCapacityKwh() * Math.pow(1 - s.selfDischargePerHour(), h);
                        double minKwh = s.minSoc() * s.energyCapacityKwh();
                        storageKw += Math.max(0, Math.min(s.maxDischargeKw() * a, (carriedKwh - minKwh) * s.dischargeEfficiency() / h));
                        mustChargeKw += Math.min(s.maxChargeKw() * a, Math.max(0, minKwh - carriedKwh) / (s.chargeEfficiency() * h));
                    }
                }
            }
            double capacityKw = renewablesKw + generatorsKw + storageKw - mustChargeKw;
            double reserveKw = problem.reserve().requiredKw(demandKw, largestKw);
            double residualKw = demandKw - renewablesKw + mustChargeKw;
            result.add(new IntervalCapacity(
                    capacityKw < demandKw + reserveKw - Tolerance.POWER_KW,
                    capacityKw < demandKw - Tolerance.POWER_KW,
                    residualKw >= minimumsKw,
                    capacityKw, demandKw, reserveKw));
        }
        return result;
    }

    private static boolean oversupplied(PlanningProblem problem, DispatchPlan plan, int t) {
        double net = plan.combinedOutputKw().get(t) + plan.importKw().get(t) - plan.exportKw().get(t);
        return net > problem.demandKw().get(t) + Tolerance.POWER_KW;
    }
}
