package org.qtraj.fcs;

import java.util.List;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.LiouvillianSolver;
import org.qtraj.exact.counting.ClassicalGenerator;
import org.qtraj.exact.counting.CountingGenerator;
import org.qtraj.exact.counting.Cumulants;
import org.qtraj.exact.counting.LargeDeviations;
import org.qtraj.exact.counting.QuantumCountingGenerator;
import org.qtraj.exact.counting.WaitingTimes;
import org.qtraj.exact.linalg.Parallelism;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.model.Chain;

/**
 * Exact references for full counting statistics: the scaled cumulants kappa_1..3 and Fano factor kappa_2/kappa_1
 * of the net count at a bath ({@link Cumulants}), and the waiting-time densities w_ab(tau) between consecutive
 * jumps of that bath ({@link WaitingTimes}), quantum (tilted Liouvillian) or classical (tilted rate matrix).
 *
 * <p>Thread-safe (the {@link CountingGenerator}s are); every method returns new arrays and does not modify its
 * arguments. The quantum generator solves its steady state once and shares it; the cumulants are recomputed by
 * each call.
 */
public final class FcsExact {
    private final CountingGenerator generator;
    private final int bath;

    private FcsExact(CountingGenerator generator, int bath) {
        this.generator = generator;
        this.bath = bath;
    }

    /**
     * The quantum or classical counting generator of the chain at a bath.
     *
     * @throws org.qtraj.errors.InvalidInputException if the chain is too large for the generator
     */
    public static FcsExact of(Chain chain, boolean classical, int bath) {
        return new FcsExact(classical ? ClassicalGenerator.of(chain, chain.baths()[bath])
                : QuantumCountingGenerator.of(chain, bath), bath);
    }

    /**
     * As {@link #of(Chain, boolean, int)} with the quantum generator's parallel work on at most {@code threads}
     * threads (the classical generator has none); the numbers do not depend on it.
     *
     * @throws org.qtraj.errors.InvalidInputException naming "threads" if threads &lt; 1, or as above
     */
    public static FcsExact of(Chain chain, boolean classical, int bath, int threads) {
        Parallelism.of(threads); // refuses threads < 1 for the classical generator too
        return new FcsExact(classical ? ClassicalGenerator.of(chain, chain.baths()[bath])
                : QuantumCountingGenerator.of(chain, bath, threads), bath);
    }

    /**
     * The steady state of the chain's generator as {@link ExactMethod#solve} gives it for {@code method}: for a
     * method that resolves to the Liouvillian with a quantum generator, the generator's own solve (shared with the
     * cumulants, so `--noise` builds and solves one Liouvillian instead of two; the same numbers; the elapsed time
     * is that of the preconditioner and the solve, the generator L having been built with this object); otherwise
     * the method's solve.
     */
    public ExactResult steadyState(ExactMethod method, Chain chain, int threads) {
        if (generator instanceof QuantumCountingGenerator q && method.solverFor(chain) instanceof LiouvillianSolver) {
            long t0 = System.nanoTime();
            ExactResult r = q.steadyStateResult();
            return r.withElapsed((System.nanoTime() - t0) * 1e-9);
        }
        return method.solve(chain, threads);
    }

    /** kappa_1, kappa_2, kappa_3. */
    public double[] cumulants() {
        return Cumulants.of(generator, 3);
    }

    /**
     * kappa_1 .. kappa_order.
     *
     * @throws org.qtraj.errors.InvalidInputException naming "order" if it is outside 1..{@value Cumulants#MAX_ORDER}
     */
    public double[] cumulants(int order) {
        return Cumulants.of(generator, order);
    }

    /** The result with cumulant_1, cumulant_2, cumulant_3 and fano = cumulant_2/cumulant_1 added to its extras. */
    public ExactResult withCumulants(ExactResult r) {
        return withCumulants(r, 3);
    }

    /**
     * The result with cumulant_1 .. cumulant_order and fano = cumulant_2/cumulant_1 (for order 1 computed all the
     * same: the Fano factor needs kappa_2) added to its extras.
     *
     * @throws org.qtraj.errors.InvalidInputException naming "order" if it is outside 1..{@value Cumulants#MAX_ORDER}
     */
    public ExactResult withCumulants(ExactResult r, int order) {
        Cumulants.requireOrder(order);
        double[] k = Cumulants.of(generator, Math.max(order, 2));
        ExactResult out = r;
        for (int i = 0; i < order; i++) {
            out = out.withExtra("cumulant_" + (i + 1), k[i]);
        }
        return out.withExtra("fano", k[1] / k[0]);
    }

    /**
     * theta(s), the leading eigenvalue of the tilted generator, at every field of the grid, with its residual
     * ({@link LargeDeviations#theta}).
     *
     * @throws org.qtraj.errors.SolverException if the continuation fails
     */
    public LargeDeviations.Point[] theta(double[] fields) {
        return LargeDeviations.theta(generator, fields);
    }

    /** The counting generator (quantum or classical) behind these references. */
    public CountingGenerator generator() {
        return generator;
    }

    /** The kind of channel index c (0 absorption, 1 emission; {@link FcsRecorder#channel}). */
    static Liouvillian.Kind kind(int c) {
        return c == 0 ? Liouvillian.Kind.ABSORPTION : Liouvillian.Kind.EMISSION;
    }

    /** Steady-state rate of jumps of channel c at the bath: tr J_c rho_ss. */
    public double rate(int c) {
        double[] rho = generator.steadyState();
        double[] y = new double[rho.length];
        generator.applyJump(bath, kind(c), rho, y);
        return generator.trace(y);
    }

    /**
     * w_ab(tau) for both b (rows 0 absorption, 1 emission) on the grid, with the bath's two channels monitored;
     * null if channel a never fires.
     */
    public double[][] waitingDensities(int a, double[] taus) {
        if (!(rate(a) > 0)) {
            return null;
        }
        List<WaitingTimes.Jump> monitored = List.of(new WaitingTimes.Jump(bath, kind(0)), new WaitingTimes.Jump(bath, kind(1)));
        return WaitingTimes.densities(generator, monitored.get(a), monitored, taus);
    }
}
