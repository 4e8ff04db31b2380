package org.gridfleet.app;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gridfleet}: runs many distributed energy resources as one power plant. */
@Command(
        name = "gridfleet",
        mixinStandardHelpOptions = true,
        version = "gridfleet 0.1.0",
        description = "A virtual power plant: many distributed energy resources run as one plant from one control center.",
        subcommands = {DemoCommand.class, ValidateCommand.class, PlanCommand.class, CandidatesCommand.class, SelectCommand.class, ServeCommand.class, PowerflowCommand.class, GenerateCommand.class, SimulateCommand.class, CommandLine.HelpCommand.class})
public final class GridfleetCli implements Runnable {
    /** Exit code when data was rejected (validate) or demand could not be met (plan). */
    public static final int EXIT_REJECTED = 1;
    /** Exit code for a failure that is not the input's fault. */
    public static final int EXIT_FAILED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it with their own writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GridfleetCli());
        // the user's input never causes a stack trace: an unexpected failure is one line, with --debug for more
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("gridfleet: " + commandLine.getCommandName() + " failed: " + e);
            if (parseResult.originalArgs().contains("--debug")) {
                e.printStackTrace(err);
            } else {
                err.println("(run again with --debug for the stack trace)");
            }
            return EXIT_FAILED;
        });
        return cli;
    }
}
