package org.gridfleet.app;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gridfleet.grid.NetworkLimits;
import org.gridfleet.ingest.IngestPipeline;
import org.gridfleet.model.plan.Objective;
import org.gridfleet.plan.CapacityDiagnosis;
import org.gridfleet.plan.io.PlanJson;
import org.gridfleet.plan.io.ScheduleCsv;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gridfleet plan}: the plan of a fleet, optimal or merit order, written as JSON and CSV, with its summary. */
@Command(name = "plan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plans a fleet and writes the plan as JSON and a per-device CSV schedule (docs/plan-format.md).",
                "The MILP (default) plans the whole horizon optimally for the objective and is compared with the merit-order baseline; "
                        + "Ctrl-C during its solve stops it and keeps the best plan found so far.",
                "Exit code 0 when demand and reserve are met in every interval, 1 when not (the plan is written all the same), 2 for a usage error."})
final class PlanCommand implements Callable<Integer> {
    @Option(names = "--fleet", required = true, paramLabel = "FILE", description = "The fleet document (YAML, or JSON by its .json ending).")
    Path fleet;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the plan as JSON; the CSV schedule goes beside it (NAME.csv, and NAME-soc.csv for storage).")
    Path out;

    @Option(names = "--solver", defaultValue = "milp", paramLabel = "milp|merit-order|stochastic", converter = SolverConverter.class,
            description = "milp: the optimal planner (unit commitment and dispatch as one MILP, solved by SCIP). "
                    + "merit-order: the fast priority-list baseline, least cost only. "
                    + "stochastic: the MILP with each interval's reserve sized to --target-lolp against sampled outages and forecast errors, "
                    + "compared with the deterministic plans on out-of-sample scenarios. Default: ${DEFAULT-VALUE}.")
    Planning.Solver solver;

    @Option(names = "--target-lolp", defaultValue = "1", paramLabel = "PERCENT", converter = GapConverter.class,
            description = "Stochastic only: the highest acceptable probability, per interval, that load is lost: the devices with their reserve, "
                    + "and grid import up to its limit where the plant is connected, fall short of demand; e.g. 1 or 0.5%%. Default: ${DEFAULT-VALUE} (%%).")
    double targetLolp;

    @Option(names = "--objective", defaultValue = "cost", paramLabel = "SPEC", converter = ObjectiveConverter.class,
            description = {"What to optimise: cost, revenue, efficiency, reliability or emissions,",
                    "or weights, e.g. cost=0.7,emissions=0.3.", "The merit order plans for cost only. Default: ${DEFAULT-VALUE}."})
    Objective objective;

    @Option(names = "--time-limit", defaultValue = "60s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "MILP only: stop after this long with the best plan found, e.g. 30s, 2m, 1m30s, 1h or PT1M. Default: ${DEFAULT-VALUE}.")
    Duration timeLimit;

    @Option(names = "--gap", defaultValue = "0.01", paramLabel = "PERCENT", converter = GapConverter.class,
            description = "MILP only: stop once the best plan is proven within this many percent of the optimum, e.g. 1 or 0.5%%. "
                    + "Default: ${DEFAULT-VALUE} (%%).")
    double gapFraction;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "auto|always|never", converter = ProgressConverter.class,
            description = "MILP only: show the solver's progress (elapsed time, best plan so far, bound, gap) while it solves; "
                    + "auto: when the output is a terminal. Default: ${DEFAULT-VALUE}.")
    Progress progress;

    @Option(names = "--network", defaultValue = "check", paramLabel = "check|respect",
            description = {"For a fleet with a network. check: judge every plan by an AC power flow of each interval (voltages, loading, losses, "
                    + "violations) and report it. respect (MILP only): plan within the limits too: a first solve without the network, "
                    + "then, while its AC check finds violations, solves with LinDistFlow and AC corrections (up to "
                    + Planning.NETWORK_SOLVES + " solves, each with the time limit); radial networks only. Default: ${DEFAULT-VALUE}."})
    String network;

    @Option(names = "--vmin", defaultValue = "0.95", paramLabel = "PU", description = "Lowest acceptable bus voltage, pu. Default: ${DEFAULT-VALUE}.")
    double vmin;

    @Option(names = "--vmax", defaultValue = "1.05", paramLabel = "PU", description = "Highest acceptable bus voltage, pu. Default: ${DEFAULT-VALUE}.")
    double vmax;

    @Option(names = "--max-loading", defaultValue = "100", paramLabel = "PERCENT",
            description = "Highest acceptable branch loading, percent of its rating. Default: ${DEFAULT-VALUE}.")
    double maxLoadingPercent;

