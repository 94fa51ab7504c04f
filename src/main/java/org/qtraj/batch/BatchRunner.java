package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.qtraj.model.Chain;

/**
 * Runs a plan into a run directory: skips the units already recorded there, runs the others on a fixed pool
 * of threads, records each as soon as it finishes (durably, see {@link RunDirectory}), and rewrites the
 * results in key order at the end. Each unit depends only on its own chain and seed, so the final files are
 * the same for any thread count and any sequence of interruptions and resumes.
 *
 * <p>Stateless and thread-safe: each {@link #run} has its own fixed pool of {@code options.threads()} workers, and a
 * run directory is locked (a file lock on {@code .lock}) against a second run, in this process or another.
 */
public final class BatchRunner {

    /** Progress over units of work; called from worker threads, so implementations must be thread-safe. */
    public interface Progress {
        /** Before any work: {@code total} units in this shard, {@code done} of them already recorded. */
        void start(long total, long done);

        /** One more unit recorded. */
        void step();

        /** The run ended (successfully or not). */
        void close();

        /** {@code count} more trajectories run inside some unit (reported every fraction of a second). */
        default void trajectories(long count) {
        }

        /** No progress display. */
        Progress NONE = new Progress() {
            @Override
            public void start(long total, long done) {
            }

            @Override
            public void step() {
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * How to run. Immutable; validated on construction.
     *
     * @param out                     the run directory
     * @param resume                  require an existing run in {@code out} to continue
     * @param threads                 worker threads, >= 1
     * @param provenance              version, commit, Java for the manifest
     * @param progress                progress display
     * @param checkpointIntervalNanos time between a long method's checkpoints
     * @param warnings                receives one line for each repair made in the directory (a log's torn end
     *                                dropped, a damaged checkpoint discarded); called from worker threads too
     */
    public record Options(Path out, boolean resume, int threads, Provenance provenance, Progress progress,
                          long checkpointIntervalNanos, Consumer<String> warnings) {
        /**
         * Validates the options.
         *
         * @throws org.qtraj.errors.InvalidInputException naming threads unless from 1 to 1024
         */
        public Options {
            org.qtraj.ensemble.Threads.check(threads);
            java.util.Objects.requireNonNull(warnings, "warnings");
        }

        /** Options whose warnings are dropped (the repairs they report change no result). */
        public Options(Path out, boolean resume, int threads, Provenance provenance, Progress progress,
                       long checkpointIntervalNanos) {
            this(out, resume, threads, provenance, progress, checkpointIntervalNanos, w -> { });
        }
    }

    /**
     * What a run did. Immutable.
     *
     * @param tasks       tasks (units, or blocks of split units) in this shard
     * @param alreadyDone tasks found done when the run started
     * @param ran         tasks run now
     */
    public record Summary(int tasks, int alreadyDone, int ran) {
    }

    private BatchRunner() {
    }

    /**
     * Runs (or continues) {@code plan} in {@code options.out()}, blocking until every task of the shard is
     * recorded or one fails.
     *
     * @param plan    the validated plan (this shard's tasks)
     * @param options where and how
     * @return how many tasks were found done and how many ran
     *
     * @throws org.qtraj.errors.InvalidInputException if the directory cannot be run in (a file, read-only, in use by
     *                                        another run, another spec or shard, a newer format, a damaged log or
     *                                        manifest), before anything in it is changed
     * @throws IOException                    if the files cannot be written
     * @throws RuntimeException               the first failure of a unit (e.g. a SolverException); the manifest
     *                                        then says failed and the finished units stay recorded
     */
    public static Summary run(RunPlan plan, Options options) throws IOException {
        try (RunDirectory dir = RunDirectory.open(options.out(), plan, options.resume(), options.provenance(),
                options.warnings())) {
            List<Task> pending = new ArrayList<>();
            for (Task t : plan.tasks()) {
                if (!dir.isDone(t)) {
                    pending.add(t);
                }
            }
            int done = plan.tasks().size() - pending.size();
            options.progress().start(plan.tasks().size(), done);
            try {
                execute(plan, dir, pending, options);
            } catch (IOException | RuntimeException | Error e) {
                dir.fail(String.valueOf(e.getMessage()));
                throw e;
            } finally {
                options.progress().close();
            }
            dir.complete();
            return new Summary(plan.tasks().size(), done, pending.size());
        }
    }

    private static void execute(RunPlan plan, RunDirectory dir, List<Task> pending, Options options) throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        int workers = Math.min(options.threads(), pending.size());
        // the threads left over when there are fewer units than threads go to each unit's own parallel work
        int unitThreads = Math.max(1, options.threads() / workers);
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "qtraj-run");
            t.setDaemon(true);
            return t;
        });
        ExecutorCompletionService<TaskKey> ecs = new ExecutorCompletionService<>(pool);
        try {
            for (Task t : pending) {
                ecs.submit(() -> runOne(plan, dir, t, options, unitThreads));
            }
            for (int i = 0; i < pending.size(); i++) {
                Future<TaskKey> f = ecs.take();
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
            try {
                // Let running units finish their append, so the logs are closed with whole lines only.
                pool.awaitTermination(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static TaskKey runOne(RunPlan plan, RunDirectory dir, Task task, Options options, int unitThreads)
            throws IOException {
        Chain chain = task.model().build();
        Checkpoint cp = dir.checkpoint(task, options.checkpointIntervalNanos(), options.progress()::trajectories);
        long t0 = System.nanoTime();
        if (task.isBlock()) {
            JsonNode state = ((SplitPointMethod) task.method()).runBlock(chain, task.seed(), task.block(), cp,
                    unitThreads);
            dir.appendBlock(task, BlockRecords.line(task, state, (System.nanoTime() - t0) * 1e-9));
        } else {
            PointResult r = task.method().run(chain, task.seed(), cp, unitThreads);
            double elapsed = (System.nanoTime() - t0) * 1e-9;
            dir.append(task.key(), ResultRecords.line(plan.spec(), task, r, elapsed));
        }
        options.progress().step();
        return task.key();
    }
}
