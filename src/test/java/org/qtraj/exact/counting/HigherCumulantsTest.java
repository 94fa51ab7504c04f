package org.qtraj.exact.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.TestChains;
import org.qtraj.model.Chain;

/**
 * Cumulants of order 4 and 5 from the recursion against an independent route: the leading eigenvalue of the DENSE
 * tilted generator (4^N superoperator of {@link QuantumCumulantsTest#denseTilted}, or the 2^N rate matrix of
 * {@link ClassicalCumulantsTest#tilted}) interpolated at Chebyshev nodes on [-h, h] and differentiated at s = 0.
 */
class HigherCumulantsTest {
    static final int NODES = 30;
    static final double H = 2.0;
    /**
     * Relative tolerances of kappa_1..5 (scale max(|kappa|, 1e-3)). Measured largest differences over all cases here:
     * 3e-13, 4e-12, 2e-10, 3e-9, 5e-8; they fall as H grows (1e-5 at H = 0.4), so they are the dense route's
     * rounding (eigenvalue noise / H^k), not the recursion's.
     */
    static final double[] REL_TOL = {1e-11, 1e-10, 2e-9, 3e-8, 3e-7};

    /**
     * kappa_1..kappa_order of theta(s) = f, from the Chebyshev interpolant of degree NODES - 1 on [-H, H]:
     * c_n = (2/M) sum_i f(s_i) T_n(t_i), converted to monomial coefficients a_k of t = s/H, kappa_k = k! a_k / H^k.
     */
    static double[] chebyshevCumulants(DoubleUnaryOperator f, int order) {
        int m = NODES;
        double[] fv = new double[m];
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = Math.cos(Math.PI * (i + 0.5) / m);
            fv[i] = f.applyAsDouble(H * t[i]);
        }
        double[] c = new double[m];
        for (int n = 0; n < m; n++) {
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += fv[i] * Math.cos(n * Math.PI * (i + 0.5) / m);
            }
            c[n] = (n == 0 ? 1.0 : 2.0) / m * sum;
        }
        // monomial coefficients of T_n by T_{n+1} = 2 t T_n - T_{n-1}
        double[] a = new double[m];
        double[] prev = new double[m];
        double[] cur = new double[m];
        prev[0] = 1;
        cur[1] = 1;
        for (int k = 0; k < m; k++) {
            a[k] += c[0] * prev[k] + c[1] * cur[k];
        }
        for (int n = 2; n < m; n++) {
            double[] next = new double[m];
            for (int k = 0; k < m; k++) {
                next[k] = (k > 0 ? 2 * cur[k - 1] : 0) - prev[k];
            }
            for (int k = 0; k < m; k++) {
                a[k] += c[n] * next[k];
            }
            prev = cur;
            cur = next;
        }
        double[] kappa = new double[order];
        double fact = 1;
        for (int k = 1; k <= order; k++) {
            fact *= k;
            kappa[k - 1] = fact * a[k] / Math.pow(H, k);
        }
        return kappa;
    }

    private static void check(double[] dense, double[] rec, String where) {
        for (int k = 0; k < dense.length; k++) {
            double scale = Math.max(Math.abs(dense[k]), 1e-3);
            assertEquals(dense[k], rec[k], REL_TOL[k] * scale, where + ", kappa_" + (k + 1));
        }
    }

    @Test
    void quantumKappa4And5AgainstTheDenseGenerator() {
        for (int n = 2; n <= 3; n++) {
            for (double deph : new double[] {0, 0.5}) {
                for (double d : new double[] {0, 1}) {
                    Chain c = TestChains.uniform(n, 1, 1, d, deph, 1.2, 1.5, 0.7, 0.3);
                    double[] rec = Cumulants.of(QuantumCountingGenerator.of(c, 0), 5);
                    double[] dense = chebyshevCumulants(
                            s -> ClassicalCumulantsTest.leadingEigenvalue(QuantumCumulantsTest.denseTilted(c, s)), 5);
                    check(dense, rec, "N = " + n + ", dephasing " + deph + ", D = " + d);
                }
            }
        }
    }

    @Test
    void classicalKappa4And5AgainstTheDenseRateMatrix() {
        for (int n = 2; n <= 5; n++) {
            for (double v : new double[] {0.5, 2}) {
                Chain c = ClassicalCumulantsTest.chain(n, v, 2.0, 0.3, 1.4);
                double[] rec = Cumulants.of(ClassicalGenerator.of(c, c.left()), 5);
                double[] dense = chebyshevCumulants(
                        s -> ClassicalCumulantsTest.leadingEigenvalue(ClassicalCumulantsTest.tilted(c, s)), 5);
                check(dense, rec, "N = " + n + ", V = " + v);
            }
        }
    }

    /**
     * Orders 6..10 against the same dense route, looser: its rounding grows like 1/H^k. Measured relative
     * differences (quantum N = 2 with dephasing; classical N = 3): up to 1e-8, 7e-7, 6e-6, 5e-5, 1e-4 for k = 6..10.
     */
    @Test
    void ordersSixToTenAgreeWithinTheDenseRoutesRounding() {
        double[] tol = {1e-6, 1e-5, 1e-4, 5e-4, 1e-3};
        Chain q = TestChains.uniform(2, 1, 1, 0, 0.5, 1.2, 1.5, 0.7, 0.3);
        Chain cl = ClassicalCumulantsTest.chain(3, 0.5, 2.0, 0.3, 1.4);
        double[][] rec = {Cumulants.of(QuantumCountingGenerator.of(q, 0), 10),
            Cumulants.of(ClassicalGenerator.of(cl, cl.left()), 10)};
        double[][] dense = {
            chebyshevCumulants(s -> ClassicalCumulantsTest.leadingEigenvalue(QuantumCumulantsTest.denseTilted(q, s)), 10),
            chebyshevCumulants(s -> ClassicalCumulantsTest.leadingEigenvalue(ClassicalCumulantsTest.tilted(cl, s)), 10)};
        for (int m = 0; m < 2; m++) {
            for (int k = 6; k <= 10; k++) {
                assertEquals(dense[m][k - 1], rec[m][k - 1], tol[k - 6] * Math.abs(dense[m][k - 1]),
                        (m == 0 ? "quantum" : "classical") + " kappa_" + k);
            }
        }
    }

    /** The recursion of order K gives the same first cumulants as a shorter one (no order-dependent state). */
    @Test
    void orderTenExtendsOrderThree() {
        Chain c = TestChains.defaults(3, 0, 0.5);
        QuantumCountingGenerator g = QuantumCountingGenerator.of(c, 0);
        double[] k3 = Cumulants.of(g, 3);
        double[] k10 = Cumulants.of(g, 10);
        for (int i = 0; i < 3; i++) {
            assertEquals(k3[i], k10[i], 0.0);
        }
    }

    @Test
    void refusesOrdersOutOfRange() {
        Chain c = TestChains.defaults(2, 0, 0);
        QuantumCountingGenerator g = QuantumCountingGenerator.of(c, 0);
        assertEquals("order", assertThrows(InvalidInputException.class, () -> Cumulants.of(g, 0)).field());
        assertEquals("order", assertThrows(InvalidInputException.class,
                () -> Cumulants.of(g, Cumulants.MAX_ORDER + 1)).field());
    }
}
