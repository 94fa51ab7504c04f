package org.qtraj.ensemble;

/**
 * The outcome of {@link EnsembleDriver#run}: the accumulator after folding trajectories
 * [startIndex, nextIndex) in index order into the one it started from, why it stopped, and the wall time.
 * Resume with startIndex = nextIndex and this result as the start accumulator. Immutable if the accumulator is.
 *
 * @param result         the accumulator after the fold
 * @param startIndex     the first trajectory index of this call
 * @param nextIndex      one past the last trajectory folded in
 * @param reason         why the run stopped
 * @param elapsedSeconds wall time of the call
 * @param threads        worker threads used (no influence on the result)
 * @param <A>            the accumulator type
 */
public record EnsembleRun<A>(A result, long startIndex, long nextIndex, StopReason reason, double elapsedSeconds,
                             int threads) {
    /** Trajectories run by this call. */
    public long trajectories() {
        return nextIndex - startIndex;
    }
}
