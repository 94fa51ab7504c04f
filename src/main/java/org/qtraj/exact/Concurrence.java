package org.qtraj.exact;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.qtraj.errors.SolverException;

/**
 * Wootters concurrence of a two-qubit density matrix (W. K. Wootters, PRL 80, 2245 (1998)):
 * <pre>
 *   C = max(0, l_1 - l_2 - l_3 - l_4),  l_i the decreasing square roots of the eigenvalues of
 *   sqrt(rho) rho~ sqrt(rho),  rho~ = (sigma_y x sigma_y) rho^* (sigma_y x sigma_y)
 * </pre>
 * EJML has no complex eigensolver, so every complex Hermitian matrix A + iB is carried as the real symmetric
 * [[A, -B], [B, A]]: that map respects products and square roots, and doubles every eigenvalue's multiplicity.
 * Stateless and thread-safe; the argument arrays are only read.
 */
public final class Concurrence {
    private Concurrence() {
    }

    /**
     * The concurrence of a 4 x 4 density matrix given by real and imaginary parts, row-major, in any
     * product basis ordering of |00>, |01>, |10>, |11> where index = 2 b_1 + b_0 or 2 b_0 + b_1: sigma_y x sigma_y
     * is the same real matrix in both orderings.
     *
     * @param re the real parts, 16 entries (not modified)
     * @param im the imaginary parts, 16 entries (not modified)
     * @return C in [0, 1]
     */
    public static double of(double[] re, double[] im) {
        if (re.length != 16 || im.length != 16) {
            throw new IllegalArgumentException("need a 4 x 4 matrix");
        }
        // sigma_y x sigma_y: |00> -> -|11>, |11> -> -|00>, |01> -> |10>, |10> -> |01>.
        double[] y = new double[16];
        y[3] = -1;
        y[12] = -1;
        y[6] = 1;
        y[9] = 1;
        DMatrixRMaj yy = new DMatrixRMaj(4, 4, true, y);
        DMatrixRMaj a = new DMatrixRMaj(4, 4, true, re);
        DMatrixRMaj b = new DMatrixRMaj(4, 4, true, im);
        // rho~ = Y (A - iB) Y = YAY - i YBY.
        DMatrixRMaj ta = sandwich(yy, a);
        DMatrixRMaj tb = sandwich(yy, b);
        CommonOps_DDRM.scale(-1, tb);
        DMatrixRMaj rho = embed(a, b);
        DMatrixRMaj tilde = embed(ta, tb);
        DMatrixRMaj root = sqrtPsd(rho);
        DMatrixRMaj tmp = new DMatrixRMaj(8, 8);
        DMatrixRMaj m = new DMatrixRMaj(8, 8);
        CommonOps_DDRM.mult(root, tilde, tmp);
        CommonOps_DDRM.mult(tmp, root, m);
        symmetrize(m);
        double[] ev = eigenvalues(m);
        Arrays.sort(ev);
        // Descending, one of each doubled pair.
        double l1 = Math.sqrt(Math.max(ev[7], 0));
        double l2 = Math.sqrt(Math.max(ev[5], 0));
        double l3 = Math.sqrt(Math.max(ev[3], 0));
        double l4 = Math.sqrt(Math.max(ev[1], 0));
        return Math.max(0, l1 - l2 - l3 - l4);
    }

    private static DMatrixRMaj sandwich(DMatrixRMaj y, DMatrixRMaj a) {
        DMatrixRMaj t = new DMatrixRMaj(4, 4);
        DMatrixRMaj out = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.mult(y, a, t);
        CommonOps_DDRM.mult(t, y, out);
        return out;
    }

    private static DMatrixRMaj embed(DMatrixRMaj a, DMatrixRMaj b) {
        int n = a.numRows;
        DMatrixRMaj m = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m.set(i, j, a.get(i, j));
                m.set(i + n, j + n, a.get(i, j));
                m.set(i, j + n, -b.get(i, j));
                m.set(i + n, j, b.get(i, j));
            }
        }
        return m;
    }

    private static void symmetrize(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows; i++) {
            for (int j = i + 1; j < m.numCols; j++) {
                double s = 0.5 * (m.get(i, j) + m.get(j, i));
                m.set(i, j, s);
                m.set(j, i, s);
            }
        }
    }

    /** Q sqrt(max(Lambda, 0)) Q^T of a symmetric matrix. */
    private static DMatrixRMaj sqrtPsd(DMatrixRMaj s) {
        int n = s.numRows;
        DMatrixRMaj copy = s.copy();
        symmetrize(copy);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(copy)) {
            throw new SolverException("concurrence: the symmetric eigensolver failed");
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            double r = Math.sqrt(Math.max(eig.getEigenvalue(k).real, 0));
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out.add(i, j, r * v.get(i, 0) * v.get(j, 0));
                }
            }
        }
        return out;
    }

    private static double[] eigenvalues(DMatrixRMaj s) {
        int n = s.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(s.copy())) {
            throw new SolverException("concurrence: the symmetric eigensolver failed");
        }
        double[] ev = new double[n];
        for (int k = 0; k < n; k++) {
            ev[k] = eig.getEigenvalue(k).real;
        }
        return ev;
    }
}
