package org.qtraj.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.qtraj.trajectory.GaussianSnapshot;
import org.qtraj.trajectory.SnapshotSink;

/**
 * Saves the snapshots of one long trajectory (index i, the first of its slice) into the unit's {@link Checkpoint}:
 * the ensemble's state at the start of the trajectory (accumulators of the trajectories before i, next index i)
 * plus {@code trajectory}: the snapshot ({@link TrajectorySnapshots}). Asked before every step of the trajectory,
 * it takes one when the checkpoint interval has passed and, so that large states (megabytes at N = 1000) cost at
 * most about 2 % of the run, not sooner than {@value #COST_FACTOR} times the last save's duration after it. When
 * and how often it saves changes no result.
 *
 * <p>Runs on the thread that runs the trajectory while the unit's thread waits for it (one unit, one thread at a
 * time, as {@link Checkpoint} requires). An I/O error ends the trajectory as an {@link UncheckedIOException}.
 */
final class MidTrajectoryCheckpoint implements SnapshotSink {
    /** A save waits this many times the duration of the previous one. */
    static final long COST_FACTOR = 50;

    private final Checkpoint checkpoint;
    private final ObjectNode ensembleState;
    private final long index;
    private final double elapsedBefore;
    private final long start;
    private final int stopAfter;
    private long notBefore;
    private int saves;
    private long asked;

    /** Thrown after the {@code stopAfter}-th save, for tests that interrupt a run in the middle of a trajectory. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped after a mid-trajectory checkpoint");
        }
    }

    /**
     * @param checkpoint    the unit's checkpoint
     * @param ensembleState the state to resume the ensemble at trajectory {@code index} (accumulators, next_index,
     *                      elapsed_seconds up to the trajectory's start), completed by each save
     * @param index         the trajectory's index
     * @param elapsedBefore the unit's compute seconds before this trajectory (or before its resumed part)
     * @param stopAfter     saves after which to throw {@link Stopped} (tests), or {@link Integer#MAX_VALUE}
     */
    MidTrajectoryCheckpoint(Checkpoint checkpoint, ObjectNode ensembleState, long index, double elapsedBefore,
                            int stopAfter) {
        this.checkpoint = checkpoint;
        this.ensembleState = ensembleState;
        this.index = index;
        this.elapsedBefore = elapsedBefore;
        this.stopAfter = stopAfter;
        this.start = System.nanoTime();
        this.notBefore = start;
    }

    /** Not before the first step (a snapshot there saves no work: the trajectory's start or the state resumed from). */
    @Override
    public boolean due() {
        return asked++ > 0 && checkpoint.due() && System.nanoTime() - notBefore >= 0;
    }

    @Override
    public void accept(GaussianSnapshot snapshot) {
        long t0 = System.nanoTime();
        ObjectNode state = ensembleState.deepCopy();
        state.put("elapsed_seconds", elapsedBefore + (t0 - start) * 1e-9);
        state.set("trajectory", TrajectorySnapshots.json(index, snapshot));
        try {
            checkpoint.save(state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long t1 = System.nanoTime();
        notBefore = t1 + COST_FACTOR * (t1 - t0);
        if (++saves >= stopAfter) {
            throw new Stopped();
        }
    }
}
