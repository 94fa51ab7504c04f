package org.qtraj.exact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.block.linsol.chol.CholeskyOuterSolver_DDRB;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRB;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.linalg.ComplexSymmetricTridiagonalEigen;
import org.qtraj.exact.linalg.DiagonalLyapunov;
import org.qtraj.exact.linalg.Parallelism;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Exact steady state of an XX chain (D = 0) with its baths on end sites, from the free-fermion two-point
 * correlations
 * C_kl = &lt;c^+_k c_l&gt; (PHYSICS.md, "Free-fermion structure"; C_kk = n_k and C_{k,k+1} = &lt;s+_k s-_{k+1}&gt;).
 * With h the single-particle matrix (h_kk = omega_k, h_{k,k+1} = g_k), per-site emission a_k and absorption
 * b_k summed over the baths on site k, gamma_k = a_k + b_k and dephasing d_k, the Heisenberg equations close:
 * <pre>
 *   dC/dt = X C + C X^+ + diag(b) + diag(d o c),     X = i h - diag(gamma + d)/2,    c = diag(C)
 * </pre>
 * (the dephasing damps C_kl, k != l, at (d_k + d_l)/2 and leaves C_kk alone). The steady state solves a
 * Lyapunov equation whose right-hand side -diag(s), s = b + d o c, is diagonal ({@link DiagonalLyapunov}).
 * Writing c = A s with the population response A (real symmetric), the dephasing feeds back as a
 * Buettiker-probe system on the dephased sites S:
 * <pre>
 *   (I - A_SS diag(d_S)) c_S = c0_S,     c0 = A b,
 * </pre>
 * solved by dense Cholesky in a symmetrised form ({@link #probeSolve}); a last Lyapunov solve with
 * s = b + d o c gives the populations and C_{k,k+1}. The equilibrium part is split off first: with
 * cbar = sum b / sum gamma, C = cbar I + C' and C' solves the same equations with b' = b - cbar gamma, so rounding
 * errors scale with the bias between the baths rather than with the populations.
 * Cost: O(N^2) for the eigen-decomposition of X and each right-hand side, O(N |S|^2) for A_SS and O(|S|^3) for
 * the Cholesky; memory O(N^2) (never an N^2 x N^2 matrix). Measured on 2 cores (load ~1.5), default model
 * with dephasing 0.5: N = 1000 in 0.9 s wall (1.7 s CPU), N = 2000 in 3.5 s wall (6.0 s CPU), heat currents
 * equal to the closed form to 5e-12 and 2e-12 relative (CorrelationTimingTest). A bond with g = 0 cuts the chain
 * into independent pieces, each solved alone.
 *
 * <p>Applies to: D = 0 and every bath (of nonzero rate) on the first or last site of the chain, or of a piece of
 * it cut off by zero couplings. On an interior site k the jump operator sigma^-_k = (-1)^{n_1 + ... + n_{k-1}} c_k
 * carries the Jordan-Wigner string; its dissipator then couples C_ij (i &lt; k &lt; j) to four-point functions and
 * the equations do not close (checked against the full master equation in the tests). Dephasing n_k = c^+_k c_k
 * has no string and may sit anywhere.
 *
 * <p>Checks: the continuity equation at every site, 0 = b_k - gamma_k c_k - 2 g_{k-1} Im C_{k-1,k}
 * + 2 g_k Im C_{k,k+1}, relative to the size of its terms (extra {@code residual}), and the agreement of the
 * final populations with the probe solution (extra {@code self_consistency}); either above 1e-8 is a
 * {@link SolverException}. Extras also report {@code eigen_condition} (the worst eigenvalue condition number of
 * X, 1 for a normal X) and {@code slowest_decay} (min -Re lambda of X).
 *
 * <p>Where accuracy degrades: digits are lost in proportion to eigen_condition (X close to an exceptional
 * point, e.g. N = 2 with |gamma_1 - gamma_2| near 4 g: 1e-12 relative at distance 1e-4 from it, a
 * SolverException at 1e-8) and to ||X|| / slowest_decay. Without dephasing, disordered chains are
 * Anderson-localised and the modes far from the baths decay at ~ exp(-2 L / xi): a mode slower than
 * 1e-10 ||X|| is refused with a SolverException (disorder W = 1 in omega: fine at N = 50, refused from N ~ 100
 * on). Any dephasing bounds every decay rate from below by min d / 2; uniform dephasing only shifts the
 * spectrum and is harmless. Strong dephasing d >> g makes the probe system a stiff diffusion problem (condition
 * ~ N^2 (d/g)^2); restoring particle conservation in A ({@link #conserve}) keeps the current accurate to 5e-9 at
 * d/g = 1000, N = 200, and at d/g = 1e6 the residual check refuses. Near-degenerate neighbouring eigenvalues (dense spectra of long uniform chains) cost
 * digits too; the Gram-Schmidt step of {@link ComplexSymmetricTridiagonalEigen} keeps that at the level quoted
 * above.
 *
 * <p>Stateless and thread-safe; the heavy loops run on the threads of {@link #solve(Chain, int)} (default: all
 * available processors), with the same result for any thread count.
 */
public final class CorrelationSolver implements SteadyStateSolver {
    /** The longest chain it solves: the cost grows as N^3 (5.1 s at N = 2000 on 2 cores, README). */
    public static final int MAX_SITES = 5000;

    /** Largest accepted relative violation of the continuity equation and of the self-consistency. */
    static final double TOLERANCE = 1e-8;

    @Override
    public String name() {
        return "correlation";
    }

    @Override
    public String refusal(Chain chain) {
        if (!chain.isChain()) {
            return NotApplicableException.NETWORK_REASON;
        }
        if (chain.sites() > MAX_SITES) {
            return "N = " + chain.sites() + " is beyond its limit of " + MAX_SITES + " sites (its cost grows as N^3:"
                    + " 5 s at N = 2000, so about 80 s at N = 5000)";
        }
        if (!chain.isXX()) {
            return "it needs D = 0 (an XX chain): a ZZ coupling makes the Jordan-Wigner fermions interact and the"
                    + " two-point correlation equations do not close; use liouvillian";
        }
        List<int[]> pieces = segments(chain);
        for (Bath bath : chain.baths()) {
            int k = bath.site();
            boolean atEnd = false;
            for (int[] seg : pieces) {
                atEnd |= k == seg[0] || k == seg[1] - 1;
            }
            if (bath.rate() != 0 && !atEnd) {
                return "the bath on site " + (k + 1) + " sits inside the chain: its jump operators carry a"
                        + " Jordan-Wigner string, so the fermion correlations do not close (only baths on the first or"
                        + " last site, of the chain or of a piece cut off by zero couplings, are linear in the fermions);"
                        + " use liouvillian";
            }
        }
        double[] gamma = new double[chain.sites()];
        for (Bath bath : chain.baths()) {
            gamma[bath.site()] += bath.gamma(chain.bathOmega(bath));
        }
        for (int[] seg : pieces) {
            boolean reached = false;
            for (int k = seg[0]; k < seg[1]; k++) {
                reached |= gamma[k] > 0;
            }
            if (!reached) {
                return "sites " + (seg[0] + 1) + " to " + seg[1] + " reach no bath (zero couplings or bath rates),"
                        + " so the steady state is not unique";
            }
        }
        return null;
    }

    /** Maximal pieces [from, to) joined by nonzero couplings. */
    private static List<int[]> segments(Chain chain) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int b = 0; b < chain.bonds(); b++) {
            if (chain.coupling(b) == 0) {
                out.add(new int[] {start, b + 1});
                start = b + 1;
            }
        }
        out.add(new int[] {start, chain.sites()});
        return out;
    }

    @Override
    public ExactResult solve(Chain chain) {
        return solve(chain, Parallelism.available());
    }

    @Override
    public ExactResult solve(Chain chain, int threads) {
        return solve(chain, Parallelism.of(threads));
    }

    private ExactResult solve(Chain chain, Parallelism parallelism) {
        requireApplicable(chain);
        int n = chain.sites();
        double[] absorption = new double[n];
        double[] gamma = new double[n];
        for (Bath bath : chain.baths()) {
            double w = chain.bathOmega(bath);
            absorption[bath.site()] += bath.absorptionRate(w);
            gamma[bath.site()] += bath.gamma(w);
        }
        double[] omega = chain.omegas();
        double[] g = chain.couplings();
        double[] d = chain.dephasings();
        double[] pop = new double[n];
        double[] cohRe = new double[n - 1];
        double residual = 0;
        double consistency = 0;
        double condition = 1;
        double slowest = Double.POSITIVE_INFINITY;
        for (int[] seg : segments(chain)) {
            int from = seg[0];
            int len = seg[1] - seg[0];
            Piece piece = solvePiece(slice(omega, from, len), slice(g, from, len - 1), slice(gamma, from, len),
                    slice(absorption, from, len), slice(d, from, len), parallelism);
            System.arraycopy(piece.solution.populations(), 0, pop, from, len);
            System.arraycopy(piece.solution.coherenceRe(), 0, cohRe, from, len - 1);
            residual = Math.max(residual, piece.residual);
            consistency = Math.max(consistency, piece.consistency);
            condition = Math.max(condition, piece.condition);
            slowest = Math.min(slowest, piece.slowest);
        }
        if (!(residual <= TOLERANCE) || !(consistency <= TOLERANCE)) {
            throw new SolverException(String.format(java.util.Locale.ROOT,
                    "correlation: the steady state fails its checks (continuity residual %.3g, self-consistency %.3g,"
                            + " tolerance %.0e; eigenvalue condition %.3g, slowest decay rate %.3g)",
                    residual, consistency, TOLERANCE, condition, slowest));
        }
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put("residual", residual);
        extras.put("self_consistency", consistency);
        extras.put("eigen_condition", condition);
        extras.put("slowest_decay", slowest);
        return BondCurrents.result(name(), chain, pop, cohRe, extras);
    }

    private record Piece(DiagonalLyapunov.Solution solution, double residual, double consistency, double condition,
                         double slowest) {
    }

    /** One connected piece (all couplings nonzero). A piece of one site is just its bath balance. */
    private static Piece solvePiece(double[] omega, double[] g, double[] gamma, double[] absorption, double[] d,
                                    Parallelism parallelism) {
        int n = omega.length;
        if (n == 1) {
            // dc/dt = b - gamma c; dephasing does nothing to a lone population.
            return new Piece(new DiagonalLyapunov.Solution(new double[] {absorption[0] / gamma[0]}, new double[0],
                    new double[0], 0), 0, 0, 1, gamma[0]);
        }
        double[] damping = new double[n];
        double sumB = 0;
        double sumGamma = 0;
        for (int k = 0; k < n; k++) {
            damping[k] = gamma[k] + d[k];
            sumB += absorption[k];
            sumGamma += gamma[k];
        }
        // C = cbar I + C' with cbar = sum b / sum gamma: cbar I solves the equations with source cbar gamma, so C'
        // has the source b' = b - cbar gamma (plus d o c' from the dephasing). C' is proportional to the bias
        // between the baths, so rounding errors (which grow like 1/slowest decay) scale with the bias, not with
        // the equilibrium populations: a chain with equal s at every bath comes out exactly thermal.
        double cbar = sumB / sumGamma;
        double[] biased = new double[n];
        for (int k = 0; k < n; k++) {
            biased[k] = absorption[k] - cbar * gamma[k];
        }
        DiagonalLyapunov lyap;
        try {
            lyap = new DiagonalLyapunov(omega, g, damping, parallelism);
        } catch (DiagonalLyapunov.UndampedMode e) {
            // the model has a mode decoupled from the baths: bad input for this method (exit 2), not a crash
            throw new NotApplicableException("correlation", e.getMessage().replaceFirst("^correlation: ", ""));
        }
        double condition = lyap.eigen().worstCondition();
        double slowest = lyap.slowestDecay();
        DiagonalLyapunov.Solution c0 = lyap.apply(biased);
        int count = 0;
        for (double x : d) {
            count += x > 0 ? 1 : 0;
        }
        if (count == 0) {
            return new Piece(shifted(c0, cbar), continuityResidual(g, gamma, biased, c0, absorption, cbar), 0,
                    condition, slowest);
        }
        // The response on every damped site T (dephased sites S and bath sites): A_TT.
        int damped = 0;
        for (int k = 0; k < n; k++) {
            damped += damping[k] > 0 ? 1 : 0;
        }
        int[] all = new int[damped];
        for (int k = 0, p = 0; k < n; k++) {
            if (damping[k] > 0) {
                all[p++] = k;
            }
        }
        double[][] aAll = lyap.response(all);
        conserve(aAll, all, damping);
        int[] sites = new int[count];
        int[] pos = new int[count];
        for (int p = 0, q = 0; p < all.length; p++) {
            if (d[all[p]] > 0) {
                sites[q] = all[p];
                pos[q++] = p;
            }
        }
        double[][] a = new double[count][count];
        double[] c0s = new double[n];
        for (int p = 0; p < count; p++) {
            for (int q = 0; q < count; q++) {
                a[p][q] = aAll[pos[p]][pos[q]];
            }
            // c0 = A b' from the same (conserving) A: b' lives on the bath sites, which are in T.
            double sum = 0;
            for (int q = 0; q < all.length; q++) {
                sum += aAll[pos[p]][q] * biased[all[q]];
            }
            c0s[sites[p]] = sum;
        }
        double[] cs = probeSolve(a, sites, d, c0s);
        // (c0 from this A rather than from the O(N^2) solve: one operator throughout the probe system.)
        double[] source = biased.clone();
        for (int p = 0; p < count; p++) {
            source[sites[p]] += d[sites[p]] * cs[p];
        }
        DiagonalLyapunov.Solution fin = lyap.apply(source);
        double diff = 0;
        double size = cbar;
        for (int p = 0; p < count; p++) {
            diff = Math.max(diff, Math.abs(cs[p] - fin.populations()[sites[p]]));
            size = Math.max(size, Math.abs(cs[p]));
        }
        // Relative to the populations (cbar + c').
        return new Piece(shifted(fin, cbar), continuityResidual(g, gamma, biased, fin, absorption, cbar),
                size > 0 ? diff / size : diff, condition, slowest);
    }

    /**
     * Restores particle conservation, sum_k Gamma_k A_kj = 1 for every column j (the trace of the Lyapunov
     * equation with source e_j e_j^T), by a symmetric diagonal scaling A -> diag(sigma) A diag(sigma) (three
     * Sinkhorn-type sweeps sigma_j = 1/sqrt(sum_k Gamma_k A_kj); the defect starts at ~1e-13). Why: the probe
     * system is a discrete diffusion problem whose condition number grows like N^2 (d/g)^2, and a rounding error that
     * creates or destroys particles is amplified by it, while the scaling changes A only at the rounding level.
     * Measured on uniform chains of N = 200 against the closed form: d = 1000, g = 1, relative error of the current
     * 3e-8 without, 5e-9 with the scaling; d = 5, g = 1e-3: 4e-7 without, 4e-14 with.
     */
    static void conserve(double[][] a, int[] sites, double[] damping) {
        int m = sites.length;
        double[] sigma = new double[m];
        for (int sweep = 0; sweep < 3; sweep++) {
            for (int j = 0; j < m; j++) {
                double t = 0;
                for (int k = 0; k < m; k++) {
                    t += damping[sites[k]] * a[k][j];
                }
                if (!(t > 0)) {
                    throw new SolverException("correlation: the population response of site " + (sites[j] + 1)
                            + " is not positive (" + t + "); the eigen-decomposition has failed");
                }
                sigma[j] = 1 / Math.sqrt(t);
            }
            for (int k = 0; k < m; k++) {
                for (int j = 0; j < m; j++) {
                    a[k][j] *= sigma[k] * sigma[j];
                }
            }
        }
    }

    /**
     * Solves (I - A_SS diag(d_S)) c_S = c0_S in the symmetric form (I - D^1/2 A D^1/2) y = D^1/2 c0, c = D^-1/2 y.
     * A is symmetric and entrywise non-negative (A_kj = (1/2 pi) int |G_kj(w)|^2 dw) with
     * sum_k (gamma_k + d_k) A_kj = 1 (particle conservation), so D A is column-substochastic and the symmetric
     * matrix has its eigenvalues in (0, 2): Cholesky applies (EJML's blocked solver); LU is the fallback if rounding
     * makes it fail.
     */
    private static double[] probeSolve(double[][] a, int[] sites, double[] d, double[] c0) {
        int count = sites.length;
        double[] root = new double[count];
        for (int p = 0; p < count; p++) {
            root[p] = Math.sqrt(d[sites[p]]);
        }
        DMatrixRMaj m = new DMatrixRMaj(count, count);
        DMatrixRMaj rhs = new DMatrixRMaj(count, 1);
        for (int p = 0; p < count; p++) {
            for (int q = 0; q < count; q++) {
                m.unsafe_set(p, q, (p == q ? 1 : 0) - root[p] * a[p][q] * root[q]);
            }
            rhs.set(p, 0, root[p] * c0[sites[p]]);
        }
        DMatrixRMaj y = new DMatrixRMaj(count, 1);
        // Single-threaded: EJML's multi-threaded variant of this solver runs on a JVM-wide pool of its own that no
        // thread count bounds. It gives the same numbers (same blocked algorithm) and was no faster on 2 cores
        // (0.41 s against 0.37-0.47 s for a 2000 x 2000 system; the whole solve at N = 2000 takes ~3.5 s).
        LinearSolverDense<DMatrixRMaj> chol = new LinearSolverChol_DDRB(new CholeskyOuterSolver_DDRB());
        if (chol.setA(m.copy())) {
            chol.solve(rhs, y);
        } else {
            LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(count);
            if (!lu.setA(m)) {
                throw new SolverException("correlation: the dephasing (Buettiker-probe) system is singular");
            }
            lu.solve(rhs, y);
        }
        double[] c = new double[count];
        for (int p = 0; p < count; p++) {
            c[p] = y.get(p, 0) / root[p];
        }
        return c;
    }

    private static DiagonalLyapunov.Solution shifted(DiagonalLyapunov.Solution s, double cbar) {
        double[] pop = s.populations().clone();
        for (int k = 0; k < pop.length; k++) {
            pop[k] += cbar;
        }
        return new DiagonalLyapunov.Solution(pop, s.coherenceRe(), s.coherenceIm(), s.maxImagPopulation());
    }

    /**
     * The continuity equation of the shifted problem, max_k |b'_k - gamma_k c'_k - 2 g_{k-1} Im C_{k-1,k}
     * + 2 g_k Im C_{k,k+1}| (b' = b - cbar gamma, c' = c - cbar: the same equation as for b and c), divided by the
     * largest of its terms at any site, or by 1e-12 of the equilibrium terms b_k, gamma_k cbar if the bias is that
     * small.
     */
    static double continuityResidual(double[] g, double[] gamma, double[] biased, DiagonalLyapunov.Solution sol,
                                     double[] absorption, double cbar) {
        double[] pop = sol.populations();
        double[] cohIm = sol.coherenceIm();
        int n = pop.length;
        double worst = 0;
        double scale = 0;
        double equilibrium = 0;
        for (int k = 0; k < n; k++) {
            double in = k > 0 ? 2 * g[k - 1] * cohIm[k - 1] : 0;
            double out = k < n - 1 ? 2 * g[k] * cohIm[k] : 0;
            double balance = biased[k] - gamma[k] * pop[k] - in + out;
            worst = Math.max(worst, Math.abs(balance));
            scale = Math.max(scale, Math.max(Math.max(Math.abs(biased[k]), gamma[k] * Math.abs(pop[k])),
                    Math.max(Math.abs(in), Math.abs(out))));
            equilibrium = Math.max(equilibrium, Math.max(absorption[k], gamma[k] * cbar));
        }
        scale = Math.max(scale, 1e-12 * equilibrium);
        return scale > 0 ? worst / scale : worst;
    }

    private static double[] slice(double[] x, int from, int len) {
        double[] out = new double[len];
        System.arraycopy(x, from, out, 0, len);
        return out;
    }
}
