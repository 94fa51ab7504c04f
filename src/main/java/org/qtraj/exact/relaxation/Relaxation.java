package org.qtraj.exact.relaxation;

import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.LiouvillianSolver;
import org.qtraj.exact.linalg.Parallelism;
import org.qtraj.exact.sector.BlockState;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.exact.sector.SectorBasis;
import org.qtraj.model.Chain;

/**
 * Exact relaxation curves: the site populations n_k(t) = tr(n_k rho(t)) with rho(t) = exp(L t) rho(0),
 * {@code rho(0) = |m><m|} a product basis state (bit k of the mask m set = site k excited) and L the chain's
 * Lindblad generator (PHYSICS.md "Model", {@link Liouvillian}). The reference for ensemble averages of quantum
 * trajectories started in a basis state.
 *
 * <p>rho(0) is block-diagonal in the excitation number and L keeps block-diagonal operators block-diagonal, so
 * rho(t) is propagated as a packed {@link BlockState} vector of length C(2N, N), matrix-free (no 4^N matrix).
 *
 * <h2>Propagation and error control</h2>
 * Taylor steps of the propagator: {@code x(t + h) = exp(L h) x(t) ~ sum_{k <= K} u_k}, u_0 = x(t),
 * u_k = (h/k) L u_{k-1} = (L h)^k x(t) / k!. The step is h = min(4/nu, distance to the next requested time),
 * nu = {@link GeneratorNorm#of} {@code >= ||L||} (the sectors' eigenvalue spread of H plus the dissipator's bound), so
 * steps end exactly on the requested times. The series
 * is cut at the first K with
 * <pre>{@code
 *   ||u_K|| q/(1 - q) <= tolerance * ||x(t)||,   q = nu h/(K + 1) <= 4/5,
 * }</pre>
 * an a posteriori bound on the omitted tail: {@code ||u_{k+1}|| <= (nu h/(k + 1)) ||u_k|| <= q ||u_k||} for
 * {@code k >= K}, so {@code ||u_{K+j}|| <= ||u_K|| q^j} and {@code ||sum_{k > K} u_k|| <= ||u_K|| q/(1-q)} (at most
 * 4 ||u_K||; the rule of {@link org.qtraj.trajectory.QuantumTrajectory}'s Taylor steps, which stop only at
 * {@code q < 1/2}). Norms are Hilbert-Schmidt norms (the packed parametrisation is an isometry). The local error
 * per step is thus at most tolerance * ||rho||_HS ({@code <= tolerance}, as {@code ||rho||_HS <= tr rho = 1}),
 * plus rounding: the terms grow like (nu h)^k/k! before they decay, at most 4^4/4! = 10.7 times ||x||, so the
 * sum carries rounding errors of order 1e-15 ||x||, far below the default tolerance (the reason nu h stays at 4:
 * at 8 the terms could reach 400 ||x||).
 * Over a time t the errors of the at most ceil(nu t/4) + (number of times) steps add up, each carried forward by
 * the contraction exp(L s) (trace-norm contractive), so the population error is of order
 * (nu t/4 + number of times) * tolerance in the worst case and far smaller in practice (the bound on each
 * step's tail is pessimistic). Cost: near the steady state, where the terms are small, the condition
 * {@code q <= 4/5} ({@code K >= 4}) sets the length of a step's series; about 5 products with L per step in the
 * measured cases (N = 8, t = 0..100, from one excitation: 4688 products in 1000 steps, against 13105 in 4000
 * steps with {@code nu h <= 1} and {@code q <= 1/2}; N = 10: 5881), each O(C(2N, N) N).
 *
 * <p>Refuses N &gt; {@link #MAX_SITES} (a vector is C(2N, N) doubles: 2.7 million at N = 12, and nu grows with N).
 * The products with L run their sectors in parallel on the threads given (default: all available processors),
 * with the same result for any thread count. Stateless and thread-safe; each call has its own buffers (a handful
 * of packed vectors).
 */
