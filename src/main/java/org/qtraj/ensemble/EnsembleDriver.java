package org.qtraj.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BiFunction;
import org.qtraj.stats.MeanVar;

/**
 * Runs independent trajectories on a {@link ForkJoinPool} and folds their results, in index order, into a
 * mergeable accumulator. Knows nothing about what a trajectory simulates.
 *
 * <p>Trajectory i gets the stream {@link SeedStreams#stream}(seed, i). Trajectories run in batches of consecutive
 * indices; each batch's results are stored by index and folded in order after the batch, so the accumulator is
 * bit-identical for any thread count (floating-point merging is not associative). The trajectory count and the
 * target error are tested per index during the fold, so they stop at the same index for any thread count (results
 * past that index in the last batch are discarded); the time limit is tested between batches. Batches are sized to
 * take about {@value #BATCH_SECONDS} s, so progress reports and the time limit stay responsive.
 *
 * <p>Stateless and thread-safe: each call makes and shuts down its own pool of {@code options.threads()} workers, so
 * concurrent calls share nothing but what their tasks share. The task runs on the pool's threads (concurrently, for
 * different indices); fold, monitor and listener run on the calling thread only.
 */
public final class EnsembleDriver {
    static final double BATCH_SECONDS = 0.25;
    private static final int MAX_BATCH = 1 << 16;

    private EnsembleDriver() {
    }

    /**
     * Runs trajectories from {@code options.startIndex()} until the stop rule says so.
     *
     * @param task     the trajectory
     * @param start    the accumulator to fold into (empty for a new run, the previous result to resume)
     * @param fold     acc, result -> acc with the result added; must not mutate its arguments
     * @param monitor  the estimator tested by the target error (with the scale of a relative target) and shown in
     *                 progress reports; may be null when the stop rule has no target error
     * @param options  seed, threads, start index, stop rule
     * @param listener progress reports after each batch
     * @param <R>      per-trajectory result
     * @param <A>      accumulator
     */
    public static <R, A> EnsembleRun<A> run(TrajectoryTask<R> task, A start, BiFunction<A, R, A> fold,
                                            Monitor<A> monitor, EnsembleOptions options,
                                            ProgressListener listener) {
        StopRule stop = options.stop();
        if (stop.hasTargetError() && monitor == null) {
            throw new IllegalArgumentException("a target error needs an estimator to monitor");
        }
        long t0 = System.nanoTime();
        long seed = options.seed();
        long next = options.startIndex();
        long done = 0;
        A acc = start;
        StopReason reason = null;
        int batch = 2 * options.threads();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            while (reason == null) {
                long remaining = stop.maxTrajectories() == Long.MAX_VALUE ? Long.MAX_VALUE : stop.maxTrajectories() - done;
                int size = (int) Math.min(batch, remaining);
                long batchStart = System.nanoTime();
                List<ForkJoinTask<R>> jobs = new ArrayList<>(size);
                for (int k = 0; k < size; k++) {
                    final long index = next + k;
                    jobs.add(pool.submit(() -> task.run(index, SeedStreams.stream(seed, index))));
                }
                for (int k = 0; k < size; k++) {
                    R r = jobs.get(k).join();
                    if (reason != null) {
                        continue; // stopped inside this batch: later results are discarded
                    }
                    acc = fold.apply(acc, r);
                    next++;
                    done++;
                    if (done >= stop.maxTrajectories()) {
                        reason = StopReason.TRAJECTORIES;
                    } else if (stop.hasTargetError()) {
                        MeanVar m = monitor.sample(acc);
                        double scale = monitor.scale(acc, m);
                        if (stop.errorReached(m.count(), m.standardError(), scale)) {
                            reason = StopReason.TARGET_ERROR;
                        } else if (stop.outOfReach(m.count(), m.standardError(), scale)) {
                            reason = StopReason.TARGET_OUT_OF_REACH;
                        }
                    }
                }
                double elapsed = (System.nanoTime() - t0) * 1e-9;
                if (reason == null && elapsed >= stop.timeLimitSeconds()) {
                    reason = StopReason.TIME_LIMIT;
                }
                MeanVar monitored = monitor == null ? null : monitor.sample(acc);
                listener.progress(done, stop.maxTrajectories(), monitored,
                        monitor == null ? Double.NaN : stop.absoluteTarget(monitor.scale(acc, monitored)), elapsed);
                double batchSeconds = Math.max((System.nanoTime() - batchStart) * 1e-9, 1e-6);
                double perTrajectory = batchSeconds / size;
                double budget = Math.min(BATCH_SECONDS, Math.max(stop.timeLimitSeconds() - elapsed, 0.01));
                long want = (long) (budget / perTrajectory);
                batch = (int) Math.max(options.threads(), Math.min(Math.min(want, 4L * batch), MAX_BATCH));
            }
        } finally {
            pool.shutdownNow();
        }
        return new EnsembleRun<>(acc, options.startIndex(), next, reason, (System.nanoTime() - t0) * 1e-9,
                options.threads());
    }
}
