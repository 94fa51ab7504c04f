package org.qtraj.errors;

/**
 * The numerics of an exact method failed: a singular system, no convergence, a residual that is too large. An
 * internal error, not an input error (the command line exits with code 1). Immutable.
 */
public class SolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what failed, with the numbers that show it (residual, iterations, ...) */
    public SolverException(String message) {
        super(message);
    }
}
