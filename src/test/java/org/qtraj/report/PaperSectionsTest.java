package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.EntanglementSearch;

/**
 * The numbers the report's sections compute, against references written here: the uniform-chain current of
 * PHYSICS.md coded afresh (not through ClosedForm), least squares done by hand, counts on a hand-made ensemble.
 */
class PaperSectionsTest {

    /** J of PHYSICS.md for omega = g = G = 1, T_N = 0, written out: gamma_1 = coth(1/(2 T_1)), s_1 = (1 - tanh(1/(2 T_1)))/2. */
    private static double j(int n, double gamma, double t1) {
        double g1 = 1 / Math.tanh(1 / (2 * t1));
        double s1 = (1 - Math.tanh(1 / (2 * t1))) / 2;
        return s1 / (1 / g1 + 1 + (g1 + 1) / 4 + (n - 1) * gamma / 2);
    }

    @Test
    void fig3MaximaAreTheTrueMaximaOfTheCurrent() {
        // independent maximum: a dense grid in ln T_1, then a parabola through the best three points
        for (double gamma : new double[] {0, 0.5, 1, 5}) {
            double best = Double.NEGATIVE_INFINITY;
            double at = 0;
            double h = 1e-4;
            for (double x = Math.log(0.5); x < Math.log(20); x += h) {
                double v = j(4, gamma, Math.exp(x));
                if (v > best) {
                    best = v;
                    at = x;
                }
            }
            double ym = j(4, gamma, Math.exp(at - h));
            double y0 = j(4, gamma, Math.exp(at));
            double yp = j(4, gamma, Math.exp(at + h));
            double xStar = at + h * (ym - yp) / (2 * (ym - 2 * y0 + yp));
            double[] m = Fig3Section.maximum(gamma);
            assertEquals(Math.exp(xStar), m[0], 1e-5 * m[0], "gamma = " + gamma);
            assertEquals(y0, m[1], 1e-9, "gamma = " + gamma);
        }
    }

    @Test
    void fig3PlateauEdgesAreAtNinetyPercentOfTheMaximumAndWidenWithDephasing() {
        double previous = 0;
        for (double gamma : new double[] {0, 1, 5, 50}) {
            double max = Fig3Section.maximum(gamma)[1];
            double[] p = Fig3Section.plateau(gamma);
            assertEquals(0.9 * max, j(4, gamma, p[0]), 1e-8, "lower edge, gamma = " + gamma);
            assertEquals(0.9 * max, j(4, gamma, p[1]), 1e-8, "upper edge, gamma = " + gamma);
            double width = Math.log10(p[1] / p[0]);
            assertTrue(width > previous, "width " + width + " at gamma = " + gamma);
            previous = width;
        }
    }

    @Test
    void zenoPeakIsAtGammaOneEqualsTwoGAndHighTemperatureLimitIsGSquared() {
        // d/d gamma_1 [1/gamma_1 + gamma_1/(4 g^2)] = 0 at gamma_1 = 2 g, whatever the dephasing
        for (double gamma : new double[] {0, 0.5, 5}) {
            double[] m = ReportMath.goldenMax(x -> PaperModels.closed(PaperModels.chainWithGamma1(4, gamma, 1, Math.exp(x))),
                    Math.log(0.01), Math.log(1e4), 1e-10);
            assertEquals(2, Math.exp(m[0]), 1e-6, "gamma = " + gamma);
        }
        // T_1 J -> g^2 omega^2 / G_1 = 1, the rest of 1/J (8.75 here) a correction of order 1/T_1
        assertEquals(1, 1e5 * PaperModels.closed(PaperModels.chain(4, 5, 1e5)), 3e-4);
        assertEquals(1, 1e6 * PaperModels.closed(PaperModels.chain(4, 5, 1e6)), 3e-5);
    }

    @Test
    void analyticExponentsAreTheDerivativesOfTheClosedForms() {
        // quantum: central difference of ln J in ln N of the formula written here (N continuous)
        double gamma = 5;
        double n = 1000;
        double e = 1e-4;
        double num = (Math.log(jc(n * Math.exp(e), gamma)) - Math.log(jc(n * Math.exp(-e), gamma))) / (2 * e);
        assertEquals(num, PaperModels.quantumExponent(PaperModels.chain(1000, gamma, 1), n), 1e-7);
        // classical J_C = gamma_1 gamma_N V ds/(V(gamma_1 + gamma_N) + gamma_1 gamma_N (N - 1)), V = 1, written out
        double g1 = 1 / Math.tanh(0.5);
        java.util.function.DoubleUnaryOperator jC = x -> g1 / ((g1 + 1) + g1 * (x - 1));
        double numC = (Math.log(jC.applyAsDouble(n * Math.exp(e))) - Math.log(jC.applyAsDouble(n * Math.exp(-e)))) / (2 * e);
        assertEquals(numC, PaperModels.classicalExponent(PaperModels.chain(1000, 0, 1), n), 1e-7);
    }

    /** J of a continuous N at T_1 = 1. */
    private static double jc(double n, double gamma) {
        double g1 = 1 / Math.tanh(0.5);
        double s1 = (1 - Math.tanh(0.5)) / 2;
        return s1 / (1 / g1 + 1 + (g1 + 1) / 4 + (n - 1) * gamma / 2);
    }

