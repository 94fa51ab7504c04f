package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.cli.Main;

class ReportCommandTest {

    @TempDir
    Path tmp;

    private int qtraj(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, rc, "qtraj " + String.join(" ", args) + ": " + err);
        return rc;
    }

    @Test
    void tinyFig2RunGivesFiguresAndTheTable() throws Exception {
        Path spec = tmp.resolve("paper-fig2.yaml");
        Files.writeString(spec, """
                name: paper-fig2
                seed: 1
                model: {omega: 1, coupling: 1, hopping: 1, baths: {left: {rate: 1, temperature: 1}, right: {rate: 1, temperature: 0}}}
                sweep:
                  parameters:
                    sites: {values: [2, 4, 8, 16]}
                    dephasing: {values: [0, 5]}
                    hopping: {values: [1]}
                methods:
                  - {method: exact, solver: auto, label: quantum_exact}
                  - {method: exact, solver: rate, label: classical_exact}
                """);
        Path run = tmp.resolve("run");
        qtraj("run", spec.toString(), "--out", run.toString());
        Path out = tmp.resolve("analysis");
        qtraj("report", run.toString(), "--out", out.toString());
        for (String f : new String[] {"fig2-quantum", "fig2-classical"}) {
            assertTrue(Files.size(out.resolve(f + ".png")) > 1000, f + ".png");
            assertTrue(Files.readString(out.resolve(f + ".svg")).contains("<svg"), f + ".svg");
        }
        String md = Files.readString(out.resolve("REPORT.md"));
        assertTrue(md.contains("| claim | paper says | qtraj finds | agree? |"), md);
        assertTrue(md.contains("| Fig. 2 / eq. 12: J at gamma = 0, Fig. 2 parameters | 0.119364770 | 0.119364770 | yes |"), md);
        assertTrue(md.contains("paper-fig2: none (exact curves only)"), md);
        assertTrue(md.contains("Not given (sections left out)"), md);
    }
}
