package org.qtraj.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.qtraj.exact.counting.ClassicalGenerator;
import org.qtraj.exact.counting.CountingGenerator;
import org.qtraj.exact.counting.Cumulants;
import org.qtraj.exact.counting.LargeDeviations;
import org.qtraj.exact.counting.QuantumCountingGenerator;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.report.RunResults.Rec;
import org.qtraj.stats.Estimate;

/**
 * The "current fluctuations" section of REPORT.md (issue 15), counting the net number of excitations the left bath
 * puts into the chain (omega = g = G = V = 1, T_L = 1, T_R = 0):
 * <ul>
 * <li>theta(s) = lim (1/t) ln &lt;exp(s N_t)&gt; at N = 4 for the quantum chain with dephasing gamma = 0, 0.5, 5 and
 * for the classical exclusion process, exact (leading eigenvalue of the tilted generator, {@link LargeDeviations})
 * with the cloning points of the runs {@code runs/fluctuations-cloning*.yaml} over them, and the rate function
 * I(j) = sup_s [s j - theta(s)] of the exact curves;</li>
 * <li>the Fano factor kappa_2/kappa_1 and kappa_3/kappa_1 against N ({@link Cumulants}), quantum N = 2..8 and
 * classical N = 2..14, beside the large-N values of the symmetric exclusion process between reservoirs of densities
 * rho_L, rho_R (Derrida, Doucot, Roche, J. Stat. Phys. 115, 717 (2004)): from theta = (V/L) F(omega) with
 * F(omega) = omega - omega^2/3 + 8 omega^3/45 - ... and
 * omega = d s + sigma s^2 + d s^3/6 + O(s^4), d = rho_L - rho_R, sigma = (rho_L + rho_R)/2 - rho_L rho_R,
 * <pre>
 *   kappa_2/kappa_1 = 2 (sigma - d^2/3)/d,   kappa_3/kappa_1 = 1 - 4 sigma + 16 d^2/15
 * </pre>
 * (1/3 and 1/15 for rho_L = 1, rho_R = 0), with rho = nbar/(2 nbar + 1) for each bath (the mapping of
 * AdditivityTest);</li>
 * <li>the comparison with Znidaric, PRE 89, 042140 (2014): in large XX chains with dephasing the current
 * fluctuations are those of the exclusion process.</li>
 * </ul>
 * The exact curves are computed here from the library (a few seconds); only the cloning points come from runs.
 * Stateless; {@link #write} draws into the directory it is given and returns the markdown.
 */
final class FluctuationsSection {
    /** Spec names this section reads: the quantum cloning run (swept over dephasing) and the classical one. */
    static final String QUANTUM = "fluctuations-cloning";
    static final String CLASSICAL = "fluctuations-cloning-classical";
    /** Every spec this section reads. */
    static final List<String> SPECS = List.of(QUANTUM, CLASSICAL);
    /** The dephasing rates of the N = 4 figure. */
    static final double[] GAMMAS = {0, 0.5, 5};
    static final int SITES = 4;
    static final int MAX_QUANTUM = 8;
    static final int MAX_CLASSICAL = 14;

    private FluctuationsSection() {
    }

    /**
     * The exclusion process's large-N ratios {kappa_2/kappa_1, kappa_3/kappa_1} for reservoir densities rhoL and rhoR
     * (formulas in the class comment; rhoL != rhoR).
     */
    static double[] exclusionRatios(double rhoL, double rhoR) {
        double d = rhoL - rhoR;
        double sigma = (rhoL + rhoR) / 2 - rhoL * rhoR;
        return new double[] {2 * (sigma - d * d / 3) / d, 1 - 4 * sigma + 16 * d * d / 15};
    }

    /** The reservoir density nbar/(2 nbar + 1) a bath imposes on its site. */
    static double density(Chain c, Bath b) {
        double n = b.nbar(c.bathOmega(b));
        return n / (2 * n + 1);
    }

