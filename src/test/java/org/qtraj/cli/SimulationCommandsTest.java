package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** simulate and classical through the real command line: determinism, JSON keys, z-scores, bad options. */
class SimulationCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode withoutTiming(String json) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(json);
        doc.remove("elapsed_seconds");
        doc.remove("threads");
        return doc;
    }

    /** Issue 4 and 5: 1, 2 and 4 threads give bit-identical JSON, timing fields aside. */
    @ParameterizedTest
    @ValueSource(strings = {"simulate", "classical"})
    void threadCountDoesNotChangeTheNumbers(String command) throws IOException {
        JsonNode one = null;
        for (String threads : new String[] {"1", "2", "4"}) {
            CliRunner r = CliRunner.run(command, "--sites", "3", "--dephasing", "0.5", "--trajectories", "60",
                    "--seed", "7", "--threads", threads, "--json");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode doc = withoutTiming(r.out());
            if (one == null) {
                one = doc;
            } else {
                assertEquals(one, doc, "threads = " + threads);
            }
        }
        assertEquals(60, one.get("trajectories").asLong());
        assertEquals(7, one.get("seed").asLong());
        for (String key : new String[] {"method", "sites", "heat_current", "particle_current", "t_total", "t_burn", "exact", "z"}) {
            assertTrue(one.has(key), key);
        }
        JsonNode heat = one.get("heat_current");
        assertTrue(heat.has("mean") && heat.has("stderr") && heat.has("samples"), heat.toString());
    }

    /**
     * The default model against its closed form (0.0895544364 for N = 4, gamma = 0.5 in PHYSICS.md): |z| < 4 for both
     * heat estimators, seed 3, 500 trajectories; false alarm about 1.3e-4 for the pair.
     */
    @Test
    void simulateReportsTheExactValueAndASmallZ() throws IOException {
        CliRunner r = CliRunner.run("simulate", "--dephasing", "0.5", "--trajectories", "500", "--seed", "3", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(0.0895544364, doc.get("exact").get("heat_current").asDouble(), 1e-10);
        assertTrue(Math.abs(doc.get("z").get("heat_current").asDouble()) < 4, doc.get("z").toString());
        assertTrue(Math.abs(doc.get("z").get("local_heat_current").asDouble()) < 4, doc.get("z").toString());
    }

    @Test
    void targetErrorStopsAtTheRequestedRelativeError(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("c.json");
        CliRunner r = CliRunner.run("classical", "--sites", "5", "--target-error", "2%", "--seed", "5", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(Files.readString(out));
        JsonNode heat = doc.get("heat_current");
        assertTrue(heat.get("stderr").asDouble() <= 0.02 * Math.abs(heat.get("mean").asDouble()), heat.toString());
        assertEquals("target_error", doc.get("stop_reason").asText());
        assertTrue(r.out().contains("heat_current"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "simulate --trajectories -5                | trajectories",
        "simulate --trajectories 0                 | trajectories",
        "simulate --t-total 10 --t-burn 10         | t-total",
        "simulate --t-total 5 --t-burn 10          | t-total",
        "simulate --t-burn 3                       | t-burn",
        "simulate --target-error 0                 | target-error",
        "simulate --target-error -1%               | target-error",
        "simulate --target-error abc               | target-error",
        "simulate --threads 0                      | threads",
        "simulate --time-limit 0                   | time-limit",
        "classical --t-total -1 --t-burn 0         | t-total",
        "classical --sites 1                       | sites",
    })
    void badOptionsExitWithCode2(String args, String field) {
        CliRunner r = CliRunner.run(args.trim().split("\\s+"));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains(field.trim()), r.err());
        assertEquals("", r.out());
    }
}
