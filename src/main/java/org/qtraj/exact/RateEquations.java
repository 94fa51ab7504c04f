package org.qtraj.exact;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The classical rate equations of the exclusion process (paper sec. IV, PHYSICS.md "Classical analogue"):
 * <pre>
 *   dP_k/dt = V_{k-1} (P_{k-1} - P_k) + V_k (P_{k+1} - P_k) + sum_{baths on k} gamma_j (s_j - P_k) = 0
 * </pre>
 * a tridiagonal linear system, solved in O(N) by the Thomas algorithm (diagonally dominant, so no pivoting is
 * needed). For uniform V and end baths its current is
 * J_C = gamma_1 gamma_N V (s_1 - s_N) / (V (gamma_1 + gamma_N) + gamma_1 gamma_N (N - 1)).
 * The heat current is omega of the bath site times the particle current; the exclusion process has no
 * dephasing channel, so heat_current_dephasing is 0.
 */
public final class RateEquations implements SteadyStateSolver {

    @Override
    public String name() {
        return "rate";
    }

    @Override
    public String refusal(Chain chain) {
        return null;
    }

    @Override
    public ExactResult solve(Chain chain) {
        int n = chain.sites();
        double[] diag = new double[n];
        double[] rhs = new double[n];
        for (int b = 0; b < n - 1; b++) {
            diag[b] += chain.hopping(b);
            diag[b + 1] += chain.hopping(b);
        }
        for (Bath bath : chain.baths()) {
            double w = chain.bathOmega(bath);
            diag[bath.site()] += bath.gamma(w);
            rhs[bath.site()] += bath.gamma(w) * bath.s(w);
        }
        // Thomas algorithm for  diag_k P_k - V_{k-1} P_{k-1} - V_k P_{k+1} = rhs_k.
        double[] c = new double[n];
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            double lower = k > 0 ? chain.hopping(k - 1) : 0;
            double pivot = diag[k] - (k > 0 ? lower * c[k - 1] : 0);
            if (!(Math.abs(pivot) > 1e-300 * Math.max(1, diag[k]))) {
                throw new SolverException("rate: the rate equations are singular at site " + (k + 1)
                        + " (a part of the chain reaches no bath: a hopping or bath rate is zero)");
            }
            c[k] = k < n - 1 ? -chain.hopping(k) / pivot : 0;
            d[k] = (rhs[k] + (k > 0 ? lower * d[k - 1] : 0)) / pivot;
        }
        double[] p = new double[n];
        p[n - 1] = d[n - 1];
        for (int k = n - 2; k >= 0; k--) {
            p[k] = d[k] - c[k] * p[k + 1];
        }
        double iLeft = BondCurrents.particleCurrent(chain, chain.left(), p);
        double iRight = BondCurrents.particleCurrent(chain, chain.right(), p);
        double wl = chain.bathOmega(chain.left());
        Map<String, Double> extras = new LinkedHashMap<>();
        return new ExactResult(name(), n, wl * iLeft, chain.bathOmega(chain.right()) * iRight, 0, iLeft, iRight,
                wl * iLeft, p, 0, extras);
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
