package org.gridfleet.plan.milp;

import static java.util.Objects.requireNonNull;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import java.util.List;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.PlanGenerator;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;

/**
 * The optimal planner: multi-period unit commitment and economic dispatch of generators, renewables and storage as
 * one MILP (docs/optimization.md), solved with SCIP through OR-Tools (docs/adr/0003-milp-solver.md), minimising
 * cost.
 *
 * <p>Unlike the merit-order baseline it respects ramp rates, minimum up and down times (including what the initial
 * state still owes), hot and cold start costs and looks ahead over the whole horizon. Requirements it cannot meet
 * become penalised slack, so it always returns a plan: {@code Optimal} when SCIP proves it (gap below 1e-7),
 * {@code Feasible(gap)} when it stops at the gap target or the time limit, and {@code Infeasible} with the
 * shortfalls, measured on the plan as the checker measures them, when demand or reserve falls short somewhere.
 *
 * <p>With {@link MilpOptions#withNetwork network constraints} it also keeps bus voltages and branch currents within
 * limits in a linear power-flow model of the (radial) feeder, LinDistFlow, corrected by the last AC check; a plan
 * that breaks them anyway is {@code Infeasible} and says where (docs/optimization.md, "Network constraints").
 *
 * <p>Deterministic: the same problem and options give the same plan, unless the time limit cuts the search short.
 * Should SCIP find no plan at all within the time limit, the merit-order plan is returned (it says so in its
 * {@code generator}; with network constraints it is judged on them as well, and infeasible where it breaks them).
 */
public final class MilpPlanGenerator implements PlanGenerator {
    public static final String NAME = "milp";
    /** A gap this small is a proof of optimality (OR-Tools' objective value and SCIP's bound differ by ~1e-9). */
    static final double PROVEN_GAP = 1e-7;

    private final MilpOptions options;
    /** Guards {@link #running}: a solver is never interrupted after {@link #generate} has let go of it. */
    private final Object lock = new Object();
    /** The solver while SCIP may be solving, so that {@link #interrupt()} can reach it from another thread. */
    private MPSolver running;
    private volatile boolean interrupted;

    public MilpPlanGenerator() {
        this(MilpOptions.DEFAULT);
    }

    public MilpPlanGenerator(MilpOptions options) {
        this.options = requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return NAME;
    }

    public MilpOptions options() {
        return options;
    }

    @Override
    public List<DispatchPlan> generate(PlanningProblem problem) {
        return generate(problem, new MeritOrderPlanGenerator().generate(problem).getFirst());
    }

    /**
     * As {@link #generate(PlanningProblem)}, with the merit-order plan of {@code problem} already at hand: it hints
     * the search, scales weighted objectives and is returned when SCIP finds no plan.
     */
    public List<DispatchPlan> generate(PlanningProblem problem, DispatchPlan baseline) {
        requireNonNull(baseline, "baseline");
        Natives.load();
        UnitCommitmentModel model = new UnitCommitmentModel(problem, options, ObjectiveScales.of(problem, options.objective(), baseline));
        MPSolver solver = model.solver;
        try {
            model.hintCommitments(baseline);
            // solve: SCIP with tight feasibility, the gap target and the time limit; Ctrl-C is the caller's to handle
            solver.setSolverSpecificParametersAsString("numerics/feastol = 1e-9\nmisc/catchctrlc = FALSE\n");
            solver.setTimeLimit(options.timeLimit().toMillis());
            if (options.solverLog()) {
                solver.enableOutput();
            }
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, options.relativeGap());
            hold(solver);
            if (interrupted) {
                return List.of(fallback(model, baseline)); // stopped before the solve began
            }
            MPSolver.ResultStatus result = solver.solve(parameters);
            hold(null);

            // check status
            if (result != MPSolver.ResultStatus.OPTIMAL && result != MPSolver.ResultStatus.FEASIBLE) {
                return List.of(fallback(model, baseline));
            }
            double gap = relativeGap(solver.objective().value(), solver.objective().bestBound());
            PlanStatus solved = result == MPSolver.ResultStatus.OPTIMAL && gap <= PROVEN_GAP
                    ? new PlanStatus.Optimal() : new PlanStatus.Feasible(gap);

            // read values
            return List.of(new PlanReader(model).read(solved));
        } finally {
            hold(null);
            solver.delete();
        }
    }

    /** The merit-order plan when SCIP has none; with network constraints judged on them, so that a breach is reported. */
    private static DispatchPlan fallback(UnitCommitmentModel model, DispatchPlan baseline) {
        return model.network == null ? baseline
                : PlanReader.judgeNetwork(baseline, model.problem, model.network.feeder, model.network.limits);
    }

    private void hold(MPSolver solver) {
        synchronized (lock) {
            running = solver;
        }
    }

    /**
     * Stops the solve under way (from any thread, e.g. on Ctrl-C): {@link #generate} then returns the best plan found
     * so far, as feasible with its gap, or the merit-order plan when none was found yet. Later solves are stopped at
     * once too: a generator that was interrupted stays so.
     */
    public void interrupt() {
        interrupted = true;
        // SCIP drops an interrupt that arrives while OR-Tools is still loading the model into it: repeat it every
        // 50 ms until the solve returns
        Thread.ofPlatform().daemon().name("milp-interrupt").start(() -> {
            while (true) {
                synchronized (lock) {
                    if (running == null) {
                        return;
                    }
                    running.interruptSolve();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** SCIP's gap: |primal − dual| / min(|primal|, |dual|); 0 when they agree to 1e-7 (relative, at least absolute). */
    static double relativeGap(double primal, double dual) {
        double difference = Math.abs(primal - dual);
        if (difference <= PROVEN_GAP * Math.max(1, Math.abs(primal))) {
            return 0;
        }
        double smaller = Math.min(Math.abs(primal), Math.abs(dual));
        return smaller > 0 && Math.signum(primal) == Math.signum(dual) ? difference / smaller : Double.MAX_VALUE;
    }

    /** OR-Tools' native libraries, loaded once per JVM. */
    private static final class Natives {
        private static volatile boolean loaded;

        static void load() {
            if (!loaded) {
                synchronized (Natives.class) {
                    if (!loaded) {
                        Loader.loadNativeLibraries();
                        loaded = true;
                    }
                }
            }
        }
    }
}
