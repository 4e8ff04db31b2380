package org.gridfleet.app;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.asset.Asset;
import org.gridfleet.model.asset.Generator;
import org.gridfleet.model.asset.Renewable;
import org.gridfleet.model.asset.Storage;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.grid.NetworkAssessment;
import org.gridfleet.grid.NetworkAwarePlanner;
import org.gridfleet.grid.NetworkLimits;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.plan.io.PlanJson.Stop;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.milp.MilpPlanGenerator;
import org.gridfleet.plan.stochastic.OutOfSample;
import org.gridfleet.plan.stochastic.StochasticOptions;
import org.gridfleet.plan.stochastic.StochasticPlan;
import org.gridfleet.plan.stochastic.StochasticPlanGenerator;

/**
 * The planning pipeline as the commands run it: collect, verify, format; then plan with the chosen solver, and for
 * the MILP also the merit-order baseline to compare with; check and evaluate every plan.
 */
final class Planning {
    /** MILP solves at most when planning within the network's limits: one without it, then with LinDistFlow and AC corrections. */
    static final int NETWORK_SOLVES = 5;

    private Planning() {}

    /** The plan generators the command line offers. */
    enum Solver {
        /** The optimal planner (docs/optimization.md). */
        MILP(MilpPlanGenerator.NAME),
        /** The priority-list baseline: fast, cost only, no optimality bound. */
        MERIT_ORDER(MeritOrderPlanGenerator.NAME),
        /** The MILP with reserve sized to a loss-of-load target against sampled outages and forecast errors. */
        STOCHASTIC(StochasticPlanGenerator.NAME);

        final String label;

        Solver(String label) {
            this.label = label;
        }

