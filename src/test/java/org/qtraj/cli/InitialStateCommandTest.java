package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code --initial-state} beyond 31 sites and by name: a gaussian N = 200 domain wall (gamma = 0) against the exact
 * free-fermion two-point equations, and the refusals.
 */
class InitialStateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * N = 200, uniform XX chain, no dephasing, baths of rate 1e-9 (no jump in the window: probability about 1e-8),
     * from the domain wall (sites 1..100 excited): two gaussian trajectories follow the exact free-fermion two-point
     * equations (FreeFermionRelaxation, checked against the Liouvillian in its own test) to 1e-7 at t = 0, 2, 4:
     * a deterministic check of the Slater-determinant propagation of the wall.
     */
    @Test
    void gaussianDomainWallFollowsTheExactFreeFermionRelaxation() throws Exception {
        JsonNode rel = domainWall(200, "1e-9", "0:4:3", "2", "5");
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 200; k++) {
                double m = rel.get("mean").get(j).get(k).asDouble();
                double e = rel.get("exact").get(j).get(k).asDouble();
                assertEquals(e, m, 1e-7, "t_" + j + " site " + (k + 1));
            }
        }
        assertTrue(rel.get("exact").get(2).get(99).asDouble() < 0.9, rel.get("exact").get(2).toString());
        assertTrue(rel.get("exact").get(2).get(100).asDouble() > 0.1, "the wall spreads to the right");
        assertTrue(rel.get("exact").get(2).get(199).asDouble() < 1e-6);
    }

    /**
     * The same wall with the default baths (G = 1, T = 1 and 0): 120 trajectories to t = 2, 4 against the exact
     * curves, every value within 5 standard errors plus 1e-8 (the integrators' accuracy: sites no jump has reached
     * have round-off spread). Near the baths a population is a rare-jump variable, skewed, so the bound is 5, not 4;
     * 400 random values (most of them round-off), false alarm well below 1e-3 for the fixed seed. Slow (minutes).
     */
    @Test
    @Tag("slow")
    void gaussianDomainWallWithBathsWithinErrors() throws Exception {
        JsonNode rel = domainWall(200, "1", "0:4:3", "120", "5");
        for (int j = 0; j < 3; j++) {
            for (int k = 0; k < 200; k++) {
                double m = rel.get("mean").get(j).get(k).asDouble();
                double se = rel.get("stderr").get(j).get(k).asDouble();
                double e = rel.get("exact").get(j).get(k).asDouble();
                assertTrue(Math.abs(m - e) <= 5 * se + 1e-8, "t_" + j + " site " + (k + 1) + ": " + m + " +- " + se
                        + " vs " + e);
            }
        }
    }

    private static JsonNode domainWall(int n, String rate, String times, String trajectories, String seed)
            throws Exception {
        CliRunner r = CliRunner.run("simulate", "--sites", String.valueOf(n), "--engine", "gaussian", "--initial-state",
                "domain-wall", "--rate-left", rate, "--rate-right", rate, "--times", times, "--trajectories",
                trajectories, "--seed", seed, "--threads", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rel = JSON.readTree(r.out()).get("relaxation");
        assertEquals("1".repeat(n / 2) + "0".repeat(n - n / 2), rel.get("initial_state").asText());
        assertEquals("free-fermion two-point equations (exact)", rel.get("exact_method").asText());
        return rel;
    }

    /** A 40-site pattern (beyond the old 31-site mask) through the sector engine's companion, the classical one. */
    @Test
    void longPatternsReachTheClassicalEngine() throws Exception {
        String p = "1".repeat(35) + "0".repeat(5);
        CliRunner r = CliRunner.run("classical", "--sites", "40", "--initial-state", p, "--times", "0,1",
                "--trajectories", "8", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode rel = JSON.readTree(r.out()).get("relaxation");
        assertEquals(p, rel.get("initial_state").asText());
        assertEquals(1.0, rel.get("mean").get(0).get(34).asDouble(), 0.0);
        assertEquals(0.0, rel.get("mean").get(0).get(35).asDouble(), 0.0);
    }

    @ParameterizedTest
    @CsvSource({"10001, 4", "10a1, 4", "neel, 4", "'', 4"})
    void badInitialStatesAreOneLineNamingTheOption(String state, String sites) {
        CliRunner r = CliRunner.run("simulate", "--sites", sites, "--engine", "gaussian", "--initial-state", state,
                "--trajectories", "2");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("qtraj: --initial-state:"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertEquals("", r.out());
    }
}
