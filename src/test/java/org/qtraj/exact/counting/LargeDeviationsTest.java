package org.qtraj.exact.counting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.TestChains;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * theta(s) by Newton continuation ({@link LargeDeviations}) against the eigenvalue of largest real part of the dense
 * 4^N superoperator and 2^N rate matrix, its derivatives at 0 against the cumulant recursion, thread independence,
 * and the Gallavotti-Cohen symmetry.
 */
class LargeDeviationsTest {

    static double[] thetas(CountingGenerator g, double[] s) {
        LargeDeviations.Point[] p = LargeDeviations.theta(g, s);
        double[] t = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            t[i] = p[i].theta();
            assertTrue(p[i].residual() <= LargeDeviations.TOLERANCE * g.normBound(), "residual at s = " + s[i]);
        }
        return t;
    }

    @Test
    void quantumAgainstTheDenseSuperoperatorN2andN3() {
        double[] s = LargeDeviations.grid(-2, 2, 17);
        // measured: largest relative difference 7e-13 (quantum), 1.6e-11 (classical, N = 2..6)
        for (int n = 2; n <= 3; n++) {
            for (double deph : new double[] {0, 0.5}) {
                for (double d : new double[] {0, 1}) {
                    Chain c = TestChains.uniform(n, 1, 1, d, deph, 1.2, 1.5, 0.7, 0.3);
                    double[] t = thetas(QuantumCountingGenerator.of(c, 0), s);
                    for (int i = 0; i < s.length; i++) {
                        double dense = ClassicalCumulantsTest.leadingEigenvalue(QuantumCumulantsTest.denseTilted(c, s[i]));
                        double scale = Math.max(1, Math.abs(dense));
                        assertEquals(dense, t[i], 1e-9 * scale, "N = " + n + ", deph " + deph + ", D " + d + ", s " + s[i]);
                    }
                }
            }
        }
    }

    @Test
    void classicalAgainstTheDenseRateMatrix() {
        double[] s = LargeDeviations.grid(-2, 2, 17);
        for (int n = 2; n <= 6; n++) {
            for (double v : new double[] {0.5, 2}) {
                Chain c = ClassicalCumulantsTest.chain(n, v, 2.0, 0.3, 1.4);
                double[] t = thetas(ClassicalGenerator.of(c, c.left()), s);
                for (int i = 0; i < s.length; i++) {
                    double dense = ClassicalCumulantsTest.leadingEigenvalue(ClassicalCumulantsTest.tilted(c, s[i]));
                    double scale = Math.max(1, Math.abs(dense));
                    assertEquals(dense, t[i], 1e-9 * scale, "N = " + n + ", V = " + v + ", s = " + s[i]);
                }
            }
        }
    }

    /** Far fields, grids away from 0 and in any order: the continuation still lands on the leading eigenvalue. */
    @Test
    void farFieldsAndGridsWithoutZero() {
        double[] s = {6, -5, 3.5, 9, -8, 1};
        Chain c = TestChains.uniform(3, 1, 1, 0.5, 0.3, 1.2, 1.5, 0.7, 0.3);
        double[] tq = thetas(QuantumCountingGenerator.of(c, 0), s);
        double[] tc = thetas(ClassicalGenerator.of(c, c.left()), s);
        for (int i = 0; i < s.length; i++) {
            double dq = ClassicalCumulantsTest.leadingEigenvalue(QuantumCumulantsTest.denseTilted(c, s[i]));
            double dc = ClassicalCumulantsTest.leadingEigenvalue(ClassicalCumulantsTest.tilted(c, s[i]));
            // e^9 = 8103: both the dense eigenvalue and the residual bound lose digits with the tilt's scale;
            // measured relative differences up to 1.6e-10 (quantum), 1.2e-9 (classical, s = 9)
            assertEquals(dq, tq[i], 1e-8 * Math.max(1, Math.abs(dq)), "quantum s = " + s[i]);
            assertEquals(dc, tc[i], 1e-8 * Math.max(1, Math.abs(dc)), "classical s = " + s[i]);
        }
        assertEquals(0.0, LargeDeviations.grid(-2, 2, 41)[20], 0.0, "s = 0 exactly on a symmetric grid");
    }

    @Test
    void derivativesAtZeroAreTheCumulants() {
        double h = 1e-2;
        double[] s = {-2 * h, -h, 0, h, 2 * h};
        for (CountingGenerator g : new CountingGenerator[] {
            QuantumCountingGenerator.of(TestChains.defaults(4, 0, 0.5), 0),
            QuantumCountingGenerator.of(TestChains.defaults(3, 1, 0), 0),
            ClassicalGenerator.of(TestChains.defaults(6, 0, 0), TestChains.defaults(6, 0, 0).left())}) {
            double[] t = thetas(g, s);
            double[] k = Cumulants.of(g, 4);
            assertEquals(0, t[2], 1e-14, "theta(0)");
            // fourth-order central differences: truncation h^4 kappa_5 / 30 ~ 1e-10, rounding 1e-13 / h^2 ~ 1e-9;
            // measured differences below 1e-11 for both
            double d1 = (t[0] - 8 * t[1] + 8 * t[3] - t[4]) / (12 * h);
            double d2 = (-t[0] + 16 * t[1] - 30 * t[2] + 16 * t[3] - t[4]) / (12 * h * h);
            assertEquals(k[0], d1, 1e-9);
            assertEquals(k[1], d2, 1e-7);
        }
    }

    @Test
    void bitIdenticalForOneTwoAndFourThreads() {
        Chain c = TestChains.defaults(5, 0.5, 0.3);
        double[] s = LargeDeviations.grid(-1.5, 1.5, 7);
        LargeDeviations.Point[] one = LargeDeviations.theta(QuantumCountingGenerator.of(c, 0, 1), s);
        LargeDeviations.Point[] two = LargeDeviations.theta(QuantumCountingGenerator.of(c, 0, 2), s);
        LargeDeviations.Point[] four = LargeDeviations.theta(QuantumCountingGenerator.of(c, 0, 4), s);
        for (int i = 0; i < s.length; i++) {
            assertEquals(one[i], two[i], "s = " + s[i]);
            assertEquals(one[i], four[i], "s = " + s[i]);
        }
    }

    static double symmetryDefect(CountingGenerator g, double a) {
        double[] s = {-2, -1.2, -0.7, -0.3, 0.1, 0.6};
        double[] mirror = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            mirror[i] = -s[i] - a;
        }
        double[] t = thetas(g, s);
        double[] tm = thetas(g, mirror);
        double worst = 0;
        for (int i = 0; i < s.length; i++) {
            worst = Math.max(worst, Math.abs(t[i] - tm[i]) / Math.max(1, Math.abs(t[i])));
        }
        return worst;
    }

    /**
     * theta(s) = theta(-s - A) with A = omega_R/T_R - omega_L/T_L (left count; -A at the right), quantum and
     * classical, with D, dephasing, unequal omegas and disordered couplings; measured defects below 2.2e-11. A
     * control: the wrong affinity A + 0.05 breaks it visibly.
     */
    @Test
    void gallavottiCohenSymmetryWithTheDerivedAffinity() {
        java.util.List<Chain> chains = new java.util.ArrayList<>();
        double[][] cases = {
            // n, omega, g, D, dephasing, G_L, T_L, G_R, T_R
            {3, 1, 1, 0, 0, 1.2, 2, 0.7, 0.5},
            {3, 1, 1, 1, 0, 1.2, 2, 0.7, 0.5},
            {3, 1, 1, 0, 0.5, 1.2, 2, 0.7, 0.5},
            {4, 1, 0.8, 0.3, 1, 1, 1.5, 1, 0.7},
            {3, 1, 1, 0, 0, 1, 0.7, 1, 1.5}, // current flowing to the left: A < 0
        };
        for (double[] x : cases) {
            chains.add(TestChains.uniform((int) x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8]));
        }
        // unequal omegas, disordered couplings and anisotropies, dephasing on some sites
        chains.add(Chain.of(new double[] {1, 1.5, 2}, new double[] {1, 0.6}, new double[] {0, 0.4},
                new double[] {0, 0.5, 0.2}, TestChains.fill(2, 1), new Bath(0, 1, 2), new Bath(2, 0.8, 1)));
        chains.add(Chain.of(new double[] {2, 1.2, 0.9, 1}, new double[] {0.7, 1.3, 0.9}, TestChains.fill(3, 0),
                TestChains.fill(4, 0), TestChains.fill(3, 1), new Bath(0, 1.5, 3), new Bath(3, 0.6, 0.8)));
        for (Chain c : chains) {
            for (int bath = 0; bath <= 1; bath++) {
                double a = LargeDeviations.affinity(c, bath);
                double q = symmetryDefect(QuantumCountingGenerator.of(c, bath), a);
                double cl = symmetryDefect(ClassicalGenerator.of(c, c.baths()[bath]), a);
                assertTrue(q < 1e-10, "quantum " + c + " bath " + bath + ": " + q);
                assertTrue(cl < 1e-10, "classical " + c + " bath " + bath + ": " + cl);
                assertTrue(symmetryDefect(QuantumCountingGenerator.of(c, bath), a + 0.05) > 1e-4, "control");
            }
        }
        assertTrue(Double.isNaN(LargeDeviations.affinity(TestChains.defaults(3, 0, 0), 0)), "T_R = 0: no symmetry");
        assertEquals(0.5, LargeDeviations.affinity(TestChains.uniform(3, 1, 1, 0, 0, 1, 2, 1, 1), 0), 1e-15);
    }

    @Test
    void gridRefusals() {
        for (String bad : new String[] {"1:1:5", "2:1:5", "-1:1:1", "NaN:1:5", "-1:Infinity:5", "-11:1:5", "a:b:c", "1:2"}) {
            assertEquals("theta", assertThrows(InvalidInputException.class, () -> LargeDeviations.parseGrid(bad)).field(),
                    bad);
        }
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, LargeDeviations.parseGrid("-1:1:5"), 0);
    }

    @Test
    void rateFunctionIsZeroAtTheMeanAndPositiveElsewhere() {
        Chain c = TestChains.defaults(4, 0, 0.5);
        QuantumCountingGenerator g = QuantumCountingGenerator.of(c, 0);
        double[] s = LargeDeviations.grid(-2, 2, 81);
        double[] t = thetas(g, s);
        LargeDeviations.RateFunction rf = LargeDeviations.rateFunction(s, t, 41);
        double k1 = Cumulants.of(g, 1)[0];
        assertTrue(rf.jMin() < k1 && k1 < rf.jMax());
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < rf.j().length; i++) {
            assertTrue(rf.rate()[i] >= -1e-14, "I >= 0");
            min = Math.min(min, rf.rate()[i]);
        }
        // the Legendre transform at kappa_1 itself: 0 up to the grid's h^2 theta'' / 8
        double at = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) {
            at = Math.max(at, s[i] * k1 - t[i]);
        }
        assertEquals(0, at, 1e-14);
    }
}
