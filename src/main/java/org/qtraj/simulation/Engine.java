package org.qtraj.simulation;

import java.util.Locale;
import org.qtraj.errors.InvalidInputException;

/**
 * The two stochastic engines of qtraj, by the names of their results ({@code method} in JSON, run-spec method
 * kinds): quantum trajectories (Monte Carlo wave functions) and the Gillespie simulation of the classical exclusion
 * process. Immutable and thread-safe (an enum).
 */
public enum Engine {
    /** Quantum trajectories of the Lindblad master equation ({@code trajectories}). */
    QUANTUM("trajectories"),
    /** Exact stochastic simulation of the classical rate equations ({@code classical}). */
    CLASSICAL("classical");

    private final String key;

    Engine(String key) {
        this.key = key;
    }

    /** The name in JSON documents and run specs. */
    public String key() {
        return key;
    }

    /**
     * The engine named {@code key} ("trajectories" or "classical").
     *
     * @throws InvalidInputException naming "method" otherwise
     */
    public static Engine of(String key) {
        for (Engine e : values()) {
            if (e.key.equals(key.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new InvalidInputException("method", "must be trajectories or classical, got '" + key + "'");
    }
}
