package org.gridfleet.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gridfleet.grid.NetworkAssessment;
import org.gridfleet.grid.NetworkAwarePlanner;
import org.gridfleet.grid.NetworkLimits;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.model.problem.PlanningProblem;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.candidates.CandidateGenerator;
import org.gridfleet.plan.candidates.CandidateKind;
import org.gridfleet.plan.candidates.CandidatePlans;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.evaluate.PlanEvaluator;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.plan.milp.MilpOptions;
import org.gridfleet.plan.reliability.MonteCarloReliability;
import org.gridfleet.plan.select.RuleSelector;
import org.gridfleet.plan.select.RuleSet;
import org.gridfleet.plan.select.RuleSetException;
import org.gridfleet.plan.select.Selection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridfleet candidates}: several optimal plans of one fleet, each judged the same way, and one chosen by rules. */
@Command(name = "candidates", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plans a fleet once per objective (least cost, most revenue, most reliable, most efficient, least emissions) with the MILP, "
                + "judges every plan by the same evaluator (cost, emissions, an AC power flow of the network, Monte Carlo reliability), "
                + "marks the Pareto-efficient ones over cost, CO2 and expected energy not served, and chooses one by a rules file (docs/selection.md).",
                "With a network, also the least-cost plan within the network's limits (gridfleet plan --network respect).",
                "Writes each plan as NAME.json into --out. Exit code 0 when a plan was chosen, 1 when the rules rejected every plan, 2 for a usage error."})
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

    @Option(names = "--samples", defaultValue = "2000", description = "Monte Carlo samples per plan. Default: ${DEFAULT-VALUE}.")
    int samples;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        CommandLine cli = spec.commandLine();
        PrintWriter w = cli.getOut();
        RuleSet ruleSet;
        try {
            ruleSet = RuleSet.read(rules);
        } catch (RuleSetException e) {
            throw new CommandLine.ParameterException(cli, "--rules " + rules + ": " + e.getMessage());
        }
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
                .withReliability(new MonteCarloReliability(org.gridfleet.plan.reliability.MonteCarloOptions.DEFAULT.withSamples(samples)));
        MilpOptions options = MilpOptions.DEFAULT.withTimeLimit(timeLimit);
        List<CandidateGenerator> generators = new ArrayList<>();
        for (CandidateKind kind : CandidateKind.values()) generators.add(CandidateGenerator.milp(kind, options));
        w.printf(Locale.ROOT, "Planning %s: %d candidates, the MILP's time limit %s each ...%n", problem.name(),
                generators.size() + (problem.network().isEmpty() ? 0 : 1), Planning.duration(timeLimit));
        w.flush();
        if (!problem.network().isEmpty()) {
            // least cost within the network's limits: the MILP with LinDistFlow and AC corrections (docs/optimization.md)
            generators.add(CandidateGenerator.of("least-cost-within-network",
                    p -> new NetworkAwarePlanner(options, NetworkLimits.DEFAULT, Planning.NETWORK_SOLVES).plan(p).plan()));
        }
        CandidateSet set = new CandidatePlans(generators, evaluator).generate(problem);
        Selection selection = new RuleSelector(ruleSet).select(set);

        Files.createDirectories(out);
        String cur = problem.currency();
        w.printf(Locale.ROOT, "%n%-32s %6s %12s %10s %10s %10s %8s %9s  %s%n", "candidate", "pareto", "cost " + cur, "CO2 kg", "LOLP", "EENS kWh",
                "network", "solve s", "verdict");
        for (Candidate c : set.candidates()) {
            var m = c.metrics();
            var risk = m.reliability().map(r -> r.devices());
            Files.writeString(out.resolve(c.name().replace('/', '+') + ".json"), PlanJson.write(c.plan(), m));
            var verdict = selection.verdict(c.name()).orElseThrow();
            w.printf(Locale.ROOT, "%-32s %6s %,12.2f %,10.1f %10s %10s %8s %9.1f  %s%n", c.name(), c.pareto() ? "yes" : "-", m.cost().totalCost(),
                    m.energy().co2Kg(), risk.map(r -> String.format(Locale.ROOT, "%.4f", r.lolp())).orElse("-"),
                    risk.map(r -> String.format(Locale.ROOT, "%,.1f", r.eensKwh())).orElse("-"),
                    m.network().map(n -> n.violations().isEmpty() ? "ok" : n.violations().size() + " viol.").orElse("-"), c.seconds(),
                    verdict.outcome().name().toLowerCase(Locale.ROOT));
        }
        w.printf("%nRules %s (%s):%n", ruleSet.name(), rules);
        for (Selection.Verdict v : selection.verdicts()) {
            w.printf("  %-32s %s%n", v.candidate(), v.explanation());
        }
        w.println();
        w.println(selection.chosen().map(name -> "Chosen: " + name + " — " + selection.reason()).orElse("No plan chosen: " + selection.reason()));
        w.printf("Wrote %d plans into %s%n", set.candidates().size(), out);
        return selection.chosen().isPresent() ? 0 : GridfleetCli.EXIT_REJECTED;
    }
}
