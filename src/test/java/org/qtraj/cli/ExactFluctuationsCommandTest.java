package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code qtraj exact --noise --order K} and its bad input, through the real command line. */
class ExactFluctuationsCommandTest {

    @Test
    void orderFiveGivesFiveCumulantsAndTheFanoFactor() throws Exception {
        for (String method : new String[] {"liouvillian", "rate"}) {
            CliRunner r = CliRunner.run("exact", "--sites", "3", "--method", method, "--noise", "--order", "5",
                    "--json");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode doc = new ObjectMapper().readTree(r.out());
            for (int k = 1; k <= 5; k++) {
                assertTrue(doc.get("cumulant_" + k).isNumber(), method + " cumulant_" + k);
            }
            assertFalse(doc.has("cumulant_6"));
            assertEquals(doc.get("cumulant_2").asDouble() / doc.get("cumulant_1").asDouble(),
                    doc.get("fano").asDouble(), 1e-15);
        }
    }

    @Test
    void defaultOrderIsThree() throws Exception {
        CliRunner r = CliRunner.run("exact", "--sites", "2", "--noise", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.has("cumulant_3"));
        assertFalse(doc.has("cumulant_4"));
    }

    @Test
    void thetaGridGivesThetaResidualsAndTheRateFunction() throws Exception {
        for (String method : new String[] {"liouvillian", "rate"}) {
            CliRunner r = CliRunner.run("exact", "--sites", "3", "--method", method, "--temp-right", "0.5",
                    "--theta", "-2:1:13", "--json");
            assertEquals(0, r.exitCode(), r.err());
            JsonNode doc = new ObjectMapper().readTree(r.out());
            for (String key : new String[] {"theta_s", "theta", "theta_residual", "rate_function_j", "rate_function"}) {
                assertEquals(13, doc.get(key).size(), key);
            }
            assertEquals(-2, doc.get("theta_s").get(0).asDouble(), 0);
            assertEquals(0, doc.get("theta").get(8).asDouble(), 1e-13, "theta(0)");
            // A = omega (1/T_R - 1/T_L) = 2 - 1 = 1: theta(-1) = theta(0) = 0
            assertEquals(1.0, doc.get("affinity").asDouble(), 1e-15);
            assertEquals(0, doc.get("theta").get(4).asDouble(), 1e-12, method + " theta(-A)");
            assertTrue(doc.get("rate_function_j_min").asDouble() < doc.get("rate_function_j_max").asDouble());
        }
        CliRunner table = CliRunner.run("exact", "--sites", "2", "--theta", "-1:1:3");
        assertEquals(0, table.exitCode(), table.err());
        assertTrue(table.out().contains("theta(s)") && table.out().contains("I(j) valid for j in"), table.out());
        assertFalse(table.out().contains("affinity"), "T_R = 0: no affinity");
    }

    /** One line naming the flag, exit 2, nothing on stdout. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exact --noise --order 0                         | --order",
        "exact --noise --order 11                        | --order",
        "exact --noise --order -3                        | --order",
        "exact --order 4                                 | --order",
        "exact --noise --sites 13 --method liouvillian   | N <= 12",
        "exact --noise --sites 17 --method rate          | sites",
        "exact --theta 1:1:5                             | --theta",
        "exact --theta 2:1:5                             | --theta",
        "exact --theta -1:1:1                            | --theta",
        "exact --theta NaN:1:5                           | --theta",
        "exact --theta -1:Infinity:5                     | --theta",
        "exact --theta -20:1:5                           | --theta",
        "exact --theta -1:1                              | --theta",
        "exact --theta a:b:c                             | --theta",
        "exact --theta -1:1:5 --sites 13                 | N <= 12",
        "exact --theta -1:1:5 --sites 17 --method rate   | sites",
    })
    void badInputIsOneLineAndExitTwo(String args, String field) {
        CliRunner r = CliRunner.run(args.trim().split("\\s+"));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains(field.trim()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("", r.out());
    }
}
