package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code qtraj fcs --engine gaussian}: the gaussian engine's bath jumps feed the counting statistics. */
class GaussianFcsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode run(String... args) throws Exception {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return JSON.readTree(r.out());
    }

    /**
     * N = 4, dephasing 0.5: kappa_1..3 and the Fano factor of the left count against the exact tilted generator,
     * 150 trajectories of one window [24, 1000] each (short windows bias kappa_2 by O(relaxation time / window):
     * at 48 it was 2.8 sigma), |z| < 4 for each of the 4 (false alarm about 2.5e-4 for a normal z; the jackknife
     * error of kappa_3 is rougher), fixed seed.
     */
    @Test
    void cumulantsAgreeWithTheExactTiltedGenerator() throws Exception {
        JsonNode d = run("fcs", "--sites", "4", "--dephasing", "0.5", "--engine", "gaussian", "--trajectories", "150",
                "--t-burn", "24", "--t-total", "1000", "--seed", "11", "--threads", "2", "--json");
        assertEquals(1, d.get("windows_per_trajectory").asInt());
        for (String k : List.of("cumulant_1", "cumulant_2", "cumulant_3", "fano")) {
            assertTrue(Math.abs(d.get("z").get(k).asDouble()) < 4, k + ": " + d);
        }
        assertEquals(0.0895544363700751, d.get("exact").get("cumulant_1").asDouble(), 1e-12);
    }

    /**
     * Same seed, 1 and 2 threads: the same document. Without dephasing both engines draw the same random numbers
     * for the same jumps (waiting time, then channel from the same rates ||L_m psi||^2), so at a fixed seed their
     * window counts, hence the cumulants, coincide: an exact check that the gaussian engine reports every bath jump
     * with the sector engine's bath index and sign.
     */
    @Test
    void threadIndependentAndTheSectorEnginesJumps() throws Exception {
        String[] base = {"fcs", "--sites", "6", "--engine", "gaussian", "--trajectories", "8", "--t-total", "200",
                "--t-burn", "20", "--window", "20", "--seed", "3", "--json"};
        JsonNode one = run(concat(base, "--threads", "1"));
        JsonNode two = run(concat(base, "--threads", "2"));
        JsonNode sector = run(concat(new String[] {"fcs", "--sites", "6", "--engine", "sector", "--trajectories", "8",
                "--t-total", "200", "--t-burn", "20", "--window", "20", "--seed", "3", "--json"}, "--threads", "2"));
        for (JsonNode x : List.of(one, two, sector)) {
            ((ObjectNode) x).remove(List.of("threads", "elapsed_seconds"));
        }
        assertEquals(one, two);
        assertEquals(sector.get("estimate"), one.get("estimate"));
        assertEquals(sector.get("counts"), one.get("counts"));
    }

    @Test
    void refusalsAreOneLine() {
        CliRunner xxz = CliRunner.run("fcs", "--sites", "4", "--anisotropy", "0.5", "--engine", "gaussian",
                "--trajectories", "2");
        assertEquals(2, xxz.exitCode());
        // a model option keeps its file key (FlagNames)
        assertTrue(xxz.err().startsWith("qtraj: anisotropy: must be 0 on every bond for the gaussian engine"), xxz.err());
        CliRunner classical = CliRunner.run("fcs", "--classical", "--sites", "4", "--engine", "gaussian",
                "--trajectories", "2");
        assertEquals(2, classical.exitCode());
        assertTrue(classical.err().startsWith("qtraj: --engine:"), classical.err());
        CliRunner bogus = CliRunner.run("fcs", "--sites", "4", "--engine", "slater", "--trajectories", "2");
        assertEquals(2, bogus.exitCode());
        assertEquals(1, bogus.err().strip().lines().count(), bogus.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
