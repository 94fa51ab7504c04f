package org.qtraj.batch;

import org.qtraj.ensemble.Seeds;
import org.qtraj.model.ModelSpec;

/**
 * One unit of work of a plan: a method at one point and disorder sample, or one block of it when the method is
 * split into blocks ({@link SplitPointMethod}). The chain is built when the task runs (from {@code model}, which
 * already holds the sample's disorder recipe), so a plan of many large chains does not hold them all in memory.
 * Immutable.
 *
 * @param key          point, sample, method: the result this task gives or contributes to
 * @param point        the sweep point
 * @param model        the point's model with the sample's disorder recipe
 * @param disorderSeed seed of the sample's disorder draw, or null without a disorder ensemble
 * @param seed         the unit's seed, {@link Seeds#derive}(master, point, sample, method), shared by its blocks
 * @param method       the method to run
 * @param block        0-based block index, 0 for a whole unit
 * @param blocks       number of blocks of the unit, 1 for a whole unit
 */
public record Task(TaskKey key, Point point, ModelSpec model, Long disorderSeed, long seed, PointMethod method,
                   int block, int blocks) {

    /**
     * Validates the block.
     *
     * @throws IllegalArgumentException unless 0 &lt;= block &lt; blocks, or if blocks &gt; 1 and the method is not a
     *                                  {@link SplitPointMethod}
     */
    public Task {
        if (blocks < 1 || block < 0 || block >= blocks) {
            throw new IllegalArgumentException("block " + block + " of " + blocks);
        }
        if (blocks > 1 && !(method instanceof SplitPointMethod)) {
            throw new IllegalArgumentException(method.label() + " cannot be split into blocks");
        }
    }

    /** A whole unit. */
    public Task(TaskKey key, Point point, ModelSpec model, Long disorderSeed, long seed, PointMethod method) {
        this(key, point, model, disorderSeed, seed, method, 0, 1);
    }

    /** True for one block of a unit split into blocks. */
    public boolean isBlock() {
        return blocks > 1;
    }

    /** This block's key (only meaningful for {@link #isBlock()} tasks). */
    public BlockKey blockKey() {
        return new BlockKey(key, block);
    }

    /** The name of the task's checkpoint file (without extension). */
    public String fileStem() {
        return isBlock() ? blockKey().fileStem() : key.fileStem();
    }

    /** Order of the tasks of a plan: by unit, then block. */
    static int compare(Task a, Task b) {
        int c = a.key.compareTo(b.key);
        return c != 0 ? c : Integer.compare(a.block, b.block);
    }
}
