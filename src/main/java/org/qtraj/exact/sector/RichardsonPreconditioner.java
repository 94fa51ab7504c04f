package org.qtraj.exact.sector;

/**
 * k steps of the preconditioned Richardson iteration for A y = x from y = 0, used as the preconditioner of GMRES:
 * <pre>
 *   y_1 = M^{-1} x,   y_{s+1} = y_s + M^{-1} (x - A y_s),   i.e.   y_k = sum_{i &lt; k} (I - M^{-1} A)^i M^{-1} x,
 * </pre>
 * the truncated Neumann series of A^{-1} = (M - (M - A))^{-1} (Dubois, Greenbaum and Rodrigue, Computing 22, 257
 * (1979); Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., sec. 12.3.1). With k = 2 the preconditioned
 * operator is A M_2^{-1} = 1 - (1 - A M^{-1})^2: where the spectrum of A M^{-1} lies in a disc of radius r about 1,
 * that of A M_2^{-1} lies in the disc of radius r^2, and GMRES needs about half the iterations for twice the
 * applications of A and M per iteration. What is saved is the Gram-Schmidt work, which grows as the square of the
 * iterations and is bound by memory bandwidth: measured at N = 10 (D = 1, dephasing 0.5, the sector preconditioner),
 * 84 GMRES iterations with k = 1, 45 with k = 2, 36 with k = 3 (README, issue 17, fifth round).
 *
 * <p>Not thread-safe: each instance owns two working vectors; one instance per solve.
 */
final class RichardsonPreconditioner implements Gmres.Operator {
    private final Gmres.Operator a;
    private final Gmres.Operator m;
    private final int steps;
    private final double[] residual;
    private final double[] correction;

    /**
     * @param a      the operator A
     * @param m      y = M^{-1} x, an approximate inverse of A
     * @param steps  k &gt;= 1 (k = 1 is M^{-1} itself)
     * @param length the length of the vectors
     */
    RichardsonPreconditioner(Gmres.Operator a, Gmres.Operator m, int steps, int length) {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be >= 1, got " + steps);
        }
        this.a = a;
        this.m = m;
        this.steps = steps;
        this.residual = steps > 1 ? new double[length] : null;
        this.correction = steps > 1 ? new double[length] : null;
    }

    @Override
    public void apply(double[] x, double[] y) {
        m.apply(x, y);
        for (int s = 1; s < steps; s++) {
            a.apply(y, residual);
            Gmres.subtractFrom(x, residual);
            m.apply(residual, correction);
            Gmres.axpy(1, correction, y);
        }
    }
}
