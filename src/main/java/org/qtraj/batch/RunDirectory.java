package org.qtraj.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.io.AtomicFiles;
import org.qtraj.io.DurableLog;
import org.qtraj.io.Json;

/**
 * The output directory of a run: manifest.json, results.jsonl, results.csv, blocks.jsonl (when a method is split
 * into blocks) and checkpoints/.
 *
 * <p>results.jsonl is the durable log and the source of truth: each finished unit is appended as one line
 * and forced to disk ({@link DurableLog}) before the unit counts as done; results.csv gets the same unit's
 * rows right after. On opening an existing directory a partial last line is dropped, results.csv is rebuilt
 * from results.jsonl (so a crash between the two appends costs nothing), stale temporary files and the
 * checkpoints of finished units are removed. blocks.jsonl is the same kind of durable log for the blocks of split
 * units ({@link BlockRecords}); as soon as every block of a unit is in it, the unit's record is made from them and
 * appended to results.jsonl (also on opening, for a unit whose last block was logged just before a crash).
 * When every unit is done, the files are rewritten in key order (atomically), so the final files do not depend
 * on thread count, interruptions or sharding.
 * The manifest is always replaced atomically. Thread-safe: one instance is shared by the worker threads of a run.
 */
final class RunDirectory implements Closeable {
    static final String MANIFEST = "manifest.json";
    static final String JSONL = "results.jsonl";
    static final String CSV = "results.csv";
    static final String BLOCKS = "blocks.jsonl";
    static final String CHECKPOINTS = "checkpoints";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final RunPlan plan;
    private final Map<String, Object> manifest;
    private final Map<TaskKey, String> lines;
    private final Map<BlockKey, String> blockLines;
    /** Split units whose record one thread is making now, so that no other thread makes it too. */
    private final Set<TaskKey> combining = new HashSet<>();
    private DurableLog jsonl;
    private DurableLog csv;
    private DurableLog blocks;
    private java.nio.channels.FileChannel lockChannel;
    private final Object syncLock = new Object();
    /** Lines written to results.jsonl by this process, and how many of them an fsync has covered. */
    private long written;
    private long synced;

    private RunDirectory(Path dir, RunPlan plan, Map<String, Object> manifest, Map<TaskKey, String> lines,
                         Map<BlockKey, String> blockLines) {
        this.dir = dir;
        this.plan = plan;
        this.manifest = manifest;
        this.lines = lines;
        this.blockLines = blockLines;
    }

