package org.qtraj.cli;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qtraj.model.Chain;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The preamble every command on one model shares, written once: the model options, --json and --out (refused before
 * any work if it cannot be written), and the streams. A subclass parses its own options in {@link #execute}, calls
 * one layer down and prints with {@link #emit}.
 */
abstract class ModelCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model = new ModelOptions();
    @Mixin
    OutputOptions output = new OutputOptions();
    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        output.check();
        return execute();
    }

    /** The command's own work, after the shared checks; returns the exit code. */
    abstract int execute() throws Exception;

    /** The validated chain of the model options. */
    Chain chain() {
        return model.chain();
    }

    /** Prints the table (or the JSON document with --json) and writes the document to --out if given. */
    int emit(Map<String, ?> document, String table) throws IOException {
        output.emit(spec.commandLine().getOut(), document, table);
        return ExitCodes.OK;
    }

    /** One line on stderr, "qtraj: warning: ...". */
    void warn(String message) {
        spec.commandLine().getErr().println("qtraj: warning: " + message);
        spec.commandLine().getErr().flush();
    }
}
