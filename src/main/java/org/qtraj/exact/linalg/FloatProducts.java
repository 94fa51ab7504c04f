package org.qtraj.exact.linalg;

/**
 * Dense real matrix products C = A B in single precision on row-major strided blocks: the d^3 kernels of the sector
 * preconditioner (PHYSICS.md "Solving for the steady state at N = 10 and beyond"), whose result only has to
 * approximate an inverse. The loop structure is that of {@link DenseProducts} (j-panel of 512 columns, k-panel of 64
 * rows of B copied into one array per row, one accumulator row, four k at a time, one fused multiply-add per term),
 * so the HotSpot C2 compiler of Java 17 vectorises the inner loop the same way, with twice the lanes: an AVX-512
 * register holds 16 floats against 8 doubles, and a panel row half the bytes. Measured on the 2-core EPYC (Zen 4) of
 * this project, one thread, thread CPU time, load average 10 from other sessions: 16-20 GFMA/s at 126 x 126 x 252,
 * 252 x 252 x 504 and 462 x 462 x 924 against 9-11 for {@link DenseProducts} on the same shapes.
 *
 * <p>Accuracy: each entry is a sum of {@code inner} products rounded to float at every step, so its error is about
 * sqrt(inner) x 6e-8 of the magnitude of its terms (measured 5e-7 to 8e-7 of the largest entry for Gaussian
 * operands of inner dimension 126 to 462).
 *
 * <p>Each entry of C is accumulated in a fixed order (k ascending, one {@link Math#fma} per term), independent of
 * the caller's threads, so results are reproducible bit for bit. Thread-safe: each thread keeps its own panel (about
 * 130 KiB, {@link ThreadLocal}); the arrays of one call must not be written concurrently by others.
 */
public final class FloatProducts {
    /** Columns of C per panel: the accumulator row and four rows of B, 5 x 512 floats, stay in L1. */
    static final int J_BLOCK = 512;
    /** Rows of B per panel: 64 x 512 floats (128 KiB) stay in L2. */
    static final int K_BLOCK = 64;

    private FloatProducts() {
    }

    /**
     * C = A B, overwriting the rows x cols block of C. A is rows x inner at aOff with leading dimension lda, B is
     * inner x cols at bOff with leading dimension ldb, C at cOff with leading dimension ldc (all row-major). C must
     * not overlap A or B.
     */
    public static void multiply(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                                int ldc, int rows, int inner, int cols) {
        product(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, rows, inner, cols, false);
    }

    /**
     * The upper triangle of C = A B for square d x d operands: every entry with j &gt;= i is computed, the entries
     * below the diagonal are not touched. Half the work of {@link #multiply} where the product is known to be
     * symmetric or antisymmetric.
     */
    public static void multiplyUpper(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                                     int ldc, int d) {
        product(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, d, d, d, true);
    }

    private static void product(float[] a, int aOff, int lda, float[] b, int bOff, int ldb, float[] c, int cOff,
                                int ldc, int rows, int inner, int cols, boolean upper) {
        Panel work = PANEL.get();
        float[][] panel = work.rows(Math.min(inner, K_BLOCK));
        float[] acc = work.acc;
        for (int jj = 0; jj < cols; jj += J_BLOCK) {
            int jEnd = Math.min(cols, jj + J_BLOCK);
            int width = jEnd - jj;
            int iEnd = upper ? Math.min(rows, jEnd) : rows;
            for (int kk = 0; kk < inner; kk += K_BLOCK) {
                int kEnd = Math.min(inner, kk + K_BLOCK);
                // One array per panel row and the accumulator indexed alike: the shape C2 vectorises (DenseProducts).
                for (int k = kk; k < kEnd; k++) {
                    System.arraycopy(b, bOff + k * ldb + jj, panel[k - kk], 0, width);
                }
                for (int i = 0; i < iEnd; i++) {
                    int p0 = upper ? Math.max(jj, i) - jj : 0;
                    int ci = cOff + i * ldc + jj;
                    if (kk == 0) {
                        java.util.Arrays.fill(acc, p0, width, 0f);
                    } else {
                        System.arraycopy(c, ci + p0, acc, p0, width - p0);
                    }
                    row(a, aOff + i * lda, panel, kk, kEnd, acc, p0, width);
                    System.arraycopy(acc, p0, c, ci + p0, width - p0);
                }
            }
        }
    }

    /** acc[p0..width) += A[0][kk..kEnd) B[kk..kEnd)[..]: four rows of B per pass, one fma per term, k ascending. */
    private static void row(float[] a, int a0, float[][] panel, int kk, int kEnd, float[] acc, int p0, int width) {
        int k = kk;
        for (; k + 3 < kEnd; k += 4) {
            fourTerms(a[a0 + k], a[a0 + k + 1], a[a0 + k + 2], a[a0 + k + 3], panel[k - kk], panel[k - kk + 1],
                    panel[k - kk + 2], panel[k - kk + 3], acc, p0, width);
        }
        for (; k < kEnd; k++) {
            float x = a[a0 + k];
            float[] v = panel[k - kk];
            for (int j = p0; j < width; j++) {
                acc[j] = Math.fma(x, v[j], acc[j]);
            }
        }
    }

    /** acc[j] += x0 v0[j] + ... + x3 v3[j] for p0 &lt;= j &lt; width, as four nested fused multiply-adds. */
    private static void fourTerms(float x0, float x1, float x2, float x3, float[] v0, float[] v1, float[] v2,
                                  float[] v3, float[] acc, int p0, int width) {
        for (int j = p0; j < width; j++) {
            acc[j] = Math.fma(x3, v3[j], Math.fma(x2, v2[j], Math.fma(x1, v1[j], Math.fma(x0, v0[j], acc[j]))));
        }
    }

    /** Per-thread panel rows, grown as needed (the solver's threads are long-lived pool threads). */
    private static final ThreadLocal<Panel> PANEL = ThreadLocal.withInitial(Panel::new);

    /** K_BLOCK arrays of J_BLOCK floats and one accumulator row, reused by one thread. */
    private static final class Panel {
        private final float[] acc = new float[J_BLOCK];
        private float[][] rows = new float[0][J_BLOCK];

        float[][] rows(int count) {
            if (rows.length < count) {
                rows = new float[count][J_BLOCK];
            }
            return rows;
        }
    }
}
