package org.qtraj.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.io.Json;

/**
 * blocks.jsonl, the log of the finished blocks of units split into blocks ({@link SplitPointMethod}): one JSON
 * object per block, on one line, {@code {"point", "sample", "method", "block", "blocks", "seed", "state": {the
 * method's block state}, "elapsed_seconds"}}; and how the blocks of one unit become its results.jsonl record.
 *
 * <p>The record of a split unit is made only here, from the block lines in block order, whether the blocks were
 * run in one process or on many shards and merged: that is what makes a merged run equal an unsharded one.
 */
final class BlockRecords {
    private BlockRecords() {
    }

    /** The JSON line (without newline) recording one finished block. */
    static String line(Task task, JsonNode state, double elapsedSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", task.key().point());
        m.put("sample", task.key().sample());
        m.put("method", task.method().label());
        m.put("block", task.block());
        m.put("blocks", task.blocks());
        m.put("seed", task.seed());
        m.put("state", state);
        m.put("elapsed_seconds", elapsedSeconds);
        return Json.line(m);
    }

    /** The key of a parsed block line. */
    static BlockKey key(RunSpec spec, JsonNode record) {
        if (!record.path("block").isInt()) {
            throw new IllegalArgumentException("not a block record: no block index");
        }
        return new BlockKey(ResultRecords.key(spec, record), record.get("block").asInt());
    }

    /** The lines of every block of the task's unit, in block order, or null if one is missing from {@code lines}. */
    static List<String> allBlocks(Task task, Map<BlockKey, String> lines) {
        List<String> parts = new ArrayList<>(task.blocks());
        for (int b = 0; b < task.blocks(); b++) {
            String line = lines.get(new BlockKey(task.key(), b));
            if (line == null) {
                return null;
            }
            parts.add(line);
        }
        return parts;
    }

    /**
     * The results.jsonl line of a split unit from the lines of all its blocks, in block order; its elapsed_seconds
     * is the sum of the blocks'.
     *
     * @param task any task of the unit (they share key, point, model, seed and method)
     */
    static String unitLine(RunSpec spec, Task task, List<String> blockLines) {
        SplitPointMethod method = (SplitPointMethod) task.method();
        List<JsonNode> states = new ArrayList<>(blockLines.size());
        double elapsed = 0;
        for (String line : blockLines) {
            JsonNode r;
            try {
                r = ResultRecords.parse(line);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a block line that was read once no longer parses", e);
            }
            if (r.path("seed").asLong() != task.seed()) {
                throw new IllegalArgumentException("block " + r.path("block") + " of " + task.key().fileStem()
                        + " was run with seed " + r.path("seed") + ", the plan says " + task.seed());
            }
            states.add(r.get("state"));
            elapsed += r.path("elapsed_seconds").asDouble();
        }
        return ResultRecords.line(spec, task, method.combine(states), elapsed);
    }
}
