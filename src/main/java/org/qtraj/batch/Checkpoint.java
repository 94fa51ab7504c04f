package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
    private final JsonNode loaded;
    private final LongConsumer progress;
    private long lastSave;

    private Checkpoint(Path file, long intervalNanos, JsonNode loaded, LongConsumer progress) {
        this.file = file;
        this.intervalNanos = intervalNanos;
        this.loaded = loaded;
        this.progress = progress;
        this.lastSave = System.nanoTime();
    }

    /** A checkpoint that stores nothing (in-memory runs, methods called outside a batch). */
    public static Checkpoint none() {
        return new Checkpoint(null, Long.MAX_VALUE, null, n -> { });
    }

    /**
     * The checkpoint kept in {@code file}, with the state found there if any.
     *
     * @throws IOException if the file exists but cannot be read or is not a checkpoint
     */
    public static Checkpoint open(Path file, long intervalNanos) throws IOException {
        return open(file, intervalNanos, n -> { });
    }

    /**
     * {@link #open(Path, long)} with a sink for progress reports: {@code progress} receives the number of
     * trajectories run since the previous report.
     */
    public static Checkpoint open(Path file, long intervalNanos, LongConsumer progress) throws IOException {
        JsonNode state = null;
        if (Files.exists(file)) {
            JsonNode doc;
            try {
                doc = MAPPER.readTree(file.toFile());
            } catch (IOException e) {
                throw new IOException("checkpoint " + file + " is not readable JSON (" + e.getMessage()
                        + "); delete it to restart this point from its beginning", e);
            }
            if (doc == null || !doc.has("state")) {
                throw new IOException("checkpoint " + file + " has no state; delete it to restart this point");
            }
            state = doc.get("state");
        }
        return new Checkpoint(file, intervalNanos, state, progress);
    }

    /** The state saved by an earlier, interrupted attempt at this unit, if any. */
    public Optional<JsonNode> state() {
        return Optional.ofNullable(loaded);
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
