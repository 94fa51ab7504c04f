package org.qtraj.simulation;

import java.util.Locale;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;

/**
 * Which quantum-trajectory engine runs the {@link Engine#QUANTUM} ensembles: the sector engine
 * ({@link org.qtraj.trajectory.QuantumTrajectory}, any chain up to its sector size limit), the Gaussian engine
 * ({@link org.qtraj.trajectory.GaussianTrajectory}, XX chains only, D = 0), or the choice between them. Both give
 * the same estimator names. Immutable and thread-safe (an enum).
 */
public enum QuantumEngine {
    /** One excitation sector of the many-body state (N &lt;= 24). */
    SECTOR("sector"),
    /** Slater determinants of n orbitals; refuses D != 0 (field "anisotropy"). */
    GAUSSIAN("gaussian"),
    /** Gaussian where it applies and is faster ({@link #resolve}), else sector. */
    AUTO("auto");

    /**
     * From this many sites on, AUTO picks the Gaussian engine for an XX chain. Measured on 2 cores (2026-12-01, uniform
     * chain, gamma = 0.5, T_1 = 1, T_N = 0, trajectories over [0, 50] from the empty chain, trajectories per second,
     * sector / gaussian): N = 4: 5650 / 5370, N = 6: 3740 / 4470, N = 8: 1680 / 2920, N = 10: 360 / 1130-1990,
     * N = 12: 180 / 1340.
     */
    public static final int AUTO_GAUSSIAN_SITES = 6;

    private final String key;

    QuantumEngine(String key) {
        this.key = key;
    }

    /** The name on the command line: sector, gaussian or auto. */
    public String key() {
        return key;
    }

    /**
     * The engine that runs {@code chain}: this one, or for AUTO gaussian if it is an XX chain (not a network; D = 0)
     * and has at least {@link #AUTO_GAUSSIAN_SITES} sites, else sector.
     */
    public QuantumEngine resolve(Chain chain) {
        if (this != AUTO) {
            return this;
        }
        return chain.isChain() && chain.isXX() && chain.sites() >= AUTO_GAUSSIAN_SITES ? GAUSSIAN : SECTOR;
    }

    /**
     * Why the engine that runs {@code chain} ({@link #resolve}) cannot, in a run spec's words, or null if it can: the
     * gaussian engine's own refusal ({@link org.qtraj.trajectory.GaussianTrajectory#refusal}), or the sector engine's
     * size limit ({@link org.qtraj.trajectory.Unravelling#MAX_SITES}).
     */
    public String refusal(Chain chain) {
        if (resolve(chain) == GAUSSIAN) {
            String why = org.qtraj.trajectory.GaussianTrajectory.refusal(chain);
            return why == null ? null : "engine gaussian: " + why;
        }
        if (chain.sites() > org.qtraj.trajectory.Unravelling.MAX_SITES) {
            return "quantum trajectories (sector engine) handle at most " + org.qtraj.trajectory.Unravelling.MAX_SITES
                    + " sites; engine: gaussian reaches XX chains of any length";
        }
        return null;
    }

    /**
     * The engine named {@code key}.
     *
     * @throws InvalidInputException naming "engine" unless sector, gaussian or auto
     */
    public static QuantumEngine of(String key) {
        for (QuantumEngine e : values()) {
            if (e.key.equals(key.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new InvalidInputException("engine", "must be sector, gaussian or auto, got '" + key + "'");
    }
}
