package org.gridfleet.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.agents.AgentOutcome;
import org.gridfleet.plan.agents.AgentPlanGenerator;
import org.gridfleet.plan.check.PlanChecker;
import org.gridfleet.plan.check.Violation;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.milp.MilpPlanGenerator;

/**
 * The multi-agent plan generator against the optimal planner and the merit order on the same fleets: true cost of
 * each (PlanEvaluator, exact curves), the agents' gap to the MILP's plan and to its proven bound, run times, and the
 * checker's hard violations of the agents' plan. Fleets are fleet files, or synthetic fleets by device count
 * ({@code FleetSpec.of(devices, 10 × devices, intervals, seed)}, as PlanBench).
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gridfleet.bench.AgentGapBench [--time-limit 60s] [--gap 0.1] [--seed 1]
 *        [--intervals 96] (FLEET.yaml | DEVICES)...</pre>
 *
 * <p>The MILP's bound is its objective over {@code 1 + gap}: a bound on the objective it minimises (cost curves as
 * secants, storage end targets valued), so a lower bound on the true cost only up to that approximation.
 */
public final class AgentGapBench {
    private AgentGapBench() {}

    public static void main(String[] args) {
        Duration timeLimit = Duration.ofSeconds(60);
        double gapPercent = 0.1;
        long seed = 1;
        int intervals = 96;
        List<String> fleets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--time-limit" -> timeLimit = Duration.parse("PT" + args[++i].toUpperCase(Locale.ROOT));
                case "--gap" -> gapPercent = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--intervals" -> intervals = Integer.parseInt(args[++i]);
                default -> fleets.add(args[i]);
            }
        }
        MilpOptions options = MilpOptions.DEFAULT.withTimeLimit(timeLimit).withRelativeGap(gapPercent / 100);
        System.out.printf(Locale.ROOT, "MILP: time limit %d s, gap target %.3f %%; synthetic fleets: seed %d, %d intervals%n",
                timeLimit.toSeconds(), gapPercent, seed, intervals);
        System.out.println("| fleet | merit-order cost | agents s | rounds | agents cost | agents hard / advisory violations | agents status "
                + "| MILP s | MILP status, gap | MILP cost | MILP bound | agents vs MILP | agents vs bound | merit vs MILP |");
        System.out.println("|---|---:|---:|---:|---:|---:|---|---:|---|---:|---:|---:|---:|---:|");
        for (String fleet : fleets) {
            if (fleet.matches("\\d+")) {
                int devices = Integer.parseInt(fleet);
                BenchFleet bench = BenchFleet.write(devices + "x" + devices * 10, intervals, seed);
                try {
                    run(devices + " × " + intervals, bench.ingestOnce(), options);
                } finally {
                    bench.delete();
                }
            } else {
                var result = new IngestPipeline().run(new FileDataCollector(Path.of(fleet)));
                run(fleet, result.problem().orElseThrow(() -> new IllegalArgumentException(fleet + " did not ingest")), options);
            }
        }
    }

    private static void run(String name, PlanningProblem problem, MilpOptions options) {
        PlanEvaluator evaluator = new PlanEvaluator();
        DispatchPlan merit = new MeritOrderPlanGenerator().generate(problem).getFirst();
        double meritCost = evaluator.evaluate(merit, problem).cost().totalCost();

        long t0 = System.nanoTime();
        AgentOutcome agents = new AgentPlanGenerator().negotiate(problem);
        double agentSeconds = (System.nanoTime() - t0) / 1e9;
        double agentCost = evaluator.evaluate(agents.plan(), problem).cost().totalCost();
        List<Violation> violations = new PlanChecker().check(agents.plan(), problem);
        long hard = violations.stream().filter(Violation::hard).count();

        t0 = System.nanoTime();
        DispatchPlan milp = new MilpPlanGenerator(options).generate(problem, merit).getFirst();
        double milpSeconds = (System.nanoTime() - t0) / 1e9;
        double milpCost = evaluator.evaluate(milp, problem).cost().totalCost();
        double gap = switch (milp.status()) {
            case PlanStatus.Optimal o -> 0;
            case PlanStatus.Feasible f -> f.relativeGap() < 1e6 ? f.relativeGap() : Double.NaN; // no finite bound yet
            default -> Double.NaN;
        };
        double bound = milpCost / (1 + gap);
        String milpStatus = milp.generator().equals(MilpPlanGenerator.NAME)
                ? milp.status().label() + (Double.isNaN(gap) ? "" : String.format(Locale.ROOT, ", %.3f %%", 100 * gap))
                : "no plan: merit order returned";
        System.out.printf(Locale.ROOT, "| %s | %,.2f | %.2f | %d%s | %,.2f | %d / %d | %s | %.1f | %s | %,.2f | %s | %+.2f %% | %s | %+.2f %% |%n",
                name, meritCost, agentSeconds, agents.rounds().size(), agents.converged() ? " (settled)" : "", agentCost, hard,
                violations.size() - hard, agents.plan().status().label(), milpSeconds, milpStatus, milpCost,
                Double.isNaN(bound) ? "–" : String.format(Locale.ROOT, "%,.2f", bound), 100 * (agentCost - milpCost) / milpCost,
                Double.isNaN(bound) ? "–" : String.format(Locale.ROOT, "%+.2f %%", 100 * (agentCost - bound) / bound),
                100 * (meritCost - milpCost) / milpCost);
    }
}
