package org.qtraj.exact.linalg;

/**
 * Dense real matrix products C = A B on row-major strided blocks, cache-blocked and vectorised: the d^3 kernels of
 * the sector preconditioner (PHYSICS.md "Solving for the steady state at N = 10 and beyond").
 *
 * <p>The loop order is j-panel (512 columns), k-panel (64 rows of B, copied into one array per row: 256 KiB, in
 * L2), row of C (accumulated in a 512-column array, in L1), four k at a time. The innermost loop over columns has one
 * store stream and reads four rows of B, every array indexed by the loop variable itself: that is the shape the
 * HotSpot C2 compiler of Java 17 vectorises (SuperWord). Several rows of one array at an unknown distance, arrays
 * indexed with different offsets, or two stores in one loop, as in the previous four-row, sixteen-term kernel,
 * leave the loop scalar: measured 5.9 GFMA/s for that kernel with or without {@code -XX:-UseSuperWord}. This one:
 * 9.6 GFMA/s at 252 x 252 x 504 and 126 x 126 x 504 (the blocks at N = 10), one thread of the 2-core EPYC (Zen 4,
 * AVX-512) of this project, thread CPU time, 5.1 with {@code -XX:-UseSuperWord}.
 *
 * <p>Each entry of C is accumulated in a fixed order (k ascending, one fused multiply-add {@link Math#fma} per
 * term), independent of the caller's threads, so results are reproducible bit for bit.
 * Thread-safe: each thread keeps its own panel (about 260 KiB, {@link ThreadLocal}); the arrays of one call must
 * not be written concurrently by others.
 */
public final class DenseProducts {
    /**
     * Columns of C per panel: the accumulator row and four rows of B, 5 x 512 doubles (20 KiB), fit a 32 KiB L1
     * cache. Measured against 256 columns (and 128 rows of B): 10.6 against 9.7 GFMA/s at 126 x 126 x 504, 8.9 against
     * 7.7 at 462 x 462 x 924 (one thread, thread CPU time, load average 20; repeated: 9.1 against 8.8, 7.9 against 7.7).
     */
    static final int J_BLOCK = 512;
    /** Rows of B per panel: 64 x 512 doubles (256 KiB) stay in L2. */
    static final int K_BLOCK = 64;

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
     * The upper triangle of C = A B for square d x d operands: every entry with j &gt;= i is computed, the entries
     * below the diagonal are not touched. Half the work of {@link #multiply} where the product is known to be symmetric or antisymmetric.
     */
    public static void multiplyUpper(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c,
                                     int cOff, int ldc, int d) {
        product(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, d, d, d, true);
    }

    /**
     * The upper triangle of C = A B for a d x inner A and an inner x d B (e.g. G^T G, symmetric): every entry with
     * j &gt;= i is computed, the entries below the diagonal are not touched.
     */
    public static void multiplyUpper(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c,
                                     int cOff, int ldc, int d, int inner) {
        product(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, d, inner, d, true);
    }

    private static void product(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff,
                                int ldc, int rows, int inner, int cols, boolean upper) {
        Panel work = PANEL.get();
        double[][] panel = work.rows(Math.min(inner, K_BLOCK), Math.min(cols, J_BLOCK));
        double[] acc = work.acc;
        for (int jj = 0; jj < cols; jj += J_BLOCK) {
            int jEnd = Math.min(cols, jj + J_BLOCK);
            int width = jEnd - jj;
            int iEnd = upper ? Math.min(rows, jEnd) : rows;
            for (int kk = 0; kk < inner; kk += K_BLOCK) {
                int kEnd = Math.min(inner, kk + K_BLOCK);
                // The panel B[kk..kEnd)[jj..jEnd) as one array per row, and each row of C in acc, all indexed
                // alike: the JIT vectorises the loop over columns only when every array in it is indexed by the
                // loop variable with the same offset (not several rows of one array, not different offsets).
                for (int k = kk; k < kEnd; k++) {
                    System.arraycopy(b, bOff + k * ldb + jj, panel[k - kk], 0, width);
                }
                for (int i = 0; i < iEnd; i++) {
                    int p0 = upper ? Math.max(jj, i) - jj : 0;
                    int ci = cOff + i * ldc + jj;
                    if (kk == 0) {
                        java.util.Arrays.fill(acc, p0, width, 0);
                    } else {
                        System.arraycopy(c, ci + p0, acc, p0, width - p0);
                    }
                    row(a, aOff + i * lda, panel, kk, kEnd, acc, p0, width);
                    System.arraycopy(acc, p0, c, ci + p0, width - p0);
                }
            }
        }
    }

    /**
     * acc[p0..width) += A[0][kk..kEnd) B[kk..kEnd)[jj + p0 .. jj + width), A's row at a0, the rows of B in panel
     * (row k - kk): four rows of B per pass, one fused multiply-add per term, k ascending.
     */
    private static void row(double[] a, int a0, double[][] panel, int kk, int kEnd, double[] acc, int p0, int width) {
        int k = kk;
        for (; k + 3 < kEnd; k += 4) {
            fourTerms(a[a0 + k], a[a0 + k + 1], a[a0 + k + 2], a[a0 + k + 3], panel[k - kk], panel[k - kk + 1],
                    panel[k - kk + 2], panel[k - kk + 3], acc, p0, width);
        }
        for (; k < kEnd; k++) {
            double x = a[a0 + k];
            double[] v = panel[k - kk];
            for (int j = p0; j < width; j++) {
                acc[j] = Math.fma(x, v[j], acc[j]);
            }
        }
    }

    /** acc[j] += x0 v0[j] + ... + x3 v3[j] for p0 &lt;= j &lt; width, as four nested fused multiply-adds. */
    private static void fourTerms(double x0, double x1, double x2, double x3, double[] v0, double[] v1, double[] v2,
                                  double[] v3, double[] acc, int p0, int width) {
        for (int j = p0; j < width; j++) {
            acc[j] = Math.fma(x3, v3[j], Math.fma(x2, v2[j], Math.fma(x1, v1[j], Math.fma(x0, v0[j], acc[j]))));
        }
    }

    /** Per-thread panel rows, grown as needed (the solver's threads are long-lived pool threads). */
    private static final ThreadLocal<Panel> PANEL = ThreadLocal.withInitial(Panel::new);

    /** K_BLOCK arrays of J_BLOCK doubles and one accumulator row, reused by one thread. */
    private static final class Panel {
        private final double[] acc = new double[J_BLOCK];
        private double[][] rows = new double[0][J_BLOCK];

        double[][] rows(int count, int width) {
            if (rows.length < count) {
                rows = new double[count][J_BLOCK];
            }
            return rows;
        }
    }
}
