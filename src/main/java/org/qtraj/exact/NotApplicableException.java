package org.qtraj.exact;

import org.qtraj.errors.InvalidInputException;

/** A method asked for a model it does not cover (e.g. the closed form for a disordered chain). */
public class NotApplicableException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public NotApplicableException(String method, String reason) {
        super("method", method + " does not apply: " + reason);
    }
}
