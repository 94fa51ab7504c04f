package org.qtraj.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.io.DurableLog;

/**
 * One durable log of a run directory, results.jsonl or blocks.jsonl, read without changing the file and checked
 * line by line against the plan: every complete line must be JSON, a record of the plan's spec, of a unit (or
 * block) in the plan, and carry the plan's seed for it.
 *
 * <p>What a crash can leave at the end is the log's <em>torn end</em>: a partial last line (no newline), or a last
 * line that is complete but unreadable (e.g. zeros after a power cut). A run drops it ({@link #dropTornEnd}) and
 * runs that unit again, which loses nothing (the unit's seed is fixed). Any other bad line is <em>damage</em>: no
 * crash leaves it, and nothing may guess what was there, so a run and a merge refuse it ({@link #requireUndamaged})
 * and the status reports it ({@link #damage}), each in one line naming the file, the lines and what to do.
 *
 * <p>Immutable; {@link #dropTornEnd} is the only method that writes.
 *
 * @param <K> the key of a line: {@link TaskKey} for results.jsonl, {@link BlockKey} for blocks.jsonl
 */
final class RunLog<K> {
    /** Where a damaged log is met, for the advice in the message. */
    enum Use {
        /** Continuing a run in the directory ({@code qtraj run}), or looking at it ({@code qtraj status}). */
        RUN,
        /** Merging the directory with other shards: a torn end is damage too (a complete shard has none). */
        MERGE
    }

    /**
     * One bad line.
     *
     * @param line 1-based line number
     * @param what what is wrong with it
     */
    record Bad(int line, String what) {
    }

    private final Path file;
    private final String unitWord;
    private final Map<K, String> records;
    private final Map<K, Integer> lineNumbers;
    private final List<Bad> damaged;
    private final Bad unreadableLast;
    private final boolean partialTail;
    private final int lines;
    private final long keepBytes;

    private RunLog(Path file, String unitWord, Map<K, String> records, Map<K, Integer> lineNumbers, List<Bad> damaged,
                   Bad unreadableLast, boolean partialTail, int lines, long keepBytes) {
        this.file = file;
        this.unitWord = unitWord;
        this.records = Collections.unmodifiableMap(records);
        this.lineNumbers = Collections.unmodifiableMap(lineNumbers);
        this.damaged = List.copyOf(damaged);
        this.unreadableLast = unreadableLast;
        this.partialTail = partialTail;
        this.lines = lines;
        this.keepBytes = keepBytes;
    }

    /** results.jsonl of {@code dir}, checked against {@code plan} (empty if there is no such file). */
    static RunLog<TaskKey> results(Path dir, RunPlan plan) throws IOException {
        Map<TaskKey, Long> seeds = new HashMap<>();
        plan.tasks().forEach(t -> seeds.put(t.key(), t.seed()));
        return read(dir.resolve(RunDirectory.JSONL), "unit", r -> ResultRecords.key(plan.spec(), r), seeds,
                TaskKey::fileStem, plan.shard());
    }

    /** blocks.jsonl of {@code dir}, checked against {@code plan} (empty if there is no such file). */
    static RunLog<BlockKey> blocks(Path dir, RunPlan plan) throws IOException {
        Map<BlockKey, Long> seeds = new HashMap<>();
        plan.tasks().stream().filter(Task::isBlock).forEach(t -> seeds.put(t.blockKey(), t.seed()));
        return read(dir.resolve(RunDirectory.BLOCKS), "block", r -> {
            if (!r.path("state").isObject()) {
                throw new IllegalArgumentException("no block state");
            }
            return BlockRecords.key(plan.spec(), r);
        }, seeds, BlockKey::fileStem, plan.shard());
    }

