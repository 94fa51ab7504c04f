package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.batch.RunFiles;

/**
 * The crash test: {@code qtraj run} in a real separate JVM is killed with SIGKILL
 * (Process.destroyForcibly) at random moments several times and resumed each time; the final results.csv and
 * results.jsonl must equal, up to the timing columns, those of an uninterrupted run. After every kill the
 * manifest must be a complete JSON document (atomic writes) and every complete line of results.jsonl valid.
 *
 * <p>The moments are drawn with a fixed seed as amounts of progress (bytes of results.jsonl) rather than times,
 * so that every kill lands inside the work on a fast or a slow machine; each unit costs an fsync (~5 ms here),
 * so 400 units take a few seconds per run and the whole test about 15 s.
 */
class KillResumeTest {
    private static final String SPEC = """
            name: kill-test
            seed: 2024
            model: {omega: 1, coupling: 1}
            sweep: {parameters: {sites: {range: [2, 41, 40], integer: true}, dephasing: {range: [0, 2, 10]}}}
            methods: [{method: exact, solver: auto}]
            observables: [heat_current, particle_current]
            """;
    private static final int KILLS = 3;

    @TempDir
    Path tmp;

    @Test
    void killedAndResumedRunsEqualAnUninterruptedRun() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path ref = tmp.resolve("ref");
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", ref.toString());
        assertEquals(0, r.exitCode(), r.err());
        long total = Files.size(ref.resolve("results.jsonl"));

        Path out = tmp.resolve("out");
        Random moments = new Random(20261125L);
        int interrupted = 0;
        List<String> log = new ArrayList<>();
        // First a kill at a random time soon after the start: during JVM start-up, validation or the first
        // manifest write, whichever it hits.
        Process early = start(spec, out, new String[0]);
        Thread.sleep(50 + moments.nextInt(550));
        early.destroyForcibly();
        assertTrue(early.waitFor(30, TimeUnit.SECONDS));
        log.add("early kill at " + sizeOf(out.resolve("results.jsonl")) + " bytes");
        checkCrashInvariants(out);
        for (int k = 0; k < KILLS; k++) {
            long before = sizeOf(out.resolve("results.jsonl"));
            long target = before + 1 + (long) (moments.nextDouble() * (total - before) / 2);
            Process p = start(spec, out, k == 0 ? new String[0] : new String[] {"--threads", "2"});
            while (p.isAlive() && sizeOf(out.resolve("results.jsonl")) < target) {
                Thread.sleep(3);
            }
            boolean alive = p.isAlive();
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            long after = sizeOf(out.resolve("results.jsonl"));
            log.add("kill " + k + ": " + (alive ? "mid-run" : "after exit " + p.exitValue()) + " at " + after + " of ~" + total + " bytes");
            if (alive) {
                interrupted++;
            }
            checkCrashInvariants(out);
        }
        System.out.println("KillResumeTest: " + log);
        assertTrue(interrupted >= KILLS - 1, "the kills must land inside the work: " + log);

