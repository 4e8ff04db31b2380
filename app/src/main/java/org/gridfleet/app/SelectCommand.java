package org.gridfleet.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gridfleet.model.plan.DispatchPlan;
import org.gridfleet.plan.candidates.Candidate;
import org.gridfleet.plan.candidates.CandidateSet;
import org.gridfleet.plan.evaluate.PlanMetrics;
import org.gridfleet.plan.io.CandidatesJson;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.plan.select.Selection;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gridfleet select}: the operator chooses one of the candidate plans of a run, by name. */
@Command(name = "select", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Chooses a candidate plan of a run of gridfleet candidates (or gridfleet plan --candidates) as the operator, by name, "
                + "and records the choice in DIR/selection.json: who, when, why, and whether it overrides the rules.",
                "A plan the rules rejected needs --override and a --note saying why.",
                "Exit code 0 when the choice was recorded, 1 when the rules rejected the plan and --override was not given, 2 for a usage error."})
final class SelectCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PLAN", description = "The candidate's name, e.g. least-cost or stochastic (a merged name's part will do).")
    String name;

    @Option(names = "--candidates", required = true, paramLabel = "DIR", description = "The run's directory, with candidates.json.")
    Path dir;

    @Option(names = "--operator", paramLabel = "ID", description = "Who chooses. Default: the user running the command.")
    String operator;

    @Option(names = "--note", paramLabel = "TEXT", description = "Why, in the operator's words.")
    String note;

    @Option(names = "--override", description = "Choose the plan even though the rules rejected it (needs --note).")
    boolean override;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        PrintWriter w = cli.getOut();
        CandidatesJson.Index index = readIndex(cli);
        CandidatesJson.Entry entry = index.entry(name).orElseThrow(() -> new CommandLine.ParameterException(cli,
                "no candidate '" + name + "' in " + dir + "; the candidates are " + String.join(", ", index.candidates().stream().map(CandidatesJson.Entry::name).toList())));
        Selection.Verdict ruling = index.rules().verdict(entry.name()).orElseThrow(() -> new CommandLine.ParameterException(cli,
                dir.resolve(CandidatesJson.INDEX) + ": the rules gave no verdict on " + entry.name()));
        boolean rejected = ruling.outcome() == Selection.Outcome.REJECTED;
        if (override && (note == null || note.isBlank())) {
            throw new CommandLine.ParameterException(cli, "--override needs a --note saying why the rules do not apply");
        }
        if (rejected && !override) {
            w.printf("Not chosen: the rules rejected %s: %s%nTo choose it anyway, add --override and a --note saying why.%n", entry.name(),
                    ruling.explanation());
            return GridfleetCli.EXIT_REJECTED;
        }
        String who = operator == null || operator.isBlank() ? System.getProperty("user.name", "operator") : operator.strip();
        CandidateSet set = readCandidates(cli, index);
        Selection selection = Selection.byOperator(who, set, entry.name(), note == null ? "" : note);
        String ruleChoice = index.rules().chosen().orElse("none");
        CandidatesJson.Chosen chosen = new CandidatesJson.Chosen(index.problem(), Instant.now(), entry.file(), rejected, selection);
        CandidatesCommand.write(dir, chosen);

        CandidatesCommand.printTable(w, set, selection, set.candidates().getFirst().metrics().currency());
        w.printf("%nChosen: %s — %s%n", entry.name(), selection.reason());
        w.printf("The rules (%s) had chosen %s%s.%n", index.rules().selectedBy().describe(), ruleChoice,
                rejected ? "; they rejected this plan (" + ruling.explanation() + "), overridden by the operator" : "");
        w.printf("Wrote %s; the plan is %s%n", dir.resolve(CandidatesJson.SELECTION), dir.resolve(entry.file()));
        return 0;
    }

    private CandidatesJson.Index readIndex(CommandLine cli) throws IOException {
        Path file = dir.resolve(CandidatesJson.INDEX);
        try {
            return CandidatesJson.readIndex(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(cli, "no " + CandidatesJson.INDEX + " in " + dir
                    + ": make the candidates first, e.g. gridfleet plan --fleet FILE --candidates all --out " + dir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, file + ": " + e.getMessage());
        }
    }

    /** The candidates as they were judged, from their plan files. */
    private CandidateSet readCandidates(CommandLine cli, CandidatesJson.Index index) throws IOException {
        List<Candidate> candidates = new ArrayList<>();
        for (CandidatesJson.Entry e : index.candidates()) {
            Path file = dir.resolve(e.file());
            try {
                String json = Files.readString(file);
                DispatchPlan plan = PlanJson.read(json);
                PlanMetrics metrics = PlanJson.readMetrics(json).orElseThrow(() -> new IllegalArgumentException("the plan has no metrics"));
                candidates.add(new Candidate(e.names(), plan, metrics, e.seconds(), e.pareto(), e.dominatedBy()));
            } catch (NoSuchFileException missing) {
                throw new CommandLine.ParameterException(cli, "candidate " + e.name() + ": its plan " + file + " is missing");
            } catch (IllegalArgumentException bad) {
                throw new CommandLine.ParameterException(cli, "candidate " + e.name() + ": " + file + ": " + bad.getMessage());
            }
        }
        return new CandidateSet(index.problem(), index.hasNetwork(), candidates);
    }
}
