package org.qtraj.trajectory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The quantum-jump unravelling of one chain's master equation (PHYSICS.md, "Unravelling"): the jump operators
 * (per bath sqrt(G (nbar+1)) sigma^-_k and sqrt(G nbar) sigma^+_k, per site sqrt(gamma_k) n_k; zero-rate ones
 * dropped) and, per excitation-number sector, the sparse effective Hamiltonian with its step plan.
 *
 * <p>Sectors are built lazily on first use and cached; a sector is immutable once published, so one instance is
 * shared read-only by every trajectory and thread (two threads may build the same sector at once; both results are
 * identical and one is kept). Never builds a 2^N x 2^N matrix: the largest object is the mask-to-index table of
 * 2^N ints, plus the sectors visited (C(N, n) amplitudes each).
 */
public final class Unravelling {
    /** Largest N: the index table has 2^N entries and the middle sector C(N, N/2) amplitudes. */
    public static final int MAX_SITES = 24;
    /** Default local error per integration step (relative); used by the tests and benchmarks. */
    public static final double DEFAULT_TOLERANCE = 1e-9;

    private final Chain chain;
    private final double tolerance;
    private final int sites;
    private final List<Channel> channels;
    private final int[] indexOfMask;
    private final AtomicReferenceArray<Sector> sectors;
    private final double[] emission;
    private final double[] absorption;

    private Unravelling(Chain chain, double tolerance) {
        this.chain = chain;
        this.tolerance = tolerance;
        this.sites = chain.sites();
        List<Channel> ch = new ArrayList<>();
        Bath[] baths = chain.baths();
        emission = new double[baths.length];
        absorption = new double[baths.length];
        for (int j = 0; j < baths.length; j++) {
            double w = chain.bathOmega(baths[j]);
            emission[j] = baths[j].emissionRate(w);
            absorption[j] = baths[j].absorptionRate(w);
            if (emission[j] > 0) {
                ch.add(new Channel(Channel.Kind.EMISSION, baths[j].site(), emission[j], j));
            }
            if (absorption[j] > 0) {
                ch.add(new Channel(Channel.Kind.ABSORPTION, baths[j].site(), absorption[j], j));
            }
        }
        for (int k = 0; k < sites; k++) {
            if (chain.dephasing(k) > 0) {
                ch.add(new Channel(Channel.Kind.DEPHASING, k, chain.dephasing(k), -1));
            }
        }
        this.channels = List.copyOf(ch);
        this.indexOfMask = new int[1 << sites];
        int[] counter = new int[sites + 1];
        for (int mask = 0; mask < 1 << sites; mask++) {
            indexOfMask[mask] = counter[Integer.bitCount(mask)]++;
        }
        this.sectors = new AtomicReferenceArray<>(sites + 1);
    }

    /**
     * The unravelling of a chain.
     *
     * @param tolerance local error per integration step, relative (see {@link StepPlan}); in [1e-14, 1e-3]
     * @throws InvalidInputException for N above {@link #MAX_SITES} or a tolerance out of range
     */
    public static Unravelling of(Chain chain, double tolerance) {
        if (chain.sites() > MAX_SITES) {
            throw new InvalidInputException("sites", "quantum trajectories handle N <= " + MAX_SITES + ", got " + chain.sites());
        }
        StepPlan.checkTolerance(tolerance);
        return new Unravelling(chain, tolerance);
    }

    /** The chain unravelled. */
    public Chain chain() {
        return chain;
    }

    /** Local error per integration step, relative to ||psi||. */
    public double tolerance() {
        return tolerance;
    }

    int sites() {
        return sites;
    }

    List<Channel> channels() {
        return channels;
    }

    /** Index of a basis mask inside its own sector. */
    int indexOf(int mask) {
        return indexOfMask[mask];
    }

    /** The sector with n excitations, built on first use. */
    Sector sector(int n) {
        Sector s = sectors.get(n);
        if (s == null) {
            sectors.compareAndSet(n, null, build(n));
            s = sectors.get(n);
        }
        return s;
    }

    /** Largest sector dimension C(N, N/2). */
    int maxDimension() {
        return (int) binomial(sites, sites / 2);
    }

    static long binomial(int n, int k) {
        long b = 1;
        for (int i = 1; i <= k; i++) {
            b = b * (n - k + i) / i;
        }
        return b;
    }

