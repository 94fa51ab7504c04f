package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExactCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsThePhysicsMdValue() {
        CliRunner r = CliRunner.run("exact", "--sites", "4", "--dephasing", "0.5");
        assertEquals(0, r.exitCode(), r.err());
        String line = r.out().lines().filter(l -> l.startsWith("heat current left")).findFirst().orElseThrow();
        // PHYSICS.md: 0.0895544364 for N = 4, gamma = 0.5 with the default (Fig. 2) parameters.
        assertEquals(0.0895544364, Double.parseDouble(line.substring(24).trim()), 1e-10);
    }

    @Test
    void writesJsonAtomicallyWithTheDesignKeys() throws IOException {
        Path out = dir.resolve("sub/result.json");
        CliRunner r = CliRunner.run("exact", "--sites", "3", "--json", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = new ObjectMapper().readTree(Files.readString(out));
        for (String key : new String[] {"method", "sites", "heat_current", "particle_current", "local_heat_current",
            "populations", "elapsed_seconds"}) {
            assertTrue(doc.has(key), key);
        }
        assertEquals(3, doc.get("populations").size());
        assertEquals(doc, new ObjectMapper().readTree(r.out()));
        try (var files = Files.list(out.getParent())) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    /** Every bad input of issue 3 gives exit code 2 and one line naming the field, through the real command line. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "exact --sites 1                | sites",
        "exact --sites 0                | sites",
        "exact --omega NaN              | omega",
        "exact --coupling Infinity      | coupling",
        "exact --omega 0                | omega",
        "exact --omega -2               | omega",
        "exact --rate-left -1           | baths.left.rate",
        "exact --temp-right -0.5        | baths.right.temperature",
        "exact --dephasing -1           | dephasing",
        "exact --hopping -1 --method rate | hopping",
        "exact --method magic           | method",
        "exact --sites four             | --sites",
    })
    void badOptionsExitWithCode2(String args, String field) {
        CliRunner r = CliRunner.run(args.trim().split("\\s+"));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains(field.trim()), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertEquals("", r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "m.yaml | 'sites: 4\ncoupling: [1, 2]\n'            | coupling",
        "m.yaml | 'sites: 3\nbaths: {left: {site: 4}}\n'    | baths.left.site",
        "m.yaml | 'sites: 3\nspeed: 4\n'                    | speed",
        "m.yaml | 'sites: [3\n'                             | line",
        "m.json | '{\"sites\": 3,}'                         | JSON",
        "m.yaml | 'disorder: {omega: [0, 1]}\n'             | disorder.seed",
    })
    void badModelFilesExitWithCode2(String name, String text, String expected) throws IOException {
        Path file = dir.resolve(name.trim());
        Files.writeString(file, text.replace("\\n", "\n"));
        CliRunner r = CliRunner.run("exact", "--model", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains(expected.trim()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void missingModelFileIsBadInput() {
        CliRunner r = CliRunner.run("exact", "--model", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("not found"), r.err());
    }

    @Test
    void methodThatDoesNotApplyIsBadInputWithAReason() {
        CliRunner r = CliRunner.run("exact", "--anisotropy", "1", "--method", "closed");
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode());
        assertTrue(r.err().contains("closed does not apply"), r.err());
    }

    @Test
    void helpDescribesEveryModelOption() {
        CliRunner r = CliRunner.run("exact", "--help");
        assertEquals(0, r.exitCode());
        for (String opt : new String[] {"--sites", "--omega", "--coupling", "--anisotropy", "--dephasing", "--rate-left",
            "--rate-right", "--temp-left", "--temp-right", "--hopping", "--model", "--method", "--json", "--out"}) {
            assertTrue(r.out().contains(opt), opt);
        }
    }
}
