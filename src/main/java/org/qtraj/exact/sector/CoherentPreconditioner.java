package org.qtraj.exact.sector;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.linalg.FloatProducts;
import org.qtraj.exact.linalg.Parallelism;

/**
 * Approximate inverse of L + u tr^T in the eigenbases of the sectors' H (PHYSICS.md "Solving for the steady state
 * at N = 10 and beyond"): with H_n = V diag(E) V^T and Y = V^T X V,
 * <pre>
 *   M^{-1} X = V Z V^T,   Z_ij = Y_ij / (-i (E_i - E_j) - c_ij)  (i != j),   diag Z = E_pop^{-1} diag Y,
 * </pre>
 * block-diagonal in the eigenbasis: the coherences |i&gt;&lt;j| of each sector see the coherent part exactly and the
 * dissipator through its diagonal ({@link #pairDamping}: c_ij = (a~_i + a~_j)/2 - sum_k gamma_k n~_ki n~_kj, a~
 * and n~_k the eigenbasis diagonals of sum_m L_m^+ L_m and of the dephased n_k), and the 2^N populations |k&gt;&lt;k|
 * of all sectors together see the exact population block of L + u tr^T, the Pauli rate matrix plus the trace
 * term, inverted by {@link PopulationBlock} (bath jumps move populations between sectors: that is what the
 * per-sector damping of the first version, c_n = mean_i a_i for every entry, missed). Measured at N = 10 (D = 1,
 * dephasing 0.5): 84 GMRES iterations instead of 112 (the preconditioner alone; the solver wraps it in
 * {@link RichardsonPreconditioner}).
 *
 * <p>It maps Hermitian blocks to Hermitian blocks (c_ij = c_ji real), so it acts on the packed real vectors of
 * {@link BlockState}. The application runs in single precision ({@link FloatProducts}: twice the vector lanes of
 * double, half the bytes), with the population solve in double: the result is M^{-1} x to about 1e-6 relative
 * (float rounding of the eigenvectors and of sums over d terms), which is a rounding-perturbed, not exactly linear,
 * map. {@link Gmres} is flexible (it keeps each preconditioned vector), so that perturbation changes the Krylov
 * space slightly but never the accuracy of the solution: the residual is that of the double-precision generator. Cost per application 6 sum_n d_n^3 multiply-adds (two transforms V^T X V and V Z V^T), half
 * that in the sectors whose H commutes with the reflection of the chain (a uniform chain; {@link Reflection}), plus
 * O(sum_n d_n d_n+1) for the populations; the transforms of the sectors run in parallel on the threads of the
 * Liouvillian's {@link Liouvillian#parallelism()} (also in the construction), each sector's output written by
 * one thread, the population solve between them on the caller's thread. Immutable and thread-safe after
 * construction.
 */
final class CoherentPreconditioner {
    private final SectorBasis basis;
    private final Parallelism parallelism;
    private final double[][] v;
    /** V and V^T of the general path rounded to float (null in the reflection-adapted sectors). */
    private final float[][] vf;
    private final float[][] vtf;
    private final double[][] e;
    private final double[] c;
    /** Per-pair damping c_ij of each sector in the eigenbasis ({@link #pairDamping}), or null for the scalar c_n. */
    private final double[][] cPair;
    /**
     * The reflection-adapted factors of the sectors whose H commutes with the reflection of the chain
     * ({@link Reflection}), null entries elsewhere: there V = Q diag(V_even, V_odd) and the products cost half.
     */
    private final Reflection[] reflection;
    /**
     * The populations' exact block, or null in the scalar variant (populations damped by c_n like the rest) and where
     * {@link PopulationBlock#of} finds no regular pivots (populations then damped by their c_ii).
     */
    private final PopulationBlock populations;
    private final int maxDim;
    /**
     * Scratch pairs {m, t} of 2 d_max^2 doubles each, taken and given back by each sector task, and the eigenbasis
     * blocks of whole applications (one d_n x 2 d_n array per sector), taken and given back by each {@link #apply}:
     * about one entry per thread or concurrent application, so apply allocates nothing once warm (at N = 10 it
     * allocated and zeroed 15 MB per application). The only mutable state; it never changes a result (every entry
     * read is written first in the same application).
     */
    private final ConcurrentLinkedQueue<float[][]> scratch = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<float[][]> eigenWork = new ConcurrentLinkedQueue<>();

