package org.qtraj.trajectory;

import org.qtraj.errors.SolverException;

/**
 * A Gram matrix G = I + sum_j c_j x_j x_j^+ of n orbitals that differs from the identity by q rank-one terms (x_j in
 * C^n, c_j real), and the orthonormalisation of the orbitals P whose Gram matrix it is, in O(N n q) instead of the
 * O(N n^2) of a Cholesky factor applied to all pairs of orbitals.
 *
 * <p>With Q (n x q', q' &lt;= q) an orthonormal basis of the span of the x_j (modified Gram-Schmidt, twice; a vector
 * whose remainder is below {@value #DEPENDENT} of its length is dropped, which changes G by at most that fraction of
 * its term), G = (I - Q Q^+) + Q K Q^+ with the q' x q' K = I + sum_j c_j y_j y_j^+, y_j = Q^+ x_j. With K = L L^+
 * (Cholesky), X = I + Q (L^-+ - I) Q^+ satisfies X^+ G X = I, so P X = P + (P Q)(L^-+ - I) Q^+ has orthonormal
 * columns spanning the same space (the same Slater determinant up to its norm, which the caller keeps apart).
 *
 * <p>Used by {@link GaussianTrajectory} with phase-flip dephasing, where G comes from the quadrature of the decay on the
 * two bath sites: q = 2 x (nodes), a few. Mutable work space of one trajectory run: not thread-safe.
 */
final class LowRankGram {
    /** Relative remainder below which a term's vector is taken as a combination of the earlier ones. */
    static final double DEPENDENT = 1e-13;

    private int n;
    private int stride;
    private int terms;
    private boolean ready;
    // q' and whether Q, L and T are those of the present terms
    private int rank;
    private boolean factored;
    private double[] c = new double[8];
    private double[] xRe = new double[0];
    private double[] xIm = new double[0];
    // orthonormal basis Q (column i at [i * stride]), K and its Cholesky factor, T = L^-+ - I; P Q and (P Q) T
    private double[] qRe = new double[0];
    private double[] qIm = new double[0];
    private double[] kRe = new double[0];
    private double[] kIm = new double[0];
    private double[] tRe = new double[0];
    private double[] tIm = new double[0];
    private double[] pqRe = new double[0];
    private double[] pqIm = new double[0];
    private double[] bRe = new double[0];
    private double[] bIm = new double[0];

    /** Starts a new G = I for up to {@code capacity} orbitals. */
    void reset(int capacity) {
        stride = capacity;
        terms = 0;
        ready = true;
        factored = false;
    }

    /** Forgets G: the next Gram matrix was not formed here. */
    void clear() {
        ready = false;
    }

    /** Whether the last Gram matrix formed is this one. */
    boolean ready() {
        return ready;
    }

    /** q, the number of rank-one terms (an upper bound on the rank). */
    int terms() {
        return terms;
    }

    /** Adds c x x^+ with x_a = conj(row_a), a &lt; n (the row of P on a lossy site). */
    void add(double coefficient, double[] rowRe, double[] rowIm, int orbitals) {
        n = orbitals;
        int need = (terms + 1) * stride;
        if (xRe.length < need) {
            xRe = java.util.Arrays.copyOf(xRe, 2 * need);
            xIm = java.util.Arrays.copyOf(xIm, 2 * need);
        }
        if (c.length <= terms) {
            c = java.util.Arrays.copyOf(c, 2 * terms + 2);
        }
        int o = terms * stride;
        for (int a = 0; a < n; a++) {
            xRe[o + a] = rowRe[a];
            xIm[o + a] = -rowIm[a];
        }
        c[terms++] = coefficient;
        factored = false;
    }

    /** ln det G = ln det K = 2 sum ln L_ii (class comment). */
    double logDet() {
        factor();
        double sum = 0;
        for (int i = 0; i < rank; i++) {
            sum += Math.log(kRe[i * rank + i]);
        }
        return 2 * sum;
    }

    private void factor() {
        if (!factored) {
            rank = terms == 0 ? 0 : basis();
            if (rank > 0) {
                factorK(rank);
            }
            factored = true;
        }
    }

