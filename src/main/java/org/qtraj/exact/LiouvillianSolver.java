package org.qtraj.exact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.linalg.Parallelism;
import org.qtraj.exact.sector.BlockState;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.exact.sector.SectorBasis;
import org.qtraj.exact.sector.TraceFixedSolver;
import org.qtraj.model.Chain;

/**
 * The {@code liouvillian} method: the steady state of the full master equation for any chain qtraj accepts
 * (XXZ, disorder, per-site dephasing, baths on any sites), from the block-diagonal structure (PHYSICS.md
 * "Solving for the steady state at N = 10 and beyond"): C(2N, N) real unknowns, matrix-free {@link Liouvillian},
 * {@link TraceFixedSolver} for (L + u tr^T) rho = u.
 *
 * <p>Reports J_j = tr(H D_j(rho)) for each bath and for dephasing (from the applied dissipators, valid for any
 * H), I_j = gamma_j (s_j - n_k), local_heat_current = omega_left I_left, and the extras
 * <ul>
 *   <li>{@code residual}: |L rho|_HS, the Hilbert-Schmidt (Frobenius) norm of L applied to the trace-one
 *       steady state;</li>
 *   <li>{@code relative_residual}: |L rho|_HS / (|L|_bound |rho|_HS), {@link Liouvillian#normBound()};
 *       above 1e-9 the solve fails with a {@link SolverException};</li>
 *   <li>{@code gmres_iterations};</li>
 *   <li>{@code concurrence} for N = 2 (Wootters, {@link Concurrence}).</li>
 * </ul>
 * The Liouvillian and preconditioner applications run their sectors in parallel on the threads of
 * {@link #solve(Chain, int)} (default: all available processors), with the same result for any thread count.
 * Stateless and thread-safe.
 */
public final class LiouvillianSolver implements SteadyStateSolver {
    /** Largest N solved: C(24, 12) = 2.7 million unknowns, Krylov space of a few GiB. */
    public static final int MAX_SITES = 12;
    /** Largest accepted |L rho| / (|L| |rho|). */
    public static final double MAX_RELATIVE_RESIDUAL = 1e-9;

    @Override
    public String name() {
        return "liouvillian";
    }

    @Override
    public String refusal(Chain chain) {
        int n = chain.sites();
        if (n > MAX_SITES) {
            double unknowns = SectorBasis.blockDiagonalSizeEstimate(n);
            double gib = unknowns * 8.0 * 100 / (1L << 30);
            return String.format(java.util.Locale.ROOT, "N = %d needs C(%d, %d) = %s unknowns (about %.3g GiB with a"
                    + " 100-vector Krylov space); liouvillian is limited to N <= %d", n, 2 * n, n,
                    SectorBasis.blockDiagonalSizeText(n), Math.min(gib, 1e300), MAX_SITES);
        }
        String unreached = siteWithoutBath(chain);
        if (unreached != null) {
            return unreached;
        }
        String dark = DarkModes.refusal(chain);
        if (dark != null) {
            return dark;
        }
        return stiffness(chain);
    }

    /**
     * The largest ratio of the bath rates gamma_j = G_j (2 nbar_j + 1) to the nonzero couplings |g_b|, either way,
     * at which the preconditioned GMRES still converges to its tolerance. Measured on N = 4 (2026-12-01): a bath
     * rate of 2e4 against g = 1 converged in 169 iterations and 2.2e4 did not converge in 3000; g = 1e4 against rates
     * of order 1 converged, 1e5 did not; dephasing (treated by the preconditioner) of 1e6 converged.
     */
    public static final double MAX_STIFFNESS = 1e4;

    /** Why the rates and couplings are too far apart for GMRES ({@link #MAX_STIFFNESS}), or null. */
    private static String stiffness(Chain chain) {
        double gMin = Double.POSITIVE_INFINITY;
        double gMax = 0;
        for (int b = 0; b < chain.bonds(); b++) {
            double g = Math.abs(chain.coupling(b));
            if (g > 0) {
                gMin = Math.min(gMin, g);
                gMax = Math.max(gMax, g);
            }
        }
        double rMin = Double.POSITIVE_INFINITY;
        double rMax = 0;
        for (var bath : chain.baths()) {
            double r = bath.gamma(chain.bathOmega(bath));
            if (r > 0) {
                rMin = Math.min(rMin, r);
                rMax = Math.max(rMax, r);
            }
        }
        double ratio = Math.max(rMax / gMin, gMax / rMin);
        if (gMax > 0 && rMax > 0 && ratio > MAX_STIFFNESS) {
            return String.format(java.util.Locale.ROOT, "the bath rates G (2 nbar + 1) (%.3g to %.3g) and the couplings"
                    + " (%.3g to %.3g) are %.3g apart; its solver converges up to %.0e (use closed or correlation where"
                    + " they apply)", rMin, rMax, gMin, gMax, ratio, MAX_STIFFNESS);
        }
        return null;
    }