    /** E(mask) = sum_k omega_k n_k + sum_b D_b sz_{a(b)} sz_{c(b)}, sz = 2 n - 1, bond b joining a(b) and c(b). */
    double energy(int mask) {
        double e = 0;
        for (int k = 0; k < sites; k++) {
            if ((mask >>> k & 1) != 0) {
                e += chain.omega(k);
            }
        }
        for (int b = 0; b < chain.bonds(); b++) {
            double d = chain.anisotropy(b);
            if (d != 0) {
                int zz = ((mask >>> chain.bondFrom(b)) & 1) == ((mask >>> chain.bondTo(b)) & 1) ? 1 : -1;
                e += d * zz;
            }
        }
        return e;
    }

    private Sector build(int n) {
        int dim = (int) binomial(sites, n);
        int[] masks = new int[dim];
        int i = 0;
        for (int mask = 0; mask < 1 << sites; mask++) {
            if (Integer.bitCount(mask) == n) {
                masks[i++] = mask;
            }
        }
        double[] energy = new double[dim];
        double[] decay = new double[dim];
        double eMin = Double.POSITIVE_INFINITY;
        double eMax = Double.NEGATIVE_INFINITY;
        double gMin = Double.POSITIVE_INFINITY;
        double gMax = Double.NEGATIVE_INFINITY;
        for (int x = 0; x < dim; x++) {
            energy[x] = energy(masks[x]);
            double g = 0;
            for (Channel c : channels) {
                g += c.rate() * c.weight(masks[x]);
            }
            decay[x] = g;
            eMin = Math.min(eMin, energy[x]);
            eMax = Math.max(eMax, energy[x]);
            gMin = Math.min(gMin, g);
            gMax = Math.max(gMax, g);
        }
        double e0 = 0.5 * (eMin + eMax);
        double c0 = 0.5 * (gMin + gMax);
        // hopping entries, row by row: move one excitation across bond b
        int[] rowStart = new int[dim + 1];
        List<int[]> entries = new ArrayList<>();
        for (int x = 0; x < dim; x++) {
            int mask = masks[x];
            for (int b = 0; b < chain.bonds(); b++) {
                double g = chain.coupling(b);
                int pair = 1 << chain.bondFrom(b) | 1 << chain.bondTo(b);
                int occ = mask & pair;
                if (g != 0 && occ != 0 && occ != pair) {
                    entries.add(new int[] {indexOfMask[mask ^ pair], b});
                }
            }
            rowStart[x + 1] = entries.size();
        }
        int nnz = entries.size();
        int[] column = new int[nnz];
        double[] value = new double[nnz];
        int[] bond = new int[nnz];
        for (int p = 0; p < nnz; p++) {
            column[p] = entries.get(p)[0];
            bond[p] = entries.get(p)[1];
            value[p] = chain.coupling(bond[p]);
        }
        double[] diag = new double[dim];
        double[] half = new double[dim];
        double[] absDiag = new double[dim];
        for (int x = 0; x < dim; x++) {
            diag[x] = energy[x] - e0;
            half[x] = 0.5 * (decay[x] - c0);
            absDiag[x] = Math.hypot(diag[x], half[x]);
        }
        double bound = dim == 0 ? 0 : NormBound.of(absDiag, rowStart, column, value);
        Bath[] baths = chain.baths();
        double[][] bathDiag = new double[baths.length][dim];
        for (int j = 0; j < baths.length; j++) {
            int bit = 1 << baths[j].site();
            for (int x = 0; x < dim; x++) {
                int mask = masks[x];
                double a;
                if ((mask & bit) != 0) {
                    a = emission[j] * (energy(mask ^ bit) - energy[x]);
                } else {
                    a = absorption[j] * (energy(mask | bit) - energy[x]);
                }
                bathDiag[j][x] = a;
            }
        }
        StepPlan plan = StepPlan.of(bound, tolerance, dim == 0 ? 0 : (double) nnz / dim);
        int[] from = new int[chain.bonds()];
        for (int b = 0; b < from.length; b++) {
            from[b] = chain.bondFrom(b);
        }
        return new Sector(n, masks, diag, decay, half, c0, rowStart, column, value, bond, from, bathDiag, bound, plan, tolerance);
    }
}
