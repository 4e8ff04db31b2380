package org.gridfleet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.milp.MilpPlanGenerator;

/**
 * The optimal planner on synthetic fleets of growing size: solve time, proven gap and true cost against the
 * merit-order baseline, one fleet per line. A solve of a minute is no JMH operation, so this is a plain program run
 * once per size; the time limit and gap target are the planner's own.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gridfleet.bench.PlanBench [--time-limit 60s] [--gap 0.1] [--seed 1]
 *        [--intervals 96] [--log] [--free-end] DEVICES...</pre>
 *
 * <p>{@code --free-end} drops the storage end-of-horizon targets, which the merit order does not keep either, so
 * that the cost ratio compares plans under the same rules (but for ramps and minimum times, which only the MILP keeps).
 *
 * <p>Peak memory is the process's peak resident set ({@code VmHWM}), which counts SCIP's native memory as well as the
 * Java heap; run one size per process to read it per size.
 */
public final class PlanBench {
    private PlanBench() {}

    public static void main(String[] args) throws IOException {
        Duration timeLimit = Duration.ofSeconds(60);
        double gapPercent = 0.1;
        long seed = 1;
        int intervals = 96;
        boolean log = false;
        boolean freeEnd = false;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--time-limit" -> timeLimit = Duration.parse("PT" + args[++i].toUpperCase(Locale.ROOT));
                case "--gap" -> gapPercent = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--intervals" -> intervals = Integer.parseInt(args[++i]);
                case "--log" -> log = true;
                case "--free-end" -> freeEnd = true;
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100, 1000, 10_000);
        }
        MilpOptions options = MilpOptions.DEFAULT.withTimeLimit(timeLimit).withRelativeGap(gapPercent / 100).withSolverLog(log)
                .withFinalSocTargets(!freeEnd);
        System.out.printf(Locale.ROOT, "MILP: time limit %d s, gap target %.3f %%, seed %d, %d intervals, storage end targets %s%n",
                timeLimit.toSeconds(), gapPercent, seed, intervals, freeEnd ? "off" : "on");
        System.out.println("| devices | merit order s | merit order cost | MILP s | status | gap % | MILP cost | MILP ÷ merit | hard violations | peak RSS MiB |");
        System.out.println("|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|");
        for (int devices : sizes) {
            run(devices, intervals, seed, options);
        }
    }

    private static void run(int devices, int intervals, long seed, MilpOptions options) throws IOException {
        BenchFleet fleet = BenchFleet.write(devices + "x" + devices * 10, intervals, seed);
        try {
            PlanningProblem problem = fleet.ingestOnce();
            PlanEvaluator evaluator = new PlanEvaluator();

            long t0 = System.nanoTime();
            DispatchPlan merit = new MeritOrderPlanGenerator().generate(problem).getFirst();
            double meritSeconds = (System.nanoTime() - t0) / 1e9;
            double meritCost = evaluator.evaluate(merit, problem).cost().totalCost();

            t0 = System.nanoTime();
            DispatchPlan milp = new MilpPlanGenerator(options).generate(problem).getFirst();
            double milpSeconds = (System.nanoTime() - t0) / 1e9;
            double milpCost = evaluator.evaluate(milp, problem).cost().totalCost();
            long hard = new PlanChecker().check(milp, problem).stream().filter(Violation::hard).count();

            String gap = switch (milp.status()) {
                case PlanStatus.Optimal o -> "0";
                case PlanStatus.Feasible f -> String.format(Locale.ROOT, "%.3f", 100 * f.relativeGap());
                default -> "–";
            };
            System.out.printf(Locale.ROOT, "| %d | %.2f | %,.2f | %.1f | %s | %s | %,.2f | %.4f | %d | %d |%n", devices, meritSeconds,
                    meritCost, milpSeconds, milp.generator().equals(MilpPlanGenerator.NAME) ? milp.status().label() : "no MILP plan: " + milp.generator(),
                    gap, milpCost, milpCost / meritCost, hard, peakResidentMib());
        } finally {
            fleet.delete();
        }
    }

    /** VmHWM from /proc/self/status, or -1 where there is no such file. */
    private static long peakResidentMib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
