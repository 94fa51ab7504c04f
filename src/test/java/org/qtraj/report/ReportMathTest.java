package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The report's numerics against closed forms. */
class ReportMathTest {

    @Test
    void goldenSectionFindsTheMaximumOfAParabolaAndOfXExpMinusX() {
        double[] m = ReportMath.goldenMax(x -> -(x - 2.5) * (x - 2.5) + 7, 0, 10, 1e-10);
        // near a maximum f is flat to second order: x is found to about sqrt(machine epsilon), not to the bracket width
        assertEquals(2.5, m[0], 1e-7);
        assertEquals(7, m[1], 1e-14);
        // x e^{-x} peaks at x = 1 with value 1/e
        double[] e = ReportMath.goldenMax(x -> x * Math.exp(-x), 0, 50, 1e-10);
        assertEquals(1, e[0], 1e-7);
        assertEquals(Math.exp(-1), e[1], 1e-15);
    }

    @Test
    void bisectionFindsSqrtTwoAndRefusesAnUnbracketedInterval() {
        assertEquals(Math.sqrt(2), ReportMath.bisect(x -> x * x - 2, 0, 5, 1e-12), 1e-11);
        assertTrue(Double.isNaN(ReportMath.bisect(x -> x * x + 1, -1, 1, 1e-12)));
    }

    @Test
    void chiSquareDistributionMatchesItsClosedForms() {
        for (double x : new double[] {0.01, 0.5, 1, 2, 5, 13, 40}) {
            // k = 2: 1 - e^{-x/2}; k = 4: 1 - e^{-x/2}(1 + x/2)
            assertEquals(1 - Math.exp(-x / 2), ReportMath.chiSquareCdf(x, 2), 1e-13, "k = 2, x = " + x);
            assertEquals(1 - Math.exp(-x / 2) * (1 + x / 2), ReportMath.chiSquareCdf(x, 4), 1e-13, "k = 4, x = " + x);
        }
        assertEquals(0, ReportMath.chiSquareCdf(0, 3), 0);
        // k = 1 is the square of a normal: P(chi^2_1 <= z^2) = 1 - P(|Z| > z)
        assertEquals(1 - ReportMath.normalTwoSided(1.3), ReportMath.chiSquareCdf(1.69, 1), 1e-13);
    }

    @Test
    void normalTailMatchesTheSeriesOfErfc() {
        // erfc(y) = 1 - (2/sqrt(pi)) sum_n (-1)^n y^(2n+1)/(n! (2n+1)), summed independently here
        for (double z : new double[] {0.3, 1, 1.96, 2.5}) {
            double y = z / Math.sqrt(2);
            double sum = 0;
            double term = y;
            for (int n = 0; n < 60; n++) {
                sum += term / (2 * n + 1);
                term *= -y * y / (n + 1);
            }
            assertEquals(1 - 2 / Math.sqrt(Math.PI) * sum, ReportMath.normalTwoSided(z), 1e-12, "z = " + z);
        }
        // far tail (continued-fraction branch): erfc(y) ~ e^{-y^2}/(y sqrt(pi)) (1 - 1/(2y^2) + 3/(4y^4) - 15/(8 y^6))
        double y = 6 / Math.sqrt(2);
        double asym = Math.exp(-y * y) / (y * Math.sqrt(Math.PI)) * (1 - 1 / (2 * y * y) + 3 / (4 * Math.pow(y, 4)) - 15 / (8 * Math.pow(y, 6)));
        assertEquals(asym, ReportMath.normalTwoSided(6), asym * 2e-3);
    }

    @Test
    void lnGammaMatchesFactorialsAndSqrtPi() {
        assertEquals(Math.log(120), ReportMath.lnGamma(6), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), ReportMath.lnGamma(0.5), 1e-13);
    }
}
