package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a run directory stands, read without changing anything (safe while a run is writing it): the spec and
 * shard, the status ("interrupted" for a manifest that says running but whose lock no process holds, "damaged" for
 * a log with a damaged line that a run would refuse, see {@link RunLog}), the tasks done out of the shard's tasks
 * (from the intact lines of results.jsonl and blocks.jsonl; a torn end is ignored, a run may be writing it), and
 * the units in progress with their checkpointed next trajectory index. Immutable.
 *
 * @param dir           the run directory
 * @param name          the spec's name
 * @param shard         the shard the directory holds (1/1 for an unsharded or merged run)
 * @param status        complete, running, interrupted or failed
 * @param tasks         the shard's tasks (units, and blocks of split units)
 * @param tasksDone     of them, recorded in the logs
 * @param inProgress    checkpointed tasks: file stem to next trajectory index (-1 when the state has none)
 * @param trajectoryTime of those, the ones whose checkpoint holds a trajectory in progress (a long gaussian
 *                      trajectory's snapshot): file stem to the time that trajectory has reached
 * @param interruptions earlier attempts that died without a word
 * @param started       first start (ISO-8601)
 * @param ended         end of the last attempt, or null
 * @param damage        with status "damaged": which lines of which log are damaged and what to do (one line);
 *                      else null
 */
public record RunStatus(Path dir, String name, Shard shard, String status, int tasks, int tasksDone,
                        Map<String, Long> inProgress, Map<String, Double> trajectoryTime, int interruptions,
                        String started, String ended, String damage) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Copies the in-progress maps into unmodifiable ones; refuses nothing. */
    public RunStatus {
        inProgress = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inProgress));
        trajectoryTime = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trajectoryTime));
    }

    /**
     * Reads the status of {@code dir}.
     *
     * @throws org.qtraj.errors.InvalidInputException naming run_directory if it is not a run directory (a file, no
     *                                                manifest), or its manifest is damaged or of a newer format
     */
    public static RunStatus of(Path dir) throws IOException {
        JsonNode m = RunDirectory.readManifest(dir, "run_directory");
        RunSpec spec = RunDirectory.manifestSpec(dir, m, "run_directory");
        Shard shard = RunDirectory.manifestShard(dir, m, "run_directory");
        RunPlan plan = RunPlan.of(spec, shard);
        RunLog<TaskKey> units = RunLog.results(dir, plan);
        RunLog<BlockKey> blocks = RunLog.blocks(dir, plan);
        int done = 0;
        for (Task t : plan.tasks()) {
            if (t.isBlock() ? blocks.records().containsKey(t.blockKey()) : units.records().containsKey(t.key())) {
                done++;
            }
        }
        String damage = units.damage(RunLog.Use.RUN);
        if (damage == null) {
            damage = blocks.damage(RunLog.Use.RUN);
        }
        if (damage == null) {
            damage = RunLog.combineDamage(plan, units, blocks);
        }
        Map<String, Long> next = new java.util.TreeMap<>();
        Map<String, Double> reached = new java.util.TreeMap<>();
        checkpoints(dir.resolve(RunDirectory.CHECKPOINTS), next, reached);
        return new RunStatus(dir, m.path("name").asText(""), shard,
                damage != null ? "damaged" : RunDirectory.status(dir, m), plan.tasks().size(), done,
                next, reached, m.path("interruptions").asInt(0),
                m.path("started").asText(null), m.path("ended").isTextual() ? m.get("ended").asText() : null, damage);
    }

    /**
     * Per checkpoint file: its next trajectory index into {@code next} (-1 when unknown) and, when the state holds a
     * trajectory in progress ({@code state.trajectory.time}, see TrajectorySnapshots), the time it reached into
     * {@code reached}.
     */
    private static void checkpoints(Path dir, Map<String, Long> next, Map<String, Double> reached) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                String stem = p.getFileName().toString().replaceFirst("\\.json$", "");
                long index = -1;
                try {
                    JsonNode state = MAPPER.readTree(p.toFile()).path("state");
                    index = state.path("next_index").asLong(-1);
                    JsonNode time = state.path("trajectory").path("time");
                    if (time.isNumber()) {
                        reached.put(stem, time.asDouble());
                    }
                } catch (IOException e) {
                    // replaced while we read it: still in progress, index unknown
                }
                next.put(stem, index);
            }
        }
    }

    /**
     * The JSON form: dir, name, shard, status, tasks, tasks_done, in_progress, trajectory_time (only when a
     * checkpoint holds a trajectory in progress), interruptions, started, ended, and damage when there is some.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dir", dir.toString());
        m.put("name", name);
        m.put("shard", shard.toMap());
        m.put("status", status);
        m.put("tasks", tasks);
        m.put("tasks_done", tasksDone);
        Map<String, Object> ip = new LinkedHashMap<>();
        inProgress.forEach((k, v) -> ip.put(k, v < 0 ? null : v));
        m.put("in_progress", ip);
        if (!trajectoryTime.isEmpty()) {
            m.put("trajectory_time", new LinkedHashMap<>(trajectoryTime));
        }
        m.put("interruptions", interruptions);
        m.put("started", started);
        m.put("ended", ended);
        if (damage != null) {
            m.put("damage", damage);
        }
        return m;
    }

    /** All directories' tasks done over all their tasks. */
    public static String totals(List<RunStatus> all) {
        long done = all.stream().mapToLong(RunStatus::tasksDone).sum();
        long tasks = all.stream().mapToLong(RunStatus::tasks).sum();
        return done + "/" + tasks + " tasks done (" + (tasks == 0 ? 100 : Math.round(1000.0 * done / tasks) / 10.0) + "%)";
    }
}
