package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.sector.BlockState;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.exact.sector.TraceFixedSolver;
import org.qtraj.model.Chain;

/**
 * N = 11 and 12 (issue 17; tagged slow: {@code mvn -Pheavy verify}, minutes at N = 12 and about 6 GiB; N = 6 in
 * the default suite). The sector
 * solver's steady state of the uniform XXZ chain (D = 1, dephasing 0.5, baths (1, 1) and (1, 0)) is checked by a
 * Lindblad generator written here on the full 2^N x 2^N matrices from PHYSICS.md alone (no sector basis, no
 * preconditioner, no code shared with {@link Liouvillian}): its residual |L rho|_HS / |rho|_HS, the heat and
 * particle currents it gives against the solver's, their continuity (sum over left, right and dephasing zero),
 * and the trace. Tolerances are rounding bounds (the solver reports relative residuals near 1e-15; the full-space
 * sums carry about 16.7 million terms at N = 12), not statistics.
 */
class LiouvillianN12Test {

    /** The same check in the default suite, where it takes a second. */
    @Test
    void sixSites() {
        check(6);
    }

    @Tag("slow")
    @Test
    void elevenSites() {
        check(11);
    }

    @Tag("slow")
    @Test
    void twelveSites() {
        check(12);
    }

    private static void check(int n) {
        Chain chain = TestChains.defaults(n, 1, 0.5);
        long t0 = System.nanoTime();
        Liouvillian l = Liouvillian.of(chain);
        TraceFixedSolver.Solution s = TraceFixedSolver.of(l).steadyState();
        ExactResult r = LiouvillianSolver.result(chain, l, s);
        System.out.printf("liouvillian N=%d: %.1f s, %d iterations, relative residual %.2e%n", n,
                (System.nanoTime() - t0) * 1e-9, s.iterations(), r.extras().get("relative_residual"));
        BlockState rho = s.x();
        assertEquals(1, rho.trace(), 1e-12);
        double[][] dense = rho.toDense();
        FullSpace f = new FullSpace(chain);
        double[][] lrho = f.apply(dense[0], dense[1], -1);
        double residual = Math.sqrt(FullSpace.normSquared(lrho));
        double rhoNorm = Math.sqrt(FullSpace.normSquared(dense));
        System.out.printf("full-space |L rho| / |rho| = %.2e%n", residual / rhoNorm);
        assertTrue(residual / rhoNorm < 1e-11, "full-space residual " + residual / rhoNorm);

        double jLeft = f.energy(f.apply(dense[0], dense[1], 0));
        double jRight = f.energy(f.apply(dense[0], dense[1], 1));
        double jDeph = f.energy(f.apply(dense[0], dense[1], 2));
        double pLeft = f.number(f.apply(dense[0], dense[1], 0));
        double pRight = f.number(f.apply(dense[0], dense[1], 1));
        double scale = Math.abs(jLeft) + Math.abs(jRight);
        assertEquals(jLeft, r.heatCurrentLeft(), 1e-10 * scale);
        assertEquals(jRight, r.heatCurrentRight(), 1e-10 * scale);
        assertEquals(jDeph, r.heatCurrentDephasing(), 1e-10 * scale);
        assertEquals(pLeft, r.particleCurrentLeft(), 1e-10 * Math.abs(pLeft));
        assertEquals(0, jLeft + jRight + jDeph, 1e-10 * scale, "energy continuity");
        assertEquals(0, pLeft + pRight, 1e-10 * Math.abs(pLeft), "particle continuity (dephasing conserves N)");
        assertTrue(pLeft > 0, "a particle current flows from the hot bath");
    }

    /**
     * The Lindblad generator on full 2^N x 2^N matrices (row-major {re, im}, index = mask, bit k = site k), from
     * PHYSICS.md: H = sum_k omega_k n_k + sum_b g_b (s+_b s-_{b+1} + h.c.) + D_b sz_b sz_{b+1}; jumps
     * sqrt(G (nbar + 1)) s-_k and sqrt(G nbar) s+_k for the bath on site k (nbar = 1 / (e^{omega_k / T} - 1),
     * 0 at T = 0), sqrt(gamma_k) n_k for dephasing. Matrix-free: every operator is a permutation or a diagonal.
     */
    static final class FullSpace {
        private final Chain chain;
        private final int n;
        private final int dim;
        private final double[] energy;

        FullSpace(Chain chain) {
            this.chain = chain;
            this.n = chain.sites();
            this.dim = 1 << n;
            energy = new double[dim];
            for (int m = 0; m < dim; m++) {
                double e = 0;
                for (int k = 0; k < n; k++) {
                    e += chain.omega(k) * (m >> k & 1);
                }
                for (int b = 0; b < n - 1; b++) {
                    e += chain.anisotropy(b) * (1 - 2 * (m >> b & 1)) * (1 - 2 * (m >> (b + 1) & 1));
                }
                energy[m] = e;
            }
        }

