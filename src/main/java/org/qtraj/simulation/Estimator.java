package org.qtraj.simulation;

import java.util.Objects;
import java.util.regex.Pattern;
import org.qtraj.errors.InvalidInputException;

/**
 * The name of one estimator of a trajectory ensemble, as in the JSON documents (snake_case). The constants are the
 * estimators of the quantum and the classical trajectories (DESIGN.md, "Results every solver reports"; which engine
 * gives which is listed by {@link SimulationResult#estimates()}); per-site populations are {@link #population}.
 * Immutable.
 *
 * @param key the name as in JSON, e.g. {@code heat_current}
 */
public record Estimator(String key) {
    // first: the constants below are built with it
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

    /**
     * Heat current from the left bath, Tr(H D_left rho) per trajectory: continuous (sector engine); the gaussian engine
     * replaces its exchange term by the counted jumps, same expectation, smaller variance (GaussianTrajectory).
     */
    public static final Estimator HEAT_CURRENT = new Estimator("heat_current");
    /** Continuous heat current from the right bath. */
    public static final Estimator HEAT_CURRENT_RIGHT = new Estimator("heat_current_right");
    /** Heat current exchanged with the dephasing noise (quantum trajectories). */
    public static final Estimator HEAT_CURRENT_DEPHASING = new Estimator("heat_current_dephasing");
    /** Counted particle current from the left bath (net jumps per time). */
    public static final Estimator PARTICLE_CURRENT = new Estimator("particle_current");
    /** Counted particle current from the right bath. */
    public static final Estimator PARTICLE_CURRENT_RIGHT = new Estimator("particle_current_right");
    /** Classical particle current (net_left - net_right)/(2 window): the smaller burn-in bias of the two. */
    public static final Estimator PARTICLE_CURRENT_SYMMETRIC = new Estimator("particle_current_symmetric");
    /** Counted local heat current omega_1 I from the left bath (quantum trajectories). */
    public static final Estimator LOCAL_HEAT_CURRENT = new Estimator("local_heat_current");
    /** Counted local heat current from the right bath (quantum trajectories). */
    public static final Estimator LOCAL_HEAT_CURRENT_RIGHT = new Estimator("local_heat_current_right");
    /** Jumps per unit time over the window (quantum trajectories). */
    public static final Estimator JUMP_RATE = new Estimator("jump_rate");
    /**
     * Half-chain entanglement entropy of the trajectory's pure state, averaged over the window and the trajectories
     * (gaussian engine only: GaussianTrajectory.ENTROPY).
     */
    public static final Estimator ENTANGLEMENT_ENTROPY = new Estimator("entanglement_entropy");

    /**
     * Checks the key: a lower-case letter, then lower-case letters, digits or underscores.
     *
     * @throws InvalidInputException naming "estimator" unless the key is snake_case
     * @throws NullPointerException  if the key is null
     */
    public Estimator {
        Objects.requireNonNull(key, "key");
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("estimator", "must be a snake_case name such as heat_current, got '" + key + "'");
        }
    }

    /** The estimator named {@code key}. */
    public static Estimator of(String key) {
        return new Estimator(key);
    }

    /** The mean population of site {@code site} (1-based) over the window. */
    public static Estimator population(int site) {
        if (site < 1) {
            throw new InvalidInputException("site", "must be >= 1, got " + site);
        }
        return new Estimator("population_" + site);
    }

    /** The key, e.g. {@code heat_current}. */
    @Override
    public String toString() {
        return key;
    }
}
