package org.qtraj.exact.sector;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.linalg.DenseProducts;
import org.qtraj.exact.linalg.Parallelism;

/**
 * Approximate inverse of a Liouvillian by its coherent part with damping, sector by sector
 * (PHYSICS.md "Solving for the steady state at N = 10 and beyond"): with H_n = V diag(E) V^T,
 * <pre>
 *   M_n^{-1} X = V [ (V^T X V)_ij / (-i (E_i - E_j) - c_ij) ] V^T,     c_n = mean_i a_i  (a = diag sum_m L_m^+ L_m)
 * </pre>
 * the exact inverse of X -> -i [H_n, X] - c o X in the eigenbasis. Without dephasing c_ij = c_n (PHYSICS.md);
 * with dephasing the diagonal of the dephasing sandwiches is subtracted ({@link #pairDamping}). It maps
 * Hermitian blocks to Hermitian blocks (c_ij = c_ji real), so it acts on the packed real vectors of
 * {@link BlockState}. Cost per application 6 sum_n d_n^3 multiply-adds, half that in the sectors whose H commutes
 * with the reflection of the chain (a uniform chain; {@link Reflection}), sectors in parallel on the threads of
 * the Liouvillian's {@link Liouvillian#parallelism()} (also in the construction), each sector's output written by
 * one thread. Immutable and thread-safe after construction.
 */
final class CoherentPreconditioner {
    private final SectorBasis basis;
    private final Parallelism parallelism;
    private final double[][] v;
    private final double[][] vt;
    private final double[][] e;
    private final double[] c;
    /** Per-pair damping c_ij of each sector in the eigenbasis ({@link #pairDamping}), or null for the scalar c_n. */
    private final double[][] cPair;
    /**
     * The reflection-adapted factors of the sectors whose H commutes with the reflection of the chain
     * ({@link Reflection}), null entries elsewhere: there V = Q diag(V_even, V_odd) and the products cost half.
     */
    private final Reflection[] reflection;

    CoherentPreconditioner(Liouvillian l) {
        this(l, true);
    }

    CoherentPreconditioner(Liouvillian l, boolean pairDamping) {
        this.basis = l.basis();
        this.parallelism = l.parallelism();
        int sectors = basis.sectors();
        v = new double[sectors][];
        vt = new double[sectors][];
        e = new double[sectors][];
        c = new double[sectors];
        boolean dephasing = l.channels().stream().anyMatch(ch -> ch.kind() == Liouvillian.Kind.DEPHASING);
        cPair = pairDamping && dephasing ? new double[sectors][] : null;
        reflection = new Reflection[sectors];
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
        parallelism.forEach(basis.sectorsBySize(), n -> {
            double[] a = l.decayRates(n);
            double mean = 0;
            for (double x : a) {
                mean += x;
            }
            c[n] = Math.max(mean / a.length, fl);
            decompose(n, l.hamiltonianBlock(n));
            if (cPair != null) {
                cPair[n] = pairDamping(l, n, fl);
            }
        });
    }

