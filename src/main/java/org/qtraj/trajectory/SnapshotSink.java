package org.qtraj.trajectory;

/**
 * Where a running {@link GaussianTrajectory} hands out snapshots of itself, so that its caller can save them and a
 * later run can continue the trajectory from one ({@link GaussianTrajectory#run(org.apache.commons.rng.UniformRandomProvider,
 * GaussianSnapshot, SnapshotSink)}). Asked before every propagation step, on the simulating thread; taking a
 * snapshot draws no random numbers and changes nothing in the trajectory, so when and how often one is taken has no
 * influence on the result.
 */
public interface SnapshotSink {
    /** True when the trajectory should take a snapshot now and hand it to {@link #accept}. Called before every step. */
    boolean due();

    /**
     * Receives a snapshot (the sink owns it). A runtime exception thrown here ends the trajectory's run with it.
     *
     * @param snapshot the trajectory's state between two steps
     */
    void accept(GaussianSnapshot snapshot);
}
