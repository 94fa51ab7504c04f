package org.qtraj.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.qtraj.batch.BatchRunner;
import org.qtraj.batch.Checkpoint;
import org.qtraj.batch.Provenance;
import org.qtraj.batch.RunPlan;
import org.qtraj.batch.RunSpec;
import org.qtraj.batch.Shard;
import org.qtraj.errors.InvalidInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code qtraj run}: a run spec into a results directory, durably, resumably, optionally one shard of it.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs a run spec (YAML: model, sweep, disorder ensemble, methods, observables) and writes",
            "DIR/results.csv, DIR/results.jsonl and DIR/manifest.json. Each finished unit is appended durably;",
            "running again on the same DIR continues where it stopped, with the same final results."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SPEC", description = "The run spec (YAML).")
    Path specFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run directory.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in DIR (refused if DIR holds no run). "
            + "Without it, a DIR holding a run of the same spec is continued too.")
    boolean resume;

    @Option(names = "--shard", paramLabel = "i/n", defaultValue = "1/1",
            description = "Run only the points p with p mod n = i - 1, and block b of a point split into blocks (spec key "
                    + "blocks) when (p + b) mod n = i - 1 (default ${DEFAULT-VALUE}); merge with 'qtraj merge'.")
    String shard;

    @Option(names = "--threads", paramLabel = "K", defaultValue = "1",
            description = "Units of work run in parallel (default ${DEFAULT-VALUE}); results do not depend on it.")
    int threads;

    @Option(names = "--checkpoint-seconds", paramLabel = "S", defaultValue = "5",
            description = "Wall time between the checkpoints of a running point: between trajectories or cloning"
                    + " populations, and inside one long gaussian trajectory (default ${DEFAULT-VALUE}; from 0.1 to"
                    + " 86400); results do not depend on it.")
    double checkpointSeconds;

    @Option(names = "--dry-run", description = "Check the spec and every point, print the plan, write nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    /**
     * Loads the spec and plans the shard; with --dry-run prints the plan, otherwise runs the pending units into the
     * run directory and prints a summary.
     *
     * @return {@link ExitCodes#OK}; a bad spec throws {@link org.qtraj.errors.InvalidInputException} ({@link
     *         ExitCodes#BAD_INPUT} via {@link Main})
     */
    @Override
    public Integer call() throws Exception {
        if (!(checkpointSeconds >= 0.1 && checkpointSeconds <= 86400)) {
            throw new InvalidInputException("checkpoint_seconds", "must be from 0.1 to 86400 seconds, got "
                    + checkpointSeconds);
        }
        RunSpec runSpec = RunSpec.load(specFile);
        RunPlan plan = RunPlan.of(runSpec, Shard.parse(shard));
        if (dryRun) {
            PrintWriter w = spec.commandLine().getOut();
            w.printf("%s: valid; %d points, %d units in shard %s; spec_sha256 %s%n", runSpec.name(), plan.totalPoints(),
                    plan.tasks().size(), plan.shard(), runSpec.sha256());
            w.flush();
            return ExitCodes.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        BatchRunner.Options options = new BatchRunner.Options(out, resume, threads, Provenance.detect(Version.current()),
                progress(), Math.round(checkpointSeconds * 1e9), warning -> {
                    synchronized (err) {
                        err.println("qtraj: warning: " + warning);
                        err.flush();
                    }
                });
        BatchRunner.Summary s = BatchRunner.run(plan, options);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("%s: %d units in shard %s (%d points in the run), %d already done, %d run now; results in %s%n",
                runSpec.name(), s.tasks(), plan.shard(), plan.totalPoints(), s.alreadyDone(), s.ran(), out);
        w.flush();
        return ExitCodes.OK;
    }

    /** A progress bar on stderr when there is a terminal, nothing otherwise (DESIGN.md). */
    private static BatchRunner.Progress progress() {
        if (System.console() == null) {
            return BatchRunner.Progress.NONE;
        }
        return new BatchRunner.Progress() {
            private ProgressBar bar;

            @Override
            public synchronized void start(long total, long done) {
                bar = new ProgressBarBuilder().setTaskName("qtraj run").setInitialMax(total).setUnit(" units", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true))).build();
                bar.stepTo(done);
            }

            private long trajectories;

            @Override
            public synchronized void step() {
                bar.step();
            }

            @Override
            public synchronized void trajectories(long count) {
                trajectories += count;
                if (bar != null) {
                    bar.setExtraMessage(String.format(java.util.Locale.ROOT, " %,d trajectories", trajectories));
                }
            }

            @Override
            public synchronized void close() {
                if (bar != null) {
                    bar.close();
                }
            }
        };
    }
}