    @Option(names = "--candidates", paramLabel = "all|NAME,...", split = ",",
            description = {"Several candidate plans instead of one: all, or some of least-cost, most-revenue, most-reliable, most-efficient, "
                    + "least-emissions, stochastic, agents, least-cost-within-network; each judged by the same evaluator, the Pareto-efficient marked, "
                    + "one chosen by --rules (as gridfleet candidates). --out is then a directory."})
    List<String> candidates;

    @Option(names = "--rules", defaultValue = "examples/rules/default.yaml", paramLabel = "FILE",
            description = "With --candidates: the rules file that chooses (docs/selection.md). Default: ${DEFAULT-VALUE}.")
    Path rules;

    @Option(names = "--debug", hidden = true)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** When the MILP shows its progress. */
    enum Progress {
        AUTO, ALWAYS, NEVER;

        boolean show() {
            return switch (this) {
                case ALWAYS -> true;
                case NEVER -> false;
                case AUTO -> interactive();
            };
        }
    }

    @Override
    public Integer call() throws Exception {
        if (candidates != null) {
            return planCandidates();
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--rules")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rules chooses among candidates: add --candidates all");
        }
        Planning.Settings settings;
        boolean respect = switch (network.strip().toLowerCase(Locale.ROOT)) {
            case "check" -> false;
            case "respect" -> true;
            default -> throw new CommandLine.ParameterException(spec.commandLine(), "--network must be check or respect, not '" + network + "'");
        };
        if (!(targetLolp > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--target-lolp must be above 0 %: a plan cannot promise never to fall short");
        }
        NetworkLimits limits;
        try {
            limits = new NetworkLimits(vmin, vmax, maxLoadingPercent / 100);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            settings = new Planning.Settings(solver, objective, timeLimit, gapFraction, progress.show(), respect, limits, targetLolp);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage() + ": use --solver milp"
                    + (respect ? "" : ", or --objective cost"));
        }
        CommandLine cli = spec.commandLine();
        return planAndWrite(cli.getOut(), cli.getErr(), fleet, fleet.toString(), out, true, settings).code();
    }

    /** {@code --candidates}: the candidates run of {@code gridfleet candidates}, with the generators asked for. */
    private int planCandidates() throws IOException {
        CommandLine cli = spec.commandLine();
        for (String option : List.of("--solver", "--objective", "--target-lolp", "--network")) {
            if (cli.getParseResult().hasMatchedOption(option)) {
                throw new CommandLine.ParameterException(cli, option + " does not go with --candidates: every candidate has its own solver and "
                        + "objective; name the candidates instead, e.g. --candidates least-cost,stochastic");
            }
        }
        List<String> wanted = candidates.stream().map(String::strip).toList();
        if (wanted.equals(List.of("all"))) {
            wanted = CandidatesCommand.ALL;
        }
        for (String name : wanted) {
            if (!CandidatesCommand.ALL.contains(name)) {
                throw new CommandLine.ParameterException(cli, "--candidates: no candidate '" + name + "'; expected all or some of "
                        + String.join(", ", CandidatesCommand.ALL));
            }
        }
        return CandidatesCommand.run(cli, fleet, rules, out, timeLimit, CandidatesCommand.DEFAULT_SAMPLES, wanted.stream().distinct().toList());
    }

    /**
     * Plans {@code fleet} as {@code settings} say, writes the plan files at {@code out} and prints the summary; returns the
     * exit code and the plan.
     *
     * @param label how the fleet is named in the output
     */
    /** The exit code, and the plan when the fleet could be planned. */
    record Written(int code, java.util.Optional<Planning.Planned> planned) {}

    static Written planAndWrite(PrintWriter writer, PrintWriter err, Path fleet, String label, Path out, boolean sayWhereWritten,
                            Planning.Settings settings) throws IOException {
        IngestPipeline.Result ingest = Planning.ingest(fleet);
        if (ingest.problem().isEmpty()) {
            Reports.printIngest(writer, label, ingest, 20);
            writer.println("\nNo plan: the fleet cannot be planned (see above).");
            return new Written(GridfleetCli.EXIT_REJECTED, java.util.Optional.empty());
        }
        Reports.printIngest(writer, label, ingest, 10);
        Planning.Planned planned = Planning.plan(ingest.problem().get(), settings, writer, err);

        Path absolute = out.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        String base = absolute.getFileName().toString().replaceFirst("\\.json$", "");
        Path schedule = absolute.resolveSibling(base + ".csv");
        Path soc = absolute.resolveSibling(base + "-soc.csv");
        Files.writeString(absolute, PlanJson.write(planned.plan(), planned.metrics(), planned.solve(), planned.comparison(),
                CapacityDiagnosis.of(planned.problem(), planned.plan().status())));
        Files.writeString(schedule, ScheduleCsv.setPoints(planned.plan()));
        Files.writeString(soc, ScheduleCsv.stateOfCharge(planned.plan()));

        PlanSummary.print(writer, planned);
        if (sayWhereWritten) {
            writer.printf("%nWrote %s, %s and %s%n", out, schedule.getFileName(), soc.getFileName());
        }
        return new Written(planned.plan().status().meetsRequirements() ? 0 : GridfleetCli.EXIT_REJECTED, java.util.Optional.of(planned));
    }

    /**
     * Whether a person watches: a console whose output is a terminal. Up to JDK 21 {@code System.console()} is null
     * otherwise; JDK 22 to 24 return a console for redirected output too, and say so through {@code isTerminal()}
     * (JDK 22+), which is looked up because this code compiles for 21.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException beforeJdk22) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    // ---- option values: a usage error (exit 2) that says what is accepted ----------------------------------

    static final class SolverConverter implements CommandLine.ITypeConverter<Planning.Solver> {
        @Override
        public Planning.Solver convert(String value) {
            return Planning.Solver.byLabel(value).orElseThrow(() ->
                    new CommandLine.TypeConversionException("expected milp, merit-order or stochastic, not '" + value + "'"));
        }
    }

    static final class ObjectiveConverter implements CommandLine.ITypeConverter<Objective> {
        @Override
        public Objective convert(String value) {
            try {
                return Objective.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ProgressConverter implements CommandLine.ITypeConverter<Progress> {
        @Override
        public Progress convert(String value) {
            for (Progress p : Progress.values()) {
                if (p.name().equalsIgnoreCase(value.strip())) {
                    return p;
                }
            }
            throw new CommandLine.TypeConversionException("expected auto, always or never, not '" + value + "'");
        }
    }

    /** A percentage, with or without its % sign, as a fraction: "0.5" and "0.5%" are 0.005. */
    static final class GapConverter implements CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String number = value.strip();
            number = number.endsWith("%") ? number.substring(0, number.length() - 1).strip() : number;
            double percent;
            try {
                percent = Double.parseDouble(number);
            } catch (NumberFormatException e) {
                percent = Double.NaN;
            }
            if (!(percent >= 0 && percent < 100)) {
                throw new CommandLine.TypeConversionException("expected a percentage from 0 to below 100, e.g. 1 or 0.01, not '" + value + "'");
            }
            return percent / 100;
        }
    }

    /** A positive duration: a number with a unit (ms, s, m or min, h), several of them (1m30s), or ISO-8601 (PT1M). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|sec|s|min|m|h)", Pattern.CASE_INSENSITIVE);

        @Override
        public Duration convert(String value) {
            if (value.strip().matches("\\d+(\\.\\d+)?")) {
                throw new CommandLine.TypeConversionException("'" + value + "' has no unit: write e.g. " + value.strip() + "s or " + value.strip() + "m");
            }
            Duration duration = parse(value.strip());
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new CommandLine.TypeConversionException("expected a positive duration such as 30s, 2m, 1m30s, 1h or PT1M, not '" + value + "'");
            }
            return duration;
        }

        /** The duration, or null when {@code text} is none. */
        static Duration parse(String text) {
            if (text.regionMatches(true, 0, "P", 0, 1)) {
                try {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
            Matcher part = PART.matcher(text);
            Duration total = Duration.ZERO;
            int at = 0;
            while (at < text.length()) {
                if (!part.find(at) || part.start() != at) {
                    return null;
                }
                double amount = Double.parseDouble(part.group(1));
                double unitNanos = switch (part.group(2).toLowerCase(Locale.ROOT)) {
                    case "ms" -> 1e6;
                    case "s", "sec" -> 1e9;
                    case "m", "min" -> 60e9;
                    default -> 3600e9; // h
                };
                if (amount * unitNanos > 1e18) {
                    return null; // beyond any sensible limit, and beyond what a Duration in nanoseconds holds
                }
                total = total.plusNanos(Math.round(amount * unitNanos));
                at = part.end();
                while (at < text.length() && text.charAt(at) == ' ') {
                    at++;
                }
            }
            return at == 0 ? null : total;
        }
    }
}
