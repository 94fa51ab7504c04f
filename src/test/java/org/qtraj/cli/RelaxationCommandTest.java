package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code qtraj simulate --times}: relaxation curves from a basis state against the exact time evolution. */
class RelaxationCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * N = 3, dephasing 0.5, D = 0.5, from |100> (site 1 excited) and from |011>: 1500 trajectories, 7 times; every
     * n_k(t) within |z| < 4 of tr(n_k exp(L t) rho_0) (Relaxation, checked against a dense solver in RelaxationTest).
     * 18 random values per case (t = 0 is exact): false alarm about 1e-3 per case. Fixed seeds.
     */
    @ParameterizedTest
    @CsvSource({"100, 11", "011, 12"})
    void trajectoriesFollowTheExactRelaxation(String initial, String seed) throws Exception {
        CliRunner r = CliRunner.run("simulate", "--sites", "3", "--dephasing", "0.5", "--anisotropy", "0.5",
                "--initial-state", initial, "--times", "0:12:7", "--trajectories", "1500", "--seed", seed,
                "--threads", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rel = JSON.readTree(r.out()).get("relaxation");
        assertEquals(initial, rel.get("initial_state").asText());
        assertEquals(7, rel.get("times").size());
        assertEquals(12.0, rel.get("times").get(6).asDouble(), 0.0);
        for (int k = 0; k < 3; k++) {
            double bit = initial.charAt(k) - '0';
            assertEquals(bit, rel.get("mean").get(0).get(k).asDouble(), 0.0, "t = 0 is the initial state");
            assertEquals(bit, rel.get("exact").get(0).get(k).asDouble(), 1e-12);
        }
        double maxZ = rel.get("max_abs_z").asDouble();
        assertTrue(maxZ < 4, "max |z| = " + maxZ);
        // the excitation relaxes: at t = 12 the curves are no longer the initial state
        assertTrue(Math.abs(rel.get("exact").get(6).get(0).asDouble() - (initial.charAt(0) - '0')) > 0.2);
    }

    /**
     * The Gillespie simulation from |11000> (N = 5, hopping 0.7) against the exact one-point equations
     * (ClassicalRelaxation, checked against the full master equation in its test): 3000 trajectories, 6 times,
     * 25 random values, |z| < 4 (false alarm about 1.6e-3), fixed seed.
     */
    @Test
    void classicalTrajectoriesFollowTheExactOnePointEquations() throws Exception {
        CliRunner r = CliRunner.run("classical", "--sites", "5", "--hopping", "0.7", "--initial-state", "11000",
                "--times", "0:20:6", "--trajectories", "3000", "--seed", "5", "--threads", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rel = JSON.readTree(r.out()).get("relaxation");
        assertEquals("one-point equations (exact)", rel.get("exact_method").asText());
        assertEquals(1.0, rel.get("mean").get(0).get(1).asDouble(), 0.0);
        double maxZ = rel.get("max_abs_z").asDouble();
        assertTrue(maxZ < 4, "max |z| = " + maxZ);
        assertTrue(rel.get("exact").get(5).get(0).asDouble() < 0.5, "site 1 has relaxed");
        assertEquals(0.0, rel.get("exact").get(0).get(4).asDouble(), 0.0, "t = 0 is the initial state exactly");
    }

    /**
     * Above N = 8 simulate does not wait for the Liouvillian's curves: for an XXZ chain (no free-fermion equations)
     * it says so, and the JSON has null there.
     */
    @Test
    void largeChainsGetNoExactCurves() throws Exception {
        CliRunner r = CliRunner.run("simulate", "--sites", "9", "--anisotropy", "0.5", "--times", "0,0.5",
                "--trajectories", "4", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rel = JSON.readTree(r.out()).get("relaxation");
        assertTrue(rel.get("exact").isNull() && rel.get("max_abs_z").isNull(), rel.toString());
        assertEquals(2, rel.get("mean").size());
        CliRunner table = CliRunner.run("simulate", "--sites", "9", "--anisotropy", "0.5", "--times", "0,0.5",
                "--trajectories", "4");
        assertTrue(table.out().contains("none (N too large"), table.out());
    }

    @Test
    void theTableShowsTheCurvesAndTheWorstZ() {
        CliRunner r = CliRunner.run("simulate", "--sites", "2", "--initial-state", "10", "--times", "0,1,3",
                "--trajectories", "200", "--seed", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("relaxation from |10>"), r.out());
        assertTrue(r.out().contains("max |z|"), r.out());
        assertTrue(r.out().contains("liouvillian time evolution"), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--times|1,0.5|times",
        "--times|0|times",
        "--times|0:5:1|times",
        "--times|a,b|times",
        "--initial-state|10010|initial-state",
        "--initial-state|1a01|initial-state",
    })
    void badRelaxationOptionsNameTheOption(String option, String value, String field) {
        String[] times = option.equals("--times") ? new String[0] : new String[] {"--times", "0,1"};
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("simulate", "--sites", "4",
                option, value, "--trajectories", "10"));
        args.addAll(java.util.List.of(times));
        CliRunner r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.out());
        assertTrue(r.err().contains(field), r.err());
    }
}
