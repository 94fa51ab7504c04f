package org.qtraj.exact.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The single-precision products against {@link DenseProducts} on the same operands (rounded to float), on shapes that
 * cross the panel edges (64 rows of B, 512 columns) and the sizes of the N = 10 and 12 sectors.
 *
 * <p>Tolerance: an entry of C is accumulated in inner fused multiply-adds, each rounding the partial sum (of size
 * about sqrt(k) after k Gaussian terms) to float with a relative error of at most 2^-24 = 6e-8. The roundings are
 * independent and add like a random walk, so the error of an entry has a standard deviation of about
 * 6e-8 sqrt(sum_k k) = 4e-8 inner (2e-5 at inner = 462). The bound, 1e-6 inner, is 25 such standard deviations:
 * no false alarm in practice (the seeds are fixed, so a run gives the same verdict every time). A wrong index or
 * a skipped term gives an error of order 1, far above the bound for every shape here.
 */
class FloatProductsTest {

    @Test
    void matchesDoubleProductsAcrossPanelEdges() {
        Random rng = new Random(6);
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {7, 130, 300}, {130, 129, 517}, {257, 3, 258}, {5, 64, 1030},
                {126, 126, 252}, {462, 462, 924}};
        for (int[] s : shapes) {
            int rows = s[0];
            int inner = s[1];
            int cols = s[2];
            int lda = inner + 3;
            int ldb = cols + 5;
            int ldc = cols + 2;
            float[] a = gaussian(rng, 2 + rows * lda);
            float[] b = gaussian(rng, 1 + inner * ldb);
            float[] c = gaussian(rng, 4 + rows * ldc);
            float[] before = c.clone();
            FloatProducts.multiply(a, 2, lda, b, 1, ldb, c, 4, ldc, rows, inner, cols);
            double[] ad = widen(a);
            double[] bd = widen(b);
            double[] cd = new double[c.length];
            DenseProducts.multiply(ad, 2, lda, bd, 1, ldb, cd, 4, ldc, rows, inner, cols);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < ldc; j++) {
                    int at = 4 + i * ldc + j;
                    if (j >= cols) {
                        assertEquals(before[at], c[at], 0, "outside the block, row " + i + ", column " + j);
                        continue;
                    }
                    assertEquals(cd[at], c[at], 1e-6 * inner, rows + "x" + inner + "x" + cols + " entry " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void upperTriangleOnlyAndBelowUntouched() {
        Random rng = new Random(7);
        for (int d : new int[] {1, 5, 65, 129, 520}) {
            float[] a = gaussian(rng, d * d);
            float[] b = gaussian(rng, d * d);
            float[] c = gaussian(rng, d * d);
            float[] before = c.clone();
            FloatProducts.multiplyUpper(a, 0, d, b, 0, d, c, 0, d, d);
            double[] cd = new double[d * d];
            DenseProducts.multiply(widen(a), 0, d, widen(b), 0, d, cd, 0, d, d, d, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    if (j < i) {
                        assertEquals(before[i * d + j], c[i * d + j], 0, "below the diagonal " + i + ", " + j);
                    } else {
                        assertEquals(cd[i * d + j], c[i * d + j], 1e-6 * d, "upper " + i + ", " + j);
                    }
                }
            }
        }
    }

    private static float[] gaussian(Random rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) rng.nextGaussian();
        }
        return x;
    }

    private static double[] widen(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
