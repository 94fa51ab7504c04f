package org.qtraj.ensemble;

/** Why an ensemble run ended. Immutable (an enum). */
public enum StopReason {
    /** The trajectory count of the stop rule was reached. */
    TRAJECTORIES,
    /** The monitored estimator's standard error reached the target. */
    TARGET_ERROR,
    /** The wall-time limit passed (tested between batches, so the count depends on the machine). */
    TIME_LIMIT,
    /**
     * The target error is out of reach: projected from the spread so far it would need more than
     * {@link StopRule#MAX_PROJECTED_TRAJECTORIES} trajectories (tested per index, like the target itself).
     */
    TARGET_OUT_OF_REACH
}
