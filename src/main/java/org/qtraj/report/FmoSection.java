package org.qtraj.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.XYChart;
import org.qtraj.report.RunResults.Rec;
import org.qtraj.stats.Estimate;

/**
 * The REPORT.md section of issue 14, "is noise good for the FMO complex in a steady state?", from the runs of
 * {@code runs/fmo-dephasing*.yaml}: the exact trapped current J(gamma) of the FMO complex pumped at site 1 and trapped
 * at site 3 against the dephasing rate, quantum-trajectory points with error bars, the optimum gamma* (golden-section
 * search on a natural cubic spline of ln J against ln gamma through the exact points, between the grid maximum's
 * neighbours), J(gamma*)/J(0), the same ratio for a uniform N = 7 chain in FMO units and for the paper's disordered
 * N = 5 chains against gamma/g, and the network picture at the exact point nearest gamma* (of the sweep, or of the fine
 * grid around the optimum, {@link #OPTIMUM}, where it was run).
 *
 * <p>Stateless; {@link #write} draws into the directory it is given and returns the markdown.
 */
final class FmoSection {
    /** Spec names this section reads; the first is required. */
    static final String EXACT = "fmo-dephasing";
    static final String CHAIN = "fmo-dephasing-chain";
    static final String DISORDER = "fmo-dephasing-disorder";
    static final String TRAJECTORIES = "fmo-dephasing-trajectories";
    /** The fine grid around the optimum (runs/fmo-dephasing-optimum.yaml): merged into the curve, and the picture. */
    static final String OPTIMUM = "fmo-dephasing-optimum";
    /** Every spec this section reads. */
    static final List<String> SPECS = List.of(EXACT, OPTIMUM, CHAIN, DISORDER, TRAJECTORIES);
    /** FMO's strongest coupling |g_12| in cm^-1 (Adolphs and Renger 2006): the unit of gamma/g for FMO and its chain. */
    static final double FMO_G = 87.7;
    private static final String CURRENT = "particle_current";

    private FmoSection() {
    }

    /** The optimum of a sampled curve: gamma*, J(gamma*), and the grid point nearest it. */
    record Optimum(double gamma, double current, int nearest) {
    }