    /** Draws fluctuations-theta, fluctuations-rate and fluctuations-cumulants (PNG and SVG); the markdown. */
    static String write(Map<String, RunResults> byName, Path out) throws IOException {
        StringBuilder md = new StringBuilder("## Current fluctuations (issue 15, beyond the paper)\n\n");
        md.append("Counted: the net number N_t of excitations the left (hot) bath puts into the chain by time t; omega = g = G = V = 1, "
                + "T_L = 1, T_R = 0 (nbar_L = 1/(e - 1), so the left reservoir density is rho_L = nbar/(2 nbar + 1) = 0.2689, rho_R = 0). "
                + "theta(s) = lim (1/t) ln <exp(s N_t)> (units of G; s dimensionless) is the leading eigenvalue of the tilted "
                + "generator, computed here by Newton's method continued from s = 0 (`LargeDeviations`, residual below 1e-10); "
                + "I(j) = sup_s [s j - theta(s)] (j in excitations per 1/G, I in units of G) is its Legendre-Fenchel transform on the "
                + "grid, shown only between the slopes of the grid's first and last chords. Cloning points (population dynamics, "
                + "`qtraj cloning`, runs `" + QUANTUM + "` and `" + CLASSICAL + "`): theta extrapolated in 1/M from populations of "
                + "M = 50 and 200 clones; error bars 1 sigma (standard error over 8 independent populations per size, carried "
                + "through the weighted 1/M fit); bias = theta(M = 200) - extrapolation, the finite-population bias left at the "
                + "larger size (Nemoto, Bouchet, Jack, Lecomte, PRE 93, 062123 (2016)).\n\n");
        double[] grid = LargeDeviations.grid(-2, 2, 41);
        XYChart theta = Charts.chart("theta(s), N = 4, left bath counted (cloning error bars 1 sigma)",
                "counting field s (dimensionless)", "theta(s) (units of G)", false, false);
        XYChart rate = Charts.chart("Rate function I(j), N = 4, exact (Legendre-Fenchel of theta on s in [-2, 2])",
                "current j (excitations per 1/G)", "I(j) (units of G)", false, false);
        StringBuilder table = new StringBuilder("| model | s | cloning theta | error | bias | exact theta | z |\n|---|---|---|---|---|---|---|\n");
        double maxZ = 0;
        int points = 0;
        double chi2 = 0;
        for (int m = 0; m <= GAMMAS.length; m++) {
            boolean classical = m == GAMMAS.length;
            double gamma = classical ? 0 : GAMMAS[m];
            Chain c = PaperModels.chain(SITES, gamma, 1);
            String name = classical ? "classical" : "quantum, gamma = " + num(gamma);
            double[] th = thetas(generator(c, classical), grid);
            List<double[]> line = new ArrayList<>();
            for (int i = 0; i < grid.length; i++) {
                line.add(new double[] {grid[i], th[i]});
            }
            Charts.line(theta, "exact, " + name, line);
            LargeDeviations.RateFunction rf = LargeDeviations.rateFunction(grid, th, 81);
            List<double[]> rl = new ArrayList<>();
            for (int i = 0; i < rf.j().length; i++) {
                rl.add(new double[] {rf.j()[i], rf.rate()[i]});
            }
            Charts.line(rate, name, rl);
            Rec rec = classical ? find(byName.get(CLASSICAL), Double.NaN) : find(byName.get(QUANTUM), gamma);
            if (rec == null) {
                continue;
            }
            JsonNode fields = rec.node().path("result").path("fields");
            JsonNode bias = rec.node().path("result").path("theta_bias");
            CountingGenerator g = generator(c, classical);
            List<double[]> pts = new ArrayList<>();
            for (int f = 0; f < fields.size(); f++) {
                double s = fields.get(f).asDouble();
                double v = rec.value("theta_at_" + f);
                double e = rec.error("theta_at_" + f);
                double exact = LargeDeviations.theta(g, new double[] {s})[0].theta();
                double z = Estimate.z(v, e, exact);
                maxZ = Math.max(maxZ, Math.abs(z));
                chi2 += z * z;
                points++;
                pts.add(new double[] {s, v, e});
                table.append(String.format(Locale.ROOT, "| %s | %s | %.5f | %.5f | %.1e | %.5f | %.2f |%n", name, num(s), v,
                        e, bias.path(f).asDouble(Double.NaN), exact, z));
            }
            Charts.errorBars(theta, "cloning, " + name, pts, "exact, " + name);
        }
        Charts.save(theta, out, "fluctuations-theta");
        Charts.save(rate, out, "fluctuations-rate");
        md.append("![theta](fluctuations-theta.png) ![rate function](fluctuations-rate.png)\n\n");
        if (points == 0) {
            md.append("No cloning run given (`" + QUANTUM + "`, `" + CLASSICAL + "`): exact curves only.\n\n");
        } else {
            md.append(table).append(String.format(Locale.ROOT, "%nCloning against exact: %d points, chi^2/K = %.2f, max |z| = %.2f. "
                    + "The points share nothing across fields and models (each population has its own random stream), so chi^2 is a "
                    + "sum of K independent squares if the error bars are right; the bias column is the size of the 1/M correction "
                    + "the extrapolation removed.%n%n", points, chi2 / points, maxZ));
        }
        md.append(cumulants(out));
        md.append(znidaric());
        return md.toString();
    }

