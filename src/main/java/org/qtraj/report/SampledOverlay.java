package org.qtraj.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Predicate;
import org.knowm.xchart.XYChart;
import org.qtraj.report.RunResults.Rec;
import org.qtraj.stats.Estimate;

/**
 * The sampled points of one figure with a quantum and a classical panel: records whose heat current has samples
 * or an error bar (trajectories, classical simulation) drawn as points with error bars over the exact curves, and
 * each compared with the exact curve at its x by z = (sampled - exact) / error. Collects one summary line per run
 * (for REPORT.md's list of sampled points) and a markdown table of every point.
 */
final class SampledOverlay {
    /** Exact x values closer than this (relative) are the same point (spec files round the grid's values). */
    static final double SAME_X = 1e-6;

    /**
     * One panel: its exact curves and which sampled points go with them.
     *
     * @param chart     the chart
     * @param key       the swept parameter that tells its curves apart (dephasing, hopping, sites)
     * @param exact     the exact curves by the key's value: rows {x, J}
     * @param curveName the legend name of the exact curve for a key value
     * @param accepts   which sampled records belong on this panel (e.g. N = 4 only)
     */
    record Panel(XYChart chart, String key, Map<Double, List<double[]>> exact, DoubleFunction<String> curveName,
                 Predicate<Rec> accepts) {
        /** Draws the exact curves as lines. */
        void drawCurves() {
            exact.forEach((k, xy) -> Charts.line(chart, curveName.apply(k), xy));
        }
    }

    private final String x;
    private final Panel quantum;
    private final Panel classical;
    private final List<String> summaries = new ArrayList<>();
    private final StringBuilder rows = new StringBuilder();
    /** z-scores by series label (e.g. "trajectories, dephasing = 0"), in order of addition. */
    private final Map<String, List<Double>> zBySeries = new LinkedHashMap<>();
    /** z-scores by run name. */
    private final Map<String, List<Double>> zByRun = new LinkedHashMap<>();

    /**
     * @param x         the swept parameter on the x axis
     * @param quantum   the quantum panel (records whose method label does not contain "classical")
     * @param classical the classical panel (method labels containing "classical")
     */
    SampledOverlay(String x, Panel quantum, Panel classical) {
        this.x = x;
        this.quantum = quantum;
        this.classical = classical;
    }

    /**
     * Draws the sampled records of a run on their panels and adds its summary line and table rows.
     *
     * @param name the spec name, for the summary when the run is not given
     * @param run  the run, or null when it was not given
     */
    void add(String name, RunResults run) {
        if (run == null) {
            summaries.add(name + ": not given");
            return;
        }
        // quantum before classical, then by curve and x: the order of the legend and of the table
        List<Rec> sampled = new ArrayList<>(run.select(r -> r.sampled(PaperReport.HEAT)));
        sampled.sort(Comparator.comparing((Rec r) -> panel(r) == classical).thenComparingDouble(r -> r.param(panel(r).key()))
                .thenComparingDouble(r -> r.param(x)));
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        Map<String, String> curveOf = new HashMap<>();
        Map<String, Panel> panelOf = new HashMap<>();
        int elsewhere = 0;
        double maxZ = 0;
        for (Rec r : sampled) {
            Panel p = panel(r);
            if (!p.accepts().test(r)) {
                elsewhere++;
                continue;
            }
            double k = r.param(p.key());
            String label = r.method() + ", " + p.key() + " = " + PaperReport.fmt(k);
            double[] point = {r.param(x), r.value(PaperReport.HEAT), r.error(PaperReport.HEAT)};
            series.computeIfAbsent(label, s -> new ArrayList<>()).add(point);
            panelOf.put(label, p);
            curveOf.put(label, p.curveName().apply(k));
            double[] exact = exactAt(p.exact().get(k), point[0]);
            double z = Estimate.z(point[1], point[2], exact[0]);
            if (Double.isFinite(z)) {
                maxZ = Math.max(maxZ, Math.abs(z));
                zBySeries.computeIfAbsent(label, l -> new ArrayList<>()).add(z);
                zByRun.computeIfAbsent(run.name(), l -> new ArrayList<>()).add(z);
            }
            rows.append(String.format(Locale.ROOT, "| %s | %s | %s | %.6g ± %.2g | %s%.6g | %+.2f |%n", run.name(), label,
                    PaperReport.fmt(point[0]), point[1], point[2], exact[1] > 0 ? "~" : "", exact[0], z));
        }
        series.forEach((label, points) -> Charts.errorBars(panelOf.get(label).chart(), label, points, curveOf.get(label)));
        summaries.add(summary(run.name(), series, elsewhere, maxZ) + chiSquare(zByRun.get(run.name())));
    }

