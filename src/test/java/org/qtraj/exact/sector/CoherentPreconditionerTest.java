package org.qtraj.exact.sector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The scalar variant inverts X -> -i[H_n, X] - c_n X, sector by sector; the default one inverts the population block
 * of L + u tr^T.
 *
 * <p>"Inverts" to single precision: the preconditioner applies itself in float (the input, the eigenvectors and the
 * d-term sums of its transforms rounded to 2^-24 = 6e-8 relative), so its result is the exact inverse to about 1e-7
 * of the size of the entries (O(1) here: Gaussian inputs, rates and energies of order 1, sectors of at most 70
 * states). Measured: largest deviations 2e-9 (coherent part) and 6e-8
 * (populations). The tolerance, {@value #FLOAT_TOLERANCE}, leaves a factor of over 100 for that rounding; a wrong formula
 * (a sign, a missing term, a wrong index) changes entries by order one. Before the preconditioner ran in float these
 * tests asserted 1e-11 to 1e-9; the solves themselves still reach 1e-12 and below (flexible GMRES, double residual).
 */
class CoherentPreconditionerTest {
    private static final double FLOAT_TOLERANCE = 1e-5;

    @Test
    void invertsTheDampedCoherentPart() {
        // XXZ, disordered, no dephasing: c_ij = c_n, the mean of the sector's decay rates.
        Chain chain = Chain.of(new double[] {1.0, 0.7, 1.3, 0.9, 1.1}, new double[] {0.8, 1.2, 0.5, -0.6},
                new double[] {0.3, -0.5, 1.0, 0.2}, new double[5], new double[] {1, 1, 1, 1},
                new Bath(0, 0.7, 2.0), new Bath(4, 1.3, 0.4));
        CoherentPreconditioner m = new CoherentPreconditioner(Liouvillian.of(chain), false);
        for (int n = 0; n <= 5; n++) {
            assertFalse(m.reflectionAdapted(n), "disordered: no reflection symmetry, sector " + n);
        }
        assertInvertsCoherentPart(chain, FLOAT_TOLERANCE);
    }

    @Test
    void reflectionAdaptedPathInvertsTheDampedCoherentPart() {
        // Uniform XXZ chain (H reflection-symmetric, the baths are not), fields and couplings that are not
        // integers so the energies are sums with rounding; N = 8: sectors of 28, 56 and 70 states take the
        // factored path, and its result must still invert X -> -i[H, X] - c_n X exactly.
        double[] omega = new double[8];
        java.util.Arrays.fill(omega, 1.3);
        double[] g = new double[7];
        java.util.Arrays.fill(g, 0.7);
        double[] dz = new double[7];
        java.util.Arrays.fill(dz, 0.45);
        double[] one = new double[7];
        java.util.Arrays.fill(one, 1);
        Chain chain = Chain.of(omega, g, dz, new double[8], one, new Bath(0, 0.7, 2.0), new Bath(7, 1.3, 0.4));
        CoherentPreconditioner m = new CoherentPreconditioner(Liouvillian.of(chain), false);
        assertTrue(m.reflectionAdapted(4) && m.reflectionAdapted(3) && m.reflectionAdapted(2));
        assertInvertsCoherentPart(chain, FLOAT_TOLERANCE);
    }

    private static void assertInvertsCoherentPart(Chain chain, double tolerance) {
        Liouvillian l = Liouvillian.of(chain);
        SectorBasis basis = l.basis();
        double[] x = LiouvillianTest.randomHermitian(basis, 5);
        double[] y = new double[x.length];
        new CoherentPreconditioner(l, false).apply(x, y);
        // -i[H, y] = L y - sum_m D_m y.
        double[] coherent = new double[x.length];
        l.apply(y, coherent);
        double[] dm = new double[x.length];
        for (Liouvillian.Channel c : l.channels()) {
            l.applyDissipator(c, y, dm);
            for (int i = 0; i < dm.length; i++) {
                coherent[i] -= dm[i];
            }
        }
        for (int n = 0; n < basis.sectors(); n++) {
            double cn = 0;
            for (double a : l.decayRates(n)) {
                cn += a / basis.dim(n);
            }
            int off = basis.offset(n);
            for (int i = 0; i < basis.dim(n) * basis.dim(n); i++) {
                assertEquals(x[off + i], coherent[off + i] - cn * y[off + i], tolerance, "sector " + n + " entry " + i);
            }
        }
    }

    @Test
    void invertsThePopulationBlockExactly() {
        // Disordered with dephasing (the general path) and uniform (the reflection-adapted path, sectors of 20):
        // for Z = sum_k z_k |k><k| over the eigenvectors of every sector, the populations of M^{-1} (L + u tr^T) Z
        // are z again, with L applied matrix-free as the reference for the Pauli block.
        Chain disordered = Chain.of(new double[] {1.0, 0.7, 1.3, 0.9, 1.1}, new double[] {0.8, 1.2, 0.5, -0.6},
                new double[] {0.3, -0.5, 1.0, 0.2}, new double[] {0.4, 0, 0.9, 0.2, 0}, new double[] {1, 1, 1, 1},
                new Bath(0, 0.7, 2.0), new Bath(4, 1.3, 0.4));
        double[] one = new double[5];
        java.util.Arrays.fill(one, 1);
        double[] half = new double[6];
        java.util.Arrays.fill(half, 0.5);
        Chain uniform = Chain.of(new double[] {1, 1, 1, 1, 1, 1}, one, one, half, one, new Bath(0, 1, 1),
                new Bath(5, 1, 0));
        for (Chain chain : new Chain[] {disordered, uniform}) {
            Liouvillian l = Liouvillian.of(chain);
            SectorBasis basis = l.basis();
            CoherentPreconditioner m = new CoherentPreconditioner(l);
            java.util.Random rng = new java.util.Random(3);
            double[] z = new double[basis.size()];
            double[][] pops = new double[basis.sectors()][];
            for (int n = 0; n < basis.sectors(); n++) {
                int d = basis.dim(n);
                double[] v = m.eigenvectors(n);
                pops[n] = new double[d];
                for (int k = 0; k < d; k++) {
                    pops[n][k] = rng.nextGaussian();
                }
                // packed Z_n = V diag(z) V^T (real symmetric: the lower triangle, the imaginary parts, is zero)
                for (int i = 0; i < d; i++) {
                    for (int j = i; j < d; j++) {
                        double s = 0;
                        for (int k = 0; k < d; k++) {
                            s += v[i * d + k] * pops[n][k] * v[j * d + k];
                        }
                        z[basis.offset(n) + i * d + j] = i == j ? s : BlockState.SQRT2 * s;
                    }
                }
            }
            double[] r = new double[z.length];
            l.apply(z, r);
            double t = BlockState.trace(basis, z);
            double[] u = BlockState.maximallyMixed(basis).data();
            for (int i = 0; i < r.length; i++) {
                r[i] += t * u[i];
            }
            double[] y = new double[z.length];
            m.apply(r, y);
            for (int n = 0; n < basis.sectors(); n++) {
                int d = basis.dim(n);
                double[] v = m.eigenvectors(n);
                for (int k = 0; k < d; k++) {
                    double s = 0;
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j < d; j++) {
                            double re = i == j ? y[basis.offset(n) + i * d + i]
                                    : y[basis.offset(n) + Math.min(i, j) * d + Math.max(i, j)] * BlockState.INV_SQRT2;
                            s += v[i * d + k] * re * v[j * d + k];
                        }
                    }
                    assertEquals(pops[n][k], s, FLOAT_TOLERANCE, chain.sites() + " sites, sector " + n + ", population " + k);
                }
            }
        }
    }
}
