package org.qtraj.batch;

import java.util.Comparator;

/**
 * The identity of one block of a unit whose method is split into blocks ({@link SplitPointMethod}): the unit's
 * key and the 0-based block index. Ordered by unit, then block: the order of blocks.jsonl and of the merge.
 * Immutable.
 *
 * @param unit  the unit the block belongs to
 * @param block 0-based block index
 */
public record BlockKey(TaskKey unit, int block) implements Comparable<BlockKey> {
    private static final Comparator<BlockKey> ORDER = Comparator.comparing(BlockKey::unit)
            .thenComparingInt(BlockKey::block);

    /** Orders by unit, then block. */
    @Override
    public int compareTo(BlockKey o) {
        return ORDER.compare(this, o);
    }

    /** File-name form, e.g. p12-s0-m1-b3. */
    public String fileStem() {
        return unit.fileStem() + "-b" + block;
    }
}
