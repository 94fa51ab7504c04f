package org.qtraj.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qtraj.exact.EntanglementSearch;
import org.qtraj.model.Chain;
import org.qtraj.model.Thermal;
import org.qtraj.report.RunResults.Rec;

/**
 * REPORT.md's Fig. 4 section (N = 2, gamma_1 = gamma_N): where the steady state can be entangled for some g. Draws the
 * region as the paper does, shaded and coloured by the largest concurrence max_g C(s_1, s_N), with the boundary
 * s_N*(s_1) (W = 0) dashed, on linear axes and zoomed on a logarithmic s_N axis. The boundary is refined by bisection
 * in ln s_N between the run's grid points (the grid step 0.0005 is wider than the boundary for s_1 &lt; 0.25), with
 * the same search as the run ({@link EntanglementSearch}: grid in ln g, then golden section).
 */
final class Fig4Section {
    /** The paper's caption, word for word (PRE 86, 061118, Fig. 4). */
    static final String CAPTION = "\"Within the shaded area of all possible values for s1 and sN, the upper (darker) parameter region "
            + "indicates values for s1 and sN where entanglement can occur (dashed boundary not included).\"";
    /** Witness values below this are rounding (the product ground state at s_1 = s_N = 0 gives ~1e-20). */
    static final double WITNESS_ZERO = 1e-12;
    private static final double[] LEVELS = {0, 0.005, 0.01, 0.02, 0.03};
    private static final int BISECTIONS = 14;
    private static final double LOG_FLOOR = 1e-9;
    /** Bottom of the zoom's s_N axis. */
    private static final double ZOOM_MIN = 1e-7;

    private Fig4Section() {
    }

    static String write(RunResults run, Path out, Claims claims) throws IOException {
        Map<Double, TreeMap<Double, double[]>> grid = new TreeMap<>();
        double bestC = 0;
        double[] bestAt = {Double.NaN, Double.NaN, Double.NaN};
        double maxWG = Double.NEGATIVE_INFINITY;
        double maxCG = 0;
        double cVsW = 0;
        int nG = 0;
        int entangled = 0;
        int total = 0;
        for (Rec r : run.records()) {
            double s1 = r.result("s_left");
            double sn = r.result("s_right");
            double w = r.value("entanglement_witness");
            double c = r.value("concurrence");
            if (r.method().equals("equal_gamma")) {
                grid.computeIfAbsent(s1, k -> new TreeMap<>()).put(sn, new double[] {w, c});
                total++;
                entangled += w > WITNESS_ZERO ? 1 : 0;
                cVsW = Math.max(cVsW, Math.abs(c - Math.max(0, w)));
                if (c > bestC) {
                    bestC = c;
                    bestAt = new double[] {s1, sn, r.result("g_best")};
                }
            } else if (r.method().equals("equal_G")) {
                nG++;
                maxWG = Math.max(maxWG, w);
                maxCG = Math.max(maxCG, c);
            }
        }
        if (total == 0) {
            // nothing to draw or refine (the bisections below cost seconds): say so
            return "## Fig. 4: entanglement region, N = 2\n\nThe run `" + run.dir() + "` has no equal_gamma records: nothing drawn.\n\n";
        }
        EntanglementSearch search = EntanglementSearch.of(true, 1e-3, 1e3, 61);
        List<Double> columns = new ArrayList<>(grid.keySet().stream().filter(s -> s > 0).toList());
        double[] refined = IntStream.range(0, columns.size()).parallel()
                .mapToDouble(i -> refine(search, columns.get(i), grid.get(columns.get(i)))).toArray();
        List<double[]> boundary = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (Double.isFinite(refined[i])) {
                boundary.add(new double[] {columns.get(i), refined[i]});
            }
        }
        double[] nearHalf = {0.49, 0.499, 0.4999, 0.49999};
        double[] limit = IntStream.range(0, nearHalf.length).parallel()
                .mapToDouble(i -> bisectBoundary(search, nearHalf[i], LOG_FLOOR, 0.05)).toArray();
        draw(grid, boundary, out);

