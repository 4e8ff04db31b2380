package org.gridfleet.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridfleet.grid.AcPowerFlow;
import org.gridfleet.grid.MatpowerFormatException;
import org.gridfleet.grid.MatpowerReader;
import org.gridfleet.grid.NetworkAssessment;
import org.gridfleet.grid.NetworkLimits;
import org.gridfleet.grid.PlanPowerFlow;
import org.gridfleet.grid.PowerFlowOutcome;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.model.Profile;
import org.gridfleet.model.plan.DeviceSchedule;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.model.plan.ObjectiveKind;
import org.gridfleet.model.plan.PlanStatus;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.evaluate.NetworkMetrics;
import org.gridfleet.plan.io.PlanJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridfleet powerflow}: bus voltages, line flows and losses of a network, or of every interval of a plan on the fleet's network. */
@Command(name = "powerflow", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"AC power flow (PowSyBl Open LoadFlow, Newton-Raphson) of a network.",
                "--network case.m: a MATPOWER case as it stands. --network fleet.yaml: the fleet's network with its end-users' demand; "
                        + "with --plan, every interval of the plan (devices at their planned output), summarised per interval, "
                        + "or one interval in full with --interval.",
                "Exit code 0 when every flow converged within the limits, 1 when a limit is broken or a flow did not converge, 2 for a usage error."})
final class PowerflowCommand implements Callable<Integer> {
    @Option(names = "--network", required = true, paramLabel = "FILE",
            description = "A MATPOWER case (.m) or a fleet document (YAML, or JSON by its .json ending) with a network.")
    Path network;

    @Option(names = "--plan", paramLabel = "FILE", description = "A plan of the fleet (plan.json from gridfleet plan).")
    Path planFile;

    @Option(names = "--interval", paramLabel = "K", description = "Show interval K (0-based) in full. "
            + "Without a plan: the interval of the end-users' demand to use; default the interval of peak demand.")
    Integer interval;

    @Option(names = "--json", description = "Write the results as JSON instead of tables.")
    boolean json;

    @Option(names = "--vmin", defaultValue = "0.95", paramLabel = "PU", description = "Lowest acceptable voltage, pu. Default: ${DEFAULT-VALUE}.")
    double vmin;

    @Option(names = "--vmax", defaultValue = "1.05", paramLabel = "PU", description = "Highest acceptable voltage, pu. Default: ${DEFAULT-VALUE}.")
    double vmax;

    @Option(names = "--max-loading", defaultValue = "100", paramLabel = "PERCENT",
            description = "Highest acceptable branch loading, percent of its rating. Default: ${DEFAULT-VALUE}.")
    double maxLoadingPercent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        NetworkLimits limits;
        try {
            limits = new NetworkLimits(vmin, vmax, maxLoadingPercent / 100);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
        if (!Files.isRegularFile(network)) {
            throw new CommandLine.ParameterException(cli, "--network " + network + ": no such file");
        }
        if (network.getFileName().toString().endsWith(".m")) {
            if (planFile != null) {
                throw new CommandLine.ParameterException(cli, "--plan needs a fleet document as --network, not a MATPOWER case");
            }
            return matpower(out, limits);
        }
        return fleet(out, cli.getErr(), limits);
    }

    private int matpower(PrintWriter out, NetworkLimits limits) throws Exception {
        org.gridfleet.grid.MatpowerCase mpc;
        PowerFlowOutcome outcome;
        try {
            mpc = MatpowerReader.read(network);
            outcome = new AcPowerFlow().run(mpc);
        } catch (MatpowerFormatException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("gridfleet: powerflow: " + network + ": " + e.getMessage());
            return GridfleetCli.EXIT_REJECTED;
        }
        String title = mpc.name() + " (" + mpc.buses().size() + " buses, " + mpc.branches().size() + " branches)";
        return printSingle(out, title, outcome, limits);
    }

