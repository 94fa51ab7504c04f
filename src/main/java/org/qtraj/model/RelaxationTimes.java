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
 * <p><b>Classical exclusion process</b> ({@link #classical}): t_relax = N (1/gamma_left + 1/gamma_right +
 * (N - 1)/V_min), the series resistance of the rate equations times N (a diffusive crossing time).
 *
 * <p>Stateless and thread-safe.
 */
public final class RelaxationTimes {
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
        for (int b = 0; b < chain.bonds(); b++) {
            double g = chain.coupling(b);
            if (g == 0) {
                throw new InvalidInputException("t_total", "no default for a chain with an uncoupled bond (" + (b + 1)
                        + "): give t_total and t_burn");
            }
            int from = chain.bondFrom(b);
            int to = chain.bondTo(b);
            double kappa = 0.5 * (chain.dephasing(from) + chain.dephasing(to));
            for (int j = 0; j < baths.length; j++) {
                int k = baths[j].site();
                if (k == from || k == to) {
                    kappa += 0.5 * bathGamma[j];
                }
            }
            resistance += kappa / (2 * g * g);
        }
        return finite(n * resistance);
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
