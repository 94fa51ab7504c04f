package org.qtraj.ensemble;

/** Why an ensemble run ended. */
public enum StopReason {
    TRAJECTORIES, TARGET_ERROR, TIME_LIMIT
}
