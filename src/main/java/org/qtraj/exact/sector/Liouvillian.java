package org.qtraj.exact.sector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.qtraj.exact.linalg.Parallelism;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The Lindblad generator of a chain (PHYSICS.md "Model", paper eqs. 4, 5, 13) restricted to block-diagonal
 * operators ({@link BlockState} vectors), matrix-free:
 * <pre>
 *   L rho = -i [H, rho] + sum_m ( L_m rho L_m^+ - (1/2) {L_m^+ L_m, rho} )
 * </pre>
 * with the jump operators of every {@link Channel}: sqrt(G (nbar+1)) sigma^-_k and sqrt(G nbar) sigma^+_k for
 * each bath, sqrt(gamma_k) n_k for each dephasing site. H and every L_m^+ L_m conserve the excitation number,
 * dephasing sandwiches keep a block in place and a bath jump moves block n +- 1 into block n, so the
 * block-diagonal operators are an invariant subspace that contains the steady state.
 *
 * <p>Each channel's jump superoperator J_m rho = L_m rho L_m^+ and dissipator D[L_m] are available on their
 * own ({@link #applyJump}, {@link #applyDissipator}) for heat currents and tilted generators
 * L(s) = L + sum_m (e^{nu_m s} - 1) J_m (PHYSICS.md "Current fluctuations").
 *
 * <p>Cost of one {@link #apply}: O(C(2N,N) N). Immutable from the outside after construction and thread-safe
 * (the only internal mutable state is a concurrent pool of work matrices, about 2 x 2 d_max^2 doubles per thread
 * that ever applied it); the sectors are processed in parallel on the threads of the {@link Parallelism} given at
 * construction, each sector's output written by one thread, so results do not depend on the thread count.
 */
public final class Liouvillian {

    /** What a jump operator does. */
    public enum Kind {
        /** sigma^-_k: an excitation leaves into a bath (counting sign nu = -1). */
        EMISSION,
        /** sigma^+_k: an excitation enters from a bath (nu = +1). */
        ABSORPTION,
        /** n_k: local dephasing (not counted, nu = 0). */
        DEPHASING
    }

    /**
     * One jump operator sqrt(rate) O_site, O = sigma^-, sigma^+ or n.
     *
     * @param kind what it does
     * @param site its site, 0-based
     * @param rate G (nbar + 1), G nbar or gamma_k; may be 0 (e.g. absorption at T = 0)
     * @param bath the bath's index in {@link Chain#baths()} (0 left, 1 right for a chain), -1 for dephasing
     */
    public record Channel(Kind kind, int site, double rate, int bath) {
        /** The counting sign nu: +1 absorption, -1 emission, 0 dephasing. */
        public int countingSign() {
            return switch (kind) {
                case EMISSION -> -1;
                case ABSORPTION -> 1;
                case DEPHASING -> 0;
            };
        }

        /** The diagonal of L^+ L on a basis state: rate n_k, rate (1 - n_k) or rate n_k. */
        double loss(int mask) {
            int b = mask >> site & 1;
            return kind == Kind.ABSORPTION ? rate * (1 - b) : rate * b;
        }
    }

    private final Chain chain;
    private final SectorBasis basis;
    private final Parallelism parallelism;
    private final List<Channel> channels;
    private final double[][] energy;
    private final int[][] hopStart;
    private final int[][] hopIndex;
    private final double[][] hopValue;
    private final double[][] decay;
    private final double[][] noJump;
    /**
     * jumpTo[c][n]: the rows i of sector n that channel c's jump reaches, ascending; jumpFrom[c][n]: the
     * matching rows of the source sector; null if none.
     */
    private final int[][][] jumpTo;
    private final int[][][] jumpFrom;
    private final int maxDim;
    /**
     * Work matrices of {@link #applySector}, two of d_max rows of 2 d_max doubles per entry: taken and given back by each
     * sector task, so a pool holds about one entry per thread that ever ran apply and apply allocates nothing
     * once warm. The only mutable state; it never changes a result.
     */
    private final ConcurrentLinkedQueue<double[][][]> pool = new ConcurrentLinkedQueue<>();
    private final double normBound;
    private final double dissipatorNormBound;

    private Liouvillian(Chain chain, SectorBasis basis, Parallelism parallelism) {
        this.chain = chain;
        this.basis = basis;
        this.parallelism = parallelism;
        int sites = chain.sites();
        List<Channel> ch = new ArrayList<>();
        Bath[] baths = chain.baths();
        for (int b = 0; b < baths.length; b++) {
            double w = chain.bathOmega(baths[b]);
            ch.add(new Channel(Kind.EMISSION, baths[b].site(), baths[b].emissionRate(w), b));
            ch.add(new Channel(Kind.ABSORPTION, baths[b].site(), baths[b].absorptionRate(w), b));
        }
        for (int k = 0; k < sites; k++) {
            if (chain.dephasing(k) > 0) {
                ch.add(new Channel(Kind.DEPHASING, k, chain.dephasing(k), -1));
            }
        }
        channels = Collections.unmodifiableList(ch);

        int sectors = basis.sectors();
        energy = new double[sectors][];
        hopStart = new int[sectors][];
        hopIndex = new int[sectors][];
        hopValue = new double[sectors][];
        decay = new double[sectors][];
        noJump = new double[sectors][];
        jumpTo = new int[channels.size()][sectors][];
        jumpFrom = new int[channels.size()][sectors][];
        double spread = 0;
        double maxRow = 0;
        double maxDecay = 0;
        double maxBathDecay = 0;
        for (int n = 0; n < sectors; n++) {
            int d = basis.dim(n);
            energy[n] = new double[d];
            decay[n] = new double[d];
            hopStart[n] = new int[d + 1];
            List<int[]> hops = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            double eMin = Double.POSITIVE_INFINITY;
            double eMax = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < d; i++) {
                int m = basis.mask(n, i);
                double e = 0;
                for (int k = 0; k < sites; k++) {
                    e += chain.omega(k) * (m >> k & 1);
                }
                double row = 0;
                for (int b = 0; b < chain.bonds(); b++) {
                    int bb = m >> chain.bondFrom(b) & 1;
                    int bc = m >> chain.bondTo(b) & 1;
                    e += chain.anisotropy(b) * (2 * bb - 1) * (2 * bc - 1);
                    if (bb != bc && chain.coupling(b) != 0) {
                        hops.add(new int[] {i, basis.index(m ^ (1 << chain.bondFrom(b) | 1 << chain.bondTo(b)))});
                        values.add(chain.coupling(b));
                        row += Math.abs(chain.coupling(b));
                    }
                }
                energy[n][i] = e;
                eMin = Math.min(eMin, e);
                eMax = Math.max(eMax, e);
                maxRow = Math.max(maxRow, row);
                hopStart[n][i + 1] = hops.size();
                double a = 0;
                double bathLoss = 0;
                for (Channel c : channels) {
                    a += c.loss(m);
                    bathLoss += c.kind() == Kind.DEPHASING ? 0 : c.loss(m);
                }
                decay[n][i] = a;
                maxDecay = Math.max(maxDecay, a);
                maxBathDecay = Math.max(maxBathDecay, bathLoss);
            }
            spread = Math.max(spread, eMax - eMin);
            hopIndex[n] = new int[hops.size()];
            hopValue[n] = new double[hops.size()];
            for (int h = 0; h < hops.size(); h++) {
                hopIndex[n][h] = hops.get(h)[1];
                hopValue[n][h] = values.get(h);
            }
            noJump[n] = noJumpBlock(n, decay[n]);
            for (int ci = 0; ci < channels.size(); ci++) {
                int[] src = sourceMap(channels.get(ci), n);
                if (src != null) {
                    int r = 0;
                    for (int v : src) {
                        r += v >= 0 ? 1 : 0;
                    }
                    jumpTo[ci][n] = new int[r];
                    jumpFrom[ci][n] = new int[r];
                    r = 0;
                    for (int i = 0; i < src.length; i++) {
                        if (src[i] >= 0) {
                            jumpTo[ci][n][r] = i;
                            jumpFrom[ci][n][r++] = src[i];
                        }
                    }
                }
            }
        }
        double rateSum = 0;
        for (Channel c : channels) {
            rateSum += c.rate();
        }
        double bathRates = 0;
        double dephasingRates = 0;
        for (Channel c : channels) {
            if (c.kind() == Kind.DEPHASING) {
                dephasingRates += c.rate();
            } else {
                bathRates += c.rate();
            }
        }
        dissipatorNormBound = maxBathDecay + bathRates + 0.5 * dephasingRates;
        normBound = spread + 2 * maxRow + maxDecay + rateSum;
        int dm = 0;
        for (int n = 0; n < sectors; n++) {
            dm = Math.max(dm, basis.dim(n));
        }
        maxDim = dm;
    }

    /**
     * The no-jump damping of sector n, f_ij = -(a_i + a_j)/2 + sum_k gamma_k n_k(i) n_k(j) (d x d row-major), a
     * the sector's decay rates. A method of its own, over arrays, rather than a loop of the constructor: its
     * d^2 x channels iterations made the JIT compile the whole constructor on the stack (OSR, measured twice
     * per run at N = 10, about a third of the C2 compiler's time), for a loop that runs once.
     */
    private double[] noJumpBlock(int n, double[] a) {
        int count = 0;
        for (Channel c : channels) {
            count += c.kind() == Kind.DEPHASING ? 1 : 0;
        }
        int[] sites = new int[count];
        double[] rates = new double[count];
        count = 0;
        for (Channel c : channels) {
            if (c.kind() == Kind.DEPHASING) {
                sites[count] = c.site();
                rates[count++] = c.rate();
            }
        }
        int d = basis.dim(n);
        int[] masks = new int[d];
        for (int i = 0; i < d; i++) {
            masks[i] = basis.mask(n, i);
        }
        double[] f = new double[d * d];
        for (int i = 0; i < d; i++) {
            noJumpRow(masks, i, a, sites, rates, f);
        }
        return f;
    }

    /** Row i of {@link #noJumpBlock}: the channels in their order, as the sum was always formed. */
    private static void noJumpRow(int[] masks, int i, double[] a, int[] sites, double[] rates, double[] f) {
        int d = masks.length;
        for (int j = 0; j < d; j++) {
            int both = masks[i] & masks[j];
            double v = -0.5 * (a[i] + a[j]);
            for (int c = 0; c < sites.length; c++) {
                if ((both >> sites[c] & 1) != 0) {
                    v += rates[c];
                }
            }
            f[i * d + j] = v;
        }
    }

    private double[][][] takeWork() {
        double[][][] w = pool.poll();
        if (w == null) {
            w = new double[2][maxDim][2 * maxDim];
        }
        return w;
    }

    /** The generator of a chain (builds its sector basis), applied on {@link Parallelism#available()}. */
    public static Liouvillian of(Chain chain) {
        return of(chain, Parallelism.available());
    }

    /**
     * The generator of a chain (builds its sector basis); {@link #apply} and {@link #applyJump} run on the threads
     * of parallelism, and so does the preconditioner a {@link TraceFixedSolver} builds for it.
     */
    public static Liouvillian of(Chain chain, Parallelism parallelism) {
        return new Liouvillian(chain, SectorBasis.of(chain.sites()), parallelism);
    }

    private int[] sourceMap(Channel c, int n) {
        int bit = 1 << c.site();
        int d = basis.dim(n);
        int[] src = new int[d];
        boolean any = false;
        for (int i = 0; i < d; i++) {
            int m = basis.mask(n, i);
            src[i] = -1;
            if (c.kind() == Kind.EMISSION && (m & bit) == 0 && n < chain.sites()) {
                src[i] = basis.index(m | bit);
            } else if (c.kind() == Kind.ABSORPTION && (m & bit) != 0) {
                src[i] = basis.index(m & ~bit);
            } else if (c.kind() == Kind.DEPHASING && (m & bit) != 0) {
                src[i] = i;
            }
            any |= src[i] >= 0;
        }
        return any ? src : null;
    }

    /**
     * The rows of sector n that channel ci's jump operator L_c (a 0/1 matrix in the basis of masks, times
     * sqrt(rate)) reaches, ascending, or null if none; {@link #jumpSourceRows} are the matching rows of the source
     * sector {@link #sourceSector}: (O_c)_{to[a], from[a]} = 1. Shared arrays, read only.
     */
    int[] jumpTargetRows(int ci, int n) {
        return jumpTo[ci][n];
    }

    /** The source rows matching {@link #jumpTargetRows}; shared, read only. */
    int[] jumpSourceRows(int ci, int n) {
        return jumpFrom[ci][n];
    }

    /** The sector that channel c's jump into sector n reads from. */
    static int sourceSector(Channel c, int n) {
        return switch (c.kind()) {
            case EMISSION -> n + 1;
            case ABSORPTION -> n - 1;
            case DEPHASING -> n;
        };
    }

    /** The chain this generator belongs to. */
    public Chain chain() {
        return chain;
    }

    /** The sector basis of its packed vectors. */
    public SectorBasis basis() {
        return basis;
    }

    /** The threads that apply this generator. */
    public Parallelism parallelism() {
        return parallelism;
    }

    /** All jump channels: emission and absorption of each bath in order (left, right), then dephasing sites. */
    public List<Channel> channels() {
        return channels;
    }

    /** The channel of a bath (its index in {@link Chain#baths()}: 0 left, 1 right) and kind EMISSION or ABSORPTION. */
    public Channel bathChannel(int bath, Kind kind) {
        for (Channel c : channels) {
            if (c.bath() == bath && c.kind() == kind) {
                return c;
            }
        }
        throw new IllegalArgumentException("no channel " + kind + " at bath " + bath);
    }

    /**
     * An upper bound on the norm of L as a map on Hilbert-Schmidt space:
     * (E_max - E_min) + 2 max_i sum_j |g_ij| + max_i a_i + sum_m rate_m, a_i the diagonal of sum_m L_m^+ L_m.
     * The scale of relative residuals.
     */
    public double normBound() {
        return normBound;
    }

    /**
     * An upper bound on the norm of the dissipator D(X) = sum_m (L_m X L_m^+ - (1/2){L_m^+ L_m, X}) on block-diagonal
     * X: max_i a'_i + sum_{bath m} rate_m + (1/2) sum_k gamma_k, a'_i the diagonal of the baths' sum L_m^+ L_m. The
     * baths' part as in {@link #normBound()} (the anticommutator by max_i a'_i, each sandwich L X L^+ by
     * ||L||^2 = rate). The dephasing part exactly: gamma_k (n_k X n_k - (1/2){n_k, X}) multiplies the entry
     * X_ij by -(gamma_k/2) when the basis states i and j differ at site k and leaves it otherwise, so together they
     * scale each entry by at most (1/2) sum_k gamma_k (normBound counts gamma_k twice instead). With a bound on the
     * commutator's norm, max_n (largest - smallest eigenvalue of H_n), it bounds ||L||.
     */
    public double dissipatorNormBound() {
        return dissipatorNormBound;
    }

    /** The real symmetric H of sector n, dense d x d row-major. */
    public double[] hamiltonianBlock(int n) {
        int d = basis.dim(n);
        double[] h = new double[d * d];
        for (int i = 0; i < d; i++) {
            h[i * d + i] = energy[n][i];
            for (int p = hopStart[n][i]; p < hopStart[n][i + 1]; p++) {
                h[i * d + hopIndex[n][p]] += hopValue[n][p];
            }
        }
        return h;
    }

    /** The diagonal a_i of sum_m L_m^+ L_m in sector n (a copy). */
    public double[] decayRates(int n) {
        return decay[n].clone();
    }

    /**
     * y = L x on packed vectors of length C(2N, N), overwriting y; x is not modified. x and y must be different
     * arrays.
     */
    public void apply(double[] x, double[] y) {
        check(x, y);
        parallelism.forEach(basis.sectorsBySize(), n -> applySector(n, x, y));
    }

    /** L x as a new state. */
    public BlockState apply(BlockState x) {
        double[] y = new double[basis.size()];
        apply(x.data(), y);
        return BlockState.wrap(basis, y);
    }

    /**
     * One sector of y = L x. With rho_n = A + iB (A symmetric, B antisymmetric) and H = diag(E) + H', the
     * coherent part is Re(-i[H, rho])_ij = (E_i - E_j) B_ij + (H'B)_ij + (H'B)_ji and
     * Im(-i[H, rho])_ij = -(E_i - E_j) A_ij - (H'A)_ij + (H'A)_ji. The work matrix M = sqrt(2) [A | B] (d x 2d,
     * row-major, so one row operation of H' serves A and B at once) comes straight from the packed x, whose
     * entries are sqrt(2) A_ij and sqrt(2) B_ij already; W = H' M is formed row by row (contiguous axpys of
     * rows of M); the diagonal part, the no-jump damping and the packing are one pass over the pairs i < j.
     */
    private void applySector(int n, double[] x, double[] y) {
        int d = basis.dim(n);
        int off = basis.offset(n);
        double[][][] work = takeWork();
        try {
            double[][] m = work[0];
            double[][] w = work[1];
            unpack(x, off, d, m);
            hoppingProduct(n, m, w);
            combine(n, x, w, y);
        } finally {
            pool.offer(work);
        }
        for (int ci = 0; ci < channels.size(); ci++) {
            Channel c = channels.get(ci);
            if (c.kind() != Kind.DEPHASING) {
                addJump(ci, c.rate(), n, x, y);
            }
        }
    }

    // applySector's steps are methods of their own: as one method the JIT compiled it five times per run at
    // N = 10 (on the stack, then again after each newly taken branch), a fifth of the C2 compiler's time.

    /** M = sqrt(2) [A | B] from sector block x at off (d x d packed), into the rows of m. */
    private static void unpack(double[] x, int off, int d, double[][] m) {
        for (int i = 0; i < d; i++) {
            double[] mi = m[i];
            mi[i] = BlockState.SQRT2 * x[off + i * d + i];
            mi[d + i] = 0;
            for (int j = i + 1; j < d; j++) {
                double a = x[off + i * d + j];
                double b = x[off + j * d + i];
                double[] mj = m[j];
                mi[j] = a;
                mj[i] = a;
                mi[d + j] = b;
                mj[d + i] = -b;
            }
        }
    }

    /** W = H' M for sector n (H' the hopping part of H), row by row. */
    private void hoppingProduct(int n, double[][] m, double[][] w) {
        int d = basis.dim(n);
        int ld = 2 * d;
        int[] start = hopStart[n];
        int[] idx = hopIndex[n];
        double[] val = hopValue[n];
        for (int i = 0; i < d; i++) {
            double[] wi = w[i];
            int h0 = start[i];
            int h1 = start[i + 1];
            if (h0 == h1) {
                java.util.Arrays.fill(wi, 0, ld, 0);
                continue;
            }
            // Two hops per sweep over the row (half the loads and stores of w), rows of M as separate arrays
            // indexed like the row of W: the loop shape the JIT vectorises (see DenseProducts).
            int h = h0;
            if (h1 - h0 >= 2) {
                twoRows(val[h], m[idx[h]], val[h + 1], m[idx[h + 1]], wi, ld);
                h += 2;
            } else {
                oneRow(val[h], m[idx[h]], wi, ld);
                h++;
            }
            for (; h + 1 < h1; h += 2) {
                addTwoRows(val[h], m[idx[h]], val[h + 1], m[idx[h + 1]], wi, ld);
            }
            if (h < h1) {
                addOneRow(val[h], m[idx[h]], wi, ld);
            }
        }
    }

    /** y_n = the coherent part from W and the energies, plus the no-jump damping, packed (one pass over i &lt; j). */
    private void combine(int n, double[] x, double[][] w, double[] y) {
        int d = basis.dim(n);
        int off = basis.offset(n);
        double[] e = energy[n];
        double[] f = noJump[n];
        for (int i = 0; i < d; i++) {
            double[] wi = w[i];
            int ii = off + i * d + i;
            y[ii] = BlockState.SQRT2 * wi[d + i] + f[i * d + i] * x[ii];
            double ei = e[i];
            for (int j = i + 1; j < d; j++) {
                double[] wj = w[j];
                int ij = off + i * d + j;
                int ji = off + j * d + i;
                double fij = f[i * d + j];
                double de = ei - e[j];
                double xij = x[ij];
                double xji = x[ji];
                y[ij] = de * xji + (wi[d + j] + wj[d + i]) + fij * xij;
                y[ji] = -de * xij - (wi[j] - wj[i]) + fij * xji;
            }
        }
    }

    /** w[j] = g a[j] + h b[j], j &lt; len. */
    private static void twoRows(double g, double[] a, double h, double[] b, double[] w, int len) {
        for (int j = 0; j < len; j++) {
            w[j] = g * a[j] + h * b[j];
        }
    }

    /** w[j] = g a[j], j &lt; len. */
    private static void oneRow(double g, double[] a, double[] w, int len) {
        for (int j = 0; j < len; j++) {
            w[j] = g * a[j];
        }
    }

    /** w[j] += g a[j] + h b[j], j &lt; len. */
    private static void addTwoRows(double g, double[] a, double h, double[] b, double[] w, int len) {
        for (int j = 0; j < len; j++) {
            w[j] += g * a[j] + h * b[j];
        }
    }

    /** w[j] += g a[j], j &lt; len. */
    private static void addOneRow(double g, double[] a, double[] w, int len) {
        for (int j = 0; j < len; j++) {
            w[j] += g * a[j];
        }
    }

    /**
     * y_n += rate * (L_c x L_c^+)_n. The index maps are order-preserving (adding or removing one fixed bit
     * keeps masks in order), so the packed parametrisation maps entry by entry, upper to upper, lower to lower.
     */
    private void addJump(int ci, double rate, int n, double[] x, double[] y) {
        int[] to = jumpTo[ci][n];
        if (rate == 0 || to == null) {
            return;
        }
        int[] from = jumpFrom[ci][n];
        int d = basis.dim(n);
        int off = basis.offset(n);
        int ds = basis.dim(sourceSector(channels.get(ci), n));
        int offs = basis.offset(sourceSector(channels.get(ci), n));
        int r = to.length;
        for (int a = 0; a < r; a++) {
            int yi = off + to[a] * d;
            int xi = offs + from[a] * ds;
            for (int b = 0; b < r; b++) {
                y[yi + to[b]] += rate * x[xi + from[b]];
            }
        }
    }

    /** y = J_c x = L_c x L_c^+ (overwrites y; x is not modified), c one of {@link #channels()}. */
    public void applyJump(Channel c, double[] x, double[] y) {
        check(x, y);
        int ci = indexOf(c);
        java.util.Arrays.fill(y, 0);
        parallelism.forEach(0, basis.sectors(), n -> addJump(ci, c.rate(), n, x, y));
    }

    /** y = D[L_c] x = L_c x L_c^+ - (1/2) {L_c^+ L_c, x} (overwrites y; x is not modified). */
    public void applyDissipator(Channel c, double[] x, double[] y) {
        applyJump(c, x, y);
        for (int n = 0; n < basis.sectors(); n++) {
            int d = basis.dim(n);
            int off = basis.offset(n);
            double[] loss = new double[d];
            for (int i = 0; i < d; i++) {
                loss[i] = c.loss(basis.mask(n, i));
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    y[off + i * d + j] -= 0.5 * (loss[i] + loss[j]) * x[off + i * d + j];
                }
            }
        }
    }

    /** tr(H x) for a packed Hermitian x: {@code sum_i E_i x_ii + 2 sum_{i<j} H_ij Re x_ij}. */
    public double energy(double[] x) {
        double t = 0;
        for (int n = 0; n < basis.sectors(); n++) {
            int d = basis.dim(n);
            int off = basis.offset(n);
            for (int i = 0; i < d; i++) {
                t += energy[n][i] * x[off + i * d + i];
                for (int h = hopStart[n][i]; h < hopStart[n][i + 1]; h++) {
                    int k = hopIndex[n][h];
                    if (k > i) {
                        t += BlockState.SQRT2 * hopValue[n][h] * x[off + i * d + k];
                    }
                }
            }
        }
        return t;
    }

    /** Heat current into the chain through a set of channels: sum_m tr(H D[L_m] rho). */
    public double heatCurrent(BlockState rho, List<Channel> through) {
        double[] y = new double[basis.size()];
        double j = 0;
        for (Channel c : through) {
            applyDissipator(c, rho.data(), y);
            j += energy(y);
        }
        return j;
    }

    private int indexOf(Channel c) {
        int ci = channels.indexOf(c);
        if (ci < 0) {
            throw new IllegalArgumentException("not a channel of this generator: " + c);
        }
        return ci;
    }

    private void check(double[] x, double[] y) {
        if (x.length != basis.size() || y.length != basis.size()) {
            throw new IllegalArgumentException("vectors must have length C(2N,N) = " + basis.size());
        }
        if (x == y) {
            throw new IllegalArgumentException("x and y must be different arrays");
        }
    }
}
