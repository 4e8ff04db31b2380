package org.gridfleet.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning on a problem ingested once per trial: the merit-order {@link #generate} and, on its plan, the independent
 * {@link #check} and the {@link #evaluate} of cost, energy and emissions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgs = "--enable-native-access=ALL-UNNAMED")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class MeritOrderBenchmark {
    /** The fleet, {@code DEVICESxEND_USERS}. */
    @Param({"24x200", "200x2000", "1000x10000"})
    public String fleet;

    @Param({"96"})
    public int intervals;

    @Param({"1"})
    public long seed;

    private final MeritOrderPlanGenerator generator = new MeritOrderPlanGenerator();
    private final PlanChecker checker = new PlanChecker();
    private final PlanEvaluator evaluator = new PlanEvaluator();
    private PlanningProblem problem;
    private DispatchPlan plan;

    @Setup(Level.Trial)
    public void formatProblem() {
        BenchFleet files = BenchFleet.write(fleet, intervals, seed);
        try {
            problem = files.ingestOnce();
        } finally {
            files.delete();
        }
        plan = generator.generate(problem).getFirst();
        List<Violation> hard = checker.hardViolations(plan, problem);
        if (!hard.isEmpty()) {
            throw new IllegalStateException("the merit-order plan for " + fleet + " breaks " + hard.size()
                    + " hard rules, first " + hard.getFirst());
        }
    }

    /** The merit-order plan, interval by interval. */
    @Benchmark
    public List<DispatchPlan> generate() {
        return generator.generate(problem);
    }

    /** Every rule of the independent plan checker over the merit-order plan. */
    @Benchmark
    public List<Violation> check() {
        return checker.check(plan, problem);
    }

    /** Cost with the exact curves, energy by type, fuel, emissions, shortfalls and savings of the plan. */
    @Benchmark
    public PlanMetrics evaluate() {
        return evaluator.evaluate(plan, problem);
    }
}
