package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.report.RunResults.Rec;

/**
 * The "Quantum against classical at large N" subsection from hand-made run records: the quantum estimate is compared
 * with the classical exact value where the 2^N generator reaches (N = 8: exact F = 0.8313, from the report's own
 * FluctuationsSection table) and with the classical trajectories beyond (here beyond N = 8, to keep the test fast:
 * N = 16, 32), by z = difference / combined error; both figures are written.
 */
class LargeNFluctuationsSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Rec rec(int point, int sites, double gamma, double fano, double fanoError) {
        ObjectNode n = JSON.createObjectNode();
        n.putObject("parameters").put("sites", sites).put("dephasing", gamma);
        n.putObject("observables").putObject("fano").put("value", fano).put("error", fanoError).put("samples", 100);
        ObjectNode r = n.putObject("result");
        r.put("elapsed_seconds", 1.0);
        r.putObject("window_offset").put("corrected_ratio_3", 0.5).put("corrected_ratio_3_error", 0.1);
        return new Rec(point, 0, "gaussian", n);
    }

    @Test
    void comparesQuantumWithClassicalExactOrTrajectoriesAndDrawsBothFigures(@TempDir Path dir) throws Exception {
        RunResults quantum = new RunResults(dir, LargeNFluctuationsSection.QUANTUM, "complete",
                List.of(rec(0, 8, 0.5, 0.9313, 0.05), rec(1, 16, 0.5, 0.9, 0.1), rec(2, 32, 0.5, 0.9, 0.1)));
        RunResults classical = new RunResults(dir, LargeNFluctuationsSection.CLASSICAL, "complete",
                List.of(rec(0, 16, 0, 0.8, 0.05), rec(1, 32, 0, 0.8, 0.05)));
        String md = LargeNFluctuationsSection.write(Map.of(LargeNFluctuationsSection.QUANTUM, quantum,
                LargeNFluctuationsSection.CLASSICAL, classical), dir, 4, 8);
        // N = 8: (0.9313 - 0.8313) / 0.05 = +2.00 against the classical exact value (0.83130 to 4 digits)
        assertTrue(md.contains("N = 8: z = +2.00 (F)"), md);
        // N = 16: (0.9 - 0.8) / hypot(0.1, 0.05) = +0.89 against the classical trajectories
        assertTrue(md.contains("N = 16: z = +0.89 (F)"), md);
        // N = 32: (0.9 - 0.8) / hypot(0.1, 0.05) = +0.89 against the classical trajectories
        assertTrue(md.contains("N = 32: z = +0.89 (F)"), md);
        assertTrue(md.contains("| infinity | | | | | 0.8207 |"), md);
        assertTrue(md.contains("agree with"), md);
        // gaps +0.1 at N = 8, 16, 32 (x = 3, 4, 5): no trend; a gap that falls by 0.1 per doubling gives slope -0.1
        assertTrue(md.contains("changes by +0.000 +- "), md);
        String falling = LargeNFluctuationsSection.trend(List.of(new double[] {3, 0.1, 0.05}, new double[] {4, 0, 0.05},
                new double[] {5, -0.1, 0.05}));
        assertTrue(falling.contains("changes by -0.100 +- 0.035"), falling);
        for (String f : List.of("fluctuations-large-n-fano", "fluctuations-large-n-kappa3")) {
            assertTrue(Files.size(dir.resolve(f + ".png")) > 0);
            assertTrue(Files.size(dir.resolve(f + ".svg")) > 0);
        }
    }
}
