package org.gridfleet.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gridfleet.grid.AcPowerFlow;
import org.gridfleet.grid.FleetNetworks;
import org.gridfleet.grid.GridModel;
import org.gridfleet.grid.MatpowerCase;
import org.gridfleet.grid.MatpowerNetworks;
import org.gridfleet.grid.MatpowerReader;
import org.gridfleet.grid.PlanPowerFlow;
import org.gridfleet.grid.PowerFlowOutcome;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.meritorder.MeritOrderPlanGenerator;

/**
 * AC power flow of a day at 15 minutes: the Baran &amp; Wu 33-bus feeder with its loads scaled by a daily shape, and
 * the merit-order plans of synthetic fleets on their generated networks. One flow is tens of milliseconds, so a day
 * is a second or two: a plain program reporting the first (cold) run apart from the warm ones is enough.
 *
 * <pre>java -cp bench/target/benchmarks.jar org.gridfleet.bench.PowerFlowBench [--case examples/networks/case33bw.m]
 *        [--seed 1] [DEVICES...]</pre>
 */
public final class PowerFlowBench {
    private static final int INTERVALS = 96;

    private PowerFlowBench() {}

    public static void main(String[] args) throws IOException {
        Path casePath = Path.of("examples", "networks", "case33bw.m");
        long seed = 1;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--case" -> casePath = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> sizes.add(Integer.parseInt(args[i]));
            }
        }
        if (sizes.isEmpty()) {
            sizes = List.of(100, 1000);
        }
        System.out.println("| network | buses | branches | intervals | first flow ms | warm flow ms (mean) | day s | not converged |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        matpowerDay(casePath);
        for (int devices : sizes) {
            fleetDay(devices, seed);
        }
    }

    /** The case's loads times 0.4 .. 1.0 over a day (low at night, peak in the evening). */
    private static void matpowerDay(Path casePath) throws IOException {
        MatpowerCase mpc = MatpowerReader.read(casePath);
        GridModel grid = MatpowerNetworks.toGrid(mpc);
        AcPowerFlow ac = new AcPowerFlow();
        long[] nanos = new long[INTERVALS];
        int notConverged = 0;
        for (int k = 0; k < INTERVALS; k++) {
            double scale = 0.7 - 0.3 * Math.cos(2 * Math.PI * (k - 18) / INTERVALS);
            for (MatpowerCase.Bus b : mpc.buses()) {
                var load = grid.iidm().getLoad("L" + b.number());
                if (load != null) load.setP0(scale * b.pdMw()).setQ0(scale * b.qdMvar());
            }
            long t0 = System.nanoTime();
            if (ac.run(grid) instanceof PowerFlowOutcome.NotConverged) notConverged++;
            nanos[k] = System.nanoTime() - t0;
        }
        report(mpc.name() + " (loads × daily shape)", grid, nanos, notConverged);
    }

    /**
     * The merit-order plan of a synthetic fleet with ten end-users per device: the whole day in one call (the network
     * built once, the evaluator's path), then one interval per call (network built each time, the command line's
     * {@code --interval} path).
     */
    private static void fleetDay(int devices, long seed) {
        BenchFleet fleet = BenchFleet.write(devices + "x" + devices * 10, INTERVALS, seed);
        try {
            PlanningProblem problem = fleet.ingestOnce();
            DispatchPlan plan = new MeritOrderPlanGenerator().generate(problem).getFirst();
            PlanPowerFlow flows = new PlanPowerFlow();
            long t0 = System.nanoTime();
            List<PlanPowerFlow.IntervalFlow> day = flows.run(problem, plan);
            long dayNanos = System.nanoTime() - t0;
            long[] single = new long[INTERVALS];
            for (int k = 0; k < INTERVALS; k++) {
                t0 = System.nanoTime();
                flows.run(problem, plan, k);
                single[k] = System.nanoTime() - t0;
            }
            GridModel grid = FleetNetworks.toGrid(problem.network());
            System.out.printf(Locale.ROOT, "| synthetic, %d devices, %d end-users, merit-order plan | %d | %d | %d | – | %.1f (day) / %.1f (one interval per call) | %.2f | %d |%n",
                    devices, devices * 10, grid.buses().size(), grid.branches().size(), INTERVALS, dayNanos / 1e6 / INTERVALS, mean(single) / 1e6,
                    dayNanos / 1e9, day.stream().filter(f -> f.outcome() instanceof PowerFlowOutcome.NotConverged).count());
        } finally {
            fleet.delete();
        }
    }

    private static void report(String name, GridModel grid, long[] nanos, int notConverged) {
        long total = 0;
        for (long n : nanos) total += n;
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.2f | %d |%n", name, grid.buses().size(), grid.branches().size(),
                nanos.length, nanos[0] / 1e6, mean(nanos) / 1e6, total / 1e9, notConverged);
    }

    /** Mean of all but the first (cold) run. */
    private static double mean(long[] nanos) {
        double sum = 0;
        for (int k = 1; k < nanos.length; k++) sum += nanos[k];
        return sum / (nanos.length - 1);
    }
}
