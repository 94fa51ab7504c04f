package org.qtraj.exact;

import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Approximate inverse of a Liouvillian by its coherent part with one damping rate per sector
 * (PHYSICS.md "Solving for the steady state at N = 10 and beyond"): with H_n = V diag(E) V^T,
 * <pre>
 *   M_n^{-1} X = V [ (V^T X V)_ij / (-i (E_i - E_j) - c_n) ] V^T,     c_n = mean_i a_i  (a = diag sum_m L_m^+ L_m)
 * </pre>
 * the exact inverse of X -> -i [H_n, X] - c_n X. It maps Hermitian blocks to Hermitian blocks, so it acts on
 * the packed real vectors of {@link BlockState}. Cost per application 8 sum_n d_n^3 multiply-adds, sectors
 * in parallel. Immutable and thread-safe after construction.
 */
final class CoherentPreconditioner {
    private final SectorBasis basis;
    private final double[][] v;
    private final double[][] vt;
    private final double[][] e;
    private final double[] c;

    CoherentPreconditioner(Liouvillian l) {
        this.basis = l.basis();
        int sectors = basis.sectors();
        v = new double[sectors][];
        vt = new double[sectors][];
        e = new double[sectors][];
        c = new double[sectors];
        double maxDecay = 0;
        for (int n = 0; n < sectors; n++) {
            for (double a : l.decayRates(n)) {
                maxDecay = Math.max(maxDecay, a);
            }
        }
        // A sector without loss (e.g. the empty one with both baths at T = 0) would make c_n = 0 and the
        // diagonal E_i = E_j singular; any positive c keeps M invertible, and a small fraction of the
        // largest rate keeps it a fair approximation.
        double floor = Math.max(1e-2 * maxDecay, 1e-12);
        final double fl = floor;
        IntStream.of(basis.sectorsBySize()).parallel().forEach(n -> {
            double[] a = l.decayRates(n);
            double mean = 0;
            for (double x : a) {
                mean += x;
            }
            c[n] = Math.max(mean / a.length, fl);
            decompose(n, l.hamiltonianBlock(n));
        });
    }

    private void decompose(int n, double[] h) {
        int d = basis.dim(n);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(new DMatrixRMaj(d, d, true, h))) {
            throw new SolverException("liouvillian: the symmetric eigensolver failed on the H block of sector " + n);
        }
        double[] vn = new double[d * d];
        double[] vtn = new double[d * d];
        double[] en = new double[d];
        for (int k = 0; k < d; k++) {
            en[k] = eig.getEigenvalue(k).real;
            DMatrixRMaj vec = eig.getEigenVector(k);
            for (int i = 0; i < d; i++) {
                vn[i * d + k] = vec.get(i, 0);
                vtn[k * d + i] = vec.get(i, 0);
            }
        }
        v[n] = vn;
        vt[n] = vtn;
        e[n] = en;
    }

    /** y = M^{-1} x on packed vectors. */
    void apply(double[] x, double[] y) {
        IntStream.of(basis.sectorsBySize()).parallel().forEach(n -> applySector(n, x, y));
    }

    private void applySector(int n, double[] x, double[] y) {
        int d = basis.dim(n);
        int off = basis.offset(n);
        double cn = c[n];
        if (d == 1) {
            y[off] = -x[off] / cn;
            return;
        }
        int ld = 2 * d;
        // [A | B] with X = A + iB, then [V^T A | V^T B], then [V^T A V | V^T B V].
        double[] m = new double[d * ld];
        unpackSplit(x, off, d, m);
        double[] t = new double[d * ld];
        mult(vt[n], 0, d, m, 0, ld, t, 0, ld, d, d, ld);
        double[] yy = new double[d * ld];
        mult(t, 0, ld, v[n], 0, d, yy, 0, ld, d, d, d);
        mult(t, d, ld, v[n], 0, d, yy, d, ld, d, d, d);
        double[] en = e[n];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double w = en[i] - en[j];
                double den = cn * cn + w * w;
                double ya = yy[i * ld + j];
                double yb = yy[i * ld + d + j];
                yy[i * ld + j] = (-cn * ya - w * yb) / den;
                yy[i * ld + d + j] = (w * ya - cn * yb) / den;
            }
        }
        mult(v[n], 0, d, yy, 0, ld, t, 0, ld, d, d, ld);
        mult(t, 0, ld, vt[n], 0, d, m, 0, ld, d, d, d);
        mult(t, d, ld, vt[n], 0, d, m, d, ld, d, d, d);
        // Pack from the upper triangle (the result is Hermitian up to rounding).
        for (int i = 0; i < d; i++) {
            y[off + i * d + i] = m[i * ld + i];
            for (int j = i + 1; j < d; j++) {
                y[off + i * d + j] = BlockState.SQRT2 * m[i * ld + j];
                y[off + j * d + i] = BlockState.SQRT2 * m[i * ld + d + j];
            }
        }
    }

    /** Writes Re X into columns 0..d-1 and Im X into columns d..2d-1 of a d x 2d row-major array. */
    private static void unpackSplit(double[] x, int off, int d, double[] m) {
        int ld = 2 * d;
        for (int i = 0; i < d; i++) {
            m[i * ld + i] = x[off + i * d + i];
            m[i * ld + d + i] = 0;
            for (int j = i + 1; j < d; j++) {
                double a = x[off + i * d + j] * BlockState.INV_SQRT2;
                double b = x[off + j * d + i] * BlockState.INV_SQRT2;
                m[i * ld + j] = a;
                m[j * ld + i] = a;
                m[i * ld + d + j] = b;
                m[j * ld + d + i] = -b;
            }
        }
    }

    /**
     * C = A B for row-major strided blocks (A: rows x inner, B: inner x cols), overwriting C. The i-k-j order
     * makes the inner loop a contiguous axpy the JIT vectorises, and strided operands spare the copies of
     * sub-blocks a library call would need.
     */
    static void mult(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc,
                     int rows, int inner, int cols) {
        for (int i = 0; i < rows; i++) {
            int ci = cOff + i * ldc;
            for (int j = 0; j < cols; j++) {
                c[ci + j] = 0;
            }
            int ai = aOff + i * lda;
            for (int k = 0; k < inner; k++) {
                double aik = a[ai + k];
                if (aik == 0) {
                    continue;
                }
                int bk = bOff + k * ldb;
                for (int j = 0; j < cols; j++) {
                    c[ci + j] += aik * b[bk + j];
                }
            }
        }
    }
}
