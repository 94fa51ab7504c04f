package org.qtraj.exact.counting;

import java.util.Arrays;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.sector.Gmres;

/**
 * The scaled cumulant generating function theta(s) = lim (1/t) ln &lt;exp(s N_t)&gt; of the net count N_t
 * (absorptions - emissions at the counted bath) as the leading eigenvalue of the tilted generator
 * <pre>
 *   L(s) = L_0 + (e^s - 1) J_abs + (e^{-s} - 1) J_em = L_0 + sinh(s) L^(1) + (cosh(s) - 1) L^(2)
 * </pre>
 * (PHYSICS.md "Large deviations of the current"), and its Legendre-Fenchel transform, the rate function
 * I(j) = sup_s [s j - theta(s)] ({@link #rateFunction}).
 *
 * <h2>Eigensolver: Newton continuation in s from the steady state</h2>
 * At s = 0 the leading eigenvalue is known: theta(0) = 0 with the steady state as eigenvector, and every other
 * eigenvalue has a negative real part (a unique steady state). From there the pair (v, theta) is continued in s in
 * steps of at most {@value #MAX_STEP}: secant predictors for theta and v from the last two points, then Newton's
 * method on F(v, theta) = (L(s) v - theta v, tr v - 1), each Newton step one solve of the bordered system
 * <pre>
 *   [ L(s) - theta   -v ] [dv    ]   [ -(L(s) v - theta v) ]
 *   [ tr^T            0 ] [dtheta] = [ 0                   ]
 * </pre>
 * by the existing restarted GMRES ({@link Gmres}), right-preconditioned by the generator's approximate inverse of
 * L_0 ({@link CountingGenerator#precondition}: the per-sector coherent preconditioner of the Liouvillian, or the
 * diagonal of the rate matrix). The bordered matrix is invertible exactly when theta is a simple eigenvalue, so
 * Newton converges quadratically near the branch; a step whose Newton iteration fails is halved. Only matrix-free
 * products with L_0 and the counted jumps are used, so the quantum generator keeps its excitation-number block
 * structure (the counted jumps move between neighbouring blocks; the packed block-diagonal vector is closed under
 * L(s)).
 *
 * <h2>Why the answer is the leading eigenvalue</h2>
 * For real s the classical L(s) has nonnegative off-diagonal entries and is irreducible, so by Perron-Frobenius its
 * eigenvalue of largest real part is real and simple, with a positive eigenvector; for the quantum chain
 * exp(t L(s)) is a completely positive map (the tilt multiplies the jump terms L rho L^+ by positive numbers), and
 * the same holds for its spectral radius e^{t theta(s)} (Evans and Hoegh-Krohn), the eigenvector being a positive
 * matrix. The leading eigenvalue is therefore a real-analytic function of s that never meets another eigenvalue,
 * and the continuation starts on it at s = 0. Small steps keep Newton on that branch; as an a posteriori check every
 * converged eigenvector must be positive ({@link CountingGenerator#isPositive}: all entries for the rate matrix, for
 * which a nonnegative eigenvector belongs to the Perron eigenvalue only; the populations, i.e. the block diagonals,
 * for the density matrix, a necessary condition), else a {@link SolverException} is thrown. The tests compare with
 * the eigenvalue of largest real part of the dense generator.
 *
 * <p>Reported per point: the residual ||L(s) v - theta v|| / ||v|| (Euclidean norms of the packed vectors), after
 * Newton has brought it to at most {@value #TOLERANCE} times the generator's norm bound. The sequence of
 * continuation steps depends only on the grid, and every product is independent of the thread count, so the
 * results are bit-identical for any number of threads.
 *
 * <p>Stateless and thread-safe (as the generator is).
 */
