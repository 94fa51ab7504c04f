package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No NaN, no "internal error", no run that never ends, on any input a user can type: every numeric option of the
 * commands that take a model, swept over extreme values, gives exit 0 with finite numbers or exit 2 with one line;
 * and each input of the issue that hung, printed NaN or failed internally now answers.
 */
class ExtremeInputTest {
    private static final String[] EXTREMES = {"0", "1e-300", "-1", "1e300", "1e308", "NaN", "Infinity", "-Infinity"};
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The model options of every command, and each command's own numeric options. */
    @Test
    void everyNumericOptionOverExtremeValuesAnswersOrRefusesInOneLine() {
        String[] model = {"--sites", "--omega", "--coupling", "--anisotropy", "--dephasing", "--rate-left", "--rate-right",
            "--temp-left", "--temp-right", "--hopping"};
        String[] ensemble = {"--trajectories", "--target-error", "--time-limit", "--t-total", "--t-burn", "--threads",
            "--tolerance", "--seed"};
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (String run : new String[] {"exact", "exact:liouvillian", "exact:correlation", "exact:rate", "simulate",
            "classical", "fcs", "crosscheck"}) {
            String command = run.split(":")[0];
            List<String> options = new ArrayList<>(List.of(model));
            if (!command.equals("exact")) {
                options.addAll(List.of(ensemble));
            } else {
                options.add("--threads");
            }
            if (command.equals("fcs")) {
                options.add("--window");
            }
            for (String option : options) {
                for (String value : EXTREMES) {
                    List<String> args = new ArrayList<>(List.of(command, option, value, "--json"));
                    if (run.contains(":")) {
                        args.addAll(List.of("--method", run.split(":")[1]));
                    }
                    if (!command.equals("exact") && !option.equals("--trajectories")) {
                        // bound the work: a few trajectories of a short chain (unless the option under test is that)
                        args.addAll(List.of("--trajectories", "20"));
                    }
                    if (!option.equals("--sites")) {
                        args.addAll(List.of("--sites", "3"));
                    }
                    if (option.equals("--trajectories") && !command.equals("exact")) {
                        args.addAll(List.of("--t-total", "20", "--t-burn", "5"));
                    }
                    cases++;
                    String why = check(args.toArray(String[]::new));
                    if (why != null) {
                        failures.add(String.join(" ", args) + ": " + why);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + cases + " cases:\n" + String.join("\n", failures));
    }

    /** Null if the run answered well: exit 0 with finite JSON numbers, or exit 2 with one line. */
    private static String check(String... args) {
        long t0 = System.nanoTime();
        CliRunner r = CliRunner.run(args);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        if (seconds > 30) {
            return "took " + seconds + " s";
        }
        if (r.exitCode() == ExitCodes.BAD_INPUT) {
            List<String> lines = r.err().lines().toList();
            boolean picocliUsage = lines.size() == 2 && lines.get(1).startsWith("Try 'qtraj");
            if (lines.isEmpty() || !(lines.size() == 1 || picocliUsage) || !lines.get(0).startsWith("qtraj: ")) {
                return "exit 2 without one line: " + r.err();
            }
            return r.out().isEmpty() ? null : "exit 2 but printed a result";
        }
        if (r.exitCode() != ExitCodes.OK && r.exitCode() != ExitCodes.DISAGREE && r.exitCode() != ExitCodes.INCONCLUSIVE) {
            return "exit " + r.exitCode() + ": " + r.err();
        }
        if (r.err().contains("internal error") || r.err().contains("\tat ")) {
            return "stack trace or internal error: " + r.err();
        }
        try {
            String bad = nonFinite(JSON.readTree(r.out()), "");
            return bad == null ? null : "non-finite number at " + bad;
        } catch (Exception e) {
            return "not JSON (NaN or Infinity are not valid JSON): " + r.out();
        }
    }

    private static String nonFinite(JsonNode n, String path) {
        if (n.isNumber() && !Double.isFinite(n.asDouble())) {
            return path;
        }
        if (n.isTextual() && n.asText().matches("-?(NaN|Infinity)")) {
            return path;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String k = it.next();
            String bad = nonFinite(n.get(k), path + "." + k);
            if (bad != null) {
                return bad;
            }
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String bad = nonFinite(n.get(i), path + "[" + i + "]");
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }

    /** The rows of the issue's table: each answers with a finite result or one line and exit 2 (before any work). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            exact --sites 3 --temp-left 1e308                          | baths.left.temperature: must be at most
            simulate --sites 3 --temp-left 1e308 --trajectories 10     | baths.left.temperature: must be at most
            simulate --threads 100000 --trajectories 5                 | --threads: must be an integer from 1 to 1024
            exact --sites 40 --anisotropy 1 --method liouvillian       | C(80, 40) = 1.08e+23 unknowns
            simulate --coupling 1e-300 --trajectories 3                | --t-total: no default: the relaxation time overflows
            simulate --t-total 1e12 --t-burn 0 --trajectories 3        | --t-total: each trajectory would take about
            exact --sites 1000000                                      | sites: must be an integer from 2 to 100000
            """)
    void theIssuesInputsAreRefusedInOneLine(String line, String expected) {
        CliRunner r = CliRunner.run(line.trim().split("\\s+"));
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(expected.trim()), r.err());
        assertEquals("", r.out());
    }

    /** An unusable --out is refused naming --out, before any work, and nothing is written. */
    @Test
    void anUnwritableOutIsRefusedBeforeAnyWork() throws Exception {
        Path file = dir.resolve("file");
        Files.writeString(file, "x");
        for (String out : new String[] {"/proc/forbidden/out.json", file.resolve("below.json").toString(),
            dir.toString()}) {
            long t0 = System.nanoTime();
            // a 3-minute crosscheck if the check came after the work: it must return at once
            CliRunner r = CliRunner.run("crosscheck", "--sites", "6", "--anisotropy", "1", "--out", out);
            assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
            assertTrue(r.err().startsWith("qtraj: --out: "), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue((System.nanoTime() - t0) * 1e-9 < 5, "refused before the work");
        }
        assertEquals("x", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "nothing written");
        }
    }

    /** YAML and JSON special floats are named by their key, not reported as a parser error. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            m.yaml | omega: .nan                    | omega: must be a finite number, got .nan
            m.yaml | sites: 3\\ncoupling: -.inf     | coupling: must be a finite number, got -.inf
            m.yaml | omega: [1, .NaN, 1]            | omega: must be a finite number, got .NaN
            m.json | {"sites": 3, "dephasing": NaN} | dephasing: must be a finite number, got NaN
            """)
    void specialFloatsInModelFilesAreNamedByKey(String name, String text, String expected) throws Exception {
        Path file = dir.resolve(name.trim());
        Files.writeString(file, text.trim().replace("\\n", "\n"));
        CliRunner r = CliRunner.run("exact", "--model", file.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().startsWith("qtraj: " + expected.trim()), r.err());
    }

    /** Every command's help is printed without a picocli warning (an unescaped % once gave one for bench). */
    @Test
    void everyHelpIsCleanAndEveryExitCodeIsDocumented() {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
            for (String c : new String[] {"crosscheck", "exact", "simulate", "classical", "fcs", "run", "status",
                "merge", "report", "bench"}) {
                CliRunner r = CliRunner.run(c, "--help");
                assertEquals(ExitCodes.OK, r.exitCode(), c);
                assertFalse(r.out().contains("WARN") || r.err().contains("WARN"), c + ": " + r.out() + r.err());
            }
        } finally {
            System.setErr(saved);
        }
        assertEquals("", warnings.toString(java.nio.charset.StandardCharsets.UTF_8), "picocli warnings");
        String cross = CliRunner.run("crosscheck", "--help").out();
        if (!cross.contains("4 (inconclusive)")) {
            fail("crosscheck --help must document exit code 4: " + cross);
        }
    }

    /**
     * A target error that cannot be reached (1e-7 absolute on a current of 0.1: about 1e14 trajectories) ends early:
     * simulate stops with target_out_of_reach and one warning, crosscheck says inconclusive with exit code 4.
     */
    @Test
    void anUnreachableTargetEndsAndCrosscheckSaysInconclusive() throws Exception {
        CliRunner s = CliRunner.run("simulate", "--sites", "3", "--target-error", "1e-7", "--json");
        assertEquals(ExitCodes.OK, s.exitCode(), s.err());
        assertEquals("target_out_of_reach", JSON.readTree(s.out()).get("stop_reason").asText());
        assertEquals(1, s.err().lines().count(), s.err());
        assertTrue(s.err().startsWith("qtraj: warning: trajectories: the target error is out of reach"), s.err());

        CliRunner c = CliRunner.run("crosscheck", "--sites", "3", "--target-error", "1e-7", "--json");
        assertEquals(ExitCodes.INCONCLUSIVE, c.exitCode(), c.err());
        JsonNode doc = JSON.readTree(c.out());
        assertEquals("inconclusive", doc.get("verdict").asText());
        assertEquals(2, doc.get("shortfalls").size(), doc.toString());
        assertTrue(c.err().contains("qtraj: inconclusive: trajectories: the target error is out of reach"), c.err());
    }
}
