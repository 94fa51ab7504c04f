package org.qtraj.ensemble;

import org.qtraj.errors.InvalidInputException;

/**
 * How to run an ensemble: master seed, worker threads, the first trajectory index (0 for a new run; the next index
 * of a previous run to resume or extend it) and the stop rule. Immutable; validated on construction
 * ({@link org.qtraj.errors.InvalidInputException} naming threads, start-index or trajectories).
 *
 * @param seed       master seed: trajectory i draws from the stream (seed, i)
 * @param threads    worker threads, {@code >= 1}; results do not depend on it
 * @param startIndex index of the first trajectory, {@code >= 0}
 * @param stop       when to stop
 */
public record EnsembleOptions(long seed, int threads, long startIndex, StopRule stop) {
    /**
     * Validates the options.
     *
     * @throws InvalidInputException naming threads if &lt; 1, start_index if &lt; 0, trajectories if stop is null
     */
    public EnsembleOptions {
        Threads.check(threads);
        if (startIndex < 0) {
            throw new InvalidInputException("start_index", "must be >= 0, got " + startIndex);
        }
        if (stop == null) {
            throw new InvalidInputException("trajectories", "a stop rule is required");
        }
    }

    /** A new run on all available processors. */
    public static EnsembleOptions of(long seed, StopRule stop) {
        return new EnsembleOptions(seed, Runtime.getRuntime().availableProcessors(), 0, stop);
    }

    /** The same options with k worker threads. */
    public EnsembleOptions withThreads(int k) {
        return new EnsembleOptions(seed, k, startIndex, stop);
    }

    /** The same options starting at trajectory index i. */
    public EnsembleOptions withStartIndex(long i) {
        return new EnsembleOptions(seed, threads, i, stop);
    }
}