    /**
     * Opens (creating or continuing) the directory for {@code plan}.
     *
     * @param resume true if the caller asked to resume: then there must be a run to continue
     * @throws InvalidInputException if the directory belongs to another spec or shard, or holds results without a
     *                        manifest, or (with resume) holds no run
     */
    static RunDirectory open(Path dir, RunPlan plan, boolean resume, Provenance provenance) throws IOException {
        Path manifestFile = dir.resolve(MANIFEST);
        Map<String, Object> manifest;
        if (!Files.exists(manifestFile)) {
            if (resume) {
                throw new InvalidInputException("resume", "nothing to resume: " + dir + " has no " + MANIFEST);
            }
            if (Files.exists(dir.resolve(JSONL)) || Files.exists(dir.resolve(CSV))) {
                throw new InvalidInputException("directory", dir + " holds results but no " + MANIFEST
                        + "; refusing to mix them with a new run: use an empty directory");
            }
            Files.createDirectories(dir);
            manifest = new LinkedHashMap<>();
            manifest.put("started", Instant.now().toString());
        } else {
            JsonNode old = readManifest(dir);
            String oldHash = old.path("spec_sha256").asText("");
            if (!oldHash.equals(plan.spec().sha256())) {
                throw new InvalidInputException("directory", dir + " holds a run of a different spec (spec_sha256 " + shortHash(oldHash)
                        + ", this spec " + shortHash(plan.spec().sha256()) + "); use another directory");
            }
            String oldShard = old.path("shard").path("index").asText() + "/" + old.path("shard").path("count").asText();
            if (!oldShard.equals(plan.shard().toString())) {
                throw new InvalidInputException("shard", dir + " holds shard " + oldShard + ", not " + plan.shard());
            }
            manifest = new LinkedHashMap<>();
            manifest.put("started", old.path("started").asText(Instant.now().toString()));
            // "running" in a directory whose lock we could take: the process that wrote it died without a word
            // (SIGKILL, power cut, pre-emption). Count it, so the manifest tells how often the run was cut.
            int interruptions = old.path("interruptions").asInt(0);
            if ("running".equals(old.path("status").asText())) {
                interruptions++;
            }
            if (interruptions > 0) {
                manifest.put("interruptions", interruptions);
            }
        }
        java.nio.channels.FileChannel lock = lock(dir);
        RunDirectory rd;
        try {
            removeStaleTemporaries(dir);
            removeStaleTemporaries(dir.resolve(CHECKPOINTS));
            rd = new RunDirectory(dir, plan, manifest, loadRecords(dir.resolve(JSONL), plan),
                    loadBlocks(dir.resolve(BLOCKS), plan));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        rd.lockChannel = lock;
        Map<TaskKey, String> lines = rd.lines;
        rd.initManifest(provenance);
        rd.rebuildCsv();
        Files.createDirectories(dir.resolve(CHECKPOINTS));
        for (Task t : plan.tasks()) {
            if (rd.isDone(t)) {
                Files.deleteIfExists(rd.checkpointFile(t));
            }
        }
        rd.writeManifest("running");
        rd.jsonl = DurableLog.open(dir.resolve(JSONL));
        rd.csv = DurableLog.open(dir.resolve(CSV));
        if (plan.tasks().stream().anyMatch(Task::isBlock)) {
            rd.blocks = DurableLog.open(dir.resolve(BLOCKS));
        }
        for (Task t : plan.tasks()) {
            if (t.isBlock() && t.block() == 0) {
                rd.recordUnitIfComplete(t);
            }
        }
        return rd;
    }

    /**
     * The status of a run directory as its manifest gives it, except that "running" becomes "interrupted" when no
     * process holds the directory's lock: the process that was running it died without updating the manifest.
     */
    static String status(Path dir, JsonNode manifest) throws IOException {
        String status = manifest.path("status").asText("");
        if (!"running".equals(status) || !Files.exists(dir.resolve(".lock"))) {
            return status;
        }
        try (java.nio.channels.FileChannel ch = tryLock(dir)) {
            return ch == null ? status : "interrupted";
        }
    }

    /** The parsed manifest.json of a run directory. */
    static JsonNode readManifest(Path dir) throws IOException {
        Path file = dir.resolve(MANIFEST);
        if (!Files.exists(file)) {
            throw new InvalidInputException("DIR", dir + " has no " + MANIFEST + "; not a qtraj run directory");
        }
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The records of results.jsonl by key, after dropping a partial or unreadable last line; duplicates
     * (impossible with one writer, but cheap to tolerate) keep the first.
     */
    static Map<TaskKey, String> loadRecords(Path file, RunPlan plan) throws IOException {
        Set<TaskKey> planned = new HashSet<>();
        plan.tasks().forEach(t -> planned.add(t.key()));
        return loadLines(file, r -> ResultRecords.key(plan.spec(), r), planned);
    }

    /** The block lines of blocks.jsonl by key, repaired like {@link #loadRecords}. */
    static Map<BlockKey, String> loadBlocks(Path file, RunPlan plan) throws IOException {
        Set<BlockKey> planned = new HashSet<>();
        plan.tasks().stream().filter(Task::isBlock).forEach(t -> planned.add(t.blockKey()));
        return loadLines(file, r -> BlockRecords.key(plan.spec(), r), planned);
    }

    private static <K> Map<K, String> loadLines(Path file, java.util.function.Function<JsonNode, K> keyOf,
                                                Set<K> planned) throws IOException {
        List<String> raw = DurableLog.readRepaired(file);
        Map<K, String> out = new LinkedHashMap<>();
        long keptBytes = 0;
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            K key;
            try {
                key = keyOf.apply(ResultRecords.parse(line));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                if (i == raw.size() - 1) {
                    // A last line that is complete but unreadable (e.g. zeros after a power cut): drop it too.
                    DurableLog.truncate(file, keptBytes);
                    break;
                }
                throw new IOException(file + " line " + (i + 1) + " is damaged (" + e.getMessage()
                        + "); the run directory cannot be continued safely");
            }
            if (!planned.contains(key)) {
                throw new IOException(file + " line " + (i + 1) + " holds " + key + ", which is not part of this run");
            }
            out.putIfAbsent(key, line);
            keptBytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return out;
    }

    /**
     * Takes the directory's lock file (.lock), so that two processes never write one directory (e.g. a
     * requeued Slurm task while the old one still runs). The OS releases it when the process dies.
     */
    private static java.nio.channels.FileChannel lock(Path dir) throws IOException {
        java.nio.channels.FileChannel ch = tryLock(dir);
        if (ch == null) {
            throw new InvalidInputException("directory", dir + " is in use by another qtraj run");
        }
        return ch;
    }

    /**
     * The lock file's channel, holding its lock (released when the channel closes), or null when a process (this
     * one included) holds it. Creates the lock file if needed.
     */
    private static java.nio.channels.FileChannel tryLock(Path dir) throws IOException {
        java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(dir.resolve(".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
        java.nio.channels.FileLock l;
        try {
            l = ch.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            return null;
        }
        return ch;
    }

    private static void removeStaleTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : ds) {
                // AtomicFiles' temporaries of an interrupted write: never visible under the real name.
                Files.deleteIfExists(p);
            }
        }
    }

    /** True if the task's result is recorded: its unit's record, or for a block its block line. */
    synchronized boolean isDone(Task task) {
        return lines.containsKey(task.key()) || task.isBlock() && blockLines.containsKey(task.blockKey());
    }

    /** Number of the plan's tasks already done. */
    synchronized int doneCount() {
        return (int) plan.tasks().stream().filter(this::isDone).count();
    }

    /** The checkpoint of a task, reporting trajectories run to {@code progress}. */
    Checkpoint checkpoint(Task task, long intervalNanos, java.util.function.LongConsumer progress) throws IOException {
        return Checkpoint.open(checkpointFile(task), intervalNanos, progress);
    }

    private Path checkpointFile(Task task) {
        return checkpointFile(task.fileStem());
    }

    private Path checkpointFile(String stem) {
        return dir.resolve(CHECKPOINTS).resolve(stem + ".json");
    }

    /**
     * Records a finished block durably in blocks.jsonl (write, fsync), drops its checkpoint, and if that was the
     * unit's last missing block, records the unit ({@link #append}). Blocks take seconds to hours, so each gets its
     * own fsync.
     */
    void appendBlock(Task task, String line) throws IOException {
        synchronized (this) {
            blocks.append(line + "\n");
            blockLines.put(task.blockKey(), line);
        }
        Files.deleteIfExists(checkpointFile(task));
        recordUnitIfComplete(task);
    }

    /** If every block of the task's unit is logged and the unit is not recorded yet, records it. */
    private void recordUnitIfComplete(Task task) throws IOException {
        List<String> parts;
        synchronized (this) {
            if (lines.containsKey(task.key()) || combining.contains(task.key())) {
                return;
            }
            parts = BlockRecords.allBlocks(task, blockLines);
            if (parts == null) {
                return;
            }
            combining.add(task.key());
        }
        append(task.key(), BlockRecords.unitLine(plan.spec(), task, parts));
    }

    /**
     * Records a finished unit durably in results.jsonl (write, then fsync), adds its rows to results.csv, then
     * drops its checkpoint; the unit counts as done only once its line is on disk. Concurrent units share an
     * fsync (group commit): a thread whose line an earlier fsync already covered does not force again.
     * results.csv is not forced line by line: it is rebuilt from results.jsonl whenever the directory is
     * opened and rewritten atomically at the end (an fsync costs milliseconds, more than an exact point).
     */
    void append(TaskKey key, String line) throws IOException {
        long seq;
        synchronized (this) {
            jsonl.write(line + "\n");
            seq = ++written;
        }
        synchronized (syncLock) {
            if (synced < seq) {
                long upTo;
                synchronized (this) {
                    upTo = written;
                }
                jsonl.force();
                synced = upTo;
            }
        }
        synchronized (this) {
            lines.put(key, line);
            combining.remove(key);
            csv.write(ResultRecords.csvRows(plan.spec(), ResultRecords.parse(line)));
        }
        Files.deleteIfExists(checkpointFile(key.fileStem()));
    }

    /** Rewrites the results in key order and marks the manifest complete. */
    synchronized void complete() throws IOException {
        closeLogs();
        writeResults(dir, plan.spec(), new TreeMap<>(lines), new TreeMap<>(blockLines));
        deleteIfEmpty(dir.resolve(CHECKPOINTS));
        manifest.put("ended", Instant.now().toString());
        writeManifest("complete");
    }

    /** Marks the manifest failed (the finished units stay recorded). */
    synchronized void fail(String reason) throws IOException {
        closeLogs();
        manifest.put("ended", Instant.now().toString());
        manifest.put("error", reason);
        writeManifest("failed");
    }

    /** Closes the result logs and releases the directory's lock; the manifest is left as it is. Idempotent. */
    @Override
    public synchronized void close() throws IOException {
        closeLogs();
        if (lockChannel != null) {
            lockChannel.close();
            lockChannel = null;
        }
    }

    private void closeLogs() throws IOException {
        if (jsonl != null) {
            jsonl.close();
            jsonl = null;
        }
        if (csv != null) {
            csv.close();
            csv = null;
        }
        if (blocks != null) {
            blocks.close();
            blocks = null;
        }
    }

    /**
     * Writes results.jsonl and results.csv, and blocks.jsonl if there are blocks (atomically), from records in the
     * maps' order.
     */
    static void writeResults(Path dir, RunSpec spec, Map<TaskKey, String> ordered, Map<BlockKey, String> orderedBlocks)
            throws IOException {
        List<JsonNode> records = new ArrayList<>(ordered.size());
        for (String line : ordered.values()) {
            records.add(ResultRecords.parse(line));
        }
        AtomicFiles.write(dir.resolve(JSONL), joinLines(ordered.values()));
        AtomicFiles.write(dir.resolve(CSV), ResultRecords.csv(spec, records));
        if (!orderedBlocks.isEmpty()) {
            AtomicFiles.write(dir.resolve(BLOCKS), joinLines(orderedBlocks.values()));
        }
    }

    private static String joinLines(java.util.Collection<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    private void rebuildCsv() throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : lines.values()) {
            records.add(ResultRecords.parse(line));
        }
        AtomicFiles.write(dir.resolve(CSV), ResultRecords.csv(plan.spec(), records));
    }

