package org.qtraj.exact.counting;

import org.qtraj.errors.SolverException;
import org.qtraj.exact.sector.Liouvillian;

/**
 * A Markov generator L_0 (a classical rate matrix or a Liouvillian in a real parametrisation) with a set of
 * counted jumps J_m, each carrying a count nu_m (+1 absorption, -1 emission at the counted bath), in the form
 * the cumulant recursion of {@link Cumulants} needs (PHYSICS.md, "Current fluctuations"):
 * L(s) = L_0 + sum_m (e^{nu_m s} - 1) J_m, and its derivatives L^(j) = sum_m nu_m^j J_m at s = 0.
 *
 * <p>Array arguments: the methods of the form {@code (x, y)} overwrite every entry of y and only read x, which
 * must be a different array; the other methods do not modify their arguments. Implementations are immutable
 * after construction and thread-safe.
 */
public interface CountingGenerator {

    /** Length of the state vectors. */
    int dimension();

    /** y = L_0 x (overwrites y). */
    void apply(double[] x, double[] y);

    /** y = L^(j) x = sum_m nu_m^j J_m x, for {@code j = order >= 1} (overwrites y). */
    void applyCounted(int order, double[] x, double[] y);

    /** The trace functional tr x: total probability, or the trace of rho. L_0 preserves it: tr L_0 x = 0. */
    double trace(double[] x);

    /**
     * x with (L_0 + u tr^T) x = y, for a fixed u with tr u = 1. For y = u this is the steady state; for a traceless
     * y it is the solution of L_0 x = y with tr x = 0 (PHYSICS.md). y is not modified; x is a new array.
     *
     * @throws SolverException if the solve does not converge
     */
    double[] solvePinned(double[] y);

    /** The steady state rho_ss, tr rho_ss = 1 (a new array). */
    double[] steadyState();

    /**
     * y = J x for the emission or absorption jump at one bath (0 left, 1 right), overwriting y: L x L^+ for the
     * quantum chain, the injection or removal transitions for the classical process.
     */
    void applyJump(int bath, Liouvillian.Kind kind, double[] x, double[] y);

    /** An upper bound on the norm of L_0: sets the time step of integrations. */
    double normBound();

    /**
     * y = L(s) x = L_0 x + (e^s - 1) J_abs x + (e^{-s} - 1) J_em x = L_0 x + sinh(s) L^(1) x + (cosh(s) - 1) L^(2) x,
     * the tilted generator at the real counting field s (overwrites y). This default uses {@link #apply} and
     * {@link #applyCounted}; implementations may fuse them.
     */
    default void applyTilted(double s, double[] x, double[] y) {
        apply(x, y);
        if (s == 0) {
            return;
        }
        double[] t = new double[x.length];
        applyCounted(1, x, t);
        double sh = Math.sinh(s);
        double ch = 2 * Math.sinh(s / 2) * Math.sinh(s / 2); // cosh(s) - 1 without cancellation
        for (int i = 0; i < y.length; i++) {
            y[i] += sh * t[i];
        }
        applyCounted(2, x, t);
        for (int i = 0; i < y.length; i++) {
            y[i] += ch * t[i];
        }
    }

    /**
     * y = M^{-1} x for an approximate inverse M^{-1} of L_0 that is cheap to apply (overwrites y): a preconditioner for
     * iterative solves with L(s) - theta. The default is the identity.
     */
    default void precondition(double[] x, double[] y) {
        System.arraycopy(x, 0, y, 0, x.length);
    }

    /**
     * Whether x (with tr x &gt; 0) passes this generator's positivity check for a Perron eigenvector: every entry
     * &gt;= -1e-9 max |x| for a probability vector, every population (block diagonal) &gt;= -1e-9 tr x for a density
     * matrix.
     */
    boolean isPositive(double[] x);
}
