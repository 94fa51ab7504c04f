package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.io.AtomicFiles;
import org.qtraj.io.Json;

/**
 * Merges the run directories of the shards of one spec into one directory whose results.csv,
 * results.jsonl and blocks.jsonl are those of an unsharded run (up to the elapsed_seconds timings): the records
 * are taken verbatim and written in key order by the same code that finishes a run, and a unit split into blocks
 * over several shards gets its record from its blocks by the same code ({@link BlockRecords#unitLine}) as in an
 * unsharded run.
 *
 * <p>Checks, each refused with a message naming the directory: every directory has a manifest of the same
 * spec (spec_sha256) and shard count, is complete, holds only its own shard's points and blocks, and together
 * they hold every unit (or every block of it) of the spec exactly once.
 *
 * <p>Stateless: the input directories are only read and each output file is replaced atomically, but no lock is
 * taken, so two merges (or a merge and a run) into the same directory at once must be avoided; merges into
 * different directories may run concurrently.
 */
public final class Merger {
    private Merger() {
    }

    /**
     * What was merged. Immutable.
     *
     * @param directories the shard directories
     * @param records     units written
     */
    public record Summary(int directories, int records) {
    }

    /**
     * Merges {@code inputs} into {@code out}.
     *
     * @param inputs     the shard directories, each complete
     * @param out        the merged run directory (created, or an earlier merge of the same spec)
     * @param provenance version, commit, Java for the merged manifest
     * @return the number of directories and units merged
     * @throws IOException if a file cannot be read or written
     *
     * @throws InvalidInputException if the inputs do not form one complete run, or {@code out} holds another spec's run
     */
    public static Summary merge(List<Path> inputs, Path out, Provenance provenance) throws IOException {
        if (inputs.isEmpty()) {
            throw new InvalidInputException("run_directory", "give at least one run directory to merge");
        }
        RunSpec spec = null;
        String hash = null;
        int count = -1;
        Map<Integer, Path> shardDirs = new HashMap<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        Map<TaskKey, String> all = new TreeMap<>();
        Map<TaskKey, Path> origin = new HashMap<>();
        Map<BlockKey, String> blocks = new TreeMap<>();
        Map<BlockKey, Path> blockOrigin = new HashMap<>();
        for (Path in : inputs) {
            JsonNode m = RunDirectory.readManifest(in);
            String h = m.path("spec_sha256").asText("");
            if (hash == null) {
                hash = h;
                spec = RunSpec.parse(m.get("spec"));
                if (!spec.sha256().equals(hash)) {
                    throw new InvalidInputException("run_directory", in + ": the manifest's spec does not match its spec_sha256");
                }
            } else if (!hash.equals(h)) {
                throw new InvalidInputException("run_directory", in + " holds a run of a different spec (spec_sha256 "
                        + RunDirectory.shortHash(h) + ", " + inputs.get(0) + " has " + RunDirectory.shortHash(hash) + ")");
            }
            Shard shard = new Shard(m.path("shard").path("index").asInt(), m.path("shard").path("count").asInt());
            if (count < 0) {
                count = shard.count();
            } else if (count != shard.count()) {
                throw new InvalidInputException("run_directory", in + " is shard " + shard + " of a split into " + shard.count()
                        + ", the others are of a split into " + count);
            }
            Path twin = shardDirs.put(shard.index(), in);
            if (twin != null) {
                throw new InvalidInputException("run_directory", in + " and " + twin + " are both shard " + shard);
            }
            String status = RunDirectory.status(in, m);
            if (!"complete".equals(status)) {
                throw new InvalidInputException("run_directory", in + " (shard " + shard + ") is not complete (status " + status
                        + ("running".equals(status) ? ": still being run" : "") + "); run it again with the same "
                        + "command to finish it");
            }
            RunPlan plan = RunPlan.of(spec, shard);
            Map<TaskKey, String> records = RunDirectory.loadRecords(in.resolve(RunDirectory.JSONL), plan);
            for (Map.Entry<TaskKey, String> e : records.entrySet()) {
                Path first = origin.putIfAbsent(e.getKey(), in);
                if (first != null) {
                    throw new InvalidInputException("run_directory", "point " + e.getKey().point() + " is in both " + first + " and " + in);
                }
                all.put(e.getKey(), e.getValue());
            }
            for (Map.Entry<BlockKey, String> e : RunDirectory.loadBlocks(in.resolve(RunDirectory.BLOCKS), plan).entrySet()) {
                Path first = blockOrigin.putIfAbsent(e.getKey(), in);
                if (first != null) {
                    throw new InvalidInputException("run_directory", "block " + e.getKey().fileStem() + " is in both " + first + " and " + in);
                }
                blocks.put(e.getKey(), e.getValue());
            }
            Map<String, Object> src = new LinkedHashMap<>();
            src.put("dir", in.toString());
            src.put("shard", shard.toMap());
            src.put("git_commit", m.path("git_commit").isNull() ? null : m.path("git_commit").asText());
            src.put("started", m.path("started").asText());
            src.put("ended", m.path("ended").asText());
            sources.add(src);
        }
        RunPlan full = RunPlan.of(spec, Shard.ALL);
        combineSplitUnits(spec, full, blocks, all);
        List<TaskKey> missing = new ArrayList<>();
        for (Task t : full.tasks()) {
            if (!all.containsKey(t.key()) && !missing.contains(t.key())) {
                missing.add(t.key());
            }
        }
        if (!missing.isEmpty()) {
            List<Integer> shardsMissing = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                if (!shardDirs.containsKey(i)) {
                    shardsMissing.add(i);
                }
            }
            throw new InvalidInputException("run_directory", missing.size() + " units are missing (first: point " + missing.get(0).point()
                    + ")" + (shardsMissing.isEmpty() ? "" : "; shards not given: " + shardsMissing));
        }
        if (Files.exists(out.resolve(RunDirectory.MANIFEST))) {
            JsonNode old = RunDirectory.readManifest(out);
            if (!hash.equals(old.path("spec_sha256").asText(""))) {
                throw new InvalidInputException("directory", out + " holds a run of a different spec; use another directory");
            }
        } else if (Files.exists(out.resolve(RunDirectory.JSONL)) || Files.exists(out.resolve(RunDirectory.CSV))) {
            throw new InvalidInputException("directory", out + " holds results but no manifest.json; use an empty directory");
        }
        Files.createDirectories(out);
        RunDirectory.writeResults(out, spec, all, blocks);
        Map<String, Object> manifest = RunDirectory.manifestHead(provenance, spec, Shard.ALL);
        manifest.put("points", full.totalPoints());
        manifest.put("tasks", full.tasks().size());
        manifest.put("tasks_done", full.tasks().size()); // every unit is there (checked above), hence every block
        manifest.put("merged_from", sources);
        manifest.put("started", sources.stream().map(s -> (String) s.get("started")).min(String::compareTo).orElse(null));
        manifest.put("ended", sources.stream().map(s -> (String) s.get("ended")).max(String::compareTo).orElse(null));
        manifest.put("merged", Instant.now().toString());
        manifest.put("status", "complete");
        manifest.put("spec", spec.tree());
        AtomicFiles.write(out.resolve(RunDirectory.MANIFEST), Json.pretty(manifest));
        return new Summary(inputs.size(), all.size());
    }

    /** Adds to {@code records} the record of every split unit that is not there yet and has all its blocks. */
    private static void combineSplitUnits(RunSpec spec, RunPlan full, Map<BlockKey, String> blocks,
                                          Map<TaskKey, String> records) {
        for (Task t : full.tasks()) {
            if (!t.isBlock() || t.block() != 0 || records.containsKey(t.key())) {
                continue;
            }
            List<String> parts = BlockRecords.allBlocks(t, blocks);
            if (parts != null) {
                records.put(t.key(), BlockRecords.unitLine(spec, t, parts));
            }
        }
    }
}
