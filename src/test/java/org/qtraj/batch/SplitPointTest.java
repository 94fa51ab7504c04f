package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.ExactMethod;

/**
 * Points whose trajectories are split into blocks ({@code blocks: K}): the blocks are dealt over the shards, and a
 * merge of the shards gives exactly the unsharded run; blocking changes the estimates only by rounding; a crash
 * between the last block and the unit's record loses nothing.
 */
class SplitPointTest {
    /** Two points, classical (5 blocks) and quantum (3 blocks) trajectories, a whole exact method beside them. */
    static final String SPEC = """
            name: split
            seed: 7
            model: {omega: 1, coupling: 1, dephasing: 0.5}
            sweep: {parameters: {sites: {values: [2, 3]}}}
            methods:
              - {method: classical, trajectories: 1000, blocks: 5}
              - {method: trajectories, trajectories: 90, blocks: 3, t_total: 40, t_burn: 8}
              - {method: exact, solver: rate}
            observables: [heat_current, particle_current]
            """;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void blocksAreDealtOverTheShardsAndEachTaskIsInExactlyOne() {
        RunSpec spec = RunFiles.spec(SPEC);
        // per point: 5 classical blocks, 3 quantum blocks, 1 exact unit
        assertEquals(2 * (5 + 3 + 1), RunPlan.of(spec, Shard.ALL).tasks().size());
        for (int n = 1; n <= 6; n++) {
            Set<String> seen = new HashSet<>();
            for (int i = 1; i <= n; i++) {
                for (Task t : RunPlan.of(spec, new Shard(i, n)).tasks()) {
                    assertTrue(seen.add(t.fileStem()), "twice: " + t.fileStem() + " in " + i + "/" + n);
                    int expected = (t.key().point() + (t.isBlock() ? t.block() : 0)) % n;
                    assertEquals(i - 1, expected, t.fileStem());
                }
            }
            assertEquals(18, seen.size(), "n = " + n);
        }
        // A single point split 4 ways over 4 shards: one block each.
        RunSpec one = RunFiles.spec("seed: 1\nmethods: [{method: classical, trajectories: 40, blocks: 4}]\n");
        for (int i = 1; i <= 4; i++) {
            List<Task> tasks = RunPlan.of(one, new Shard(i, 4)).tasks();
            assertEquals(1, tasks.size());
            assertEquals(i - 1, tasks.get(0).block());
        }
    }

