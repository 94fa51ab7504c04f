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
 * spec (spec_sha256) and shard count in a format this qtraj reads, is complete, has logs without a damaged line
 * ({@link RunLog}, where a torn end counts as damage), holds only its own shard's points and blocks, and together
 * they hold every unit (or every block of it) of the spec exactly once; the output directory is a directory (or
 * absent), writable, and empty or an earlier merge of the same spec. Every check comes before anything is written.
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
        checkOutput(out);
        for (Path in : inputs) {
            JsonNode m = RunDirectory.readManifest(in, "run_directory");
            String h = m.path("spec_sha256").asText("");
            if (hash == null) {
                hash = h;
                spec = RunDirectory.manifestSpec(in, m, "run_directory");
            } else if (!hash.equals(h)) {
                throw new InvalidInputException("run_directory", in + " holds a run of a different spec (spec_sha256 "
                        + RunDirectory.shortHash(h) + ", " + inputs.get(0) + " has " + RunDirectory.shortHash(hash) + ")");
            }
            Shard shard = RunDirectory.manifestShard(in, m, "run_directory");
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
            RunLog<TaskKey> records = RunLog.results(in, plan);
            RunLog<BlockKey> blockLog = RunLog.blocks(in, plan);
            records.requireUndamaged("run_directory", RunLog.Use.MERGE);
            blockLog.requireUndamaged("run_directory", RunLog.Use.MERGE);
            for (Map.Entry<TaskKey, String> e : records.records().entrySet()) {
                Path first = origin.putIfAbsent(e.getKey(), in);
                if (first != null) {
                    throw new InvalidInputException("run_directory", "point " + e.getKey().point() + " is in both " + first + " and " + in);
                }
                all.put(e.getKey(), e.getValue());
            }
            for (Map.Entry<BlockKey, String> e : blockLog.records().entrySet()) {
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
        combineSplitUnits(spec, full, blocks, blockOrigin, all);
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
        if (Files.exists(out.resolve(RunDirectory.MANIFEST))
                && !hash.equals(RunDirectory.readManifest(out, "directory").path("spec_sha256").asText(""))) {
            throw new InvalidInputException("directory", out + " holds a run of a different spec; use another directory");
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

    /**
     * Refuses an output directory that cannot take the merge, before any input is read: a file, a read-only
     * directory, results without a manifest, a manifest that is damaged or of a newer format.
     */
    private static void checkOutput(Path out) throws IOException {
        RunDirectory.requireDirectoryOrAbsent(out, "directory");
        if (Files.exists(out.resolve(RunDirectory.MANIFEST))) {
            RunDirectory.readManifest(out, "directory");
        } else if (Files.exists(out.resolve(RunDirectory.JSONL)) || Files.exists(out.resolve(RunDirectory.CSV))
                || Files.exists(out.resolve(RunDirectory.BLOCKS))) {
            throw new InvalidInputException("directory", out + " holds results but no manifest.json; use an empty directory");
        }
        RunDirectory.requireWritable(out, "directory", Files::isWritable);
    }

    /**
     * Adds to {@code records} the record of every split unit that is not there yet and has all its blocks.
     *
     * @throws InvalidInputException if the blocks of a unit do not combine (a block state damaged inside)
     */
    private static void combineSplitUnits(RunSpec spec, RunPlan full, Map<BlockKey, String> blocks,
                                          Map<BlockKey, Path> origin, Map<TaskKey, String> records) {
        for (Task t : full.tasks()) {
            if (!t.isBlock() || t.block() != 0 || records.containsKey(t.key())) {
                continue;
            }
            List<String> parts = BlockRecords.allBlocks(t, blocks);
            if (parts != null) {
                try {
                    records.put(t.key(), BlockRecords.unitLine(spec, t, parts));
                } catch (RuntimeException e) {
                    java.util.Set<Path> dirs = new java.util.TreeSet<>();
                    for (int b = 0; b < t.blocks(); b++) {
                        dirs.add(origin.get(new BlockKey(t.key(), b)));
                    }
                    String why = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage()
                            : "a state is not of this method's shape";
                    throw new InvalidInputException("run_directory", "the blocks of " + t.key().fileStem() + " in "
                            + dirs + " do not combine (" + why + "): delete their lines from blocks.jsonl, run those "
                            + "shards again to recompute them, then merge");
                }
            }
        }
    }
}