    /** Draws fmo-dephasing, fmo-dephasing-ratio and fmo-optimum (PNG and SVG) into {@code out}; the markdown. */
    static String write(Map<String, RunResults> byName, Path out) throws IOException {
        RunResults exact = byName.get(EXACT);
        RunResults fine = byName.get(OPTIMUM);
        List<double[]> curve = merged(curve(exact, null), curve(fine, null));
        StringBuilder md = new StringBuilder("## Is noise good for the FMO complex in a steady state? (issue 14)\n\n");
        if (curve.size() < 4 || curve.get(0)[0] != 0) {
            return md.append("The run `").append(exact.dir()).append("` needs gamma = 0 and at least three positive"
                    + " dephasing rates with exact records: nothing drawn.\n\n").toString();
        }
        double j0 = curve.get(0)[1];
        List<double[]> positive = curve.subList(1, curve.size());
        Optimum best = optimum(positive);
        List<double[]> sampled = sampled(byName.get(TRAJECTORIES));

        XYChart c = Charts.chart("FMO: pump at site 1 (5800 K), trap at site 3 (T = 0), G = 5 cm^-1",
                "dephasing rate gamma (cm^-1)", "trapped current J (excitations per 5.31 ps)", true, false);
        Charts.line(c, "exact (liouvillian)", positive);
        Charts.line(c, "exact at gamma = 0", List.of(new double[] {positive.get(0)[0], j0},
            new double[] {positive.get(positive.size() - 1)[0], j0}));
        Charts.errorBars(c, "trajectories", sampled.stream().filter(p -> p[0] > 0).toList(), "exact (liouvillian)");
        Charts.scatter(c, "optimum", List.of(new double[] {best.gamma(), best.current()}));
        Charts.save(c, out, "fmo-dephasing");

        XYChart r = Charts.chart("Dephasing-assisted transport: J(gamma) / J(0)", "gamma / g (FMO and its chain: g = 87.7"
                + " cm^-1; disordered chains: g = 1)", "J(gamma) / J(0)", true, true);
        Charts.line(r, "FMO (pump 1, trap 3)", scaled(positive, FMO_G, j0));
        List<double[]> chain = curve(byName.get(CHAIN), null);
        if (chain.size() > 1 && chain.get(0)[0] == 0) {
            Charts.line(r, "uniform chain N = 7, FMO units", scaled(chain.subList(1, chain.size()), FMO_G, chain.get(0)[1]));
        }
        Map<Integer, List<double[]>> samples = samples(byName.get(DISORDER));
        for (Map.Entry<Integer, List<double[]>> e : samples.entrySet()) {
            List<double[]> s = e.getValue();
            if (s.size() > 1 && s.get(0)[0] == 0 && s.get(0)[1] > 0) {
                Charts.line(r, "disordered N = 5, sample " + e.getKey(), scaled(s.subList(1, s.size()), 1, s.get(0)[1]));
            }
        }
        Charts.save(r, out, "fmo-dephasing-ratio");

        // the chain comparison is on the sweep's own grid; the picture at the exact point nearest gamma* (the fine run's)
        Rec at = nearestRecord(exact, best.gamma());
        Rec drawn = fine == null ? at : nearer(at, nearestRecord(fine, best.gamma()), best.gamma());
        String picture = picture(drawn == at ? exact : fine, drawn, best.gamma(), out);

        md.append("![J against gamma](fmo-dephasing.png) ![J(gamma)/J(0)](fmo-dephasing-ratio.png)\n\n");
        md.append(String.format(Locale.ROOT, "From `%s`: the FMO complex (Adolphs and Renger 2006, cm^-1) pumped at site 1 by"
                + " a bath at 5800 K (k_B T = 4031 cm^-1) and trapped at site 3 by a bath at T = 0, both with G = 5 cm^-1; the"
                + " dephasing rate gamma on every site, %d exact points (liouvillian) from 0 and %s to %s cm^-1. J is the"
                + " trapped particle current (= the pump's), in excitations per unit time (1 cm^-1 = 1/5.31 ps^-1).%s%n%n",
                exact.dir(), curve.size(), fmt(positive.get(0)[0]), fmt(positive.get(positive.size() - 1)[0]),
                fine == null ? "" : " The points include the fine grid around the optimum of `" + fine.dir() + "`."));
        md.append("| quantity | value |\n|---|---|\n");
        md.append("| J(0), no dephasing | ").append(fmt(j0)).append(" |\n");
        md.append("| optimum gamma* (golden section on a spline of ln J vs ln gamma) | ").append(fmt(best.gamma()))
                .append(" cm^-1 |\n");
        md.append("| J(gamma*) | ").append(fmt(best.current())).append(" |\n");
        md.append("| J(gamma*) / J(0) | ").append(fmt(best.current() / j0)).append(" |\n");
        double last = positive.get(positive.size() - 1)[1];
        md.append(String.format(Locale.ROOT, "| J(%s cm^-1) / J(0) (Zeno side) | %s |%n",
                fmt(positive.get(positive.size() - 1)[0]), fmt(last / j0)));
        if (chain.size() > 1 && chain.get(0)[0] == 0) {
            double cmax = 0;
            double cAtBest = Double.NaN;
            for (double[] p : chain.subList(1, chain.size())) {
                cmax = Math.max(cmax, p[1] / chain.get(0)[1]);
                if (Math.abs(p[0] - at.param("dephasing")) <= 1e-9 * p[0]) {
                    cAtBest = p[1] / chain.get(0)[1];
                }
            }
            md.append("| uniform N = 7 chain in FMO units (`").append(CHAIN).append("`): largest J(gamma)/J(0), gamma > 0 | ")
                    .append(fmt(cmax)).append(" |\n");
            md.append("| the same chain at gamma = ").append(fmt(at.param("dephasing"))).append(" cm^-1 | ")
                    .append(fmt(cAtBest)).append(" |\n");
            double[] end = chain.get(chain.size() - 1);
            md.append("| the same chain at gamma = ").append(fmt(end[0])).append(" cm^-1 | ")
                    .append(fmt(end[1] / chain.get(0)[1])).append(" |\n");
        }
        if (!samples.isEmpty()) {
            int helped = 0;
            double top = 0;
            int topSample = -1;
            double topGamma = Double.NaN;
            int counted = 0;
            for (Map.Entry<Integer, List<double[]>> e : samples.entrySet()) {
                List<double[]> s = e.getValue();
                if (s.size() < 2 || s.get(0)[0] != 0 || !(s.get(0)[1] > 0)) {
                    continue;
                }
                counted++;
                double m = 0;
                double g = Double.NaN;
                for (double[] p : s.subList(1, s.size())) {
                    if (p[1] / s.get(0)[1] > m) {
                        m = p[1] / s.get(0)[1];
                        g = p[0];
                    }
                }
                helped += m > 1 + 1e-9 ? 1 : 0;
                if (m > top) {
                    top = m;
                    topSample = e.getKey();
                    topGamma = g;
                }
            }
            md.append(String.format(Locale.ROOT, "| paper's disordered N = 5 chains (`%s`): samples some gamma > 0 raises"
                    + " J in | %d of %d (largest J(gamma)/J(0) = %s, sample %d at gamma = %s in the paper's units, g <= 1) |%n", DISORDER, helped, counted,
                    fmt(top), topSample, fmt(topGamma)));
        }
        md.append('\n');
        if (!sampled.isEmpty()) {
            md.append("Quantum trajectories (`").append(TRAJECTORIES).append("`) against the exact curve:\n\n");
            md.append("| gamma (cm^-1) | trajectories | exact | z |\n|---|---|---|---|\n");
            for (double[] p : sampled) {
                Rec e = nearestRecord(exact, p[0]);
                double ex = e == null ? Double.NaN : e.value(CURRENT);
                md.append(String.format(Locale.ROOT, "| %s | %s +- %s | %s | %.2f |%n", fmt(p[0]), fmt(p[1]), fmt(p[2]),
                        fmt(ex), Estimate.z(p[1], p[2], ex)));
            }
            md.append('\n');
        }
        md.append(picture);
        return md.toString();
    }

