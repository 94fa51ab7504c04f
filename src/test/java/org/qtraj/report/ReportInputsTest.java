package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.cli.Main;

/**
 * {@code qtraj report} on inputs the fuzz suite (org.qtraj.fuzz) found it mishandled: a damaged manifest and an --out
 * that cannot be made were internal errors (exit 1, an exception's name on stderr), "wrote ..." went to System.out
 * instead of the command's stream, and an --out through a missing directory (a/missing/../b) failed after drawing.
 */
class ReportInputsTest {
    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private static Run qtraj(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(rc, out.toString(), err.toString());
    }

    private Path fig2Run() throws Exception {
        Path spec = tmp.resolve("paper-fig2.yaml");
        Files.writeString(spec, "name: paper-fig2\nsweep: {parameters: {sites: {values: [2, 3]}}}\n"
                + "methods: [{method: exact, label: quantum_exact}, {method: exact, solver: rate, label: classical_exact}]\n");
        Path dir = tmp.resolve("paper-fig2");
        Run r = qtraj("run", spec.toString(), "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        return dir;
    }

    private static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.sorted().toList();
        }
    }

    private static void assertOneLineRefusal(Run r, String start) {
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith(start), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void printsOnTheCommandsOwnStream() throws Exception {
        Path run = fig2Run();
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Run r;
        try {
            System.setOut(new PrintStream(captured, true));
            r = qtraj("report", run.toString(), "--out", tmp.resolve("rep").toString());
        } finally {
            System.setOut(original);
        }
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote "), r.out());
        assertEquals("", captured.toString(), "nothing on System.out");
    }

    @Test
    void refusesAnOutThatCannotBeMadeBeforeDrawing() throws Exception {
        Path run = fig2Run();
        Files.writeString(tmp.resolve("file.txt"), "x");
        List<Path> before = files(tmp);
        Run r = qtraj("report", run.toString(), "--out", tmp.resolve("file.txt").resolve("rep").toString());
        assertOneLineRefusal(r, "qtraj: --out: cannot create the report directory");
        assertTrue(r.err().contains("file.txt"), r.err());
        assertEquals(before, files(tmp));
    }

    @Test
    void refusesADamagedManifestNamingTheDirectory() throws Exception {
        Path run = fig2Run();
        for (String manifest : new String[] {"{not json", "[1, 2, 3]", "", "42"}) {
            Files.writeString(run.resolve("manifest.json"), manifest);
            Run r = qtraj("report", run.toString(), "--out", tmp.resolve("rep").toString());
            assertOneLineRefusal(r, "qtraj: DIR: " + run + " has a damaged manifest.json");
            assertFalse(Files.exists(tmp.resolve("rep")), manifest);
        }
    }

    @Test
    void writesThroughAMissingDirectoryAndDotDot() throws Exception {
        Path run = fig2Run();
        String out = tmp.resolve("missing").resolve("..").resolve("rep").toString();
        Run r = qtraj("report", run.toString(), "--out", out);
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("rep").resolve("REPORT.md")));
        assertTrue(Files.isRegularFile(tmp.resolve("rep").resolve("fig2-quantum.png")));
    }
}
