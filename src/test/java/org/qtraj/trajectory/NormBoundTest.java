package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** {@link NormBound}: an upper bound on rho(|A|), tight, and never above the row-sum bound it replaces. */
class NormBoundTest {

    /** The path graph on n vertices: rho = 2 cos(pi / (n + 1)) (closed form of its adjacency spectrum). */
    @Test
    void pathGraphMeetsItsClosedForm() {
        for (int n : new int[] {2, 5, 9, 40}) {
            double[] diag = new double[n];
            List<int[]> entries = new ArrayList<>();
            int[] rowStart = new int[n + 1];
            for (int x = 0; x < n; x++) {
                if (x > 0) {
                    entries.add(new int[] {x - 1});
                }
                if (x < n - 1) {
                    entries.add(new int[] {x + 1});
                }
                rowStart[x + 1] = entries.size();
            }
            int[] column = entries.stream().mapToInt(e -> e[0]).toArray();
            double[] value = new double[column.length];
            java.util.Arrays.fill(value, -1.0); // the sign must not matter: the bound is on |A|
            double exact = 2 * Math.cos(Math.PI / (n + 1));
            double bound = NormBound.of(diag, rowStart, column, value);
            assertTrue(bound >= exact, "n = " + n + ": bound " + bound + " below the spectral radius " + exact);
            // the shifted power iteration converges like (1 - c / n^2) per step, so it is tight on short paths; on
            // long ones the largest ratio (the middle) stalls near the row sum 2 and the bound stays valid
            double tightness = n <= 9 ? 1e-3 : 1e-2;
            assertTrue(bound <= exact * (1 + tightness), "n = " + n + ": bound " + bound + " not tight (" + exact + ")");
        }
    }

    /** Random sparse symmetric matrices with a complex diagonal: rho(|A|) from EJML's symmetric eigensolver. */
    @Test
    void randomMatricesAgainstDenseEigenvalues() {
        Random random = new Random(2026);
        for (int trial = 0; trial < 20; trial++) {
            int n = 5 + random.nextInt(60);
            double[][] a = new double[n][n];
            for (int x = 0; x < n; x++) {
                a[x][x] = Math.hypot(random.nextGaussian(), random.nextDouble());
                for (int y = x + 1; y < n; y++) {
                    if (random.nextDouble() < 0.15) {
                        double v = random.nextGaussian();
                        a[x][y] = v;
                        a[y][x] = v;
                    }
                }
            }
            double[] diag = new double[n];
            int[] rowStart = new int[n + 1];
            List<Integer> cols = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            double rowSum = 0;
            DMatrixRMaj abs = new DMatrixRMaj(n, n);
            for (int x = 0; x < n; x++) {
                diag[x] = a[x][x];
                double row = diag[x];
                abs.set(x, x, diag[x]);
                for (int y = 0; y < n; y++) {
                    if (y != x && a[x][y] != 0) {
                        cols.add(y);
                        vals.add(a[x][y]);
                        row += Math.abs(a[x][y]);
                        abs.set(x, y, Math.abs(a[x][y]));
                    }
                }
                rowStart[x + 1] = cols.size();
                rowSum = Math.max(rowSum, row);
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            assertTrue(eig.decompose(abs));
            double rho = 0;
            for (int i = 0; i < n; i++) {
                rho = Math.max(rho, Math.abs(eig.getEigenvalue(i).getReal()));
            }
            double bound = NormBound.of(diag, rowStart, cols.stream().mapToInt(Integer::intValue).toArray(),
                    vals.stream().mapToDouble(Double::doubleValue).toArray());
            assertTrue(bound >= rho * (1 - 1e-13), "trial " + trial + ": " + bound + " < rho(|A|) = " + rho);
            assertTrue(bound <= rowSum * (1 + 1e-12), "trial " + trial + ": above the row sum " + rowSum);
        }
    }
}