    private void initManifest(Provenance provenance) {
        Map<String, Object> m = manifestHead(provenance, plan.spec(), plan.shard());
        m.put("points", plan.totalPoints());
        m.put("points_in_shard", plan.tasks().stream().map(t -> t.key().point()).distinct().count());
        m.put("tasks", plan.tasks().size());
        m.put("started", manifest.get("started"));
        m.put("last_started", Instant.now().toString());
        m.put("pid", ProcessHandle.current().pid());
        if (manifest.containsKey("interruptions")) {
            m.put("interruptions", manifest.get("interruptions"));
        }
        manifest.clear();
        manifest.putAll(m);
    }

    /** The provenance fields every manifest starts with. */
    static Map<String, Object> manifestHead(Provenance provenance, RunSpec spec, Shard shard) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("qtraj_version", provenance.version());
        m.put("git_commit", provenance.gitCommit());
        m.put("java_version", provenance.java());
        m.put("name", spec.name());
        m.put("spec_sha256", spec.sha256());
        m.put("seed", spec.seed());
        m.put("shard", shard.toMap());
        return m;
    }

    private void writeManifest(String status) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>(manifest);
        m.put("tasks_done", doneCount());
        m.put("status", status);
        m.put("spec", plan.spec().tree());
        AtomicFiles.write(dir.resolve(MANIFEST), Json.pretty(m));
    }

    private static void deleteIfEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                if (!ds.iterator().hasNext()) {
                    Files.delete(dir);
                }
            }
        }
    }

    static String shortHash(String h) {
        return h.length() > 12 ? h.substring(0, 12) + "..." : h;
    }
}
