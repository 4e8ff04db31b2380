package org.gridfleet.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridfleet.grid.NetworkAssessment;
import org.gridfleet.grid.NetworkAwarePlanner;
import org.gridfleet.grid.NetworkLimits;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.agents.AgentPlanGenerator;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.candidates.CandidateGenerator;
import org.gridfleet.plan.candidates.CandidateKind;
import org.gridfleet.plan.candidates.CandidatePlans;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.io.CandidatesJson;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.reliability.MonteCarloOptions;
import org.gridfleet.plan.reliability.MonteCarloReliability;
import org.gridfleet.plan.select.RuleSelector;
import org.gridfleet.plan.select.RuleSet;
import org.gridfleet.plan.select.RuleSetException;
import org.gridfleet.plan.select.Selection;
import org.gridfleet.plan.stochastic.StochasticOptions;
import org.gridfleet.plan.stochastic.StochasticPlanGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridfleet candidates}: several optimal plans of one fleet, each judged the same way, and one chosen by rules. */
@Command(name = "candidates", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plans a fleet once per objective (least cost, most revenue, most reliable, most efficient, least emissions) with the MILP, "
                + "with the stochastic planner (reserve sized to a 1 %% loss-of-load target per interval) and with the device agents' market "
                + "(docs/agents.md), "
                + "judges every plan by the same evaluator (cost, emissions, an AC power flow of the network, Monte Carlo reliability), "
                + "marks the Pareto-efficient ones over cost, CO2 and expected energy not served, and chooses one by a rules file (docs/selection.md).",
                "With a network, also the least-cost plan within the network's limits (gridfleet plan --network respect).",
                "Writes each plan as NAME.json into --out, with candidates.json (the index and the rules' verdicts) and selection.json "
                + "(the choice that stands; gridfleet select changes it). Exit code 0 when a plan was chosen, 1 when the rules rejected every plan, 2 for a usage error."})
final class CandidatesCommand implements Callable<Integer> {
    @Option(names = "--fleet", required = true, paramLabel = "FILE", description = "The fleet document.")
    Path fleet;

    @Option(names = "--rules", defaultValue = "examples/rules/default.yaml", paramLabel = "FILE",
            description = "The rules file (YAML, docs/selection.md). Default: ${DEFAULT-VALUE}.")
    Path rules;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the candidate plans.")
    Path out;

    @Option(names = "--time-limit", defaultValue = "20s", paramLabel = "DURATION", converter = PlanCommand.DurationConverter.class,
            description = "The MILP's time limit per candidate. Default: ${DEFAULT-VALUE}.")
    Duration timeLimit;

    /** Monte Carlo samples per plan unless told otherwise. */
    static final int DEFAULT_SAMPLES = 2000;

