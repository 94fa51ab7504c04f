package org.qtraj.exact.sector;

import org.qtraj.exact.linalg.DenseProducts;
import org.qtraj.exact.linalg.Parallelism;

/**
 * The populations of the eigenbasis of H, coupled by the dissipator: the block of L + u tr^T between the operators
 * |k&gt;&lt;k| (k an eigenvector of H_n in sector n, 2^N of them), where the coherent part vanishes and L is the
 * Pauli rate matrix (Breuer and Petruccione, "The Theory of Open Quantum Systems", sec. 3.3.1):
 * <pre>
 *   E = W + (1/2^N) 1 1^T,   W_kl = sum_m |&lt;k|L_m|l&gt;|^2 - delta_kl &lt;k| sum_m L_m^+ L_m |k&gt;,
 * </pre>
 * u = 1/2^N being a population vector and tr |l&gt;&lt;l| = 1. {@link #solve} inverts E exactly.
 *
 * <p>W is block tridiagonal in the excitation number (bath jumps move one excitation, dephasing none). Since every
 * bath emits (rate G (nbar + 1) &gt; 0), the vacuum is reachable from every state and eliminating the sectors from
 * n = N down to n = 1 (block Thomas algorithm) meets regular pivots S_n = W_nn - W_{n,n+1} S_{n+1}^{-1} W_{n+1,n}
 * (principal blocks of a generator that leaks into n - 1: non-singular M-matrices, stable without pivoting
 * between blocks); the last pivot, the vacuum's 1 x 1, is zero because 1^T W = 0. With p' = p - (1^T p / 2^N) 1,
 * E z = p is W z = p' with 1^T z = 1^T p: z = z0 + t pi, z0 the solution of W z0 = p' with z0_vacuum = 0, pi the
 * kernel of W with pi_vacuum = 1 (made once), t fixing the trace. Setup cost: for each bath and dephasing
 * channel one d_n x r x d_n' product per sector, and one inverse and two products per sector for the pivots
 * (about 3 sum_n d_n^3 in all); each {@link #solve} O(sum_n d_n d_n+1). Immutable and thread-safe.
 */
final class PopulationBlock {
    private final SectorBasis basis;
    private final int[] start;
    private final int size;
    /** Blocks of W: diag[n] = W_nn, up[n] = W_{n,n+1}, down[n] = W_{n,n-1} (row-major). */
    private final double[][] up;
    /** sInv[n] = S_n^{-1} for n &gt;= 1. */
    private final double[][] sInv;
    /** x[n] = S_n^{-1} W_{n,n-1} for n &gt;= 1 (d_n x d_{n-1}). */
    private final double[][] x;
    private final double[] kernel;
    private final double kernelSum;

    private PopulationBlock(SectorBasis basis, int[] start, double[][] up, double[][] sInv, double[][] x,
                            double[] kernel) {
        this.basis = basis;
        this.start = start;
        this.size = start[basis.sectors()];
        this.up = up;
        this.sInv = sInv;
        this.x = x;
        this.kernel = kernel;
        double s = 0;
        for (double k : kernel) {
            s += k;
        }
        this.kernelSum = s;
    }

