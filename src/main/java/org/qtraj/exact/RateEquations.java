package org.qtraj.exact;

import java.util.Map;
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
 * dephasing channel, so heat_current_dephasing is 0. Stateless and thread-safe.
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
