package org.qtraj.exact.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.TestChains;
import org.qtraj.exact.counting.WaitingTimes.Jump;
import org.qtraj.exact.sector.Liouvillian.Kind;
import org.qtraj.model.Chain;

/**
 * Two properties every waiting-time density must have, checked by quadrature on a long grid:
 * the next a-jump surely comes (int w_aa = 1), and the mean time between a-jumps is the inverse of their rate,
 * int tau w_aa = 1 / tr(J_a rho_ss) (Palm inversion for a stationary point process); and for two channels
 * int (w_ab + w_aa) = 1 when both are monitored.
 */
class WaitingTimesTest {

    private static double[] grid(double tMax, int points) {
        double[] t = new double[points];
        for (int i = 0; i < points; i++) {
            t[i] = tMax * i / (points - 1);
        }
        return t;
    }

    /** Simpson's rule on an even number of intervals. */
    private static double simpson(double[] t, double[] f) {
        double h = t[1] - t[0];
        double s = f[0] + f[f.length - 1];
        for (int i = 1; i < f.length - 1; i++) {
            s += (i % 2 == 1 ? 4 : 2) * f[i];
        }
        return s * h / 3;
    }

    private static void checkRenewal(CountingGenerator g, Jump a, double tMax) {
        double[] t = grid(tMax, 4001);
        double[] w = WaitingTimes.density(g, a, a, t);
        double[] tw = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            tw[i] = t[i] * w[i];
            assertTrue(w[i] >= -1e-12, "density >= 0");
        }
        double[] rho = g.steadyState();
        double[] j = new double[rho.length];
        g.applyJump(a.bath(), a.kind(), rho, j);
        double rate = g.trace(j);
        // tails beyond tMax are below 1e-9 for these rates; Simpson error ~ h^4 ~ 1e-8
        assertEquals(1, simpson(t, w), 1e-6, "normalisation");
        assertEquals(1 / rate, simpson(t, tw), 1e-5 / rate, "mean waiting time");
    }

    @Test
    void classicalDensitiesAreNormalisedWithTheRightMean() {
        Chain c = ClassicalCumulantsTest.chain(3, 1, 1, 0, 1);
        ClassicalGenerator g = ClassicalGenerator.of(c, c.left());
        checkRenewal(g, new Jump(1, Kind.EMISSION), 200);
        checkRenewal(g, new Jump(0, Kind.ABSORPTION), 200);
    }

    @Test
    void quantumDensitiesAreNormalisedWithTheRightMean() {
        Chain c = TestChains.uniform(3, 1, 1, 0, 0.5, 1, 1, 1, 0);
        QuantumCountingGenerator g = QuantumCountingGenerator.of(c, 0);
        checkRenewal(g, new Jump(1, Kind.EMISSION), 300);
    }

    @Test
    void twoMonitoredChannelsShareTheProbability() {
        Chain c = TestChains.uniform(2, 1, 1, 0, 0.2, 1, 2, 0.5, 0.5);
        QuantumCountingGenerator g = QuantumCountingGenerator.of(c, 0);
        Jump a = new Jump(0, Kind.ABSORPTION);
        Jump b = new Jump(1, Kind.EMISSION);
        double[] t = grid(200, 4001);
        double[][] w = WaitingTimes.densities(g, a, java.util.List.of(a, b), t);
        // the next monitored jump after a is either a or b: the two probabilities add up to 1
        assertEquals(1, simpson(t, w[0]) + simpson(t, w[1]), 1e-6);
        assertTrue(simpson(t, w[1]) > 0.1, "b is a real possibility");
    }
}
