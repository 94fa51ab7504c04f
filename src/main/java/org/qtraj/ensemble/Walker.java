package org.qtraj.ensemble;

/**
 * A trajectory that can be advanced piece by piece and copied onto another of its kind: what population dynamics
 * (cloning) needs of an engine, and all it needs. The quantum-jump and the exclusion-process engines both provide
 * one, so one cloning loop serves both.
 *
 * <p>Not thread-safe: a walker and the random stream it draws from belong to one thread.
 *
 * @param <W> the walker's own type (a walker is copied only from walkers of the same engine)
 */
public interface Walker<W extends Walker<W>> {
    /**
     * Runs the trajectory from its time t to t + dt.
     *
     * @param dt      the time to advance, finite and &gt; 0
     * @param counter the index of the bath whose net count is returned
     * @return the net count (into the system minus out of it) at that bath during the advance
     */
    long advance(double dt, int counter);

    /** Makes this walker a copy of {@code other}'s state and time; its random stream stays its own. */
    void copyFrom(W other);
}