    /** A parameter value in at most 4 significant digits without trailing zeros (0.5, not 0.5000). */
    static String num(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }

    private static CountingGenerator generator(Chain c, boolean classical) {
        return classical ? ClassicalGenerator.of(c, c.left()) : QuantumCountingGenerator.of(c, 0);
    }

    private static double[] thetas(CountingGenerator g, double[] grid) {
        LargeDeviations.Point[] p = LargeDeviations.theta(g, grid);
        double[] th = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            th[i] = p[i].theta();
        }
        return th;
    }

    /** The record of the cloning run at this dephasing (NaN: the run's only point), or null. */
    private static Rec find(RunResults run, double gamma) {
        if (run == null) {
            return null;
        }
        for (Rec r : run.records()) {
            double g = r.param("dephasing");
            if (Double.isNaN(gamma) || g == gamma) {
                return r;
            }
        }
        return null;
    }

    /** The Fano factor and kappa_3/kappa_1 against N, exact, with the exclusion-process large-N values. */
    private static String cumulants(Path out) throws IOException {
        Chain ref = PaperModels.chain(2, 0, 1);
        double[] limit = exclusionRatios(density(ref, ref.left()), density(ref, ref.right()));
        XYChart fano = Charts.chart("Fano factor kappa_2/kappa_1 against N (exact), left bath counted",
                "sites N", "kappa_2/kappa_1 (dimensionless)", false, false);
        XYChart k3 = Charts.chart("kappa_3/kappa_1 against N (exact), left bath counted",
                "sites N", "kappa_3/kappa_1 (dimensionless)", false, false);
        StringBuilder table = new StringBuilder("| N |");
        StringBuilder rule = new StringBuilder("|---|");
        String[] names = new String[GAMMAS.length + 1];
        double[][][] ratios = new double[GAMMAS.length + 1][][];
        for (int m = 0; m <= GAMMAS.length; m++) {
            boolean classical = m == GAMMAS.length;
            names[m] = classical ? "classical" : "quantum, gamma = " + num(GAMMAS[m]);
            int max = classical ? MAX_CLASSICAL : MAX_QUANTUM;
            ratios[m] = new double[max + 1][];
            List<double[]> f = new ArrayList<>();
            List<double[]> t = new ArrayList<>();
            for (int n = 2; n <= max; n++) {
                Chain c = PaperModels.chain(n, classical ? 0 : GAMMAS[m], 1);
                double[] k = Cumulants.of(generator(c, classical), 3);
                ratios[m][n] = new double[] {k[1] / k[0], k[2] / k[0]};
                f.add(new double[] {n, k[1] / k[0]});
                t.add(new double[] {n, k[2] / k[0]});
            }
            Charts.line(fano, names[m], f);
            Charts.line(k3, names[m], t);
            table.append(' ').append(names[m]).append(": F | kappa_3/kappa_1 |");
            rule.append("---|---|");
        }
        Charts.line(fano, "exclusion process, N -> infinity", List.of(new double[] {2, limit[0]}, new double[] {MAX_CLASSICAL, limit[0]}));
        Charts.line(k3, "exclusion process, N -> infinity", List.of(new double[] {2, limit[1]}, new double[] {MAX_CLASSICAL, limit[1]}));
        Charts.save(fano, out, "fluctuations-fano");
        Charts.save(k3, out, "fluctuations-kappa3");
        table.append('\n').append(rule).append('\n');
        for (int n = 2; n <= MAX_CLASSICAL; n++) {
            table.append("| ").append(n).append(" |");
            for (double[][] r : ratios) {
                table.append(n < r.length && r[n] != null
                        ? String.format(Locale.ROOT, " %.4f | %.4f |", r[n][0], r[n][1]) : " | |");
            }
            table.append('\n');
        }
        table.append(String.format(Locale.ROOT, "| infinity (exclusion process) |%s%n",
                String.format(Locale.ROOT, " %.4f | %.4f |", limit[0], limit[1]).repeat(names.length)));
        return "### Fano factor and kappa_3 against N\n\n![Fano](fluctuations-fano.png) ![kappa_3](fluctuations-kappa3.png)\n\n"
                + "Exact scaled cumulants kappa_k = lim (1/t) <N_t^k>_c (`Cumulants`: the recursion of pinned solves of the tilted "
                + "generator's derivatives; quantum on the sector Liouvillian, N = 2.." + MAX_QUANTUM + "; classical on the 2^N "
                + "configurations, N = 2.." + MAX_CLASSICAL + "); no error bars (exact). The horizontal lines are the large-N values of the "
                + "symmetric exclusion process between reservoirs of densities rho_L = " + String.format(Locale.ROOT, "%.4f", density(ref, ref.left()))
                + " and rho_R = 0 (Derrida, Doucot, Roche, J. Stat. Phys. 115, 717 (2004); expansion of the additivity CGF of Bodineau "
                + "and Derrida): kappa_2/kappa_1 = 2 (sigma - d^2/3)/d and kappa_3/kappa_1 = 1 - 4 sigma + 16 d^2/15 with d = rho_L - rho_R, "
                + "sigma = (rho_L + rho_R)/2 - rho_L rho_R, i.e. 1 - 2 rho_L/3 and 1 - 2 rho_L + 16 rho_L^2/15 here. The classical chain "
                + "approaches them as 1/L (L = N - 1 + V/gamma_L + V/gamma_R, the effective length of AdditivityTest); the quantum chain "
                + "with dephasing approaches the same values (it is diffusive, and its baths impose the same densities); without "
                + "dephasing (gamma = 0) it is ballistic and does not: its Fano factor and kappa_3/kappa_1 are the same at every N from "
                + "3 on (" + String.format(Locale.ROOT, "%.4f and %.4f at N = 3, %.4f and %.4f at N = %d", ratios[0][3][0], ratios[0][3][1],
                        ratios[0][MAX_QUANTUM][0], ratios[0][MAX_QUANTUM][1], MAX_QUANTUM) + "). Not done: quantum N beyond " + MAX_QUANTUM + " (trajectories or "
                + "cloning there were not run for this section), and a comparison of gamma = 0 with the numbers of Znidaric, PRL 112, "
                + "040602 (2014), whose formulas could not be read here (his symmetric driving, his fluctuation relation and his "
                + "Gamma -> 1/Gamma duality are checked in `ZnidaricDrivingTest`; see below).\n\n"
                + table + "\n";
    }

    /** The comparison with Znidaric, PRE 89, 042140 (2014): settings, mapping, and what is compared. */
    private static String znidaric() {
        return "### Comparison with Znidaric, PRE 89, 042140 (2014)\n\n"
                + "Znidaric studies the XX chain with dephasing on every site, driven at its ends by Lindblad injection and removal "
                + "(\"boundary-driven XX chain with dephasing\"), computes the second cumulant of the spin current exactly at any "
                + "length, and shows numerically that at large N the higher cumulants and theta(s) follow the additivity principle and "
                + "equal those of the classical symmetric simple exclusion process (abstract of arXiv:1401.7341). Mapping: a qtraj bath "
                + "at site 1 is exactly such a driving, injection sigma^+ at rate G nbar and removal sigma^- at rate G (nbar + 1), i.e. "
                + "a reservoir of density rho = nbar/(2 nbar + 1) coupled at rate G (2 nbar + 1); qtraj's dephasing (rate gamma, "
                + "PHYSICS.md) is his dephasing up to the convention for its rate; the counted quantity (net excitations from the "
                + "left bath) is his integrated spin current at the boundary, whose scaled cumulants equal those at any bond. Where it "
                + "maps only through an inverted bath: his driving is symmetric (left density (1 + mu)/2, right (1 - mu)/2, equal "
                + "coupling at both ends), which needs rho_L + rho_R = 1, so one end is above 1/2, where no temperature T >= 0 reaches "
                + "(and no symmetry of the XX chain maps it onto two such baths). A bath with G < 0 and T < 0 has exactly those rates "
                + "(`Bath.ofOccupation`); the library accepts it, model files and the command line do not. `ZnidaricDrivingTest` runs "
                + "his setting at N = 2..8: kappa_1 against the closed form to 1e-9, his fluctuation relation with "
                + "A = 2 ln[(1 + mu)/(1 - mu)], his Gamma -> 1/Gamma duality (gamma_b -> 4 g^2/gamma_b in qtraj's units) at "
                + "gamma = 0, which holds for kappa_k from N = k + 1 on and not at N = 2, and the 1/N approach of the Fano factor "
                + "to the exclusion process's (3 - mu^2)/(6 mu) at gamma = 5. His closed forms themselves (the finite-N second "
                + "cumulant, the gamma = 0 thermodynamic-limit cumulants) could not be read here (only the abstracts were "
                + "available), so no number of his is compared. For thermal baths the large-N statement does not need symmetric "
                + "densities: the Fano factor of the quantum chain with dephasing tends to the exclusion process's "
                + "2 (sigma - d^2/3)/d for the mapped densities. The table above shows it (gamma = 5: N (F - F_infinity) "
                + "settles near 0.09, i.e. a 1/N approach), and `ZnidaricLimitTest` asserts it for N = 2..8.\n\n";
    }
}
