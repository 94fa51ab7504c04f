package org.qtraj.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
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
import java.util.function.Consumer;
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
 * rows right after. On opening an existing directory the torn end a crash can leave (a partial or unreadable last
 * line, {@link RunLog}) is dropped, results.csv is rebuilt from results.jsonl (so a crash between the two appends
 * costs nothing), stale temporary files and the checkpoints of finished units are removed; a damaged line anywhere
 * else, a manifest of a newer format, a read-only directory or one in use is refused before anything is changed.
 * A damaged checkpoint is discarded with a warning ({@link Checkpoint}): its unit starts again from the
 * beginning and gives the same result. blocks.jsonl is the same kind of durable log for the blocks of split
 * units ({@link BlockRecords}); as soon as every block of a unit is in it, the unit's record is made from them and
 * appended to results.jsonl (also on opening, for a unit whose last block was logged just before a crash).
 * When every unit is done, the files are rewritten in key order (atomically), so the final files do not depend
 * on thread count, interruptions or sharding.
 * The manifest is always replaced atomically; its format_version ({@link #FORMAT_VERSION}) says which qtraj can
 * read the directory. Thread-safe: one instance is shared by the worker threads of a run.
 */
final class RunDirectory implements Closeable {
    static final String MANIFEST = "manifest.json";
    static final String JSONL = "results.jsonl";
    static final String CSV = "results.csv";
    static final String BLOCKS = "blocks.jsonl";
    static final String CHECKPOINTS = "checkpoints";
    /**
     * The run-directory format this qtraj writes and the newest it reads (manifest key format_version; manifests
     * without it are format 1). Raise it when an older qtraj would misread a directory of the new format.
     */
    static final int FORMAT_VERSION = 1;
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
    /** Where repairs are reported (a damaged checkpoint discarded). */
    private final Consumer<String> warnings;

    private RunDirectory(Path dir, RunPlan plan, Map<String, Object> manifest, Map<TaskKey, String> lines,
                         Map<BlockKey, String> blockLines, Consumer<String> warnings) {
        this.dir = dir;
        this.plan = plan;
        this.manifest = manifest;
        this.lines = lines;
        this.blockLines = blockLines;
        this.warnings = warnings;
    }

    /**
     * Opens (creating or continuing) the directory for {@code plan}. Every refusal comes before anything in the
     * directory is written or changed: the directory's kind and writability, the manifest, both logs (read, not
     * repaired) and the lock are checked first; only then is a torn end of a log dropped (with a warning), stale
     * temporary files removed and results.csv rebuilt.
     *
     * @param resume   true if the caller asked to resume: then there must be a run to continue
     * @param warnings receives one line for each repair (a torn log end dropped, a damaged checkpoint discarded)
     * @throws InvalidInputException naming "directory" if the path is a file, cannot be written, belongs to another
     *                               spec, holds results without a manifest, a manifest of a newer format or a damaged
     *                               one, a damaged log, or is in use by another run; naming "shard" for another
     *                               shard, "resume" (with resume) if it holds no run
     */
    static RunDirectory open(Path dir, RunPlan plan, boolean resume, Provenance provenance,
                             Consumer<String> warnings) throws IOException {
        requireDirectoryOrAbsent(dir, "directory");
        boolean fresh = priorManifest(dir, plan, resume) == null;
        requireWritable(dir, "directory", Files::isWritable);
        checkLogs(dir, plan);
        if (fresh) {
            Files.createDirectories(dir);
        }
        java.nio.channels.FileChannel lock = lock(dir);
        RunDirectory rd;
        try {
            // Again under the lock: a run that held it until now may have written the directory meanwhile.
            Map<String, Object> manifest = priorManifest(dir, plan, resume);
            if (manifest == null) {
                manifest = new LinkedHashMap<>();
                manifest.put("started", Instant.now().toString());
            }
            Logs logs = checkLogs(dir, plan);
            logs.results().dropTornEnd(warnings);
            logs.blocks().dropTornEnd(warnings);
            removeStaleTemporaries(dir);
            removeStaleTemporaries(dir.resolve(CHECKPOINTS));
            rd = new RunDirectory(dir, plan, manifest, new LinkedHashMap<>(logs.results().records()),
                    new LinkedHashMap<>(logs.blocks().records()), warnings);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        rd.lockChannel = lock;
        rd.initManifest(provenance);
        // The manifest first: a results file without one is refused as someone else's, so none may exist even
        // for a moment (a crash here, or a second run probing the directory before it finds the lock taken).
        rd.writeManifest("running");
        rd.rebuildCsv();
        Files.createDirectories(dir.resolve(CHECKPOINTS));
        for (Task t : plan.tasks()) {
            if (rd.isDone(t)) {
                Files.deleteIfExists(rd.checkpointFile(t));
            }
        }
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

    /** The two logs of a run directory, read and checked. */
    private record Logs(RunLog<TaskKey> results, RunLog<BlockKey> blocks) {
    }

    /** Reads both logs without changing them, and refuses damage in them ({@link RunLog}). */
    private static Logs checkLogs(Path dir, RunPlan plan) throws IOException {
        RunLog<TaskKey> results = RunLog.results(dir, plan);
        RunLog<BlockKey> blocks = RunLog.blocks(dir, plan);
        results.requireUndamaged("directory", RunLog.Use.RUN);
        blocks.requireUndamaged("directory", RunLog.Use.RUN);
        RunLog.requireCombinable("directory", plan, results, blocks);
        return new Logs(results, blocks);
    }

    /**
     * What a new manifest keeps of the directory's old one (started, interruptions), after checking that the
     * directory holds a run of this spec and shard; null if there is no manifest yet (a new run).
     */
    private static Map<String, Object> priorManifest(Path dir, RunPlan plan, boolean resume) throws IOException {
        if (!Files.exists(dir.resolve(MANIFEST))) {
            if (resume) {
                throw new InvalidInputException("resume", "nothing to resume: " + dir + " has no " + MANIFEST);
            }
            for (String name : new String[] {JSONL, CSV, BLOCKS}) {
                if (Files.exists(dir.resolve(name))) {
                    throw new InvalidInputException("directory", dir + " holds results (" + name + ") but no "
                            + MANIFEST + "; refusing to mix them with a new run: use an empty directory");
                }
            }
            return null;
        }
        JsonNode old = readManifest(dir, "directory");
        String oldHash = old.path("spec_sha256").asText("");
        if (!oldHash.equals(plan.spec().sha256())) {
            throw new InvalidInputException("directory", dir + " holds a run of a different spec (spec_sha256 " + shortHash(oldHash)
                    + ", this spec " + shortHash(plan.spec().sha256()) + "); use another directory");
        }
        String oldShard = old.path("shard").path("index").asText() + "/" + old.path("shard").path("count").asText();
        if (!oldShard.equals(plan.shard().toString())) {
            throw new InvalidInputException("shard", dir + " holds shard " + oldShard + ", not " + plan.shard());
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
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
        return manifest;
    }

    /**
     * Refuses a path that exists but is not a directory, or whose nearest existing ancestor is not one (so that the
     * directory cannot be created).
     */
    static void requireDirectoryOrAbsent(Path dir, String field) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        if (p != null && !Files.isDirectory(p)) {
            throw new InvalidInputException(field, (p.equals(dir.toAbsolutePath()) ? dir.toString() : p + " (in " + dir + ")")
                    + " is a file, not a directory: give the path of a run directory or of a new one");
        }
    }

    /**
     * Refuses a directory that cannot be written: the directory itself (or, if it does not exist yet, its nearest
     * existing ancestor), its checkpoints/ and each file a run appends to or locks; and a directory where a run keeps
     * a file, or the other way round. {@code writable} is
     * {@link Files#isWritable} except in tests (root may write anywhere, whatever the permissions say).
     */
    static void requireWritable(Path dir, String field, java.util.function.Predicate<Path> writable) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        String advice = ": make it writable (e.g. chmod -R u+w " + dir + ") or copy the directory to a writable place "
                + "and run there";
        if (p != null && !writable.test(p)) {
            throw new InvalidInputException(field, (p.equals(dir.toAbsolutePath()) ? dir.toString() : p + " (where "
                    + dir + " would be created)") + " is read-only" + advice);
        }
        if (!Files.isDirectory(dir)) {
            // a new directory: try to make a file where it would go (isWritable says yes to root even on /proc)
            String why = AtomicFiles.directoryRefusal(dir);
            if (why != null) {
                throw new InvalidInputException(field, why);
            }
            return;
        }
        for (String name : new String[] {CHECKPOINTS, JSONL, CSV, BLOCKS, MANIFEST, ".lock"}) {
            Path f = dir.resolve(name);
            if (!Files.exists(f)) {
                continue;
            }
            if (Files.isDirectory(f) != name.equals(CHECKPOINTS)) {
                throw new InvalidInputException(field, f + " is a " + (Files.isDirectory(f) ? "directory" : "file")
                        + " where a run keeps a " + (name.equals(CHECKPOINTS) ? "directory" : "file")
                        + ": move it aside");
            }
            // manifest.json and results.csv are only ever replaced by a rename, which the directory's permission
            // governs; the logs are appended to and .lock is opened for writing.
            if (!name.equals(MANIFEST) && !name.equals(CSV) && !writable.test(f)) {
                throw new InvalidInputException(field, f + " is read-only" + advice);
            }
        }
    }

    /**
     * The status of a run directory as its manifest gives it, except that "running" becomes "interrupted" when no
     * process holds the directory's lock: the process that was running it died without updating the manifest.
     * Reads only: the lock is probed with a shared lock on a read-only channel.
     */
    static String status(Path dir, JsonNode manifest) throws IOException {
        String status = manifest.path("status").asText("");
        Path lockFile = dir.resolve(".lock");
        if (!"running".equals(status) || !Files.exists(lockFile)) {
            return status;
        }
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(lockFile,
                java.nio.file.StandardOpenOption.READ)) {
            java.nio.channels.FileLock l = ch.tryLock(0, Long.MAX_VALUE, true);
            return l == null ? status : "interrupted";
        } catch (java.nio.channels.OverlappingFileLockException e) {
            return status; // this process runs it
        }
    }

    /**
     * The parsed manifest.json of a run directory, checked to be one this qtraj can read: a JSON object with
     * spec_sha256 and spec, and a format_version (1 when absent: manifests written before it existed) no newer
     * than {@link #FORMAT_VERSION}. Unknown keys are ignored: a newer qtraj raises format_version when an older one
     * would misread the directory.
     *
     * @param field the name under which the directory is refused
     * @throws InvalidInputException naming {@code field} if the path is a file, or has no manifest, or one that is
     *                               damaged or of a newer format
     */
    static JsonNode readManifest(Path dir, String field) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new InvalidInputException(field, dir + " is a file, not a qtraj run directory");
        }
        Path file = dir.resolve(MANIFEST);
        if (!Files.exists(file)) {
            throw new InvalidInputException(field, dir + " has no " + MANIFEST + "; not a qtraj run directory");
        }
        String advice = ": it is only ever replaced whole, so something else changed it; restore it from a copy, "
                + "or move the directory aside and run again";
        JsonNode m;
        try {
            m = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(field, file + " is damaged (not JSON)" + advice);
        }
        if (m == null || !m.isObject()) {
            throw new InvalidInputException(field, file + " is damaged (not a JSON object)" + advice);
        }
        JsonNode version = m.get("format_version");
        if (version != null && (!version.isInt() || version.asInt() < 1)) {
            throw new InvalidInputException(field, file + " is damaged (format_version " + version
                    + " is not a positive integer)" + advice);
        }
        int format = version == null ? 1 : version.asInt();
        if (format > FORMAT_VERSION) {
            String writer = m.path("qtraj_version").asText("unknown");
            throw new InvalidInputException(field, dir + " was written by qtraj " + writer + " in run-directory format "
                    + format + "; this qtraj (" + runningVersion() + ") reads formats up to " + FORMAT_VERSION
                    + ": use qtraj " + writer + " or newer with this directory");
        }
        if (!m.path("spec_sha256").isTextual() || !m.path("spec").isObject()) {
            throw new InvalidInputException(field, file + " is damaged (no spec_sha256 or spec)" + advice);
        }
        return m;
    }

    /**
     * The spec a manifest ({@link #readManifest}) holds, checked against its spec_sha256.
     *
     * @throws InvalidInputException naming {@code field} if it is not a spec this qtraj reads, or not the hashed one
     */
    static RunSpec manifestSpec(Path dir, JsonNode manifest, String field) {
        RunSpec spec;
        try {
            spec = RunSpec.parse(manifest.get("spec"));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, dir.resolve(MANIFEST) + " holds a spec this qtraj cannot read ("
                    + e.getMessage() + "): use the qtraj that wrote it, " + manifest.path("qtraj_version").asText("unknown"));
        }
        if (!spec.sha256().equals(manifest.path("spec_sha256").asText())) {
            throw new InvalidInputException(field, dir.resolve(MANIFEST) + " is damaged (its spec does not match its "
                    + "spec_sha256)");
        }
        return spec;
    }

    /**
     * The shard a manifest ({@link #readManifest}) holds: 1/1 when it has none (a merged run).
     *
     * @throws InvalidInputException naming {@code field} if it is not i/n with 1 &lt;= i &lt;= n
     */
    static Shard manifestShard(Path dir, JsonNode manifest, String field) {
        JsonNode s = manifest.path("shard");
        try {
            return new Shard(s.path("index").asInt(1), s.path("count").asInt(1));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(field, dir.resolve(MANIFEST) + " is damaged (shard " + s + ")");
        }
    }

    /** This qtraj's version (from the jar), or "dev" when run from classes. */
    private static String runningVersion() {
        String v = RunDirectory.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
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

    /**
     * True if the task's result is recorded: its unit's record, or for a block its block line (a unit's record is
     * made only once all its block lines are here, so a block line that is missing beside it was deleted: the block
     * runs again, and blocks.jsonl ends as complete as without the deletion).
     */
    synchronized boolean isDone(Task task) {
        return task.isBlock() ? blockLines.containsKey(task.blockKey()) : lines.containsKey(task.key());
    }

    /** Number of the plan's tasks already done. */
    synchronized int doneCount() {
        return (int) plan.tasks().stream().filter(this::isDone).count();
    }

    /** The checkpoint of a task, reporting trajectories run to {@code progress}. */
    Checkpoint checkpoint(Task task, long intervalNanos, java.util.function.LongConsumer progress) throws IOException {
        return Checkpoint.open(checkpointFile(task), intervalNanos, progress, warnings);
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
        m.put("format_version", FORMAT_VERSION);
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
