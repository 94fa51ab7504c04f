package org.qtraj.model;

import org.qtraj.errors.InvalidInputException;

/**
 * The relaxation-time estimates from which every default trajectory length follows (the one home of those
 * defaults): a trajectory is burnt in for {@value #BURN_IN} t_relax and runs to {@value #TOTAL} t_relax.
 *
 * <p><b>Quantum chain</b> ({@link #quantum}): t_relax = N R with the series "resistance" of the closed form
 * (PHYSICS.md), R = 1/gamma_left + 1/gamma_right + sum_b kappa_b / (2 g_b^2), kappa_b the decay rate of the
 * coherence on bond b ((d_b + d_{b+1})/2 plus gamma_j/2 for a bath on either end): the time one excitation needs
 * to cross the chain, times the number of sites to fill. Checked against the spectral gap of the Liouvillian
 * (QuTiP, uniform chains, T_1 = 1, T_N = 0): gap * t_relax is 4.3 / 6.0 / 12.0 at N = 2 (dephasing 0 / 0.5 / 5),
 * 3.5 / 5.6 / 10.3 at N = 4, 2.5 at N = 5 without dephasing; it falls with N for the ballistic (dephasing-free)
 * chain, so for long clean chains the default burn-in is shorter in units of the true relaxation time. With
 * t_burn = 2 t_relax the transient left for the cases above is at most e^-5 of its initial size.
 *
 * <p><b>Quantum network</b> (not a chain, at most {@value #NETWORK_SITES} sites): the same picture with the bonds in
 * parallel where the graph has them: a resistor network with conductance 2 g_b^2 / kappa_b on each bond and
 * gamma_j from each bath's site to a common ground; t_relax = N max_k R_k, R_k the effective resistance from site k
 * to ground ((M^-1)_kk of the weighted Laplacian M with the bath conductances on its diagonal), times 4 (for a chain
 * with a bath at each end max R_k is a quarter of the series R: the factor keeps the chain's calibration). Checked on
 * FMO (dephasing 100 cm^-1, pump and trap): t_relax = 3.4 against the exact relaxation from the empty state, which
 * has fallen to 1e-4 of its size by t = 8 (transient e^-1 per 0.8). Summing the bonds in
 * series instead would count a weak bond of a complete graph (FMO's 0.7 cm^-1 between sites 2 and 5) as a bottleneck
 * (28 times too long a default window for FMO). Larger networks use the series sum.
 *
 * <p><b>Classical exclusion process</b> ({@link #classical}): t_relax = N (1/gamma_left + 1/gamma_right +
 * (N - 1)/V_min), the series resistance of the rate equations times N (a diffusive crossing time).
 *
 * <p>Stateless and thread-safe.
 */
public final class RelaxationTimes {
    /** Largest network whose relaxation time is its effective resistance (an O(N^3) solve); beyond, the series sum. */
    public static final int NETWORK_SITES = 200;

    /** Default burn-in, in relaxation times. */
    public static final int BURN_IN = 2;
    /** Default trajectory length, in relaxation times. */
    public static final int TOTAL = 12;

    private RelaxationTimes() {
    }

    /**
     * t_relax of the quantum chain (class comment).
     *
     * @throws InvalidInputException naming {@code t_total} if both baths are off or a bond has zero coupling (no
     *                               finite default: the times must be given)
     */
    public static double quantum(Chain chain) {
        int n = chain.sites();
        double resistance = 0;
        Bath[] baths = chain.baths();
        double[] bathGamma = new double[baths.length];
        boolean anyBath = false;
        for (int j = 0; j < baths.length; j++) {
            bathGamma[j] = baths[j].gamma(chain.bathOmega(baths[j]));
            if (bathGamma[j] > 0) {
                resistance += 1 / bathGamma[j];
                anyBath = true;
            }
        }
        if (!anyBath) {
            throw new InvalidInputException("t_total", "no default without a coupled bath: give t_total and t_burn");
        }
        if (!chain.isChain() && n <= NETWORK_SITES) {
            // 4: on a chain with a bath at each end the largest R_k (the middle site, two halves in parallel) is a
            // quarter of the series R, so 4 N max R_k keeps the chain's calibration (gap * t_relax >= 2.5)
            return finite(4 * n * networkResistance(chain, baths, bathGamma));
        }
        for (int b = 0; b < chain.bonds(); b++) {
            double g = chain.coupling(b);
            if (g == 0) {
                throw new InvalidInputException("t_total", "no default for a chain with an uncoupled bond (" + (b + 1)
                        + "): give t_total and t_burn");
            }
            resistance += bondDecay(chain, b, baths, bathGamma) / (2 * g * g);
        }
        return finite(n * resistance);
    }

