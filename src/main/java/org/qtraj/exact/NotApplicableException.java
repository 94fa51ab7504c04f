package org.qtraj.exact;

import org.qtraj.errors.InvalidInputException;

/**
 * A method asked for a model it does not cover (e.g. the closed form for a disordered chain): an input error
 * naming the field {@code method}. Immutable.
 */
public class NotApplicableException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * Why a chain-only method refuses a network: the Jordan-Wigner map turns a loop or a branch into strings that
     * make the fermions interact, so no free-fermion solution exists (PHYSICS.md "Networks").
     */
    public static final String NETWORK_REASON = "it needs a chain (bond b joining sites b and b+1): on a network the"
            + " Jordan-Wigner strings along loops and branches make the fermions interact, so the free-fermion"
            + " solution does not exist; use liouvillian (N <= 12) or trajectories";

    /**
     * @param method the method's name, e.g. {@code closed}
     * @param reason why it does not apply, one sentence (a {@link SteadyStateSolver#refusal})
     */
    public NotApplicableException(String method, String reason) {
        super("method", method + " does not apply: " + reason);
    }
}