    /**
     * "; chi^2/dof = X (k points), P(chi^2 &lt;= observed) = p" for a list of z-scores, or "" when there is none. Under
     * the hypothesis that each z is a standard normal, independent of the others, sum z^2 is chi^2 with k degrees of
     * freedom (the exact curve has no fitted parameter, so none is subtracted).
     */
    static String chiSquare(List<Double> z) {
        if (z == null || z.isEmpty()) {
            return "";
        }
        double chi2 = z.stream().mapToDouble(v -> v * v).sum();
        double cdf = ReportMath.chiSquareCdf(chi2, z.size());
        return String.format(Locale.ROOT, "; chi^2/dof = %.2f (%d points), P(chi^2 <= observed) = %.2f, P(chi^2 >= observed) = %.2f",
                chi2 / z.size(), z.size(), cdf, 1 - cdf);
    }

    /** Every z-score of the runs added, in order. */
    List<Double> allZ() {
        List<Double> all = new ArrayList<>();
        zByRun.values().forEach(all::addAll);
        return all;
    }

    /**
     * "k points, chi^2/dof = X, max |z| = Y" for the series labelled {@code prefix} or whose labels continue it after a
     * space ("classical, sites" covers "classical, sites = 2", ...); "" if none.
     */
    String agreement(String prefix) {
        List<Double> all = new ArrayList<>();
        zBySeries.forEach((k, v) -> {
            if (k.equals(prefix) || k.startsWith(prefix + " ")) {
                all.addAll(v);
            }
        });
        if (all.isEmpty()) {
            return "";
        }
        double chi2 = all.stream().mapToDouble(v -> v * v).sum();
        double max = all.stream().mapToDouble(Math::abs).max().orElse(0);
        return String.format(Locale.ROOT, "%d point%s, chi^2/dof = %.2f, max |z| = %.2f", all.size(), all.size() == 1 ? "" : "s", chi2 / all.size(), max);
    }

    private Panel panel(Rec r) {
        return r.method().contains("classical") ? classical : quantum;
    }

    private static String summary(String name, Map<String, List<double[]>> series, int elsewhere, double maxZ) {
        int n = series.values().stream().mapToInt(List::size).sum();
        String skipped = elsewhere > 0 ? "; " + elsewhere + " more not on these panels" : "";
        if (n == 0) {
            return name + ": none (exact curves only)" + skipped;
        }
        return String.format(Locale.ROOT, "%s: %d sampled points (%s), max |z| = %.2f against the exact curves%s", name, n,
                String.join("; ", series.keySet()), maxZ, skipped);
    }

    /**
     * The exact J at {@code at}: {value, 0} from a curve point at the same x, else {value, 1} interpolated linearly
     * in log x and log J between the neighbouring points (both curves are smooth and positive there); NaN outside
     * the curve or without one.
     */
    static double[] exactAt(List<double[]> curve, double at) {
        if (curve == null) {
            return new double[] {Double.NaN, 0};
        }
        double[] below = null;
        double[] above = null;
        for (double[] p : curve) {
            if (Math.abs(p[0] - at) <= SAME_X * Math.abs(at)) {
                return new double[] {p[1], 0};
            }
            if (p[0] < at && (below == null || p[0] > below[0])) {
                below = p;
            } else if (p[0] > at && (above == null || p[0] < above[0])) {
                above = p;
            }
        }
        if (below == null || above == null || !(below[0] > 0 && below[1] > 0 && above[1] > 0)) {
            return new double[] {Double.NaN, 0};
        }
        double t = Math.log(at / below[0]) / Math.log(above[0] / below[0]);
        return new double[] {Math.exp(Math.log(below[1]) + t * Math.log(above[1] / below[1])), 1};
    }

    /** One line per run given to {@link #add}, in order. */
    List<String> summaries() {
        return List.copyOf(summaries);
    }

    /** A markdown table of every sampled point with its exact value and z, or "" when there is none. */
    String table() {
        if (rows.length() == 0) {
            return "";
        }
        return "Sampled points against the exact curves (z = (sampled - exact)/error, error = the 1-sigma error bar: the standard "
                + "error of the mean over independent trajectories, each trajectory's time average over its window [t_burn, t_total]; "
                + "~: exact value interpolated in log-log between the neighbouring curve points):\n\n| run | series | " + x + " | sampled ± error | exact | z |\n"
                + "|---|---|---|---|---|---|\n" + rows + '\n';
    }
}
