package org.gridfleet.plan.milp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.plan.Shortfall;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.testkit.Fleets;
import org.gridfleet.testkit.RandomProblems;
import org.gridfleet.testkit.Tolerance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MILP plans for every testkit fleet and 30 small seeded random problems (12 devices, 12 quarter hours), judged by
 * the independent {@link PlanChecker} and {@link PlanEvaluator} and against the merit-order baseline. Each solve is
 * limited to a few seconds, so a plan may be feasible with a gap rather than optimal: costs are compared within it.
 */
class MilpPropertyTest {
    private static final int SEEDS = 30;
    private static final int DEVICES = 12;
    private static final int INTERVALS = 12;
    /** Plans by problem name and options, so that each is solved once for all the properties. */
    private static final Map<String, DispatchPlan> PLANS = new ConcurrentHashMap<>();
    /** Random problems where the merit-order plan was within the MILP's rules, so the costs could be compared. */
    private static final AtomicInteger COMPARED = new AtomicInteger();

    private static final MilpOptions OPTIONS = MilpOptions.DEFAULT.withTimeLimit(Duration.ofSeconds(1));
    /** Without the end-of-horizon storage target, which the merit order does not know; to a tight gap. */
    private static final MilpOptions FREE_END = OPTIONS.withTimeLimit(Duration.ofSeconds(2)).withRelativeGap(1e-7)
            .withFinalSocTargets(false);
    private final MeritOrderPlanGenerator meritOrder = new MeritOrderPlanGenerator();
    private final PlanChecker checker = new PlanChecker();
    private final PlanEvaluator evaluator = new PlanEvaluator();

