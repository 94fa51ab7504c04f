package org.qtraj.exact;

import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.sector.BlockState;
import org.qtraj.exact.sector.DenseSteadyState;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The largest steady-state entanglement of two sites over the coupling g (paper Fig. 4): for a chain whose baths
 * have populations s_1, s_N (set by their temperatures), the largest steady-state entanglement over the coupling g,
 * with the bath rates fixed by {@code equalGamma}:
 * <ul>
 * <li>{@code equal_gamma} (default): gamma_1 = gamma_N = 1, i.e. G_j = 1 - 2 s_j (gamma = G (2 nbar + 1)
 *     = G/(1 - 2 s)). The steady state depends on g and the common gamma only through g/gamma (rescaling time;
 *     omega drops out in the frame rotating with w(n_1 + n_2)), so searching g at gamma = 1 searches "some g
 *     and gamma_1 = gamma_N".</li>
 * <li>{@code equal_G}: G_1 = G_N = 1 (the paper's claim that this is never entangled); again only g/G matters.</li>
 * </ul>
 * The steady state has no {@code |00><11|} coherence (H and the baths conserve or change the excitation number by one),
 * so it is an X state and its Wootters concurrence is C = max(0, W) with the witness
 * W = 2 (|rho_{01,10}| - sqrt(rho_{00,00} rho_{11,11})) (Yu and Eberly, Quantum Inf. Comput. 7, 459 (2007)).
 * W is smooth and negative outside the entangled region, so maximising it over g finds the boundary where a
 * maximised concurrence (flat 0) could not: a log grid of {@code g_points} values in [g_min, g_max], then a
 * golden-section refinement of ln g around the best grid point. The chain's own coupling and rates are ignored;
 * its dephasing and omegas are kept. Run specs use it as the method {@code entanglement_search}. Immutable and
 * thread-safe.
 */
public final class EntanglementSearch {
    private static final int GOLDEN_STEPS = 40;
    private final boolean equalGamma;
    private final double gMin;
    private final double gMax;
    private final int gPoints;

    private EntanglementSearch(boolean equalGamma, double gMin, double gMax, int gPoints) {
        this.equalGamma = equalGamma;
        this.gMin = gMin;
        this.gMax = gMax;
        this.gPoints = gPoints;
    }

    /**
     * A search over {@code gPoints} couplings log-spaced in [gMin, gMax], at equal gamma_j ({@code equalGamma}) or
     * equal G_j.
     *
     * @throws InvalidInputException naming g_min unless 0 &lt; gMin &lt; gMax, g_points unless gPoints &gt;= 3
     */
    public static EntanglementSearch of(boolean equalGamma, double gMin, double gMax, int gPoints) {
        if (!(gMin > 0 && gMax > gMin)) {
            throw new InvalidInputException("g_min", "need 0 < g_min < g_max, got " + gMin + ", " + gMax);
        }
        if (gPoints < 3) {
            throw new InvalidInputException("g_points", "must be >= 3, got " + gPoints);
        }
        return new EntanglementSearch(equalGamma, gMin, gMax, gPoints);
    }

    /** Why the search does not apply to the chain (not two sites, or both baths on one site), or null. */
    public String refusal(Chain chain) {
        if (chain.sites() != 2) {
            return "the entanglement search is for N = 2 (two-qubit concurrence), got N = " + chain.sites();
        }
        if (chain.bathCount() != 2) {
            return "needs two baths (left and right), the model has " + chain.bathCount();
        }
        if (chain.left().site() == chain.right().site()) {
            return "needs the baths on different sites";
        }
        return null;
    }

    /** The witness W(g) and concurrence at one coupling for the point's baths. */
    public record Evaluation(double g, double witness, double concurrence) {
    }

    /** Evaluates the steady state of the two-site chain at coupling g with this search's rates. */
    public Evaluation evaluate(Chain chain, double g) {
        Chain c = withCoupling(chain, g);
        // a direct solve: the witness's sqrt(rho_00 rho_11) turns an error e of a tiny rho_11 into sqrt(e), so the
        // iterative solver's 1e-12 tolerance left spurious concurrences of 1e-8 where the exact value is 0
        BlockState rho = DenseSteadyState.of(Liouvillian.of(c));
        double[][] d = rho.toDense();
        // Masks: bit k = site k, so |01> (site 1 excited) is 1, |10> is 2; rho_{1,2} is entry 1*4+2.
        double coherence = Math.hypot(d[0][6], d[1][6]);
        double w = 2 * (coherence - Math.sqrt(Math.max(0, d[0][0] * d[0][15])));
        return new Evaluation(g, w, Concurrence.of(d[0], d[1]));
    }

    private Chain withCoupling(Chain chain, double g) {
        Bath l = chain.left();
        Bath r = chain.right();
        double sl = l.s(chain.bathOmega(l));
        double sr = r.s(chain.bathOmega(r));
        double gl = equalGamma ? 1 - 2 * sl : 1;
        double gr = equalGamma ? 1 - 2 * sr : 1;
        return Chain.of(chain.omegas(), new double[] {g}, chain.anisotropies(), chain.dephasings(), chain.hoppings(),
                new Bath(l.site(), gl, l.temperature()), new Bath(r.site(), gr, r.temperature()));
    }

    /** The best coupling: grid in ln g, then golden section around the best grid point. */
    public Evaluation search(Chain chain) {
        double a = Math.log(gMin);
        double step = (Math.log(gMax) - a) / (gPoints - 1);
        Evaluation best = null;
        int bestIndex = 0;
        for (int i = 0; i < gPoints; i++) {
            Evaluation e = evaluate(chain, Math.exp(a + i * step));
            if (best == null || e.witness() > best.witness()) {
                best = e;
                bestIndex = i;
            }
        }
        double lo = a + Math.max(0, bestIndex - 1) * step;
        double hi = a + Math.min(gPoints - 1, bestIndex + 1) * step;
        double phi = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - phi * (hi - lo);
        double x2 = lo + phi * (hi - lo);
        Evaluation e1 = evaluate(chain, Math.exp(x1));
        Evaluation e2 = evaluate(chain, Math.exp(x2));
        for (int k = 0; k < GOLDEN_STEPS && hi - lo > 1e-6; k++) {
            if (e1.witness() > e2.witness()) {
                hi = x2;
                x2 = x1;
                e2 = e1;
                x1 = hi - phi * (hi - lo);
                e1 = evaluate(chain, Math.exp(x1));
            } else {
                lo = x1;
                x1 = x2;
                e1 = e2;
                x2 = lo + phi * (hi - lo);
                e2 = evaluate(chain, Math.exp(x2));
            }
        }
        for (Evaluation e : new Evaluation[] {e1, e2}) {
            if (e.witness() > best.witness()) {
                best = e;
            }
        }
        return best;
    }

    /** Whether the rates are equal_gamma (else equal_G). */
    public boolean equalGamma() {
        return equalGamma;
    }

    /** Lower end of the coupling grid. */
    public double gMin() {
        return gMin;
    }

    /** Upper end of the coupling grid. */
    public double gMax() {
        return gMax;
    }

    /** Number of grid points. */
    public int gPoints() {
        return gPoints;
    }
}
