package org.qtraj.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.qtraj.model.Chain;
import org.qtraj.report.RunResults.Rec;

/**
 * REPORT.md's Fig. 2 section (heat current against N): the exact curves of the run, the sampled points over them
 * with their z-scores and chi^2, the exponent d ln J/d ln N at the largest N by the analytic derivative of the closed
 * forms ({@link PaperModels}), and the claims, each checked by methods independent of the one that made the curve
 * (the correlation solver to N = 1000, the Liouvillian to N = 8, trajectories).
 */
final class Fig2Section {
    /** Largest N the Liouvillian checks (2^8 states: about a second per solve on 2 cores). */
    static final int LIOUVILLIAN_MAX_N = 8;
    private static final int[] CORRELATION_N = {2, 100, 1000};

    private Fig2Section() {
    }

    static String write(RunResults run, RunResults trajectories, RunResults classicalSim, Path out, Claims claims,
                        SampledLog sampledPresent) throws IOException {
        Map<Double, List<double[]>> quantum = new TreeMap<>();
        Map<Double, List<double[]>> classical = new TreeMap<>();
        for (Rec r : run.records()) {
            double n = r.param("sites");
            if (r.method().equals("quantum_exact") && PaperReport.isOneOrUnswept(r.param("hopping"))) {
                quantum.computeIfAbsent(r.param("dephasing"), k -> new ArrayList<>()).add(new double[] {n, r.value(PaperReport.HEAT)});
            } else if (r.method().equals("classical_exact") && PaperReport.isZeroOrUnswept(r.param("dephasing"))) {
                classical.computeIfAbsent(r.param("hopping"), k -> new ArrayList<>()).add(new double[] {n, r.value(PaperReport.HEAT)});
            }
        }
        XYChart cq = Charts.chart("Fig. 2 (right): quantum, heat current vs N", "N", PaperReport.J_UNITS, true, true);
        XYChart cc = Charts.chart("Fig. 2 (left): classical, heat current vs N", "N", PaperReport.J_UNITS, true, true);
        SampledOverlay sampled = PaperReport.overlay("sites", run, trajectories, classicalSim,
                new SampledOverlay.Panel(cq, "dephasing", quantum, g -> "exact, gamma = " + PaperReport.fmt(g),
                        r -> PaperReport.isOneOrUnswept(r.param("hopping"))),
                new SampledOverlay.Panel(cc, "hopping", classical, v -> "rate equations, V = " + PaperReport.fmt(v),
                        r -> PaperReport.isZeroOrUnswept(r.param("dephasing"))), sampledPresent);
        Charts.save(cq, out, "fig2-quantum");
        Charts.save(cc, out, "fig2-classical");
        StringBuilder md = new StringBuilder("## Fig. 2: heat current vs N\n\n![Fig. 2 classical](fig2-classical.png) "
                + "![Fig. 2 quantum](fig2-quantum.png)\n\n");
        md.append(PaperReport.UNITS_NOTE).append("\n\n");
        md.append("Exact curves (`").append(run.dir()).append("`): quantum at V = 1 for each gamma, classical at each V. The exponent "
                + "is the analytic derivative of the closed form at the largest N (PHYSICS.md: d ln J/d ln N = -b N/(a + b N) "
                + "quantum, -gamma_1 gamma_N N/(V(gamma_1 + gamma_N) + gamma_1 gamma_N (N - 1)) classical), not a secant.\n\n");
        md.append("| curve | J(N=2) | J(N=max) | d ln J / d ln N at the largest N (analytic) |\n|---|---|---|---|\n");
        Map<String, double[]> slopes = new LinkedHashMap<>();
        quantum.forEach((g, xy) -> slopes.put("quantum gamma = " + PaperReport.fmt(g), ends(xy, g, false)));
        classical.forEach((v, xy) -> slopes.put("classical V = " + PaperReport.fmt(v), ends(xy, v, true)));
        slopes.forEach((k, e) -> md.append(String.format(Locale.ROOT, "| %s | %.9f | %.6g (N = %d) | %.4f |%n", k, e[0], e[2],
                (long) e[1], e[3])));
        md.append('\n').append(sampled.table());
        claimRows(quantum, classical, sampled, claims, md);
        return md.toString();
    }

    /**
     * {J at the smallest N, largest N, J there, analytic d ln J/d ln N there}; key = gamma (quantum) or V (classical), NaN
     * when not swept (then a secant).
     */
    private static double[] ends(List<double[]> xy, double key, boolean isClassical) {
        List<double[]> s = new ArrayList<>(xy);
        s.sort((p, q) -> Double.compare(p[0], q[0]));
        double[] last = s.get(s.size() - 1);
        int n = (int) last[0];
        if (Double.isNaN(key)) {
            // the curve's parameter was not swept, so its value is not in the records: the secant of the two largest N
            double[] before = s.get(s.size() - 2);
            return new double[] {s.get(0)[1], last[0], last[1], Math.log(last[1] / before[1]) / Math.log(last[0] / before[0])};
        }
        double slope = isClassical
                ? PaperModels.classicalExponent(Chain.builder().sites(n).hopping(key).leftBath(1, 1).rightBath(1, 0).build(), n)
                : PaperModels.quantumExponent(PaperModels.chain(n, key, 1), n);
        return new double[] {s.get(0)[1], last[0], last[1], slope + 0.0}; // + 0.0: no "-0.0000" for gamma = 0
    }

