package org.qtraj.exact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Exact steady state of an XX chain (D = 0) from the free-fermion two-point correlations
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
 * solved by dense LU; a last Lyapunov solve with s = b + d o c gives the populations and C_{k,k+1}.
 * Cost: O(N^2) for the eigen-decomposition of X and each right-hand side, O(N |S|^2) for A_SS and O(|S|^3) for
 * the LU; memory O(N^2) (never an N^2 x N^2 matrix). A bond with g = 0 cuts the chain into independent pieces,
 * each solved alone.
 *
 * <p>Checks: the continuity equation at every site, 0 = b_k - gamma_k c_k - 2 g_{k-1} Im C_{k-1,k}
 * + 2 g_k Im C_{k,k+1}, relative to the size of its terms (extra {@code residual}), and the agreement of the
 * final populations with the LU solution (extra {@code self_consistency}); either above 1e-8 is a
 * {@link SolverException}. Extras also report {@code eigen_condition} (the worst eigenvalue condition number of
 * X, 1 for a normal X) and {@code slowest_decay} (min -Re lambda of X).
 *
 * <p>Where accuracy degrades: digits are lost in proportion to eigen_condition (X close to an exceptional
 * point, e.g. N = 2 with |gamma_1 - gamma_2| near 4 g) and to 1/slowest_decay relative to the rates
 * (without dephasing, disordered chains are Anderson-localised and the modes far from the baths decay at rates
 * ~ exp(-2 L / xi), which for N in the hundreds reach the double-precision floor: the residual check then
 * refuses the result). Uniform dephasing only shifts the spectrum and is harmless.
 *
 * <p>Stateless and thread-safe; the heavy loops use the common fork-join pool.
 */
public final class CorrelationSolver implements SteadyStateSolver {
    /** Largest accepted relative violation of the continuity equation and of the self-consistency. */
    static final double TOLERANCE = 1e-8;

    @Override
    public String name() {
        return "correlation";
    }

    @Override
    public String refusal(Chain chain) {
        if (!chain.isXX()) {
            return "it needs D = 0 (an XX chain): a ZZ coupling makes the Jordan-Wigner fermions interact and the"
                    + " two-point correlation equations do not close; use liouvillian";
        }
        double[] gamma = new double[chain.sites()];
        for (Bath bath : chain.baths()) {
            gamma[bath.site()] += bath.gamma(chain.bathOmega(bath));
        }
        for (int[] seg : segments(chain)) {
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
        double[] cohIm = new double[n - 1];
        double consistency = 0;
        double condition = 1;
        double slowest = Double.POSITIVE_INFINITY;
        for (int[] seg : segments(chain)) {
            int from = seg[0];
            int len = seg[1] - seg[0];
            Piece piece = solvePiece(slice(omega, from, len), slice(g, from, len - 1), slice(gamma, from, len),
                    slice(absorption, from, len), slice(d, from, len));
            System.arraycopy(piece.solution.populations(), 0, pop, from, len);
            System.arraycopy(piece.solution.coherenceRe(), 0, cohRe, from, len - 1);
            System.arraycopy(piece.solution.coherenceIm(), 0, cohIm, from, len - 1);
            consistency = Math.max(consistency, piece.consistency);
            condition = Math.max(condition, piece.condition);
            slowest = Math.min(slowest, piece.slowest);
        }
        double residual = continuityResidual(g, gamma, absorption, pop, cohIm);
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

    private record Piece(DiagonalLyapunov.Solution solution, double consistency, double condition, double slowest) {
    }

    /** One connected piece (all couplings nonzero). A piece of one site is just its bath balance. */
    private static Piece solvePiece(double[] omega, double[] g, double[] gamma, double[] absorption, double[] d) {
        int n = omega.length;
        if (n == 1) {
            // dc/dt = b - gamma c; dephasing does nothing to a lone population.
            return new Piece(new DiagonalLyapunov.Solution(new double[] {absorption[0] / gamma[0]}, new double[0],
                    new double[0], 0), 0, 1, gamma[0]);
        }
        double[] damping = new double[n];
        for (int k = 0; k < n; k++) {
            damping[k] = gamma[k] + d[k];
        }
        DiagonalLyapunov lyap = new DiagonalLyapunov(omega, g, damping);
        double condition = lyap.eigen().worstCondition();
        double slowest = lyap.slowestDecay();
        DiagonalLyapunov.Solution c0 = lyap.apply(absorption);
        int count = 0;
        for (double x : d) {
            count += x > 0 ? 1 : 0;
        }
        if (count == 0) {
            return new Piece(c0, 0, condition, slowest);
        }
        int[] sites = new int[count];
        for (int k = 0, p = 0; k < n; k++) {
            if (d[k] > 0) {
                sites[p++] = k;
            }
        }
        double[][] a = lyap.response(sites);
        // (I - A_SS diag(d_S)) c_S = c0_S
        DMatrixRMaj m = new DMatrixRMaj(count, count);
        DMatrixRMaj rhs = new DMatrixRMaj(count, 1);
        for (int p = 0; p < count; p++) {
            for (int q = 0; q < count; q++) {
                m.set(p, q, (p == q ? 1 : 0) - a[p][q] * d[sites[q]]);
            }
            rhs.set(p, 0, c0.populations()[sites[p]]);
        }
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(count);
        if (!lu.setA(m)) {
            throw new SolverException("correlation: the dephasing (Buettiker-probe) system is singular");
        }
        DMatrixRMaj cs = new DMatrixRMaj(count, 1);
        lu.solve(rhs, cs);
        double[] source = absorption.clone();
        for (int p = 0; p < count; p++) {
            source[sites[p]] += d[sites[p]] * cs.get(p, 0);
        }
        DiagonalLyapunov.Solution fin = lyap.apply(source);
        double scale = 0;
        double diff = 0;
        for (int p = 0; p < count; p++) {
            scale = Math.max(scale, Math.abs(cs.get(p, 0)));
            diff = Math.max(diff, Math.abs(cs.get(p, 0) - fin.populations()[sites[p]]));
        }
        return new Piece(fin, scale > 0 ? diff / scale : diff, condition, slowest);
    }

    /**
     * max_k |b_k - gamma_k c_k - 2 g_{k-1} Im C_{k-1,k} + 2 g_k Im C_{k,k+1}| divided by the largest term of
     * any site's balance.
     */
    static double continuityResidual(double[] g, double[] gamma, double[] absorption, double[] pop, double[] cohIm) {
        int n = pop.length;
        double worst = 0;
        double scale = 0;
        for (int k = 0; k < n; k++) {
            double in = k > 0 ? 2 * g[k - 1] * cohIm[k - 1] : 0;
            double out = k < n - 1 ? 2 * g[k] * cohIm[k] : 0;
            double balance = absorption[k] - gamma[k] * pop[k] - in + out;
            worst = Math.max(worst, Math.abs(balance));
            scale = Math.max(scale, Math.max(Math.max(absorption[k], gamma[k] * Math.abs(pop[k])),
                    Math.max(Math.abs(in), Math.abs(out))));
        }
        return scale > 0 ? worst / scale : worst;
    }

    private static double[] slice(double[] x, int from, int len) {
        double[] out = new double[len];
        System.arraycopy(x, from, out, 0, len);
        return out;
    }
}
