package org.qtraj.exact.relaxation;

import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.NotApplicableException;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Exact relaxation of an XX chain (D = 0) with its baths on the end sites, from a basis state, at any N: the
 * two-point function G_ij(t) = &lt;c_i^+ c_j&gt; of the Jordan-Wigner fermions obeys the closed linear equation
 * (PHYSICS.md, "Free-fermion structure")
 *
 * <pre>
 *   dG/dt = A G + G A^+ + diag(gamma_k G_kk) + Gamma^+,   A = i h - (Gamma + diag(gamma)) / 2,
 * </pre>
 *
 * with h the one-body Hamiltonian (omega_k on the diagonal, g_b on bonds b, b+1), Gamma = diag(G_j (2 nbar_j + 1)) and
 * Gamma^+ = diag(G_j nbar_j) on the bath sites, and gamma_k the dephasing rates (jump sqrt(gamma_k) n_k damps G_ij,
 * i != j, at (gamma_i + gamma_j)/2 and leaves the diagonal alone). The populations are n_k(t) = G_kk(t); a basis state
 * gives G(0) = diag(occupations). A bath on an inner site is refused: its Jordan-Wigner string makes the equation
 * for G involve four-point functions.
 *
 * <p>The equation is integrated by Taylor series of the affine map (terms T_1 = L(G) + Gamma^+, T_{m+1} = L(T_m))
 * in steps tau with tau ||L|| &lt;= 1/2, cut at every sample time, each series summed until its term is below
 * {@code tolerance} times max(1, max|G|). Cost O(N^2) per term, memory a few N x N matrices. Stateless.
 */
public final class FreeFermionRelaxation {
    /** Most sites (six N x N arrays of doubles: 192 MB at N = 2000; the time is O(N^2) per Taylor term). */
    public static final int MAX_SITES = 2000;
    private static final int MAX_TERMS = 200;

    private FreeFermionRelaxation() {
    }

    /** Why the method does not apply to {@code chain}, or null if it does. */
    public static String refusal(Chain chain) {
        if (!chain.isChain()) {
            return "the free-fermion relaxation needs a chain, not a network";
        }
        if (!chain.isTwoBathChain()) {
            return "the free-fermion relaxation needs the two baths of a chain";
        }
        if (!chain.isXX()) {
            return "the free-fermion relaxation needs D = 0 on every bond";
        }
        for (Bath b : chain.baths()) {
            if (b.site() != 0 && b.site() != chain.sites() - 1) {
                return "the free-fermion relaxation needs the baths on end sites (an inner bath's string couples "
                        + "four-point functions), got site " + (b.site() + 1);
            }
        }
        if (chain.sites() > MAX_SITES) {
            return "the free-fermion relaxation handles at most " + MAX_SITES + " sites";
        }
        return null;
    }

    /**
     * The populations n_k(t_j) from the basis state {@code initial}: result[j][k].
     *
     * @param chain     an XX chain with end baths ({@link #refusal} null)
     * @param initial   occupations at t = 0, site 1 first, length N
     * @param times     sample times, >= 0 and non-decreasing
     * @param tolerance truncation of each Taylor series, relative, in [1e-15, 1e-3]
     * @throws NotApplicableException when {@link #refusal} is not null
     * @throws InvalidInputException  naming "initial_state" for a wrong length, "times" for unsorted or negative
     *                                times, "tolerance" out of range
     */
    public static double[][] populations(Chain chain, boolean[] initial, double[] times, double tolerance) {
        String why = refusal(chain);
        if (why != null) {
            throw new NotApplicableException("free-fermion relaxation", why);
        }
        int n = chain.sites();
        if (initial.length != n) {
            throw new InvalidInputException("initial_state", "must give " + n + " occupations, got " + initial.length);
        }
        if (!(tolerance >= 1e-15 && tolerance <= 1e-3)) {
            throw new InvalidInputException("tolerance", "must be in [1e-15, 1e-3], got " + tolerance);
        }
        double prev = 0;
        for (double t : times) {
            if (!(t >= prev) || !Double.isFinite(t)) {
                throw new InvalidInputException("times", "must be finite, >= 0 and non-decreasing");
            }
            prev = t;
        }
        // A = i h - (Gamma + gamma)/2: diagonal dRe + i omega, off-diagonal i g
        double[] omega = new double[n];
        double[] dRe = new double[n];
        double[] deph = new double[n];
        double[] gain = new double[n];
        double[] g = new double[Math.max(n - 1, 0)];
        for (int k = 0; k < n; k++) {
            omega[k] = chain.omega(k);
            deph[k] = chain.dephasing(k);
            dRe[k] = -0.5 * deph[k];
        }
        for (int b = 0; b < n - 1; b++) {
            g[b] = chain.coupling(b);
        }
        for (Bath bath : chain.baths()) {
            double w = chain.bathOmega(bath);
            dRe[bath.site()] -= 0.5 * (bath.emissionRate(w) + bath.absorptionRate(w));
            gain[bath.site()] += bath.absorptionRate(w);
        }
        // ||L|| <= 2 max_i (|A_ii| + sum_j |A_ij|) + max gamma (row sums of the two products and the diagonal term)
        double rowMax = 0;
        double dephMax = 0;
        for (int k = 0; k < n; k++) {
            double row = Math.hypot(omega[k], dRe[k]) + (k > 0 ? Math.abs(g[k - 1]) : 0) + (k < n - 1 ? Math.abs(g[k]) : 0);
            rowMax = Math.max(rowMax, row);
            dephMax = Math.max(dephMax, deph[k]);
        }
        double norm = 2 * rowMax + dephMax;
        double maxStep = norm > 0 ? 0.5 / norm : Double.POSITIVE_INFINITY;
        Work w = new Work(n, omega, dRe, deph, gain, g);
        for (int k = 0; k < n; k++) {
            w.gRe[k * n + k] = initial[k] ? 1 : 0;
        }
        double[][] out = new double[times.length][n];
        double now = 0;
        for (int j = 0; j < times.length; j++) {
            while (now < times[j]) {
                double tau = Math.min(maxStep, times[j] - now);
                w.step(tau, tolerance);
                now = tau == times[j] - now ? times[j] : now + tau;
            }
            for (int k = 0; k < n; k++) {
                out[j][k] = w.gRe[k * n + k];
            }
        }
        return out;
    }

