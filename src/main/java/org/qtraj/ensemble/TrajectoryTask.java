package org.qtraj.ensemble;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One independent trajectory of any stochastic simulation: given its index and its own random stream, return a
 * result that the caller folds into an accumulator. Implementations must draw all their randomness from
 * {@code rng} and be safe to call from several threads at once (for different indices).
 *
 * @param <R> the per-trajectory result
 */
@FunctionalInterface
public interface TrajectoryTask<R> {
    /**
     * Runs trajectory {@code index}.
     *
     * @param index the trajectory's index in the run
     * @param rng   its own random stream, used by this call only
     * @return its result, which the caller folds and does not share with other calls
     */
    R run(long index, UniformRandomProvider rng);
}
