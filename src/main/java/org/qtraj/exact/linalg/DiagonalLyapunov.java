package org.qtraj.exact.linalg;

import org.qtraj.errors.SolverException;

/**
 * Solves the Lyapunov equation with a diagonal right-hand side,
 * <pre>
 *   X C + C X^+ = -diag(s),      X = i h - diag(Gamma)/2,
 * </pre>
 * for a real symmetric tridiagonal h (diagonal omega_k, off-diagonal g_k) and damping Gamma_k >= 0, without
 * forming the N^2 x N^2 operator. X is complex symmetric; with X = V Lambda V^T, V^T V = I
 * ({@link ComplexSymmetricTridiagonalEigen}), X^+ = conj(X) = conj(V) conj(Lambda) V^+, and C = V Y V^+ gives
 * Y_mn = -(V^T diag(s) conj(V))_mn / (lambda_m + conj(lambda_n)). Summing over n in closed form,
 * <pre>
 *   C_kl = - sum_m V_km [ G^(m) (V_m o s) ]_l,        G^(m) = (lambda_m + conj(X))^{-1},
 * </pre>
 * where G^(m) is the inverse of a tridiagonal matrix (lambda_m + conj(lambda_n) has real part
 * Re lambda_m + Re lambda_n &lt; 0, so it is never singular and its Hermitian part is negative definite: every
 * pivot of Gaussian elimination without pivoting has real part at most -(decay_m + min Gamma / 2), which bounds
 * the element growth by ||X|| over the decay rates). One right-hand side costs O(N^2): N tridiagonal solves
 * ({@link #apply}). The response of the populations to a unit source on site j,
 * A_kj = C^(e_j)_kk = -sum_m V_km V_jm G^(m)_kj, is a real symmetric matrix; G^(m) is semi-separable,
 * G_kj = G_jj prod_{i=k}^{j-1} rho_i (k &lt;= j, rho_i = -beta_i / D_i with D_i the forward pivots), so A is the
 * real part of a sum of N rank-one outer products: O(N^3) as blocked dot products ({@link #response}).
 * The products of rho_i over many sites over- or underflow; they are kept as mantissa and binary exponent
 * and re-anchored every {@value #TILE} sites. The eigen-decomposition is done on X0 = X + mu I,
 * mu = min Gamma / 2, so a large uniform dephasing does not dilute its precision.
 *
 * <p>Immutable; thread-safe. The O(N^2) and O(N^3) loops run on the threads of the {@link Parallelism} given at
 * construction, in a fixed number of chunks summed in a fixed order, so results do not depend on the number of
 * threads.
 */
public final class DiagonalLyapunov {
    /** Sites per tile of {@link #response}: bounds the growth of re-anchored products (|rho|^-TILE). */
    static final int TILE = 32;
    /** Chunks of the eigenvalue index m in {@link #apply}: fixed, so sums do not depend on the thread count. */
    private static final int CHUNKS = 16;
    /** Scale factors below 2^-600 are flushed to zero: their products are negligible and subnormals are slow. */
    private static final int FLUSH_EXPONENT = -600;
    /** Smallest accepted decay rate of a mode of X, relative to the largest rate in X0 = X + mu I. */
    static final double MIN_RELATIVE_DECAY = 1e-10;

    private final int n;
    private final double[] omega;
    private final double[] coupling;
    private final double[] damping;
    private final ComplexSymmetricTridiagonalEigen eig;
    private final Parallelism parallelism;
    /** Eigenvalues of X itself (those of {@link #eig} shifted back by -mu). */
    private final double[] lambdaRe;
    private final double[] lambdaIm;

    /** The populations and nearest-neighbour coherences of one solution C. */
    public record Solution(double[] populations, double[] coherenceRe, double[] coherenceIm, double maxImagPopulation) {
    }

    /**
     * As {@link #DiagonalLyapunov(double[], double[], double[], Parallelism)} on {@link Parallelism#available()}.
     */
    public DiagonalLyapunov(double[] omega, double[] coupling, double[] damping) {
        this(omega, coupling, damping, Parallelism.available());
    }