    @Test
    void appendixBLocalExponentAndIntegerFitsMatchAHandMadeRegression() {
        // alpha(N) = A/(A + B N), A and B from the formula: alpha(4) = -0.0253 (the referee value, recomputed)
        double g1 = 1 / Math.tanh(0.5);
        double s1 = (1 - Math.tanh(0.5)) / 2;
        double a = (1 / g1 + 1 + (g1 + 1) / 4 - 2.5) / s1;
        double b = 2.5 / s1;
        assertEquals(a / (a + 4 * b), 1 + PaperModels.quantumExponent(PaperModels.chain(4, 5, 1), 4), 1e-12);
        assertEquals(-0.0253, a / (a + 4 * b), 5e-5);
        // least squares of ln J on ln N over N = 2..100, by hand
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int m = 0;
        for (int n = 2; n <= 100; n++) {
            double x = Math.log(n);
            double y = Math.log(j(n, 5, 1));
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
            m++;
        }
        double slope = (sxy - sx * sy / m) / (sxx - sx * sx / m);
        double[] currents = AppendixBSection.integerCurrents(100);
        PowerLawFit f = AppendixBSection.integerFit(currents, 2, 100);
        assertEquals(1 + slope, f.alpha(), 1e-10);
        assertEquals(-0.0067, f.alpha(), 5e-5);
        // A < 0: every integer range falls faster than 1/N
        for (int hi : new int[] {5, 10, 20, 50, 100}) {
            assertTrue(AppendixBSection.integerFit(currents, 2, hi).alpha() < 0, "2.." + hi);
        }
    }

    @Test
    void disorderCountsExceptionsAndInterpolatesTheMatchingRate() {
        // four samples, definition 0 only matters: gamma = 0 currents 1, 2, 3, 6 (average 3)
        Map<Double, Map<Integer, double[]>> byGamma = new TreeMap<>();
        byGamma.put(0.0, new HashMap<>(Map.of(0, v(1), 1, v(2), 2, v(3), 3, v(6))));
        // gamma = 1: samples 0 and 2 raised (2 is at the average: an exception, ratio 1), 1 and 3 lowered
        byGamma.put(1.0, new HashMap<>(Map.of(0, v(1.5), 1, v(1), 2, v(4), 3, v(5))));
        // gamma = 2: sample 3 raised (6 = 2 x average), the rest lowered
        byGamma.put(2.0, new HashMap<>(Map.of(0, v(0.5), 1, v(1), 2, v(2), 3, v(7))));
        List<DisorderSection.Count> c = DisorderSection.counts(byGamma, 0, 0, 4);
        assertEquals(new DisorderSection.Count(1.0, 2, 2, 1, 1.0), c.get(0));
        assertEquals(new DisorderSection.Count(2.0, 3, 1, 1, 2.0), c.get(1));
        List<DisorderSection.Count> counts = List.of(new DisorderSection.Count(1, 2, 0, 0, 0), new DisorderSection.Count(2, 3, 0, 0, 0));
        // 27 lies 7/10 of the way from 20 (gamma = 1) to 30 (gamma = 2): gamma* = 1.7, nearest rate 2; 99 is never reached
        DisorderSection.Match m = DisorderSection.match("e", List.of(new DisorderSection.Count(1, 20, 0, 0, 0),
                new DisorderSection.Count(2, 30, 0, 0, 0), new DisorderSection.Count(3, 40, 0, 0, 0)), 27);
        assertEquals(1.7, m.gammaStar(), 1e-12);
        assertEquals(2, m.nearest().gamma(), 0);
        assertTrue(Double.isNaN(DisorderSection.match("e", counts, 99).gammaStar()));
    }

    private static double[] v(double x) {
        return new double[] {x, x, x};
    }

    @Test
    void fig4BoundarySeparatesEntangledFromSeparable() {
        // the bisected boundary at s_1 = 0.3: entangled a little below it, not a little above
        EntanglementSearch search = EntanglementSearch.of(true, 1e-3, 1e3, 61);
        double star = Fig4Section.bisectBoundary(search, 0.3, 1e-9, 0.05);
        assertTrue(Fig4Section.witness(search, 0.3, star * 0.97) > Fig4Section.WITNESS_ZERO, "below " + star);
        assertTrue(Fig4Section.witness(search, 0.3, star * 1.03) <= Fig4Section.WITNESS_ZERO, "above " + star);
    }

    @Test
    void claimsTableEscapesBarsAndTheNoteListsOnlyChangedVerdicts() {
        Claims c = new Claims();
        c.add("a |x|", "p", "f", "e", "yes", "yes", "");
        c.add("b", "p", "f", "e", "no", "yes", "because");
        c.add("c", "p", "f", "e", "no", null, "new");
        assertTrue(c.table().contains("| a \\|x\\| | p | f | e | yes |"), c.table());
        String note = c.changes(List.of("d: gone"));
        assertEquals("- b: yes -> no. Because.\n- new row: c: no. New.\n- removed row: d: gone\n", note);
    }

    @Test
    void chiSquareLineGivesBothTails() {
        // z = 1, -1, 2: chi^2 = 6 with 3 degrees of freedom; P(chi^2_3 <= 6) = 0.8884 (erf and exponential closed form)
        double x = 6;
        double cdf3 = 1 - ReportMath.normalTwoSided(Math.sqrt(x)) - Math.sqrt(2 * x / Math.PI) * Math.exp(-x / 2);
        String s = SampledOverlay.chiSquare(List.of(1.0, -1.0, 2.0));
        assertTrue(s.contains(String.format(java.util.Locale.ROOT, "chi^2/dof = 2.00 (3 points), P(chi^2 <= observed) = %.2f", cdf3)), s);
        assertEquals(0.8884, cdf3, 1e-4);
    }
}
