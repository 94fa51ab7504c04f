package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.ensemble.Seeds;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.ExactMethod;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimate;

class BatchRunnerTest {
    static final String SPEC = """
            name: small
            seed: 99
            model: {omega: 1, coupling: 1}
            sweep: {parameters: {sites: {range: [2, 8, 7]}, dephasing: {values: [0, 0.5]}}}
            methods: [{method: exact, solver: auto}, {method: exact, solver: rate}]
            observables: [heat_current, particle_current, heat_current_right]
            """;
    private static final Provenance PROV = new Provenance("test", null, "17");

    @TempDir
    Path tmp;

    static BatchRunner.Summary run(RunPlan plan, Path out, int threads) throws IOException {
        return BatchRunner.run(plan, new BatchRunner.Options(out, false, threads, PROV, BatchRunner.Progress.NONE,
                Checkpoint.DEFAULT_INTERVAL_NANOS));
    }

    static RunPlan plan(String yaml, Shard shard) {
        return RunPlan.of(RunFiles.spec(yaml), shard);
    }

    @Test
    void writesResultsThatMatchTheSolversAndAManifest() throws IOException {
        Path out = tmp.resolve("out");
        BatchRunner.Summary s = run(plan(SPEC, Shard.ALL), out, 1);
        assertEquals(28, s.tasks());
        assertEquals(28, s.ran());
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("point,sample,sites,dephasing,method,observable,value,error,samples,elapsed_seconds", csv.get(0));
        assertEquals(1 + 28 * 3, csv.size());
        // Point 5 is N = 4, dephasing 0.5; its closed-form heat current is PHYSICS.md's 0.0895544364.
        String row = csv.stream().filter(l -> l.startsWith("5,0,4,0.5,exact:auto,heat_current,")).findFirst().orElseThrow();
        String[] f = row.split(",");
        assertEquals(0.0895544364, Double.parseDouble(f[6]), 1e-10);
        assertEquals("0.0", f[7]);
        assertEquals("0", f[8]);
        Chain c = RunFiles.spec(SPEC).model().withSites(4).build();
        String rate = csv.stream().filter(l -> l.startsWith("4,0,4,0.0,exact:rate,particle_current,")).findFirst().orElseThrow();
        assertEquals(Double.toString(ExactMethod.RATE.solve(c).particleCurrentLeft()), rate.split(",")[6]);
        JsonNode m = RunFiles.manifest(out);
        assertEquals("complete", m.get("status").asText());
        assertEquals(RunFiles.spec(SPEC).sha256(), m.get("spec_sha256").asText());
        assertEquals(99, m.get("seed").asLong());
        assertEquals(14, m.get("points").asInt());
        assertEquals(14, m.get("points_in_shard").asInt());
        assertEquals(28, m.get("tasks_done").asInt());
        for (String k : new String[] {"qtraj_version", "git_commit", "java_version", "started", "ended", "shard", "spec"}) {
            assertTrue(m.has(k), k);
        }
        List<JsonNode> records = RunFiles.jsonlWithoutTimings(out);
        assertEquals(28, records.size());
        assertEquals(4, records.get(10).get("result").get("populations").size());
        assertFalse(Files.exists(out.resolve("checkpoints")), "no checkpoint left after a complete run");
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws IOException {
        run(plan(SPEC, Shard.ALL), tmp.resolve("one"), 1);
        run(plan(SPEC, Shard.ALL), tmp.resolve("three"), 3);
        assertEquals(RunFiles.csvWithoutTimings(tmp.resolve("one")), RunFiles.csvWithoutTimings(tmp.resolve("three")));
        assertEquals(RunFiles.jsonlWithoutTimings(tmp.resolve("one")), RunFiles.jsonlWithoutTimings(tmp.resolve("three")));
    }

    @Test
    void shardsPartitionThePointsExactlyOnce() {
        RunSpec spec = RunFiles.spec(SPEC);
        Set<TaskKey> all = new HashSet<>();
        RunPlan.of(spec, Shard.ALL).tasks().forEach(t -> all.add(t.key()));
        for (int n = 1; n <= 6; n++) {
            Set<TaskKey> seen = new HashSet<>();
            for (int i = 1; i <= n; i++) {
                for (Task t : RunPlan.of(spec, new Shard(i, n)).tasks()) {
                    assertTrue(seen.add(t.key()), "twice: " + t.key() + " in " + i + "/" + n);
                    assertEquals(i - 1, t.key().point() % n);
                }
            }
            assertEquals(all, seen, "n = " + n);
        }
    }

    @Test
    void badShardsAreRefused() {
        assertEquals("shard", assertThrows(InvalidInputException.class, () -> Shard.parse("3/2")).field());
        assertEquals("shard", assertThrows(InvalidInputException.class, () -> Shard.parse("0/2")).field());
        assertEquals("shard", assertThrows(InvalidInputException.class, () -> Shard.parse("1-2")).field());
        assertEquals(new Shard(2, 5), Shard.parse(" 2/5 "));
    }

    @Test
    void mergeOfShardsEqualsTheUnshardedRun() throws IOException {
        run(plan(SPEC, Shard.ALL), tmp.resolve("whole"), 2);
        List<Path> parts = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path p = tmp.resolve("part" + i);
            run(plan(SPEC, new Shard(i, 3)), p, 1);
            parts.add(p);
        }
        Merger.Summary s = Merger.merge(List.of(parts.get(2), parts.get(0), parts.get(1)), tmp.resolve("merged"), PROV);
        assertEquals(28, s.records());
        assertEquals(RunFiles.csvWithoutTimings(tmp.resolve("whole")), RunFiles.csvWithoutTimings(tmp.resolve("merged")));
        assertEquals(RunFiles.jsonlWithoutTimings(tmp.resolve("whole")), RunFiles.jsonlWithoutTimings(tmp.resolve("merged")));
        JsonNode m = RunFiles.manifest(tmp.resolve("merged"));
        assertEquals("complete", m.get("status").asText());
        assertEquals(3, m.get("merged_from").size());
        assertEquals(1, m.get("shard").get("count").asInt());

        InvalidInputException missing = assertThrows(InvalidInputException.class,
                () -> Merger.merge(parts.subList(0, 2), tmp.resolve("m2"), PROV));
        assertTrue(missing.getMessage().contains("shards not given: [3]"), missing.getMessage());
        InvalidInputException twice = assertThrows(InvalidInputException.class,
                () -> Merger.merge(List.of(parts.get(0), parts.get(0), parts.get(1)), tmp.resolve("m3"), PROV));
        assertTrue(twice.getMessage().contains("both shard 1/3"), twice.getMessage());
        Path other = tmp.resolve("other");
        run(plan(SPEC.replace("seed: 99", "seed: 98"), new Shard(3, 3)), other, 1);
        InvalidInputException foreign = assertThrows(InvalidInputException.class,
                () -> Merger.merge(List.of(parts.get(0), parts.get(1), other), tmp.resolve("m4"), PROV));
        assertTrue(foreign.getMessage().contains("different spec"), foreign.getMessage());
    }

