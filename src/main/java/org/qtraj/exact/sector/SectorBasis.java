package org.qtraj.exact.sector;

import java.util.Arrays;

/**
 * The basis of N two-level sites split by excitation number n = 0..N (the sectors that H, dephasing and the
 * steady state respect; PHYSICS.md "Solving for the steady state at N = 10 and beyond").
 *
 * <p>A basis state is a bit mask: bit k set means site k (0-based) is excited. Sector n holds the
 * d_n = C(N, n) masks with n bits set, in increasing numeric order; that order is what makes the jump maps
 * {@code m -> m | bit} and {@code m -> m & ~bit} order-preserving inside a sector, which {@link Liouvillian} relies on.
 *
 * <p>A block-diagonal operator stores block n as d_n x d_n reals starting at {@link #offset(int)}; the blocks
 * together hold sum_n d_n^2 = C(2N, N) numbers ({@link #size()}). Immutable and thread-safe.
 */
public final class SectorBasis {
    /** Largest N this class indexes (a lookup table of 2^N ints). */
    public static final int MAX_SITES = 20;

    private final int sites;
    private final int[][] masks;
    private final int[] indexOfMask;
    private final int[] offsets;
    private final int size;

    private SectorBasis(int sites) {
        this.sites = sites;
        int full = 1 << sites;
        int[] count = new int[sites + 1];
        for (int m = 0; m < full; m++) {
            count[Integer.bitCount(m)]++;
        }
        masks = new int[sites + 1][];
        for (int n = 0; n <= sites; n++) {
            masks[n] = new int[count[n]];
        }
        indexOfMask = new int[full];
        int[] fill = new int[sites + 1];
        for (int m = 0; m < full; m++) {
            int n = Integer.bitCount(m);
            indexOfMask[m] = fill[n];
            masks[n][fill[n]++] = m;
        }
        offsets = new int[sites + 2];
        for (int n = 0; n <= sites; n++) {
            offsets[n + 1] = offsets[n] + count[n] * count[n];
        }
        size = offsets[sites + 1];
    }

    /**
     * The sector basis of {@code sites} two-level systems.
     *
     * @throws IllegalArgumentException unless {@code 1 <= sites <= }{@link #MAX_SITES}
     */
    public static SectorBasis of(int sites) {
        if (sites < 1 || sites > MAX_SITES) {
            throw new IllegalArgumentException("sites must be in 1.." + MAX_SITES + ", got " + sites);
        }
        return new SectorBasis(sites);
    }

    /** N. */
    public int sites() {
        return sites;
    }

    /** Number of sectors, N + 1 (n = 0..N). */
    public int sectors() {
        return sites + 1;
    }

    /** d_n = C(N, n). */
    public int dim(int n) {
        return masks[n].length;
    }

    /** The i-th mask of sector n. */
    public int mask(int n, int i) {
        return masks[n][i];
    }

    /** All masks of sector n, increasing (a copy). */
    public int[] masks(int n) {
        return masks[n].clone();
    }

    /** Index of a mask inside its own sector (the sector is {@link Integer#bitCount}). */
    public int index(int mask) {
        return indexOfMask[mask];
    }

    /** Start of block n in a block-diagonal vector: {@code sum_{m < n} d_m^2}. */
    public int offset(int n) {
        return offsets[n];
    }

    /** Length of a block-diagonal vector: sum_n d_n^2 = C(2N, N). */
    public int size() {
        return size;
    }

    /** Dimension of the whole Hilbert space, 2^N. */
    public int hilbertDim() {
        return 1 << sites;
    }

    /** Sectors ordered by decreasing size: the order to hand them to a thread pool for balance. */
    int[] sectorsBySize() {
        Integer[] order = new Integer[sites + 1];
        for (int n = 0; n <= sites; n++) {
            order[n] = n;
        }
        Arrays.sort(order, (a, b) -> Integer.compare(dim(b), dim(a)));
        int[] out = new int[sites + 1];
        for (int n = 0; n <= sites; n++) {
            out[n] = order[n];
        }
        return out;
    }

    /** C(2N, N) computed without the table, for memory estimates before building one. */
    public static long blockDiagonalSize(int sites) {
        if (sites > 33) {
            // C(2N, N) passes 2^63 at N = 34: say so rather than overflow
            throw new IllegalArgumentException("C(2N, N) does not fit in a long for N = " + sites);
        }
        long c = 1;
        for (int k = 1; k <= sites; k++) {
            c = c * (sites + k) / k;
        }
        return c;
    }

    /** C(2N, N) as a double (rounded above 2^53, infinite beyond N of about 500): for messages. */
    public static double blockDiagonalSizeEstimate(int sites) {
        double c = 1;
        for (int k = 1; k <= sites; k++) {
            c = c * (sites + k) / k;
        }
        return c;
    }

    /** C(2N, N) in words for messages: the integer while it is exact, else three digits and an exponent. */
    public static String blockDiagonalSizeText(int sites) {
        double c = blockDiagonalSizeEstimate(sites);
        return c < 0x1p53 ? String.format(java.util.Locale.ROOT, "%.0f", c)
                : Double.isFinite(c) ? String.format(java.util.Locale.ROOT, "%.3g", c) : "more than 1e308";
    }
}
