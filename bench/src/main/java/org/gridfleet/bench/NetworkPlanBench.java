package org.gridfleet.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridfleet.grid.FleetNetworks;
import org.gridfleet.grid.NetworkAssessment;
import org.gridfleet.grid.NetworkAwarePlanner;
import org.gridfleet.grid.NetworkLimits;
import org.gridfleet.ingest.collector.FileDataCollector;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.milp.MilpPlanGenerator;

/**
 * Network-aware planning against plain planning on the same fleet: the plain MILP and its AC check, then
 * {@link NetworkAwarePlanner} (whose first solve is that same plain MILP). Fleets are fleet files, or synthetic fleets
 * by device count; tighter limits than the defaults make the network bind on fleets whose feeders were sized for it.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gridfleet.bench.NetworkPlanBench [--time-limit 60s] [--max-loading 100]
 *        [--vmin 0.95] [--vmax 1.05] [--intervals 96] (FLEET.yaml | DEVICES)...</pre>
 */
public final class NetworkPlanBench {
    private NetworkPlanBench() {}

    public static void main(String[] args) {
        Duration timeLimit = Duration.ofSeconds(60);
        double maxLoading = 1.0;
        double vmin = 0.95;
        double vmax = 1.05;
        int intervals = 96;
        List<String> fleets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--time-limit" -> timeLimit = Duration.parse("PT" + args[++i].toUpperCase(Locale.ROOT));
                case "--max-loading" -> maxLoading = Double.parseDouble(args[++i]) / 100;
                case "--vmin" -> vmin = Double.parseDouble(args[++i]);
                case "--vmax" -> vmax = Double.parseDouble(args[++i]);
                case "--intervals" -> intervals = Integer.parseInt(args[++i]);
                default -> fleets.add(args[i]);
            }
        }
        NetworkLimits limits = new NetworkLimits(vmin, vmax, maxLoading);
        MilpOptions options = MilpOptions.DEFAULT.withTimeLimit(timeLimit);
        System.out.printf(Locale.ROOT, "time limit %d s per solve, limits %.3f..%.3f pu, %.0f %% loading%n", timeLimit.toSeconds(), vmin, vmax,
                100 * maxLoading);
        System.out.println("| fleet | buses | plain s | plain status | plain cost | plain AC violations | network-aware s | solves | status | unserved kWh | cost | price of the limits | AC violations left |");
        System.out.println("|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|");
        for (String fleet : fleets) {
            if (fleet.matches("\\d+")) {
                int devices = Integer.parseInt(fleet);
                BenchFleet bench = BenchFleet.write(devices + "x" + devices * 10, intervals, 1);
                try {
                    run("synthetic " + devices + " devices", bench.ingestOnce(), options, limits);
                } finally {
                    bench.delete();
                }
            } else {
                var result = new IngestPipeline().run(new FileDataCollector(Path.of(fleet)));
                run(fleet, result.problem().orElseThrow(() -> new IllegalArgumentException(fleet + " did not ingest")), options, limits);
            }
        }
    }

    private static void run(String name, PlanningProblem problem, MilpOptions options, NetworkLimits limits) {
        PlanEvaluator evaluator = new PlanEvaluator();
        long t0 = System.nanoTime();
        DispatchPlan plain = new MilpPlanGenerator(options).generate(problem).getFirst();
        double plainSeconds = (System.nanoTime() - t0) / 1e9;
        int plainViolations = new NetworkAssessment(limits).assess(plain, problem).violations().size();

        t0 = System.nanoTime();
        NetworkAwarePlanner.Result result = new NetworkAwarePlanner(options, limits, 5).plan(problem);
        double seconds = (System.nanoTime() - t0) / 1e9;
        var metrics = evaluator.evaluate(result.plan(), problem);
        double cost = metrics.cost().totalCost();
        double plainCost = evaluator.evaluate(plain, problem).cost().totalCost();
        System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %s | %,.2f | %d | %.1f | %d | %s | %,.1f | %,.2f | %,.2f | %d |%n", name,
                FleetNetworks.toGrid(problem.network()).buses().size(), plainSeconds, plain.status().label(), plainCost, plainViolations, seconds,
                result.iterations().size(), result.plan().status().label(), metrics.service().unservedKwh(), cost, cost - plainCost,
                result.ac().violations().size());
    }
}