    @Test
    void mergeRefusesAnIncompleteShard() throws IOException {
        Path p1 = tmp.resolve("p1");
        Path p2 = tmp.resolve("p2");
        run(plan(SPEC, new Shard(1, 2)), p1, 1);
        run(plan(SPEC, new Shard(2, 2)), p2, 1);
        Path manifest = p2.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"complete\"", "\"running\""));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Merger.merge(List.of(p1, p2), tmp.resolve("m"), PROV));
        assertTrue(e.getMessage().contains("not complete"), e.getMessage());
    }

    @Test
    void aDirectoryOfAnotherSpecOrShardIsRefused() throws IOException {
        Path out = tmp.resolve("out");
        run(plan(SPEC, Shard.ALL), out, 1);
        InvalidInputException spec = assertThrows(InvalidInputException.class,
                () -> run(plan(SPEC.replace("seed: 99", "seed: 1"), Shard.ALL), out, 1));
        assertEquals("directory", spec.field());
        assertTrue(spec.getMessage().contains("different spec"), spec.getMessage());
        InvalidInputException shard = assertThrows(InvalidInputException.class, () -> run(plan(SPEC, new Shard(1, 2)), out, 1));
        assertEquals("shard", shard.field());
        InvalidInputException resume = assertThrows(InvalidInputException.class, () -> BatchRunner.run(plan(SPEC, Shard.ALL),
                new BatchRunner.Options(tmp.resolve("empty"), true, 1, PROV, BatchRunner.Progress.NONE, 1)));
        assertEquals("resume", resume.field());
    }

    /** A crash mid-line leaves a partial last line: it is dropped on resume and the unit is run again. */
    @Test
    void truncatedLastLineIsDroppedAndTheRunCompletesIdentically() throws IOException {
        Path ref = tmp.resolve("ref");
        run(plan(SPEC, Shard.ALL), ref, 1);
        Path out = tmp.resolve("out");
        run(plan(SPEC, Shard.ALL), out, 1);
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        String torn = String.join("\n", lines.subList(0, 11)) + "\n" + lines.get(11).substring(0, lines.get(11).length() / 2);
        Files.writeString(out.resolve("results.jsonl"), torn);
        Files.writeString(out.resolve("results.csv"), "garbage");
        // A temporary file of an interrupted atomic write must not survive either.
        Files.writeString(out.resolve(".manifest.json.123.tmp"), "{\"half");
        BatchRunner.Summary s = run(plan(SPEC, Shard.ALL), out, 2);
        assertEquals(11, s.alreadyDone());
        assertEquals(17, s.ran());
        assertEquals(RunFiles.csvWithoutTimings(ref), RunFiles.csvWithoutTimings(out));
        assertEquals(RunFiles.jsonlWithoutTimings(ref), RunFiles.jsonlWithoutTimings(out));
        assertFalse(Files.exists(out.resolve(".manifest.json.123.tmp")));
    }

    @Test
    void aDamagedLineInsideTheLogIsNotSilentlyDropped() throws IOException {
        Path out = tmp.resolve("out");
        run(plan(SPEC, Shard.ALL), out, 1);
        List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve("results.jsonl")));
        lines.set(3, "{\"point\": 1, broken");
        Files.write(out.resolve("results.jsonl"), lines, StandardCharsets.UTF_8);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(plan(SPEC, Shard.ALL), out, 1));
        assertEquals("directory", e.field());
        assertTrue(e.getMessage().contains("results.jsonl line 4 is damaged (not JSON)"), e.getMessage());
    }

    /**
     * The checkpoint hook: a method of 40 random steps saves its state after every step; a crash at step 7 of
     * point 1 leaves the checkpoint, the rerun continues from it, and every result equals the uninterrupted run.
     */
    @Test
    void aLongMethodResumesMidPointFromItsCheckpoint() throws IOException {
        String yaml = "seed: 5\nsweep: {parameters: {sites: {values: [2, 3, 4]}}}\nmethods: [{method: exact, label: steps}]\n"
                + "observables: [heat_current]\n";
        RunSpec spec = RunFiles.spec(yaml);
        Path ref = tmp.resolve("ref");
        BatchRunner.run(RunPlan.of(spec, Shard.ALL, List.of(new Steps(-1, -1, null))), options(ref));
        Path out = tmp.resolve("out");
        long crashSeed = Seeds.derive(5, 1, 0, 0);
        RuntimeException crash = assertThrows(RuntimeException.class,
                () -> BatchRunner.run(RunPlan.of(spec, Shard.ALL, List.of(new Steps(crashSeed, 7, null))), options(out)));
        assertEquals("simulated crash", crash.getMessage());
        assertEquals("failed", RunFiles.manifest(out).get("status").asText());
        Path cp = out.resolve("checkpoints/p1-s0-m0.json");
        assertTrue(Files.exists(cp));
        assertEquals(7, new com.fasterxml.jackson.databind.ObjectMapper().readTree(cp.toFile()).get("state").get("next").asInt());
        AtomicLong resumedAt = new AtomicLong(-1);
        BatchRunner.Summary s = BatchRunner.run(RunPlan.of(spec, Shard.ALL, List.of(new Steps(crashSeed, -1, resumedAt))), options(out));
        assertEquals(7, resumedAt.get(), "point 1 continued from step 7");
        assertTrue(s.alreadyDone() >= 1);
        assertEquals(RunFiles.jsonlWithoutTimings(ref), RunFiles.jsonlWithoutTimings(out));
        assertEquals(RunFiles.csvWithoutTimings(ref), RunFiles.csvWithoutTimings(out));
        assertFalse(Files.exists(out.resolve("checkpoints")));
    }

    @Test
    void checkpointSavesAreAtomicAndReadBack() throws IOException {
        Path file = tmp.resolve("c/p0-s0-m0.json");
        Files.createDirectories(file.getParent());
        Checkpoint c = Checkpoint.open(file, 0);
        assertTrue(c.state().isEmpty());
        assertTrue(c.due());
        ObjectNode state = JsonNodeFactory.instance.objectNode().put("next", 12).put("sum", 0.1 + 0.2);
        c.save(state);
        assertEquals(state, Checkpoint.open(file, 0).state().orElseThrow());
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "only the checkpoint, no temporary file");
        }
        Files.writeString(file, "{\"sta");
        List<String> warnings = new ArrayList<>();
        assertTrue(Checkpoint.open(file, 0, n -> { }, warnings::add).state().isEmpty(), "a torn checkpoint is no state");
        assertFalse(Files.exists(file), "and is discarded");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("p0-s0-m0.json is damaged (not JSON)"), warnings.get(0));
        assertFalse(Checkpoint.none().due());
    }

    /** A second process (here: a second lock holder) cannot write a directory that a run holds. */
    @Test
    void aDirectoryInUseIsRefused() throws IOException {
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(out.resolve(".lock"),
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
             java.nio.channels.FileLock held = ch.lock()) {
            var before = RunFiles.snapshot(out);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> run(plan(SPEC, Shard.ALL), out, 1));
            assertEquals("directory: " + out + " is in use by another qtraj run", e.getMessage());
            assertTrue(held.isValid());
            assertEquals(before, RunFiles.snapshot(out), "nothing written");
        }
        assertEquals(28, run(plan(SPEC, Shard.ALL), out, 1).ran(), "free again once the holder is gone");
    }

    /**
     * A read-only directory, or a read-only file a run appends to, is named before anything is written. Root may
     * write anywhere whatever the permissions say, so Files.isWritable is replaced by a stand-in here (the command
     * line test with a real chmod is RunDirectoryFaultsTest, skipped as root).
     */
    @Test
    void readOnlyDirectoriesAndFilesAreNamedBeforeAnythingIsWritten() throws IOException {
        Path out = tmp.resolve("out");
        run(plan(SPEC, Shard.ALL), out, 1);
        String advice = " is read-only: make it writable (e.g. chmod -R u+w " + out + ") or copy the directory to a "
                + "writable place and run there";
        Files.createDirectories(out.resolve("checkpoints"));
        for (String name : List.of("", "results.jsonl", "checkpoints", ".lock")) {
            Path readOnly = name.isEmpty() ? out.toAbsolutePath() : out.resolve(name).toAbsolutePath();
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> RunDirectory.requireWritable(out, "directory", p -> !p.toAbsolutePath().equals(readOnly)));
            assertEquals("directory: " + (name.isEmpty() ? out : out.resolve(name)) + advice, e.getMessage());
        }
        Path fresh = tmp.resolve("new/run");
        InvalidInputException parent = assertThrows(InvalidInputException.class,
                () -> RunDirectory.requireWritable(fresh, "directory", p -> !p.equals(tmp.toAbsolutePath())));
        assertTrue(parent.getMessage().startsWith("directory: " + tmp.toAbsolutePath() + " (where " + fresh
                + " would be created) is read-only"), parent.getMessage());
        RunDirectory.requireWritable(out, "directory", p -> true);
        // Replaced by a rename only: the directory's permission is what counts.
        RunDirectory.requireWritable(out, "directory", p -> !p.getFileName().toString().equals("manifest.json")
                && !p.getFileName().toString().equals("results.csv"));
        Files.delete(out.resolve("checkpoints"));

        Files.writeString(out.resolve("checkpoints"), "a file\n");
        var before = RunFiles.snapshot(out);
        InvalidInputException file = assertThrows(InvalidInputException.class, () -> run(plan(SPEC, Shard.ALL), out, 1));
        assertEquals("directory: " + out.resolve("checkpoints") + " is a file where a run keeps a directory: move it aside",
                file.getMessage());
        assertEquals(before, RunFiles.snapshot(out));
    }

    /** Every unit gets its own seed, and the same one in every shard and on every run. */
    @Test
    void unitSeedsAreDistinctAndShardIndependent() {
        RunSpec spec = RunFiles.spec(SPEC.replace("observables", "disorder: {samples: 30, seed: 4, hopping: [1, 2]}\nobservables"));
        Set<Long> seeds = new HashSet<>();
        Map<TaskKey, Long> byKey = new java.util.HashMap<>();
        for (Task t : RunPlan.of(spec, Shard.ALL).tasks()) {
            assertTrue(seeds.add(t.seed()), "seed repeated at " + t.key());
            byKey.put(t.key(), t.seed());
        }
        assertEquals(14 * 30 * 2, seeds.size());
        for (Task t : RunPlan.of(spec, new Shard(2, 3)).tasks()) {
            assertEquals(byKey.get(t.key()), t.seed());
        }
        assertEquals(Seeds.derive(99, 3, 1, 0), byKey.get(new TaskKey(3, 1, 0)));
    }

    private static BatchRunner.Options options(Path out) {
        return new BatchRunner.Options(out, false, 1, PROV, BatchRunner.Progress.NONE, 0);
    }

    /**
     * A test method standing in for trajectories: 40 steps, step i adds a uniform number from its own stream
     * (seed, i); the state {next, sum} is checkpointed after every step. With crashAt >= 0 the point of seed crashSeed
     * fails at that step; resumedAt receives the step at which the point of seed crashSeed resumed.
     */
    private record Steps(long crashSeed, int crashAt, AtomicLong resumedAt) implements PointMethod {
        @Override
        public String label() {
            return "steps";
        }

        @Override
        public PointResult run(Chain chain, long seed, Checkpoint checkpoint, int threads) throws IOException {
            int next = 0;
            double sum = 0;
            if (checkpoint.state().isPresent()) {
                next = checkpoint.state().get().get("next").asInt();
                sum = checkpoint.state().get().get("sum").asDouble();
                // Only the crashed point: the next point may also have started before the pool was shut down,
                // and left a checkpoint of its own when the shutdown interrupted its save.
                if (resumedAt != null && seed == crashSeed) {
                    resumedAt.set(next);
                }
            }
            for (; next < 40; ) {
                if (seed == crashSeed && next == crashAt) {
                    throw new IllegalStateException("simulated crash");
                }
                UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(Seeds.derive(seed, next));
                sum += rng.nextDouble() * chain.sites();
                next++;
                if (checkpoint.due()) {
                    checkpoint.save(JsonNodeFactory.instance.objectNode().put("next", next).put("sum", sum));
                }
            }
            return new PointResult(Map.of("heat_current", new Estimate(sum / 40, 0.1, 40)), Map.of("sum", sum));
        }
    }
}