    /**
     * The population block of l in the eigenbases v[n] of its sectors' H (row-major d_n x d_n, eigenvector k in
     * column k), W's blocks built sector by sector on l's threads.
     *
     * @return the block, or null if a pivot is not negative (some state does not reach the vacuum, e.g. a bath
     *         with zero rate): then the preconditioner damps the populations like the coherences
     */
    static PopulationBlock of(Liouvillian l, double[][] v) {
        SectorBasis basis = l.basis();
        int sectors = basis.sectors();
        int[] start = new int[sectors + 1];
        for (int n = 0; n < sectors; n++) {
            start[n + 1] = start[n] + basis.dim(n);
        }
        double[][] diag = new double[sectors][];
        double[][] up = new double[sectors][];
        double[][] down = new double[sectors][];
        Parallelism parallelism = l.parallelism();
        parallelism.forEach(basis.sectorsBySize(), n -> {
            int d = basis.dim(n);
            diag[n] = new double[d * d];
            if (n + 1 < sectors) {
                up[n] = new double[d * basis.dim(n + 1)];
            }
            if (n > 0) {
                down[n] = new double[d * basis.dim(n - 1)];
            }
            double[] a = l.decayRates(n);
            double[] vn = v[n];
            for (int k = 0; k < d; k++) {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    s += a[i] * vn[i * d + k] * vn[i * d + k];
                }
                diag[n][k * d + k] = -s;
            }
            for (int ci = 0; ci < l.channels().size(); ci++) {
                Liouvillian.Channel c = l.channels().get(ci);
                int[] to = l.jumpTargetRows(ci, n);
                if (to == null || c.rate() == 0) {
                    continue;
                }
                int src = Liouvillian.sourceSector(c, n);
                double[] block = src == n ? diag[n] : src > n ? up[n] : down[n];
                addRates(c.rate(), to, l.jumpSourceRows(ci, n), vn, d, v[src], basis.dim(src), block,
                        c.kind() == Liouvillian.Kind.DEPHASING);
            }
        });
        double[][] sInv = new double[sectors][];
        double[][] x = new double[sectors][];
        // S_N = W_NN; S_n = W_nn - W_{n,n+1} X_{n+1}, X_n = S_n^{-1} W_{n,n-1}, for n = N .. 1.
        for (int n = sectors - 1; n >= 1; n--) {
            int d = basis.dim(n);
            double[] s = diag[n];
            if (n + 1 < sectors) {
                double[] prod = new double[d * d];
                DenseProducts.multiply(up[n], 0, basis.dim(n + 1), x[n + 1], 0, d, prod, 0, d, d, basis.dim(n + 1), d);
                for (int i = 0; i < d * d; i++) {
                    s[i] -= prod[i];
                }
            }
            sInv[n] = invert(s, d);
            if (sInv[n] == null) {
                return null;
            }
            int dd = basis.dim(n - 1);
            x[n] = new double[d * dd];
            DenseProducts.multiply(sInv[n], 0, d, down[n], 0, dd, x[n], 0, dd, d, d, dd);
        }
        double[] kernel = new double[start[sectors]];
        kernel[0] = 1;
        for (int n = 1; n < sectors; n++) {
            backStep(basis, start, x[n], n, kernel);
        }
        return new PopulationBlock(basis, start, up, sInv, x, kernel);
    }

    /**
     * S^{-1} of a d x d row-major S by Gauss-Jordan elimination without pivoting, on one array per row (so the row
     * operations vectorise, {@link DenseProducts}): -S is a column diagonally dominant M-matrix (a Schur complement of
     * a leaking generator), for which elimination without pivoting is stable (Higham, "Accuracy and Stability of
     * Numerical Algorithms", 2nd ed., sec. 9.9 and 14.4) and every pivot is negative. Null if a pivot is not
     * negative and finite.
     */
    static double[] invert(double[] s, int d) {
        double[][] a = new double[d][2 * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(s, i * d, a[i], 0, d);
            a[i][d + i] = 1;
        }
        for (int k = 0; k < d; k++) {
            double[] pk = a[k];
            double pivot = pk[k];
            if (!(pivot < 0) || !Double.isFinite(pivot)) {
                return null;
            }
            double inv = 1 / pivot;
            for (int j = k; j < 2 * d; j++) {
                pk[j] *= inv;
            }
            for (int i = 0; i < d; i++) {
                double f = a[i][k];
                if (i != k && f != 0) {
                    eliminate(f, pk, a[i], k, 2 * d);
                }
            }
        }
        double[] out = new double[d * d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(a[i], d, out, i * d, d);
        }
        return out;
    }

    /** row[j] -= f pivotRow[j] for from &lt;= j &lt; to. */
    private static void eliminate(double f, double[] pivotRow, double[] row, int from, int to) {
        for (int j = from; j < to; j++) {
            row[j] = Math.fma(-f, pivotRow[j], row[j]);
        }
    }

    /**
     * block += rate |V_n^T O V_src|^2 (entrywise), O the 0/1 jump matrix with (O)_{to[q], from[q]} = 1: the rows
     * to[q] of V_n and from[q] of V_src give V_n^T O V_src = G_to^T G_from. For dephasing (src = n, O = n_k
     * diagonal) the product G^T G is symmetric and only its upper triangle is formed, from the occupied rows or,
     * where those are more than half, from the empty ones (V^T n_k V = 1 - V^T (1 - n_k) V, V orthogonal).
     */
    private static void addRates(double rate, int[] to, int[] from, double[] vn, int d, double[] vs, int ds,
                                 double[] block, boolean dephasing) {
        int[] rows = to;
        boolean complement = dephasing && 2 * to.length > d;
        if (complement) {
            rows = new int[d - to.length];
            int q = 0;
            int t = 0;
            for (int i = 0; i < d; i++) {
                if (t < to.length && to[t] == i) {
                    t++;
                } else {
                    rows[q++] = i;
                }
            }
        }
        int r = rows.length;
        double[] gt = new double[d * r];
        double[] gf = new double[r * ds];
        for (int q = 0; q < r; q++) {
            for (int k = 0; k < d; k++) {
                gt[k * r + q] = vn[rows[q] * d + k];
            }
            System.arraycopy(vs, (dephasing ? rows[q] : from[q]) * ds, gf, q * ds, ds);
        }
        double[] m = new double[d * ds];
        if (!dephasing) {
            DenseProducts.multiply(gt, 0, r, gf, 0, ds, m, 0, ds, d, r, ds);
            for (int i = 0; i < d * ds; i++) {
                block[i] += rate * m[i] * m[i];
            }
            return;
        }
        DenseProducts.multiplyUpper(gt, 0, r, gf, 0, ds, m, 0, ds, d, r);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double e = complement ? (i == j ? 1 : 0) - m[i * d + j] : m[i * d + j];
                double w = rate * e * e;
                block[i * d + j] += w;
                if (j != i) {
                    block[j * d + i] += w;
                }
            }
        }
    }

    /** z_n -= X_n z_{n-1} (z_n already holds h_n). */
    private static void backStep(SectorBasis basis, int[] start, double[] xn, int n, double[] z) {
        int d = basis.dim(n);
        int dd = basis.dim(n - 1);
        int zn = start[n];
        int zp = start[n - 1];
        for (int i = 0; i < d; i++) {
            double s = z[zn + i];
            for (int j = 0; j < dd; j++) {
                s -= xn[i * dd + j] * z[zp + j];
            }
            z[zn + i] = s;
        }
    }

    /** First index of sector n's populations in the vectors of {@link #solve}. */
    int start(int n) {
        return start[n];
    }

    /** 2^N, the number of populations. */
    int size() {
        return size;
    }

    /** p = E^{-1} p (populations indexed by {@link #start}(n) + k). */
    void solve(double[] p) {
        double mean = 0;
        for (double q : p) {
            mean += q;
        }
        double trace = mean;
        mean /= size;
        for (int i = 0; i < size; i++) {
            p[i] -= mean;
        }
        // Forward: h_n = S_n^{-1} (p'_n - W_{n,n+1} h_{n+1}), n = N .. 1, in place; the vacuum's entry becomes 0.
        int sectors = basis.sectors();
        double[] g = new double[size];
        for (int n = sectors - 1; n >= 1; n--) {
            int d = basis.dim(n);
            int o = start[n];
            if (n + 1 < sectors) {
                int du = basis.dim(n + 1);
                int ou = start[n + 1];
                double[] w = up[n];
                for (int i = 0; i < d; i++) {
                    double s = 0;
                    for (int j = 0; j < du; j++) {
                        s += w[i * du + j] * p[ou + j];
                    }
                    g[o + i] = p[o + i] - s;
                }
            } else {
                System.arraycopy(p, o, g, o, d);
            }
            double[] si = sInv[n];
            for (int i = 0; i < d; i++) {
                double s = 0;
                for (int j = 0; j < d; j++) {
                    s += si[i * d + j] * g[o + j];
                }
                p[o + i] = s;
            }
        }
        p[0] = 0;
        for (int n = 1; n < sectors; n++) {
            backStep(basis, start, x[n], n, p);
        }
        double sum = 0;
        for (double q : p) {
            sum += q;
        }
        double t = (trace - sum) / kernelSum;
        for (int i = 0; i < size; i++) {
            p[i] += t * kernel[i];
        }
    }
}
