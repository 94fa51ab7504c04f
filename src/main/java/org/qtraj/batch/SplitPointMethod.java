package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import org.qtraj.model.Chain;

/**
 * A point method whose work at one point can be cut into a fixed number of independent blocks (e.g. ranges of
 * trajectory indices), each a unit of work of its own: blocks run in parallel, on different shards of a run, and
 * are checkpointed separately; {@link #combine} joins their states into the point's result.
 *
 * <p>The block structure is fixed by the spec, not by the number of shards or threads, and {@link #combine} folds
 * the blocks in block order: so a run split into any number of shards and merged gives exactly the result of an
 * unsharded run of the same spec. Implementations are thread-safe, as every {@link PointMethod}: blocks of one
 * point may run at the same time on different threads.
 */
public interface SplitPointMethod extends PointMethod {

    /** Number of blocks per point, >= 1; with 1 the method runs whole through {@link #run}. */
    int blocks();

    /**
     * Runs block {@code block} (0-based) at one point.
     *
     * @param seed the unit's seed: the same for every block of the point
     * @return the block's state: a self-describing JSON document that {@link #combine} accepts
     */
    JsonNode runBlock(Chain chain, long seed, int block, Checkpoint checkpoint, int threads) throws IOException;

    /**
     * The point's result from the states of all its blocks, given in block order.
     *
     * @throws IllegalArgumentException if the states are not {@link #blocks()} blocks of one point of this method
     */
    PointResult combine(List<JsonNode> blockStates);
}