    /** The network at the record {@code at}: sites by population, bonds by current, the baths of the spec. */
    private static String picture(RunResults run, Rec at, double optimum, Path out) throws IOException {
        JsonNode res = at.node().path("result");
        JsonNode bonds = res.path("bonds");
        JsonNode currents = res.path("bond_currents");
        JsonNode pops = res.path("populations");
        if (!bonds.isArray() || bonds.size() == 0 || bonds.size() != currents.size() || !pops.isArray()) {
            return "The exact record at the optimum has no bond currents: no network picture.\n\n";
        }
        int[] from = new int[bonds.size()];
        int[] to = new int[bonds.size()];
        double[] bond = new double[bonds.size()];
        for (int b = 0; b < from.length; b++) {
            from[b] = bonds.get(b).get(0).asInt() - 1;
            to[b] = bonds.get(b).get(1).asInt() - 1;
            bond[b] = currents.get(b).asDouble();
        }
        double[] n = new double[pops.size()];
        for (int k = 0; k < n.length; k++) {
            n[k] = pops.get(k).asDouble();
        }
        List<NetworkPicture.BathLabel> labels = new ArrayList<>();
        Path manifest = run.dir().resolve("manifest.json");
        if (Files.isRegularFile(manifest)) {
            JsonNode baths = new ObjectMapper().readTree(manifest.toFile()).path("spec").path("model").path("baths");
            for (Iterator<Map.Entry<String, JsonNode>> it = baths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int site = e.getValue().path("site").asInt(0) - 1;
                if (site >= 0 && site < n.length) {
                    labels.add(new NetworkPicture.BathLabel(e.getKey(), site));
                }
            }
        }
        double gamma = at.param("dephasing");
        NetworkPicture p = new NetworkPicture(String.format(Locale.ROOT, "FMO at dephasing %s cm^-1 (optimum %s):"
                + " exact populations and bond currents", fmt(gamma), fmt(optimum)), null, from, to, n, bond, labels);
        p.write(out.resolve("fmo-optimum.svg"));
        p.write(out.resolve("fmo-optimum.png"));
        int widest = 0;
        for (int b = 1; b < bond.length; b++) {
            widest = Math.abs(bond[b]) > Math.abs(bond[widest]) ? b : widest;
        }
        return String.format(Locale.ROOT, "![FMO at the optimum](fmo-optimum.png)%n%nThe network at gamma = %s cm^-1 (exact,"
                + " from `%s`; the optimum is %s cm^-1): discs coloured by population, arrows along each bond current, width"
                + " proportional to |I|; the largest bond current is %d -> %d, %s (of J = %s).%n%n", fmt(gamma), run.dir(),
                fmt(optimum), from[widest] + 1, to[widest] + 1, fmt(Math.abs(bond[widest])), fmt(at.value(CURRENT)));
    }