    /**
     * Decomposes X for the given chain parameters (the arrays are copied).
     *
     * @param omega       diagonal of h, length N
     * @param coupling    off-diagonal of h, length N - 1, all nonzero
     * @param damping     {@code Gamma_k >= 0}, length N
     * @param parallelism the threads of the construction and of every later {@link #apply} and {@link #response}
     * @throws SolverException if a mode of X is undamped ({@code Re lambda >= 0}: the steady state is not unique)
     */
    public DiagonalLyapunov(double[] omega, double[] coupling, double[] damping, Parallelism parallelism) {
        n = omega.length;
        this.parallelism = parallelism;
        this.omega = omega.clone();
        this.coupling = coupling.clone();
        this.damping = damping.clone();
        // Split off the uniform part mu = min Gamma / 2 of the damping: X = X0 - mu I with the same eigenvectors.
        // The eigen-decomposition then works at the scale of X0 (eps ||X0||), not of a large uniform dephasing,
        // which at d = 1000 would cost three digits in the eigenvectors.
        double mu = Double.POSITIVE_INFINITY;
        for (double x : damping) {
            mu = Math.min(mu, x / 2);
        }
        double[] dr = new double[n];
        double[] offRe = new double[Math.max(n - 1, 0)];
        double scale = 0;
        for (int k = 0; k < n; k++) {
            dr[k] = -(damping[k] / 2 - mu);
            scale = Math.max(scale, Math.abs(omega[k]) + Math.abs(dr[k]));
        }
        for (double g : coupling) {
            scale = Math.max(scale, Math.abs(g));
        }
        eig = new ComplexSymmetricTridiagonalEigen(dr, this.omega, offRe, this.coupling, parallelism);
        lambdaRe = new double[n];
        lambdaIm = new double[n];
        for (int m = 0; m < n; m++) {
            lambdaRe[m] = eig.lambdaRe(m) - mu;
            lambdaIm[m] = eig.lambdaIm(m);
            // Rounding errors of the solution grow like eps ||X0|| / (decay rate): below 1e-10 ||X0|| fewer than six
            // digits would survive, and at 0 the mode is dark (the steady state is not unique).
            if (!(lambdaRe[m] < -MIN_RELATIVE_DECAY * scale)) {
                throw new UndampedMode("correlation: mode " + (m + 1) + " of " + n + " is practically undamped (decay rate "
                        + (-lambdaRe[m]) + " against rates of order " + scale + "): a state (nearly) decoupled from the"
                        + " baths, e.g. an Anderson-localised mode far from both baths without dephasing, so the steady"
                        + " state is not resolvable in double precision or not unique; add dephasing or shorten the chain");
            }
        }
    }

    int size() {
        return n;
    }

    /** The eigen-decomposition of X0 = X + mu I (same eigenvectors, eigenvalues shifted by mu). */
    public ComplexSymmetricTridiagonalEigen eigen() {
        return eig;
    }

    /** The smallest decay rate -Re lambda_m of X. */
    public double slowestDecay() {
        double s = Double.POSITIVE_INFINITY;
        for (int m = 0; m < n; m++) {
            s = Math.min(s, -lambdaRe[m]);
        }
        return s;
    }

