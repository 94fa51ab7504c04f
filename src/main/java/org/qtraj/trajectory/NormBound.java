package org.qtraj.trajectory;

/**
 * A rigorous upper bound on the spectral norm of a complex symmetric sector matrix A = (H - e0) - (i/2)(Gamma - c0),
 * much tighter than its largest absolute row sum.
 *
 * <p>Entrywise, ||A x|| &lt;= || |A| |x| ||, so ||A||_2 &lt;= || |A| ||_2 = rho(|A|), |A| being symmetric and
 * non-negative. For any positive vector v the Collatz-Wielandt inequality gives
 * rho(|A|) &lt;= max_x (|A| v)_x / v_x (Horn and Johnson, Matrix Analysis, Thm. 8.1.26); v = 1 is the row-sum
 * bound, and v close to the Perron vector of |A| (from shifted power iterations) makes it close to rho(|A|). Why
 * it matters: the Taylor step is x / nu for a bound nu, so the number of steps per unit time is proportional to
 * nu; the row sum counts every bond that can move an excitation, which over-estimates the norm by about 1.5 on a
 * chain and more on graphs whose sites have more bonds.
 *
 * <p>Every iterate gives a valid bound; the smallest one met is returned, times (1 + 1e-12) to cover rounding in
 * the ratios. Deterministic (no random start), so the bits of a trajectory do not depend on anything but the model.
 */
final class NormBound {
    /** Power iterations at most; each costs one product with |A|. */
    static final int MAX_ITERATIONS = 200;
    /** Stop when ten iterations improve the bound by less than this, relatively. */
    static final double STALL = 1e-4;

    private NormBound() {
    }

    /**
     * @param absDiag  |A_xx|
     * @param rowStart CSR row starts of the off-diagonal entries
     * @param column   their columns
     * @param value    their (real) values; the absolute value is used
     * @return an upper bound on ||A||_2, at most the largest absolute row sum
     */
    static double of(double[] absDiag, int[] rowStart, int[] column, double[] value) {
        int dim = absDiag.length;
        double[] v = new double[dim];
        double[] w = new double[dim];
        java.util.Arrays.fill(v, 1.0);
        double best = Double.POSITIVE_INFINITY;
        double checkpoint = Double.POSITIVE_INFINITY;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double ratio = 0;
            double largest = 0;
            for (int x = 0; x < dim; x++) {
                double s = absDiag[x] * v[x];
                for (int p = rowStart[x]; p < rowStart[x + 1]; p++) {
                    s += Math.abs(value[p]) * v[column[p]];
                }
                w[x] = s;
                ratio = Math.max(ratio, s / v[x]);
            }
            best = Math.min(best, ratio);
            if (best == 0) {
                return 0;
            }
            if (it % 10 == 9) {
                if (checkpoint - best <= STALL * best) {
                    break;
                }
                checkpoint = best;
            }
            // next iterate: (|A| + best I) v, positive because v is; the shift makes the iteration converge on
            // bipartite hopping graphs, where |A|'s spectrum is symmetric and plain power iteration oscillates
            for (int x = 0; x < dim; x++) {
                double next = w[x] + best * v[x];
                v[x] = next;
                largest = Math.max(largest, next);
            }
            double scale = 1 / largest;
            for (int x = 0; x < dim; x++) {
                v[x] *= scale;
            }
        }
        return best * (1 + 1e-12);
    }
}
