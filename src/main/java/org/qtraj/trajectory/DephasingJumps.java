package org.qtraj.trajectory;

import java.util.Locale;
import org.qtraj.errors.InvalidInputException;

/**
 * How a trajectory unravels the dephasing dissipator gamma_k (n_k rho n_k - {n_k, rho}/2) of site k. Both give the
 * same master equation, hence the same mean currents, populations and full counting statistics of the bath counts
 * (the tilted generator counts bath jumps only); the pure states along a trajectory differ, and with them every
 * quantity of single trajectories (the half-chain entanglement entropy, the jump rate).
 *
 * <p>Immutable and thread-safe (an enum).
 */
public enum DephasingJumps {
    /**
     * Jump operator sqrt(gamma_k) n_k (PHYSICS.md, "Parameters"): a measurement of the occupation of site k, at the
     * state-dependent rate gamma_k &lt;n_k&gt;; on a Slater determinant a projection (one re-orthonormalisation of the
     * orbitals per jump). The default.
     */
    PROJECTIVE("projective"),
    /**
     * Jump operator sqrt(gamma_k / 4) sigma^z_k, sigma^z_k = 2 n_k - 1: since n = (1 + sigma^z)/2,
     * gamma (n rho n - {n, rho}/2) = (gamma/4) (sigma^z rho sigma^z - rho), the same dissipator. L^+ L = gamma_k / 4 is
     * a constant, so the flips form a Poisson process of rate sum_k gamma_k / 4 independent of the state, and the
     * jump is the one-body unitary exp(i pi n_k) = -sigma^z_k (up to its sign), which negates the orbitals' entries on site k. No
     * measurement of the occupations: the trajectory's states are less localised than under {@link #PROJECTIVE}.
     * Gaussian engine only.
     */
    PHASE_FLIP("phase-flip");

    private final String key;

    DephasingJumps(String key) {
        this.key = key;
    }

    /** The name on the command line and in run specs: projective or phase-flip. */
    public String key() {
        return key;
    }

    /**
     * The unravelling named {@code key}.
     *
     * @throws InvalidInputException naming "dephasing_jumps" unless projective or phase-flip
     */
    public static DephasingJumps of(String key) {
        for (DephasingJumps d : values()) {
            if (d.key.equals(key.toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new InvalidInputException("dephasing_jumps", "must be projective or phase-flip, got '" + key + "'");
    }
}
