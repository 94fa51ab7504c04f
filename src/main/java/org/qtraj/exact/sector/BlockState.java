package org.qtraj.exact.sector;

/**
 * A Hermitian operator that is block-diagonal in the excitation number (a steady state, or a traceless
 * correction to one), stored as one real vector of length C(2N, N).
 *
 * <p>Block n (d x d, d = d_n) occupies {@code d*d} entries from {@link SectorBasis#offset(int)}, row-major,
 * in the real parametrisation of a Hermitian matrix rho:
 * <pre>{@code
 *   P[i][i] = rho_ii,   P[i][j] = sqrt(2) Re rho_ij,   P[j][i] = sqrt(2) Im rho_ij     (i < j)
 * }</pre>
 * The sqrt(2) makes the parametrisation an isometry: the Euclidean norm of the vector is the
 * Hilbert-Schmidt (Frobenius) norm of the operator, so residuals measured on vectors are HS norms.
 *
 * <p>Immutable and thread-safe (a state made by {@link #wrap} owns the array handed over, which the caller must not
 * change afterwards); the static helpers work on raw vectors for the solvers' inner loops and only read them.
 */
public final class BlockState {
    static final double SQRT2 = Math.sqrt(2);
    static final double INV_SQRT2 = 1 / Math.sqrt(2);

    private final SectorBasis basis;
    private final double[] data;

    private BlockState(SectorBasis basis, double[] data) {
        this.basis = basis;
        this.data = data;
    }

    /** A state from a packed vector (copied). */
    public static BlockState of(SectorBasis basis, double[] packed) {
        if (packed.length != basis.size()) {
            throw new IllegalArgumentException("vector length " + packed.length + " != C(2N,N) = " + basis.size());
        }
        return new BlockState(basis, packed.clone());
    }

    /** Wraps without copying; the caller hands over the array. */
    public static BlockState wrap(SectorBasis basis, double[] packed) {
        return new BlockState(basis, packed);
    }

    /** The identity divided by 2^N: trace one, the maximally mixed state. */
    public static BlockState maximallyMixed(SectorBasis basis) {
        double[] v = new double[basis.size()];
        double p = 1.0 / basis.hilbertDim();
        for (int n = 0; n < basis.sectors(); n++) {
            int d = basis.dim(n);
            int off = basis.offset(n);
            for (int i = 0; i < d; i++) {
                v[off + i * d + i] = p;
            }
        }
        return new BlockState(basis, v);
    }

    /** The sector basis the vector is packed in. */
    public SectorBasis basis() {
        return basis;
    }

    /** The packed vector (a copy). */
    public double[] vector() {
        return data.clone();
    }

    /** The packed vector itself, for package-internal read-only use. */
    double[] data() {
        return data;
    }

    /** Re rho_ij of block n. */
    public double re(int n, int i, int j) {
        int d = basis.dim(n);
        int off = basis.offset(n);
        if (i == j) {
            return data[off + i * d + i];
        }
        return (i < j ? data[off + i * d + j] : data[off + j * d + i]) * INV_SQRT2;
    }

    /** Im rho_ij of block n. */
    public double im(int n, int i, int j) {
        int d = basis.dim(n);
        int off = basis.offset(n);
        if (i == j) {
            return 0;
        }
        return i < j ? data[off + j * d + i] * INV_SQRT2 : -data[off + i * d + j] * INV_SQRT2;
    }