    @Test
    void mergeOfShardsEqualsTheUnshardedRunBitForBit() throws IOException {
        Path whole = tmp.resolve("whole");
        BatchRunner.Summary s = BatchRunnerTest.run(plan(Shard.ALL), whole, 2);
        assertEquals(18, s.ran());
        for (int n : new int[] {2, 3}) {
            List<Path> parts = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                Path p = tmp.resolve(n + "-part" + i);
                BatchRunnerTest.run(plan(new Shard(i, n)), p, 1);
                parts.add(p);
            }
            Path merged = tmp.resolve("merged" + n);
            Merger.Summary m = Merger.merge(parts, merged, new Provenance("test", null, "17"));
            assertEquals(6, m.records());
            assertEquals(RunFiles.jsonlWithoutTimings(whole), RunFiles.jsonlWithoutTimings(merged), "n = " + n);
            assertEquals(RunFiles.csvWithoutTimings(whole), RunFiles.csvWithoutTimings(merged), "n = " + n);
            assertEquals(RunFiles.blocksWithoutTimings(whole), RunFiles.blocksWithoutTimings(merged), "n = " + n);
            JsonNode manifest = RunFiles.manifest(merged);
            assertEquals(18, manifest.get("tasks").asInt());
            assertEquals(18, manifest.get("tasks_done").asInt());
            InvalidInputException missing = assertThrows(InvalidInputException.class,
                    () -> Merger.merge(parts.subList(1, n), tmp.resolve("bad" + n), new Provenance("test", null, "17")));
            assertTrue(missing.getMessage().contains("units are missing"), missing.getMessage());
        }
        assertEquals(16, RunFiles.blocksWithoutTimings(whole).size());
        JsonNode record = RunFiles.jsonlWithoutTimings(whole).get(0);
        assertEquals(5, record.get("result").get("blocks").asInt());
        assertEquals(1000, record.get("result").get("trajectories").asInt());
        assertEquals(1000, record.get("observables").get("heat_current").get("samples").asInt());
    }

    /**
     * Blocked and unblocked runs fold the same trajectories (trajectory i has stream (seed, i) either way); only the
     * order of floating-point merging differs, so the estimates agree to rounding (1e-12 relative).
     */
    @Test
    void blockingChangesTheEstimatesOnlyByRounding() throws IOException {
        String unblocked = SPEC.replace(", blocks: 5", "").replace(", blocks: 3", "");
        BatchRunnerTest.run(plan(Shard.ALL), tmp.resolve("blocked"), 2);
        BatchRunnerTest.run(RunPlan.of(RunFiles.spec(unblocked), Shard.ALL), tmp.resolve("plain"), 2);
        List<JsonNode> a = RunFiles.jsonlWithoutTimings(tmp.resolve("blocked"));
        List<JsonNode> b = RunFiles.jsonlWithoutTimings(tmp.resolve("plain"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            for (String obs : new String[] {"heat_current", "particle_current"}) {
                JsonNode x = a.get(i).get("observables").get(obs);
                JsonNode y = b.get(i).get("observables").get(obs);
                assertEquals(y.get("samples").asLong(), x.get("samples").asLong());
                assertEquals(y.get("value").asDouble(), x.get("value").asDouble(), 1e-12 * Math.abs(y.get("value").asDouble()));
                assertEquals(y.get("error").asDouble(), x.get("error").asDouble(), 1e-10 * y.get("error").asDouble());
            }
        }
    }

    /**
     * The merged classical estimate against the rate equations (an independent closed-form solver): |z| < 4, false
     * alarm about 6e-5 per comparison, fixed seed.
     */
    @Test
    void theCombinedEstimateIsUnbiased() throws IOException {
        RunPlan plan = plan(Shard.ALL);
        BatchRunnerTest.run(plan, tmp.resolve("run"), 2);
        for (JsonNode r : RunFiles.jsonlWithoutTimings(tmp.resolve("run"))) {
            if (!r.get("method").asText().equals("classical")) {
                continue;
            }
            int point = r.get("point").asInt();
            Task task = plan.tasks().stream().filter(t -> t.key().point() == point).findFirst().orElseThrow();
            double exact = ExactMethod.RATE.solve(task.model().build()).heatCurrentLeft();
            int sites = r.get("parameters").get("sites").asInt();
            JsonNode e = r.get("observables").get("heat_current");
            double z = (e.get("value").asDouble() - exact) / e.get("error").asDouble();
            assertTrue(Math.abs(z) < 4, "N = " + sites + ": z = " + z);
        }
    }

    /** The last block is logged, then the process dies before the unit's record: the rerun makes the record. */
    @Test
    void aCrashBetweenTheLastBlockAndTheUnitRecordLosesNothing() throws IOException {
        Path ref = tmp.resolve("ref");
        BatchRunnerTest.run(plan(Shard.ALL), ref, 1);
        Path out = tmp.resolve("out");
        BatchRunnerTest.run(plan(Shard.ALL), out, 1);
        // Keep only the exact records: both split units of both points lose their record; tear the last block line.
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("results.jsonl"))) {
            if (MAPPER.readTree(line).get("method").asText().startsWith("exact")) {
                kept.add(line);
            }
        }
        Files.writeString(out.resolve("results.jsonl"), String.join("\n", kept) + "\n");
        List<String> blocks = Files.readAllLines(out.resolve("blocks.jsonl"));
        String last = blocks.get(blocks.size() - 1);
        Files.writeString(out.resolve("blocks.jsonl"), String.join("\n", blocks.subList(0, blocks.size() - 1)) + "\n"
                + last.substring(0, last.length() / 2));
        BatchRunner.Summary s = BatchRunnerTest.run(plan(Shard.ALL), out, 2);
        assertEquals(1, s.ran(), "only the torn block runs again");
        assertEquals(RunFiles.jsonlWithoutTimings(ref), RunFiles.jsonlWithoutTimings(out));
        assertEquals(RunFiles.csvWithoutTimings(ref), RunFiles.csvWithoutTimings(out));
        assertEquals(RunFiles.blocksWithoutTimings(ref), RunFiles.blocksWithoutTimings(out));
        assertFalse(Files.exists(out.resolve("checkpoints")));
    }

    /** The progress display hears of every trajectory once, and of every task once. */
    @Test
    void progressCountsEveryTrajectoryAndTask() throws IOException {
        java.util.concurrent.atomic.AtomicLong trajectories = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong steps = new java.util.concurrent.atomic.AtomicLong();
        BatchRunner.Progress counting = new BatchRunner.Progress() {
            @Override
            public void start(long total, long done) {
            }

            @Override
            public void step() {
                steps.incrementAndGet();
            }

            @Override
            public void close() {
            }

            @Override
            public void trajectories(long count) {
                trajectories.addAndGet(count);
            }
        };
        BatchRunner.run(plan(Shard.ALL), new BatchRunner.Options(tmp.resolve("p"), false, 2,
                new Provenance("test", null, "17"), counting, Checkpoint.DEFAULT_INTERVAL_NANOS));
        assertEquals(2 * (1000 + 90), trajectories.get());
        assertEquals(18, steps.get());
    }

    @Test
    void badBlockSettingsAreRefusedNamingTheKey() {
        String[][] cases = {
                {"{method: classical, target_error: 0.05, blocks: 2}", "instead of target_error"},
                {"{method: classical, blocks: 2}", "needs trajectories"},
                {"{method: trajectories, trajectories: 3, blocks: 4}", "at most trajectories (3)"},
                {"{method: classical, trajectories: 10, blocks: 0}", "from 1 to"},
                {"{method: classical, trajectories: 10, blocks: 1.5}", ""},
                {"{method: exact, blocks: 2}", ""},
        };
        for (String[] c : cases) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> RunPlan.of(RunFiles.spec("methods: [" + c[0] + "]\n"), Shard.ALL), c[0]);
            assertEquals("methods[1].blocks", e.field(), c[0] + ": " + e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
        }
    }

    private static RunPlan plan(Shard shard) {
        return RunPlan.of(RunFiles.spec(SPEC), shard);
    }
}
