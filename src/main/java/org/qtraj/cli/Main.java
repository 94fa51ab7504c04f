package org.qtraj.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.qtraj.errors.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code qtraj} command line: the top-level command, its subcommands, and the mapping of exceptions to exit
 * codes ({@link ExitCodes}): a parameter error or an {@link InvalidInputException} prints one line on stderr and
 * gives 2, any other exception "internal error" and 1; {@code --verbose} adds the stack trace.
 *
 * <p>An instance is picocli's command object, filled and run once on one thread (not thread-safe).
 * {@link #execute} builds a fresh command line on each call and shares no state between calls, apart from what
 * the commands themselves share.
 */
@Command(name = "qtraj", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
            "Heat transport through a chain of two-level systems between two thermal baths:",
            "exact steady states, quantum trajectories and the classical exclusion process, checked against each other."},
        subcommands = {CrossCheckCommand.class, ExactCommand.class, SimulateCommand.class, ClassicalCommand.class,
            FcsCommand.class, CloningCommand.class, RunCommand.class, StatusCommand.class, MergeCommand.class, ReportCommand.class, BenchCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for errors.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code qtraj} without a subcommand: prints the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * A path option or parameter. Picocli's own conversion would quote the exception (InvalidPathException) in its
     * message; this says what is wrong in words.
     */
    static Path path(String text) {
        try {
            // normalised: a/missing/../b would otherwise be created as a/b and then written through a/missing
            return Path.of(text).normalize();
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + printable(text) + "' is not a valid path ("
                    + e.getReason() + ")");
        }
    }

    /**
     * The text with control characters written as Java unicode escapes, so that a message stays one printable line
     * whatever value it quotes (a newline in an option's value would otherwise split it).
     */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }

    /** The program's entry point: {@link #execute} on stdout and stderr, then exits the JVM with its code. */
    public static void main(String[] args) {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * Runs a command line with the given streams and returns the exit code: 0 success, 1 internal error,
     * 2 bad input, 3 a cross-check that disagrees.
     */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.registerConverter(Path.class, Main::path);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("qtraj: " + printable(ex.getMessage()));
            err.println("Try 'qtraj " + ex.getCommandLine().getCommandName() + " --help' for the allowed options.");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = parseResult.hasMatchedOption("--verbose")
                    || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"));
            if (verbose) {
                ex.printStackTrace(err);
            }
            if (ex instanceof InvalidInputException bad) {
                err.println("qtraj: " + printable(FlagNames.message(bad, commandLine.getCommandSpec())));
                err.flush();
                return ExitCodes.BAD_INPUT;
            }
            err.println("qtraj: internal error: " + printable(String.valueOf(ex)));
            err.flush();
            return ExitCodes.INTERNAL;
        });
        return cl.execute(args);
    }
}
