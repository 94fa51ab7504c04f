package org.qtraj.exact.linalg;

import org.qtraj.errors.SolverException;

/**
 * Eigen-decomposition X = V diag(lambda) V^T of a complex symmetric (X^T = X, not Hermitian) tridiagonal
 * matrix, with the complex-orthogonal normalisation V^T V = I (no conjugation: v_m^T v_m = 1).
 *
 * <p>Eigenvalues: implicit QL with Wilkinson shifts (EISPACK tql1 / Numerical Recipes tqli) carried out in
 * complex arithmetic with complex-orthogonal rotations c^2 + s^2 = 1 (Cullum and Willoughby, "Lanczos
 * algorithms for large symmetric eigenvalue computations", vol. 1, ch. 6), O(N^2). Eigenvectors: for each
 * eigenvalue a twisted factorisation of X - lambda (forward and backward LDL^T pivots, Dhillon/Parlett),
 * the vector obtained from the twist index r with the smallest |gamma_r| = 1/|[(X - lambda)^{-1}]_rr|, and a
 * complex-symmetric Rayleigh-quotient update lambda += gamma_r / (v^T v) repeated until it stalls, O(N) per
 * vector. Total O(N^2) time and N^2 complex numbers of memory.
 *
 * Close eigenvalues: a twisted vector is accurate to eps ||X|| / gap, with the error along its neighbours, so
 * vectors whose eigenvalues lie within 3e-3 ||X|| are made complex-orthogonal by Gram-Schmidt in the bilinear
 * form (max |v_m^T v_p| ~ 4e-13 at N = 1000 instead of 3e-11), and clusters closer than 1e-8 ||X|| (where the
 * twisted factorisation returns one vector twice, e.g. the even and odd end modes of a mirror-symmetric chain)
 * are rebuilt by inverse iteration with partial pivoting and Gram-Schmidt.
 *
 * <p>Accuracy: the eigenvalues of a non-normal matrix are only as well conditioned as
 * kappa_m = (v_m^H v_m)/|v_m^T v_m|; {@link #worstCondition()} reports the largest. Near an exceptional point
 * (two eigenvectors coalescing, v^T v -> 0) kappa blows up and the decomposition loses that many digits; at
 * the point itself QL fails to converge (a {@link SolverException}). Callers must check their final residual.
 *
 * <p>Immutable after construction; thread-safe. The eigenvectors are computed in parallel on the threads of a
 * {@link Parallelism}, each into its own row, so they do not depend on the thread count.
 */
public final class ComplexSymmetricTridiagonalEigen {
    private static final double EPS = Math.ulp(1.0);

    private final int n;
    private final double[] lambdaRe;
    private final double[] lambdaIm;
    /** Eigenvector m is row m: vRe[m][k] + i vIm[m][k]. */
    private final double[][] vRe;
    private final double[][] vIm;
    private final double worstCondition;

    /**
     * Decomposes the tridiagonal matrix with diagonal (diagRe + i diagIm) and off-diagonal
     * (offRe + i offIm) (entry k joins rows k and k+1, length N - 1), the eigenvectors on the threads of
     * parallelism.
     *
     * @throws SolverException if QL does not converge or a pivot vanishes
     */
    ComplexSymmetricTridiagonalEigen(double[] diagRe, double[] diagIm, double[] offRe, double[] offIm,
                                     Parallelism parallelism) {
        n = diagRe.length;
        double[] lr = diagRe.clone();
        double[] li = diagIm.clone();
        ql(lr, li, offRe, offIm);
        lambdaRe = lr;
        lambdaIm = li;
        vRe = new double[n][];
        vIm = new double[n][];
        double[] cond = new double[n];
        // Each vector is independent: the work splits over the threads (O(N^2) in total).
        double norm = norm(diagRe, diagIm, offRe, offIm);
        parallelism.forEach(0, n, m -> cond[m] = vector(m, diagRe, diagIm, offRe, offIm, norm));
        // Numerically degenerate eigenvalues (e.g. the even and odd end modes of a mirror-symmetric chain, split by
        // (g/gamma)^N) give the twisted factorisation the same vector twice: rebuild those by inverse iteration
        // with complex-orthogonal Gram-Schmidt inside each cluster.
        for (int[] cluster : clusters(diagRe, diagIm, offRe, offIm)) {
            for (int j = 1; j < cluster.length; j++) {
                cond[cluster[j]] = reorthogonalised(cluster, j, diagRe, diagIm, offRe, offIm);
            }
        }
        orthogonaliseNeighbours(norm, cond);
        double worst = 1;
        for (double c : cond) {
            worst = Math.max(worst, c);
        }
        worstCondition = worst;
    }