        /**
         * part -1: the whole generator applied to rho; 0 or 1: only the dissipator of the left or right bath;
         * 2: only the dephasing dissipators.
         */
        double[][] apply(double[] re, double[] im, int part) {
            double[] ore = new double[dim * dim];
            double[] oim = new double[dim * dim];
            if (part == -1) {
                // -i [H, rho]: -i (H rho - rho H); H real symmetric.
                for (int a = 0; a < dim; a++) {
                    for (int c = 0; c < dim; c++) {
                        int ac = a * dim + c;
                        double xr = (energy[a] - energy[c]) * re[ac];
                        double xi = (energy[a] - energy[c]) * im[ac];
                        for (int b = 0; b < n - 1; b++) {
                            double g = chain.coupling(b);
                            if ((a >> b & 1) != (a >> (b + 1) & 1)) {
                                int a2 = a ^ (3 << b);
                                xr += g * re[a2 * dim + c];
                                xi += g * im[a2 * dim + c];
                            }
                            if ((c >> b & 1) != (c >> (b + 1) & 1)) {
                                int c2 = c ^ (3 << b);
                                xr -= g * re[a * dim + c2];
                                xi -= g * im[a * dim + c2];
                            }
                        }
                        ore[ac] = xi;
                        oim[ac] = -xr;
                    }
                }
            }
            for (int bath = 0; bath < 2; bath++) {
                if (part == -1 || part == bath) {
                    org.qtraj.model.Bath bth = bath == 0 ? chain.left() : chain.right();
                    int k = bth.site();
                    double w = chain.omega(k);
                    double nbar = bth.temperature() == 0 ? 0 : 1 / Math.expm1(w / bth.temperature());
                    addDecay(re, im, ore, oim, k, bth.rate() * (nbar + 1));
                    addPump(re, im, ore, oim, k, bth.rate() * nbar);
                }
            }
            if (part == -1 || part == 2) {
                for (int k = 0; k < n; k++) {
                    addDephasing(re, im, ore, oim, k, chain.dephasing(k));
                }
            }
            return new double[][] {ore, oim};
        }

        /** rate (s- rho s+ - (1/2){n, rho}) for site k. */
        private void addDecay(double[] re, double[] im, double[] ore, double[] oim, int k, double rate) {
            int bit = 1 << k;
            for (int a = 0; a < dim; a++) {
                for (int c = 0; c < dim; c++) {
                    int ac = a * dim + c;
                    double loss = 0.5 * (((a & bit) != 0 ? 1 : 0) + ((c & bit) != 0 ? 1 : 0));
                    double vr = -loss * re[ac];
                    double vi = -loss * im[ac];
                    if ((a & bit) == 0 && (c & bit) == 0) {
                        int src = (a | bit) * dim + (c | bit);
                        vr += re[src];
                        vi += im[src];
                    }
                    ore[ac] += rate * vr;
                    oim[ac] += rate * vi;
                }
            }
        }

        /** rate (s+ rho s- - (1/2){1 - n, rho}) for site k. */
        private void addPump(double[] re, double[] im, double[] ore, double[] oim, int k, double rate) {
            int bit = 1 << k;
            for (int a = 0; a < dim; a++) {
                for (int c = 0; c < dim; c++) {
                    int ac = a * dim + c;
                    double loss = 0.5 * (((a & bit) == 0 ? 1 : 0) + ((c & bit) == 0 ? 1 : 0));
                    double vr = -loss * re[ac];
                    double vi = -loss * im[ac];
                    if ((a & bit) != 0 && (c & bit) != 0) {
                        int src = (a & ~bit) * dim + (c & ~bit);
                        vr += re[src];
                        vi += im[src];
                    }
                    ore[ac] += rate * vr;
                    oim[ac] += rate * vi;
                }
            }
        }

        /** rate (n rho n - (1/2){n, rho}) for site k. */
        private void addDephasing(double[] re, double[] im, double[] ore, double[] oim, int k, double rate) {
            int bit = 1 << k;
            for (int a = 0; a < dim; a++) {
                for (int c = 0; c < dim; c++) {
                    int ac = a * dim + c;
                    double na = (a & bit) != 0 ? 1 : 0;
                    double nc = (c & bit) != 0 ? 1 : 0;
                    double f = na * nc - 0.5 * (na + nc);
                    ore[ac] += rate * f * re[ac];
                    oim[ac] += rate * f * im[ac];
                }
            }
        }

        /** tr(H X) = sum_a E_a X_aa + sum_b g_b (X_{a', a} for each hop a -> a'), real part. */
        double energy(double[][] x) {
            double t = 0;
            for (int a = 0; a < dim; a++) {
                t += energy[a] * x[0][a * dim + a];
                for (int b = 0; b < n - 1; b++) {
                    if ((a >> b & 1) != (a >> (b + 1) & 1)) {
                        int a2 = a ^ (3 << b);
                        t += chain.coupling(b) * x[0][a2 * dim + a];
                    }
                }
            }
            return t;
        }

        /** tr(N X), N the number of excitations. */
        double number(double[][] x) {
            double t = 0;
            for (int a = 0; a < dim; a++) {
                t += Integer.bitCount(a) * x[0][a * dim + a];
            }
            return t;
        }

        static double normSquared(double[][] x) {
            double s = 0;
            for (double[] part : x) {
                for (double v : part) {
                    s += v * v;
                }
            }
            return s;
        }
    }
}
