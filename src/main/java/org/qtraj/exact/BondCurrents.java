package org.qtraj.exact;

import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Heat currents of an XX chain from its populations n_k and nearest-neighbour coherences
 * C_k = <sigma^+_k sigma^-_{k+1}> (the adjoint dissipators acting on H; derivation in PHYSICS.md terms):
 * <pre>
 *   D_bath^dag(n_k)               = gamma (s - n_k)
 *   D_bath^dag(s+_k s-_l + h.c.)  = -(gamma/2) (s+_k s-_l + h.c.)     (bath on site k)
 *   D_deph^dag(s+_k s-_l + h.c.)  = -((d_k + d_l)/2) (s+_k s-_l + h.c.)
 * </pre>
 * so J_bath = omega_k gamma (s - n_k) - gamma sum_{l ~ k} g_kl Re C_kl and
 * J_deph = -sum_b (d_b + d_{b+1}) g_b Re C_b. Valid for D = 0 (ZZ terms add to J_bath otherwise).
 */
final class BondCurrents {
    private BondCurrents() {
    }

    /** J from one bath: omega_k I - gamma sum over the bonds touching site k of g Re C. */
    static double bathHeatCurrent(Chain chain, Bath bath, double[] populations, double[] reCoherence) {
        int k = bath.site();
        double w = chain.bathOmega(bath);
        double gamma = bath.gamma(w);
        double j = w * gamma * (bath.s(w) - populations[k]);
        if (k > 0) {
            j -= gamma * chain.coupling(k - 1) * reCoherence[k - 1];
        }
        if (k < chain.sites() - 1) {
            j -= gamma * chain.coupling(k) * reCoherence[k];
        }
        return j;
    }

    /** I = gamma (s - n_k) for a bath on site k. */
    static double particleCurrent(Chain chain, Bath bath, double[] populations) {
        double w = chain.bathOmega(bath);
        return bath.gamma(w) * (bath.s(w) - populations[bath.site()]);
    }

    /** J_deph = -sum_b (d_b + d_{b+1}) g_b Re C_b. */
    static double dephasingHeatCurrent(Chain chain, double[] reCoherence) {
        double j = 0;
        for (int b = 0; b < chain.bonds(); b++) {
            j -= (chain.dephasing(b) + chain.dephasing(b + 1)) * chain.coupling(b) * reCoherence[b];
        }
        return j;
    }

    /**
     * The largest violation of continuity over the sites, max_k |sum_{bonds into k} I - sum_{bonds out of k} I +
     * sum_{baths on k} I_bath|, relative to the largest bath particle current (absolute if all are zero); dephasing
     * moves no excitations. Zero in an exact steady state.
     */
    static double continuityResidual(Chain chain, double[] bondCurrents, java.util.List<BathCurrent> baths) {
        double[] net = new double[chain.sites()];
        for (int b = 0; b < bondCurrents.length; b++) {
            net[chain.bondFrom(b)] -= bondCurrents[b];
            net[chain.bondTo(b)] += bondCurrents[b];
        }
        double scale = 0;
        Bath[] list = chain.baths();
        for (int j = 0; j < list.length; j++) {
            net[list[j].site()] += baths.get(j).particleCurrent();
            scale = Math.max(scale, Math.abs(baths.get(j).particleCurrent()));
        }
        double worst = 0;
        for (double v : net) {
            worst = Math.max(worst, Math.abs(v));
        }
        return scale > 0 ? worst / scale : worst;
    }

    /**
     * Why a network has no unique steady state, or null: a part joined by nonzero couplings with no bath of
     * positive rate keeps its excitation number.
     */
    static String partWithoutBath(Chain chain) {
        int n = chain.sites();
        int[] part = new int[n];
        for (int k = 0; k < n; k++) {
            part[k] = k;
        }
        boolean merged = true;
        while (merged) {
            merged = false;
            for (int b = 0; b < chain.bonds(); b++) {
                int a = part[chain.bondFrom(b)];
                int c = part[chain.bondTo(b)];
                if (chain.coupling(b) != 0 && a != c) {
                    int low = Math.min(a, c);
                    for (int k = 0; k < n; k++) {
                        if (part[k] == a || part[k] == c) {
                            part[k] = low;
                        }
                    }
                    merged = true;
                }
            }
        }
        boolean[] reached = new boolean[n];
        for (Bath bath : chain.baths()) {
            reached[part[bath.site()]] |= bath.rate() != 0;
        }
        for (int k = 0; k < n; k++) {
            if (!reached[part[k]]) {
                return "site " + (k + 1) + " is cut off from every bath with a positive rate (zero couplings or zero"
                        + " bath rates), so the steady state is not unique";
            }
        }
        return null;
    }

    /** The full result for an XX chain from n_k and Re C_{k,k+1}: every bath's currents, left first. */
    static ExactResult result(String method, Chain chain, double[] populations, double[] reCoherence,
                              java.util.Map<String, Double> extras) {
        java.util.List<BathCurrent> baths = new java.util.ArrayList<>();
        Bath[] list = chain.baths();
        for (int j = 0; j < list.length; j++) {
            baths.add(new BathCurrent(chain.bathName(j), bathHeatCurrent(chain, list[j], populations, reCoherence),
                    particleCurrent(chain, list[j], populations)));
        }
        ExactResult r = ExactResult.of(method, chain.sites(), baths, dephasingHeatCurrent(chain, reCoherence),
                chain.bathOmega(chain.left()) * baths.get(0).particleCurrent(), populations, extras, new int[0][],
                new double[0]);
        return r;
    }
}
