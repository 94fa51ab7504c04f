package org.qtraj.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.qtraj.model.Chain;
import org.qtraj.report.RunResults.Rec;

/**
 * REPORT.md's Fig. 3 section (heat current against T_1, T_N = 0). Beside the run's curves it evaluates the closed
 * form (PHYSICS.md) of the N = 4 chain: the maximum over T_1 by golden-section search, the plateau where
 * J &gt;= 0.9 J_max (bisection), the high-temperature limit T_1 J -&gt; g^2 omega^2/G_1 (gamma_1 ~ 2 G_1 T_1/omega, and
 * J ~ 2 omega g^2/gamma_1 once gamma_1 dominates 1/J) and the Zeno effect itself: at fixed s_1, J against the effective
 * bath rate gamma_1 rises, peaks at gamma_1 = 2 g (where d/d gamma_1 [1/gamma_1 + gamma_1/(4 g^2)] = 0, whatever the
 * dephasing) and falls as 1/gamma_1.
 */
final class Fig3Section {
    /** The plateau is where J &gt;= this fraction of its maximum. */
    static final double PLATEAU = 0.9;
    private static final double T_MIN = 0.05;
    private static final double T_MAX = 1e6;
    private static final double[] PLATEAU_GAMMAS = {0, 0.1, 0.5, 1, 5, 10, 20, 50};
    private static final double[] ZENO_RATES = {0.1, 0.3, 1, 2, 3, 10, 30, 100, 1000};

    private Fig3Section() {
    }

    static String write(RunResults run, RunResults trajectories, RunResults classicalSim, Path out, Claims claims,
                        SampledLog sampledPresent) throws IOException {
        Map<Double, List<double[]>> quantum = new TreeMap<>();
        Map<Double, List<double[]>> classical = new TreeMap<>();
        for (Rec r : run.records()) {
            double t = r.param("temp_left");
            if (r.method().equals("quantum_exact") && r.param("sites") == 4) {
                quantum.computeIfAbsent(r.param("dephasing"), k -> new ArrayList<>()).add(new double[] {t, r.value(PaperReport.HEAT)});
            } else if (r.method().equals("classical_exact") && PaperReport.isZeroOrUnswept(r.param("dephasing"))) {
                classical.computeIfAbsent(r.param("sites"), k -> new ArrayList<>()).add(new double[] {t, r.value(PaperReport.HEAT)});
            }
        }
        XYChart cq = Charts.chart("Fig. 3 (right): quantum N = 4, heat current vs T_1 (T_N = 0)", PaperReport.T_UNITS,
                PaperReport.J_UNITS, true, false);
        XYChart cc = Charts.chart("Fig. 3 (left): classical, heat current vs T_1 (T_N = 0)", PaperReport.T_UNITS, PaperReport.J_UNITS,
                true, false);
        SampledOverlay sampled = PaperReport.overlay("temp_left", run, trajectories, classicalSim,
                new SampledOverlay.Panel(cq, "dephasing", quantum, g -> "exact, gamma = " + PaperReport.fmt(g), r -> r.param("sites") == 4),
                new SampledOverlay.Panel(cc, "sites", classical, n -> "rate equations, N = " + PaperReport.fmt(n),
                        r -> PaperReport.isZeroOrUnswept(r.param("dephasing"))), sampledPresent);
        Charts.save(cq, out, "fig3-quantum");
        Charts.save(cc, out, "fig3-classical");
        StringBuilder md = new StringBuilder("## Fig. 3: heat current vs T_1 (T_N = 0)\n\n![Fig. 3 classical](fig3-classical.png) "
                + "![Fig. 3 quantum](fig3-quantum.png)\n\n");
        md.append(PaperReport.UNITS_NOTE).append("\n\n");
        md.append("Maxima by golden-section search on the closed form in ln T_1 (to 1e-9), not a grid value. Classical: J_C rises "
                + "monotonically to its limit gamma_N V/2/(V + gamma_N (N - 1)) (s_1 -> 1/2, gamma_1 -> infinity).\n\n");
        md.append("| curve | T_1 at the maximum | J max | J(T_1 = 1000) | J(1000)/J max | T_1 J at T_1 = 1000 |\n|---|---|---|---|---|---|\n");
        for (Map.Entry<Double, List<double[]>> e : classical.entrySet()) {
            int n = (int) (double) e.getKey();
            Chain c = PaperModels.chain(n, 0, 1000);
            double limit = 0.5 / (1 + (n - 1));
            md.append(String.format(Locale.ROOT, "| classical N = %d | none (monotone; limit %.6g as T_1 -> infinity) | - | %.6g | %.4f of the limit | - |%n",
                    n, limit, PaperModels.classicalClosed(c), PaperModels.classicalClosed(c) / limit));
        }
        for (double g : quantum.keySet()) {
            double[] max = maximum(g);
            double j1000 = PaperModels.closed(PaperModels.chain(4, g, 1000));
            md.append(String.format(Locale.ROOT, "| quantum N = 4, gamma = %s | %.4f | %.6g | %.6g | %.4f | %.4f |%n", PaperReport.fmt(g),
                    max[0], max[1], j1000, j1000 / max[1], 1000 * j1000));
        }
        md.append('\n').append(sampled.table());
        md.append(zeno(out));
        String plateau = plateauTable(md);
        claimRows(quantum, classical, sampled, claims, plateau);
        return md.toString();
    }

