package org.qtraj.ensemble;

import org.qtraj.stats.MeanVar;

/**
 * Told after each batch of trajectories has been folded in: how many this run has done, the planned count
 * ({@link Long#MAX_VALUE} when the run stops on an error or a time limit), the monitored estimator (null if none),
 * the standard error the stop rule waits for, and the elapsed wall time. Called from the driver's calling thread, never concurrently.
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores every report. */
    ProgressListener NONE = (done, planned, monitored, target, seconds) -> { };

    /**
     * One report.
     *
     * @param done           trajectories this run has folded in
     * @param planned        the planned count, or {@link Long#MAX_VALUE}
     * @param monitored      the monitored estimator so far, or null
     * @param target         the standard error the stop rule waits for (NaN without a target error)
     * @param elapsedSeconds wall time since the run started
     */
    void progress(long done, long planned, MeanVar monitored, double target, double elapsedSeconds);
}