    private void decompose(int n, double[] h) {
        int d = basis.dim(n);
        Reflection r = d >= Reflection.MIN_DIM ? Reflection.of(basis, n, h) : null;
        if (r != null) {
            reflection[n] = r;
            v[n] = r.fullEigenvectors();
            e[n] = r.energies();
            return;
        }
        double[] en = new double[d];
        double[] vn = eigen(h, d, en, n);
        double[] vtn = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                vtn[k * d + i] = vn[i * d + k];
            }
        }
        v[n] = vn;
        vt[n] = vtn;
        e[n] = en;
    }

    /**
     * Eigen-decomposition of a real symmetric d x d matrix h (row-major): returns V (row-major, eigenvector k in
     * column k) and writes the eigenvalues into en.
     */
    static double[] eigen(double[] h, int d, double[] en, int n) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(new DMatrixRMaj(d, d, true, h))) {
            throw new SolverException("liouvillian: the symmetric eigensolver failed on the H block of sector " + n);
        }
        double[] vn = new double[d * d];
        for (int k = 0; k < d; k++) {
            en[k] = eig.getEigenvalue(k).real;
            DMatrixRMaj vec = eig.getEigenVector(k);
            for (int i = 0; i < d; i++) {
                vn[i * d + k] = vec.get(i, 0);
            }
        }
        return vn;
    }

    /**
     * c_ij = c_n - sum_k gamma_k n~_ki n~_kj with n~_ki = (V^T n_k V)_ii: the scalar damping corrected by the
     * diagonal, in the eigenbasis of H_n, of the dephasing sandwiches gamma_k n_k X n_k, which stay in the sector.
     * Measured (default model, D = 1): iterations 81 instead of 100 at N = 8 with dephasing 0.5, 160 instead of
     * 203 with dephasing 5, unchanged without dephasing. (Replacing c_n by the eigenbasis diagonal of the
     * anticommutator as well helped a little more with dephasing, 77, but cost 10% without: 94 instead of 85.)
     * Floored like c_n.
     */
    private double[] pairDamping(Liouvillian l, int n, double floor) {
        int d = basis.dim(n);
        double[] vn = v[n];
        double[] cp = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cp[i * d + j] = c[n];
            }
        }
        for (Liouvillian.Channel ch : l.channels()) {
            if (ch.kind() != Liouvillian.Kind.DEPHASING) {
                continue;
            }
            double[] nt = new double[d];
            for (int i = 0; i < d; i++) {
                for (int m = 0; m < d; m++) {
                    if ((basis.mask(n, m) >> ch.site() & 1) != 0) {
                        nt[i] += vn[m * d + i] * vn[m * d + i];
                    }
                }
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    cp[i * d + j] -= ch.rate() * nt[i] * nt[j];
                }
            }
        }
        for (int i = 0; i < d * d; i++) {
            cp[i] = Math.max(cp[i], floor);
        }
        return cp;
    }

    /** Whether sector n takes the reflection-adapted path ({@link Reflection}). */
    boolean reflectionAdapted(int n) {
        return reflection[n] != null;
    }

    /** y = M^{-1} x on packed vectors. */
    void apply(double[] x, double[] y) {
        parallelism.forEach(basis.sectorsBySize(), n -> applySector(n, x, y));
    }

    private void applySector(int n, double[] x, double[] y) {
        int d = basis.dim(n);
        int off = basis.offset(n);
        double cn = c[n];
        double[] cp = cPair == null ? null : cPair[n];
        if (d == 1) {
            y[off] = -x[off] / (cp == null ? cn : cp[0]);
            return;
        }
        int ld = 2 * d;
        Reflection r = reflection[n];
        // [A | B] with X = A + iB, then [V^T A | V^T B], then [V^T A V | V^T B V].
        double[] m = new double[d * ld];
        unpackSplit(x, off, d, m);
        double[] t = new double[d * ld];
        double[] yy = new double[d * ld];
        if (r != null) {
            r.toEigenbasis(m, t, yy);
        } else {
            mult(vt[n], 0, d, m, 0, ld, t, 0, ld, d, d, ld);
            // Y = V^T X V is Hermitian: only its upper triangle is computed, the lower one follows.
            multUpper(t, 0, ld, v[n], 0, d, yy, 0, ld, d);
            multUpper(t, d, ld, v[n], 0, d, yy, d, ld, d);
        }
        double[] en = e[n];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double w = en[i] - en[j];
                if (cp != null) {
                    cn = cp[i * d + j];
                }
                double den = cn * cn + w * w;
                double ya = yy[i * ld + j];
                double yb = yy[i * ld + d + j];
                double za = (-cn * ya - w * yb) / den;
                double zb = (w * ya - cn * yb) / den;
                yy[i * ld + j] = za;
                yy[i * ld + d + j] = zb;
                yy[j * ld + i] = za;
                yy[j * ld + d + i] = -zb;
            }
            // The imaginary part of a Hermitian diagonal is zero (Y_ii's is rounding only).
            yy[i * ld + d + i] = 0;
        }
        if (r != null) {
            r.fromEigenbasis(yy, t, m);
        } else {
            mult(v[n], 0, d, yy, 0, ld, t, 0, ld, d, d, ld);
            multUpper(t, 0, ld, vt[n], 0, d, m, 0, ld, d);
            multUpper(t, d, ld, vt[n], 0, d, m, d, ld, d);
        }
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

    /** The upper triangle of C = A B for d x d operands ({@link DenseProducts#multiplyUpper}). */
    static void multUpper(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff,
                          int ldc, int d) {
        DenseProducts.multiplyUpper(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, d);
    }

    /** C = A B for row-major strided blocks ({@link DenseProducts#multiply}). */
    static void mult(double[] a, int aOff, int lda, double[] b, int bOff, int ldb, double[] c, int cOff, int ldc,
                     int rows, int inner, int cols) {
        DenseProducts.multiply(a, aOff, lda, b, bOff, ldb, c, cOff, ldc, rows, inner, cols);
    }
}
