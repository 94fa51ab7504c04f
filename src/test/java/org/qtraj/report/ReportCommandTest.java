package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** The exact methods of the paper's specs, with the labels the report looks for. */
    private static final String EXACT = """
            methods:
              - {method: exact, solver: auto, label: quantum_exact}
              - {method: exact, solver: rate, label: classical_exact}
            """;

    /** Runs spec {@code name} (Fig. 2 and 3's model, then {@code spec}) into a directory of that name. */
    private Path run(String name, String spec) throws Exception {
        Path file = tmp.resolve(name + ".yaml");
        Files.writeString(file, "name: " + name + "\nmodel: {omega: 1, coupling: 1, hopping: 1, baths: {left: {rate: 1, "
                + "temperature: 1}, right: {rate: 1, temperature: 0}}}\n" + spec);
        Path dir = tmp.resolve(name);
        qtraj("run", file.toString(), "--out", dir.toString(), "--threads", "2");
        return dir;
    }

    /**
     * runs/relaxation.yaml's labels at N = 2, 3: two figures at N = 3, and every sampled value within |z| < 4 of its
     * exact curve (24 values, false alarm about 1.5e-3; fixed seed).
     */
    @Test
    void relaxationRunGivesItsSection() throws Exception {
        Path run = run("relaxation", """
                seed: 4
                sweep: {parameters: {sites: {values: [2, 3]}}}
                methods:
                  - {method: trajectories, trajectories: 600, times: [0, 1, 2, 4, 8], initial_state: '1', label: quantum}
                  - {method: relaxation, times: [0, 1, 2, 4, 8], initial_state: '1', label: quantum_exact}
                  - {method: classical, trajectories: 600, times: [0, 1, 2, 4, 8], initial_state: '1', label: classical}
                  - {method: relaxation, solver: rate, times: [0, 1, 2, 4, 8], initial_state: '1', label: classical_exact}
                observables: [population_*]
                """);
        Path out = tmp.resolve("analysis");
        qtraj("report", run.toString(), "--out", out.toString());
        assertTrue(Files.size(out.resolve("relaxation-quantum.png")) > 1000);
        assertTrue(Files.size(out.resolve("relaxation-classical.png")) > 1000);
        String md = Files.readString(out.resolve("REPORT.md"));
        assertTrue(md.contains("N = 3: lines are exact"), md);
        // | dynamics | K | chi^2/K | max |z| | ...
        Matcher m = Pattern.compile("\\| (quantum|classical) \\| (\\d+) \\| [0-9.]+ \\| ([0-9.]+) \\|").matcher(md);
        int rows = 0;
        while (m.find()) {
            rows++;
            assertEquals(12, Integer.parseInt(m.group(2)), m.group());
            assertTrue(Double.parseDouble(m.group(3)) < 4, m.group());
        }
        assertEquals(2, rows, md);
    }

    @Test
    void tinyFig2RunGivesFiguresAndTheTable() throws Exception {
        Path run = run("paper-fig2", """
                seed: 1
                sweep:
                  parameters:
                    sites: {values: [2, 4, 8, 16]}
                    dephasing: {values: [0, 5]}
                    hopping: {values: [1]}
                """ + EXACT);
        Path out = tmp.resolve("analysis");
        qtraj("report", run.toString(), "--out", out.toString());
        for (String f : new String[] {"fig2-quantum", "fig2-classical"}) {
            assertTrue(Files.size(out.resolve(f + ".png")) > 1000, f + ".png");
            assertTrue(Files.readString(out.resolve(f + ".svg")).contains("<svg"), f + ".svg");
        }
        String md = Files.readString(out.resolve("REPORT.md"));
        assertTrue(md.contains("| claim | paper says | qtraj finds | independent evidence | agree? |"), md);
        // the paper prints no value for eq. 12: the report must not credit it with one
        assertTrue(md.contains("| eq. 12, a formula (the paper prints no value) | 0.119364770 (closed form, eq. 12) | correlation solver"), md);
        assertTrue(md.contains("## Closing note: verdicts changed after refereeing"), md);
        assertTrue(md.contains("paper-fig2: none (exact curves only)"), md);
        assertTrue(md.contains("paper-fig2-trajectories: not given"), md);
        assertTrue(md.contains("Not given (sections left out)"), md);
        assertTrue(md.contains("fluctuations-fano-64") && md.contains("fmo-dephasing-optimum"), "the list names the newer specs too: " + md);
    }

    @Test
    void tinyFig3RunsGiveSampledPointsWithZScores() throws Exception {
        Path exact = run("paper-fig3", """
                seed: 1
                sweep:
                  parameters:
                    sites: {values: [2, 4]}
                    dephasing: {values: [0, 0.5]}
                    temp_left: {values: [0.5, 2, 8]}
                """ + EXACT);
        Path trajectories = run("paper-fig3-trajectories", """
                seed: 2
                sweep:
                  mode: zip
                  parameters:
                    sites: {values: [4, 4, 2]}
                    dephasing: {values: [0, 0.5, 0]}
                    temp_left: {values: [2, 2, 2]}
                methods:
                  - {method: trajectories, trajectories: 300, label: trajectories}
                """);
        Path classical = run("paper-fig3-classical", """
                seed: 3
                sweep:
                  parameters:
                    sites: {values: [2, 4]}
                    temp_left: {values: [0.5, 8]}
                methods:
                  - {method: classical, trajectories: 300, label: classical}
                """);
        Path out = tmp.resolve("analysis");
        qtraj("report", exact.toString(), trajectories.toString(), classical.toString(), "--out", out.toString());
        for (String f : new String[] {"fig3-quantum", "fig3-classical"}) {
            assertTrue(Files.size(out.resolve(f + ".png")) > 1000, f + ".png");
        }
        String md = Files.readString(out.resolve("REPORT.md"));
        assertTrue(md.contains("paper-fig3: none (exact curves only)"), md);
        // the N = 2 trajectory point has no curve on the N = 4 panel
        Matcher q = Pattern.compile("paper-fig3-trajectories: 2 sampled points \\(trajectories, dephasing = 0; trajectories, "
                + "dephasing = 0\\.5000\\), max \\|z\\| = ([0-9.]+) against the exact curves; 1 more not on these panels").matcher(md);
        assertTrue(q.find(), md);
        Matcher c = Pattern.compile("paper-fig3-classical: 4 sampled points \\(classical, sites = 2; classical, sites = 4\\), "
                + "max \\|z\\| = ([0-9.]+) against the exact curves").matcher(md);
        assertTrue(c.find(), md);
        // fixed seeds: the estimates agree with the exact curves within their error bars
        assertTrue(Double.parseDouble(q.group(1)) < 3, q.group());
        assertTrue(Double.parseDouble(c.group(1)) < 3, c.group());
        assertTrue(md.contains("| run | series | temp_left | sampled ± error | exact | z |"), md);
        assertTrue(md.contains("| paper-fig3-classical | classical, sites = 4 | 8 | "), md);
        assertEquals(6, md.lines().filter(l -> l.startsWith("| paper-fig3-")).count(), md);
    }
}
