package org.qtraj.exact.counting;

import org.qtraj.errors.InvalidInputException;

/**
 * Scaled cumulants {@code kappa_k = lim <<N^k>>/t} of a counted current, from the recursion of Flindt, Novotny, Braggio
 * and Jauho, PRB 82, 155407 (2010), as written in PHYSICS.md "Current fluctuations":
 * <pre>
 *   kappa_k = tr sum_{j=1..k} C(k,j) L^(j) rho^(k-j),
 *   L_0 rho^(k) = sum_{j=1..k} C(k,j) (kappa_j - L^(j)) rho^(k-j),   tr rho^(k) = 0,  rho^(0) = rho_ss,
 * </pre>
 * i.e. Rayleigh-Schroedinger perturbation theory for the leading eigenvalue of the tilted generator, with the
 * pseudo-inverse of L_0 on the complement of the steady state given by the pinned solve. One linear solve per
 * order beyond the steady state; no eigensolver. Stateless and thread-safe (as the generator is).
 */
public final class Cumulants {
    /**
     * Highest order computed: 10. Each order costs one more pinned solve, and its rounding error grows with it:
     * kappa_k sums C(k, j) L^(j) rho^(k-j) terms that cancel (C(10, 5) = 252) on top of the GMRES tolerance carried
     * through k solves, and kappa_k itself grows like k!/R^k (R the distance from s = 0 to the nearest singularity
     * of theta(s)). Measured against Chebyshev derivatives of the dense leading eigenvalue (N = 2, 3 quantum,
     * N = 2..5 classical; HigherCumulantsTest) the relative differences are below 5e-8 up to order 5, 6e-6 up to
     * order 8 and 1e-4 at orders 9 and 10, where the dense reference's own rounding (eigenvalue noise / h^k) is the
     * limit: past 10 nothing here could check the digits.
     */
    public static final int MAX_ORDER = 10;

    private Cumulants() {
    }

    /**
     * Refuses an order outside 1..{@value #MAX_ORDER} (call it before any work).
     *
     * @throws InvalidInputException naming "order"
     */
    public static void requireOrder(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new InvalidInputException("order", "the order of the highest cumulant must be 1.." + MAX_ORDER
                    + " (rounding grows with the order), got " + order);
        }
    }

    /**
     * kappa_1 .. kappa_order (index 0 holds kappa_1).
     *
     * @param g     the generator with its counted jumps
     * @param order highest cumulant, 1..{@value #MAX_ORDER}
     * @return a new array of {@code order} scaled cumulants
     * @throws org.qtraj.errors.SolverException if a pinned solve does not converge
     * @throws InvalidInputException naming "order" if the order is out of range
     */
    public static double[] of(CountingGenerator g, int order) {
        requireOrder(order);
        int dim = g.dimension();
        double[][] rho = new double[order][];
        rho[0] = g.steadyState();
        double[] kappa = new double[order + 1];
        double[] tmp = new double[dim];
        for (int k = 1; k <= order; k++) {
            double[] rhs = new double[dim];
            double kk = 0;
            for (int j = 1; j <= k; j++) {
                double binom = binomial(k, j);
                g.applyCounted(j, rho[k - j], tmp);
                kk += binom * g.trace(tmp);
                if (k < order) {
                    for (int i = 0; i < dim; i++) {
                        rhs[i] -= binom * tmp[i];
                    }
                }
            }
            kappa[k] = kk;
            if (k < order) {
                // the kappa_j rho^(k-j) terms, now that kappa_k is known
                for (int j = 1; j <= k; j++) {
                    double c = binomial(k, j) * kappa[j];
                    double[] r = rho[k - j];
                    for (int i = 0; i < dim; i++) {
                        rhs[i] += c * r[i];
                    }
                }
                rho[k] = g.solvePinned(rhs);
            }
        }
        double[] out = new double[order];
        System.arraycopy(kappa, 1, out, 0, order);
        return out;
    }

    private static double binomial(int n, int k) {
        double b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }
}
