package org.qtraj.exact.sector;

import java.util.concurrent.ConcurrentLinkedQueue;
import org.qtraj.errors.SolverException;

/**
 * Solves (L + u tr^T) x = y for block-diagonal operators (PHYSICS.md "Solving for the steady state" and
 * "Current fluctuations"), u = 1/2^N the maximally mixed state (tr u = 1).
 * <ul>
 *   <li>y = u gives the steady state: taking the trace, tr(L x) = 0 forces tr x = 1, hence L x = 0.</li>
 *   <li>A traceless y gives tr x = 0 and L x = y: the repeated solves of the cumulant recursion.</li>
 * </ul>
 * The matrix is invertible whenever L has a unique steady state. Solved by restarted flexible GMRES ({@link Gmres}),
 * preconditioned by two Richardson steps ({@link RichardsonPreconditioner}) with the coherent part of each sector
 * ({@link CoherentPreconditioner}); the eigen-decompositions are
 * made once here and reused by every solve. The restart length adapts to the heap (half of it, up to 300 Arnoldi
 * steps of C(2N,N) doubles and C(2N,N) floats each).
 *
 * <p>Thread-safe: solves may run concurrently (each takes a Krylov space of its own; finished solves leave theirs
 * to the next, so a solver that has solved keeps that memory while it lives).
 */
public final class TraceFixedSolver {
    /** Default target |(L + u tr^T) x - y| / |y| (Euclidean = Hilbert-Schmidt norm). */
    public static final double DEFAULT_TOLERANCE = 1e-12;
    private static final int MAX_RESTART = 300;
    /**
     * Preconditioned Richardson steps per GMRES iteration ({@link RichardsonPreconditioner}). Measured at N = 10
     * (D = 1, dephasing 0.5, 2 threads, warm JVM, median of 18 solves): 84 iterations and 1.67 s with one step (the
     * preconditioner alone), 45 and 1.38 s with two; three give 36 iterations and are no faster; at N = 8 66, 35 and
     * 28. Chains without dephasing gain few iterations (README, issue 17).
     */
    static final int RICHARDSON_STEPS = 2;

    private final Liouvillian liouvillian;
    private final CoherentPreconditioner preconditioner;
    private final double[] u;
    private final double tolerance;
    private final int maxIterations;
    private final int richardsonSteps;
    /**
     * GMRES workspaces given back by finished solves, taken by the next ones (the steady state and the pinned solves
     * of the counting generator, {@code --noise}): one per concurrent solve, kept while the solver lives (at N = 10
     * about 100 MB each, at N = 12 1.8 GB).
     */
    private final ConcurrentLinkedQueue<Gmres.Workspace> workspaces = new ConcurrentLinkedQueue<>();

    private TraceFixedSolver(Liouvillian liouvillian, CoherentPreconditioner preconditioner, double tolerance,
                             int maxIterations, int richardsonSteps) {
        this.liouvillian = liouvillian;
        this.preconditioner = preconditioner;
        this.richardsonSteps = richardsonSteps;
        this.u = BlockState.maximallyMixed(liouvillian.basis()).data();
        this.tolerance = tolerance;
        this.maxIterations = maxIterations;
    }

    /** A solver for L with the default tolerance and at most 3000 GMRES iterations. */
    public static TraceFixedSolver of(Liouvillian liouvillian) {
        return new TraceFixedSolver(liouvillian, new CoherentPreconditioner(liouvillian), DEFAULT_TOLERANCE, 3000,
                RICHARDSON_STEPS);
    }