public final class LargeDeviations {
    /** Largest continuation step in s. */
    public static final double MAX_STEP = 0.1;
    /** Largest |s| accepted: e^10 = 2.2e4 times a jump rate, the stiffness at which the Liouvillian's solver stops. */
    public static final double MAX_FIELD = 10;
    /** Most grid points. */
    public static final int MAX_POINTS = 100_001;
    /** Target of ||L(s) v - theta v|| / ||v||, relative to {@link CountingGenerator#normBound()}. */
    public static final double TOLERANCE = 1e-12;
    private static final int MAX_NEWTON = 12;
    private static final double MIN_STEP = 1e-5;

    private LargeDeviations() {
    }

    /**
     * theta(s) at one counting field, with its residual and the total number of Newton steps of its continuation.
     *
     * @param s          counting field
     * @param theta      leading eigenvalue of L(s)
     * @param residual   ||L(s) v - theta v|| / ||v|| for the returned eigenvector v
     * @param newtonSteps Newton steps (each one bordered GMRES solve) spent since the previous reported point
     */
    public record Point(double s, double theta, double residual, int newtonSteps) {
    }

    /**
     * The grid {@code S_MIN:S_MAX:K} of K equally spaced counting fields, both ends included (the text of the
     * command line option; colons separate the three numbers).
     *
     * @throws InvalidInputException naming "theta" unless K is 2..{@value #MAX_POINTS}, S_MIN &lt; S_MAX, and both
     *                               are finite with |s| &lt;= {@value #MAX_FIELD}
     */
    public static double[] parseGrid(String text) {
        String[] parts = text == null ? new String[0] : text.split(":", -1);
        if (parts.length != 3) {
            throw new InvalidInputException("theta", "expected S_MIN:S_MAX:K (e.g. -2:2:41), got '" + text + "'");
        }
        double lo;
        double hi;
        int k;
        try {
            lo = Double.parseDouble(parts[0].trim());
            hi = Double.parseDouble(parts[1].trim());
            k = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("theta", "expected S_MIN:S_MAX:K with numbers S_MIN, S_MAX and an integer"
                    + " K, got '" + text + "'");
        }
        return grid(lo, hi, k);
    }

