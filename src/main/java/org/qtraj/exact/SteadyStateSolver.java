package org.qtraj.exact;

import org.qtraj.errors.SolverException;
import org.qtraj.model.Chain;

/** An exact steady-state method. Implementations are stateless and thread-safe. */
public interface SteadyStateSolver {

    /** The method's name as on the command line and in the {@code method} key. */
    String name();

    /**
     * Why this method cannot solve the chain, in one sentence, or null if it can.
     */
    String refusal(Chain chain);

    /**
     * Solves for the steady state.
     *
     * @throws NotApplicableException if {@link #refusal} is not null
     * @throws SolverException        if the numerics fail (singular system, residual too large)
     */
    ExactResult solve(Chain chain);

    /** Throws {@link NotApplicableException} with the refusal, if any. */
    default void requireApplicable(Chain chain) {
        String why = refusal(chain);
        if (why != null) {
            throw new NotApplicableException(name(), why);
        }
    }
}