        static Optional<Solver> byLabel(String text) {
            for (Solver solver : values()) {
                if (solver.label.equalsIgnoreCase(text.strip())) {
                    return Optional.of(solver);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * What to plan with.
     *
     * @param timeLimit   the MILP's time limit (ignored by the merit order)
     * @param relativeGap the MILP stops once its best plan is proven within this fraction of the optimum, e.g. 1e-4
     * @param progress    whether the MILP shows its progress: a line before and after the solve, and SCIP's own table
     *                    on the process's standard output in between
     * @param respectNetwork MILP only: plan within the network's limits ({@link NetworkAwarePlanner}) when the fleet has
     *                    a network; otherwise the network is only checked, by the evaluator
     * @param networkLimits the limits every plan is judged against, and those the MILP respects
     * @param targetLolp  stochastic only: the highest probability per interval that load is lost (after import)
     */
    record Settings(Solver solver, Objective objective, Duration timeLimit, double relativeGap, boolean progress, boolean respectNetwork,
                    NetworkLimits networkLimits, double targetLolp) {
        Settings {
            requireNonNull(solver, "solver");
            requireNonNull(objective, "objective");
            requireNonNull(timeLimit, "timeLimit");
            requireNonNull(networkLimits, "networkLimits");
            if (solver == Solver.MERIT_ORDER && !costOnly(objective)) {
                throw new IllegalArgumentException("the merit-order solver plans for least cost only, not for " + objective.describe());
            }
            if (solver != Solver.MILP && respectNetwork) {
                throw new IllegalArgumentException("the " + solver.label + " solver cannot respect the network");
            }
            if (!(targetLolp > 0 && targetLolp < 1)) {
                throw new IllegalArgumentException("the loss-of-load target must be above 0 and below 1: " + targetLolp);
            }
        }

        /** Checks the network with the default limits but does not plan within them. */
        Settings(Solver solver, Objective objective, Duration timeLimit, double relativeGap, boolean progress) {
            this(solver, objective, timeLimit, relativeGap, progress, false, NetworkLimits.DEFAULT, StochasticOptions.DEFAULT.targetLolp());
        }

        /** The merit-order baseline, least cost: what {@code gridfleet demo} runs. */
        static Settings meritOrder() {
            return new Settings(Solver.MERIT_ORDER, Objective.of(ObjectiveKind.COST), MilpOptions.DEFAULT.timeLimit(),
                    MilpOptions.DEFAULT.relativeGap(), false);
        }

        static boolean costOnly(Objective objective) {
            return objective.weights().keySet().equals(Set.of(ObjectiveKind.COST));
        }

        MilpOptions milpOptions() {
            return MilpOptions.DEFAULT.withObjective(objective).withTimeLimit(timeLimit).withRelativeGap(relativeGap).withSolverLog(progress);
        }
    }

    /** One plan with its independent check and its metrics. */
    record Evaluated(DispatchPlan plan, List<Violation> violations, PlanMetrics metrics) {
        static Evaluated of(DispatchPlan plan, PlanningProblem problem, NetworkLimits limits) {
            return new Evaluated(plan, new PlanChecker().check(plan, problem), new PlanEvaluator(new NetworkAssessment(limits)).evaluate(plan, problem));
        }

        long hardViolations() {
            return violations.stream().filter(Violation::hard).count();
        }
    }

    /**
     * The plan of a planning run.
     *
     * @param result   the plan of the chosen solver
     * @param baseline the merit-order plan of the same problem, when the chosen solver is another one
     * @param solve    how {@code result} was made
     * @param network  when the MILP planned within the network's limits: how that went
     * @param stochastic when the stochastic planner made it: its rounds and the out-of-sample comparison
     */
    record Planned(PlanningProblem problem, Settings settings, Evaluated result, Optional<Evaluated> baseline, PlanJson.Solve solve,
                   Optional<NetworkPlanning> network, Optional<Stochastic> stochastic) {
        DispatchPlan plan() {
            return result.plan();
        }

        PlanMetrics metrics() {
            return result.metrics();
        }

        List<Violation> violations() {
            return result.violations();
        }

        /** The plan against the merit-order baseline, in money. */
        Optional<PlanJson.Baseline> comparison() {
            return baseline.map(b -> PlanJson.Baseline.of(b.plan(), b.metrics(), result.metrics()));
        }

        /** Whether the MILP found no plan and its merit-order fallback stands in. */
        boolean fellBack() {
            return settings.solver() == Solver.MILP && !plan().generator().equals(MilpPlanGenerator.NAME);
        }
    }

    static IngestPipeline.Result ingest(Path fleet) {
        return new IngestPipeline().run(new FileDataCollector(fleet));
    }

    /**
     * Plans {@code problem} as {@code settings} say. While the MILP solves, Ctrl-C stops it and its best plan so far is
     * returned; with {@code settings.progress()} a line goes to {@code out} before and after the solve.
     */
    static Planned plan(PlanningProblem problem, Settings settings, PrintWriter out, PrintWriter err) {
        return switch (settings.solver()) {
            case MERIT_ORDER -> {
                long start = System.nanoTime();
                DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
                double seconds = secondsSince(start);
                yield new Planned(problem, settings, Evaluated.of(plan, problem, settings.networkLimits()), Optional.empty(),
                        new PlanJson.Solve(Solver.MERIT_ORDER.label, settings.objective(), seconds, Stop.FINISHED, Optional.empty(), OptionalDouble.empty()),
                        Optional.empty(), Optional.empty());
            }
            case MILP -> planWithMilp(problem, settings, out, err);
            case STOCHASTIC -> planStochastic(problem, settings, out, err);
        };
    }

    /**
     * The stochastic plan, and the deterministic MILP plan (its first round) and the merit-order plan judged beside it
     * on out-of-sample scenarios.
     */
    private static Planned planStochastic(PlanningProblem problem, Settings settings, PrintWriter out, PrintWriter err) {
        Evaluated baseline = Evaluated.of(new MeritOrderPlanGenerator().generate(problem).getFirst(), problem, settings.networkLimits());
        StochasticOptions options = StochasticOptions.DEFAULT.withTargetLolp(settings.targetLolp()).withMilp(settings.milpOptions());
        StochasticPlanGenerator generator = new StochasticPlanGenerator(options);
        out.printf(Locale.ROOT, "%nStochastic planning: %s, reserve sized to at most %s loss-of-load probability per interval (after grid import) in %,d scenarios; "
                        + "up to %d MILP solves of up to %s each. Ctrl-C stops and keeps the last plan.%n",
                size(problem), percent(settings.targetLolp()), options.scenarios().samples(), options.maxRounds(), duration(settings.timeLimit()));
        out.flush();
        long start = System.nanoTime();
        StochasticPlan result;
        boolean stoppedByUser;
        try (CtrlC ctrlC = CtrlC.install(generator::interrupt, err)) {
            result = generator.plan(problem);
            stoppedByUser = ctrlC.pressed();
        }
        double seconds = secondsSince(start);
        OutOfSample judge = new OutOfSample(OutOfSample.DEFAULT_SCENARIOS, VALUE_OF_LOST_LOAD_PER_KWH);
        List<OutOfSample.Judged> judged = judge.judge(problem, List.of(result.plan(), result.deterministic(), baseline.plan()));
        PlanJson.Solve solve = new PlanJson.Solve(Solver.STOCHASTIC.label, settings.objective(), seconds,
                stoppedByUser ? Stop.USER : Stop.FINISHED, Optional.of(settings.timeLimit()), OptionalDouble.of(settings.relativeGap()));
        return new Planned(problem, settings, Evaluated.of(result.plan(), problem, settings.networkLimits()), Optional.of(baseline), solve,
                Optional.empty(), Optional.of(new Stochastic(result, judge, judged)));
    }

    /** What a kWh not served costs in the out-of-sample comparison: USD 10 (10 000 per MWh), a common planning figure. */
    static final double VALUE_OF_LOST_LOAD_PER_KWH = 10;

    /**
     * How the stochastic planner sized its reserve, and its plan, the deterministic one and the merit order judged on
     * the same out-of-sample scenarios (in that order).
     */
    record Stochastic(StochasticPlan result, OutOfSample judge, List<OutOfSample.Judged> judged) {}

    private static Planned planWithMilp(PlanningProblem problem, Settings settings, PrintWriter out, PrintWriter err) {
        Evaluated baseline = Evaluated.of(new MeritOrderPlanGenerator().generate(problem).getFirst(), problem, settings.networkLimits());
        boolean withNetwork = settings.respectNetwork() && !problem.network().isEmpty();
        MilpPlanGenerator milp = new MilpPlanGenerator(settings.milpOptions());
        NetworkAwarePlanner networkAware = new NetworkAwarePlanner(settings.milpOptions(), settings.networkLimits(), NETWORK_SOLVES);
        if (settings.progress()) {
            out.printf(Locale.ROOT, "%nSolving the MILP: %s, objective %s, time limit %s, gap target %s. Ctrl-C stops and keeps the best plan found.%n",
                    size(problem), settings.objective().describe(), duration(settings.timeLimit()), percent(settings.relativeGap()));
        }
        out.flush();
        System.out.flush(); // SCIP writes its table straight to the process's standard output: keep the order
        long start = System.nanoTime();
        DispatchPlan plan;
        boolean stoppedByUser;
        Optional<NetworkPlanning> network = Optional.empty();
        try (CtrlC ctrlC = CtrlC.install(withNetwork ? networkAware::interrupt : milp::interrupt, err)) {
            if (withNetwork) {
                NetworkAwarePlanner.Result result = networkAware.plan(problem, Optional.of(baseline.plan()));
                plan = result.plan();
                network = Optional.of(new NetworkPlanning(result.iterations().size(), result.acFeasible(),
                        new PlanEvaluator().evaluate(result.unconstrained(), problem).cost().totalCost()));
            } else {
                plan = milp.generate(problem, baseline.plan()).getFirst();
            }
            stoppedByUser = ctrlC.pressed();
        }
        double seconds = secondsSince(start);
        Stop stop = stop(plan.status(), settings, seconds, stoppedByUser);
        PlanJson.Solve solve = new PlanJson.Solve(Solver.MILP.label, settings.objective(), seconds, stop, Optional.of(settings.timeLimit()),
                OptionalDouble.of(settings.relativeGap()));
        Planned planned = new Planned(problem, settings, Evaluated.of(plan, problem, settings.networkLimits()), Optional.of(baseline), solve, network,
                Optional.empty());
        if (settings.progress()) {
            System.out.flush();
            out.printf(Locale.ROOT, "MILP %s: %s%n", outcome(planned), plan.status().label()
                    + (plan.status() instanceof PlanStatus.Feasible f ? ", gap " + percent(f.relativeGap()) : ""));
            out.flush();
        }
        return planned;
    }

    /**
     * How planning within the network's limits went.
     *
     * @param solves           MILP solves, the first one without the network
     * @param acFeasible       whether the plan's AC power flow keeps every limit (within the planner's tolerances)
     * @param unconstrainedCost true cost of the first solve's plan, made without the network
     */
    record NetworkPlanning(int solves, boolean acFeasible, double unconstrainedCost) {}

    /** Why the MILP stopped, from what it returned, how long it took and whether Ctrl-C was pressed. */
    static Stop stop(PlanStatus status, Settings settings, double seconds, boolean stoppedByUser) {
        boolean outOfTime = seconds >= settings.timeLimit().toNanos() / 1e9;
        // a Ctrl-C that came too late to cut anything short (the solve proved its plan or ran out of time) is no stop
        if (stoppedByUser && !(status instanceof PlanStatus.Optimal) && !outOfTime) {
            return Stop.USER;
        }
        return switch (status) {
            case PlanStatus.Optimal o -> Stop.FINISHED;
            case PlanStatus.Feasible f -> f.relativeGap() <= settings.relativeGap() ? Stop.GAP_TARGET : Stop.TIME_LIMIT;
            // an infeasible plan carries no gap, and a heuristic plan is the merit-order fallback: the clock tells
            case PlanStatus.Infeasible i -> outOfTime ? Stop.TIME_LIMIT : Stop.FINISHED;
            case PlanStatus.Heuristic h -> outOfTime ? Stop.TIME_LIMIT : Stop.FINISHED;
        };
    }

    /** How the solve ended, in a few words: "stopped at the time limit after 60.0 s". */
    static String outcome(Planned planned) {
        String after = String.format(Locale.ROOT, "after %.1f s", planned.solve().seconds());
        String how = switch (planned.solve().stop()) {
            case FINISHED -> planned.plan().status() instanceof PlanStatus.Optimal ? "solved to optimality " + after : "finished " + after;
            case GAP_TARGET -> "reached the gap target " + after;
            case TIME_LIMIT -> "stopped at the time limit " + after;
            case USER -> "stopped by the user (Ctrl-C) " + after + ", keeping the best plan found so far";
        };
        if (planned.fellBack()) {
            how += "; it found no plan by then, so this is the merit-order plan";
        }
        return how;
    }

    /** "24 devices (8 generators, 6 renewables, 10 stores) × 96 intervals". */
    static String size(PlanningProblem problem) {
        int generators = 0;
        int renewables = 0;
        int stores = 0;
        for (Asset asset : problem.assets()) {
            switch (asset) {
                case Generator g -> generators++;
                case Renewable r -> renewables++;
                case Storage s -> stores++;
            }
        }
        return String.format(Locale.ROOT, "%d devices (%d generators, %d renewables, %d stores) × %d intervals", problem.assets().size(),
                generators, renewables, stores, problem.grid().intervals());
    }

    /** For people: "0.5 s", "60 s", "2 min", "2 min 30 s", "3 h 10 min". */
    static String duration(Duration d) {
        if (d.toMillisPart() != 0) {
            return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString() + " s";
        }
        long seconds = d.toSeconds();
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        return seconds / 3600 + " h" + (seconds % 3600 / 60 == 0 ? "" : " " + seconds % 3600 / 60 + " min");
    }

    /** A fraction as a percentage to three significant digits: 1e-4 → "0.01 %", 0.0082 → "0.82 %". */
    static String percent(double fraction) {
        if (!(fraction < 10)) {
            return "more than 1000 %"; // SCIP has no useful bound yet, or the bound and the best plan differ in sign
        }
        return new BigDecimal(100 * fraction).round(new MathContext(3)).stripTrailingZeros().toPlainString() + " %";
    }

    private static double secondsSince(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e6) / 1000.0;
    }
}
