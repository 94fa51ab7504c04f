package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.qtraj.model.Chain;
import org.qtraj.simulation.QuantumEngine;

/** {@code qtraj simulate --engine sector|gaussian|auto}: the choice, its result and its refusals. */
class GaussianEngineCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The Gaussian engine through the command line on the default model (N = 4, gamma = 0.5): the heat and particle
     * currents within |z| &lt; 4 of the exact value (seed 5, 300 trajectories; false alarm about 1.3e-4 for the pair).
     */
    @Test
    void gaussianEngineRunsAndAgreesWithTheExactValue() throws IOException {
        CliRunner r = CliRunner.run("simulate", "--engine", "gaussian", "--dephasing", "0.5", "--trajectories", "300",
                "--seed", "5", "--threads", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(300, doc.get("trajectories").asLong());
        assertEquals("gaussian", doc.get("engine").asText());
        for (String key : new String[] {"heat_current", "particle_current"}) {
            double z = doc.get("z").get(key).asDouble();
            assertTrue(Math.abs(z) < 4, key + " z = " + z + "\n" + r.out());
        }
    }

    @Test
    void gaussianEngineRefusesAnisotropyInOneLine() {
        CliRunner r = CliRunner.run("simulate", "--engine", "gaussian", "--anisotropy", "0.5", "--trajectories", "4");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("anisotropy"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void autoRunsGaussianOnALongXXChainAndSaysSo() throws IOException {
        CliRunner r = CliRunner.run("simulate", "--engine", "auto", "--sites", "30", "--dephasing", "0.5", "--t-burn", "10",
                "--t-total", "20", "--trajectories", "4", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("(gaussian engine)"), r.out());
        CliRunner sector = CliRunner.run("simulate", "--trajectories", "4", "--threads", "1", "--json");
        assertEquals("sector", JSON.readTree(sector.out()).get("engine").asText());
    }

    /**
     * --dephasing-jumps phase-flip on the default model (N = 4, gamma = 0.5): the currents within |z| &lt; 4 of the exact
     * value (the same master equation; false alarm about 1.3e-4 for the pair), and the output names the unravelling.
     */
    @Test
    void phaseFlipDephasingAgreesWithTheExactValueAndIsNamed() throws IOException {
        CliRunner r = CliRunner.run("simulate", "--engine", "gaussian", "--dephasing-jumps", "phase-flip", "--dephasing",
                "0.5", "--trajectories", "300", "--seed", "6", "--threads", "2", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("phase-flip", doc.get("dephasing_jumps").asText());
        for (String key : new String[] {"heat_current", "particle_current"}) {
            double z = doc.get("z").get(key).asDouble();
            assertTrue(Math.abs(z) < 4, key + " z = " + z + "\n" + r.out());
        }
        CliRunner table = CliRunner.run("simulate", "--engine", "gaussian", "--dephasing-jumps", "phase-flip",
                "--trajectories", "4", "--threads", "1");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("dephasing jumps") && table.out().contains("unravelling"), table.out());
    }

    @Test
    void phaseFlipsAreRefusedInOneLineBySectorAndUnknownKinds() {
        CliRunner sector = CliRunner.run("simulate", "--dephasing-jumps", "phase-flip", "--dephasing", "0.5",
                "--trajectories", "4");
        assertEquals(ExitCodes.BAD_INPUT, sector.exitCode(), sector.err());
        assertTrue(sector.err().contains("dephasing"), sector.err());
        assertEquals(1, sector.err().strip().lines().count(), sector.err());
        CliRunner unknown = CliRunner.run("simulate", "--engine", "gaussian", "--dephasing-jumps", "sigma-z",
                "--trajectories", "4");
        assertEquals(ExitCodes.BAD_INPUT, unknown.exitCode(), unknown.err());
        assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
        CliRunner classical = CliRunner.run("fcs", "--classical", "--dephasing-jumps", "phase-flip", "--trajectories",
                "4");
        assertEquals(ExitCodes.BAD_INPUT, classical.exitCode(), classical.err());
    }

    @Test
    void unknownEngineIsRefused() {
        CliRunner r = CliRunner.run("simulate", "--engine", "dense", "--trajectories", "4");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("--engine"), r.err());
    }

    @Test
    void autoPicksGaussianForLongXXChainsOnly() {
        Chain xx = Chain.builder().sites(QuantumEngine.AUTO_GAUSSIAN_SITES).build();
        assertEquals(QuantumEngine.GAUSSIAN, QuantumEngine.AUTO.resolve(xx));
        Chain shortChain = Chain.builder().sites(3).build();
        assertEquals(QuantumEngine.SECTOR, QuantumEngine.AUTO.resolve(shortChain));
        Chain xxz = Chain.builder().sites(QuantumEngine.AUTO_GAUSSIAN_SITES).anisotropy(0.5).build();
        assertEquals(QuantumEngine.SECTOR, QuantumEngine.AUTO.resolve(xxz));
        assertEquals(QuantumEngine.SECTOR, QuantumEngine.SECTOR.resolve(xx));
    }
}
