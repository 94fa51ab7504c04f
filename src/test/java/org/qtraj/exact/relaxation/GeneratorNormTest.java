package org.qtraj.exact.relaxation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.exact.linalg.Parallelism;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The step bound nu of {@link Relaxation} must bound ||L||: checked against the largest singular value of L itself
 * (the packed generator as a dense matrix, one column per unit vector, EJML's SVD norm), which does not use the bound.
 * Deterministic; a bound below the norm fails whatever the margin.
 */
class GeneratorNormTest {
    @ParameterizedTest(name = "N={0}, D={1}, dephasing={2}, interior bath={3}")
    @CsvSource({"3, 0, 0, false", "3, 1, 0.5, false", "4, 0, 0.5, false", "4, 1, 2, false", "4, -0.7, 0.3, true",
            "5, 1, 0.5, false", "5, 0.4, 5, true"})
    void boundsTheNormOfTheGenerator(int n, double d, double dephasing, boolean interior) {
        Chain chain = irregular(n, d, dephasing, interior);
        Liouvillian l = Liouvillian.of(chain, Parallelism.of(1));
        int size = l.basis().size();
        DMatrixRMaj dense = new DMatrixRMaj(size, size);
        double[] e = new double[size];
        double[] y = new double[size];
        for (int j = 0; j < size; j++) {
            e[j] = 1;
            l.apply(e, y);
            e[j] = 0;
            for (int i = 0; i < size; i++) {
                dense.set(i, j, y[i]);
            }
        }
        double norm = NormOps_DDRM.normP2(dense);
        double nu = GeneratorNorm.of(l);
        System.out.printf("N=%d D=%s dephasing=%s interior=%s: ||L|| = %.4f, nu = %.4f, normBound = %.4f%n", n, d, dephasing,
                interior, norm, nu, l.normBound());
        assertTrue(norm <= nu, "||L|| = " + norm + " above the bound " + nu);
        assertTrue(nu <= l.normBound(), "never looser than normBound: " + nu + " > " + l.normBound());
        // and it is worth having: at least 10% tighter than normBound on these chains
        assertTrue(nu < 0.9 * l.normBound(), "nu " + nu + " against normBound " + l.normBound());
    }

    /** Unequal energies, couplings of both signs, per-site dephasing, baths at unequal rates and temperatures. */
    private static Chain irregular(int n, double d, double dephasing, boolean interior) {
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] dd = new double[n - 1];
        double[] deph = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 1 + 0.2 * Math.sin(1.7 * k);
            deph[k] = dephasing * (1 + 0.3 * Math.cos(k));
        }
        for (int b = 0; b < n - 1; b++) {
            g[b] = (b % 2 == 0 ? 1 : -0.8) * (1 + 0.1 * b);
            dd[b] = d * (1 - 0.1 * b);
        }
        double[] hopping = new double[n - 1];
        java.util.Arrays.fill(hopping, 1);
        return Chain.of(w, g, dd, deph, hopping, new Bath(interior ? 1 : 0, 0.7, 2.0), new Bath(n - 1, 1.3, 0.4));
    }
}
