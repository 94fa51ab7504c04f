package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code qtraj cloning}: table and JSON keys, the exact reference, thread independence, one-line refusals. */
class CloningCommandTest {
    @TempDir
    Path dir;

    private static final String[] SMALL = {"cloning", "--classical", "--sites", "3", "--fields", "-1:1:3", "--clones",
        "10,20", "--populations", "3", "--t-total", "40", "--t-burn", "10", "--json"};

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void jsonHasThetaErrorsBiasAndExactAndDoesNotDependOnThreads() throws IOException {
        CliRunner one = CliRunner.run(with(SMALL, "--threads", "1"));
        assertEquals(0, one.exitCode(), one.err());
        JsonNode a = new ObjectMapper().readTree(one.out());
        JsonNode b = new ObjectMapper().readTree(CliRunner.run(with(SMALL, "--threads", "2")).out());
        for (String key : List.of("method", "engine", "sites", "counting_bath", "fields", "clones", "populations", "step",
                "t_burn", "t_total", "measured_time", "seed", "theta", "theta_error", "theta_bias", "theta_by_size",
                "exact_theta", "z")) {
            assertTrue(a.has(key), key + " in " + a);
        }
        assertEquals(3, a.get("theta").size());
        assertEquals(2, a.get("theta_by_size").size());
        assertEquals(20, a.get("theta_by_size").get(1).get("clones").asInt());
        // s = 0: theta = 0 exactly, and the exact value (leading eigenvalue) too
        assertEquals(0, a.get("theta").get(1).asDouble(), 0);
        assertEquals(0, a.get("exact_theta").get(1).asDouble(), 1e-12);
        // the exact theta(1) of the classical N = 3 default chain (LargeDeviations, tested against the dense 2^N matrix)
        assertEquals(0.119049193, a.get("exact_theta").get(2).asDouble(), 1e-8);
        for (JsonNode d : List.of(a, b)) {
            ((ObjectNode) d).remove(List.of("threads", "elapsed_seconds"));
        }
        assertEquals(a, b);
    }

    @Test
    void tableShowsTheExtrapolationAndTheBias() {
        CliRunner r = CliRunner.run("cloning", "--sites", "2", "--fields", "0.5", "--clones", "5,10", "--populations",
                "2", "--t-total", "20", "--t-burn", "5", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        for (String s : List.of("cloning (trajectories)", "theta(M=10)", "bias", "exact", "extrapolated")) {
            assertTrue(r.out().contains(s), s + " in\n" + r.out());
        }
    }

    @Test
    void benchMeasuresCloningWhenAsked() throws IOException {
        CliRunner r = CliRunner.run("bench", "--sites", "2", "--classical-sites", "10", "--seconds", "0.01", "--cloning",
                "2,10", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode d = new ObjectMapper().readTree(r.out());
        assertEquals(2, d.get("cloning").size());
        assertTrue(d.get("cloning").get(1).get("clone_steps_per_second_1_thread").asDouble() > 0);
        JsonNode one = d.get("cloning_one_percent");
        assertTrue(one.get("populations").asInt() >= 1, one.toString());
        assertEquals(2, CliRunner.run("bench", "--cloning", "1,50").exitCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--fields=10.5", "--fields=1:-1:3", "--fields=abc", "--clones=1", "--clones=20,10",
        "--clones=100001", "--populations=1", "--populations=10001", "--step=0", "--step=500", "--t-burn=5",
        "--counting-bath=middle", "--quantum --classical", "--threads=0", "--tolerance=1"})
    void badInputIsOneLineExitTwoAndWritesNothing(String option) {
        Path out = dir.resolve("out.json");
        CliRunner r = CliRunner.run(with(new String[] {"cloning", "--sites", "2", "--out", out.toString()},
                option.split(" ")));
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("qtraj: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out));
    }
}