    /** (gamma, J) of the exact records of a run (of one disorder sample if {@code sample} is given), gamma ascending. */
    static List<double[]> curve(RunResults run, Integer sample) {
        List<double[]> xy = new ArrayList<>();
        if (run == null) {
            return xy;
        }
        for (Rec r : run.records()) {
            double g = r.param("dephasing");
            double j = r.value(CURRENT);
            if ((sample == null || r.sample() == sample) && !r.sampled(CURRENT) && Double.isFinite(g)
                    && Double.isFinite(j)) {
                xy.add(new double[] {g, j});
            }
        }
        xy.sort((a, b) -> Double.compare(a[0], b[0]));
        return xy;
    }

    private static Map<Integer, List<double[]>> samples(RunResults run) {
        Map<Integer, List<double[]>> out = new TreeMap<>();
        if (run == null) {
            return out;
        }
        for (Rec r : run.records()) {
            out.putIfAbsent(r.sample(), null);
        }
        out.replaceAll((s, v) -> curve(run, s));
        return out;
    }

    /** (gamma, J, stderr) of the sampled records, gamma ascending. */
    private static List<double[]> sampled(RunResults run) {
        List<double[]> xy = new ArrayList<>();
        if (run == null) {
            return xy;
        }
        for (Rec r : run.records()) {
            if (r.sampled(CURRENT) && Double.isFinite(r.value(CURRENT))) {
                xy.add(new double[] {r.param("dephasing"), r.value(CURRENT), r.error(CURRENT)});
            }
        }
        xy.sort((a, b) -> Double.compare(a[0], b[0]));
        return xy;
    }

    /** The union of two curves sorted by gamma; where both have a gamma, the first curve's point. */
    static List<double[]> merged(List<double[]> a, List<double[]> b) {
        List<double[]> all = new ArrayList<>(a);
        for (double[] p : b) {
            if (a.stream().noneMatch(q -> q[0] == p[0])) {
                all.add(p);
            }
        }
        all.sort((x, y) -> Double.compare(x[0], y[0]));
        return all;
    }

    /** Whichever of two records (either may be null) has its dephasing nearer gamma; a on a tie. */
    private static Rec nearer(Rec a, Rec b, double gamma) {
        if (b == null) {
            return a;
        }
        if (a == null) {
            return b;
        }
        return Math.abs(b.param("dephasing") - gamma) < Math.abs(a.param("dephasing") - gamma) ? b : a;
    }