    CoherentPreconditioner(Liouvillian l) {
        this(l, true);
    }

    /**
     * @param eigenbasisDamping true: the per-pair damping and the population block above; false: the first version
     *                          of PHYSICS.md, every entry of sector n damped by the scalar c_n (for comparisons)
     */
    CoherentPreconditioner(Liouvillian l, boolean eigenbasisDamping) {
        this.basis = l.basis();
        this.parallelism = l.parallelism();
        int sectors = basis.sectors();
        v = new double[sectors][];
        vf = new float[sectors][];
        vtf = new float[sectors][];
        e = new double[sectors][];
        c = new double[sectors];
        cPair = eigenbasisDamping ? new double[sectors][] : null;
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
        parallelism.forEach(basis.sectorsBySize(), n -> {
            double[] a = l.decayRates(n);
            double mean = 0;
            for (double x : a) {
                mean += x;
            }
            c[n] = Math.max(mean / a.length, floor);
            decompose(n, l.hamiltonianBlock(n));
            if (cPair != null) {
                cPair[n] = pairDamping(l, n, floor);
            }
        });
        populations = eigenbasisDamping ? PopulationBlock.of(l, v) : null;
        int dm = 0;
        for (int n = 0; n < sectors; n++) {
            dm = Math.max(dm, basis.dim(n));
        }
        maxDim = dm;
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
        float[] vtn = new float[d * d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                vtn[k * d + i] = (float) vn[i * d + k];
            }
        }
        v[n] = vn;
        vf[n] = toFloat(vn);
        vtf[n] = vtn;
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
     * c_ij = (a~_i + a~_j)/2 - sum_k gamma_k n~_ki n~_kj with a~_i = (V^T a V)_ii and n~_ki = (V^T n_k V)_ii: the
     * diagonal, in the eigenbasis of H_n, of the anticommutator -(1/2){sum_m L_m^+ L_m, X} and of the dephasing
     * sandwiches gamma_k n_k X n_k, which stay in the sector. Floored like c_n. Measured at N = 8 with the population
     * block (D = 1): 86 GMRES iterations instead of 100 with the scalar mean c_n, without dephasing; 66 instead of 68
     * with dephasing 0.5.
     */
    private double[] pairDamping(Liouvillian l, int n, double floor) {
        int d = basis.dim(n);
        double[] vn = v[n];
        double[] a = l.decayRates(n);
        double[] at = new double[d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                at[k] += a[i] * vn[i * d + k] * vn[i * d + k];
            }
        }
        double[] cp = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cp[i * d + j] = 0.5 * (at[i] + at[j]);
            }
        }
        for (Liouvillian.Channel ch : l.channels()) {
            if (ch.kind() != Liouvillian.Kind.DEPHASING) {
                continue;
            }
            double[] nt = new double[d];
            for (int m = 0; m < d; m++) {
                if ((basis.mask(n, m) >> ch.site() & 1) != 0) {
                    for (int i = 0; i < d; i++) {
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

    /** The eigenvectors of sector n's H the preconditioner uses, row-major d x d, eigenvector k in column k (a copy). */
    double[] eigenvectors(int n) {
        return v[n].clone();
    }

    /** Whether sector n takes the reflection-adapted path ({@link Reflection}). */
    boolean reflectionAdapted(int n) {
        return reflection[n] != null;
    }

    /**
     * y = M^{-1} x on packed vectors: the sectors to their eigenbases (in parallel), the populations of all sectors
     * solved together, the sectors back (in parallel).
     */
    void apply(double[] x, double[] y) {
        float[][] work = eigenWork.poll();
        if (work == null) {
            work = new float[basis.sectors()][];
            for (int n = 0; n < basis.sectors(); n++) {
                work[n] = new float[2 * basis.dim(n) * basis.dim(n)];
            }
        }
        try {
            float[][] yy = work;
            parallelism.forEach(basis.sectorsBySize(), n -> toEigenbasis(n, x, yy[n]));
            double[] p = null;
            if (populations != null) {
                p = new double[populations.size()];
                for (int n = 0; n < basis.sectors(); n++) {
                    int d = basis.dim(n);
                    int ld = 2 * d;
                    int s0 = populations.start(n);
                    for (int k = 0; k < d; k++) {
                        p[s0 + k] = yy[n][k * ld + k];
                    }
                }
                populations.solve(p);
            }
            double[] pop = p;
            parallelism.forEach(basis.sectorsBySize(), n -> fromEigenbasis(n, yy[n], pop, y));
        } finally {
            eigenWork.offer(work);
        }
    }

    private float[][] takeScratch() {
        float[][] w = scratch.poll();
        return w != null ? w : new float[][] {new float[2 * maxDim * maxDim], new float[2 * maxDim * maxDim]};
    }

    /** [Re Y | Im Y] of Y = V^T X_n V into yy (d x 2d row-major, upper triangles). */
    private void toEigenbasis(int n, double[] x, float[] yy) {
        int d = basis.dim(n);
        int off = basis.offset(n);
        int ld = 2 * d;
        float[][] w = takeScratch();
        try {
            float[] m = w[0];
            float[] t = w[1];
            unpackSplit(x, off, d, m);
            Reflection r = reflection[n];
            if (d == 1) {
                yy[0] = m[0];
            } else if (r != null) {
                r.toEigenbasis(m, t, yy);
            } else {
                FloatProducts.multiply(vtf[n], 0, d, m, 0, ld, t, 0, ld, d, d, ld);
                FloatProducts.multiplyUpper(t, 0, ld, vf[n], 0, d, yy, 0, ld, d);
                FloatProducts.multiplyUpper(t, d, ld, vf[n], 0, d, yy, d, ld, d);
            }
        } finally {
            scratch.offer(w);
        }
    }

    /**
     * Sector n of y from its eigenbasis Y (yy as made by {@link #toEigenbasis}, overwritten): the coherences divided,
     * the diagonal taken from the solved populations pop (or divided by c_n if pop is null), transformed back.
     */
    private void fromEigenbasis(int n, float[] yy, double[] pop, double[] y) {
        int d = basis.dim(n);
        int off = basis.offset(n);
        double cn = c[n];
        double[] cp = cPair == null ? null : cPair[n];
        if (d == 1) {
            y[off] = pop != null ? pop[populations.start(n)] : -yy[0] / (cp == null ? cn : cp[0]);
            return;
        }
        float[][] work = takeScratch();
        try {
            fromEigenbasis(n, yy, pop, y, work[0], work[1]);
        } finally {
            scratch.offer(work);
        }
    }

    private void fromEigenbasis(int n, float[] yy, double[] pop, double[] y, float[] m, float[] t) {
        int d = basis.dim(n);
        int off = basis.offset(n);
        double cn = c[n];
        double[] cp = cPair == null ? null : cPair[n];
        int ld = 2 * d;
        Reflection r = reflection[n];
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
                float za = (float) ((-cn * ya - w * yb) / den);
                float zb = (float) ((w * ya - cn * yb) / den);
                yy[i * ld + j] = za;
                yy[i * ld + d + j] = zb;
                yy[j * ld + i] = za;
                yy[j * ld + d + i] = -zb;
            }
            // The imaginary part of a Hermitian diagonal is zero (Y_ii's is rounding only).
            yy[i * ld + d + i] = 0;
            if (pop != null) {
                yy[i * ld + i] = (float) pop[populations.start(n) + i];
            }
        }
        if (r != null) {
            r.fromEigenbasis(yy, t, m);
        } else {
            FloatProducts.multiply(vf[n], 0, d, yy, 0, ld, t, 0, ld, d, d, ld);
            FloatProducts.multiplyUpper(t, 0, ld, vtf[n], 0, d, m, 0, ld, d);
            FloatProducts.multiplyUpper(t, d, ld, vtf[n], 0, d, m, d, ld, d);
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

    /** Writes Re X into columns 0..d-1 and Im X into columns d..2d-1 of a d x 2d row-major array (rounded to float). */
    private static void unpackSplit(double[] x, int off, int d, float[] m) {
        int ld = 2 * d;
        for (int i = 0; i < d; i++) {
            m[i * ld + i] = (float) x[off + i * d + i];
            m[i * ld + d + i] = 0;
            for (int j = i + 1; j < d; j++) {
                float a = (float) (x[off + i * d + j] * BlockState.INV_SQRT2);
                float b = (float) (x[off + j * d + i] * BlockState.INV_SQRT2);
                m[i * ld + j] = a;
                m[j * ld + i] = a;
                m[i * ld + d + j] = b;
                m[j * ld + d + i] = -b;
            }
        }
    }

    /** a rounded to float, entry by entry. */
    static float[] toFloat(double[] a) {
        float[] f = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = (float) a[i];
        }
        return f;
    }
}
