package org.qtraj.exact;

import org.qtraj.errors.InvalidInputException;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.linalg.Parallelism;
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
     * Solves for the steady state; a method with parallel work uses all available processors.
     *
     * @throws NotApplicableException if {@link #refusal} is not null
     * @throws SolverException        if the numerics fail (singular system, residual too large)
     */
    ExactResult solve(Chain chain);

    /**
     * Solves for the steady state with the parallel work, if any, on at most {@code threads} threads (the calling
     * one included; never the common fork-join pool). The result does not depend on the thread count. This default
     * is for methods without parallel work: it checks the count and calls {@link #solve(Chain)}.
     *
     * @throws InvalidInputException  naming "threads" if threads &lt; 1
     * @throws NotApplicableException if {@link #refusal} is not null
     * @throws SolverException        if the numerics fail
     */
    default ExactResult solve(Chain chain, int threads) {
        Parallelism.of(threads); // refuses threads < 1 as the methods with parallel work do
        return solve(chain);
    }

    /** Throws {@link NotApplicableException} with the refusal, if any. */
    default void requireApplicable(Chain chain) {
        String why = refusal(chain);
        if (why != null) {
            throw new NotApplicableException(name(), why);
        }
    }
}