    @Option(names = "--samples", defaultValue = "" + DEFAULT_SAMPLES, description = "Monte Carlo samples per plan. Default: ${DEFAULT-VALUE}.")
    int samples;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        return run(cli, fleet, rules, out, timeLimit, samples, ALL);
    }

    /** The least-cost plan within the network's limits, for fleets with a network. */
    static final String WITHIN_NETWORK = "least-cost-within-network";

    /** Every candidate generator's name, in the order they run. */
    static final List<String> ALL = List.of(CandidateKind.LEAST_COST.label(), CandidateKind.MOST_REVENUE.label(),
            CandidateKind.MOST_RELIABLE.label(), CandidateKind.MOST_EFFICIENT.label(), CandidateKind.LEAST_EMISSIONS.label(),
            StochasticPlanGenerator.NAME, AgentPlanGenerator.NAME, WITHIN_NETWORK);

    /**
     * Plans {@code fleet} with the generators named in {@code wanted} (of {@link #ALL}; the network's only with a
     * network), judges and marks them, chooses one by {@code rules}, writes each plan, the index and the rules' choice
     * into {@code out} (docs/selection.md, "Files"), prints the comparison table; returns the exit code.
     */
    static int run(CommandLine cli, Path fleet, Path rules, Path out, Duration timeLimit, int samples, List<String> wanted) throws IOException {
        PrintWriter w = cli.getOut();
        RuleSet ruleSet = readRules(cli, rules);
        if (samples < 100) {
            throw new CommandLine.ParameterException(cli, "--samples must be at least 100 for a usable confidence interval: " + samples);
        }
        IngestPipeline.Result ingest = Planning.ingest(fleet);
        if (ingest.problem().isEmpty()) {
            Reports.printIngest(w, fleet.toString(), ingest, 20);
            w.println("\nNo plans: the fleet cannot be planned (see above).");
            return GridfleetCli.EXIT_REJECTED;
        }
        PlanningProblem problem = ingest.problem().get();
        PlanEvaluator evaluator = new PlanEvaluator(new NetworkAssessment())
                .withReliability(new MonteCarloReliability(MonteCarloOptions.DEFAULT.withSamples(samples)));
        MilpOptions options = MilpOptions.DEFAULT.withTimeLimit(timeLimit);
        List<CandidateGenerator> generators = new ArrayList<>();
        for (String name : wanted) {
            CandidateKind.byLabel(name).ifPresent(kind -> generators.add(CandidateGenerator.milp(kind, options)));
            if (name.equals(StochasticPlanGenerator.NAME)) {
                generators.add(CandidateGenerator.of(name, new StochasticPlanGenerator(StochasticOptions.DEFAULT.withMilp(options))));
            }
            if (name.equals(AgentPlanGenerator.NAME)) {
                generators.add(CandidateGenerator.of(name, new AgentPlanGenerator()));
            }
            if (name.equals(WITHIN_NETWORK) && !problem.network().isEmpty()) {
                // least cost within the network's limits: the MILP with LinDistFlow and AC corrections (docs/optimization.md)
                generators.add(CandidateGenerator.of(name, p -> new NetworkAwarePlanner(options, NetworkLimits.DEFAULT, Planning.NETWORK_SOLVES).plan(p).plan()));
            }
        }
        w.printf(Locale.ROOT, "Planning %s: %d candidates (%s), the MILP's time limit %s per solve ...%n", problem.name(), generators.size(),
                String.join(", ", generators.stream().map(CandidateGenerator::name).toList()), Planning.duration(timeLimit));
        w.flush();
        CandidateSet set = new CandidatePlans(generators, evaluator).generate(problem);
        Selection selection = new RuleSelector(ruleSet).select(set);

        Files.createDirectories(out);
        for (Candidate c : set.candidates()) {
            Files.writeString(out.resolve(CandidatesJson.fileOf(c.name())), PlanJson.write(c.plan(), c.metrics()));
        }
        Files.writeString(out.resolve(CandidatesJson.INDEX), CandidatesJson.writeIndex(set, selection));
        selection.chosen().ifPresent(name -> write(out, new CandidatesJson.Chosen(set.problem(), Instant.now(), CandidatesJson.fileOf(
                set.byName(name).orElseThrow().name()), false, selection)));
        printTable(w, set, selection, problem.currency());
        w.printf("%nRules %s (%s):%n", ruleSet.name(), rules);
        for (Selection.Verdict v : selection.verdicts()) {
            w.printf("  %-32s %s%n", v.candidate(), v.explanation());
        }
        w.println();
        w.println(selection.chosen().map(name -> "Chosen: " + name + " — " + selection.reason()).orElse("No plan chosen: " + selection.reason()));
        w.printf("Wrote %d plans, %s and %s into %s; an operator may choose another: gridfleet select NAME --candidates %s%n",
                set.candidates().size(), CandidatesJson.INDEX, selection.chosen().isPresent() ? CandidatesJson.SELECTION : "no selection", out, out);
        return selection.chosen().isPresent() ? 0 : GridfleetCli.EXIT_REJECTED;
    }

    /** The default rules: the example's file beside the working directory, or else the copy inside the jar. */
    static final Path DEFAULT_RULES = Path.of("examples", "rules", "default.yaml");

    /** The rules file at {@code path}; the default one from the jar when it is not at hand. A broken or missing file is a usage error. */
    static RuleSet readRules(CommandLine cli, Path path) {
        try {
            if (path.equals(DEFAULT_RULES) && !Files.exists(path)) {
                try (InputStream in = CandidatesCommand.class.getClassLoader().getResourceAsStream(DEFAULT_RULES.toString().replace('\\', '/'))) {
                    if (in == null) {
                        throw new CommandLine.ParameterException(cli, "--rules: the default rules file " + path + " is missing; give one with --rules FILE");
                    }
                    return RuleSet.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the default rules (" + path + ")");
                }
            }
            if (!Files.isRegularFile(path)) {
                throw new CommandLine.ParameterException(cli, "--rules " + path + ": no such file");
            }
            return RuleSet.read(path);
        } catch (RuleSetException e) {
            throw new CommandLine.ParameterException(cli, "--rules " + path + ": " + e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(cli, "--rules " + path + ": cannot read it: " + e.getMessage());
        }
    }

    /** The comparison table: one row per candidate, its figures and the selection's verdict. */
    static void printTable(PrintWriter w, CandidateSet set, Selection selection, String cur) {
        w.printf(Locale.ROOT, "%n%-32s %6s %12s %10s %10s %10s %8s %9s  %s%n", "candidate", "pareto", "cost " + cur, "CO2 kg", "LOLP", "EENS kWh",
                "network", "solve s", "verdict");
        for (Candidate c : set.candidates()) {
            var m = c.metrics();
            var risk = m.reliability().map(r -> r.devices());
            var verdict = selection.verdict(c.name()).orElseThrow();
            w.printf(Locale.ROOT, "%-32s %6s %,12.2f %,10.1f %10s %10s %8s %9.1f  %s%n", c.name(), c.pareto() ? "yes" : "-", m.cost().totalCost(),
                    m.energy().co2Kg(), risk.map(r -> String.format(Locale.ROOT, "%.4f", r.lolp())).orElse("-"),
                    risk.map(r -> String.format(Locale.ROOT, "%,.1f", r.eensKwh())).orElse("-"),
                    m.network().map(n -> n.violations().isEmpty() ? "ok" : n.violations().size() + " viol.").orElse("-"), c.seconds(),
                    verdict.outcome().name().toLowerCase(Locale.ROOT));
        }
    }

    static void write(Path dir, CandidatesJson.Chosen chosen) {
        try {
            Files.writeString(dir.resolve(CandidatesJson.SELECTION), CandidatesJson.writeChosen(chosen));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