public final class Relaxation {
    /** Default local error per step relative to ||rho||. */
    public static final double DEFAULT_TOLERANCE = 1e-10;
    /** Largest N propagated: C(24, 12) = 2.7 million unknowns per vector, the same limit as the steady state. */
    public static final int MAX_SITES = LiouvillianSolver.MAX_SITES;
    /** Safety cap on the Taylor order; with nu h <= 4 the a priori worst case for 1e-10 is K = 24 (29 for 1e-14). */
    private static final int MAX_ORDER = 60;

    /**
     * The step in units of 1/nu: nu h <= 4. Larger steps need fewer products with L per unit time (measured, N = 8,
     * t = 0..100: 4688 products at nu h <= 4, 13105 at nu h <= 1, about 4600 at 8 or 16), and the terms of one
     * step stay below max_k 4^k/k! = 10.7 times ||x||, so rounding in the sum stays near 1e-15 ||x||.
     */
    static final double STEP_NORM = 4;
    /** Largest ratio q = nu h/(K + 1) at which the series may stop: the tail bound is then at most 4 ||u_K||. */
    private static final double MAX_RATIO = 0.8;

    private Relaxation() {
    }

    /** Receives the packed state at each requested time (for tests); the array is reused afterwards. */
    interface StateListener {
        void at(int timeIndex, double time, SectorBasis basis, double[] packed);
    }

    /**
     * n_k(t_j) for {@code rho(0) = |initialMask><initialMask|}: result[j][k], j over times (sorted ascending,
     * finite, {@code >= 0}), k = 0..N-1. Uses {@link #DEFAULT_TOLERANCE}.
     *
     * @param chain       the model
     * @param initialMask the initial basis state, bit k set = site k excited
     * @param times       the times t_j (not modified)
     * @return a new array, {@code result[j][k] = n_k(t_j)}
     * @throws InvalidInputException naming "initial-state" for a mask {@code >= 2^N} or {@code < 0}, "times" for
     *                               unsorted/negative/non-finite times, "sites" for N &gt; {@link #MAX_SITES}
     */
    public static double[][] populations(Chain chain, int initialMask, double[] times) {
        return populations(chain, initialMask, times, DEFAULT_TOLERANCE);
    }

    /**
     * As {@link #populations(Chain, int, double[])} with a given local error per Taylor step relative to ||rho||.
     *
     * @throws InvalidInputException as above, and naming "tolerance" unless {@code 0 < tolerance < 1}
     */
    public static double[][] populations(Chain chain, int initialMask, double[] times, double tolerance) {
        return populations(chain, initialMask, times, tolerance, STEP_NORM, Parallelism.available());
    }

    /**
     * As {@link #populations(Chain, int, double[], double)} with the parallel work on at most {@code threads}
     * threads; the numbers do not depend on it.
     *
     * @throws InvalidInputException as above, and naming "threads" if threads &lt; 1
     */
    public static double[][] populations(Chain chain, int initialMask, double[] times, double tolerance, int threads) {
        return populations(chain, initialMask, times, tolerance, STEP_NORM, Parallelism.of(threads));
    }

    /** As above with the step limited to nu h <= stepNorm instead of {@link #STEP_NORM} (for tests). */
    static double[][] populationsWithStep(Chain chain, int initialMask, double[] times, double tolerance,
                                          double stepNorm) {
        return populations(chain, initialMask, times, tolerance, stepNorm, Parallelism.available());
    }

    private static double[][] populations(Chain chain, int initialMask, double[] times, double tolerance,
                                          double stepNorm, Parallelism parallelism) {
        double[][] out = new double[times == null ? 0 : times.length][];
        propagate(chain, initialMask, times, tolerance, stepNorm, parallelism,
                (j, t, basis, packed) -> out[j] = BlockState.wrap(basis, packed).populations());
        return out;
    }

