package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PowerLawFitTest {

    @Test
    void recoversAKnownExponent() {
        double[] n = {2, 5, 10, 50, 100, 1000};
        double[] j = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            j[i] = 3 * Math.pow(n[i], -0.7);
        }
        PowerLawFit f = PowerLawFit.fit(n, j, 2, 1000);
        assertEquals(0.3, f.alpha(), 1e-12);
        assertEquals(Math.log(3), f.c(), 1e-12);
        assertEquals(-1, f.r(), 1e-12);
        assertEquals(6, f.n());
        // The range selects points: [10, 100] holds 3 of them.
        assertEquals(3, PowerLawFit.fit(n, j, 10, 100).n());
    }

    @Test
    void apparentExponentOfOneOverAPlusBNDependsOnTheRange() {
        // J = 1/(A + B N) with A < 0 (as at gamma = 5): the fitted alpha is negative and shrinks with N.
        double a = -0.25;
        double b = 2.5;
        double[] n = new double[200];
        double[] j = new double[200];
        for (int i = 0; i < n.length; i++) {
            n[i] = Math.round(2 * Math.pow(5000, i / 199.0));
            j[i] = 1 / (a + b * n[i]);
        }
        double small = PowerLawFit.fit(n, j, 2, 20).alpha();
        double large = PowerLawFit.fit(n, j, 1000, 10000).alpha();
        assertEquals(-0.0001, large, 1e-4);
        assertEquals(true, small < 10 * large);
        double[] ab = PaperReport.linear(n, j);
        assertEquals(a, ab[0], 1e-9);
        assertEquals(b, ab[1], 1e-9);
    }

    @Test
    void refusesTooFewPoints() {
        assertThrows(IllegalArgumentException.class, () -> PowerLawFit.fit(new double[] {1, 2}, new double[] {1, 1}, 0, 10));
    }
}