    /** The state G and the work matrices of one integration (row-major N x N, real and imaginary parts). */
    private static final class Work {
        final int n;
        final double[] omega;
        final double[] dRe;
        final double[] deph;
        final double[] gain;
        final double[] g;
        final double[] gRe;
        final double[] gIm;
        double[] tRe;
        double[] tIm;
        double[] uRe;
        double[] uIm;

        Work(int n, double[] omega, double[] dRe, double[] deph, double[] gain, double[] g) {
            this.n = n;
            this.omega = omega;
            this.dRe = dRe;
            this.deph = deph;
            this.gain = gain;
            this.g = g;
            gRe = new double[n * n];
            gIm = new double[n * n];
            tRe = new double[n * n];
            tIm = new double[n * n];
            uRe = new double[n * n];
            uIm = new double[n * n];
        }

        /** G := G + sum_m tau^m/m! T_m, the Taylor series of the affine flow over tau. */
        void step(double tau, double tolerance) {
            apply(gRe, gIm, tRe, tIm);
            for (int k = 0; k < n; k++) {
                tRe[k * n + k] += gain[k];
            }
            double scale = Math.max(1, maxAbs(gRe, gIm));
            double c = 1;
            for (int m = 1; m <= MAX_TERMS; m++) {
                c *= tau / m;
                for (int i = 0; i < n * n; i++) {
                    gRe[i] += c * tRe[i];
                    gIm[i] += c * tIm[i];
                }
                double size = c * maxAbs(tRe, tIm);
                if (size <= tolerance * scale) {
                    return;
                }
                apply(tRe, tIm, uRe, uIm);
                double[] s = tRe;
                tRe = uRe;
                uRe = s;
                s = tIm;
                tIm = uIm;
                uIm = s;
            }
            throw new IllegalStateException("Taylor series did not converge in " + MAX_TERMS + " terms");
        }

        private static double maxAbs(double[] re, double[] im) {
            double m = 0;
            for (int i = 0; i < re.length; i++) {
                m = Math.max(m, Math.max(Math.abs(re[i]), Math.abs(im[i])));
            }
            return m;
        }

        /** (oRe, oIm) = A X + X A^+ + diag(gamma_k X_kk), A tridiagonal. */
        private void apply(double[] xRe, double[] xIm, double[] oRe, double[] oIm) {
            for (int i = 0; i < n; i++) {
                int r = i * n;
                for (int j = 0; j < n; j++) {
                    // (A X)_ij = (dRe_i + i omega_i) X_ij + i g_{i-1} X_{i-1,j} + i g_i X_{i+1,j}
                    // (X A^+)_ij = X_ij (dRe_j - i omega_j) - i g_{j-1} X_{i,j-1} - i g_j X_{i,j+1}
                    double xr = xRe[r + j];
                    double xi = xIm[r + j];
                    double d = dRe[i] + dRe[j];
                    double w = omega[i] - omega[j];
                    double sr = d * xr - w * xi;
                    double si = d * xi + w * xr;
                    // hopping: i * (sum of neighbours in the row index) - i * (sum in the column index)
                    double hr = 0;
                    double hi = 0;
                    if (i > 0) {
                        hr += g[i - 1] * xRe[r - n + j];
                        hi += g[i - 1] * xIm[r - n + j];
                    }
                    if (i < n - 1) {
                        hr += g[i] * xRe[r + n + j];
                        hi += g[i] * xIm[r + n + j];
                    }
                    if (j > 0) {
                        hr -= g[j - 1] * xRe[r + j - 1];
                        hi -= g[j - 1] * xIm[r + j - 1];
                    }
                    if (j < n - 1) {
                        hr -= g[j] * xRe[r + j + 1];
                        hi -= g[j] * xIm[r + j + 1];
                    }
                    // multiply (hr + i hi) by i
                    oRe[r + j] = sr - hi;
                    oIm[r + j] = si + hr;
                }
                oRe[r + i] += deph[i] * xRe[r + i];
                oIm[r + i] += deph[i] * xIm[r + i];
            }
        }
    }
}
