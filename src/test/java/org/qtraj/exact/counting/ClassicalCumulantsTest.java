package org.qtraj.exact.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.DoubleUnaryOperator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.BathSpec;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;
import org.qtraj.model.PerElement;

class ClassicalCumulantsTest {

    static Chain chain(int n, double v, double tLeft, double tRight, double rateRight) {
        return ModelSpec.empty().withSites(n).overlay(new ModelSpec(null, null, null, null, null, PerElement.of(v),
                new BathSpec(null, 1.0, tLeft), new BathSpec(null, rateRight, tRight), null)).build();
    }

    /** Largest real eigenvalue of a small real matrix (real by Perron-Frobenius for a tilted rate matrix). */
    static double leadingEigenvalue(DMatrixRMaj m) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(m.numRows, false);
        if (!eig.decompose(m.copy())) {
            throw new IllegalStateException("eigen decomposition failed");
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < eig.getNumberOfEigenvalues(); i++) {
            best = Math.max(best, eig.getEigenvalue(i).real);
        }
        return best;
    }

    /**
     * kappa_1..3 from central finite differences of lambda(s), Richardson-extrapolated over h and h/2
     * (truncation O(h^4)): an independent route to the cumulants.
     */
    static double[] finiteDifferenceCumulants(DoubleUnaryOperator lambda, double h) {
        double[] a = differences(lambda, h);
        double[] b = differences(lambda, h / 2);
        return new double[] {(4 * b[0] - a[0]) / 3, (4 * b[1] - a[1]) / 3, (4 * b[2] - a[2]) / 3};
    }

    private static double[] differences(DoubleUnaryOperator f, double h) {
        double f0 = f.applyAsDouble(0);
        double p1 = f.applyAsDouble(h);
        double m1 = f.applyAsDouble(-h);
        double p2 = f.applyAsDouble(2 * h);
        double m2 = f.applyAsDouble(-2 * h);
        return new double[] {(p1 - m1) / (2 * h), (p1 - 2 * f0 + m1) / (h * h), (p2 - 2 * p1 + 2 * m1 - m2) / (2 * h * h * h)};
    }

    /** The dense tilted matrix, written out independently of ClassicalGenerator from the rules of PHYSICS.md. */
    static DMatrixRMaj tilted(Chain c, double s) {
        int n = c.sites();
        int dim = 1 << n;
        DMatrixRMaj w = new DMatrixRMaj(dim, dim);
        for (int x = 0; x < dim; x++) {
            for (int b = 0; b < n - 1; b++) {
                boolean left = (x >> b & 1) == 1;
                boolean right = (x >> (b + 1) & 1) == 1;
                if (left != right) {
                    int y = x ^ (1 << b) ^ (1 << (b + 1));
                    w.add(y, x, c.hopping(b));
                    w.add(x, x, -c.hopping(b));
                }
            }
            for (int j = 0; j < 2; j++) {
                org.qtraj.model.Bath bath = c.baths()[j];
                int k = bath.site();
                double om = c.omega(k);
                boolean occupied = (x >> k & 1) == 1;
                double rate = occupied ? bath.emissionRate(om) : bath.absorptionRate(om);
                double tilt = j == 0 ? Math.exp(occupied ? -s : s) : 1; // count at the left bath
                w.add(x ^ (1 << k), x, rate * tilt);
                w.add(x, x, -rate);
            }
        }
        return w;
    }

    @Test
    void meanEqualsTheRateEquationCurrent() {
        for (int n = 2; n <= 6; n++) {
            Chain c = chain(n, 0.7, 1.5, 0.2, 0.6);
            double[] k = Cumulants.of(ClassicalGenerator.of(c, c.left()), 1);
            assertEquals(new RateEquations().solve(c).particleCurrentLeft(), k[0], 1e-11, "N = " + n);
        }
    }

    @Test
    void cumulantsMatchFiniteDifferencesOfTheLeadingEigenvalue() {
        for (int n = 2; n <= 5; n++) {
            for (double v : new double[] {0.5, 2}) {
                Chain c = chain(n, v, 2.0, 0.3, 1.4);
                double[] k = Cumulants.of(ClassicalGenerator.of(c, c.left()), 3);
                double[] fd = finiteDifferenceCumulants(s -> leadingEigenvalue(tilted(c, s)), 0.02);
                String where = "N = " + n + ", V = " + v;
                // Richardson error ~ h^4 kappa_5 ~ 1e-7, rounding ~ 1e-15/h^3 ~ 1e-10 for kappa_3
                assertEquals(fd[0], k[0], 1e-8, where);
                assertEquals(fd[1], k[1], 1e-7, where);
                assertEquals(fd[2], k[2], 1e-5, where);
            }
        }
    }

    /**
     * N = 2 by hand. Patterns 00, 10, 01, 11 (site 1 first). With a = G_1 nbar_1, b = G_1 (nbar_1 + 1) at the left
     * bath (counted: injection e^{s}, removal e^{-s}), c = G_2 nbar_2, e = G_2 (nbar_2 + 1) at the right, hop V:
     * <pre>
     *            from 00          10                 01                 11
     *   to 00  -(a+c)           b e^{-s}           e                   0
     *      10   a e^{s}       -(b+c+V)             V                   e
     *      01   c               V                -(a+e+V)              b e^{-s}
     *      11   0               c                  a e^{s}            -(b+e)
     * </pre>
     * lambda(s) is the root of det(W(s) - lambda) = 0 that is 0 at s = 0; found here by Newton on the determinant,
     * then differentiated by finite differences.
     */
    @Test
    void twoSitesAgainstTheHandWrittenGenerator() {
        double g1 = 1.3;
        double g2 = 0.8;
        double v = 0.9;
        Chain c = ModelSpec.empty().withSites(2).overlay(new ModelSpec(null, null, null, null, null, PerElement.of(v),
                new BathSpec(null, g1, 1.7), new BathSpec(null, g2, 0.4), null)).build();
        double n1 = 1 / Math.expm1(1 / 1.7);
        double n2 = 1 / Math.expm1(1 / 0.4);
        double a = g1 * n1;
        double b = g1 * (n1 + 1);
        double cc = g2 * n2;
        double e = g2 * (n2 + 1);
        DoubleUnaryOperator lambda = s -> {
            double ep = Math.exp(s);
            double em = Math.exp(-s);
            DMatrixRMaj w = new DMatrixRMaj(new double[][] {
                {-(a + cc), b * em, e, 0},
                {a * ep, -(b + cc + v), v, e},
                {cc, v, -(a + e + v), b * em},
                {0, cc, a * ep, -(b + e)}});
            double x = 0;
            for (int it = 0; it < 50; it++) {
                double d = det(w, x);
                double dd = (det(w, x + 1e-7) - det(w, x - 1e-7)) / 2e-7;
                double step = d / dd;
                x -= step;
                if (Math.abs(step) < 1e-15) {
                    break;
                }
            }
            return x;
        };
        double[] fd = finiteDifferenceCumulants(lambda, 0.02);
        double[] k = Cumulants.of(ClassicalGenerator.of(c, c.left()), 3);
        assertEquals(fd[0], k[0], 1e-8);
        assertEquals(fd[1], k[1], 1e-7);
        assertEquals(fd[2], k[2], 1e-5);
        // and the mean is J_C of PHYSICS.md
        assertEquals(RateEquations.closedFormParticleCurrent(c), k[0], 1e-12);
    }

    private static double det(DMatrixRMaj w, double lambda) {
        DMatrixRMaj m = w.copy();
        for (int i = 0; i < 4; i++) {
            m.add(i, i, -lambda);
        }
        return CommonOps_DDRM.det(m);
    }

    @Test
    void equalTemperaturesGiveZeroMeanAndSymmetricStatistics() {
        Chain c = chain(3, 1, 0.8, 0.8, 1.0);
        double[] k = Cumulants.of(ClassicalGenerator.of(c, c.left()), 3);
        assertEquals(0, k[0], 1e-13);
        assertEquals(0, k[2], 1e-12);
        org.junit.jupiter.api.Assertions.assertTrue(k[1] > 0);
    }

    @Test
    void refusesTooManySites() {
        Chain c = chain(17, 1, 1, 0, 1);
        assertThrows(InvalidInputException.class, () -> ClassicalGenerator.of(c, c.left()));
    }
}
