package org.qtraj.batch;

import java.io.IOException;
import org.qtraj.model.Chain;

/**
 * A method a run spec can run at each point (exact solver, trajectories, classical simulation, exact noise),
 * bound to the parameters of its spec entry. Created by {@link MethodKind} from a {@link MethodEntry}.
 * Implementations must be thread-safe (points run in parallel) and deterministic given (chain, seed, the
 * state in the checkpoint).
 */
public interface PointMethod {

    /** The entry's label: the method column of results.csv. */
    String label();

    /**
     * Why this method cannot run on {@code chain}, in one sentence, or null if it can. Checked for every
     * point before any work starts, so a spec that cannot finish fails at once.
     */
    default String refusal(Chain chain) {
        return null;
    }

    /**
     * Runs the method on one chain.
     *
     * @param chain      the point's (and disorder sample's) chain
     * @param seed       the unit's own seed, derived from (master seed, point, sample, method index)
     * @param checkpoint where a long method saves and finds its mid-point state
     * @param threads    at most this many threads for the unit's own parallel work (exact solvers, trajectories);
     *                   the numbers do not depend on it
     * @return the observables and the full result document
     * @throws IOException if saving a checkpoint fails
     */
    PointResult run(Chain chain, long seed, Checkpoint checkpoint, int threads) throws IOException;
}
