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
 * The classical rate equations of the exclusion process (paper sec. IV, PHYSICS.md "Classical analogue"):
 * <pre>
 *   dP_k/dt = V_{k-1} (P_{k-1} - P_k) + V_k (P_{k+1} - P_k) + sum_{baths on k} gamma_j (s_j - P_k) = 0.
 * </pre>
 * On a chain this is a series circuit: between the two bath sites the current I is the same on every bond,
 * outside them it vanishes, so
 * <pre>
 *   I_left = (s_left - s_right) / (1/gamma_left + sum_{bonds between the baths} 1/V_b + 1/gamma_right),
 * </pre>
 * P = s_left - I/gamma_left on the left bath's site, dropping by I/V_b across each bond towards the right bath,
 * and constant beyond the bath sites. For uniform V and end baths this is
 * J_C = gamma_1 gamma_N V (s_1 - s_N) / (V (gamma_1 + gamma_N) + gamma_1 gamma_N (N - 1)).
 * O(N), and accurate to rounding in a sum of positive terms (no elimination, no cancellation in I).
 * The heat current is omega of the bath site times the particle current; the exclusion process has no
 * dephasing channel, so heat_current_dephasing is 0.
 *
 * <p>On a network (PHYSICS.md "Networks") the same equations, dP_k/dt = sum_l V_kl (P_l - P_k) + sum_{baths on k}
 * gamma_j (s_j - P_k) = 0, are a symmetric positive definite system (a graph Laplacian plus the bath rates on the
 * diagonal) when every part reaches a bath; it is solved by dense Cholesky, N &lt;= {@link #MAX_NETWORK_SITES},
 * with the bond currents V_kl (P_k - P_l) and each bath's I_j = gamma_j (s_j - P_k). Stateless and thread-safe.
 */
public final class RateEquations implements SteadyStateSolver {

    @Override
    public String name() {
        return "rate";
    }

    /** Largest network solved (a dense N x N Cholesky: 128 MB and about 20 s at this size). */
    public static final int MAX_NETWORK_SITES = 4000;

    @Override
    public String refusal(Chain chain) {
        if (!chain.isTwoBathChain() && chain.sites() > MAX_NETWORK_SITES) {
            return "a network of N = " + chain.sites() + " sites is beyond its dense solver's limit of "
                    + MAX_NETWORK_SITES;
        }
        return null;
    }

    @Override
    public ExactResult solve(Chain chain) {
        if (!chain.isTwoBathChain()) {
            return solveNetwork(chain);
        }
        int n = chain.sites();
        Bath left = chain.left();
        Bath right = chain.right();
        double wl = chain.bathOmega(left);
        double wr = chain.bathOmega(right);
        double gl = left.gamma(wl);
        double gr = right.gamma(wr);
        double sl = left.s(wl);
        double sr = right.s(wr);
        int from = left.site();
        int to = right.site();
        int step = to >= from ? 1 : -1;
        double resistance = 1 / gl + 1 / gr;
        for (int k = from; k != to; k += step) {
            resistance += 1 / chain.hopping(Math.min(k, k + step));
        }
        double current = Double.isInfinite(resistance) ? 0 : (sl - sr) / resistance;
        double[] p = new double[n];
        java.util.Arrays.fill(p, Double.NaN);
        if (gl > 0) {
            p[from] = sl - current / gl;
            for (int k = from; k != to && chain.hopping(Math.min(k, k + step)) > 0; k += step) {
                p[k + step] = p[k] - current / chain.hopping(Math.min(k, k + step));
            }
        }
        if (gr > 0) {
            p[to] = sr + current / gr;
            for (int k = to; k != from && chain.hopping(Math.min(k, k - step)) > 0 && Double.isNaN(p[k - step]); k -= step) {
                p[k - step] = p[k] + current / chain.hopping(Math.min(k, k - step));
            }
        }
        spreadIntoDeadEnds(chain, p);
        double iLeft = current;
        double iRight = -current;
        return new ExactResult(name(), n, wl * iLeft, wr * iRight, 0, iLeft, iRight, wl * iLeft, p, 0, Map.of());
    }

    /** The rate equations of a network (or of a chain with other baths than left and right), class comment. */
    private ExactResult solveNetwork(Chain chain) {
        requireApplicable(chain);
        String cut = BondCurrents.partWithoutBath(hoppingView(chain));
        if (cut != null) {
            throw new NotApplicableException(name(), cut.replace("zero couplings", "zero hopping rates"));
        }
        int n = chain.sites();
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj r = new DMatrixRMaj(n, 1);
        for (int b = 0; b < chain.bonds(); b++) {
            int k = chain.bondFrom(b);
            int l = chain.bondTo(b);
            double v = chain.hopping(b);
            a.add(k, k, v);
            a.add(l, l, v);
            a.add(k, l, -v);
            a.add(l, k, -v);
        }
        for (Bath bath : chain.baths()) {
            double w = chain.bathOmega(bath);
            a.add(bath.site(), bath.site(), bath.gamma(w));
            r.add(bath.site(), 0, bath.gamma(w) * bath.s(w));
        }
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(a)) {
            throw new org.qtraj.errors.SolverException("rate: the network's rate equations are singular");
        }
        DMatrixRMaj p = new DMatrixRMaj(n, 1);
        solver.solve(r, p);
        double[] pop = p.getData().clone();
        List<BathCurrent> currents = new ArrayList<>();
        Bath[] baths = chain.baths();
        for (int j = 0; j < baths.length; j++) {
            double w = chain.bathOmega(baths[j]);
            double i = BondCurrents.particleCurrent(chain, baths[j], pop);
            currents.add(new BathCurrent(chain.bathName(j), w * i, i));
        }
        double[] bond = new double[chain.bonds()];
        int[][] pairs = new int[chain.bonds()][];
        for (int b = 0; b < bond.length; b++) {
            bond[b] = chain.hopping(b) * (pop[chain.bondFrom(b)] - pop[chain.bondTo(b)]);
            pairs[b] = new int[] {chain.bondFrom(b) + 1, chain.bondTo(b) + 1};
        }
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put("continuity_residual", BondCurrents.continuityResidual(chain, bond, currents));
        return ExactResult.of(name(), n, currents, 0, currents.get(0).heatCurrent(), pop, extras, pairs, bond);
    }

    /** The same network with the hopping rates V as its couplings, to find parts that no bath reaches. */
    private static Chain hoppingView(Chain chain) {
        Map<String, Bath> baths = new LinkedHashMap<>();
        for (int j = 0; j < chain.bathCount(); j++) {
            Bath b = chain.baths()[j];
            baths.put(chain.bathName(j), new Bath(b.site(), b.gamma(chain.bathOmega(b)) > 0 ? 1 : 0, 0));
        }
        return Chain.of(chain.graph(), chain.omegas(), chain.hoppings(), chain.anisotropies(), chain.dephasings(),
                chain.hoppings(), baths);
    }

    /** Sites beyond the baths carry no current: they take the population of their connected neighbour. */
    private static void spreadIntoDeadEnds(Chain chain, double[] p) {
        int n = p.length;
        for (int k = 1; k < n; k++) {
            if (Double.isNaN(p[k]) && !Double.isNaN(p[k - 1]) && chain.hopping(k - 1) > 0) {
                p[k] = p[k - 1];
            }
        }
        for (int k = n - 2; k >= 0; k--) {
            if (Double.isNaN(p[k]) && !Double.isNaN(p[k + 1]) && chain.hopping(k) > 0) {
                p[k] = p[k + 1];
            }
        }
        for (int k = 0; k < n; k++) {
            if (Double.isNaN(p[k])) {
                // a property of the model, not a numerical failure: refused as bad input (exit 2), not exit 1
                throw new NotApplicableException("rate", "site " + (k + 1) + " reaches no bath with a nonzero rate"
                        + " (a hopping or bath rate is zero), so its steady state is not unique");
            }
        }
    }

    /**
     * J_C of PHYSICS.md for uniform hopping V and the baths on the end sites (particle current).
     */
    public static double closedFormParticleCurrent(Chain chain) {
        double w1 = chain.bathOmega(chain.left());
        double wn = chain.bathOmega(chain.right());
        double g1 = chain.left().gamma(w1);
        double gn = chain.right().gamma(wn);
        double v = chain.hopping(0);
        return g1 * gn * v * (chain.left().s(w1) - chain.right().s(wn))
                / (v * (g1 + gn) + g1 * gn * (chain.sites() - 1));
    }
}