    /**
     * P := P X (class comment) for the orbitals P in re, im (orbital a on site k at [a len + k]).
     *
     * @throws SolverException if K is not positive definite (the orbitals became linearly dependent)
     */
    void orthonormalise(double[] re, double[] im, int orbitals, int len) {
        if (terms == 0 || orbitals == 0) {
            return;
        }
        factor();
        if (rank == 0) {
            return;
        }
        // P Q: column i = sum_a Q_ai P_a (orbital a over the sites)
        if (pqRe.length < rank * len) {
            pqRe = new double[rank * len];
            pqIm = new double[rank * len];
            bRe = new double[rank * len];
            bIm = new double[rank * len];
        }
        java.util.Arrays.fill(pqRe, 0, rank * len, 0);
        java.util.Arrays.fill(pqIm, 0, rank * len, 0);
        for (int a = 0; a < n; a++) {
            int oa = a * len;
            for (int i = 0; i < rank; i++) {
                double zr = qRe[i * stride + a];
                double zi = qIm[i * stride + a];
                if (zr == 0 && zi == 0) {
                    continue;
                }
                int oi = i * len;
                for (int k = 0; k < len; k++) {
                    double pr = re[oa + k];
                    double pi = im[oa + k];
                    pqRe[oi + k] += pr * zr - pi * zi;
                    pqIm[oi + k] += pr * zi + pi * zr;
                }
            }
        }
        // B = (P Q) T, T = L^-+ - I upper triangular (q' x q', row-major [l * rank + i])
        for (int i = 0; i < rank; i++) {
            int oi = i * len;
            java.util.Arrays.fill(bRe, oi, oi + len, 0);
            java.util.Arrays.fill(bIm, oi, oi + len, 0);
            for (int l = 0; l <= i; l++) {
                double zr = tRe[l * rank + i];
                double zi = tIm[l * rank + i];
                int ol = l * len;
                for (int k = 0; k < len; k++) {
                    double pr = pqRe[ol + k];
                    double pi = pqIm[ol + k];
                    bRe[oi + k] += pr * zr - pi * zi;
                    bIm[oi + k] += pr * zi + pi * zr;
                }
            }
        }
        // P_a += sum_i B_i conj(Q_ai)
        for (int a = 0; a < n; a++) {
            int oa = a * len;
            for (int i = 0; i < rank; i++) {
                double zr = qRe[i * stride + a];
                double zi = -qIm[i * stride + a];
                if (zr == 0 && zi == 0) {
                    continue;
                }
                int oi = i * len;
                for (int k = 0; k < len; k++) {
                    double br = bRe[oi + k];
                    double bi = bIm[oi + k];
                    re[oa + k] += br * zr - bi * zi;
                    im[oa + k] += br * zi + bi * zr;
                }
            }
        }
    }

