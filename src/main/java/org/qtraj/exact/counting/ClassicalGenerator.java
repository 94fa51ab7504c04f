package org.qtraj.exact.counting;

import org.qtraj.errors.InvalidInputException;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.sector.Gmres;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The rate matrix of the exclusion process (PHYSICS.md, "Classical analogue") on its full state space of 2^N
 * occupation patterns, with the injections (+1) and removals (-1) at one bath counted: the tilted rate matrix
 * of classical full counting statistics. State x is a bit mask, bit k set if site k is occupied; a vector entry
 * is the probability of that pattern; tr is the sum of the entries.
 *
 * <p>Transitions out of x: a hop across bond b at rate V_b when exactly one of its sites is occupied; at a
 * bath's site, injection at rate G nbar when empty and removal at rate G (nbar + 1) when occupied. Memory and
 * time grow as 2^N (N + 2); qtraj stops at N = {@value #MAX_SITES}. The pinned solve is GMRES preconditioned by
 * the diagonal, with the rank-one term u tr^T for u = the empty pattern.
 *
 * <p>Immutable and thread-safe; array arguments as in {@link CountingGenerator}.
 */
public final class ClassicalGenerator implements CountingGenerator {
    /** Largest chain handled: 2^16 = 65536 states. */
    public static final int MAX_SITES = 16;
    static final double TOLERANCE = 1e-13;

    private final int sites;
    private final int dim;
    private final int countedSite;
    private final double[] hop;
    /** The two sites of each bond as a bit mask (bond b of a chain: sites b, b+1). */
    private final int[] bondMask;
    private final double[] inject;
    private final double[] remove;
    private final boolean[] countedBathOnSite;
    private final double countedInject;
    private final double countedRemove;
    private final int[] bathSite;
    private final double[] bathInject;
    private final double[] bathRemove;
    private final double[] outRate;

    private ClassicalGenerator(Chain chain, Bath counted) {
        sites = chain.sites();
        dim = 1 << sites;
        hop = chain.hoppings();
        bondMask = new int[hop.length];
        for (int b = 0; b < hop.length; b++) {
            bondMask[b] = 1 << chain.bondFrom(b) | 1 << chain.bondTo(b);
        }
        inject = new double[sites];
        remove = new double[sites];
        countedBathOnSite = new boolean[sites];
        for (Bath b : chain.baths()) {
            double w = chain.bathOmega(b);
            inject[b.site()] += b.absorptionRate(w);
            remove[b.site()] += b.emissionRate(w);
        }
        Bath[] baths = chain.baths();
        bathSite = new int[baths.length];
        bathInject = new double[baths.length];
        bathRemove = new double[baths.length];
        for (int j = 0; j < baths.length; j++) {
            bathSite[j] = baths[j].site();
            double wj = chain.bathOmega(baths[j]);
            bathInject[j] = baths[j].absorptionRate(wj);
            bathRemove[j] = baths[j].emissionRate(wj);
        }
        countedSite = counted.site();
        countedBathOnSite[countedSite] = true;
        double w = chain.bathOmega(counted);
        countedInject = counted.absorptionRate(w);
        countedRemove = counted.emissionRate(w);
        outRate = new double[dim];
        for (int x = 0; x < dim; x++) {
            double out = 0;
            for (int b = 0; b < hop.length; b++) {
                int occ = x & bondMask[b];
                if (occ != 0 && occ != bondMask[b]) {
                    out += hop[b];
                }
            }
            for (int k = 0; k < sites; k++) {
                out += ((x >> k) & 1) == 0 ? inject[k] : remove[k];
            }
            outRate[x] = out;
        }
    }

    /**
     * The generator of a chain, counting at the given bath.
     *
     * @throws InvalidInputException if N exceeds {@link #MAX_SITES}
     */
    public static ClassicalGenerator of(Chain chain, Bath counted) {
        if (chain.sites() > MAX_SITES) {
            throw new InvalidInputException("sites", "the classical counting statistics use all 2^N occupation patterns;"
                    + " at most " + MAX_SITES + " sites, got " + chain.sites());
        }
        return new ClassicalGenerator(chain, counted);
    }

    /** {@inheritDoc} Here 2^N, one entry per occupation pattern. */
    @Override
    public int dimension() {
        return dim;
    }

    /**
     * {@inheritDoc} Here the master equation of the exclusion process: loss at each pattern's total exit rate, gain
     * along every hop and bath transition; O(2^N N).
     */
    @Override
    public void apply(double[] p, double[] y) {
        for (int x = 0; x < dim; x++) {
            y[x] = -outRate[x] * p[x];
        }
        for (int x = 0; x < dim; x++) {
            double px = p[x];
            if (px == 0) {
                continue;
            }
            for (int b = 0; b < hop.length; b++) {
                int occ = x & bondMask[b];
                if (occ != 0 && occ != bondMask[b]) {
                    y[x ^ bondMask[b]] += hop[b] * px;
                }
            }
            for (int k = 0; k < sites; k++) {
                int bit = 1 << k;
                y[x ^ bit] += ((x & bit) == 0 ? inject[k] : remove[k]) * px;
            }
        }
    }

    /** {@inheritDoc} Here only the counted bath's injections (nu = +1) and removals (nu = -1) contribute. */
    @Override
    public void applyCounted(int order, double[] p, double[] y) {
        double sign = (order & 1) == 0 ? 1 : -1;
        int bit = 1 << countedSite;
        for (int x = 0; x < dim; x++) {
            // injection x -> x|bit counts +1, removal x -> x^bit counts -1 (nu^order)
            y[x] = (x & bit) != 0 ? countedInject * p[x ^ bit] : sign * countedRemove * p[x ^ bit];
        }
    }

    /**
     * {@inheritDoc} ABSORPTION is an injection, EMISSION a removal at the bath's site; DEPHASING is refused with an
     * {@link IllegalArgumentException} (the exclusion process has none).
     */
    @Override
    public void applyJump(int bath, Liouvillian.Kind kind, double[] p, double[] y) {
        int bit = 1 << bathSite[bath];
        boolean inject = switch (kind) {
            case ABSORPTION -> true;
            case EMISSION -> false;
            case DEPHASING -> throw new IllegalArgumentException("the exclusion process has no dephasing jumps");
        };
        double rate = inject ? bathInject[bath] : bathRemove[bath];
        for (int x = 0; x < dim; x++) {
            boolean occupied = (x & bit) != 0;
            // an injection lands on an occupied pattern, a removal on an empty one
            y[x] = occupied == inject ? rate * p[x ^ bit] : 0;
        }
    }

    /** {@inheritDoc} Here twice the largest total exit rate (Gershgorin). */
    @Override
    public double normBound() {
        double max = 0;
        for (double r : outRate) {
            max = Math.max(max, r);
        }
        return 2 * max;
    }

    /** {@inheritDoc} Here the diagonal of the rate matrix, -1/(total exit rate) (floored away from 0). */
    @Override
    public void precondition(double[] x, double[] y) {
        for (int i = 0; i < dim; i++) {
            y[i] = -x[i] / Math.max(outRate[i], 1e-300);
        }
    }

    /** {@inheritDoc} Here every entry. */
    @Override
    public boolean isPositive(double[] p) {
        double max = 0;
        for (double v : p) {
            max = Math.max(max, Math.abs(v));
        }
        for (double v : p) {
            if (!(v >= -1e-9 * max)) {
                return false;
            }
        }
        return true;
    }

    /** {@inheritDoc} Here the sum of the entries. */
    @Override
    public double trace(double[] p) {
        double s = 0;
        for (double v : p) {
            s += v;
        }
        return s;
    }

    /**
     * {@inheritDoc} Here GMRES (tolerance {@value #TOLERANCE}) preconditioned by the diagonal, with u = the empty
     * pattern.
     */
    @Override
    public double[] solvePinned(double[] y) {
        // (L_0 + u tr^T) with u = e_0 (the empty pattern), preconditioned by its diagonal.
        Gmres.Operator a = (x, out) -> {
            apply(x, out);
            out[0] += trace(x);
        };
        Gmres.Operator jacobi = (x, out) -> {
            for (int i = 0; i < dim; i++) {
                double d = -outRate[i] + (i == 0 ? 1 : 0);
                out[i] = x[i] / d;
            }
        };
        Gmres.Result r = Gmres.solve(a, jacobi, y, TOLERANCE, 80, 200_000);
        if (!r.converged()) {
            throw new SolverException("classical generator: GMRES did not converge (relative residual "
                    + r.relativeResidual() + " after " + r.iterations() + " iterations)");
        }
        double[] x = r.x();
        // GMRES returns x = M^{-1} z; the preconditioner above is exact on the diagonal, nothing to undo.
        return x;
    }

    /** {@inheritDoc} Here the pinned solve with y = u, the empty pattern. */
    @Override
    public double[] steadyState() {
        double[] u = new double[dim];
        u[0] = 1;
        return solvePinned(u);
    }

    /** Mean occupation of every site in a distribution p over patterns (p is only read; a new array). */
    public double[] occupations(double[] p) {
        double[] n = new double[sites];
        for (int x = 0; x < dim; x++) {
            for (int k = 0; k < sites; k++) {
                if (((x >> k) & 1) != 0) {
                    n[k] += p[x];
                }
            }
        }
        return n;
    }
}
