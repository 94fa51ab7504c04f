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

    /** One line naming the flag, exit 2, nothing on stdout. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exact --noise --order 0                         | --order",
        "exact --noise --order 11                        | --order",
        "exact --noise --order -3                        | --order",
        "exact --order 4                                 | --order",
        "exact --noise --sites 13 --method liouvillian   | N <= 12",
        "exact --noise --sites 17 --method rate          | sites",
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