    /** Q from the x_j by modified Gram-Schmidt, twice; returns q'. */
    private int basis() {
        if (qRe.length < terms * stride) {
            qRe = new double[terms * stride];
            qIm = new double[terms * stride];
        }
        int rank = 0;
        for (int j = 0; j < terms; j++) {
            int oq = rank * stride;
            double before = 0;
            for (int a = 0; a < n; a++) {
                qRe[oq + a] = xRe[j * stride + a];
                qIm[oq + a] = xIm[j * stride + a];
                before += qRe[oq + a] * qRe[oq + a] + qIm[oq + a] * qIm[oq + a];
            }
            if (!(before > 0)) {
                continue;
            }
            double left = before;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < rank; i++) {
                    int oi = i * stride;
                    // s = q_i^+ v
                    double sr = 0;
                    double si = 0;
                    for (int a = 0; a < n; a++) {
                        sr += qRe[oi + a] * qRe[oq + a] + qIm[oi + a] * qIm[oq + a];
                        si += qRe[oi + a] * qIm[oq + a] - qIm[oi + a] * qRe[oq + a];
                    }
                    for (int a = 0; a < n; a++) {
                        qRe[oq + a] -= sr * qRe[oi + a] - si * qIm[oi + a];
                        qIm[oq + a] -= sr * qIm[oi + a] + si * qRe[oi + a];
                    }
                }
                left = 0;
                for (int a = 0; a < n; a++) {
                    left += qRe[oq + a] * qRe[oq + a] + qIm[oq + a] * qIm[oq + a];
                }
            }
            if (left <= DEPENDENT * DEPENDENT * before) {
                continue;
            }
            double scale = 1 / Math.sqrt(left);
            for (int a = 0; a < n; a++) {
                qRe[oq + a] *= scale;
                qIm[oq + a] *= scale;
            }
            rank++;
        }
        return rank;
    }

    /** K = I + sum_j c_j y_j y_j^+ (y_j = Q^+ x_j), its Cholesky factor L, and T = L^-+ - I. */
    private void factorK(int rank) {
        int size = rank * rank;
        if (kRe.length < size) {
            kRe = new double[size];
            kIm = new double[size];
            tRe = new double[size];
            tIm = new double[size];
        }
        java.util.Arrays.fill(kRe, 0, size, 0);
        java.util.Arrays.fill(kIm, 0, size, 0);
        double[] yRe = new double[rank];
        double[] yIm = new double[rank];
        for (int j = 0; j < terms; j++) {
            int ox = j * stride;
            for (int i = 0; i < rank; i++) {
                int oi = i * stride;
                double sr = 0;
                double si = 0;
                for (int a = 0; a < n; a++) {
                    sr += qRe[oi + a] * xRe[ox + a] + qIm[oi + a] * xIm[ox + a];
                    si += qRe[oi + a] * xIm[ox + a] - qIm[oi + a] * xRe[ox + a];
                }
                yRe[i] = sr;
                yIm[i] = si;
            }
            for (int i = 0; i < rank; i++) {
                for (int l = 0; l < rank; l++) {
                    // c y_i conj(y_l)
                    kRe[i * rank + l] += c[j] * (yRe[i] * yRe[l] + yIm[i] * yIm[l]);
                    kIm[i * rank + l] += c[j] * (yIm[i] * yRe[l] - yRe[i] * yIm[l]);
                }
            }
        }
        for (int i = 0; i < rank; i++) {
            kRe[i * rank + i] += 1;
        }
        // Cholesky K = L L^+, L lower triangular with a real diagonal, in place in the lower triangle of k
        for (int i = 0; i < rank; i++) {
            for (int l = 0; l <= i; l++) {
                double sr = kRe[i * rank + l];
                double si = kIm[i * rank + l];
                for (int m = 0; m < l; m++) {
                    // L_im conj(L_lm)
                    double ar = kRe[i * rank + m];
                    double ai = kIm[i * rank + m];
                    double br = kRe[l * rank + m];
                    double bi = kIm[l * rank + m];
                    sr -= ar * br + ai * bi;
                    si -= ai * br - ar * bi;
                }
                if (l == i) {
                    if (!(sr > 0) || !Double.isFinite(sr)) {
                        throw new SolverException("orbitals became linearly dependent (low-rank Gram pivot " + sr
                                + " of " + rank + ")");
                    }
                    kRe[i * rank + i] = Math.sqrt(sr);
                    kIm[i * rank + i] = 0;
                } else {
                    double d = kRe[l * rank + l];
                    kRe[i * rank + l] = sr / d;
                    kIm[i * rank + l] = si / d;
                }
            }
        }
        // U = L^-+ is upper triangular: L^+ U = I, L^+ upper with (L^+)_{lm} = conj(L_ml); back substitution per
        // column i: U_li = (delta_li - sum_{m > l} conj(L_ml) U_mi) / L_ll for l = i, i - 1, ..., 0
        for (int i = 0; i < rank; i++) {
            for (int l = rank - 1; l >= 0; l--) {
                if (l > i) {
                    tRe[l * rank + i] = 0;
                    tIm[l * rank + i] = 0;
                    continue;
                }
                double sr = l == i ? 1 : 0;
                double si = 0;
                for (int m = l + 1; m <= i; m++) {
                    double lr = kRe[m * rank + l];
                    double li = -kIm[m * rank + l];
                    double ur = tRe[m * rank + i];
                    double ui = tIm[m * rank + i];
                    sr -= lr * ur - li * ui;
                    si -= lr * ui + li * ur;
                }
                double d = kRe[l * rank + l];
                tRe[l * rank + i] = sr / d;
                tIm[l * rank + i] = si / d;
            }
        }
        for (int i = 0; i < rank; i++) {
            tRe[i * rank + i] -= 1;
        }
    }
}