    /** {T_1 at the maximum, J max} of the N = 4 closed form at dephasing gamma. */
    static double[] maximum(double gamma) {
        double[] m = ReportMath.goldenMax(x -> PaperModels.closed(PaperModels.chain(4, gamma, Math.exp(x))), Math.log(T_MIN),
                Math.log(1000), 1e-9);
        return new double[] {Math.exp(m[0]), m[1]};
    }

    /** {T_lo, T_hi}: where J = 0.9 J_max on either side of the maximum (bisection in ln T_1). */
    static double[] plateau(double gamma) {
        double[] m = maximum(gamma);
        double level = PLATEAU * m[1];
        java.util.function.DoubleUnaryOperator f = x -> PaperModels.closed(PaperModels.chain(4, gamma, Math.exp(x))) - level;
        double lo = ReportMath.bisect(f, Math.log(T_MIN), Math.log(m[0]), 1e-9);
        double hi = ReportMath.bisect(f, Math.log(m[0]), Math.log(T_MAX), 1e-9);
        return new double[] {Math.exp(lo), Math.exp(hi)};
    }

    private static String plateauTable(StringBuilder md) {
        md.append(String.format(Locale.ROOT, "Plateau of the quantum current (N = 4): the T_1 range where J >= %.1f J_max, and the "
                + "high-temperature fall T_1 J (which tends to g^2 omega^2/G_1 = 1 at every gamma):%n%n", PLATEAU));
        md.append("| gamma | T_1 at max | plateau T_lo..T_hi | width (decades) | J/J_max at T_1 = 10, 30, 100 | T_1 J at T_1 = 1e3, 1e4, 1e5 |\n"
                + "|---|---|---|---|---|---|\n");
        StringBuilder widths = new StringBuilder();
        for (double g : PLATEAU_GAMMAS) {
            double[] m = maximum(g);
            double[] p = plateau(g);
            double w = Math.log10(p[1] / p[0]);
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3g..%.3g | %.2f | %.2f, %.2f, %.2f | %.4f, %.5f, %.6f |%n", PaperReport.fmt(g), m[0],
                    p[0], p[1], w, ratio(g, 10, m[1]), ratio(g, 30, m[1]), ratio(g, 100, m[1]), tj(g, 1e3), tj(g, 1e4), tj(g, 1e5)));
            if (g == 0 || g == 5 || g == 50) {
                widths.append(widths.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f (gamma = %s)", w, PaperReport.fmt(g)));
            }
        }
        md.append('\n');
        return widths.toString();
    }

    private static double ratio(double gamma, double t, double max) {
        return PaperModels.closed(PaperModels.chain(4, gamma, t)) / max;
    }

    private static double tj(double gamma, double t) {
        return t * PaperModels.closed(PaperModels.chain(4, gamma, t));
    }

    /** The Zeno effect shown: J against gamma_1 at fixed s_1 (T_1 = 1), table and figure fig3-zeno. */
    private static String zeno(Path out) throws IOException {
        double[] gammas = {0, 0.5, 5};
        StringBuilder md = new StringBuilder("### The Zeno effect shown: J against the hot bath's rate at fixed s_1\n\n![Zeno](fig3-zeno.png)\n\n");
        md.append("N = 4, T_1 = 1 held fixed (s_1 = 0.2689), T_N = 0, G_N = 1; the left bath rate G_1 is varied, so gamma_1 = "
                + "G_1 (2 nbar_1 + 1) changes at constant s_1 (closed form). Raising T_1 raises both s_1 (bounded by 1/2) and gamma_1 "
                + "(without bound); this table isolates the second.\n\n");
        md.append("| gamma_1 |");
        for (double g : gammas) {
            md.append(" J (gamma = ").append(PaperReport.fmt(g)).append(") |");
        }
        md.append("\n|---|").append("---|".repeat(gammas.length)).append('\n');
        XYChart c = Charts.chart("Zeno effect: N = 4, J vs gamma_1 at fixed s_1 (T_1 = 1)", "gamma_1 (units of G)", PaperReport.J_UNITS,
                true, true);
        for (double r : ZENO_RATES) {
            md.append("| ").append(PaperReport.fmt(r)).append(" |");
            for (double g : gammas) {
                md.append(String.format(Locale.ROOT, " %.6g |", PaperModels.closed(PaperModels.chainWithGamma1(4, g, 1, r))));
            }
            md.append('\n');
        }
        md.append("| **maximum at** |");
        for (double g : gammas) {
            double[] m = ReportMath.goldenMax(x -> PaperModels.closed(PaperModels.chainWithGamma1(4, g, 1, Math.exp(x))), Math.log(0.01),
                    Math.log(1e4), 1e-10);
            md.append(String.format(Locale.ROOT, " gamma_1 = %.6f, J = %.6g |", Math.exp(m[0]), m[1]));
            List<double[]> line = new ArrayList<>();
            for (double x = -2; x <= 3.0001; x += 0.05) {
                double r = Math.pow(10, x);
                line.add(new double[] {r, PaperModels.closed(PaperModels.chainWithGamma1(4, g, 1, r))});
            }
            Charts.line(c, "closed form, gamma = " + PaperReport.fmt(g), line);
        }
        Charts.save(c, out, "fig3-zeno");
        md.append("\n\nThe current is not monotonic in gamma_1: it peaks at gamma_1 = 2 g = 2 (the golden-section maxima above) for every "
                + "dephasing rate and falls as 2 omega g^2 s_1/gamma_1 beyond: the strong measurement of site 1 by the hot bath "
                + "freezes its exchange with site 2 (Zeno). Dephasing adds a gamma_1-independent resistance (N - 1) gamma/(2 g^2), so "
                + "it lowers the peak but cannot remove the fall.\n\n");
        return md.toString();
    }

    private static void claimRows(Map<Double, List<double[]>> quantum, Map<Double, List<double[]>> classical, SampledOverlay sampled,
                                  Claims claims, String widths) {
        if (!classical.isEmpty()) {
            double worstLimit = 1;
            for (double nd : classical.keySet()) {
                int n = (int) nd;
                worstLimit = Math.min(worstLimit, PaperModels.classicalClosed(PaperModels.chain(n, 0, 1000)) / (0.5 / n));
            }
            double rateVsClosed = 0;
            for (Map.Entry<Double, List<double[]>> e : classical.entrySet()) {
                for (double[] p : e.getValue()) {
                    Chain c = PaperModels.chain((int) (double) e.getKey(), 0, p[0]);
                    rateVsClosed = Math.max(rateVsClosed, Math.abs(p[1] / PaperModels.classicalClosed(c) - 1));
                }
            }
            String gill = sampled.agreement("classical, sites");
            claims.add("Fig. 3: classical current saturates at high T_1", "saturates (finite heat capacity)",
                    String.format(Locale.ROOT, "monotone in T_1 for every N, J(T_1 = 1000) >= %.4f of the T_1 -> infinity limit "
                            + "gamma_N V/2/(V + gamma_N (N - 1))", worstLimit),
                    String.format(Locale.ROOT, "rate equations (linear solve) vs the closed form J_C over the whole grid: max relative "
                            + "difference %.1e; Gillespie simulation: %s", rateVsClosed, gill.isEmpty() ? "no points" : gill),
                    worstLimit > 0.95 ? "yes" : "no", "yes", "");
        }
        if (quantum.containsKey(0.0)) {
            double[] m = maximum(0);
            double liou = 0;
            for (double t : new double[] {m[0], 100, 1000}) {
                Chain c = PaperModels.chain(4, 0, t);
                liou = Math.max(liou, Math.abs(PaperModels.liouvillian(c) / PaperModels.closed(c) - 1));
            }
            String traj = sampled.agreement("trajectories, dephasing = 0");
            claims.add("Fig. 3: quantum (N = 4, gamma = 0) falls at high T_1 (Zeno effect)",
                    "falls at high T_1: gamma_1 grows, a Zeno-type effect",
                    String.format(Locale.ROOT, "max J = %.5f at T_1 = %.3f (golden section); T_1 J -> g^2 omega^2/G_1 = 1 (T_1 J = %.4f at "
                            + "T_1 = 1e3); shown as Zeno: at fixed s_1, J(gamma_1) peaks at gamma_1 = 2 g and falls as 1/gamma_1 "
                            + "(table below)", m[1], m[0], tj(0, 1e3)),
                    String.format(Locale.ROOT, "Liouvillian (N = 4, T_1 = %.2f, 100, 1000) vs closed form: max relative difference %.1e; "
                            + "trajectories (gamma = 0): %s", m[0], liou, traj.isEmpty() ? "no points" : traj),
                    "yes", "yes", "");
        }
        double gMax = quantum.keySet().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (gMax > 0) {
            double[] m = maximum(gMax);
            Chain c = PaperModels.chain(4, gMax, 1000);
            double liou = Math.abs(PaperModels.liouvillian(c) / PaperModels.closed(c) - 1);
            String traj = sampled.agreement("trajectories, dephasing = " + PaperReport.fmt(gMax));
            claims.add("Fig. 3: with dephasing the quantum T_1 dependence approaches the classical saturating one",
                    "\"approaches a qualitatively similar saturating behavior as in the classical system\"",
                    String.format(Locale.ROOT, "no saturation at any gamma: T_1 J -> g^2 (gamma = %s: T_1 J(T_1 = 1e3) = %.2f; J/J_max = "
                            + "%.2f, %.2f, %.2f at T_1 = 10, 30, 100). What holds: a delayed fall (maximum moves from T_1 = %.2f to %.2f) "
                            + "and a plateau J >= %.1f J_max whose width grows with gamma: %s decades",
                            PaperReport.fmt(gMax), tj(gMax, 1e3), ratio(gMax, 10, m[1]), ratio(gMax, 30, m[1]), ratio(gMax, 100, m[1]),
                            maximum(0)[0], m[0], PLATEAU, widths),
                    String.format(Locale.ROOT, "Liouvillian (N = 4, gamma = %s, T_1 = 1000) vs closed form: %.1e; trajectories "
                            + "(gamma = %s): %s", PaperReport.fmt(gMax), liou, PaperReport.fmt(gMax), traj.isEmpty() ? "no points" : traj),
                    "partly", "yes", "the row's own numbers showed J still falling like 1/T_1 at gamma = 5: dephasing widens a "
                            + "plateau and delays the fall, it does not give saturation");
        }
    }
}
