package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.fcs.FcsExact;
import org.qtraj.simulation.Benchmarks;

/** {@code qtraj bench --exact-only --exact-sites}: the exact-solver rows of issue 17 (numbers, not speed). */
class BenchExactTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void exactRowsReportTheSteadyStateOfTheXxzChain() throws Exception {
        CliRunner r = CliRunner.run("bench", "--exact-only", "--exact-sites", "3,5", "--json");
        assertEquals(ExitCodes.OK, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertFalse(doc.has("quantum"), "--exact-only runs no trajectories");
        JsonNode rows = doc.get("exact_liouvillian");
        assertEquals(2, rows.size());
        int[] sites = {3, 5};
        long[] unknowns = {20, 252};
        for (int k = 0; k < 2; k++) {
            JsonNode row = rows.get(k);
            assertEquals(sites[k], row.get("sites").asInt());
            assertEquals(unknowns[k], row.get("unknowns").asLong(), "C(2N, N)");
            // The same chain solved here directly: D = 1 and dephasing 0.5 give a nonzero dephasing current.
            ExactResult direct = ExactMethod.LIOUVILLIAN.solve(Benchmarks.liouvillianChain(sites[k]), 1);
            assertEquals(direct.heatCurrentLeft(), row.get("heat_current_left").asDouble(), 1e-12);
            assertTrue(Math.abs(direct.heatCurrentDephasing()) > 1e-6, "the benchmark chain is XXZ with dephasing");
            assertTrue(row.get("relative_residual").asDouble() < 1e-12, row.toString());
            assertTrue(row.get("gmres_iterations").asInt() >= 1, row.toString());
            assertTrue(row.get("seconds").asDouble() > 0, row.toString());
            assertTrue(row.get("seconds_again").asDouble() > 0, row.toString());
            assertTrue(row.get("cpu_seconds_again").asDouble() >= 0, row.toString());
            assertTrue(row.get("peak_rss_mib").asDouble() > 1, row.toString());
            // the noise row: kappa_2 of the same chain's counting generator, solved here on its own
            JsonNode noise = doc.get("exact_noise").get(k);
            assertEquals(sites[k], noise.get("sites").asInt());
            double kappa2 = FcsExact.of(Benchmarks.liouvillianChain(sites[k]), false, 0, 1).cumulants()[1];
            assertEquals(kappa2, noise.get("kappa_2").asDouble(), 1e-12 * Math.abs(kappa2), noise.toString());
            assertTrue(noise.get("seconds").asDouble() > 0, noise.toString());
            // CPU time is read from a clock that may tick every 10 ms: a sub-millisecond N = 3 solve can read 0
            assertTrue(noise.get("cpu_seconds").asDouble() >= 0, noise.toString());
            // the relaxation row: by t = 100 (rates and couplings of order 1) site 1 holds its steady-state
            // population, from the steady-state solver (an independent method: a solve, not a time evolution)
            JsonNode relax = doc.get("exact_relaxation").get(k);
            assertEquals(sites[k], relax.get("sites").asInt());
            assertEquals(direct.populations()[0], relax.get("population_1_at_100").asDouble(), 1e-8, relax.toString());
            assertTrue(relax.get("seconds").asDouble() > 0, relax.toString());
        }
    }

    @Test
    void exactSitesBeyondTheLiouvilliansLimitAreRefusedBeforeAnyWork() {
        for (String bad : new String[] {"13", "1", "4,13"}) {
            CliRunner r = CliRunner.run("bench", "--exact-only", "--exact-sites", bad);
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("qtraj: --exact-sites: each N must be from 2 to 12"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void everyChainLengthListIsCheckedBeforeAnyWorkNamingItsOwnOption() {
        String[][] cases = {{"--classical-sites", "0", "100000"}, {"--classical-sites", "10,1", "100000"},
            {"--gaussian-sites", "1", "100000"}, {"--sites", "25", "24"}};
        for (String[] c : cases) {
            CliRunner r = CliRunner.run("bench", c[0], c[1], "--seconds", "0.01");
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("qtraj: " + c[0] + ": each must be an integer from 2 to " + c[2]), r.err());
            assertEquals("", r.out());
        }
    }
}