        Process last = start(spec, out, new String[] {"--resume"});
        assertTrue(last.waitFor(60, TimeUnit.SECONDS), "final resume finished");
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
        assertEquals("complete", RunFiles.manifest(out).get("status").asText());
        assertEquals(RunFiles.csvWithoutTimings(ref), RunFiles.csvWithoutTimings(out), String.join("; ", log));
        assertEquals(RunFiles.jsonlWithoutTimings(ref), RunFiles.jsonlWithoutTimings(out));
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary file left");
        }
    }

    /**
     * A trajectory point killed (SIGKILL) after its first mid-point checkpoint, then resumed: the result equals an
     * uninterrupted run bit for bit (the checkpoint holds the merged accumulators and the next trajectory index).
     * The kill waits for the checkpoint file (written every second with --checkpoint-seconds 1; the point takes about
     * 4 s of CPU), so it lands mid-point on any machine.
     */
    @Test
    void trajectoryPointKilledAfterACheckpointResumesExactly() throws Exception {
        Path spec = tmp.resolve("traj.yaml");
        Files.writeString(spec, """
                name: kill-trajectories
                seed: 77
                model: {sites: 4}
                methods: [{method: trajectories, trajectories: 24000}]
                observables: [heat_current, particle_current]
                """);
        Path ref = tmp.resolve("traj-ref");
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", ref.toString());
        assertEquals(0, r.exitCode(), r.err());

        Path out = tmp.resolve("traj-out");
        Process p = start(spec, out, new String[] {"--checkpoint-seconds", "1"});
        Path checkpoints = out.resolve("checkpoints");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline && !hasFile(checkpoints)) {
            Thread.sleep(20);
        }
        boolean killedMidPoint = p.isAlive() && hasFile(checkpoints);
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(killedMidPoint, "the kill must come after a checkpoint and before the point finished");
        assertFalse(Files.exists(out.resolve("results.jsonl")) && Files.size(out.resolve("results.jsonl")) > 0,
                "the point was not finished when killed");

        Process last = start(spec, out, new String[] {"--resume"});
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "resume finished");
        assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
        assertEquals(RunFiles.csvWithoutTimings(ref), RunFiles.csvWithoutTimings(out));
        assertEquals(RunFiles.jsonlWithoutTimings(ref), RunFiles.jsonlWithoutTimings(out));
    }

    /**
     * Issue 16: one long gaussian trajectory (N = 200, dephased, t in [0, 600]: about 3 s of CPU in the child JVM)
     * killed (SIGKILL) after a checkpoint inside it (every 0.2 s with --checkpoint-seconds; the first one the test sees
     * is at t = 100..400), then resumed from that snapshot: results.csv and results.jsonl equal an uninterrupted
     * run's bit for bit (up to the timing columns), the resume uses the snapshot (no warning) and leaves no
     * checkpoint behind.
     */
    @Test
    void aGaussianTrajectoryKilledAfterACheckpointInsideItResumesExactly() throws Exception {
        Path spec = tmp.resolve("gauss.yaml");
        Files.writeString(spec, """
                name: kill-gaussian
                seed: 16
                model: {sites: 200, dephasing: 0.5}
                methods: [{method: trajectories, engine: gaussian, trajectories: 1, t_total: 600, t_burn: 100}]
                observables: [heat_current, particle_current, entanglement_entropy]
                """);
        Path ref = tmp.resolve("gauss-ref");
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", ref.toString());
        assertEquals(0, r.exitCode(), r.err());

        Path out = tmp.resolve("gauss-out");
        String[] often = {"--checkpoint-seconds", "0.2"};
        Process p = start(spec, out, often);
        Path checkpoints = out.resolve("checkpoints");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        double time = -1;
        while (p.isAlive() && System.nanoTime() < deadline && time <= 0) {
            Thread.sleep(20);
            time = snapshotTime(checkpoints);
        }
        boolean killedInside = p.isAlive() && time > 0;
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(killedInside, "the kill must come after a checkpoint inside the trajectory and before its end");
        assertFalse(Files.exists(out.resolve("results.jsonl")) && Files.size(out.resolve("results.jsonl")) > 0,
                "the trajectory was not finished when killed");

        Process last = start(spec, out, new String[] {"--resume", "--checkpoint-seconds", "0.2"});
        assertTrue(last.waitFor(120, TimeUnit.SECONDS), "resume finished");
        String err = Files.readString(tmp.resolve("stderr.txt"));
        assertEquals(0, last.exitValue(), err);
        assertFalse(err.contains("warning"), "the snapshot was used: " + err);
        System.out.println("KillResumeTest (gaussian): killed after a snapshot at t = " + time + " of 600");
        assertEquals(RunFiles.csvWithoutTimings(ref), RunFiles.csvWithoutTimings(out));
        assertEquals(RunFiles.jsonlWithoutTimings(ref), RunFiles.jsonlWithoutTimings(out));
        assertFalse(hasFile(checkpoints), "the checkpoint is removed once the result is recorded");
    }

    /** The trajectory time of the snapshot in a checkpoint of {@code dir}, or -1 if there is none. */
    private static double snapshotTime(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return -1;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    JsonNode t = new ObjectMapper().readTree(f.toFile()).path("state").path("trajectory");
                    if (t.has("time")) {
                        return t.get("time").asDouble();
                    }
                } catch (IOException gone) {
                    // replaced or removed while listed: look again next time
                }
            }
        }
        return -1;
    }

    /**
     * One point whose 2000 classical trajectories are split into 40 blocks, run as two shards: shard 1 is killed
     * (SIGKILL) twice at random moments after some of its blocks are logged, merge refuses it as interrupted, it is
     * resumed, and the merge of both shards equals an unsharded run of the same spec bit for bit.
     */
    @Test
    void shardedSplitPointKilledAndResumedMergesToTheUnshardedRun() throws Exception {
        Path spec = tmp.resolve("split.yaml");
        Files.writeString(spec, """
                name: kill-split
                seed: 31
                model: {sites: 20}
                methods: [{method: classical, trajectories: 2000, blocks: 40}]
                observables: [heat_current, particle_current]
                """);
        Path ref = tmp.resolve("split-ref");
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", ref.toString(), "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        long total = Files.size(ref.resolve("blocks.jsonl")) / 2; // shard 1 logs half of the blocks

        Path one = tmp.resolve("split-1");
        Random moments = new Random(20261130L);
        List<String> log = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            long before = sizeOf(one.resolve("blocks.jsonl"));
            long target = before + 1 + (long) (moments.nextDouble() * (total - before) / 2);
            Process p = start(spec, one, new String[] {"--shard", "1/2"});
            while (p.isAlive() && sizeOf(one.resolve("blocks.jsonl")) < target) {
                Thread.sleep(3);
            }
            assertTrue(p.isAlive(), "the kill must land inside the work");
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            log.add("kill " + k + " at " + sizeOf(one.resolve("blocks.jsonl")) + " of ~" + total + " bytes");
        }
        Path two = tmp.resolve("split-2");
        assertEquals(0, CliRunner.run("run", spec.toString(), "--out", two.toString(), "--shard", "2/2").exitCode());
        CliRunner refused = CliRunner.run("merge", one.toString(), two.toString(), "--out", tmp.resolve("m0").toString());
        assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("status interrupted"), refused.err());

        Process resume = start(spec, one, new String[] {"--shard", "1/2", "--resume"});
        assertTrue(resume.waitFor(120, TimeUnit.SECONDS), "resume finished");
        assertEquals(0, resume.exitValue(), Files.readString(tmp.resolve("stderr.txt")));
        assertEquals(2, RunFiles.manifest(one).get("interruptions").asInt(), "both kills counted");
        Path merged = tmp.resolve("split-merged");
        CliRunner m = CliRunner.run("merge", one.toString(), two.toString(), "--out", merged.toString());
        assertEquals(0, m.exitCode(), m.err());
        System.out.println("KillResumeTest (split point): " + log);
        assertEquals(RunFiles.jsonlWithoutTimings(ref), RunFiles.jsonlWithoutTimings(merged), String.join("; ", log));
        assertEquals(RunFiles.csvWithoutTimings(ref), RunFiles.csvWithoutTimings(merged));
        assertEquals(RunFiles.blocksWithoutTimings(ref), RunFiles.blocksWithoutTimings(merged));
    }

    private static boolean hasFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".json"));
        }
    }

    private Process start(Path spec, Path out, String[] extra) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.qtraj.cli.Main", "run", spec.toString(), "--out", out.toString()));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectOutput(tmp.resolve("stdout.txt").toFile())
                .redirectError(tmp.resolve("stderr.txt").toFile()).start();
    }

    /** What a crash may leave: a whole manifest, whole JSON lines and at most a partial last line. */
    private static void checkCrashInvariants(Path out) throws IOException {
        if (!Files.exists(out.resolve("manifest.json"))) {
            return;
        }
        JsonNode m = RunFiles.manifest(out);
        assertTrue(m.has("spec_sha256") && m.has("status"), "manifest is complete: " + m);
        Path jsonl = out.resolve("results.jsonl");
        if (!Files.exists(jsonl)) {
            return;
        }
        String text = Files.readString(jsonl, StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            assertTrue(mapper.readTree(lines[i]).has("observables"), "line " + (i + 1));
        }
    }

    private static long sizeOf(Path f) {
        try {
            return Files.exists(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
