package org.qtraj.exact.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.DenseLindblad;
import org.qtraj.exact.LiouvillianSolver;
import org.qtraj.exact.TestChains;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.model.Chain;

/**
 * The cumulant recursion on the tilted Liouvillian against finite differences of its leading eigenvalue, found
 * two other ways: dense eigen-decomposition of the full 4^N generator built by {@link DenseLindblad} (no code shared
 * with {@link Liouvillian}), N = 2, 3; and power iteration on the block generator, N = 4, 5.
 */
class QuantumCumulantsTest {

    /** Real form of L(s) = L + sum_{left jumps} (e^{nu s} - 1) J_m, J_m X = L_m X L_m^T (all operators real). */
    static DMatrixRMaj denseTilted(Chain chain, double s) {
        DenseLindblad dl = new DenseLindblad(chain);
        double[][] full = dl.realGenerator();
        int d = dl.dim;
        int d2 = d * d;
        int[] nu = {-1, +1}; // jumpsLeft = {lower (emission), raise (absorption)}
        for (int m = 0; m < 2; m++) {
            double factor = dl.ratesLeft[m] * (Math.exp(nu[m] * s) - 1);
            if (factor == 0) {
                continue;
            }
            double[][] op = dl.jumpsLeft[m];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < d; k++) {
                        if (op[i][k] == 0) {
                            continue;
                        }
                        for (int l = 0; l < d; l++) {
                            double v = factor * op[i][k] * op[j][l];
                            if (v != 0) {
                                full[i * d + j][k * d + l] += v;
                                full[i * d + j + d2][k * d + l + d2] += v;
                            }
                        }
                    }
                }
            }
        }
        return new DMatrixRMaj(full);
    }

    @Test
    void denseEigenvalueRouteN2andN3() {
        for (int n = 2; n <= 3; n++) {
            for (double deph : new double[] {0, 0.5}) {
                for (double d : new double[] {0, 1}) {
                    Chain c = TestChains.uniform(n, 1, 1, d, deph, 1.2, 1.5, 0.7, 0.3);
                    double[] k = Cumulants.of(QuantumCountingGenerator.of(c, 0), 3);
                    double[] fd = ClassicalCumulantsTest.finiteDifferenceCumulants(
                            s -> ClassicalCumulantsTest.leadingEigenvalue(denseTilted(c, s)), 0.02);
                    String where = "N = " + n + ", dephasing " + deph + ", D = " + d;
                    // Richardson truncation ~ h^4 kappa_5 ~ 1e-7; eigenvalue rounding ~ 1e-14 / h^3 ~ 1e-9 for kappa_3
                    assertEquals(fd[0], k[0], 1e-8, where);
                    assertEquals(fd[1], k[1], 1e-7, where);
                    assertEquals(fd[2], k[2], 1e-5, where);
                }
            }
        }
    }

    /** Leading eigenvalue of L(s) by power iteration on 1 + tau L(s), on the block structure. */
    static double powerIteration(QuantumCountingGenerator g, double s) {
        int dim = g.dimension();
        double[] x = g.steadyState();
        double[] y = new double[dim];
        double[] t1 = new double[dim];
        double[] t2 = new double[dim];
        double tau = 0.05;
        double lambda = 0;
        for (int it = 0; it < 200_000; it++) {
            // L(s) x = L_0 x + sum_m (e^{nu s} - 1) J_m x = L_0 x + (cosh s - 1) L^(2) x + sinh s L^(1) x
            g.apply(x, y);
            g.applyCounted(1, x, t1);
            g.applyCounted(2, x, t2);
            double tr = g.trace(x);
            double trl = 0;
            for (int i = 0; i < dim; i++) {
                y[i] += Math.sinh(s) * t1[i] + (Math.cosh(s) - 1) * t2[i];
            }
            trl = g.trace(y);
            double next = trl / tr;
            for (int i = 0; i < dim; i++) {
                x[i] += tau * y[i];
            }
            double norm = g.trace(x);
            for (int i = 0; i < dim; i++) {
                x[i] /= norm;
            }
            if (it > 100 && Math.abs(next - lambda) < 1e-16) {
                return next;
            }
            lambda = next;
        }
        return lambda;
    }

    @Test
    void powerIterationRouteN4andN5() {
        for (int n = 4; n <= 5; n++) {
            Chain c = TestChains.uniform(n, 1, 1, 0, 0.5, 1, 1, 1, 0);
            QuantumCountingGenerator g = QuantumCountingGenerator.of(c, 0);
            double[] k = Cumulants.of(g, 2);
            double[] fd = ClassicalCumulantsTest.finiteDifferenceCumulants(s -> powerIteration(g, s), 0.05);
            assertEquals(fd[0], k[0], 1e-7, "N = " + n);
            assertEquals(fd[1], k[1], 1e-6, "N = " + n);
        }
    }

    @Test
    void meanIsTheParticleCurrentOfTheSteadyState() {
        Chain c = TestChains.uniform(3, 1, 0.8, 1, 0.3, 1.1, 2, 0.6, 0.5);
        double[] k = Cumulants.of(QuantumCountingGenerator.of(c, 0), 1);
        assertEquals(new LiouvillianSolver().solve(c).particleCurrentLeft(), k[0], 1e-10);
        double[] kr = Cumulants.of(QuantumCountingGenerator.of(c, 1), 1);
        assertEquals(-k[0], kr[0], 1e-10);
    }

    /**
     * Published check: for the uniform boundary-driven free-fermion chain (D = 0, no dephasing) the cumulant of order
     * k does not depend on N once N >= k + 1 (numerical observation of arXiv:1310.4997, "Lindblad equation for a
     * non-interacting fermionic system: full-counting statistics"), while it does change below that size.
     */
    @Test
    void cumulantOfOrderKStopsDependingOnNFromKPlusOneSites() {
        double[][] k = new double[7][];
        for (int n = 2; n <= 6; n++) {
            k[n] = Cumulants.of(QuantumCountingGenerator.of(TestChains.defaults(n, 0, 0), 0), 3);
        }
        for (int order = 1; order <= 3; order++) {
            for (int n = order + 2; n <= 6; n++) {
                assertEquals(k[order + 1][order - 1], k[n][order - 1], 1e-10 * Math.abs(k[order + 1][order - 1]),
                        "kappa_" + order + " at N = " + n);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(k[2][1] - k[3][1]) > 1e-4, "kappa_2 differs at N = 2");
        org.junit.jupiter.api.Assertions.assertTrue(Math.abs(k[3][2] - k[4][2]) > 1e-5, "kappa_3 differs at N = 3");
    }
}