    /** C for the source s (length N, only read): its diagonal and first off-diagonal C_{k,k+1}. O(N^2). */
    public Solution apply(double[] s) {
        double[][] acc = new double[CHUNKS][];
        parallelism.forEach(0, CHUNKS, chunk -> {
            double[] a = new double[4 * n]; // c re, c im, C_{k,k+1} re, C_{k,k+1} im
            double[] yr = new double[n];
            double[] yi = new double[n];
            double[] pr = new double[n];
            double[] pi = new double[n];
            double[] t = new double[2];
            for (int m = chunk; m < n; m += CHUNKS) {
                double[] vr = eig.vectorRe(m);
                double[] vi = eig.vectorIm(m);
                for (int k = 0; k < n; k++) {
                    yr[k] = vr[k] * s[k];
                    yi[k] = vi[k] * s[k];
                }
                solveShifted(m, yr, yi, pr, pi, t);
                for (int k = 0; k < n; k++) {
                    // c_k -= V_km x_k ; C_{k,k+1} -= V_km x_{k+1}
                    a[k] -= vr[k] * yr[k] - vi[k] * yi[k];
                    a[n + k] -= vr[k] * yi[k] + vi[k] * yr[k];
                    if (k + 1 < n) {
                        a[2 * n + k] -= vr[k] * yr[k + 1] - vi[k] * yi[k + 1];
                        a[3 * n + k] -= vr[k] * yi[k + 1] + vi[k] * yr[k + 1];
                    }
                }
            }
            acc[chunk] = a;
        });
        double[] sum = new double[4 * n];
        for (double[] a : acc) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += a[i];
            }
        }
        double[] c = new double[n];
        double[] cr = new double[Math.max(n - 1, 0)];
        double[] ci = new double[Math.max(n - 1, 0)];
        double imag = 0;
        for (int k = 0; k < n; k++) {
            c[k] = sum[k];
            imag = Math.max(imag, Math.abs(sum[n + k]));
            if (k + 1 < n) {
                cr[k] = sum[2 * n + k];
                ci[k] = sum[3 * n + k];
            }
        }
        return new Solution(c, cr, ci, imag);
    }

    /**
     * Overwrites y with (lambda_m + conj X)^{-1} y by tridiagonal elimination without pivoting;
     * pr/pi receive the forward pivots.
     */
    private void solveShifted(int m, double[] yr, double[] yi, double[] pr, double[] pi, double[] t) {
        double lr = lambdaRe[m];
        double li = lambdaIm[m];
        // a_k = lambda_m + conj(X_kk) = (lr - Gamma_k/2) + i (li - omega_k); beta_k = conj(i g_k) = -i g_k, beta^2 = -g^2.
        for (int k = 0; k < n; k++) {
            double dr = lr - damping[k] / 2;
            double di = li - omega[k];
            if (k > 0) {
                double g2 = coupling[k - 1] * coupling[k - 1];
                // D_k = a_k - beta^2 / D_{k-1} = a_k + g^2 / D_{k-1}
                ComplexSymmetricTridiagonalEigen.div(g2, 0, pr[k - 1], pi[k - 1], t);
                dr += t[0];
                di += t[1];
                // y_k -= (beta_{k-1} / D_{k-1}) y_{k-1}, beta = -i g
                ComplexSymmetricTridiagonalEigen.div(yr[k - 1], yi[k - 1], pr[k - 1], pi[k - 1], t);
                double g = coupling[k - 1];
                // -(-i g)(t) = i g t
                yr[k] -= g * t[1];
                yi[k] += g * t[0];
            }
            pr[k] = dr;
            pi[k] = di;
        }
        ComplexSymmetricTridiagonalEigen.div(yr[n - 1], yi[n - 1], pr[n - 1], pi[n - 1], t);
        yr[n - 1] = t[0];
        yi[n - 1] = t[1];
        for (int k = n - 2; k >= 0; k--) {
            // x_k = (y_k - beta_k x_{k+1}) / D_k = (y_k + i g x_{k+1}) / D_k
            double g = coupling[k];
            double nr = yr[k] - g * yi[k + 1];
            double ni = yi[k] + g * yr[k + 1];
            ComplexSymmetricTridiagonalEigen.div(nr, ni, pr[k], pi[k], t);
            yr[k] = t[0];
            yi[k] = t[1];
        }
    }

    /**
     * The population response A_pq = [Lyap^{-1}(-e_j e_j^T)]_kk for k = sites[p], j = sites[q]: the populations
     * produced by a unit source on each listed site. Real and symmetric; O(N |sites|^2).
     *
     * @param sites strictly increasing site indices (only read)
     * @return a new |sites| x |sites| matrix
     */
    public double[][] response(int[] sites) {
        int ns = sites.length;
        // Tiles of consecutive list positions, at most TILE entries spanning fewer than TILE sites.
        int[] tileStart = new int[ns + 1];
        int tiles = 0;
        for (int p = 0; p < ns; p++) {
            if (p == 0 || p - tileStart[tiles - 1] >= TILE || sites[p] - sites[tileStart[tiles - 1]] >= TILE) {
                tileStart[tiles++] = p;
            }
        }
        tileStart[tiles] = ns;
        final int nTiles = tiles;
        int[] tileOf = new int[ns];
        for (int t = 0; t < nTiles; t++) {
            for (int p = tileStart[t]; p < tileStart[t + 1]; p++) {
                tileOf[p] = t;
            }
        }
        // Per eigenvalue m (column m): P_pm = V_km L_a/L_k, Q_qm = V_jm G_jj L_j/L_a (a = anchor of the tile),
        // and the anchors L_a as mantissa (re, im) and binary exponent.
        double[][] pRe = new double[ns][n];
        double[][] pIm = new double[ns][n];
        double[][] qRe = new double[ns][n];
        double[][] qIm = new double[ns][n];
        double[][] anRe = new double[nTiles][n];
        double[][] anIm = new double[nTiles][n];
        int[][] anExp = new int[nTiles][n];
        parallelism.forEach(0, CHUNKS, chunk -> {
            double[] fr = new double[n];
            double[] fi = new double[n];
            double[] br = new double[n];
            double[] bi = new double[n];
            double[] lRe = new double[n];
            double[] lIm = new double[n];
            int[] lExp = new int[n];
            double[] t = new double[2];
            for (int m = chunk; m < n; m += CHUNKS) {
                columns(m, sites, nTiles, tileStart, tileOf, fr, fi, br, bi, lRe, lIm, lExp, t,
                        pRe, pIm, qRe, qIm, anRe, anIm, anExp);
            }
        });
        double[][] a = new double[ns][ns];
        // Tile rows t paired with nTiles-1-t so the two halves of the upper triangle have equal work.
        int half = (nTiles + 1) / 2;
        parallelism.forEach(0, half, i -> {
            double[][] sr = new double[TILE][n];
            double[][] si = new double[TILE][n];
            double[] fRe = new double[n];
            double[] fIm = new double[n];
            tileRow(i, nTiles, tileStart, pRe, pIm, qRe, qIm, anRe, anIm, anExp, sr, si, fRe, fIm, a);
            int j = nTiles - 1 - i;
            if (j != i) {
                tileRow(j, nTiles, tileStart, pRe, pIm, qRe, qIm, anRe, anIm, anExp, sr, si, fRe, fIm, a);
            }
        });
        for (int p = 0; p < ns; p++) {
            for (int q = 0; q < p; q++) {
                a[p][q] = a[q][p];
            }
        }
        return a;
    }

    /** Fills column m of P, Q and the anchors. */
    private void columns(int m, int[] sites, int nTiles, int[] tileStart, int[] tileOf, double[] fr, double[] fi,
                         double[] br, double[] bi, double[] lRe, double[] lIm, int[] lExp, double[] t,
                         double[][] pRe, double[][] pIm, double[][] qRe, double[][] qIm,
                         double[][] anRe, double[][] anIm, int[][] anExp) {
        double lr = lambdaRe[m];
        double li = lambdaIm[m];
        // Forward pivots D_k and backward pivots E_k of lambda_m + conj X (beta^2 = -g^2).
        for (int k = 0; k < n; k++) {
            double dr = lr - damping[k] / 2;
            double di = li - omega[k];
            if (k > 0) {
                double g2 = coupling[k - 1] * coupling[k - 1];
                ComplexSymmetricTridiagonalEigen.div(g2, 0, fr[k - 1], fi[k - 1], t);
                dr += t[0];
                di += t[1];
            }
            fr[k] = dr;
            fi[k] = di;
        }
        for (int k = n - 1; k >= 0; k--) {
            double dr = lr - damping[k] / 2;
            double di = li - omega[k];
            if (k < n - 1) {
                double g2 = coupling[k] * coupling[k];
                ComplexSymmetricTridiagonalEigen.div(g2, 0, br[k + 1], bi[k + 1], t);
                dr += t[0];
                di += t[1];
            }
            br[k] = dr;
            bi[k] = di;
        }
        // L_0 = 1, L_{k+1} = L_k rho_k, rho_k = -beta_k / D_k = i g_k / D_k; mantissa in [1/2, 2) times 2^exp.
        lRe[0] = 1;
        lIm[0] = 0;
        lExp[0] = 0;
        for (int k = 0; k + 1 < n; k++) {
            ComplexSymmetricTridiagonalEigen.div(0, coupling[k], fr[k], fi[k], t);
            double xr = lRe[k] * t[0] - lIm[k] * t[1];
            double xi = lRe[k] * t[1] + lIm[k] * t[0];
            int e = Math.getExponent(Math.max(Math.abs(xr), Math.abs(xi)));
            if (e < Double.MIN_EXPONENT) {
                throw new SolverException("correlation: a Green function ratio underflowed at site " + (k + 2)
                        + " (coupling too weak against the damping)");
            }
            lRe[k + 1] = Math.scalb(xr, -e);
            lIm[k + 1] = Math.scalb(xi, -e);
            lExp[k + 1] = lExp[k] + e;
        }
        double[] vr = eig.vectorRe(m);
        double[] vi = eig.vectorIm(m);
        for (int tile = 0; tile < nTiles; tile++) {
            int anchor = sites[tileStart[tile]];
            anRe[tile][m] = lRe[anchor];
            anIm[tile][m] = lIm[anchor];
            anExp[tile][m] = lExp[anchor];
        }
        for (int p = 0; p < sites.length; p++) {
            int k = sites[p];
            int anchor = sites[tileStart[tileOf[p]]];
            // ratio L_a / L_k
            ComplexSymmetricTridiagonalEigen.div(lRe[anchor], lIm[anchor], lRe[k], lIm[k], t);
            int de = lExp[anchor] - lExp[k];
            double ur = Math.scalb(t[0], de);
            double ui = Math.scalb(t[1], de);
            pRe[p][m] = flush(vr[k] * ur - vi[k] * ui);
            pIm[p][m] = flush(vr[k] * ui + vi[k] * ur);
            // G_kk = 1 / (D_k + E_k - a_k)
            double gr = fr[k] + br[k] - (lr - damping[k] / 2);
            double gi = fi[k] + bi[k] - (li - omega[k]);
            ComplexSymmetricTridiagonalEigen.div(1, 0, gr, gi, t);
            double ggr = t[0];
            double ggi = t[1];
            // ratio L_k / L_a
            ComplexSymmetricTridiagonalEigen.div(lRe[k], lIm[k], lRe[anchor], lIm[anchor], t);
            double wr = Math.scalb(t[0], -de);
            double wi = Math.scalb(t[1], -de);
            double xr = ggr * wr - ggi * wi;
            double xi = ggr * wi + ggi * wr;
            qRe[p][m] = flush(vr[k] * xr - vi[k] * xi);
            qIm[p][m] = flush(vr[k] * xi + vi[k] * xr);
        }
    }

    private static double flush(double x) {
        return Math.abs(x) < 0x1p-1000 ? 0 : x;
    }

    /** Entries a[p][q], p in tile t, q >= p in tiles u >= t. */
    private void tileRow(int t, int nTiles, int[] tileStart, double[][] pRe, double[][] pIm,
                         double[][] qRe, double[][] qIm, double[][] anRe, double[][] anIm, int[][] anExp,
                         double[][] sr, double[][] si, double[] fRe, double[] fIm, double[][] a) {
        double[] tmp = new double[2];
        for (int u = t; u < nTiles; u++) {
            // F_m = L_{a_u} / L_{a_t}
            boolean any = false;
            for (int m = 0; m < n; m++) {
                int de = anExp[u][m] - anExp[t][m];
                if (de < FLUSH_EXPONENT) {
                    fRe[m] = 0;
                    fIm[m] = 0;
                    continue;
                }
                ComplexSymmetricTridiagonalEigen.div(anRe[u][m], anIm[u][m], anRe[t][m], anIm[t][m], tmp);
                fRe[m] = Math.scalb(tmp[0], de);
                fIm[m] = Math.scalb(tmp[1], de);
                any = true;
            }
            if (!any) {
                continue; // every mode has decayed by 2^-600 between the two tiles
            }
            int q0 = tileStart[u];
            int q1 = tileStart[u + 1];
            for (int q = q0; q < q1; q++) {
                double[] qr = qRe[q];
                double[] qi = qIm[q];
                double[] outR = sr[q - q0];
                double[] outI = si[q - q0];
                for (int m = 0; m < n; m++) {
                    outR[m] = flush(qr[m] * fRe[m] - qi[m] * fIm[m]);
                    outI[m] = flush(qr[m] * fIm[m] + qi[m] * fRe[m]);
                }
            }
            int p0 = tileStart[t];
            int p1 = tileStart[t + 1];
            // The whole block, also below the diagonal of a diagonal tile: those entries are overwritten by the
            // mirror step, and a uniform block keeps the kernel simple.
            int p = p0;
            for (; p + 1 < p1; p += 2) {
                int q = q0;
                for (; q + 1 < q1; q += 2) {
                    kernel2x2(pRe[p], pIm[p], pRe[p + 1], pIm[p + 1], sr[q - q0], si[q - q0], sr[q + 1 - q0],
                            si[q + 1 - q0], a, p, q);
                }
                if (q < q1) {
                    a[p][q] = -dot(pRe[p], pIm[p], sr[q - q0], si[q - q0]);
                    a[p + 1][q] = -dot(pRe[p + 1], pIm[p + 1], sr[q - q0], si[q - q0]);
                }
            }
            if (p < p1) {
                for (int q = q0; q < q1; q++) {
                    a[p][q] = -dot(pRe[p], pIm[p], sr[q - q0], si[q - q0]);
                }
            }
        }
    }

    /** Re sum_m x_m y_m for complex x, y. */
    private double dot(double[] xr, double[] xi, double[] yr, double[] yi) {
        double s = 0;
        for (int m = 0; m < n; m++) {
            s += xr[m] * yr[m] - xi[m] * yi[m];
        }
        return s;
    }

    /**
     * a[p..p+1][q..q+1] = -Re sum_m x_m y_m: a 2 x 2 register block, 8 loads for 8 multiply-adds (a hand-written
     * kernel: EJML has no real-part-of-complex product, and this loop is the O(N^3) part).
     */
    private void kernel2x2(double[] x0r, double[] x0i, double[] x1r, double[] x1i, double[] y0r, double[] y0i,
                           double[] y1r, double[] y1i, double[][] a, int p, int q) {
        double s00 = 0;
        double s01 = 0;
        double s10 = 0;
        double s11 = 0;
        for (int m = 0; m < n; m++) {
            double ar = x0r[m];
            double ai = x0i[m];
            double br = x1r[m];
            double bi = x1i[m];
            double cr = y0r[m];
            double ci = y0i[m];
            double dr = y1r[m];
            double di = y1i[m];
            s00 += ar * cr - ai * ci;
            s01 += ar * dr - ai * di;
            s10 += br * cr - bi * ci;
            s11 += br * dr - bi * di;
        }
        a[p][q] = -s00;
        a[p][q + 1] = -s01;
        a[p + 1][q] = -s10;
        a[p + 1][q + 1] = -s11;
    }

    /**
     * A mode of X that is (practically) undamped: a property of the model (a state decoupled from the baths), so
     * callers may refuse the model rather than report a numerical failure.
     */
    public static final class UndampedMode extends SolverException {
        private static final long serialVersionUID = 1L;

        /** @param message what is undamped and what to do */
        public UndampedMode(String message) {
            super(message);
        }
    }
}
