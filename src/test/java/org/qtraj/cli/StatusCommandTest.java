package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qtraj status}: counts from the logs, interrupted runs, checkpoints in progress, read-only. */
class StatusCommandTest {
    private static final String SPEC = """
            name: status
            seed: 5
            sweep: {parameters: {sites: {values: [2, 3, 4]}}}
            methods:
              - {method: exact, solver: rate}
              - {method: classical, trajectories: 60, blocks: 3}
            observables: [heat_current]
            """;

    @TempDir
    Path tmp;

    @Test
    void countsTasksOfCompleteAndInterruptedShards() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path one = tmp.resolve("s1");
        Path two = tmp.resolve("s2");
        assertEquals(0, CliRunner.run("run", spec.toString(), "--shard", "1/2", "--out", one.toString()).exitCode());
        assertEquals(0, CliRunner.run("run", spec.toString(), "--shard", "2/2", "--out", two.toString()).exitCode());
        // Shard 1: points 0 and 2 (exact), blocks b of point p with (p + b) even: p0 b0, b2; p1 b1; p2 b0, b2 -> 7 tasks.
        // Shard 2: point 1 (exact), p0 b1; p1 b0, b2; p2 b1 -> 5 tasks.
        CliRunner r = CliRunner.run("status", one.toString(), two.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("7/7"), r.out());
        assertTrue(r.out().contains("5/5"), r.out());
        assertTrue(r.out().contains("12/12 tasks done (100.0%)"), r.out());

        // Make shard 2 look killed mid-run: manifest "running" (no process holds the lock), one block line lost and
        // a torn line at the end of blocks.jsonl, a checkpoint in progress.
        Path manifest = two.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"status\" : \"complete\"", "\"status\" : \"running\""));
        List<String> blocks = Files.readAllLines(two.resolve("blocks.jsonl"));
        String torn = String.join("\n", blocks.subList(0, blocks.size() - 1)) + "\n" + "{\"point\":2,\"sam";
        Files.writeString(two.resolve("blocks.jsonl"), torn);
        Files.createDirectories(two.resolve("checkpoints"));
        Files.writeString(two.resolve("checkpoints/p2-s0-m1-b1.json"), "{\"state\":{\"next_index\":33}}\n");
        long sizeBefore = Files.size(two.resolve("blocks.jsonl"));

        CliRunner j = CliRunner.run("status", "--json", two.toString());
        assertEquals(0, j.exitCode(), j.err());
        JsonNode d = new ObjectMapper().readTree(j.out()).get("directories").get(0);
        assertEquals("interrupted", d.get("status").asText());
        assertEquals(5, d.get("tasks").asInt());
        assertEquals(4, d.get("tasks_done").asInt(), "the lost block is not done, the torn line is ignored");
        assertEquals(33, d.get("in_progress").get("p2-s0-m1-b1").asInt());
        assertEquals(sizeBefore, Files.size(two.resolve("blocks.jsonl")), "status reads only: the torn line stays");
        assertTrue(d.path("trajectory_time").isMissingNode(), "no checkpoint holds a trajectory in progress");

        // A checkpoint of a long trajectory in progress (the form MidTrajectoryCheckpointTest reads off a real one:
        // state.trajectory.{index, time}): status shows the time that trajectory reached.
        Files.writeString(two.resolve("checkpoints/p2-s0-m1-b1.json"),
                "{\"state\":{\"next_index\":33,\"trajectory\":{\"index\":33,\"time\":812.5}}}\n");
        JsonNode t = new ObjectMapper().readTree(CliRunner.run("status", "--json", two.toString()).out())
                .get("directories").get(0);
        assertEquals(812.5, t.get("trajectory_time").get("p2-s0-m1-b1").asDouble());
        CliRunner table = CliRunner.run("status", two.toString());
        assertTrue(table.out().contains("p2-s0-m1-b1 (33, t = 812.500)"), table.out());

        CliRunner bad = CliRunner.run("status", tmp.resolve("nothing").toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode());
        assertTrue(bad.err().contains("not a qtraj run directory"), bad.err());
    }
}