    int size() {
        return n;
    }

    double lambdaRe(int m) {
        return lambdaRe[m];
    }

    double lambdaIm(int m) {
        return lambdaIm[m];
    }

    /** Real parts of eigenvector m (a view: do not modify). */
    double[] vectorRe(int m) {
        return vRe[m];
    }

    /** Imaginary parts of eigenvector m (a view: do not modify). */
    double[] vectorIm(int m) {
        return vIm[m];
    }

    /** max_m (v_m^H v_m)/|v_m^T v_m| >= 1: the eigenvalue condition number; 1 for a normal matrix. */
    public double worstCondition() {
        return worstCondition;
    }

    // ---------------------------------------------------------------------------------------------
    // Eigenvalues: complex implicit QL.

    private static void ql(double[] dr, double[] di, double[] offRe, double[] offIm) {
        int n = dr.length;
        double[] er = new double[n];
        double[] ei = new double[n];
        System.arraycopy(offRe, 0, er, 0, n - 1);
        System.arraycopy(offIm, 0, ei, 0, n - 1);
        double[] t = new double[2];
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    // 1-norms of the complex entries: equivalent to the moduli within sqrt 2, and much cheaper.
                    double dd = Math.abs(dr[m]) + Math.abs(di[m]) + Math.abs(dr[m + 1]) + Math.abs(di[m + 1]);
                    if (Math.abs(er[m]) + Math.abs(ei[m]) <= EPS * dd) {
                        break;
                    }
                }
                if (m != l) {
                    if (iter++ == 60) {
                        throw new SolverException("correlation: complex QL did not converge for eigenvalue " + (l + 1)
                                + " of " + n + " (the matrix is probably at an exceptional point, where it is not"
                                + " diagonalisable; use liouvillian)");
                    }
                    // Wilkinson shift: g = (d[l+1] - d[l]) / (2 e[l]); r = sqrt(g^2 + 1).
                    double gr0 = dr[l + 1] - dr[l];
                    double gi0 = di[l + 1] - di[l];
                    div(gr0, gi0, 2 * er[l], 2 * ei[l], t);
                    double gr = t[0];
                    double gi = t[1];
                    sqrt(gr * gr - gi * gi + 1, 2 * gr * gi, t);
                    double rr = t[0];
                    double ri = t[1];
                    // Sign of r maximising |g + r| (the complex analogue of SIGN(r, g)).
                    double pr = gr + rr;
                    double pi = gi + ri;
                    double mr = gr - rr;
                    double mi = gi - ri;
                    if (pr * pr + pi * pi < mr * mr + mi * mi) {
                        pr = mr;
                        pi = mi;
                    }
                    div(er[l], ei[l], pr, pi, t);
                    gr = dr[m] - dr[l] + t[0];
                    gi = di[m] - di[l] + t[1];
                    double sr = 1;
                    double si = 0;
                    double cr = 1;
                    double ci = 0;
                    double ppr = 0;
                    double ppi = 0;
                    int i;
                    boolean underflow = false;
                    for (i = m - 1; i >= l; i--) {
                        double fr = sr * er[i] - si * ei[i];
                        double fi = sr * ei[i] + si * er[i];
                        double br = cr * er[i] - ci * ei[i];
                        double bi = cr * ei[i] + ci * er[i];
                        // r = sqrt(f^2 + g^2), scaled against overflow; a complex rotation, not a unitary one.
                        double scale = Math.max(Math.max(Math.abs(fr), Math.abs(fi)), Math.max(Math.abs(gr), Math.abs(gi)));
                        if (scale == 0) {
                            rr = 0;
                            ri = 0;
                        } else {
                            double fsr = fr / scale;
                            double fsi = fi / scale;
                            double gsr = gr / scale;
                            double gsi = gi / scale;
                            sqrt(fsr * fsr - fsi * fsi + gsr * gsr - gsi * gsi, 2 * (fsr * fsi + gsr * gsi), t);
                            rr = t[0] * scale;
                            ri = t[1] * scale;
                        }
                        er[i + 1] = rr;
                        ei[i + 1] = ri;
                        if (abs(rr, ri) <= Double.MIN_NORMAL * 16) {
                            dr[i + 1] -= ppr;
                            di[i + 1] -= ppi;
                            er[m] = 0;
                            ei[m] = 0;
                            underflow = true;
                            break;
                        }
                        div(fr, fi, rr, ri, t);
                        sr = t[0];
                        si = t[1];
                        div(gr, gi, rr, ri, t);
                        cr = t[0];
                        ci = t[1];
                        gr = dr[i + 1] - ppr;
                        gi = di[i + 1] - ppi;
                        // r = (d[i] - g) s + 2 c b
                        double xr = dr[i] - gr;
                        double xi = di[i] - gi;
                        double cbr = cr * br - ci * bi;
                        double cbi = cr * bi + ci * br;
                        rr = xr * sr - xi * si + 2 * cbr;
                        ri = xr * si + xi * sr + 2 * cbi;
                        ppr = sr * rr - si * ri;
                        ppi = sr * ri + si * rr;
                        dr[i + 1] = gr + ppr;
                        di[i + 1] = gi + ppi;
                        gr = cr * rr - ci * ri - br;
                        gi = cr * ri + ci * rr - bi;
                    }
                    if (underflow) {
                        continue;
                    }
                    dr[l] -= ppr;
                    di[l] -= ppi;
                    er[l] = gr;
                    ei[l] = gi;
                    er[m] = 0;
                    ei[m] = 0;
                }
            } while (m != l);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Eigenvectors: twisted factorisation with Rayleigh-quotient refinement.

    /** Computes eigenvector m (refining lambda_m); returns its condition number. */
    private double vector(int m, double[] ar, double[] ai, double[] br, double[] bi, double norm) {
        double[] pr = new double[n];
        double[] pi = new double[n];
        double[] qr = new double[n];
        double[] qi = new double[n];
        double[] xr = new double[n];
        double[] xi = new double[n];
        double[] t = new double[2];
        double tiny = EPS * Math.max(norm, Double.MIN_NORMAL);
        double lr = lambdaRe[m];
        double li = lambdaIm[m];
        double lastStep = Double.POSITIVE_INFINITY;
        for (int iter = 0; iter < 8; iter++) {
            // Forward pivots D+_k of X - lambda and backward pivots D-_k.
            for (int k = 0; k < n; k++) {
                double dr = ar[k] - lr;
                double di = ai[k] - li;
                if (k > 0) {
                    double e2r = br[k - 1] * br[k - 1] - bi[k - 1] * bi[k - 1];
                    double e2i = 2 * br[k - 1] * bi[k - 1];
                    div(e2r, e2i, pr[k - 1], pi[k - 1], t);
                    dr -= t[0];
                    di -= t[1];
                }
                if (Math.abs(dr) + Math.abs(di) < tiny) {
                    dr = tiny; // a zero pivot: perturb it (the resulting vector is still an eigenvector to O(eps))
                    di = 0;
                }
                pr[k] = dr;
                pi[k] = di;
            }
            for (int k = n - 1; k >= 0; k--) {
                double dr = ar[k] - lr;
                double di = ai[k] - li;
                if (k < n - 1) {
                    double e2r = br[k] * br[k] - bi[k] * bi[k];
                    double e2i = 2 * br[k] * bi[k];
                    div(e2r, e2i, qr[k + 1], qi[k + 1], t);
                    dr -= t[0];
                    di -= t[1];
                }
                if (Math.abs(dr) + Math.abs(di) < tiny) {
                    dr = tiny;
                    di = 0;
                }
                qr[k] = dr;
                qi[k] = di;
            }
            // gamma_k = D+_k + D-_k - (a_k - lambda); twist where |gamma| is smallest.
            int r = 0;
            double best = Double.POSITIVE_INFINITY;
            double gr = 0;
            double gi = 0;
            for (int k = 0; k < n; k++) {
                double cr = pr[k] + qr[k] - (ar[k] - lr);
                double ci = pi[k] + qi[k] - (ai[k] - li);
                double a = abs(cr, ci);
                if (a < best) {
                    best = a;
                    r = k;
                    gr = cr;
                    gi = ci;
                }
            }
            xr[r] = 1;
            xi[r] = 0;
            for (int k = r - 1; k >= 0; k--) {
                // x_k = -e_k x_{k+1} / D+_k
                double nr = -(br[k] * xr[k + 1] - bi[k] * xi[k + 1]);
                double ni = -(br[k] * xi[k + 1] + bi[k] * xr[k + 1]);
                div(nr, ni, pr[k], pi[k], t);
                xr[k] = t[0];
                xi[k] = t[1];
            }
            for (int k = r + 1; k < n; k++) {
                // x_k = -e_{k-1} x_{k-1} / D-_k
                double nr = -(br[k - 1] * xr[k - 1] - bi[k - 1] * xi[k - 1]);
                double ni = -(br[k - 1] * xi[k - 1] + bi[k - 1] * xr[k - 1]);
                div(nr, ni, qr[k], qi[k], t);
                xr[k] = t[0];
                xi[k] = t[1];
            }
            // (X - lambda) x = gamma_r e_r and x_r = 1, so x^T (X - lambda) x = gamma_r: Rayleigh update.
            double sr = 0;
            double si = 0;
            for (int k = 0; k < n; k++) {
                sr += xr[k] * xr[k] - xi[k] * xi[k];
                si += 2 * xr[k] * xi[k];
            }
            div(gr, gi, sr, si, t);
            double step = Math.hypot(t[0], t[1]);
            if (!Double.isFinite(step)) {
                throw new SolverException("correlation: eigenvector " + (m + 1) + " of " + n
                        + " is self-orthogonal (v^T v = 0): the matrix is at an exceptional point");
            }
            if (step >= lastStep && iter > 0) {
                break; // no more progress: keep the previous eigenvalue (the vector goes with it)
            }
            lr += t[0];
            li += t[1];
            lastStep = step;
            if (step <= 4 * EPS * norm) {
                break;
            }
        }
        lambdaRe[m] = lr;
        lambdaIm[m] = li;
        // Normalise v^T v = 1 (complex square root), and measure v^H v / |v^T v|.
        double[] sums = bilinearSums(xr, xi);
        double cond = sums[2] / Math.hypot(sums[0], sums[1]);
        scaleToUnitBilinear(xr, xi, sums[0], sums[1]);
        vRe[m] = xr;
        vIm[m] = xi;
        return cond;
    }

    /** {Re v^T v, Im v^T v, v^H v} of v = xr + i xi. */
    private static double[] bilinearSums(double[] xr, double[] xi) {
        double sr = 0;
        double si = 0;
        double h = 0;
        for (int k = 0; k < xr.length; k++) {
            sr += xr[k] * xr[k] - xi[k] * xi[k];
            si += 2 * xr[k] * xi[k];
            h += xr[k] * xr[k] + xi[k] * xi[k];
        }
        return new double[] {sr, si, h};
    }

    /** v /= sqrt(v^T v), given v^T v = sr + i si (principal complex square root), so that afterwards v^T v = 1. */
    private static void scaleToUnitBilinear(double[] xr, double[] xi, double sr, double si) {
        double[] t = new double[2];
        sqrt(sr, si, t);
        double[] inv = new double[2];
        div(1, 0, t[0], t[1], inv);
        for (int k = 0; k < xr.length; k++) {
            double a = xr[k];
            double b = xi[k];
            xr[k] = a * inv[0] - b * inv[1];
            xi[k] = a * inv[1] + b * inv[0];
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Clusters of close eigenvalues.

    /** Relative eigenvalue distance below which vectors are rebuilt with Gram-Schmidt. */
    static final double CLUSTER_GAP = 1e-8;

    /** Groups of eigenvalue indices closer than CLUSTER_GAP ||X|| (transitively), only groups of two or more. */
    private java.util.List<int[]> clusters(double[] ar, double[] ai, double[] br, double[] bi) {
        double tol = CLUSTER_GAP * norm(ar, ai, br, bi);
        Integer[] order = new Integer[n];
        for (int m = 0; m < n; m++) {
            order[m] = m;
        }
        // Sorting by real part, then sweeping a window of width tol: O(N log N) unless everything is close.
        java.util.Arrays.sort(order, (x, y) -> Double.compare(lambdaRe[x], lambdaRe[y]));
        int[] parent = new int[n];
        for (int m = 0; m < n; m++) {
            parent[m] = m;
        }
        for (int x = 0; x < n; x++) {
            for (int y = x + 1; y < n && lambdaRe[order[y]] - lambdaRe[order[x]] <= tol; y++) {
                int p = order[x];
                int q = order[y];
                if (Math.hypot(lambdaRe[p] - lambdaRe[q], lambdaIm[p] - lambdaIm[q]) <= tol) {
                    parent[find(parent, p)] = find(parent, q);
                }
            }
        }
        java.util.Map<Integer, java.util.List<Integer>> groups = new java.util.TreeMap<>();
        for (int m = 0; m < n; m++) {
            groups.computeIfAbsent(find(parent, m), k -> new java.util.ArrayList<>()).add(m);
        }
        java.util.List<int[]> out = new java.util.ArrayList<>();
        for (java.util.List<Integer> g : groups.values()) {
            if (g.size() > 1) {
                out.add(g.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return out;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static double norm(double[] ar, double[] ai, double[] br, double[] bi) {
        int n = ar.length;
        double norm = 0;
        for (int k = 0; k < n; k++) {
            norm = Math.max(norm, Math.hypot(ar[k], ai[k]) + (k > 0 ? Math.hypot(br[k - 1], bi[k - 1]) : 0)
                    + (k < n - 1 ? Math.hypot(br[k], bi[k]) : 0));
        }
        return norm;
    }

    /**
     * Eigenvector cluster[j] by inverse iteration (tridiagonal LU with partial pivoting), starting from its twisted
     * vector and projected each step onto the complement of cluster[0..j-1]: x -= (v_p^T x) v_p, which is the
     * complex-orthogonal projection because v_p^T v_q = delta_pq. Returns the condition number.
     */
    private double reorthogonalised(int[] cluster, int j, double[] ar, double[] ai, double[] br, double[] bi) {
        int m = cluster[j];
        double[] xr = vRe[m].clone();
        double[] xi = vIm[m].clone();
        double lr = lambdaRe[m];
        double li = lambdaIm[m];
        double tiny = EPS * Math.max(norm(ar, ai, br, bi), Double.MIN_NORMAL);
        // Seed with a deterministic pseudo-random component so x is not entirely inside the span of the others.
        java.util.SplittableRandom rng = new java.util.SplittableRandom(m);
        for (int k = 0; k < n; k++) {
            xr[k] += 1e-3 * rng.nextDouble(-1, 1);
            xi[k] += 1e-3 * rng.nextDouble(-1, 1);
        }
        TridiagonalLu lu = new TridiagonalLu(ar, ai, br, bi, lr, li, tiny);
        for (int iter = 0; iter < 4; iter++) {
            project(cluster, j, xr, xi);
            scaleToUnitHermitian(xr, xi);
            lu.solve(xr, xi);
        }
        project(cluster, j, xr, xi);
        scaleToUnitHermitian(xr, xi);
        double[] sums = bilinearSums(xr, xi);
        double cond = sums[2] / Math.hypot(sums[0], sums[1]);
        if (!Double.isFinite(cond)) {
            throw new SolverException("correlation: eigenvector " + (m + 1) + " of " + n
                    + " is self-orthogonal (v^T v = 0) inside a cluster of equal eigenvalues");
        }
        scaleToUnitBilinear(xr, xi, sums[0], sums[1]);
        vRe[m] = xr;
        vIm[m] = xi;
        return cond;
    }

    /** Relative eigenvalue distance below which neighbouring vectors are made complex-orthogonal. */
    static final double NEIGHBOUR_GAP = 3e-3;

    /**
     * Twisted vectors of eigenvalues a gap delta apart are each accurate to eps ||X|| / delta, and their error
     * points mostly along each other: v_m^T v_p ~ 1e-11 for neighbouring levels of a 1000-site chain, which the
     * Lyapunov solution (it assumes V^{-1} = V^T) turns into relative errors of the currents of order 1e-10.
     * Gram-Schmidt in the bilinear form against the earlier neighbours (by Im lambda) within
     * NEIGHBOUR_GAP ||X|| restores V^T V = I while keeping the residual ||X v - lambda v|| at eps ||X||: the
     * correction lies along vectors whose eigenvalues differ by less than delta.
     */
    private void orthogonaliseNeighbours(double norm, double[] cond) {
        double tol = NEIGHBOUR_GAP * norm;
        Integer[] order = new Integer[n];
        for (int m = 0; m < n; m++) {
            order[m] = m;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(lambdaIm[x], lambdaIm[y]));
        double[] t = new double[2];
        double[] inv = new double[2];
        int[] one = new int[1];
        for (int x = 1; x < n; x++) {
            int m = order[x];
            boolean touched = false;
            for (int y = x - 1; y >= 0 && lambdaIm[m] - lambdaIm[order[y]] <= tol; y--) {
                int p = order[y];
                if (Math.hypot(lambdaRe[p] - lambdaRe[m], lambdaIm[p] - lambdaIm[m]) <= tol) {
                    one[0] = p;
                    project(one, 1, vRe[m], vIm[m]);
                    touched = true;
                }
            }
            if (touched) {
                double[] xr = vRe[m];
                double[] xi = vIm[m];
                double sr = 0;
                double si = 0;
                double h = 0;
                for (int k = 0; k < n; k++) {
                    sr += xr[k] * xr[k] - xi[k] * xi[k];
                    si += 2 * xr[k] * xi[k];
                    h += xr[k] * xr[k] + xi[k] * xi[k];
                }
                cond[m] = h / Math.hypot(sr, si);
                sqrt(sr, si, t);
                div(1, 0, t[0], t[1], inv);
                for (int k = 0; k < n; k++) {
                    double a = xr[k];
                    double b = xi[k];
                    xr[k] = a * inv[0] - b * inv[1];
                    xi[k] = a * inv[1] + b * inv[0];
                }
            }
        }
    }

    private void project(int[] cluster, int j, double[] xr, double[] xi) {
        for (int q = 0; q < j; q++) {
            double[] vr = vRe[cluster[q]];
            double[] vi = vIm[cluster[q]];
            double pr = 0;
            double pi = 0;
            for (int k = 0; k < n; k++) {
                pr += vr[k] * xr[k] - vi[k] * xi[k];
                pi += vr[k] * xi[k] + vi[k] * xr[k];
            }
            for (int k = 0; k < n; k++) {
                xr[k] -= pr * vr[k] - pi * vi[k];
                xi[k] -= pr * vi[k] + pi * vr[k];
            }
        }
    }

    private static void scaleToUnitHermitian(double[] xr, double[] xi) {
        double h = 0;
        for (int k = 0; k < xr.length; k++) {
            h = Math.max(h, Math.max(Math.abs(xr[k]), Math.abs(xi[k])));
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new SolverException("correlation: inverse iteration lost its vector inside a cluster of equal eigenvalues");
        }
        for (int k = 0; k < xr.length; k++) {
            xr[k] /= h;
            xi[k] /= h;
        }
    }

    /** LU with partial pivoting of the complex tridiagonal T - lambda (LAPACK zgttrf/zgtts2 layout). */
    private static final class TridiagonalLu {
        private final int n;
        private final double[] dlr;
        private final double[] dli;
        private final double[] dr;
        private final double[] di;
        private final double[] dur;
        private final double[] dui;
        private final double[] du2r;
        private final double[] du2i;
        private final boolean[] swap;

        TridiagonalLu(double[] ar, double[] ai, double[] br, double[] bi, double lr, double li, double tiny) {
            n = ar.length;
            dlr = new double[n];
            dli = new double[n];
            dr = new double[n];
            di = new double[n];
            dur = new double[n];
            dui = new double[n];
            du2r = new double[n];
            du2i = new double[n];
            swap = new boolean[n];
            for (int k = 0; k < n; k++) {
                dr[k] = ar[k] - lr;
                di[k] = ai[k] - li;
                if (k < n - 1) {
                    dlr[k] = br[k];
                    dli[k] = bi[k];
                    dur[k] = br[k];
                    dui[k] = bi[k];
                }
            }
            double[] t = new double[2];
            for (int k = 0; k < n - 1; k++) {
                if (abs(dr[k], di[k]) >= abs(dlr[k], dli[k])) {
                    if (abs(dr[k], di[k]) < tiny) {
                        dr[k] = tiny;
                        di[k] = 0;
                    }
                    div(dlr[k], dli[k], dr[k], di[k], t);
                    dlr[k] = t[0];
                    dli[k] = t[1];
                    // d[k+1] -= l * du[k]
                    dr[k + 1] -= t[0] * dur[k] - t[1] * dui[k];
                    di[k + 1] -= t[0] * dui[k] + t[1] * dur[k];
                } else {
                    swap[k] = true;
                    div(dr[k], di[k], dlr[k], dli[k], t);
                    double fr = t[0];
                    double fi = t[1];
                    dr[k] = dlr[k];
                    di[k] = dli[k];
                    double tr = dr[k + 1];
                    double ti = di[k + 1];
                    // d[k+1] = du[k] - fact * d[k+1]
                    dr[k + 1] = dur[k] - (fr * tr - fi * ti);
                    di[k + 1] = dui[k] - (fr * ti + fi * tr);
                    if (k < n - 2) {
                        du2r[k] = dur[k + 1];
                        du2i[k] = dui[k + 1];
                        double ur = dur[k + 1];
                        double ui = dui[k + 1];
                        dur[k + 1] = -(fr * ur - fi * ui);
                        dui[k + 1] = -(fr * ui + fi * ur);
                    }
                    dur[k] = tr;
                    dui[k] = ti;
                    dlr[k] = fr;
                    dli[k] = fi;
                }
            }
            if (Math.hypot(dr[n - 1], di[n - 1]) < tiny) {
                dr[n - 1] = tiny;
                di[n - 1] = 0;
            }
        }

        /** Overwrites b with (T - lambda)^{-1} b. */
        void solve(double[] brr, double[] bii) {
            for (int k = 0; k < n - 1; k++) {
                if (!swap[k]) {
                    brr[k + 1] -= dlr[k] * brr[k] - dli[k] * bii[k];
                    bii[k + 1] -= dlr[k] * bii[k] + dli[k] * brr[k];
                } else {
                    double tr = brr[k];
                    double ti = bii[k];
                    brr[k] = brr[k + 1];
                    bii[k] = bii[k + 1];
                    brr[k + 1] = tr - (dlr[k] * brr[k] - dli[k] * bii[k]);
                    bii[k + 1] = ti - (dlr[k] * bii[k] + dli[k] * brr[k]);
                }
            }
            double[] t = new double[2];
            for (int k = n - 1; k >= 0; k--) {
                double sr = brr[k];
                double si = bii[k];
                if (k + 1 < n) {
                    sr -= dur[k] * brr[k + 1] - dui[k] * bii[k + 1];
                    si -= dur[k] * bii[k + 1] + dui[k] * brr[k + 1];
                }
                if (k + 2 < n) {
                    sr -= du2r[k] * brr[k + 2] - du2i[k] * bii[k + 2];
                    si -= du2r[k] * bii[k + 2] + du2i[k] * brr[k + 2];
                }
                div(sr, si, dr[k], di[k], t);
                brr[k] = t[0];
                bii[k] = t[1];
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Complex helpers (out[0] + i out[1]).

    /** |re + i im|; Math.hypot only where the squares could over- or underflow (it is several times slower). */
    static double abs(double re, double im) {
        double m = Math.max(Math.abs(re), Math.abs(im));
        if (m > 1e-150 && m < 1e150) {
            return Math.sqrt(re * re + im * im);
        }
        return Math.hypot(re, im);
    }

    /** (ar + i ai)/(br + i bi), Smith's algorithm. */
    static void div(double ar, double ai, double br, double bi, double[] out) {
        if (Math.abs(br) >= Math.abs(bi)) {
            double q = bi / br;
            double den = br + bi * q;
            out[0] = (ar + ai * q) / den;
            out[1] = (ai - ar * q) / den;
        } else {
            double q = br / bi;
            double den = br * q + bi;
            out[0] = (ar * q + ai) / den;
            out[1] = (ai * q - ar) / den;
        }
    }

    /** Principal square root of (re + i im). */
    static void sqrt(double re, double im, double[] out) {
        double mod = abs(re, im);
        if (mod == 0) {
            out[0] = 0;
            out[1] = 0;
            return;
        }
        if (re >= 0) {
            double s = Math.sqrt(0.5 * (mod + re));
            out[0] = s;
            out[1] = im / (2 * s);
        } else {
            double s = Math.sqrt(0.5 * (mod - re));
            out[0] = Math.abs(im) / (2 * s);
            out[1] = Math.copySign(s, im);
        }
    }
}
