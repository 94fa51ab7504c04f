package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.model.NetworkSpec;

/**
 * Networks through the real command line: shapes, named baths, model files with edge lists and coupling matrices,
 * and every bad network input refused with one line naming the field, exit 2, nothing written.
 */
class NetworkCommandTest {
    @TempDir
    Path dir;

    private static JsonNode json(String... args) throws Exception {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.exitCode(), r.err());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void fmoWithNamedBathsReportsEachBathAndEveryBond() throws Exception {
        JsonNode d = json("exact", "--network", "fmo", "--dephasing", "100", "--bath", "pump:1:5:4031",
                "--bath", "trap:3:5:0", "--json");
        assertEquals(7, d.get("sites").asInt());
        double pump = d.get("baths").get("pump").get("particle_current").asDouble();
        double trap = d.get("baths").get("trap").get("particle_current").asDouble();
        assertTrue(pump > 0);
        assertEquals(0, pump + trap, 1e-12 * pump);
        assertEquals(21, d.get("bond_currents").size());
        assertTrue(d.get("continuity_residual").asDouble() < 1e-9);
        // the FMO couplings as published (Adolphs and Renger 2006): bond 1-2 is -87.7 cm^-1
        assertEquals(-87.7, NetworkSpec.fmoCouplings()[0], 0);
    }

    @Test
    void aModelFileGivesANetworkByEdgesOrByCouplingMatrixAlike() throws Exception {
        Path edges = dir.resolve("edges.yaml");
        Files.writeString(edges, "edges: [[1, 2], [2, 3], [3, 1], [3, 4]]\ncoupling: [1, -0.5, 0.8, 1.2]\n"
                + "dephasing: 0.2\nbaths:\n  hot: {site: 1, rate: 1, temperature: 2}\n"
                + "  cold: {site: 4, rate: 1, temperature: 0}\n");
        Path matrix = dir.resolve("matrix.json");
        Files.writeString(matrix, "{\"coupling_matrix\": [[0, 1, 0.8, 0], [1, 0, -0.5, 0], [0.8, -0.5, 0, 1.2],"
                + " [0, 0, 1.2, 0]], \"dephasing\": 0.2, \"baths\": {\"hot\": {\"site\": 1, \"temperature\": 2},"
                + " \"cold\": {\"site\": 4, \"temperature\": 0}}}");
        JsonNode a = json("exact", "--model", edges.toString(), "--json");
        JsonNode b = json("exact", "--model", matrix.toString(), "--json");
        // the same graph with its edges in another order: the bath currents agree to rounding
        assertEquals(a.get("baths").get("hot").get("heat_current").asDouble(),
                b.get("baths").get("hot").get("heat_current").asDouble(), 1e-12);
        assertEquals(4, a.get("sites").asInt());
    }

    @Test
    void badNetworkInputIsOneLineNamingTheField() throws Exception {
        String[][] cases = {
            {"network", "--network", "hexagon"},
            {"network", "--network", "grid"},
            {"sites", "--network", "ring", "--sites", "2"},
            {"sites", "--network", "fmo", "--sites", "5"},
            {"baths.a.site", "--network", "ring", "--bath", "a:9:1:1"},
            {"bath", "--bath", "a:1:1"},
            {"baths.b.temperature", "--bath", "b:1:1:-3"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "exact";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            CliRunner r = CliRunner.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("qtraj: " + c[0] + ":"), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        String[][] files = {
            {"edges[2]", "edges: [[1, 2], [2, 2]]\nsites: 3"},
            {"edges[2]", "edges: [[1, 2], [2, 1]]"},
            {"edges[1]", "edges: [[1, 5]]\nsites: 3"},
            {"coupling_matrix", "coupling_matrix: [[0, 1], [2, 0]]"},
            {"coupling_matrix", "coupling_matrix: [[1, 1], [1, 0]]"},
            {"baths", "edges: [[1, 2], [3, 4]]\nsites: 5"},
            {"network", "network: ring\nedges: [[1, 2]]"},
            {"baths.x.site", "baths: {x: {temperature: 1}}"},
            {"coupling", "network: star\nsites: 4\ncoupling: [1, 2]"},
        };
        for (String[] f : files) {
            Path file = dir.resolve("bad.yaml");
            Files.writeString(file, f[1]);
            Path out = dir.resolve("out.json");
            CliRunner r = CliRunner.run("exact", "--model", file.toString(), "--out", out.toString());
            assertEquals(2, r.exitCode(), f[1] + ": " + r.err());
            assertTrue(r.err().startsWith("qtraj: " + f[0] + ":"), f[1] + ": " + r.err());
            assertFalse(Files.exists(out));
        }
    }
}
