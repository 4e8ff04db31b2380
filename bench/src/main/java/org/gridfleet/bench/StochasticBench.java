package org.gridfleet.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.stochastic.OutOfSample;
import org.gridfleet.plan.stochastic.StochasticOptions;
import org.gridfleet.plan.stochastic.StochasticPlan;
import org.gridfleet.plan.stochastic.StochasticPlanGenerator;

/**
 * The stochastic plan against the deterministic MILP plan (its first round) and the merit order, on out-of-sample
 * scenarios: planned cost, expected cost, energy the devices left short, energy not served. Fleets are fleet files,
 * or synthetic fleets by device count, grid-connected or ({@code --islanded}) not.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gridfleet.bench.StochasticBench [--time-limit 60s] [--intervals 24]
 *        [--target 0.01] [--islanded] (FLEET.yaml | DEVICES)...</pre>
 */
public final class StochasticBench {
    private StochasticBench() {}

    public static void main(String[] args) {
        Duration timeLimit = Duration.ofSeconds(60);
        int intervals = 24;
        double target = 0.01;
        boolean islanded = false;
        List<String> fleets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--time-limit" -> timeLimit = Duration.parse("PT" + args[++i].toUpperCase(Locale.ROOT));
                case "--intervals" -> intervals = Integer.parseInt(args[++i]);
                case "--target" -> target = Double.parseDouble(args[++i]);
                case "--islanded" -> islanded = true;
                default -> fleets.add(args[i]);
            }
        }
        StochasticOptions options = StochasticOptions.DEFAULT.withTargetLolp(target).withMilp(MilpOptions.DEFAULT.withTimeLimit(timeLimit));
        OutOfSample judge = new OutOfSample(OutOfSample.DEFAULT_SCENARIOS, 10);
        System.out.printf(Locale.ROOT, "target %.3f per interval, %d in-sample scenarios (seed %d), %d out-of-sample (seed %d), "
                        + "time limit %d s per solve, lost load at 10/kWh%n", target, options.scenarios().samples(), options.scenarios().seed(),
                judge.scenarios().samples(), judge.scenarios().seed(), timeLimit.toSeconds());
        System.out.println("| fleet | plan | rounds (MILP status) | s | planned cost | expected cost | short kWh (devices) | EENS kWh | LOLP | with lost load |");
        System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
        for (String fleet : fleets) {
            if (fleet.matches("\\d+")) {
                int devices = Integer.parseInt(fleet);
                BenchFleet bench = BenchFleet.write(BenchFleet.spec(devices + "x" + devices * 10, intervals, 1).withIslanded(islanded));
                try {
                    run("synthetic " + devices + (islanded ? ", islanded" : ""), bench.ingestOnce(), options, judge);
                } finally {
                    bench.delete();
                }
            } else {
                var result = new IngestPipeline().run(new FileDataCollector(Path.of(fleet)));
                run(fleet, result.problem().orElseThrow(() -> new IllegalArgumentException(fleet + " did not ingest")), options, judge);
            }
        }
    }

    private static void run(String name, PlanningProblem problem, StochasticOptions options, OutOfSample judge) {
        long t0 = System.nanoTime();
        StochasticPlan result = new StochasticPlanGenerator(options).plan(problem);
        double seconds = (System.nanoTime() - t0) / 1e9;
        String rounds = result.rounds().size() + " (" + String.join(", ", result.rounds().stream().map(r -> status(r.status())).toList())
                + (result.targetMet() ? "; target met" : "; target NOT met") + ")";
        var plans = List.of(result.plan(), result.deterministic(), new MeritOrderPlanGenerator().generate(problem).getFirst());
        var names = List.of("stochastic", "deterministic", "merit-order");
        for (int k = 0; k < plans.size(); k++) {
            OutOfSample.Judged j = judge.judge(problem, plans.get(k));
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %,.2f | %,.2f | %,.1f | %,.2f | %.5f | %,.2f |%n", k == 0 ? name : "", names.get(k),
                    k == 0 ? rounds : "", k == 0 ? String.format(Locale.ROOT, "%.1f", seconds) : "", j.plannedCost(), j.expectedCost(),
                    j.eensDevicesKwh(), j.eensKwh(), j.lolp(), j.expectedCostWithLostLoad());
        }
    }

    private static String status(PlanStatus status) {
        return status instanceof PlanStatus.Feasible f ? String.format(Locale.ROOT, "gap %.2f %%", 100 * f.relativeGap()) : status.label();
    }
}
