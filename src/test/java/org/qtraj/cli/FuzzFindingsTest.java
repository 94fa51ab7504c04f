package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the fuzz suite (org.qtraj.fuzz) found in code outside the command line's option parsing, each with its exact
 * reproducer: the property is exit code 0 or 2 (never 1), one line "qtraj: ..." on a refusal and nothing written
 * then, finite numbers, and an end within seconds. Disabled until fixed in the files named; each has an entry in
 * org.qtraj.fuzz.KnownIssues (delete both when the fix lands).
 */
class FuzzFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SPEC = """
            name: findings
            seed: 3
            sweep: {parameters: {sites: {values: [2, 3]}}}
            methods: [{method: exact}, {method: exact, solver: rate}]
            """;

    @TempDir
    Path tmp;

    private Path run(String name) throws Exception {
        Path spec = tmp.resolve(name + ".yaml");
        Files.writeString(spec, SPEC);
        Path dir = tmp.resolve(name);
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.err());
        return dir;
    }

    private static void assertRefusedInOneLine(CliRunner r) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("qtraj: "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    private static String listing(Path root) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                sb.append(p).append(' ').append(Files.isDirectory(p) ? "dir" : Files.size(p) + " " + Files.getLastModifiedTime(p))
                        .append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void statusMergeAndRunRefuseADamagedManifest() throws Exception {
        Path dir = run("junk-manifest");
        Files.writeString(dir.resolve("manifest.json"), "{not json");
        assertRefusedInOneLine(CliRunner.run("status", dir.toString(), "--json"));
        assertRefusedInOneLine(CliRunner.run("merge", dir.toString(), "--out", tmp.resolve("merged").toString()));
        assertFalse(Files.exists(tmp.resolve("merged")));
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        assertRefusedInOneLine(CliRunner.run("run", spec.toString(), "--out", dir.toString()));
    }

    @Test
    void runAndMergeRefuseAnOutThatCannotBeMade() throws Exception {
        Path dir = run("r");
        Path file = tmp.resolve("file.txt");
        Files.writeString(file, "x");
        Path spec = tmp.resolve("spec2.yaml");
        Files.writeString(spec, SPEC);
        for (String out : new String[] {file.resolve("x").toString(), "/proc/qtraj-forbidden/x"}) {
            assertRefusedInOneLine(CliRunner.run("run", spec.toString(), "--out", out));
            assertRefusedInOneLine(CliRunner.run("merge", dir.toString(), "--out", out));
        }
        assertEquals("x", Files.readString(file));
    }

    /** Found by FileFuzzTest: a sweep of sites past the range of a long was an internal error (integer overflow). */
    @Test
    void aSweepOfHugeSiteCountsIsRefused() throws Exception {
        Path spec = tmp.resolve("sites.yaml");
        Files.writeString(spec, "name: fuzz\nseed: 0\nsweep: {parameters: {sites: {values: [2, 123456789012345678901234567890]}}}\n"
                + "methods: [{method: exact}]\nobservables: [heat_current]\n");
        Path out = tmp.resolve("sites-out");
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", out.toString());
        assertRefusedInOneLine(r);
        assertTrue(r.err().contains("sweep.parameters.sites"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void hugeChainsAreRefused() {
        for (String[] line : new String[][] {{"exact", "--sites", "2147483647"},
            {"exact", "--sites", "100000", "--method", "correlation"},
            {"crosscheck", "--sites", "2147483647", "--trajectories", "3", "--t-total", "1"}}) {
            CliRunner r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                try {
                    return CliRunner.run(line);
                } catch (OutOfMemoryError e) {
                    // caught here: surefire treats an Error reaching it as the fork's death
                    throw new AssertionError(String.join(" ", line) + ": " + e + " escaped the command");
                }
            });
            assertTrue(r.exitCode() == 0 || r.exitCode() == 2, String.join(" ", line) + ": " + r.err());
        }
    }

    @Test
    void aZeroHoppingRateIsRefusedOrSolved() {
        for (String[] line : new String[][] {{"exact", "--method", "rate", "--hopping", "0", "--sites", "3"},
            {"classical", "--hopping", "0", "--trajectories", "5", "--sites", "3", "--t-total", "2"},
            {"crosscheck", "--hopping=-0.0", "--trajectories", "10", "--sites", "4", "--t-total", "10", "--threads", "2"}}) {
            CliRunner r = CliRunner.run(line);
            assertTrue(r.exitCode() == 0 || r.exitCode() == 2 || r.exitCode() == 3, String.join(" ", line) + ": " + r.err());
            if (r.exitCode() == 2) {
                assertRefusedInOneLine(r);
            }
        }
    }

    @Test
    void benchNamesSecondsWhenItIsNotFinite() {
        CliRunner r = CliRunner.run("bench", "--seconds", "Infinity", "--sites", "2", "--classical-sites", "10");
        assertRefusedInOneLine(r);
        assertTrue(r.err().startsWith("qtraj: --seconds: "), r.err());
    }

    @Test
    void mergeRefusesADamagedResultsLine() throws Exception {
        Path dir = run("nan-results");
        String jsonl = Files.readString(dir.resolve("results.jsonl"));
        Files.writeString(dir.resolve("results.jsonl"), jsonl.replaceFirst("\"value\":[-0-9.eE]+", "\"value\":NaN"));
        assertRefusedInOneLine(CliRunner.run("merge", dir.toString(), "--out", tmp.resolve("merged").toString()));
    }

    @Test
    void mergeLeavesItsInputsAsTheyWere() throws Exception {
        for (String tail : new String[] {"cut", "garbage {\n"}) {
            Path dir = run("damaged-" + tail.length());
            String jsonl = Files.readString(dir.resolve("results.jsonl"));
            Files.writeString(dir.resolve("results.jsonl"), tail.equals("cut") ? jsonl.substring(0, jsonl.length() / 2)
                    : jsonl + tail);
            String before = listing(dir) + Files.readString(dir.resolve("results.jsonl"));
            CliRunner r = CliRunner.run("merge", dir.toString(), "--out", tmp.resolve("merged-" + tail.length()).toString());
            assertTrue(r.exitCode() == 0 || r.exitCode() == 2, r.err());
            if (r.exitCode() == 2) {
                assertEquals(before, listing(dir) + Files.readString(dir.resolve("results.jsonl")));
            }
        }
    }

    @Test
    void runAndMergeOutThroughAMissingDirectory() throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        String out = tmp.resolve("missing").resolve("..").resolve("r").toString();
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", out);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("r").resolve("results.jsonl")));
        CliRunner m = CliRunner.run("merge", tmp.resolve("r").toString(), "--out",
                tmp.resolve("missing").resolve("..").resolve("m").toString());
        assertEquals(0, m.exitCode(), m.err());
    }

    @Disabled("open: --time-limit is checked between trajectories, so one trajectory of t_total = 1e9 runs to its end (the work bound of 1e10 steps lets it take minutes); ending a trajectory mid-way needs the engines to poll a deadline")
    @Test
    void theTimeLimitEndsALongTrajectory() {
        CliRunner r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRunner.run("simulate", "--t-total", "1e9",
                "--trajectories", "1", "--time-limit", "1", "--sites", "2", "--json"));
        assertTrue(r.exitCode() == 0 || r.exitCode() == 2, r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "classical", "fcs"})
    void aHugeTotalTimeIsRefusedOrEnds(String command) {
        CliRunner r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRunner.run(command, "--t-total", "1e300",
                "--trajectories", "1", "--time-limit", "1", "--sites", "2", "--json"));
        assertTrue(r.exitCode() == 0 || r.exitCode() == 2, r.err());
    }

    @Test
    void fcsDoesNotSpendHalfAMinuteOnItsReference() {
        CliRunner r = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> CliRunner.run("fcs", "--sites", "10",
                "--dephasing", "1", "--trajectories", "3", "--t-total", "2", "--threads", "1", "--json"));
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void fcsRefusesHistogramsIntoAFileBeforeTheWork() throws Exception {
        Path file = tmp.resolve("file.txt");
        Files.writeString(file, "x");
        CliRunner r = CliRunner.run("fcs", "--histograms", file.toString(), "--sites", "2", "--trajectories", "3",
                "--t-total", "2");
        assertRefusedInOneLine(r);
        assertEquals("x", Files.readString(file));
        // a/missing/../h: the directory a/h is made, then written through the missing a/missing (exit 1, a/h left)
        CliRunner dotdot = CliRunner.run("fcs", "--histograms", tmp.resolve("missing").resolve("..").resolve("h").toString(),
                "--sites", "2", "--trajectories", "3", "--t-total", "2");
        assertTrue(dotdot.exitCode() == 0 || dotdot.exitCode() == 2, dotdot.err());
    }

    /**
     * Parameters many orders of magnitude from the others. The lead's known "extreme temperatures/couplings" work
     * covers the temperatures and derived times; these are the other shapes the fuzz run found.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "exact --rate-left=5 --anisotropy 1e308 --sites 3 --json",
        "simulate --temp-right=1e300 --trajectories 8 --sites 3 --threads 1 --json",
        "crosscheck --dephasing 9223372036854775808 --tolerance 1e-6 --trajectories 20 --sites 3 --t-total 10 --threads 1 --json",
        "crosscheck --coupling 2147483648 --dephasing 0.1 --sites 5 --trajectories 9 --t-total 2 --threads 1 --json",
        "fcs --omega 1e-300 --t-total 100 --trajectories 4 --sites 3 --threads 2 --json",
        "simulate --rate-right 9223372036854775808 --tolerance 1e-6 --trajectories 32 --sites 3 --t-total 10 --threads 1 --json",
        "simulate --coupling 1e300 --tolerance 1e-3 --trajectories 23 --sites 2 --threads 2 --json",
        "crosscheck --hopping 1e300 --coupling -1 --trajectories 6 --t-total 2 --threads 1 --json"})
    void extremeParametersAreRefusedOrGiveFiniteResults(String line) {
        CliRunner r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> CliRunner.run(line.split(" ")));
        assertTrue(r.exitCode() == 0 || r.exitCode() == 2 || (r.exitCode() == 3 && line.startsWith("crosscheck")), r.err());
        if (r.exitCode() == 2) {
            assertEquals(1, r.err().lines().count(), r.err());
        } else {
            assertFalse(r.out().contains("NaN") || r.out().contains("Infinity"), r.out());
        }
    }

    @Disabled("open: the 1%-error entry of bench (N = 4, all cores) takes about 2.4 s whatever --seconds says")
    @Test
    void theSmallestBenchIsQuick() {
        CliRunner r = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> CliRunner.run("bench", "--seconds", "0.001",
                "--sites", "2", "--classical-sites", "10", "--json"));
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void theFindingsAboveAreReproducibleInputs() throws Exception {
        // not a finding: keeps the helpers above compiled and checked while every finding is disabled
        Path dir = run("ok");
        JsonNode status = JSON.readTree(CliRunner.run("status", dir.toString(), "--json").out());
        assertEquals(4, status.get("tasks_done").asInt());
        assertFalse(listing(dir).isEmpty());
        assertRefusedInOneLine(CliRunner.run("exact", "--sites", "1"));
    }
}
