package org.qtraj.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.qtraj.io.AtomicFiles;
import org.qtraj.io.Json;

/**
 * The mid-point checkpoint of one unit of work (point, sample, method): an opaque JSON state that a long
 * method (trajectories: merged accumulators and the next trajectory index) saves every few seconds and
 * finds again when the run is resumed after an interruption. Each save replaces the file atomically
 * ({@link AtomicFiles}: temp file + fsync + rename), so a crash leaves the previous state or the new one,
 * never a part. The executor deletes the file once the unit's result is durably in results.jsonl.
 *
 * <p>A method that resumes from a state must produce exactly the result it would have produced without the
 * interruption (e.g. trajectories with streams derived from (seed, index), merged in index order); that is
 * what makes interrupted runs bit-identical to uninterrupted ones. Not thread-safe: one unit, one thread.
 *
 * <p>It is also where a long method reports the trajectories it has run ({@link #trajectoriesDone}), for the run's
 * progress display; reports have no influence on any result.
 */
public final class Checkpoint {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Default time between saves. */
    public static final long DEFAULT_INTERVAL_NANOS = 5_000_000_000L;

    private final Path file;
    private final long intervalNanos;
    private final LongConsumer progress;
    private final Consumer<String> warnings;
    private JsonNode loaded;
    private long lastSave;

    private Checkpoint(Path file, long intervalNanos, JsonNode loaded, LongConsumer progress,
                       Consumer<String> warnings) {
        this.file = file;
        this.intervalNanos = intervalNanos;
        this.loaded = loaded;
        this.progress = progress;
        this.warnings = warnings;
        this.lastSave = System.nanoTime();
    }

    /**
     * How long a slice of work may run between two chances to save, in seconds: the interval between saves, or
     * {@link #DEFAULT_INTERVAL_NANOS} for a checkpoint that saves at every chance (interval 0, as tests use); huge
     * for {@link #none()}.
     */
    public double sliceSeconds() {
        return (intervalNanos > 0 ? intervalNanos : DEFAULT_INTERVAL_NANOS) * 1e-9;
    }

    /** A checkpoint that stores nothing (in-memory runs, methods called outside a batch). */
    public static Checkpoint none() {
        return new Checkpoint(null, Long.MAX_VALUE, null, n -> { }, w -> { });
    }

    /**
     * The checkpoint kept in {@code file}, with the state found there if any. A file that is not a checkpoint
     * (truncated, not JSON, no "state") is discarded silently: see {@link #open(Path, long, LongConsumer, Consumer)}.
     *
     * @throws IOException if the file cannot be read or deleted
     */
    public static Checkpoint open(Path file, long intervalNanos) throws IOException {
        return open(file, intervalNanos, n -> { }, w -> { });
    }

    /**
     * The checkpoint kept in {@code file}, with the state found there if any. A checkpoint is only a cache of
     * progress: a file that is not one (truncated, not JSON, not an object with a "state") is deleted and reported
     * to {@code warnings} in one line, and the unit starts from its beginning, which gives the same result.
     *
     * @param progress receives the number of trajectories run since the previous report
     * @param warnings receives one line when a damaged checkpoint is discarded
     * @throws IOException if the file cannot be read or deleted
     */
    public static Checkpoint open(Path file, long intervalNanos, LongConsumer progress, Consumer<String> warnings)
            throws IOException {
        Checkpoint cp = new Checkpoint(file, intervalNanos, null, progress, warnings);
        if (Files.exists(file)) {
            JsonNode doc = null;
            String damage = null;
            try {
                doc = MAPPER.readTree(file.toFile());
            } catch (JsonProcessingException e) {
                damage = "not JSON";
            }
            if (damage == null && (doc == null || !doc.isObject() || !doc.has("state"))) {
                damage = "no state";
            }
            if (damage != null) {
                cp.discard(damage);
            } else {
                cp.loaded = doc.get("state");
            }
        }
        return cp;
    }

    /** The state saved by an earlier, interrupted attempt at this unit, if any. */
    public Optional<JsonNode> state() {
        return Optional.ofNullable(loaded);
    }

    /**
     * Gives up the saved state because it is damaged (for a method that finds it is not a state it wrote):
     * deletes the file, reports it to the warnings, and from now on {@link #state} is empty, so the method starts
     * the unit from its beginning.
     *
     * @param what what is wrong with the state, e.g. "no next_index"
     * @throws IOException if the file cannot be deleted
     */
    public void discard(String what) throws IOException {
        loaded = null;
        if (file == null) {
            return;
        }
        Files.deleteIfExists(file);
        String unit = file.getFileName().toString().replaceFirst("\\.json$", "");
        warnings.accept("checkpoint " + file + " is damaged (" + what + "); discarded it: " + unit
                + " starts again from its beginning, with the same result");
    }

    /**
     * Reports that a part of the saved state is not used (one line to the warnings; the file stays until the next
     * save replaces it): for a part whose loss costs only work, e.g. the snapshot of a trajectory in progress, which
     * then starts again from its beginning with the same result.
     *
     * @param what what is not used and why
     */
    void ignorePart(String what) {
        if (file != null) {
            warnings.accept("checkpoint " + file + ": " + what);
        }
    }

    /** True when the interval since the last save (or the start) has passed: time to call {@link #save}. */
    public boolean due() {
        return file != null && System.nanoTime() - lastSave >= intervalNanos;
    }

    /** Replaces the saved state atomically. No-op for {@link #none()}. */
    public void save(JsonNode state) throws IOException {
        if (file == null) {
            return;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("state", state);
        AtomicFiles.write(file, Json.line(doc) + "\n");
        lastSave = System.nanoTime();
    }

    /** Reports {@code count} more trajectories run (progress display only). */
    public void trajectoriesDone(long count) {
        progress.accept(count);
    }

    /** Removes the file (the unit is finished and recorded). */
    void delete() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }
}