    static Stream<Named<PlanningProblem>> problems() {
        List<Named<PlanningProblem>> problems = new ArrayList<>(List.of(
                Named.of("twoGeneratorsOneBattery", Fleets.twoGeneratorsOneBattery()),
                Named.of("islandedWithPvSurplus", Fleets.islandedWithPvSurplus()),
                Named.of("maintenanceOutage", Fleets.maintenanceOutage()),
                Named.of("undersizedFleet", Fleets.undersizedFleet()),
                Named.of("exportingPvPlant", Fleets.exportingPvPlant()),
                Named.of("everyDeviceType", Fleets.everyDeviceType())));
        for (long seed = 1; seed <= SEEDS; seed++) {
            problems.add(Named.of("random seed " + seed, RandomProblems.problem(seed, DEVICES, INTERVALS)));
        }
        return problems.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void checkerFindsNoViolationAtAll(PlanningProblem problem) {
        DispatchPlan plan = plan(problem, OPTIONS);
        if (!(plan.status() instanceof PlanStatus.Optimal) && !violations(plan, problem).isEmpty()) {
            // one second under load may end the search at an early incumbent that still spills (penalised, not
            // forbidden); what is judged is the plan SCIP settles on
            plan = plan(problem, OPTIONS.withTimeLimit(Duration.ofSeconds(30)));
        }

        assertThat(plan.generator()).isEqualTo(MilpPlanGenerator.NAME);
        assertThat(violations(plan, problem)).isEmpty();
    }

    private List<Violation> violations(DispatchPlan plan, PlanningProblem problem) {
        return checker.check(plan, problem).stream().filter(v -> !unavoidable(v, problem))
                // end targets are valued, not required: an optimal plan leaves a store short where refilling would need
                // a dearer start (docs/optimization.md); MilpPlanGeneratorTest has one refilled where that is cheap
                .filter(v -> v.rule() != Violation.Rule.FINAL_SOC)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void fallsShortOnlyWhereMeritOrderDoesToo(PlanningProblem problem) {
        DispatchPlan baseline = only(meritOrder.generate(problem));
        DispatchPlan plan = plan(problem, OPTIONS);
        if (plan.status() instanceof PlanStatus.Infeasible && baseline.status().meetsRequirements()) {
            // one second may end the search before SCIP finds what the baseline shows is there (seen under load)
            plan = plan(problem, OPTIONS.withTimeLimit(Duration.ofSeconds(30)));
        }

        // where the baseline breaks minimum times or start ramps it may cover demand that the MILP, which keeps them, cannot
        if (plan.status() instanceof PlanStatus.Infeasible infeasible && !infeasible.shortfalls().isEmpty()
                && withinMilpRules(baseline, problem)) {
            assertThat(baseline.status()).as("MILP: %s", infeasible.reason()).isInstanceOf(PlanStatus.Infeasible.class);
            // where devices cannot cover demand for the MILP, they cannot for the baseline either
            assertThat(intervals(baseline, Shortfall.Kind.DEMAND)).containsAll(intervals(plan, Shortfall.Kind.DEMAND));
        } else if (!(plan.status() instanceof PlanStatus.Infeasible)) {
            assertThat(plan.status()).isInstanceOfAny(PlanStatus.Optimal.class, PlanStatus.Feasible.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    void neverDearerThanMeritOrderWhereItsPlanIsWithinTheRules(PlanningProblem problem) {
        DispatchPlan baseline = only(meritOrder.generate(problem));
        if (!baseline.status().meetsRequirements() || !withinMilpRules(baseline, problem)) {
            return;
        }
        DispatchPlan plan = plan(problem, FREE_END);
        assertThat(checker.check(plan, problem)).filteredOn(v -> !unavoidable(v, problem))
                .filteredOn(v -> v.rule() != Violation.Rule.FINAL_SOC) // free end: no target
                .isEmpty();
        assertThat(plan.status().meetsRequirements()).as("the baseline meets every requirement within the MILP's rules").isTrue();
        COMPARED.incrementAndGet();
        double planCost = evaluator.evaluate(plan, problem).cost().totalCost();
        double baselineCost = evaluator.evaluate(baseline, problem).cost().totalCost();
        double approximation = linearisationBound(problem, plan) + linearisationBound(problem, baseline);
        double gap = plan.status() instanceof PlanStatus.Feasible feasible ? feasible.relativeGap() : 0;

        assertThat(planCost).as("gap %s, linearisation %s", gap, approximation)
                .isLessThanOrEqualTo(baselineCost + (1e-6 + gap) * Math.abs(baselineCost) + Tolerance.MONEY + approximation);
    }

    @AfterAll
    static void comparedEnoughProblems() {
        // the fixtures whose baseline is within the rules, and some random problems
        assertThat(COMPARED.get()).as("problems whose costs were compared").isGreaterThanOrEqualTo(5);
    }

    /**
     * The merit-order plan breaks none of the rules the MILP obeys: no checker finding at all (ramps, minimum
     * times), and a unit starts or stops at no more than max(minimum stable power, ramp over one interval).
     */
    private boolean withinMilpRules(DispatchPlan plan, PlanningProblem problem) {
        // the end-of-horizon target is off in the comparison (FREE_END)
        if (!checker.check(plan, problem).stream().allMatch(v -> v.rule() == Violation.Rule.FINAL_SOC)) {
            return false;
        }
        double h = problem.grid().stepHours();
        for (Asset asset : problem.assets()) {
            if (asset instanceof Generator g) {
                DeviceSchedule s = plan.schedule(g.id()).orElseThrow();
                boolean wasOn = g.initialState().on();
                double previousKw = g.initialState().powerKw();
                for (int t = 0; t < problem.grid().intervals(); t++) {
                    boolean on = s.committed().get(t);
                    double p = on ? s.powerKw().get(t) : 0;
                    if (on && !wasOn && p > Math.max(g.minStablePowerKw(), g.rampUpKwPerMin() * 60 * h) + Tolerance.POWER_KW) {
                        return false;
                    }
                    if (!on && wasOn && previousKw > Math.max(g.minStablePowerKw(), g.rampDownKwPerMin() * 60 * h) + Tolerance.POWER_KW) {
                        return false;
                    }
                    wasOn = on;
                    previousKw = p;
                }
            }
        }
        return true;
    }

    /** How far the MILP's piecewise-linear costs can be from the true curves over the plan's committed intervals. */
    private static double linearisationBound(PlanningProblem problem, DispatchPlan plan) {
        double h = problem.grid().stepHours();
        double bound = 0;
        for (Asset asset : problem.assets()) {
            if (asset instanceof Generator g) {
                CostSegments segments = CostSegments.of(g, MilpOptions.DEFAULT.quadraticSegments());
                double worst = 0;
                for (int k = 0; k <= 2000; k++) {
                    double p = g.minStablePowerKw() + (g.ratedPowerKw() - g.minStablePowerKw()) * k / 2000;
                    worst = Math.max(worst, Math.abs(segments.costPerHour(p) - g.costCurve().costPerHour(p)));
                }
                long committed = plan.schedule(g.id()).orElseThrow().committed().stream().filter(on -> on).count();
                bound += worst * h * committed;
            }
        }
        return bound;
    }

    /**
     * An advisory finding no plan can avoid: a unit running when the horizon starts still owes minimum up time but
     * cannot run through it (maintenance, available output below its minimum, or no run hours left).
     */
    private static boolean unavoidable(Violation v, PlanningProblem problem) {
        if (v.hard() || v.rule() != Violation.Rule.MIN_UP_TIME) {
            return false;
        }
        Generator g = problem.assets().stream().filter(a -> a.id().value().equals(v.subject()))
                .map(Generator.class::cast).findFirst().orElseThrow();
        double h = problem.grid().stepHours();
        if (!g.initialState().on() || g.initialState().hoursInState() + v.interval() * h >= g.minUpTimeHours()) {
            return false;
        }
        boolean outOfHours = (v.interval() + 1) * h > g.runHourLimit().remainingHours();
        boolean cannotRun = false;
        for (int t = 0; t <= v.interval(); t++) {
            double capKw = g.ratedPowerKw() * problem.availability().get(g.id()).get(t);
            cannotRun |= capKw == 0 || capKw < g.minStablePowerKw();
        }
        return outOfHours || cannotRun;
    }

    private static DispatchPlan plan(PlanningProblem problem, MilpOptions options) {
        return PLANS.computeIfAbsent(problem.name() + " " + options, key -> only(new MilpPlanGenerator(options).generate(problem)));
    }

    private static Set<Integer> intervals(DispatchPlan plan, Shortfall.Kind kind) {
        Set<Integer> intervals = new TreeSet<>();
        if (plan.status() instanceof PlanStatus.Infeasible infeasible) {
            infeasible.shortfalls().stream().filter(s -> s.kind() == kind).forEach(s -> intervals.add(s.interval()));
        }
        return intervals;
    }

    private static DispatchPlan only(List<DispatchPlan> plans) {
        assertThat(plans).hasSize(1);
        return plans.getFirst();
    }
}