    /**
     * The steady state is unique only if every part of the chain joined by nonzero couplings touches a bath
     * with a positive rate; otherwise the excitation number of a cut-off part is conserved.
     */
    private static String siteWithoutBath(Chain chain) {
        if (!chain.isChain()) {
            return BondCurrents.partWithoutBath(chain);
        }
        int n = chain.sites();
        int start = 0;
        for (int k = 0; k < n; k++) {
            boolean endOfPart = k == n - 1 || chain.coupling(k) == 0;
            if (endOfPart) {
                boolean reached = false;
                for (var bath : chain.baths()) {
                    reached |= bath.site() >= start && bath.site() <= k && bath.rate() != 0;
                }
                if (!reached) {
                    return "sites " + (start + 1) + " to " + (k + 1) + " are cut off from every bath with a positive"
                            + " rate (zero coupling or zero bath rate), so the steady state is not unique";
                }
                start = k + 1;
            }
        }
        return null;
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
        Liouvillian l = Liouvillian.of(chain, parallelism);
        TraceFixedSolver.Solution s = TraceFixedSolver.of(l).steadyState();
        return result(chain, l, s);
    }

    /**
     * The result record for a steady state solved by {@code s} with the generator {@code l} of {@code chain} (what
     * {@link #solve} returns; the counting generator uses it to share its solve). Fails if the residual is too large.
     *
     * @throws SolverException if |L rho| / (|L| |rho|) exceeds {@value #MAX_RELATIVE_RESIDUAL}
     */
    public static ExactResult result(Chain chain, Liouvillian l, TraceFixedSolver.Solution s) {
        BlockState rho = s.x();
        double residual = l.apply(rho).norm();
        double relative = residual / (l.normBound() * rho.norm());
        if (!(relative <= MAX_RELATIVE_RESIDUAL)) {
            throw new SolverException(String.format("liouvillian: |L rho| = %.3g (relative %.3g) exceeds %.0g for N = %d",
                    residual, relative, MAX_RELATIVE_RESIDUAL, chain.sites()));
        }
        int baths = chain.bathCount();
        List<List<Liouvillian.Channel>> byBath = new ArrayList<>();
        for (int j = 0; j < baths; j++) {
            byBath.add(new ArrayList<>());
        }
        List<Liouvillian.Channel> deph = new ArrayList<>();
        for (Liouvillian.Channel c : l.channels()) {
            (c.bath() >= 0 ? byBath.get(c.bath()) : deph).add(c);
        }
        double[] pop = rho.populations();
        List<BathCurrent> currents = new ArrayList<>();
        for (int j = 0; j < baths; j++) {
            currents.add(new BathCurrent(chain.bathName(j), l.heatCurrent(rho, byBath.get(j)),
                    BondCurrents.particleCurrent(chain, chain.baths()[j], pop)));
        }
        double[] bond = new double[chain.bonds()];
        int[][] pairs = new int[chain.bonds()][];
        for (int b = 0; b < bond.length; b++) {
            // I_kl = 2 g_kl Im <sigma^+_l sigma^-_k> (PHYSICS.md "Networks")
            bond[b] = 2 * chain.coupling(b) * rho.coherence(chain.bondFrom(b), chain.bondTo(b))[1];
            pairs[b] = new int[] {chain.bondFrom(b) + 1, chain.bondTo(b) + 1};
        }
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put("residual", residual);
        extras.put("relative_residual", relative);
        extras.put("gmres_iterations", (double) s.iterations());
        extras.put("continuity_residual", BondCurrents.continuityResidual(chain, bond, currents));
        if (chain.sites() == 2) {
            double[][] dense = rho.toDense();
            extras.put("concurrence", Concurrence.of(dense[0], dense[1]));
        }
        return ExactResult.of("liouvillian", chain.sites(), currents, l.heatCurrent(rho, deph),
                chain.bathOmega(chain.left()) * currents.get(0).particleCurrent(), pop, extras, pairs, bond);
    }
}