    /** The same solver (sharing its preconditioner) with k Richardson steps per GMRES iteration, for comparisons. */
    TraceFixedSolver withRichardsonSteps(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Richardson steps must be >= 1, got " + k);
        }
        return new TraceFixedSolver(liouvillian, preconditioner, tolerance, maxIterations, k);
    }

    /** With the first preconditioner of PHYSICS.md (every entry of sector n damped by the scalar c_n, no population block), for comparisons. */
    static TraceFixedSolver withScalarDamping(Liouvillian liouvillian) {
        return new TraceFixedSolver(liouvillian, new CoherentPreconditioner(liouvillian, false), DEFAULT_TOLERANCE,
                3000, RICHARDSON_STEPS);
    }

    /** The same solver (sharing its preconditioner) with another tolerance and iteration cap. */
    public TraceFixedSolver with(double tolerance, int maxIterations) {
        if (!(tolerance > 0) || maxIterations < 1) {
            throw new IllegalArgumentException("tolerance must be > 0 and maxIterations >= 1");
        }
        return new TraceFixedSolver(liouvillian, preconditioner, tolerance, maxIterations, richardsonSteps);
    }

    /**
     * y = M^{-1} x, the solver's preconditioner (the per-sector coherent approximate inverse of L) on packed vectors;
     * for iterative solves with operators close to L (e.g. the tilted generator). Overwrites y.
     */
    public void precondition(double[] x, double[] y) {
        preconditioner.apply(x, y);
    }

    /** The generator L this solver inverts (with the trace pinned). */
    public Liouvillian liouvillian() {
        return liouvillian;
    }

    /**
     * The solution of one solve.
     *
     * @param x                the solution
     * @param iterations       GMRES iterations (each three applications of L and two of the sector preconditioner:
     *                         two Richardson steps)
     * @param relativeResidual |(L + u tr^T) x - y| / |y|
     */
    public record Solution(BlockState x, int iterations, double relativeResidual) {
    }

    /**
     * Solves (L + u tr^T) x = y. y is not modified; the solution is a new state.
     *
     * @throws SolverException if GMRES does not reach the tolerance within the iteration cap
     */
    public Solution solve(BlockState y) {
        SectorBasis basis = liouvillian.basis();
        if (y.basis().sites() != basis.sites()) {
            throw new IllegalArgumentException("right-hand side for N = " + y.basis().sites() + ", solver for N = "
                    + basis.sites());
        }
        Gmres.Operator system = (x, out) -> {
            liouvillian.apply(x, out);
            double t = BlockState.trace(basis, x);
            Gmres.axpy(t, u, out);
        };
        long stepBytes = (long) Gmres.BYTES_PER_STEP * basis.size();
        long budget = Runtime.getRuntime().maxMemory() / 2 - 6L * Double.BYTES * basis.size();
        int restart = (int) Math.max(20, Math.min(MAX_RESTART, budget / stepBytes));
        Gmres.Operator steps = new RichardsonPreconditioner(system, preconditioner::apply, richardsonSteps,
                basis.size());
        Gmres.Workspace workspace = workspaces.poll();
        if (workspace == null || workspace.restart() != restart) {
            workspace = new Gmres.Workspace(basis.size(), restart);
        }
        Gmres.Result r;
        try {
            r = Gmres.solve(system, steps, y.data(), tolerance, maxIterations, liouvillian.parallelism(), workspace);
        } finally {
            workspaces.offer(workspace);
        }
        if (!r.converged()) {
            throw new SolverException(String.format(
                    "liouvillian: GMRES did not converge for N = %d: relative residual %.3g after %d iterations"
                            + " (target %.1g, restart %d)", basis.sites(), r.relativeResidual(), r.iterations(),
                    tolerance, restart));
        }
        return new Solution(BlockState.wrap(basis, r.x()), r.iterations(), r.relativeResidual());
    }

    /** The steady state: solves with y = u and divides by the trace (which is 1 up to the tolerance). */
    public Solution steadyState() {
        Solution s = solve(BlockState.wrap(liouvillian.basis(), u));
        double t = s.x().trace();
        if (!(Math.abs(t) > 0)) {
            throw new SolverException("liouvillian: the solution has zero trace; the steady state is not unique");
        }
        return new Solution(s.x().scaled(1 / t), s.iterations(), s.relativeResidual());
    }
}
