package org.qtraj.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qtraj.io.DurableLog;

/**
 * Where a run directory stands, read without changing anything (safe while a run is writing it): the spec and
 * shard, the status ("interrupted" for a manifest that says running but whose lock no process holds), the tasks
 * done out of the shard's tasks (from results.jsonl and blocks.jsonl, whose partial last line is ignored), and
 * the units in progress with their checkpointed next trajectory index. Immutable.
 *
 * @param dir           the run directory
 * @param name          the spec's name
 * @param shard         the shard the directory holds (1/1 for an unsharded or merged run)
 * @param status        complete, running, interrupted or failed
 * @param tasks         the shard's tasks (units, and blocks of split units)
 * @param tasksDone     of them, recorded in the logs
 * @param inProgress    checkpointed tasks: file stem to next trajectory index (-1 when the state has none)
 * @param interruptions earlier attempts that died without a word
 * @param started       first start (ISO-8601)
 * @param ended         end of the last attempt, or null
 */
public record RunStatus(Path dir, String name, Shard shard, String status, int tasks, int tasksDone,
                        Map<String, Long> inProgress, int interruptions, String started, String ended) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Copies the in-progress map into an unmodifiable one; refuses nothing. */
    public RunStatus {
        inProgress = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inProgress));
    }

    /**
     * Reads the status of {@code dir}.
     *
     * @throws org.qtraj.errors.InvalidInputException naming DIR if it is not a run directory
     */
    public static RunStatus of(Path dir) throws IOException {
        JsonNode m = RunDirectory.readManifest(dir);
        RunSpec spec = RunSpec.parse(m.get("spec"));
        Shard shard = new Shard(m.path("shard").path("index").asInt(1), m.path("shard").path("count").asInt(1));
        RunPlan plan = RunPlan.of(spec, shard);
        Set<TaskKey> units = keys(dir.resolve(RunDirectory.JSONL), r -> ResultRecords.key(spec, r));
        Set<BlockKey> blocks = keys(dir.resolve(RunDirectory.BLOCKS), r -> BlockRecords.key(spec, r));
        int done = 0;
        for (Task t : plan.tasks()) {
            if (units.contains(t.key()) || t.isBlock() && blocks.contains(t.blockKey())) {
                done++;
            }
        }
        return new RunStatus(dir, m.path("name").asText(""), shard, RunDirectory.status(dir, m), plan.tasks().size(),
                done, checkpoints(dir.resolve(RunDirectory.CHECKPOINTS)), m.path("interruptions").asInt(0),
                m.path("started").asText(null), m.path("ended").isTextual() ? m.get("ended").asText() : null);
    }

    private static <K> Set<K> keys(Path log, java.util.function.Function<JsonNode, K> keyOf) throws IOException {
        Set<K> out = new HashSet<>();
        for (String line : DurableLog.readComplete(log)) {
            try {
                out.add(keyOf.apply(ResultRecords.parse(line)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // a damaged line: the run itself reports it when it reopens the directory
            }
        }
        return out;
    }

    private static Map<String, Long> checkpoints(Path dir) throws IOException {
        Map<String, Long> out = new java.util.TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path p : ds) {
                String stem = p.getFileName().toString().replaceFirst("\\.json$", "");
                long next = -1;
                try {
                    next = MAPPER.readTree(p.toFile()).path("state").path("next_index").asLong(-1);
                } catch (IOException e) {
                    // replaced while we read it: still in progress, index unknown
                }
                out.put(stem, next);
            }
        }
        return out;
    }

    /** The JSON form: dir, name, shard, status, tasks, tasks_done, in_progress, interruptions, started, ended. */
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
        m.put("interruptions", interruptions);
        m.put("started", started);
        m.put("ended", ended);
        return m;
    }

    /** All directories' tasks done over all their tasks. */
    public static String totals(List<RunStatus> all) {
        long done = all.stream().mapToLong(RunStatus::tasksDone).sum();
        long tasks = all.stream().mapToLong(RunStatus::tasks).sum();
        return done + "/" + tasks + " tasks done (" + (tasks == 0 ? 100 : Math.round(1000.0 * done / tasks) / 10.0) + "%)";
    }
}
