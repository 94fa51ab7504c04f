package org.qtraj.ensemble;

/**
 * The outcome of {@link EnsembleDriver#run}: the accumulator after folding trajectories
 * [startIndex, nextIndex) in index order into the one it started from, why it stopped, and the wall time.
 * Resume with startIndex = nextIndex and this result as the start accumulator.
 */
public record EnsembleRun<A>(A result, long startIndex, long nextIndex, StopReason reason, double elapsedSeconds,
                             int threads) {
    /** Trajectories run by this call. */
    public long trajectories() {
        return nextIndex - startIndex;
    }
}
