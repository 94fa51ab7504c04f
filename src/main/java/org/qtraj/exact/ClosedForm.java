package org.qtraj.exact;

import java.util.Map;
import org.qtraj.model.Chain;

/**
 * Closed form for the uniform XX chain with uniform dephasing gamma (PHYSICS.md; paper eqs. 11-12 at gamma = 0):
 * <pre>
 *   I = (s_1 - s_N) / (1/gamma_1 + 1/gamma_N + (gamma_1 + gamma_N)/(4 g^2) + (N - 1) gamma/(2 g^2)),  J = omega I
 * </pre>
 * with gamma_j = G_j (2 nbar_j + 1), s_j = nbar_j/(2 nbar_j + 1). The populations follow from the same
 * derivation (second-neighbour coherences vanish): n_1 = s_1 - I/gamma_1 and
 * n_k - n_{k+1} = I kappa_k/(2 g^2), kappa_k = gamma + [k = 1] gamma_1/2 + [k + 1 = N] gamma_N/2.
 * The real part of every nearest-neighbour coherence vanishes, so J_left = omega I_left = -J_right and J_deph = 0.
 * O(N). Stateless and thread-safe.
 */
public final class ClosedForm implements SteadyStateSolver {

    @Override
    public String name() {
        return "closed";
    }

    @Override
    public String refusal(Chain chain) {
        if (!chain.isChain()) {
            return NotApplicableException.NETWORK_REASON;
        }
        if (!chain.isXX()) {
            return "it needs D = 0 (an XX chain); use liouvillian";
        }
        if (!chain.isUniformXX()) {
            return "it needs a uniform chain (one omega, one nonzero g, one dephasing rate) with the baths on sites 1 and N;"
                    + " use correlation or liouvillian";
        }
        double g1 = chain.left().gamma(chain.omega(0));
        double gn = chain.right().gamma(chain.omega(0));
        if (g1 == 0 && gn == 0) {
            return "both bath rates are zero, so the steady state is not unique";
        }
        return null;
    }

    @Override
    public ExactResult solve(Chain chain) {
        requireApplicable(chain);
        int n = chain.sites();
        double w = chain.omega(0);
        double g = chain.coupling(0);
        double gamma = chain.dephasing(0);
        double g1 = chain.left().gamma(w);
        double gn = chain.right().gamma(w);
        double s1 = chain.left().s(w);
        double sn = chain.right().s(w);
        double[] pop = new double[n];
        if (g1 == 0 || gn == 0) {
            // One bath alone thermalises the whole connected chain.
            java.util.Arrays.fill(pop, g1 == 0 ? sn : s1);
        } else {
            double resistance = 1 / g1 + 1 / gn + (g1 + gn) / (4 * g * g) + (n - 1) * gamma / (2 * g * g);
            double current = (s1 - sn) / resistance;
            pop[0] = s1 - current / g1;
            for (int k = 0; k + 1 < n; k++) {
                double kappa = gamma + (k == 0 ? g1 / 2 : 0) + (k + 1 == n - 1 ? gn / 2 : 0);
                pop[k + 1] = pop[k] - current * kappa / (2 * g * g);
            }
        }
        return BondCurrents.result(name(), chain, pop, new double[n - 1], Map.of());
    }
}