    /**
     * The coherence {@code <sigma^+_l sigma^-_k>} = tr(rho sigma^+_l sigma^-_k) = sum_i rho_{i, i'} over basis states
     * i with site k excited and l empty, i' = i with the excitation moved from k to l; as {re, im}. Its imaginary
     * part gives the bond current k -&gt; l, 2 g_kl Im (PHYSICS.md "Networks").
     *
     * @param k the site the excitation leaves (0-based)
     * @param l the site it enters
     */
    public double[] coherence(int k, int l) {
        double re = 0;
        double im = 0;
        int bk = 1 << k;
        int bl = 1 << l;
        for (int n = 1; n < basis.sectors(); n++) {
            int d = basis.dim(n);
            for (int i = 0; i < d; i++) {
                int m = basis.mask(n, i);
                if ((m & bk) != 0 && (m & bl) == 0) {
                    int j = basis.index(m ^ bk ^ bl);
                    re += re(n, i, j);
                    im += im(n, i, j);
                }
            }
        }
        return new double[] {re, im};
    }

    /** Block n as full real and imaginary parts, {re, im}, each d x d row-major. */
    public double[][] block(int n) {
        int d = basis.dim(n);
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        unpack(data, basis.offset(n), d, re, im, 0, d);
        return new double[][] {re, im};
    }

    /** tr rho = sum of the diagonals of the blocks. */
    public double trace() {
        return trace(basis, data);
    }

    /** Hilbert-Schmidt norm sqrt(tr rho^+ rho). */
    public double norm() {
        return norm(data);
    }

    /** n_k = tr(n_k rho), k = 0..N-1. */
    public double[] populations() {
        int sites = basis.sites();
        double[] pop = new double[sites];
        for (int n = 0; n < basis.sectors(); n++) {
            int d = basis.dim(n);
            int off = basis.offset(n);
            for (int i = 0; i < d; i++) {
                double p = data[off + i * d + i];
                int m = basis.mask(n, i);
                for (int k = 0; k < sites; k++) {
                    if ((m >> k & 1) != 0) {
                        pop[k] += p;
                    }
                }
            }
        }
        return pop;
    }

    /** This state times a number. */
    public BlockState scaled(double factor) {
        double[] v = data.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
        return new BlockState(basis, v);
    }

    /**
     * The full 2^N x 2^N operator, {re, im}, row-major, indexed by the masks (bit k = site k). Only for small
     * N (tests, N = 2 concurrence): refuses N > 12.
     */
    public double[][] toDense() {
        if (basis.sites() > 12) {
            throw new IllegalStateException("toDense is for small chains, N = " + basis.sites());
        }
        int full = basis.hilbertDim();
        double[] re = new double[full * full];
        double[] im = new double[full * full];
        for (int n = 0; n < basis.sectors(); n++) {
            int d = basis.dim(n);
            for (int i = 0; i < d; i++) {
                int mi = basis.mask(n, i);
                for (int j = 0; j < d; j++) {
                    int mj = basis.mask(n, j);
                    re[mi * full + mj] = re(n, i, j);
                    im[mi * full + mj] = im(n, i, j);
                }
            }
        }
        return new double[][] {re, im};
    }

    /** tr of the operator packed in v (the sum of the block diagonals); v is only read. */
    public static double trace(SectorBasis basis, double[] v) {
        double t = 0;
        for (int n = 0; n < basis.sectors(); n++) {
            int d = basis.dim(n);
            int off = basis.offset(n);
            for (int i = 0; i < d; i++) {
                t += v[off + i * d + i];
            }
        }
        return t;
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /**
     * Unpacks one block (d x d at {@code off} of {@code packed}) into its real part (symmetric) and imaginary
     * part (antisymmetric), written into {@code re} and {@code im} with row stride {@code ld} from {@code at}.
     */
    static void unpack(double[] packed, int off, int d, double[] re, double[] im, int at, int ld) {
        for (int i = 0; i < d; i++) {
            re[at + i * ld + i] = packed[off + i * d + i];
            im[at + i * ld + i] = 0;
            for (int j = i + 1; j < d; j++) {
                double a = packed[off + i * d + j] * INV_SQRT2;
                double b = packed[off + j * d + i] * INV_SQRT2;
                re[at + i * ld + j] = a;
                re[at + j * ld + i] = a;
                im[at + i * ld + j] = b;
                im[at + j * ld + i] = -b;
            }
        }
    }
}
