package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.exact.ExactResult;

/**
 * crosscheck passes on the default, a disordered and an XXZ model, and fails (exit 3) when handed a wrong reference.
 * Each stochastic row has a false-alarm rate of 6.3e-5 (|z| < 4); with 3 rows per run and fixed seeds, a pass is
 * reproducible.
 */
class CrossCheckCommandTest {
    @TempDir
    Path dir;

    @AfterEach
    void restoreHook() {
        CrossCheckCommand.referenceFilter = UnaryOperator.identity();
    }

    private static JsonNode run(int expectedExit, String... args) throws IOException {
        String[] all = new String[args.length + 2];
        all[0] = "crosscheck";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--json";
        CliRunner r = CliRunner.run(all);
        assertEquals(expectedExit, r.exitCode(), r.err() + r.out());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void defaultModelAgrees() throws IOException {
        JsonNode doc = run(0, "--seed", "11");
        assertEquals("agree", doc.get("verdict").asText());
        assertEquals(7, doc.get("rows").size(), "closed, correlation, liouvillian, 2 trajectory rows, rate, classical");
    }

    @Test
    void disorderedModelAgrees() throws IOException {
        Path model = dir.resolve("d.yaml");
        Files.writeString(model, "sites: 4\ndephasing: [0.3, 0.1, 0.6, 0.2]\ndisorder: {seed: 5, omega: [0.5, 1.5], coupling: [0.5, 1.5]}\n");
        JsonNode doc = run(0, "--model", model.toString(), "--seed", "12", "--target-error", "2%");
        assertEquals("agree", doc.get("verdict").asText());
        assertEquals("correlation", doc.get("rows").get(0).get("method").asText(), "no closed form for disorder");
    }

    @Test
    void xxzModelAgrees() throws IOException {
        JsonNode doc = run(0, "--sites", "3", "--anisotropy", "1", "--dephasing", "0.5", "--seed", "13", "--target-error", "2%");
        assertEquals("liouvillian", doc.get("rows").get(0).get("method").asText());
        assertEquals("agree", doc.get("verdict").asText());
    }

    @Test
    void wrongReferenceIsCaughtWithExitCode3() throws IOException {
        // 5% off the true steady state: far outside both the 1e-8 exact tolerance and the 1% error bars
        CrossCheckCommand.referenceFilter = r -> new ExactResult(r.method(), r.sites(), 1.05 * r.heatCurrentLeft(),
                r.heatCurrentRight(), r.heatCurrentDephasing(), r.particleCurrentLeft(), r.particleCurrentRight(),
                1.05 * r.localHeatCurrent(), r.populations(), r.elapsedSeconds(), r.extras());
        CliRunner r = CliRunner.run("crosscheck", "--seed", "11");
        assertEquals(ExitCodes.DISAGREE, r.exitCode(), r.out());
        assertTrue(r.out().contains("DISAGREEMENT"), r.out());
        assertTrue(r.err().contains("disagrees"), r.err());
    }
}
