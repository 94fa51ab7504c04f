package org.qtraj.errors;

/** The numerics of an exact method failed: a singular system, no convergence, a residual that is too large. */
public class SolverException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SolverException(String message) {
        super(message);
    }
}
