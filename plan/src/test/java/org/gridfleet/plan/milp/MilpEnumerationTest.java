package org.gridfleet.plan.milp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gridfleet.model.asset.CostCurve;
import org.gridfleet.model.asset.DeviceType;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.InitialState;
import org.gridfleet.model.asset.RunHourLimit;
import org.gridfleet.model.asset.StartUp;
import org.gridfleet.model.fleet.ReserveRequirement;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.testkit.Assets;
import org.gridfleet.testkit.ProblemBuilder;
import org.gridfleet.testkit.Tolerance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MILP's cost against the optimum found by brute force: three generators with linear costs (so the
 * piecewise-linear cost is exact), three hourly intervals, islanded, loose ramps and no minimum times, random
 * hot/cold start costs and initial states, sometimes 10 % reserve. All 2^9 commitments are enumerated; each one's
 * cheapest dispatch is minimum stable power everywhere, then the cheapest marginal cost first.
 */
class MilpEnumerationTest {
    private static final int UNITS = 3;
    private static final int INTERVALS = 3;

    private final MilpPlanGenerator milp = new MilpPlanGenerator(MilpOptions.DEFAULT.withRelativeGap(0));

    static IntStream seeds() {
        return IntStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void costEqualsTheEnumeratedOptimum(int seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Generator> units = new ArrayList<>();
        double fleetKw = 0;
        for (int i = 0; i < UNITS; i++) {
            double rated = 60 + 90 * random.nextDouble();
            double minStable = 30 * random.nextDouble();
            double hot = 10 * random.nextDouble();
            StartUp startUp = new StartUp(hot, hot + 20 * random.nextDouble(), 1 + random.nextInt(2), 0);
            InitialState initial = random.nextBoolean()
                    ? new InitialState(true, 5, minStable + (rated - minStable) * random.nextDouble())
                    : new InitialState(false, random.nextInt(4), 0);
            CostCurve.Quadratic cost = new CostCurve.Quadratic(10 * random.nextDouble(), 0.05 + 0.25 * random.nextDouble(), 0);
            units.add(new Generator(Assets.info("G" + i, DeviceType.RECIPROCATING_ENGINE, rated), minStable, rated, rated, 0, 0,
                    startUp, initial, cost, RunHourLimit.NONE, 0.5));
            fleetKw += rated;
        }
        double[] demandKw = new double[INTERVALS];
        for (int t = 0; t < INTERVALS; t++) {
            demandKw[t] = 40 + (fleetKw / 1.1 - 40) * random.nextDouble();
        }
        ReserveRequirement reserve = seed % 2 == 0 ? new ReserveRequirement(0.1, false, 0) : ReserveRequirement.NONE;
        ProblemBuilder builder = ProblemBuilder.hourly("enumeration " + seed, "2026-11-23T00:00:00Z", INTERVALS)
                .demand("EU-1", demandKw).reserve(reserve);
        units.forEach(builder::add);
        PlanningProblem problem = builder.build();

        DispatchPlan plan = milp.generate(problem).getFirst();
        double enumerated = enumeratedOptimum(units, demandKw, reserve);

        assertThat(plan.status()).isInstanceOf(PlanStatus.Optimal.class);
        assertThat(new PlanChecker().check(plan, problem)).isEmpty();
        assertThat(new PlanEvaluator().evaluate(plan, problem).cost().totalCost()).isCloseTo(enumerated, within(Tolerance.MONEY));
    }

    /** Cheapest cost over every commitment that can meet demand and reserve in every interval (hourly steps). */
    private static double enumeratedOptimum(List<Generator> units, double[] demandKw, ReserveRequirement reserve) {
        double best = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << (UNITS * INTERVALS); mask++) {
            double total = 0;
            for (int t = 0; t < INTERVALS && total < best; t++) {
                total += dispatchCost(units, mask, t, demandKw[t], reserve);
            }
            for (int i = 0; i < UNITS; i++) {
                total += startCosts(units.get(i), mask, i);
            }
            best = Math.min(best, total);
        }
        assertThat(best).as("some commitment is feasible").isFinite();
        return best;
    }

    private static boolean isOn(int mask, int unit, int t) {
        return (mask >> (t * UNITS + unit) & 1) == 1;
    }

    /** Economic dispatch of one interval: everyone at minimum, then cheapest marginal cost first; ∞ when impossible. */
    private static double dispatchCost(List<Generator> units, int mask, int t, double demandKw, ReserveRequirement reserve) {
        double minimumKw = 0;
        double maximumKw = 0;
        double largestKw = 0;
        List<Integer> committed = new ArrayList<>();
        for (int i = 0; i < UNITS; i++) {
            if (isOn(mask, i, t)) {
                committed.add(i);
                minimumKw += units.get(i).minStablePowerKw();
                maximumKw += units.get(i).ratedPowerKw();
                largestKw = Math.max(largestKw, units.get(i).ratedPowerKw());
            }
        }
        if (demandKw < minimumKw || demandKw > maximumKw || maximumKw - demandKw < reserve.requiredKw(demandKw, largestKw)) {
            return Double.POSITIVE_INFINITY;
        }
        committed.sort(Comparator.comparingDouble(i -> quadratic(units.get(i)).costPerKwh()));
        double rest = demandKw - minimumKw;
        double cost = 0;
        for (int i : committed) {
            Generator g = units.get(i);
            double extra = Math.min(rest, g.ratedPowerKw() - g.minStablePowerKw());
            rest -= extra;
            double p = g.minStablePowerKw() + extra;
            cost += quadratic(g).noLoadCostPerHour() + quadratic(g).costPerKwh() * p;
        }
        return cost;
    }

    /** Hot or cold by the hours off before each start, the initial state included. */
    private static double startCosts(Generator g, int mask, int unit) {
        boolean wasOn = g.initialState().on();
        double hoursOff = wasOn ? 0 : g.initialState().hoursInState();
        double cost = 0;
        for (int t = 0; t < INTERVALS; t++) {
            boolean on = isOn(mask, unit, t);
            if (on && !wasOn) {
                cost += hoursOff >= g.startUp().coldStartAfterHours() ? g.startUp().coldStartCost() : g.startUp().hotStartCost();
            }
            hoursOff = on ? 0 : hoursOff + 1;
            wasOn = on;
        }
        return cost;
    }

    private static CostCurve.Quadratic quadratic(Generator g) {
        return (CostCurve.Quadratic) g.costCurve();
    }
}