    /** kappa_b: the decay rate of the coherence on bond b, the mean dephasing of its ends plus gamma_j/2 per bath there. */
    private static double bondDecay(Chain chain, int b, Bath[] baths, double[] bathGamma) {
        int from = chain.bondFrom(b);
        int to = chain.bondTo(b);
        double kappa = 0.5 * (chain.dephasing(from) + chain.dephasing(to));
        for (int j = 0; j < baths.length; j++) {
            int k = baths[j].site();
            if (k == from || k == to) {
                kappa += 0.5 * bathGamma[j];
            }
        }
        return kappa;
    }

    /** max_k (M^-1)_kk for the resistor network of the class comment, by Gaussian elimination with pivoting. */
    private static double networkResistance(Chain chain, Bath[] baths, double[] bathGamma) {
        int n = chain.sites();
        double[][] m = new double[n][n];
        for (int j = 0; j < baths.length; j++) {
            m[baths[j].site()][baths[j].site()] += bathGamma[j];
        }
        double scale = 0;
        for (double g : bathGamma) {
            scale += g;
        }
        for (int b = 0; b < chain.bonds(); b++) {
            double g = chain.coupling(b);
            if (g == 0) {
                continue;
            }
            int from = chain.bondFrom(b);
            int to = chain.bondTo(b);
            double kappa = bondDecay(chain, b, baths, bathGamma);
            // a coherence that does not decay conducts without resistance: a conductance far above the others
            double c = 2 * g * g / Math.max(kappa, 1e-12 * (scale + Math.abs(g)));
            m[from][from] += c;
            m[to][to] += c;
            m[from][to] -= c;
            m[to][from] -= c;
        }
        double[][] inv = new double[n][n];
        for (int k = 0; k < n; k++) {
            inv[k][k] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(m[pivot][col]) > 0)) {
                throw new InvalidInputException("t_total", "no default for a network with a part that no coupled bath"
                        + " reaches: give t_total and t_burn");
            }
            double[] t = m[col];
            m[col] = m[pivot];
            m[pivot] = t;
            t = inv[col];
            inv[col] = inv[pivot];
            inv[pivot] = t;
            for (int r = 0; r < n; r++) {
                if (r != col && m[r][col] != 0) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c < n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                    for (int c = 0; c < n; c++) {
                        inv[r][c] -= f * inv[col][c];
                    }
                }
            }
        }
        double worst = 0;
        for (int k = 0; k < n; k++) {
            worst = Math.max(worst, inv[k][k] / m[k][k]);
        }
        return worst;
    }

    /** t_relax if finite; a coupling near zero can make N R overflow, and then there is no default. */
    private static double finite(double tRelax) {
        if (!Double.isFinite(tRelax)) {
            throw new InvalidInputException("t_total", "no default: the relaxation time overflows (a coupling or hopping"
                    + " rate near 0 beside large rates); give t_total and t_burn");
        }
        return tRelax;
    }

    /**
     * t_relax of the classical exclusion process (class comment).
     *
     * @throws InvalidInputException naming {@code t_total} without a coupled bath or with a zero hopping rate
     */
    public static double classical(Chain chain) {
        double r = 0;
        for (Bath b : chain.baths()) {
            double g = b.gamma(chain.bathOmega(b));
            if (g > 0) {
                r += 1 / g;
            }
        }
        double vMin = Double.POSITIVE_INFINITY;
        for (int b = 0; b < chain.bonds(); b++) {
            vMin = Math.min(vMin, chain.hopping(b));
        }
        if (r == 0 || !(vMin > 0)) {
            throw new InvalidInputException("t_total", "no default without a coupled bath and nonzero hopping: give t_total and t_burn");
        }
        return finite(chain.sites() * (r + (chain.sites() - 1) / vMin));
    }
}
