package org.qtraj.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.qtraj.batch.Merger;
import org.qtraj.batch.Provenance;
import org.qtraj.errors.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qtraj merge}: the shard directories of one run into one directory, as if run unsharded.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merges the directories of 'qtraj run --shard i/n' (all n shards, each complete, same spec)",
            "into DIR: results.csv and results.jsonl equal those of one unsharded run."})
public final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "SHARD_DIR", description = "The shard run directories.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The merged run directory.")
    Path out;

    @Spec
    CommandSpec spec;

    /**
     * Merges the shard directories into the output directory and prints a one-line summary.
     *
     * @return {@link ExitCodes#OK}; directories that are not shards of one run throw
     *         {@link org.qtraj.errors.InvalidInputException} ({@link ExitCodes#BAD_INPUT} via {@link Main})
     */
    @Override
    public Integer call() throws Exception {
        Merger.Summary s = Merger.merge(inputs, out, Provenance.detect(Version.current()));
        PrintWriter w = spec.commandLine().getOut();
        w.printf("merged %d directories, %d units; results in %s%n", s.directories(), s.records(), out);
        w.flush();
        return ExitCodes.OK;
    }
}
