package org.qtraj.exact.counting;

import java.util.ArrayList;
import java.util.List;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.LiouvillianSolver;
import org.qtraj.exact.NotApplicableException;
import org.qtraj.exact.linalg.Parallelism;
import org.qtraj.exact.sector.BlockState;
import org.qtraj.exact.sector.Gmres;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.exact.sector.SectorBasis;
import org.qtraj.exact.sector.TraceFixedSolver;
import org.qtraj.model.Chain;

/**
 * The tilted Liouvillian of the chain with the jumps of one bath counted (PHYSICS.md, "Current fluctuations"):
 * absorption sqrt(G nbar) sigma^+_k counts nu = +1, emission sqrt(G (nbar+1)) sigma^-_k counts nu = -1, so
 * L^(j) = J_abs + (-1)^j J_em. The generator keeps the excitation-number block structure of {@link Liouvillian}
 * (the counted jumps only move between neighbouring blocks), and the pinned solves reuse one
 * {@link TraceFixedSolver} with its preconditioner. The generator's applications and solves run their sectors in
 * parallel on the threads given to {@link #of(Chain, int, int)} (default: all available processors), with the same
 * result for any thread count. Thread-safe (its only state after construction is its solver and the steady state,
 * each made once on first use); array arguments as in
 * {@link CountingGenerator}.
 */
public final class QuantumCountingGenerator implements CountingGenerator {
    private final Chain chain;
    private final Liouvillian liouvillian;
    private final List<Liouvillian.Channel> counted;
    /** The solver with its preconditioner, built on first use (so a steady state's elapsed time includes it). */
    private TraceFixedSolver solver;
    /**
     * The steady-state solve, made on first use and shared by every later call (the cumulants, theta(s), the jump
     * rates and the steady-state result each asked for it again: at N = 10 a solve is a quarter of `exact --noise`).
     */
    private TraceFixedSolver.Solution steady;

    private QuantumCountingGenerator(Chain chain, Liouvillian liouvillian, int bath) {
        this.chain = chain;
        this.liouvillian = liouvillian;
        List<Liouvillian.Channel> c = new ArrayList<>();
        for (Liouvillian.Channel ch : liouvillian.channels()) {
            if (ch.bath() == bath && ch.countingSign() != 0) {
                c.add(ch);
            }
        }
        this.counted = List.copyOf(c);
    }

    /**
     * The tilted generator of a chain or network, counting at bath {@code bath} (its index in the model's baths: 0
     * left, 1 right for a chain), on all available processors.
     *
     * @throws NotApplicableException if the chain is too large for the Liouvillian solver
     */
    public static QuantumCountingGenerator of(Chain chain, int bath) {
        return of(chain, bath, Parallelism.available());
    }

    /**
     * As {@link #of(Chain, int)} with the parallel work of every later call on at most {@code threads} threads.
     *
     * @throws org.qtraj.errors.InvalidInputException naming "threads" if threads &lt; 1
     */
    public static QuantumCountingGenerator of(Chain chain, int bath, int threads) {
        return of(chain, bath, Parallelism.of(threads));
    }

    private static QuantumCountingGenerator of(Chain chain, int bath, Parallelism parallelism) {
        if (bath < 0 || bath >= chain.bathCount()) {
            throw new IllegalArgumentException("bath must be 0 to " + (chain.bathCount() - 1) + ", got " + bath);
        }
        new LiouvillianSolver().requireApplicable(chain);
        return new QuantumCountingGenerator(chain, Liouvillian.of(chain, parallelism), bath);
    }

    /** {@inheritDoc} Here the number of real unknowns of the block-diagonal density matrix. */
    @Override
    public int dimension() {
        return liouvillian.basis().size();
    }

    /** {@inheritDoc} Here the matrix-free {@link Liouvillian}, sectors in parallel. */
    @Override
    public void apply(double[] x, double[] y) {
        liouvillian.apply(x, y);
    }

    /**
     * {@inheritDoc} Here J_abs + (-1)^order J_em over the counted bath's channels (allocates one temporary vector).
     */
    @Override
    public void applyCounted(int order, double[] x, double[] y) {
        java.util.Arrays.fill(y, 0);
        double[] tmp = new double[x.length];
        for (Liouvillian.Channel c : counted) {
            if (c.rate() == 0) {
                continue;
            }
            liouvillian.applyJump(c, x, tmp);
            double weight = (order & 1) == 0 ? 1 : c.countingSign();
            Gmres.axpy(weight, tmp, y);
        }
    }

    /** {@inheritDoc} Here one pass over the counted channels with the weights e^{nu s} - 1. */
    @Override
    public void applyTilted(double s, double[] x, double[] y) {
        liouvillian.apply(x, y);
        if (s == 0) {
            return;
        }
        double[] tmp = new double[x.length];
        for (Liouvillian.Channel c : counted) {
            if (c.rate() == 0) {
                continue;
            }
            liouvillian.applyJump(c, x, tmp);
            Gmres.axpy(Math.expm1(c.countingSign() * s), tmp, y);
        }
    }

    /** {@inheritDoc} Here the per-sector coherent preconditioner of the shared {@link TraceFixedSolver}. */
    @Override
    public void precondition(double[] x, double[] y) {
        solver().precondition(x, y);
    }

    /** {@inheritDoc} Here the diagonal of every block (the populations of the basis states). */
    @Override
    public boolean isPositive(double[] x) {
        SectorBasis basis = liouvillian.basis();
        double floor = -1e-9 * trace(x);
        for (int n = 0; n < basis.sectors(); n++) {
            int d = basis.dim(n);
            int off = basis.offset(n);
            for (int i = 0; i < d; i++) {
                if (!(x[off + i * d + i] >= floor)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@inheritDoc} Here L x L^+ for that bath's channel of the given kind. */
    @Override
    public void applyJump(int bath, Liouvillian.Kind kind, double[] x, double[] y) {
        liouvillian.applyJump(liouvillian.bathChannel(bath, kind), x, y);
    }

    /** {@inheritDoc} Here {@link Liouvillian#normBound()}. */
    @Override
    public double normBound() {
        return liouvillian.normBound();
    }

    /** {@inheritDoc} Here the trace of the density matrix. */
    @Override
    public double trace(double[] x) {
        return BlockState.trace(liouvillian.basis(), x);
    }

    /** {@inheritDoc} Here the shared {@link TraceFixedSolver} with its preconditioner. */
    @Override
    public double[] solvePinned(double[] y) {
        return solver().solve(BlockState.wrap(liouvillian.basis(), y)).x().vector();
    }

    /** {@inheritDoc} Here from the shared {@link TraceFixedSolver}, solved once. */
    @Override
    public double[] steadyState() {
        return solution().x().vector();
    }

    /**
     * The steady state with its currents and accuracy, as {@link LiouvillianSolver#solve} gives it (the same
     * generator and solve, hence the same numbers), from the solve this generator shares with its cumulants.
     *
     * @throws org.qtraj.errors.SolverException if the solve fails or its residual is too large
     */
    public ExactResult steadyStateResult() {
        return LiouvillianSolver.result(chain, liouvillian, solution());
    }

    private synchronized TraceFixedSolver.Solution solution() {
        if (steady == null) {
            steady = solver().steadyState();
        }
        return steady;
    }

    private synchronized TraceFixedSolver solver() {
        if (solver == null) {
            solver = TraceFixedSolver.of(liouvillian);
        }
        return solver;
    }
}