        StringBuilder md = new StringBuilder("## Fig. 4: entanglement region, N = 2\n\n![Fig. 4](fig4.png) ![Fig. 4 zoom](fig4-zoom.png)\n\n");
        md.append("The paper's caption: ").append(CAPTION).append("\n\n");
        md.append("At every (s_1, s_N) of the run the method `entanglement_search` maximises over g (log grid 1e-3..1e3, then golden "
                + "section) the X-state witness W = 2(|rho_01,10| - sqrt(rho_00 rho_11)) with gamma_1 = gamma_N = 1 (only g/gamma "
                + "matters, so this is the search over all g and gamma_1 = gamma_N); the Wootters concurrence of the full 4x4 "
                + "density matrix is max(0, W) (largest difference over the grid ")
                .append(String.format(Locale.ROOT, "%.1e). s_j = nbar_j/(2 nbar_j + 1) is dimensionless (0 at T = 0, 1/2 at T = "
                        + "infinity).%n%n", cVsW));
        md.append("**Mapping assumed.** The paper's axes are not recoverable from its text. We assume it shows the physical triangle "
                + "s_N <= s_1 (hot bath on site 1) with the bias s_1 - s_N increasing upwards: the entangled set s_N < s_N*(s_1), "
                + "a strip along s_N = 0, is then the band of largest bias at each s_1, the \"upper (darker)\" region. Drawn "
                + "here in (s_1, s_N), it is the thin strip at the bottom; the zoom puts s_N on a log axis. The column s_1 = 0 "
                + "(entangled for every s_N of the grid) is the mirror image of the strip (s_1 < s_N*(s_N), hot bath on site N), "
                + "narrower than the grid step, and is not drawn.\n\n");
        md.append("The figures shade the entangled region by the largest concurrence max_g C (bands 0, 0.005, 0.01, 0.02, 0.03; "
                + "the band edges are interpolated linearly in s_N between the run's grid points, step 0.0005 near s_N = 0, so their "
                + "vertical edges below s_N ~ 1e-4 are that interpolation), the boundary dashed; the left figure shades the whole "
                + "triangle s_N <= s_1 lightly.\n\n");
        md.append("Boundary s_N*(s_1) (entangled for s_N < s_N*; bisection in ln s_N, 14 halvings, relative precision better "
                + "than 1%), with the local growth exponent d ln s_N*/d ln s_1 between neighbouring columns:\n\n");
        md.append("| s_1 | s_N*(s_1) | d ln s_N*/d ln s_1 |\n|---|---|---|\n");
        for (int i = 0; i < boundary.size(); i++) {
            String slope = i == 0 ? "-" : String.format(Locale.ROOT, "%.2f", Math.log(boundary.get(i)[1] / boundary.get(i - 1)[1])
                    / Math.log(boundary.get(i)[0] / boundary.get(i - 1)[0]));
            md.append(String.format(Locale.ROOT, "| %.4f | %.4g | %s |%n", boundary.get(i)[0], boundary.get(i)[1], slope));
        }
        md.append("\nTowards s_1 = 1/2 (infinite hot temperature): ");
        for (int i = 0; i < nearHalf.length; i++) {
            md.append(String.format(Locale.ROOT, "%ss_N*(%s) = %.5f", i == 0 ? "" : ", ", nearHalf[i], limit[i]));
        }
        double lim = limit[limit.length - 1];
        md.append(String.format(Locale.ROOT, ": the boundary tends to %.4f as s_1 -> 1/2.%n%n", lim));
        double smallSlope = boundary.size() >= 4 ? Math.log(boundary.get(3)[1] / boundary.get(0)[1]) / Math.log(boundary.get(3)[0]
                / boundary.get(0)[0]) : Double.NaN;
        String growth = String.format(Locale.ROOT, "s_N* grows like s_1^%.1f at small s_1 (s_1 = %.3f..%.3f) and tends to %.4f as s_1 -> 1/2",
                smallSlope, boundary.isEmpty() ? Double.NaN : boundary.get(0)[0], boundary.size() >= 4 ? boundary.get(3)[0] : Double.NaN, lim);
        claims.add("Fig. 4: entanglement only in a region of (s_1, s_N), gamma_1 = gamma_N",
                CAPTION.replace("\"", "") + " (caption)",
                String.format(Locale.ROOT, "entangled for some g iff s_N < s_N*(s_1) (or the mirror s_1 < s_N*(s_N)): %d of %d grid points; "
                        + "%s; largest concurrence %.4f at (s_1, s_N) = (%.3f, %.4f), g/gamma = %.3f. Upper = largest bias under the "
                        + "mapping stated in the section", entangled, total, growth, bestC, bestAt[0], bestAt[1], bestAt[2]),
                String.format(Locale.ROOT, "concurrence of the full density matrix (Wootters) vs the X-state witness: max difference "
                        + "%.1e; boundary re-found by bisection between grid points (%d columns)", cVsW, boundary.size()),
                entangled > 0 && entangled < total ? "yes" : "no", "yes", "");
        if (nG > 0) {
            claims.add("Sec. VI.B: G_1 = G_N never gives entanglement", "never entangled",
                    String.format(Locale.ROOT, "%d grid points (s_1, s_N) x g in [1e-3, 1e3]: max concurrence %.1g, max witness %.2g "
                            + "(0 up to rounding: W -> 0 only as g -> 0 or at s_1 = s_N = 0)", nG, maxCG, maxWG),
                    "the same search with the Wootters concurrence of the full density matrix (no independent solver: N = 2 "
                            + "steady state by the Liouvillian only)",
                    maxCG <= WITNESS_ZERO && maxWG <= WITNESS_ZERO ? "yes" : "no", "yes", "");
        }
        return md.toString();
    }

    /** The boundary in one column: bisection in ln s_N between the last entangled and first unentangled grid point. */
    private static double refine(EntanglementSearch search, double s1, TreeMap<Double, double[]> column) {
        double lo = Double.NaN;
        for (Map.Entry<Double, double[]> p : column.entrySet()) {
            if (p.getValue()[0] > WITNESS_ZERO) {
                lo = p.getKey();
            } else if (!Double.isNaN(lo)) {
                return bisectBoundary(search, s1, Math.max(lo, LOG_FLOOR), p.getKey());
            }
        }
        return Double.NaN;
    }

    /** s_N*(s_1): bisection in ln s_N on [lo, hi] of the sign of max_g W (NaN if not bracketed). */
    static double bisectBoundary(EntanglementSearch search, double s1, double lo, double hi) {
        double a = Math.log(lo);
        double b = Math.log(hi);
        if (witness(search, s1, lo) <= WITNESS_ZERO || witness(search, s1, hi) > WITNESS_ZERO) {
            return Double.NaN;
        }
        for (int k = 0; k < BISECTIONS; k++) {
            double m = (a + b) / 2;
            if (witness(search, s1, Math.exp(m)) > WITNESS_ZERO) {
                a = m;
            } else {
                b = m;
            }
        }
        return Math.exp((a + b) / 2);
    }

    /** max_g W at (s_1, s_N), gamma_1 = gamma_N = 1. */
    static double witness(EntanglementSearch search, double s1, double sn) {
        Chain c = Chain.builder().sites(2).omega(1).coupling(1).leftBath(1, Thermal.temperature("s_left", 1, s1))
                .rightBath(1, Thermal.temperature("s_right", 1, sn)).build();
        return search.search(c).witness();
    }

    /** fig4 (linear axes, triangle s_N &lt;= s_1) and fig4-zoom (log s_N): bands of the largest concurrence, dashed boundary. */
    private static void draw(Map<Double, TreeMap<Double, double[]>> grid, List<double[]> boundary, Path out) throws IOException {
        Color[] shades = {new Color(0xC6DBEF), new Color(0x9ECAE1), new Color(0x6BAED6), new Color(0x3182BD), new Color(0x08519C)};
        for (boolean zoom : new boolean[] {false, true}) {
            XYChart c = Charts.chart(zoom ? "Fig. 4 zoom (log s_N): N = 2, gamma_1 = gamma_N"
                    : "Fig. 4: N = 2, gamma_1 = gamma_N: where some g gives entanglement", "s_1 (dimensionless)", zoom ? "s_N (dimensionless, log scale)" : "s_N (dimensionless)",
                    false, false);
            if (!zoom) {
                XYSeries all = c.addSeries("all values s_N <= s_1 (shaded)", new double[] {0, 0.5}, new double[] {0, 0.5});
                all.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                all.setMarker(SeriesMarkers.NONE);
                all.setFillColor(new Color(0xEEEEEE));
                all.setLineColor(new Color(0xBBBBBB));
            }
            for (int l = 0; l < LEVELS.length; l++) {
                List<double[]> band = zoom ? null : levelCurve(grid, boundary, LEVELS[l]);
                String name = l == 0 ? "entangled (max_g C > 0)" : String.format(Locale.ROOT, "max_g C > %.3f", LEVELS[l]);
                if (zoom) {
                    // decades above the axis floor on a linear axis, labelled as s_N: XChart fills an area towards y = 0,
                    // so 0 must be the bottom; points below the floor (C under the level even at s_N = 0) sit on it
                    List<double[]> curve = levelCurve(grid, boundary, LEVELS[l]);
                    if (curve.stream().anyMatch(p -> p[1] > ZOOM_MIN)) {
                        XYSeries s = c.addSeries(name, curve.stream().mapToDouble(p -> p[0]).toArray(),
                                curve.stream().mapToDouble(p -> decades(p[1])).toArray());
                        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                        s.setMarker(SeriesMarkers.NONE);
                        s.setFillColor(shades[l]);
                        s.setLineColor(shades[l]);
                    }
                } else if (band.size() >= 2) {
                    XYSeries s = c.addSeries(name, band.stream().mapToDouble(p -> p[0]).toArray(), band.stream().mapToDouble(p -> p[1]).toArray());
                    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
                    s.setMarker(SeriesMarkers.NONE);
                    s.setFillColor(shades[l]);
                    s.setLineColor(shades[l]);
                }
            }
            if (boundary.size() >= 2) {
                XYSeries b = c.addSeries("boundary s_N*(s_1), W = 0 (not included)", boundary.stream().mapToDouble(p -> p[0]).toArray(),
                        boundary.stream().mapToDouble(p -> zoom ? decades(p[1]) : p[1]).toArray());
                b.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                b.setMarker(SeriesMarkers.NONE);
                b.setLineStyle(SeriesLines.DASH_DASH);
                b.setLineColor(Color.BLACK);
            }
            if (zoom) {
                c.getStyler().setYAxisMin(0.0);
                c.getStyler().setYAxisMax(decades(0.02));
                c.getStyler().setyAxisTickLabelsFormattingFunction(y -> String.format(Locale.ROOT, "%.0e", ZOOM_MIN * Math.pow(10, y)));
            }
            Charts.save(c, out, "fig4" + (zoom ? "-zoom" : ""));
        }
    }

    /** log10(s_N / ZOOM_MIN), at least 0: the zoom's vertical coordinate. */
    private static double decades(double sn) {
        return Math.log10(Math.max(sn, ZOOM_MIN) / ZOOM_MIN);
    }

    /**
     * The curve s_N where max_g C = level, per column: level 0 is the refined boundary; above 0, linear interpolation of C
     * between the run's grid points below the boundary (C falls with s_N at fixed s_1), s_N = 0 where C(s_1, 0) &lt;= level.
     */
    private static List<double[]> levelCurve(Map<Double, TreeMap<Double, double[]>> grid, List<double[]> boundary, double level) {
        if (level == 0) {
            return boundary;
        }
        List<double[]> curve = new ArrayList<>();
        for (double[] b : boundary) {
            TreeMap<Double, double[]> col = grid.get(b[0]);
            double at = 0;
            Map.Entry<Double, double[]> prev = null;
            for (Map.Entry<Double, double[]> p : col.entrySet()) {
                double cc = p.getValue()[1];
                if (prev != null && prev.getValue()[1] > level && cc <= level) {
                    double t = (prev.getValue()[1] - level) / (prev.getValue()[1] - cc);
                    at = Math.min(b[1], prev.getKey() + t * (p.getKey() - prev.getKey()));
                    break;
                }
                prev = p;
            }
            curve.add(new double[] {b[0], at});
        }
        return curve;
    }
}
