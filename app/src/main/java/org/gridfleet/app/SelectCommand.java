package org.gridfleet.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.gridfleet.plan.io.CandidatesJson;
import org.gridfleet.plan.io.CandidatesRun;
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
        CandidatesRun run = open(cli);
        String who = operator == null || operator.isBlank() ? System.getProperty("user.name", "operator") : operator.strip();
        CandidatesRun.Choice choice;
        try {
            choice = run.choose(name, who, note, override, Instant.now());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
        return switch (choice) {
            case CandidatesRun.Choice.UnknownPlan u -> throw new CommandLine.ParameterException(cli,
                    "no candidate '" + name + "' in " + dir + "; the candidates are " + String.join(", ", u.names()));
            case CandidatesRun.Choice.NoteRequired n -> throw new CommandLine.ParameterException(cli,
                    "--override needs a --note saying why the rules do not apply");
            case CandidatesRun.Choice.RejectedByRules r -> {
                w.printf("Not chosen: the rules rejected %s: %s%nTo choose it anyway, add --override and a --note saying why.%n", r.name(),
                        r.explanation());
                yield GridfleetCli.EXIT_REJECTED;
            }
            case CandidatesRun.Choice.Recorded r -> {
                Selection selection = r.chosen().selection();
                CandidatesCommand.printTable(w, r.candidates(), selection, r.candidates().candidates().getFirst().metrics().currency());
                w.printf("%nChosen: %s — %s%n", r.entry().name(), selection.reason());
                w.printf("The rules (%s) had chosen %s%s.%n", run.index().rules().selectedBy().describe(), r.rulesChose(),
                        r.chosen().overridesRules() ? "; they rejected this plan (" + r.ruling().explanation() + "), overridden by the operator" : "");
                w.printf("Wrote %s; the plan is %s%n", dir.resolve(CandidatesJson.SELECTION), dir.resolve(r.entry().file()));
                yield 0;
            }
        };
    }

    private CandidatesRun open(CommandLine cli) throws IOException {
        try {
            return CandidatesRun.open(dir);
        } catch (NoSuchFileException e) {
            throw new CommandLine.ParameterException(cli, "no " + CandidatesJson.INDEX + " in " + dir
                    + ": make the candidates first, e.g. gridfleet plan --fleet FILE --candidates all --out " + dir);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}
