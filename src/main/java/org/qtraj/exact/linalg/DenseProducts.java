package org.qtraj.exact.linalg;

/**
 * Dense real matrix products C = A B on row-major strided blocks, cache-blocked and register-tiled: the d^3
 * kernels of the sector preconditioner (PHYSICS.md "Solving for the steady state at N = 10 and beyond").
 *
 * <p>The loop order is k-panel, j-panel, four rows of C, four k at a time: each pass of the innermost (contiguous,
 * vectorised by the JIT) loop over j reads four rows of B and updates four rows of C with sixteen multiply-adds
 * per column, so a load or store feeds about 1.3 multiply-adds instead of the 0.4 of a plain i-k-j loop; the
 * j-panel of 256 columns keeps those eight row segments in the L1 cache and the k-panel of
 * 128 rows keeps the panel of B in L2. Measured on the 2-core EPYC (Zen 4) of this project, one
 * thread, C = V^T [A | B] (d x d times d x 2d), thread CPU time: 5.9 GFMA/s at d = 924 (the middle sector at
 * N = 12) and d = 252 (N = 10), against 2.0 and 2.8 GFMA/s for the previous four-row i-k-j loop.
 *
 * <p>Each entry of C is accumulated in a fixed order (k ascending, one fused multiply-add {@link Math#fma} per
 * term: measured 5.9 against 5.0 GFMA/s for separate multiplies and adds), independent of the caller's threads, so
 * results are reproducible bit for bit.
 * Stateless and thread-safe; the arrays of one call must not be written concurrently by others.
 */
public final class DenseProducts {
    /** Columns of C per panel: four rows of B and four of C, 8 x 256 doubles, fit a 32 KiB L1 cache. */
    static final int J_BLOCK = 256;
    /** Rows of B per panel: 128 x 256 doubles (256 KiB) stay in L2. */
    static final int K_BLOCK = 128;

    private DenseProducts() {
    }

    /**
     * C = A B, overwriting the rows x cols block of C. A is rows x inner at aOff with leading dimension lda, B is
     * inner x cols at bOff with leading dimension ldb, C at cOff with leading dimension ldc (all row-major). C must
     * not overlap A or B.
     */
    public static void multiply(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff,
                                int ldc, int rows, int inner, int cols) {
        product(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, rows, inner, cols, false);
    }

    /**
     * The upper triangle of C = A B for square d x d operands: every entry with j &gt;= i is computed (and, inside
     * each group of four rows, up to three entries left of the diagonal); the entries further below are not
     * touched. Half the work of {@link #multiply} where the product is known to be symmetric or antisymmetric.
     */
    public static void multiplyUpper(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c,
                                     int cOff, int ldc, int d) {
        product(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, d, d, d, true);
    }

    private static void product(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff,
                                int ldc, int rows, int inner, int cols, boolean upper) {
        for (int i = 0; i < rows; i++) {
            int from = upper ? (i & ~3) : 0;
            int ci = cOff + i * ldc;
            java.util.Arrays.fill(c, ci + from, ci + cols, 0);
        }
        for (int kk = 0; kk < inner; kk += K_BLOCK) {
            int kEnd = Math.min(inner, kk + K_BLOCK);
            for (int jj = 0; jj < cols; jj += J_BLOCK) {
                int jEnd = Math.min(cols, jj + J_BLOCK);
                int i = 0;
                for (; i + 3 < rows; i += 4) {
                    int j0 = upper ? Math.max(jj, i) : jj;
                    if (j0 < jEnd) {
                        fourRows(a, aOff + i * lda, lda, b, bOff, ldb, c, cOff + i * ldc, ldc, kk, kEnd, j0, jEnd);
                    }
                }
                for (; i < rows; i++) {
                    int j0 = upper ? Math.max(jj, i & ~3) : jj;
                    if (j0 < jEnd) {
                        oneRow(a, aOff + i * lda, b, bOff, ldb, c, cOff + i * ldc, kk, kEnd, j0, jEnd);
                    }
                }
            }
        }
    }

    /** C[0..3][j0..jEnd) += A[0..3][kk..kEnd) B[kk..kEnd)[j0..jEnd), rows of A at a0, of C at c0. */
    private static void fourRows(double[] a, int a0, int lda, double[] b, int bOff, int ldb, double[] c, int c0,
                                 int ldc, int kk, int kEnd, int j0, int jEnd) {
        int a1 = a0 + lda;
        int a2 = a1 + lda;
        int a3 = a2 + lda;
        int c1 = c0 + ldc;
        int c2 = c1 + ldc;
        int c3 = c2 + ldc;
        int k = kk;
        for (; k + 3 < kEnd; k += 4) {
            double x00 = a[a0 + k];
            double x01 = a[a0 + k + 1];
            double x02 = a[a0 + k + 2];
            double x03 = a[a0 + k + 3];
            double x10 = a[a1 + k];
            double x11 = a[a1 + k + 1];
            double x12 = a[a1 + k + 2];
            double x13 = a[a1 + k + 3];
            double x20 = a[a2 + k];
            double x21 = a[a2 + k + 1];
            double x22 = a[a2 + k + 2];
            double x23 = a[a2 + k + 3];
            double x30 = a[a3 + k];
            double x31 = a[a3 + k + 1];
            double x32 = a[a3 + k + 2];
            double x33 = a[a3 + k + 3];
            int b0 = bOff + k * ldb;
            int b1 = b0 + ldb;
            int b2 = b1 + ldb;
            int b3 = b2 + ldb;
            for (int j = j0; j < jEnd; j++) {
                double v0 = b[b0 + j];
                double v1 = b[b1 + j];
                double v2 = b[b2 + j];
                double v3 = b[b3 + j];
                c[c0 + j] = Math.fma(x03, v3, Math.fma(x02, v2, Math.fma(x01, v1, Math.fma(x00, v0, c[c0 + j]))));
                c[c1 + j] = Math.fma(x13, v3, Math.fma(x12, v2, Math.fma(x11, v1, Math.fma(x10, v0, c[c1 + j]))));
                c[c2 + j] = Math.fma(x23, v3, Math.fma(x22, v2, Math.fma(x21, v1, Math.fma(x20, v0, c[c2 + j]))));
                c[c3 + j] = Math.fma(x33, v3, Math.fma(x32, v2, Math.fma(x31, v1, Math.fma(x30, v0, c[c3 + j]))));
            }
        }
        for (; k < kEnd; k++) {
            double x0 = a[a0 + k];
            double x1 = a[a1 + k];
            double x2 = a[a2 + k];
            double x3 = a[a3 + k];
            int bk = bOff + k * ldb;
            for (int j = j0; j < jEnd; j++) {
                double v = b[bk + j];
                c[c0 + j] += x0 * v;
                c[c1 + j] += x1 * v;
                c[c2 + j] += x2 * v;
                c[c3 + j] += x3 * v;
            }
        }
    }

    /** One row: C[0][j0..jEnd) += A[0][kk..kEnd) B[kk..kEnd)[j0..jEnd). */
    private static void oneRow(double[] a, int a0, double[] b, int bOff, int ldb, double[] c, int c0, int kk,
                               int kEnd, int j0, int jEnd) {
        for (int k = kk; k < kEnd; k++) {
            double x = a[a0 + k];
            int bk = bOff + k * ldb;
            for (int j = j0; j < jEnd; j++) {
                c[c0 + j] += x * b[bk + j];
            }
        }
    }
}