    /** Checks the input, then calls the listener with rho(t_j) for every j in order. */
    static void propagate(Chain chain, int initialMask, double[] times, double tolerance, StateListener listener) {
        propagate(chain, initialMask, times, tolerance, STEP_NORM, Parallelism.available(), listener);
    }

    static void propagate(Chain chain, int initialMask, double[] times, double tolerance, double stepNorm,
                          Parallelism parallelism, StateListener listener) {
        int sites = chain.sites();
        if (sites > MAX_SITES) {
            throw new InvalidInputException("sites", "relaxation curves are limited to N <= " + MAX_SITES + " (C(2N, N) = "
                    + SectorBasis.blockDiagonalSizeText(sites) + " unknowns at N = " + sites + "), got " + sites);
        }
        if (initialMask < 0 || initialMask >= 1 << sites) {
            throw new InvalidInputException("initial_state", "must be a mask from 0 to 2^N - 1 = " + ((1 << sites) - 1)
                    + ", got " + initialMask);
        }
        checkTimes(times);
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new InvalidInputException("tolerance", "must be in (0, 1), got " + tolerance);
        }
        if (times.length == 0) {
            return;
        }
        Liouvillian l = Liouvillian.of(chain, parallelism);
        SectorBasis basis = l.basis();
        int size = basis.size();
        double[] x = new double[size];
        int n = Integer.bitCount(initialMask);
        int d = basis.dim(n);
        int i = basis.index(initialMask);
        x[basis.offset(n) + i * d + i] = 1;

        double nu = GeneratorNorm.of(l);
        double maxStep = nu > 0 ? stepNorm / nu : Double.POSITIVE_INFINITY;
        double[] term = new double[size];
        double[] next = new double[size];
        double[] sum = new double[size];
        double t = 0;
        for (int j = 0; j < times.length; j++) {
            while (t < times[j]) {
                double h = Math.min(maxStep, times[j] - t);
                boolean reaches = h >= times[j] - t;
                step(l, x, h, nu, tolerance, term, next, sum);
                double[] swap = x;
                x = sum;
                sum = swap;
                t = reaches ? times[j] : t + h;
            }
            listener.at(j, times[j], basis, x);
        }
    }

    /** sum = exp(L h) x to the tail rule of the class comment; term and next are work space. */
    private static void step(Liouvillian l, double[] x, double h, double nu, double tolerance,
                             double[] term, double[] next, double[] sum) {
        double limit = tolerance * norm(x);
        System.arraycopy(x, 0, sum, 0, x.length);
        System.arraycopy(x, 0, term, 0, x.length);
        for (int k = 1; k <= MAX_ORDER; k++) {
            l.apply(term, next);
            double f = h / k;
            double n2 = 0;
            for (int p = 0; p < next.length; p++) {
                double v = next[p] * f;
                next[p] = v;
                sum[p] += v;
                n2 += v * v;
            }
            double[] swap = term;
            term = next;
            next = swap;
            double q = nu * h / (k + 1);
            if (q <= MAX_RATIO && Math.sqrt(n2) * q / (1 - q) <= limit) {
                return;
            }
        }
        throw new IllegalStateException("Taylor series of exp(L h) did not converge in " + MAX_ORDER
                + " terms (nu h = " + nu * h + ")");
    }

    private static void checkTimes(double[] times) {
        if (times == null) {
            throw new InvalidInputException("times", "is missing");
        }
        for (int j = 0; j < times.length; j++) {
            double t = times[j];
            if (!Double.isFinite(t) || t < 0) {
                throw new InvalidInputException("times", "must be finite numbers >= 0, got " + t + " at entry " + (j + 1));
            }
            if (j > 0 && t < times[j - 1]) {
                throw new InvalidInputException("times", "must be sorted ascending, got " + times[j - 1] + " before " + t
                        + " at entry " + (j + 1));
            }
        }
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }
}
