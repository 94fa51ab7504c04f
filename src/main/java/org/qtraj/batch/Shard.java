package org.qtraj.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.errors.InvalidInputException;

/**
 * One of {@code count} deterministic parts of a run: shard {@code index} (1-based) holds the whole units of the
 * points whose 0-based index p has p mod count == index - 1, and block b of a unit split into blocks at point p
 * when (p + b) mod count == index - 1. Every unit and every block is in exactly one shard, the shards stay
 * balanced along a sweep whose cost grows with the point index (as N does in a log range), and the blocks of one
 * large point are dealt round-robin over all shards. Immutable; validated on construction.
 *
 * @param index 1..count
 * @param count number of shards, >= 1
 */
public record Shard(int index, int count) {
    /** The whole run. */
    public static final Shard ALL = new Shard(1, 1);

    /**
     * Validates the shard.
     *
     * @throws InvalidInputException naming shard unless 1 &lt;= index &lt;= count
     */
    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new InvalidInputException("shard", "must be i/n with 1 <= i <= n, got " + index + "/" + count);
        }
    }

    /** Parses "i/n". */
    public static Shard parse(String text) {
        String[] parts = text.trim().split("/");
        if (parts.length != 2) {
            throw new InvalidInputException("shard", "must be i/n (e.g. 2/8), got '" + text + "'");
        }
        try {
            return new Shard(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("shard", "must be i/n with integers (e.g. 2/8), got '" + text + "'");
        }
    }

    /** True if the whole units of point {@code point} (0-based) belong to this shard. */
    public boolean contains(int point) {
        return contains(point, 0);
    }

    /** True if block {@code block} of a split unit at point {@code point} (both 0-based) belongs to this shard. */
    public boolean contains(int point, int block) {
        return (int) (((long) point + block) % count) == index - 1;
    }

    /** True for the whole run (1/1). */
    public boolean isAll() {
        return count == 1;
    }

    /** "i/n", the form {@link #parse} reads. */
    @Override
    public String toString() {
        return index + "/" + count;
    }

    /** {"index": i, "count": n} for manifests. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("count", count);
        return m;
    }
}