    /**
     * K equally spaced counting fields from lo to hi (both included; (lo (K - 1 - i) + hi i)/(K - 1)).
     *
     * @throws InvalidInputException naming "theta" as {@link #parseGrid}
     */
    public static double[] grid(double lo, double hi, int k) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new InvalidInputException("theta", "S_MIN and S_MAX must be finite, got " + lo + " and " + hi);
        }
        if (!(lo < hi)) {
            throw new InvalidInputException("theta", "S_MIN must be below S_MAX, got " + lo + " and " + hi);
        }
        if (Math.abs(lo) > MAX_FIELD || Math.abs(hi) > MAX_FIELD) {
            throw new InvalidInputException("theta", "counting fields must lie in [-" + (int) MAX_FIELD + ", "
                    + (int) MAX_FIELD + "] (e^10 = 2.2e4 times a rate: the generator becomes too stiff), got "
                    + lo + ":" + hi);
        }
        if (k < 2 || k > MAX_POINTS) {
            throw new InvalidInputException("theta", "K (the number of points) must be 2.." + MAX_POINTS + ", got " + k);
        }
        double[] s = new double[k];
        for (int i = 0; i < k; i++) {
            // (lo (K-1-i) + hi i)/(K-1): both ends exact, and s = 0 exactly on a symmetric grid with odd K
            s[i] = (lo * (k - 1 - i) + hi * i) / (k - 1);
        }
        return s;
    }

    /**
     * theta(s) at every counting field of {@code fields} (any order; returned in the same order), continued from the
     * steady state at s = 0 upward through the positive fields and downward through the negative ones.
     *
     * @throws SolverException if Newton fails even at the smallest step, or an eigenvector is not positive
     */
    public static Point[] theta(CountingGenerator g, double[] fields) {
        for (double s : fields) {
            if (!Double.isFinite(s) || Math.abs(s) > MAX_FIELD) {
                throw new InvalidInputException("theta", "counting fields must be finite and in [-" + MAX_FIELD + ", "
                        + MAX_FIELD + "], got " + s);
            }
        }
        Integer[] order = new Integer[fields.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(fields[a], fields[b]));
        Point[] out = new Point[fields.length];
        double[] v0 = g.steadyState();
        scaleToUnitTrace(g, v0);
        double[] k1 = new double[v0.length];
        g.applyCounted(1, v0, k1);
        double slope0 = g.trace(k1); // theta'(0) = kappa_1
        for (int dir : new int[] {+1, -1}) {
            Branch b = new Branch(g, v0.clone(), slope0);
            for (int idx = 0; idx < order.length; idx++) {
                int i = order[dir > 0 ? idx : order.length - 1 - idx];
                double s = fields[i];
                if (dir > 0 ? s < 0 : s >= 0) {
                    continue;
                }
                out[i] = b.advanceTo(s);
            }
        }
        return out;
    }

    /** One direction of the continuation: the current point and eigenvector. */
    private static final class Branch {
        private final CountingGenerator g;
        private final double tol;
        private double[] v;
        /** The eigenvector before the last accepted step (null before the first) and that step's length. */
        private double[] previousV;
        private double previousStep;
        private double s;
        private double theta;
        private double slope;
        private int steps;

        Branch(CountingGenerator g, double[] v, double slope) {
            this.g = g;
            this.v = v;
            this.slope = slope;
            this.tol = TOLERANCE * g.normBound();
        }

        Point advanceTo(double target) {
            steps = 0;
            if (target == s) {
                // polish (at s = 0 the steady state is already the eigenvector)
                Newton n = newton(g, target, v, theta, tol);
                if (n == null) {
                    throw new SolverException("theta(s): Newton did not converge at s = " + target);
                }
                accept(target, n);
                return new Point(target, theta, n.residual, steps);
            }
            double h = Math.min(MAX_STEP, Math.abs(target - s));
            double residual = Double.NaN;
            while (s != target) {
                double dist = target - s;
                double step = Math.abs(dist) <= h ? dist : Math.copySign(h, dist);
                double next = Math.abs(dist) <= h ? target : s + step;
                Newton n = newton(g, next, predict(step), theta + slope * step, tol);
                if (n == null) {
                    h /= 2;
                    if (h < MIN_STEP) {
                        throw new SolverException("theta(s): Newton continuation failed between s = " + s + " and "
                                + next + " (step below " + MIN_STEP + ")");
                    }
                    continue;
                }
                slope = (n.theta - theta) / step;
                previousV = v;
                previousStep = step;
                accept(next, n);
                residual = n.residual;
                h = Math.min(MAX_STEP, 2 * h);
            }
            if (!g.isPositive(v)) {
                throw new SolverException("theta(s): the eigenvector at s = " + target + " is not positive, so the"
                        + " eigenvalue found is not the leading one");
            }
            return new Point(target, theta, residual, steps);
        }

        /** Secant predictor of the eigenvector a step ahead: v + (step/previousStep) (v - previousV). */
        private double[] predict(double step) {
            double f = previousV == null ? 0 : step / previousStep;
            if (previousV == null || !(Math.abs(f) <= 2)) {
                // no previous point, or one far closer than this step: a secant would amplify its rounding
                return v;
            }
            double[] p = new double[v.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = v[i] + f * (v[i] - previousV[i]);
            }
            return p;
        }

        private void accept(double at, Newton n) {
            s = at;
            theta = n.theta;
            v = n.v;
            steps += n.steps;
        }
    }

    private record Newton(double[] v, double theta, double residual, int steps) {
    }

    /** Newton's method from (v, theta); null if it does not reach the tolerance. v is not modified. */
    private static Newton newton(CountingGenerator g, double s, double[] start, double theta0, double tol) {
        int dim = start.length;
        double[] v = start.clone();
        scaleToUnitTrace(g, v);
        double theta = theta0;
        double[] r = new double[dim];
        double[] tmp = new double[dim];
        long vectorBytes = 8L * (dim + 1);
        int restart = (int) Math.max(20, Math.min(100, Runtime.getRuntime().maxMemory() / 2 / vectorBytes - 6));
        double previous = Double.POSITIVE_INFINITY;
        for (int it = 0; it <= MAX_NEWTON; it++) {
            g.applyTilted(s, v, r);
            Gmres.axpy(-theta, v, r);
            double res = norm(r) / norm(v);
            if (res <= tol) {
                return new Newton(v, theta, res, it);
            }
            if (it == MAX_NEWTON || !(res < previous) && it > 1 || !Double.isFinite(res)) {
                return null;
            }
            previous = res;
            final double th = theta;
            final double[] vv = v;
            Gmres.Operator bordered = (x, out) -> {
                double[] xs = Arrays.copyOf(x, dim);
                g.applyTilted(s, xs, tmp);
                double dtheta = x[dim];
                for (int i = 0; i < dim; i++) {
                    out[i] = tmp[i] - th * x[i] - vv[i] * dtheta;
                }
                out[dim] = g.trace(xs);
            };
            double[] pin = new double[dim];
            Gmres.Operator precondition = (x, out) -> {
                double[] xs = Arrays.copyOf(x, dim);
                g.precondition(xs, pin);
                System.arraycopy(pin, 0, out, 0, dim);
                out[dim] = x[dim];
            };
            double[] rhs = new double[dim + 1];
            for (int i = 0; i < dim; i++) {
                rhs[i] = -r[i];
            }
            // inexact Newton: a relative inner accuracy of 1e-8 is enough for the outer tolerance in a few steps
            Gmres.Result sol = Gmres.solve(bordered, precondition, rhs, 1e-8, restart, 20 * restart);
            double[] z = sol.x();
            for (int i = 0; i < dim; i++) {
                v[i] += z[i];
            }
            theta += z[dim];
            if (!(g.trace(v) > 0)) {
                return null; // a wild step: the caller halves the continuation step
            }
            scaleToUnitTrace(g, v);
        }
        return null;
    }

    private static void scaleToUnitTrace(CountingGenerator g, double[] v) {
        double t = g.trace(v);
        if (!(t > 0)) {
            throw new SolverException("theta(s): the eigenvector lost its trace (tr v = " + t + ")");
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= t;
        }
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double a : x) {
            s += a * a;
        }
        return Math.sqrt(s);
    }

    /**
     * The affinity A of the Gallavotti-Cohen symmetry theta(s) = theta(-s - A) for the net count at {@code bath}
     * (0 left, 1 right):
     * <pre>
     *   A = omega_R / T_R - omega_L / T_L   (count at the left bath),   -A at the right bath,
     * </pre>
     * with omega_j the energy of the site bath j is attached to. Derivation: a particle carried from the left bath to
     * the right one is an absorption at the left (rate G_L nbar_L) and, later, an emission at the right (rate
     * G_R (nbar_R + 1)); its time reverse has the rates G_L (nbar_L + 1) and G_R nbar_R. The log of the ratio of
     * forward to backward rates, ln[nbar_L/(nbar_L + 1)] - ln[nbar_R/(nbar_R + 1)] = omega_R/T_R - omega_L/T_L (from
     * nbar/(nbar + 1) = e^{-omega/T}), is the entropy one transfer produces, the same for every path through the
     * chain; hence P(N_t = n)/P(N_t = -n) ~ e^{A n} and theta(s) = theta(-s - A). For equal omegas and T_L &gt; T_R,
     * A = omega (1/T_R - 1/T_L) &gt; 0: the mean current flows out of the hot bath, as it must.
     *
     * <p>Measured (LargeDeviationsTest, quantum and classical, N = 3, 4): the symmetry holds to 2e-11 (the accuracy of theta) with
     * D != 0, with dephasing on every site, with unequal omegas, and with disordered couplings: the dephasing jumps n_k
     * move no excitation and are their own time reverse (an infinite-temperature bath that exchanges no particles),
     * so they add no term to A. It needs both temperatures &gt; 0: at T = 0 one direction of a bath's jumps is absent,
     * A is infinite and theta(s) has no mirror symmetry (NaN is returned).
     *
     * <p>An inverted bath (T &lt; 0, G &lt; 0; {@link org.qtraj.model.Bath#ofOccupation}) has nbar &lt; -1 and still
     * nbar/(nbar + 1) = e^{-omega/T}, so the same A holds; for Znidaric's driving (occupations (1 +- mu)/2 at the two
     * ends) it is A = 2 ln[(1 + mu)/(1 - mu)] (ZnidaricDrivingTest).
     *
     * @return A, or NaN unless the model has exactly two baths, both at T != 0
     * @throws IllegalArgumentException if bath is not 0 or 1
     */
    public static double affinity(org.qtraj.model.Chain chain, int bath) {
        if (chain.bathCount() != 2) {
            return Double.NaN; // the two-bath affinity; with one bath or several the symmetry is not derived here
        }
        if (bath != 0 && bath != 1) {
            throw new IllegalArgumentException("bath must be 0 or 1, got " + bath);
        }
        org.qtraj.model.Bath l = chain.left();
        org.qtraj.model.Bath r = chain.right();
        if (l.temperature() == 0 || r.temperature() == 0) {
            return Double.NaN;
        }
        double a = chain.bathOmega(r) / r.temperature() - chain.bathOmega(l) / l.temperature();
        return bath == 0 ? a : -a;
    }

    /**
     * The rate function on a grid of currents, from theta on a grid of counting fields.
     *
     * @param j    currents, equally spaced from jMin to jMax
     * @param rate I(j) = max over the grid of [s j - theta(s)]
     * @param jMin slope of theta between the first two fields
     * @param jMax slope of theta between the last two fields
     */
    public record RateFunction(double[] j, double[] rate, double jMin, double jMax) {
    }

    /**
     * I(j) = sup_s [s j - theta(s)] by the discrete Legendre-Fenchel transform over the grid (s ascending,
     * theta convex), at {@code points} equally spaced currents from the slope of the first chord of theta to the slope
     * of the last one. Only there is the supremum over all real s attained inside [S_MIN, S_MAX] (theta is convex, so
     * theta'(s) is increasing and j = theta'(s*) has its maximiser s* in the grid's range); the discrete maximum is
     * the transform of the piecewise-linear interpolant, below the exact I(j) by at most max theta'' h^2 / 8 for
     * a grid step h. Outside that range the grid cannot say anything and nothing is reported.
     *
     * @throws IllegalArgumentException if fewer than 2 fields or s not strictly ascending
     */
    public static RateFunction rateFunction(double[] s, double[] theta, int points) {
        int k = s.length;
        if (k < 2 || theta.length != k || points < 2) {
            throw new IllegalArgumentException("need at least 2 fields and 2 currents");
        }
        for (int i = 1; i < k; i++) {
            if (!(s[i] > s[i - 1])) {
                throw new IllegalArgumentException("fields must ascend");
            }
        }
        double jMin = (theta[1] - theta[0]) / (s[1] - s[0]);
        double jMax = (theta[k - 1] - theta[k - 2]) / (s[k - 1] - s[k - 2]);
        double[] j = new double[points];
        double[] rate = new double[points];
        for (int p = 0; p < points; p++) {
            double jj = p == points - 1 ? jMax : jMin + p * (jMax - jMin) / (points - 1);
            double best = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                best = Math.max(best, s[i] * jj - theta[i]);
            }
            j[p] = jj;
            rate[p] = best;
        }
        return new RateFunction(j, rate, jMin, jMax);
    }
}