    private static Rec nearestRecord(RunResults run, double gamma) {
        Rec best = null;
        for (Rec r : run.records()) {
            if (!r.sampled(CURRENT) && (best == null
                    || Math.abs(r.param("dephasing") - gamma) < Math.abs(best.param("dephasing") - gamma))) {
                best = r;
            }
        }
        return best;
    }

    private static List<double[]> scaled(List<double[]> xy, double g, double j0) {
        List<double[]> out = new ArrayList<>();
        for (double[] p : xy) {
            out.add(new double[] {p[0] / g, p[1] / j0});
        }
        return out;
    }

    /**
     * The maximum of J over gamma &gt; 0: the largest grid value, refined by golden-section search on the natural cubic
     * spline of ln J against ln gamma between the two neighbouring grid points (at an end of the grid: the end point).
     * The points must have gamma &gt; 0 and J &gt; 0, ascending in gamma.
     */
    static Optimum optimum(List<double[]> xy) {
        int m = xy.size();
        double[] x = new double[m];
        double[] y = new double[m];
        int top = 0;
        for (int i = 0; i < m; i++) {
            x[i] = Math.log(xy.get(i)[0]);
            y[i] = Math.log(xy.get(i)[1]);
            top = y[i] > y[top] ? i : top;
        }
        if (top == 0 || top == m - 1) {
            return new Optimum(xy.get(top)[0], xy.get(top)[1], top);
        }
        double[] second = splineSecondDerivatives(x, y);
        double a = x[top - 1];
        double b = x[top + 1];
        double phi = (Math.sqrt(5) - 1) / 2;
        double c = b - phi * (b - a);
        double d = a + phi * (b - a);
        while (b - a > 1e-12) {
            if (spline(x, y, second, c) > spline(x, y, second, d)) {
                b = d;
            } else {
                a = c;
            }
            c = b - phi * (b - a);
            d = a + phi * (b - a);
        }
        double best = (a + b) / 2;
        return new Optimum(Math.exp(best), Math.exp(spline(x, y, second, best)), top);
    }

    /** The second derivatives of the natural cubic spline through (x, y) (tridiagonal solve, Thomas algorithm). */
    static double[] splineSecondDerivatives(double[] x, double[] y) {
        int n = x.length;
        double[] m = new double[n];
        if (n < 3) {
            return m;
        }
        double[] diag = new double[n];
        double[] rhs = new double[n];
        double[] upper = new double[n];
        for (int i = 1; i < n - 1; i++) {
            double h0 = x[i] - x[i - 1];
            double h1 = x[i + 1] - x[i];
            diag[i] = 2 * (h0 + h1);
            upper[i] = h1;
            rhs[i] = 6 * ((y[i + 1] - y[i]) / h1 - (y[i] - y[i - 1]) / h0);
            if (i > 1) {
                double f = h0 / diag[i - 1];
                diag[i] -= f * upper[i - 1];
                rhs[i] -= f * rhs[i - 1];
            }
        }
        for (int i = n - 2; i >= 1; i--) {
            m[i] = (rhs[i] - (i < n - 2 ? upper[i] * m[i + 1] : 0)) / diag[i];
        }
        return m;
    }

    /** The natural cubic spline with second derivatives {@code m} at {@code t} (inside [x_0, x_last]). */
    static double spline(double[] x, double[] y, double[] m, double t) {
        int i = 0;
        while (i < x.length - 2 && t > x[i + 1]) {
            i++;
        }
        double h = x[i + 1] - x[i];
        double a = (x[i + 1] - t) / h;
        double b = (t - x[i]) / h;
        return a * y[i] + b * y[i + 1] + ((a * a * a - a) * m[i] + (b * b * b - b) * m[i + 1]) * h * h / 6;
    }

    private static String fmt(double v) {
        return PaperReport.fmt(v);
    }
}