    private static void claimRows(Map<Double, List<double[]>> quantum, Map<Double, List<double[]>> classical, SampledOverlay sampled,
                                  Claims claims, StringBuilder md) {
        List<double[]> q0 = quantum.get(0.0);
        if (q0 != null) {
            double[] e = ends(q0, 0, false);
            double spread = relativeSpread(q0);
            String[] ev = evidence(0, e[0], sampled);
            claims.add("Fig. 2 / eq. 12: J at gamma = 0, Fig. 2 parameters (omega = g = G = 1, T_1 = 1, T_N = 0)",
                    "eq. 12, a formula (the paper prints no value)", PaperReport.fmt9(e[0]) + " (closed form, eq. 12)", ev[0],
                    "yes", "yes", "");
            double corrSpread = Double.parseDouble(ev[1]);
            claims.add("Fig. 2: quantum current without dephasing independent of N (N = 2..." + (long) e[1] + ")", "constant",
                    String.format(Locale.ROOT, "max |J(N) - J(2)|/J(2) = %.1e over the curve", spread),
                    String.format(Locale.ROOT, "correlation solver: max |J(N) - J(2)|/J(2) = %.1e over N = 2, 100, 1000; Liouvillian "
                            + "N = 2..%d: %.1e", corrSpread, LIOUVILLIAN_MAX_N, Double.parseDouble(ev[2])),
                    corrSpread < 1e-8 ? "yes" : "no", "yes", "");
        }
        double gMax = quantum.keySet().stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        if (quantum.containsKey(gMax) && gMax > 0) {
            double[] e = ends(quantum.get(gMax), gMax, false);
            String[] ev = evidence(gMax, Double.NaN, sampled);
            claims.add("Fig. 2: quantum with dephasing ~ 1/N at large N", "1/N for sufficiently large gamma",
                    String.format(Locale.ROOT, "gamma = %s: d ln J/d ln N = %.5f at N = %d (analytic derivative of the closed form; "
                            + "-1 - a/(b N) for a/(b N) small)", PaperReport.fmt(gMax), e[3], (long) e[1]),
                    ev[0], Math.abs(e[3] + 1) < 0.01 ? "yes" : "no", "yes", "");
        }
        List<double[]> c1 = classical.get(1.0);
        if (c1 != null) {
            double[] e = ends(c1, 1, true);
            double worst = 0;
            for (double[] p : c1) {
                Chain c = Chain.builder().sites((int) p[0]).hopping(1).leftBath(1, 1).rightBath(1, 0).build();
                worst = Math.max(worst, Math.abs(p[1] / PaperModels.classicalClosed(c) - 1));
            }
            String gill = sampled.agreement("classical, hopping = 1");
            claims.add("Fig. 2 / sec. IV: classical J_C ~ V (s_1 - s_N)/N at large N", "1/N (Fourier)",
                    String.format(Locale.ROOT, "V = 1: d ln J/d ln N = %.5f at N = %d (analytic derivative)", e[3], (long) e[1]),
                    String.format(Locale.ROOT, "rate equations (linear solve) against the closed form J_C: max relative difference %.1e "
                            + "over the curve; Gillespie simulation: %s", worst, gill.isEmpty() ? "no points" : gill),
                    Math.abs(e[3] + 1) < 0.01 ? "yes" : "no", "yes", "");
        }
        md.append('\n');
    }

    /**
     * Evidence for the uniform chain at dephasing gamma against the closed form: {text, correlation spread over N,
     * Liouvillian spread over N}. The text gives the largest relative difference from the closed form of the
     * correlation solver (N = 2, 100, 1000) and the Liouvillian (N = 2..8), and the trajectories' agreement.
     */
    private static String[] evidence(double gamma, double j2, SampledOverlay sampled) {
        double corr = 0;
        double corrSpread = 0;
        double first = Double.NaN;
        for (int n : CORRELATION_N) {
            Chain c = PaperModels.chain(n, gamma, 1);
            double j = PaperModels.correlation(c);
            corr = Math.max(corr, Math.abs(j / PaperModels.closed(c) - 1));
            first = Double.isNaN(first) ? j : first;
            corrSpread = Math.max(corrSpread, Math.abs(j / first - 1));
        }
        double liou = 0;
        double liouSpread = 0;
        double l2 = Double.NaN;
        for (int n = 2; n <= LIOUVILLIAN_MAX_N; n++) {
            Chain c = PaperModels.chain(n, gamma, 1);
            double j = PaperModels.liouvillian(c);
            liou = Math.max(liou, Math.abs(j / PaperModels.closed(c) - 1));
            l2 = Double.isNaN(l2) ? j : l2;
            liouSpread = Math.max(liouSpread, Math.abs(j / l2 - 1));
        }
        String traj = sampled.agreement("trajectories, dephasing = " + PaperReport.fmt(gamma));
        String text = String.format(Locale.ROOT, "correlation solver (N = 2, 100, 1000) vs closed form: max relative difference %.1e; "
                + "Liouvillian (N = 2..%d): %.1e; trajectories (gamma = %s): %s", corr, LIOUVILLIAN_MAX_N, liou, PaperReport.fmt(gamma),
                traj.isEmpty() ? "no points" : traj);
        return new String[] {text, Double.toString(corrSpread), Double.toString(liouSpread)};
    }

    private static double relativeSpread(List<double[]> xy) {
        double ref = xy.stream().min((p, q) -> Double.compare(p[0], q[0])).get()[1];
        double worst = 0;
        for (double[] p : xy) {
            worst = Math.max(worst, Math.abs(p[1] - ref) / ref);
        }
        return worst;
    }
}
