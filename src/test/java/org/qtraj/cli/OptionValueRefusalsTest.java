package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Option values the fuzz suite (org.qtraj.fuzz) found refused badly or not at all: a path with a NUL character was
 * refused with picocli's message quoting an InvalidPathException, --times A:B:K with a huge K allocated K times
 * and ran out of memory (an OutOfMemoryError escaping the command), and merge named its directories run_directory.
 */
class OptionValueRefusalsTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"exact|--out", "status|", "fcs|--histograms", "exact|--model", "report|--out"})
    void aPathWithANulCharacterIsRefusedInWords(String commandAndFlag) throws Exception {
        String[] p = commandAndFlag.split("\\|", -1);
        List<String> args = p[1].isEmpty() ? List.of(p[0], tmp + "/a\u0000b")
                : p[0].equals("report") ? List.of(p[0], tmp.toString(), p[1], tmp + "/a\u0000b")
                : List.of(p[0], "--sites", "2", p[1], tmp + "/a\u0000b");
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("qtraj: Invalid value for "), r.err());
        assertTrue(lines.get(0).contains("is not a valid path (Nul character not allowed)"), r.err());
        assertTrue(lines.get(0).contains("a\\u0000b"), "the NUL is shown escaped: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertTrue(lines.get(1).startsWith("Try 'qtraj"), r.err());
        assertEquals(List.of(), List.of(tmp.toFile().list()), "nothing written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0:1:1e9", "0:1:2147483648", "0:1:1e300", "0:10:100001"})
    void tooManyTimesAreRefusedBeforeAnyAllocation(String times) {
        for (String command : new String[] {"simulate", "classical"}) {
            CliRunner r = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> CliRunner.run(command, "--sites", "2", "--trajectories", "1", "--times", times));
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("qtraj: --times: asks for "), r.err());
            assertTrue(r.err().contains("at most " + RelaxationOptions.MAX_TIMES), r.err());
        }
    }

    @Test
    void aValueWithANewlineKeepsTheRefusalOnOneLine() {
        CliRunner picocli = CliRunner.run("classical", "--omega", "\n", "--sites", "2");
        assertEquals(ExitCodes.BAD_INPUT, picocli.exitCode(), picocli.err());
        assertEquals(List.of("qtraj: Invalid value for option '--omega': '\\u000a' is not a double",
                "Try 'qtraj classical --help' for the allowed options."), picocli.err().lines().toList());
        CliRunner own = CliRunner.run("exact", "--sites", "2", "--method", "a\nb");
        assertEquals(ExitCodes.BAD_INPUT, own.exitCode(), own.err());
        assertEquals(1, own.err().lines().count(), own.err());
        assertTrue(own.err().contains("a\\u000ab"), own.err());
    }

    @Test
    void mergeNamesItsShardDirectories() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        java.nio.file.Files.writeString(spec, "methods: [{method: exact}]\n");
        Path run = tmp.resolve("r");
        assertEquals(0, CliRunner.run("run", spec.toString(), "--out", run.toString()).exitCode());
        CliRunner r = CliRunner.run("merge", run.toString(), run.toString(), "--out", tmp.resolve("m").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("qtraj: SHARD_DIR: "), "the label of merge's directories, not run_directory: " + r.err());
    }

    @Test
    void aThousandTimesStillRun() {
        CliRunner r = CliRunner.run("classical", "--sites", "2", "--trajectories", "1", "--times", "0:1:1000", "--json");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"relaxation\""), r.out());
    }
}
