package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.batch.RunFiles;

/**
 * (g) Two {@code qtraj run} processes (real JVMs) started at the same moment on one new directory: the directory's
 * lock lets exactly one run; the other exits with code 2 and one line saying the directory is in use, having
 * written nothing (no interruption counted, no results of its own). The run takes a few seconds (600 units, an
 * fsync each), far longer than the difference in the two JVMs' start-up.
 */
class TwoRunsOneDirectoryTest {
    private static final String SPEC = """
            name: two-runs
            seed: 2025
            model: {omega: 1, coupling: 1}
            sweep: {parameters: {sites: {range: [2, 61, 60], integer: true}, dephasing: {range: [0, 2, 10]}}}
            methods: [{method: exact, solver: auto}]
            observables: [heat_current]
            """;

    @TempDir
    Path tmp;

    @Test
    void twoRunsStartedTogetherOnOneDirectoryOneRunsTheOtherIsRefused() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        Path out = tmp.resolve("out");
        Process a = start(spec, out, "a");
        Process b = start(spec, out, "b");
        assertTrue(a.waitFor(120, TimeUnit.SECONDS) && b.waitFor(120, TimeUnit.SECONDS), "both ended");
        String[] names = a.exitValue() == 0 ? new String[] {"a", "b"} : new String[] {"b", "a"};
        String winner = names[0];
        String loser = names[1];
        assertEquals(List.of(0, 2), List.of((winner.equals("a") ? a : b).exitValue(), (loser.equals("a") ? a : b).exitValue()),
                "exactly one ran: a: " + a.exitValue() + " " + Files.readString(tmp.resolve("a.err")) + "; b: "
                        + b.exitValue() + " " + Files.readString(tmp.resolve("b.err")));
        assertEquals("qtraj: --out: " + out + " is in use by another qtraj run\n", Files.readString(tmp.resolve(loser + ".err")));
        assertEquals("", Files.readString(tmp.resolve(loser + ".out")));
        assertTrue(Files.readString(tmp.resolve(winner + ".out")).contains("0 already done, 600 run now"),
                Files.readString(tmp.resolve(winner + ".out")));

        JsonNode m = RunFiles.manifest(out);
        assertEquals("complete", m.get("status").asText());
        assertEquals(600, m.get("tasks_done").asInt());
        assertFalse(m.has("interruptions"), "the refused run counted no interruption: " + m);
        List<String> lines = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(600, lines.size());
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < lines.size(); i++) {
            assertEquals(i, mapper.readTree(lines.get(i)).get("point").asInt(), "each unit once, in order");
        }
    }

    private Process start(Path spec, Path out, String name) throws IOException {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.qtraj.cli.Main", "run", spec.toString(), "--out", out.toString());
        return new ProcessBuilder(cmd).redirectOutput(tmp.resolve(name + ".out").toFile())
                .redirectError(tmp.resolve(name + ".err").toFile()).start();
    }
}
