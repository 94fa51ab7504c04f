package org.qtraj.exact;

import org.qtraj.errors.InvalidInputException;

/**
 * A method asked for a model it does not cover (e.g. the closed form for a disordered chain): an input error
 * naming the field {@code method}. Immutable.
 */
public class NotApplicableException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    /**
     * @param method the method's name, e.g. {@code closed}
     * @param reason why it does not apply, one sentence (a {@link SteadyStateSolver#refusal})
     */
    public NotApplicableException(String method, String reason) {
        super("method", method + " does not apply: " + reason);
    }
}