    private int fleet(PrintWriter out, PrintWriter err, NetworkLimits limits) throws Exception {
        IngestPipeline.Result ingest = Planning.ingest(network);
        if (ingest.problem().isEmpty()) {
            Reports.printIngest(out, network.toString(), ingest, 20);
            out.println("\nNo power flow: the fleet cannot be read (see above).");
            return GridfleetCli.EXIT_REJECTED;
        }
        PlanningProblem problem = ingest.problem().get();
        if (problem.network().isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), network + " has no network: add network.buses, lines and slackBus (docs/fleet-format.md)");
        }
        int n = problem.grid().intervals();
        if (interval != null && (interval < 0 || interval >= n)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--interval " + interval + " is outside the horizon's 0.." + (n - 1));
        }
        PlanPowerFlow flows = new PlanPowerFlow();
        if (planFile == null) {
            int k = interval != null ? interval : peakDemandInterval(problem);
            var flow = flows.run(problem, idle(problem), k);
            return printSingle(out, String.format(Locale.ROOT, "%s, interval %d (%s): end-users' demand %.1f kW, every device at 0 kW",
                    problem.name(), k, flow.start(), problem.demandKw().get(k)), flow.outcome(), limits);
        }
        DispatchPlan plan;
        try {
            plan = PlanJson.read(Files.readString(planFile));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plan " + planFile + ": " + e.getMessage());
        }
        if (!plan.grid().equals(problem.grid())) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--plan " + planFile + " covers " + plan.grid()
                    + ", the fleet's horizon is " + problem.grid() + ": plan this fleet again");
        }
        if (interval != null) {
            var flow = flows.run(problem, plan, interval);
            return printSingle(out, String.format(Locale.ROOT, "%s, plan %s, interval %d (%s)", problem.name(), planFile, interval, flow.start()),
                    flow.outcome(), limits);
        }
        List<PlanPowerFlow.IntervalFlow> all = flows.run(problem, plan);
        NetworkMetrics metrics = new NetworkAssessment(limits).metrics(all, problem.grid().stepHours());
        if (json) {
            out.println(JSON.writeValueAsString(planJson(all, metrics)));
        } else {
            printPlan(out, problem.name() + ", plan " + planFile, all, metrics);
        }
        return metrics.hasViolations() ? GridfleetCli.EXIT_REJECTED : 0;
    }

    /** The fleet's demand with no device running: what the network carries when the grid supplies everything. */
    private static DispatchPlan idle(PlanningProblem problem) {
        int n = problem.grid().intervals();
        List<DeviceSchedule> schedules = new ArrayList<>();
        problem.assets().forEach(a -> schedules.add(DeviceSchedule.flows(a.id(), a.type(), new double[n], Profile.of())));
        return new DispatchPlan("idle", Objective.of(ObjectiveKind.COST), new PlanStatus.Heuristic(), problem.grid(), schedules,
                problem.demandKw(), Profile.zeros(n));
    }

    private static int peakDemandInterval(PlanningProblem problem) {
        Profile demand = problem.demandKw();
        int peak = 0;
        for (int k = 1; k < demand.size(); k++) if (demand.get(k) > demand.get(peak)) peak = k;
        return peak;
    }

    private int printSingle(PrintWriter out, String title, PowerFlowOutcome outcome, NetworkLimits limits) throws Exception {
        if (outcome instanceof PowerFlowOutcome.NotConverged nc) {
            if (json) {
                ObjectNode root = JSON.createObjectNode();
                root.put("converged", false).put("status", nc.status()).put("reason", nc.reason());
                out.println(JSON.writeValueAsString(root));
            } else {
                out.printf("%s%nThe AC power flow did not converge: %s (%s)%n", title, nc.status(), nc.reason());
            }
            return GridfleetCli.EXIT_REJECTED;
        }
        var converged = (PowerFlowOutcome.Converged) outcome;
        var s = converged.solution();
        var metrics = new NetworkAssessment(limits).metrics(List.of(new PlanPowerFlow.IntervalFlow(0, java.time.Instant.EPOCH, outcome)), 1);
        if (json) {
            out.println(JSON.writeValueAsString(solutionJson(s, converged.iterations())));
            return metrics.hasViolations() ? GridfleetCli.EXIT_REJECTED : 0;
        }
        out.println(title);
        out.printf(Locale.ROOT, "Converged in %d Newton-Raphson iterations. Losses %.3f kW.%n", converged.iterations(), s.lossesKw());
        out.printf(Locale.ROOT, "Voltage: lowest %.5f pu at bus %s, highest %.5f pu at bus %s.%n",
                s.minVoltageBus().voltagePu(), s.minVoltageBus().id(), s.maxVoltageBus().voltagePu(), s.maxVoltageBus().id());
        s.mostLoadedBranch().ifPresentOrElse(
                b -> out.printf(Locale.ROOT, "Most loaded branch: %s at %.1f %% of its rating.%n", b.id(), 100 * b.loading()),
                () -> out.println("No branch has a rating."));
        out.printf("%nBuses%n%-14s %9s %10s %10s%n", "bus", "kV", "V (pu)", "angle (°)");
        for (var b : s.buses()) {
            out.printf(Locale.ROOT, "%-14s %9.3f %10.5f %10.3f%s%n", b.id(), b.nominalKv(), b.voltagePu(), b.angleDeg(),
                    b.voltagePu() < limits.minVoltagePu() ? "  LOW" : b.voltagePu() > limits.maxVoltagePu() ? "  HIGH" : "");
        }
        out.printf("%nBranches (flows into the branch at each end)%n%-10s %-12s %-12s %12s %12s %12s %12s %9s %9s%n",
                "branch", "from", "to", "P from (kW)", "Q from (kvar)", "P to (kW)", "Q to (kvar)", "loss (kW)", "loading");
        for (var b : s.branches()) {
            out.printf(Locale.ROOT, "%-10s %-12s %-12s %12.2f %12.2f %12.2f %12.2f %9.3f %9s%s%n", b.id(), b.fromBus(), b.toBus(),
                    b.pFromKw(), b.qFromKvar(), b.pToKw(), b.qToKvar(), b.lossesKw(),
                    Double.isNaN(b.loading()) ? "-" : String.format(Locale.ROOT, "%.1f %%", 100 * b.loading()),
                    b.loading() > limits.maxLoading() ? "  OVER" : "");
        }
        printViolations(out, metrics);
        return metrics.hasViolations() ? GridfleetCli.EXIT_REJECTED : 0;
    }

    private static void printPlan(PrintWriter out, String title, List<PlanPowerFlow.IntervalFlow> flows, NetworkMetrics m) {
        out.println(title);
        out.printf("%n%-4s %-21s %-22s %-22s %-22s %10s%n", "k", "start", "lowest V (pu, bus)", "highest V (pu, bus)", "most loaded", "loss (kW)");
        for (var f : flows) {
            if (f.outcome() instanceof PowerFlowOutcome.NotConverged nc) {
                out.printf("%-4d %-21s did not converge: %s%n", f.interval(), f.start(), nc.status());
                continue;
            }
            var s = ((PowerFlowOutcome.Converged) f.outcome()).solution();
            String loaded = s.mostLoadedBranch().map(b -> String.format(Locale.ROOT, "%.1f %% %s", 100 * b.loading(), b.id())).orElse("-");
            out.printf(Locale.ROOT, "%-4d %-21s %-22s %-22s %-22s %10.2f%n", f.interval(), f.start(),
                    String.format(Locale.ROOT, "%.4f %s", s.minVoltageBus().voltagePu(), s.minVoltageBus().id()),
                    String.format(Locale.ROOT, "%.4f %s", s.maxVoltageBus().voltagePu(), s.maxVoltageBus().id()), loaded, s.lossesKw());
        }
        out.printf(Locale.ROOT, "%nOver the plan: lowest %s, highest %s, most loaded %s; losses %.1f kWh (peak %.1f kW)",
                extreme(m.minVoltage(), "%.4f pu"), extreme(m.maxVoltage(), "%.4f pu"), extreme(m.worstLoading(), "%.3f of rating"),
                m.lossesKwh(), m.peakLossesKw());
        out.printf("; %d of %d intervals did not converge.%n", m.notConvergedIntervals(), m.intervals());
        printViolations(out, m);
    }

    private static String extreme(NetworkMetrics.Extreme e, String format) {
        return Double.isNaN(e.value()) ? "-" : String.format(Locale.ROOT, format + " at %s in interval %d", e.value(), e.element(), e.interval());
    }

    private static void printViolations(PrintWriter out, NetworkMetrics m) {
        var l = m.limits();
        if (!m.hasViolations()) {
            out.printf(Locale.ROOT, "Within limits (%.3f..%.3f pu, %.0f %% loading).%n", l.minVoltagePu(), l.maxVoltagePu(), 100 * l.maxLoading());
            return;
        }
        out.printf(Locale.ROOT, "%d limit violations (%.3f..%.3f pu, %.0f %% loading):%n", m.violations().size(), l.minVoltagePu(), l.maxVoltagePu(),
                100 * l.maxLoading());
        m.violations().stream().limit(20).forEach(v -> out.println("  " + v.describe()));
        if (m.violations().size() > 20) out.printf("  ... and %d more (--json lists them all)%n", m.violations().size() - 20);
    }

    private static ObjectNode solutionJson(PowerFlowOutcome.PowerFlowSolution s, int iterations) {
        ObjectNode root = JSON.createObjectNode();
        root.put("converged", true).put("iterations", iterations).put("lossesKw", s.lossesKw());
        ArrayNode buses = root.putArray("buses");
        s.buses().forEach(b -> buses.addObject().put("id", b.id()).put("nominalKv", b.nominalKv()).put("voltagePu", b.voltagePu()).put("angleDeg", b.angleDeg()));
        ArrayNode branches = root.putArray("branches");
        for (var b : s.branches()) {
            ObjectNode o = branches.addObject().put("id", b.id()).put("from", b.fromBus()).put("to", b.toBus())
                    .put("pFromKw", b.pFromKw()).put("qFromKvar", b.qFromKvar()).put("pToKw", b.pToKw()).put("qToKvar", b.qToKvar())
                    .put("currentFromA", b.currentFromA()).put("currentToA", b.currentToA()).put("lossesKw", b.lossesKw());
            if (Double.isNaN(b.loading())) o.putNull("loading"); else o.put("loading", b.loading());
        }
        return root;
    }

    private static ObjectNode planJson(List<PlanPowerFlow.IntervalFlow> flows, NetworkMetrics m) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode intervals = root.putArray("intervals");
        for (var f : flows) {
            ObjectNode o = intervals.addObject().put("interval", f.interval()).put("start", f.start().toString());
            if (f.outcome() instanceof PowerFlowOutcome.NotConverged nc) {
                o.put("converged", false).put("status", nc.status()).put("reason", nc.reason());
                continue;
            }
            var s = ((PowerFlowOutcome.Converged) f.outcome()).solution();
            o.put("converged", true).put("lossesKw", s.lossesKw())
                    .put("minVoltagePu", s.minVoltageBus().voltagePu()).put("minVoltageBus", s.minVoltageBus().id())
                    .put("maxVoltagePu", s.maxVoltageBus().voltagePu()).put("maxVoltageBus", s.maxVoltageBus().id());
            s.mostLoadedBranch().ifPresent(b -> o.put("worstLoading", b.loading()).put("worstBranch", b.id()));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("lossesKwh", m.lossesKwh()).put("peakLossesKw", m.peakLossesKw()).put("notConvergedIntervals", m.notConvergedIntervals());
        ArrayNode violations = summary.putArray("violations");
        m.violations().forEach(v -> violations.add(v.describe()));
        return root;
    }
}