    private static <K> RunLog<K> read(Path file, String unitWord, Function<JsonNode, K> keyOf, Map<K, Long> seeds,
                                      Function<K, String> name, Shard shard) throws IOException {
        Map<K, String> records = new LinkedHashMap<>();
        Map<K, Integer> lineNumbers = new HashMap<>();
        List<Bad> damaged = new ArrayList<>();
        if (!Files.exists(file)) {
            return new RunLog<>(file, unitWord, records, lineNumbers, damaged, null, false, 0, 0);
        }
        long size = Files.size(file);
        List<String> raw = DurableLog.readComplete(file);
        Bad unreadableLast = null;
        long offset = 0;
        long keep = 0;
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            offset += line.getBytes(StandardCharsets.UTF_8).length + 1;
            JsonNode r = null;
            String what = null;
            try {
                r = ResultRecords.parse(line);
            } catch (JsonProcessingException e) {
                what = "not JSON";
            }
            K key = null;
            if (what == null) {
                try {
                    if (r == null || !r.isObject()) {
                        throw new IllegalArgumentException("not an object");
                    }
                    key = keyOf.apply(r);
                } catch (IllegalArgumentException e) {
                    what = "not a " + unitWord + " record of this spec";
                }
            }
            if (what != null) {
                if (i == raw.size() - 1) {
                    unreadableLast = new Bad(i + 1, what);
                } else {
                    damaged.add(new Bad(i + 1, what));
                }
                continue;
            }
            Long seed = seeds.get(key);
            if (seed == null) {
                damaged.add(new Bad(i + 1, "the " + unitWord + " " + name.apply(key) + ", which is not part of "
                        + (shard.isAll() ? "this run" : "shard " + shard)));
            } else if (!r.path("seed").isIntegralNumber() || r.get("seed").asLong() != seed) {
                damaged.add(new Bad(i + 1, unitWord + " " + name.apply(key) + " with seed " + r.path("seed")
                        + ", where the plan has " + seed));
            } else {
                if (records.putIfAbsent(key, line) == null) {
                    lineNumbers.put(key, i + 1);
                }
                keep = offset;
            }
        }
        // Without damage, every line up to the torn end was kept, so keep is where the torn end starts.
        return new RunLog<>(file, unitWord, records, lineNumbers, damaged, unreadableLast, offset < size, raw.size(),
                keep);
    }

    /** The intact records by key, in file order; a key logged twice keeps its first line. */
    Map<K, String> records() {
        return records;
    }

    /**
     * The damage as one sentence naming the file, its damaged lines, what is wrong with the first and what the
     * user can do, or null if there is none. With {@link Use#MERGE} a torn end counts as damage.
     */
    String damage(Use use) {
        List<Bad> bad = new ArrayList<>(damaged);
        if (use == Use.MERGE && unreadableLast != null) {
            bad.add(unreadableLast);
        }
        if (bad.isEmpty()) {
            if (use == Use.MERGE && partialTail) {
                return file + " ends in a partial line (a write cut short): run that shard again to repair it, "
                        + "then merge";
            }
            return null;
        }
        int intact = lines - bad.size() - (use == Use.RUN && unreadableLast != null ? 1 : 0);
        StringBuilder sb = new StringBuilder().append(file);
        if (bad.size() == 1) {
            sb.append(" line ").append(bad.get(0).line()).append(" is damaged (").append(bad.get(0).what()).append(')');
        } else {
            sb.append(" lines ").append(numbers(bad)).append(" are damaged (line ").append(bad.get(0).line())
                    .append(": ").append(bad.get(0).what()).append(')');
        }
        sb.append("; the other ").append(intact).append(intact == 1 ? " line is" : " lines are").append(" intact: ");
        String those = bad.size() == 1 ? "that line" : "those lines";
        String their = bad.size() == 1 ? "its " + unitWord : "their " + unitWord + "s";
        if (use == Use.MERGE) {
            sb.append("delete ").append(those).append(" and run that shard again to recompute ").append(their)
                    .append(", then merge");
        } else {
            sb.append("delete ").append(those).append(" to recompute ").append(their)
                    .append(", or move the directory aside and run again");
        }
        return sb.toString();
    }

    private static String numbers(List<Bad> bad) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(bad.size(), 5);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                sb.append(i == bad.size() - 1 ? " and " : ", ");
            }
            sb.append(bad.get(i).line());
        }
        if (bad.size() > shown) {
            sb.append(" and ").append(bad.size() - shown).append(" more");
        }
        return sb.toString();
    }

    /**
     * A split unit of {@code plan} whose blocks are all in {@code blocks} (blocks.jsonl) and not yet combined into a
     * record in {@code results}, but whose block states do not combine, one of them being damaged inside though it
     * reads as a block record: one sentence naming the lines of the unit's blocks and what to do, or null if every
     * such unit combines.
     */
    static String combineDamage(RunPlan plan, RunLog<TaskKey> results, RunLog<BlockKey> blocks) {
        for (Task t : plan.tasks()) {
            if (!t.isBlock() || t.block() != 0 || results.records().containsKey(t.key())) {
                continue;
            }
            List<String> parts = BlockRecords.allBlocks(t, blocks.records());
            if (parts == null) {
                continue;
            }
            try {
                BlockRecords.unitLine(plan.spec(), t, parts);
            } catch (RuntimeException e) {
                List<Bad> lines = new ArrayList<>();
                for (int b = 0; b < t.blocks(); b++) {
                    lines.add(new Bad(blocks.lineNumbers.get(new BlockKey(t.key(), b)), null));
                }
                String why = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                        : "a state is not of this method's shape";
                return blocks.file + " lines " + numbers(lines) + " (the blocks of " + t.key().fileStem()
                        + ") do not combine (" + why + "): delete those lines to recompute the blocks, or move the "
                        + "directory aside and run again";
            }
        }
        return null;
    }

    /**
     * Refuses {@link #combineDamage} as bad input of {@code field}.
     *
     * @throws InvalidInputException if the blocks of a unit do not combine
     */
    static void requireCombinable(String field, RunPlan plan, RunLog<TaskKey> results, RunLog<BlockKey> blocks) {
        String message = combineDamage(plan, results, blocks);
        if (message != null) {
            throw new InvalidInputException(field, message);
        }
    }

    /**
     * Refuses the damage ({@link #damage}) as bad input of {@code field}.
     *
     * @throws InvalidInputException if the log is damaged
     */
    void requireUndamaged(String field, Use use) {
        String message = damage(use);
        if (message != null) {
            throw new InvalidInputException(field, message);
        }
    }

    /**
     * Cuts the torn end off the file (durably), saying so to {@code warnings}; no-op without one. Only for a log
     * without damage, in a directory whose lock this process holds.
     */
    void dropTornEnd(Consumer<String> warnings) throws IOException {
        if (unreadableLast == null && !partialTail) {
            return;
        }
        if (!damaged.isEmpty()) {
            throw new IllegalStateException("a damaged log is refused, never cut: " + file);
        }
        DurableLog.truncate(file, keepBytes);
        String what = unreadableLast != null
                ? "ended in an unreadable line " + unreadableLast.line() + " (" + unreadableLast.what() + ")"
                : "ended in a partial line";
        warnings.accept(file + " " + what + ", as a crash during a write leaves it; dropped it: that "
                + unitWord + " runs again");
    }
}
