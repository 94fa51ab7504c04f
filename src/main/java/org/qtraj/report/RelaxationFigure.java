package org.qtraj.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.qtraj.report.RunResults.Rec;
import org.qtraj.stats.Estimate;

/**
 * The relaxation section of REPORT.md (an extension beyond the paper), from a run of {@code runs/relaxation.yaml}:
 * at the largest N of the run, the occupations n_k(t) after one excitation on site 1, quantum (trajectories beside
 * the exact time evolution) and classical (Gillespie beside the exact one-point equations), with the largest |z|
 * of each. The spec's method labels are quantum, quantum_exact, classical and classical_exact.
 */
final class RelaxationFigure {
    private RelaxationFigure() {
    }

    /** Draws relaxation-quantum and relaxation-classical into {@code out}; returns the markdown section. */
    static String write(RunResults run, Path out) throws IOException {
        int point = -1;
        double sites = 0;
        for (Rec r : run.records()) {
            if (r.method().equals("quantum_exact") && r.param("sites") > sites) {
                sites = r.param("sites");
                point = r.point();
            }
        }
        if (point < 0) {
            return "## Relaxation\n\nThe run `" + run.dir() + "` has no quantum_exact records: nothing drawn.\n\n";
        }
        StringBuilder md = new StringBuilder("## Relaxation from one excitation on site 1 (beyond the paper)\n\n");
        md.append("![quantum](relaxation-quantum.png) ![classical](relaxation-classical.png)\n\n");
        md.append(String.format(Locale.ROOT, "`%s`, N = %d: lines are exact, points are ensemble means with error bars.%n%n",
                run.dir(), (int) sites));
        md.append("Error bars: 1 sigma, the standard error of the ensemble mean of n_k(t) over independent trajectories (sample standard "
                + "deviation / sqrt(trajectories)). Units: t in units of 1/G (G = 1), n_k dimensionless. chi^2 = sum z^2 over the "
                + "sampled values. The values are not independent: the same trajectories give every site and every time (n_k(t) "
                + "and n_k(t + dt) are strongly correlated, and the populations are tied by the excitation number), so chi^2 is not "
                + "chi^2-distributed with that many degrees of freedom and is given as a summary only. For the largest |z| the "
                + "bound that holds under any correlation of normal z-scores (Bonferroni: K values, P(max |z| >= m) <= K P(|Z| >= m)) "
                + "and the Sidak value 1 - (1 - P(|Z| >= m))^K, which also bounds the positively correlated case, say how "
                + "surprising it is.\n\n");
        md.append("| dynamics | sampled values K | chi^2/K | max \\|z\\| | P(\\|Z\\| >= max) for one value | Bonferroni bound K P | Sidak |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (String kind : new String[] {"quantum", "classical"}) {
            md.append(panel(run, point, (int) sites, kind, out));
        }
        return md.append('\n').toString();
    }

    private static String panel(RunResults run, int point, int sites, String kind, Path out) throws IOException {
        Rec exact = find(run, point, kind + "_exact");
        Rec sampled = find(run, point, kind);
        if (exact == null) {
            return "| " + kind + " | no " + kind + "_exact record at this point | - |\n";
        }
        List<Double> times = new ArrayList<>();
        exact.node().path("result").path("times").forEach(t -> times.add(t.asDouble()));
        XYChart c = Charts.chart("Relaxation, " + kind + ", N = " + sites + ", from site 1 excited (error bars 1 sigma)",
                "t (units of 1/G)", "n_k(t) (dimensionless)",
                false, false);
        double maxZ = 0;
        double chi2 = 0;
        int count = 0;
        for (int k = 1; k <= sites; k++) {
            List<double[]> line = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            for (int j = 0; j < times.size(); j++) {
                String name = "population_" + k + "_at_" + j;
                double x = exact.value(name);
                line.add(new double[] {times.get(j), x});
                if (sampled != null && sampled.error(name) > 0) {
                    points.add(new double[] {times.get(j), sampled.value(name), sampled.error(name)});
                    double z = Estimate.z(sampled.value(name), sampled.error(name), x);
                    maxZ = Math.max(maxZ, Math.abs(z));
                    chi2 += z * z;
                    count++;
                }
            }
            Charts.line(c, "exact, site " + k, line);
            Charts.errorBars(c, (kind.equals("quantum") ? "trajectories" : "Gillespie") + ", site " + k, points,
                    "exact, site " + k);
        }
        Charts.save(c, out, "relaxation-" + kind);
        if (count == 0) {
            return "| " + kind + " | 0 | - | - | - | - | - |\n";
        }
        double one = ReportMath.normalTwoSided(maxZ);
        return String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1e | %.3f | %.3f |%n", kind, count, chi2 / count, maxZ, one,
                Math.min(1, count * one), 1 - Math.pow(1 - one, count));
    }

    private static Rec find(RunResults run, int point, String method) {
        for (Rec r : run.records()) {
            if (r.point() == point && r.method().equals(method)) {
                return r;
            }
        }
        return null;
    }
}
