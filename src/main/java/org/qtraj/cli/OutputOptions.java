package org.qtraj.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.io.AtomicFiles;
import org.qtraj.io.Json;
import picocli.CommandLine.Option;

/**
 * --json and --out, shared by every command that produces a result document (a picocli mixin). Not thread-safe:
 * filled by picocli and used by its command on one thread.
 */
public final class OutputOptions {
    @Option(names = "--json", description = "Print one JSON document instead of the table.")
    boolean json;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the JSON document to FILE (atomically: temp file + rename).")
    Path out;

    /**
     * Refuses an --out that cannot be written, before any work.
     *
     * @throws InvalidInputException naming "out"
     */
    void check() {
        String why = out == null ? null : AtomicFiles.refusal(out);
        if (why != null) {
            throw new InvalidInputException("out", why);
        }
    }

    /** Prints the table or the JSON document, and writes the JSON document to --out if given. */
    public void emit(PrintWriter stdout, Map<String, ?> document, String table) throws IOException {
        String text = Json.pretty(document);
        if (out != null) {
            AtomicFiles.write(out, text);
        }
        stdout.print(json ? text : table);
        stdout.flush();
    }
}
