package org.qtraj.exact.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blocked products against plain triple loops, on sizes that cross the panel edges (64 rows of B, 512 columns). */
class DenseProductsTest {

    @Test
    void matchesPlainProductsAcrossPanelEdges() {
        Random rng = new Random(4);
        int[][] shapes = {{1, 1, 1}, {3, 5, 2}, {7, 130, 300}, {130, 129, 517}, {257, 3, 258}, {5, 64, 1030}};
        for (int[] s : shapes) {
            int rows = s[0];
            int inner = s[1];
            int cols = s[2];
            // strided operands inside larger arrays, with offsets
            int lda = inner + 3;
            int ldb = cols + 5;
            int ldc = cols + 2;
            double[] a = gaussian(rng, 2 + rows * lda);
            double[] b = gaussian(rng, 1 + inner * ldb);
            double[] c = gaussian(rng, 4 + rows * ldc);
            double[] before = c.clone();
            DenseProducts.multiply(a, 2, lda, b, 1, ldb, c, 4, ldc, rows, inner, cols);
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < ldc; j++) {
                    int at = 4 + i * ldc + j;
                    if (j >= cols) {
                        assertEquals(before[at], c[at], 0, "outside the block, row " + i + ", column " + j);
                        continue;
                    }
                    double e = 0;
                    for (int k = 0; k < inner; k++) {
                        e += a[2 + i * lda + k] * b[1 + k * ldb + j];
                    }
                    assertEquals(e, c[at], 1e-12 * Math.max(1, inner), "entry " + i + ", " + j);
                }
            }
        }
    }

    @Test
    void upperTriangleOnlyAndBelowUntouched() {
        Random rng = new Random(5);
        for (int d : new int[] {1, 5, 65, 129, 520}) {
            double[] a = gaussian(rng, d * d);
            double[] b = gaussian(rng, d * d);
            double[] c = gaussian(rng, d * d);
            double[] before = c.clone();
            DenseProducts.multiplyUpper(a, 0, d, b, 0, d, c, 0, d, d);
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    if (j < i) {
                        assertEquals(before[i * d + j], c[i * d + j], 0, "below the diagonal " + i + ", " + j);
                        continue;
                    }
                    double e = 0;
                    for (int k = 0; k < d; k++) {
                        e += a[i * d + k] * b[k * d + j];
                    }
                    assertEquals(e, c[i * d + j], 1e-12 * d, "upper " + i + ", " + j);
                }
            }
        }
    }

    private static double[] gaussian(Random rng, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
        }
        return x;
    }
}
