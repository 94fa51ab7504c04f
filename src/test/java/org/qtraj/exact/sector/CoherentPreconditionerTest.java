package org.qtraj.exact.sector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/** The preconditioner inverts X -> -i[H_n, X] - c_n X exactly, sector by sector. */
class CoherentPreconditionerTest {

    @Test
    void invertsTheDampedCoherentPart() {
        // XXZ, disordered, no dephasing: c_ij = c_n, the mean of the sector's decay rates.
        Chain chain = Chain.of(new double[] {1.0, 0.7, 1.3, 0.9, 1.1}, new double[] {0.8, 1.2, 0.5, -0.6},
                new double[] {0.3, -0.5, 1.0, 0.2}, new double[5], new double[] {1, 1, 1, 1},
                new Bath(0, 0.7, 2.0), new Bath(4, 1.3, 0.4));
        CoherentPreconditioner m = new CoherentPreconditioner(Liouvillian.of(chain));
        for (int n = 0; n <= 5; n++) {
            assertFalse(m.reflectionAdapted(n), "disordered: no reflection symmetry, sector " + n);
        }
        assertInvertsCoherentPart(chain, 1e-11);
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
        CoherentPreconditioner m = new CoherentPreconditioner(Liouvillian.of(chain));
        assertTrue(m.reflectionAdapted(4) && m.reflectionAdapted(3) && m.reflectionAdapted(2));
        assertInvertsCoherentPart(chain, 1e-10);
    }

    private static void assertInvertsCoherentPart(Chain chain, double tolerance) {
        Liouvillian l = Liouvillian.of(chain);
        SectorBasis basis = l.basis();
        double[] x = LiouvillianTest.randomHermitian(basis, 5);
        double[] y = new double[x.length];
        new CoherentPreconditioner(l).apply(x, y);
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
    void blockedProductsMatchPlainOnes() {
        java.util.Random rng = new java.util.Random(2);
        for (int d : new int[] {1, 3, 4, 7, 9}) {
            double[] a = new double[d * d];
            double[] b = new double[d * 2 * d];
            for (int i = 0; i < a.length; i++) {
                a[i] = rng.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = rng.nextGaussian();
            }
            double[] c = new double[d * 2 * d];
            CoherentPreconditioner.mult(a, 0, d, b, 0, 2 * d, c, 0, 2 * d, d, d, 2 * d);
            double[] u = new double[d * 2 * d];
            CoherentPreconditioner.multUpper(a, 0, d, b, d, 2 * d, u, d, 2 * d, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < 2 * d; j++) {
                    double s = 0;
                    double sr = 0;
                    for (int k = 0; k < d; k++) {
                        s += a[i * d + k] * b[k * 2 * d + j];
                        if (j < d) {
                            sr += a[i * d + k] * b[k * 2 * d + d + j];
                        }
                    }
                    assertEquals(s, c[i * 2 * d + j], 1e-12);
                    if (j < d && j >= i) {
                        assertEquals(sr, u[i * 2 * d + d + j], 1e-12, "upper " + i + "," + j);
                    }
                }
            }
        }
    }
}
