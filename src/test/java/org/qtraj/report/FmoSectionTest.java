package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.report.RunResults.Rec;

/**
 * The FMO section's optimiser and its report on runs with known curves: J(gamma) = c + gamma / (a^2 + gamma^2) has its
 * maximum at gamma = a exactly (d/dgamma = (a^2 - gamma^2)/(a^2 + gamma^2)^2), J(a) = c + 1/(2a).
 */
class FmoSectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private static double peaked(double gamma, double a, double c) {
        return c + gamma / (a * a + gamma * gamma);
    }

    /** 0 and 10^(k/8), k = -8..32: the grid of runs/fmo-dephasing.yaml. */
    private static List<Double> grid() {
        List<Double> g = new ArrayList<>(List.of(0.0));
        for (int k = -8; k <= 32; k++) {
            g.add(Math.pow(10, k / 8.0));
        }
        return g;
    }

    @Test
    void theOptimiserFindsAKnownMaximumBetweenGridPoints() {
        double a = 137.0;
        List<double[]> xy = new ArrayList<>();
        for (double g : grid().subList(1, grid().size())) {
            xy.add(new double[] {g, peaked(g, a, 0)});
        }
        FmoSection.Optimum o = FmoSection.optimum(xy);
        // the spline through 8 points per decade of a smooth peak: measured 2e-4 relative in gamma; 2e-3 leaves room
        assertEquals(a, o.gamma(), 2e-3 * a);
        assertEquals(1 / (2 * a), o.current(), 1e-5 / (2 * a));
        assertEquals(133.352, xy.get(o.nearest())[0], 1e-3, "the grid point nearest 137 is 10^(17/8)");
    }

    @Test
    void aMonotoneCurvePeaksAtItsEnd() {
        List<double[]> xy = List.of(new double[] {0.1, 3}, new double[] {1, 2}, new double[] {10, 1});
        FmoSection.Optimum o = FmoSection.optimum(xy);
        assertEquals(0.1, o.gamma());
        assertEquals(3, o.current());
        assertEquals(0, o.nearest());
    }

    @Test
    void theSplineGoesThroughItsPointsAndKeepsAStraightLine() {
        double[] x = {0, 1, 2.5, 3, 5};
        double[] line = {1, 3, 6, 7, 11};
        double[] m = FmoSection.splineSecondDerivatives(x, line);
        for (double v : m) {
            assertEquals(0, v, 1e-12);
        }
        assertEquals(1 + 2 * 4.2, FmoSection.spline(x, line, m, 4.2), 1e-12);
        double[] y = {0, 1, -1, 2, 0.5};
        double[] m2 = FmoSection.splineSecondDerivatives(x, y);
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], FmoSection.spline(x, y, m2, x[i]), 1e-12);
        }
    }

    private static Rec exact(int point, int sample, String method, double gamma, double j) throws Exception {
        String json = String.format(Locale.ROOT, "{\"parameters\": {\"dephasing\": %s}, \"observables\": {\"particle_current\":"
                + " {\"value\": %s, \"error\": 0, \"samples\": 0}}, \"result\": {\"particle_current\": %s,"
                + " \"populations\": [0.3, 0.2, 0.1], \"bonds\": [[1, 2], [2, 3], [1, 3]],"
                + " \"bond_currents\": [%s, %s, 0.5]}}", gamma, j, j, j / 2, j / 2);
        return new Rec(point, sample, method, JSON.readTree(json));
    }

    @Test
    void theSectionReportsTheRatioTheChainsAndDrawsThePicture() throws Exception {
        double a = 137.0;
        double c = 1e-3;
        List<Rec> fmo = new ArrayList<>();
        List<Rec> chain = new ArrayList<>();
        List<Rec> disorder = new ArrayList<>();
        List<Double> g = grid();
        for (int i = 0; i < g.size(); i++) {
            fmo.add(exact(i, 0, "fmo_exact", g.get(i), peaked(g.get(i), a, c)));
            chain.add(exact(i, 0, "chain_exact", g.get(i), 1 / (1 + g.get(i))));
            disorder.add(exact(i, 0, "disorder_exact", g.get(i) / 100, 1 / (1 + g.get(i))));
            disorder.add(exact(i, 1, "disorder_exact", g.get(i) / 100, peaked(g.get(i), 10, 0.01)));
        }
        Path run = dir.resolve("fmo");
        Files.createDirectories(run);
        Files.writeString(run.resolve("manifest.json"), "{\"spec\": {\"model\": {\"baths\": {\"pump\": {\"site\": 1},"
                + " \"trap\": {\"site\": 3}}}}}");
        String sampled = "{\"parameters\": {\"dephasing\": 100}, \"observables\": {\"particle_current\": {\"value\": %s,"
                + " \"error\": %s, \"samples\": 150}}}";
        double at100 = peaked(100, a, c);
        Rec traj = new Rec(0, 0, "fmo_trajectories", JSON.readTree(String.format(Locale.ROOT, sampled, at100 + 2e-5, 1e-5)));
        Map<String, RunResults> runs = Map.of(
                FmoSection.EXACT, new RunResults(run, FmoSection.EXACT, "complete", fmo),
                FmoSection.CHAIN, new RunResults(dir.resolve("c"), FmoSection.CHAIN, "complete", chain),
                FmoSection.DISORDER, new RunResults(dir.resolve("d"), FmoSection.DISORDER, "complete", disorder),
                FmoSection.TRAJECTORIES, new RunResults(dir.resolve("t"), FmoSection.TRAJECTORIES, "complete", List.of(traj)));
        Path out = dir.resolve("report");
        Files.createDirectories(out);
        String md = FmoSection.write(runs, out);
        Matcher ratio = Pattern.compile("\\| J\\(gamma\\*\\) / J\\(0\\) \\| ([0-9.]+) \\|").matcher(md);
        assertTrue(ratio.find(), md);
        double expected = peaked(a, a, c) / c;
        assertEquals(expected, Double.parseDouble(ratio.group(1)), 1e-3 * expected, md);
        assertTrue(md.contains("| 100 | 0.004496 +- 1.000e-05 | 0.004476 | 2.00 |"), md);
        // the row above: z = (J + 2e-5 - J) / 1e-5 = 2 against the exact record at gamma = 100
        assertTrue(md.contains("raises J in | 1 of 2"), md);
        assertTrue(md.contains("largest J(gamma)/J(0), gamma > 0 | 0.9"), "the chain only falls: " + md);
        for (String f : new String[] {"fmo-dephasing", "fmo-dephasing-ratio", "fmo-optimum"}) {
            assertTrue(Files.size(out.resolve(f + ".png")) > 0 && Files.size(out.resolve(f + ".svg")) > 0, f);
        }
        String svg = Files.readString(out.resolve("fmo-optimum.svg"));
        assertEquals(3, svg.split("class=\"bond\"", -1).length - 1);
        assertTrue(svg.contains(">pump</text>") && svg.contains(">trap</text>"));
    }
}
