package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** {@code qtraj exact --threads K}: the same numbers on 1 and 2 threads; fewer than 1 is a bad input. */
class ExactThreadsOptionTest {

    private static ObjectNode json(String threads) throws IOException {
        CliRunner r = CliRunner.run("exact", "--sites", "4", "--anisotropy", "1", "--dephasing", "0.5", "--method",
                "liouvillian", "--noise", "--json", "--threads", threads);
        assertEquals(0, r.exitCode(), r.err());
        ObjectNode doc = (ObjectNode) new ObjectMapper().readTree(r.out());
        doc.remove("elapsed_seconds");
        return doc;
    }

    @Test
    void oneAndTwoThreadsPrintTheSameNumbers() throws IOException {
        ObjectNode one = json("1");
        assertTrue(one.has("cumulant_2"), one.toString());
        assertEquals(one, json("2"));
    }

    @Test
    void zeroThreadsExitsWithCode2NamingThreads() {
        CliRunner r = CliRunner.run("exact", "--sites", "3", "--threads", "0");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains("--threads: must be an integer from 1 to 1024"), r.err());
        assertEquals("", r.out());
    }
}
