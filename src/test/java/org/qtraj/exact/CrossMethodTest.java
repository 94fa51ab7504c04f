package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The three exact quantum methods against each other (issue 3): closed form, free-fermion correlations and the full
 * Liouvillian agree to 1e-9 relative wherever more than one applies. The methods share no numerical code: the closed
 * form is a formula, the correlation solver works with N x N single-particle matrices, the Liouvillian solver with
 * the C(2N, N) block-diagonal density matrix.
 */
class CrossMethodTest {
    private static final double REL = 1e-9;
    /** Absolute floor for quantities that vanish (equal temperatures): the GMRES tolerance of the Liouvillian, 1e-12. */
    private static final double FLOOR = 1e-12;

    private static void assertSame(ExactResult a, ExactResult b, String where) {
        double scale = Math.abs(a.heatCurrentLeft()) + 1e-300;
        assertEquals(a.heatCurrentLeft(), b.heatCurrentLeft(), REL * scale + FLOOR, where + ": J_left");
        assertEquals(a.heatCurrentRight(), b.heatCurrentRight(), REL * scale + FLOOR, where + ": J_right");
        assertEquals(a.heatCurrentDephasing(), b.heatCurrentDephasing(), REL * scale + FLOOR, where + ": J_deph");
        assertEquals(a.particleCurrentLeft(), b.particleCurrentLeft(),
                REL * Math.abs(a.particleCurrentLeft()) + FLOOR, where + ": I_left");
        double[] pa = a.populations();
        double[] pb = b.populations();
        for (int k = 0; k < pa.length; k++) {
            assertEquals(pa[k], pb[k], REL * Math.abs(pa[k]) + FLOOR, where + ": n_" + (k + 1));
        }
    }

    @Test
    void closedCorrelationAndLiouvillianAgreeOnUniformChains() {
        double[][] baths = {{1, 1, 1, 0}, {0.4, 3, 1.7, 0.2}, {2, 0.5, 0.3, 0.5}};
        for (int n = 2; n <= 6; n++) {
            for (double deph : new double[] {0, 0.5, 5}) {
                for (double[] b : baths) {
                    Chain c = TestChains.uniform(n, 1.3, 0.8, 0, deph, b[0], b[1], b[2], b[3]);
                    String where = "N = " + n + ", dephasing " + deph + ", baths " + java.util.Arrays.toString(b);
                    ExactResult closed = new ClosedForm().solve(c);
                    assertSame(closed, new CorrelationSolver().solve(c), where + " (correlation)");
                    assertSame(closed, new LiouvillianSolver().solve(c), where + " (liouvillian)");
                }
            }
        }
    }

    /** Disorder in omega and g, per-site dephasing, unequal baths: no closed form, correlation vs Liouvillian. */
    @Test
    void correlationAndLiouvillianAgreeOnDisorderedChains() {
        SplittableRandom rng = new SplittableRandom(20261125);
        for (int trial = 0; trial < 12; trial++) {
            int n = 2 + trial % 5;
            double[] w = new double[n];
            double[] g = new double[n - 1];
            double[] d = new double[n];
            for (int k = 0; k < n; k++) {
                w[k] = rng.nextDouble(0.2, 2);
                d[k] = trial % 3 == 0 ? 0 : rng.nextDouble(0, 1.5);
            }
            for (int b = 0; b < n - 1; b++) {
                g[b] = rng.nextDouble(0.1, 1.5);
            }
            Chain c = Chain.of(w, g, new double[n - 1], d, g.clone(),
                    new Bath(0, rng.nextDouble(0.2, 2), rng.nextDouble(0, 3)),
                    new Bath(n - 1, rng.nextDouble(0.2, 2), rng.nextDouble(0, 3)));
            assertSame(new LiouvillianSolver().solve(c), new CorrelationSolver().solve(c), "trial " + trial + ": " + c);
        }
    }
}
