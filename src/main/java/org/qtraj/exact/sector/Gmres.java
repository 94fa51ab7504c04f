package org.qtraj.exact.sector;

import org.qtraj.exact.linalg.Parallelism;

/**
 * Restarted flexible GMRES (FGMRES) for a real linear system A x = b (Saad, SIAM J. Sci. Comput. 14, 461 (1993);
 * Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., alg. 9.6; GMRES itself: Saad and Schultz, SIAM J.
 * Sci. Stat. Comput. 7, 856 (1986)): Arnoldi with modified Gram-Schmidt on the vectors A z_j, z_j = M^{-1} v_j kept,
 * Givens rotations for the least-squares problem, x = x_0 + Z y. Keeping the z_j makes the Arnoldi relation
 * A Z = V H exact whatever the preconditioner does, so M^{-1} may be inexact or not quite linear (the sector
 * preconditioner runs in single precision: its rounding is not a linear map) and the monitored residual is still
 * the true residual |b - A x| (recomputed at each restart). Each z_j is stored rounded to float and A is applied
 * to exactly that rounded vector: half the memory of a double z_j, and the relation stays exact (the rounding is
 * part of the preconditioner).
 *
 * <p>Stateless and thread-safe: each solve works in a Krylov space of its own (restart vectors of b's length in
 * double and restart in float, {@link #BYTES_PER_STEP} bytes per entry and step, plus six working vectors), new or
 * a {@link Workspace} the caller passes and keeps for its next solve (one solve at a time per workspace); the
 * operators must not be called concurrently from elsewhere with the same output arrays.
 */
public final class Gmres {
    /** Entries per chunk of the chunked vector operations (128 KiB, twice that for two operands: L2-sized). */
    static final int CHUNK = 1 << 14;
    /** Vectors at least this long have their Gram-Schmidt operations spread over the threads. */
    static final int PARALLEL_LENGTH = 1 << 17;
    /** Bytes of a slab of Krylov vectors ({@code KrylovSpace}): just over half of G1's largest region. */
    static final long SLAB_BYTES = (16L << 20) + 8;
    /** Bytes of Krylov space per entry of b and Arnoldi step: one double v_j and one float z_j. */
    public static final int BYTES_PER_STEP = Double.BYTES + Float.BYTES;

    private Gmres() {
    }

    /** A linear operator on real vectors of one fixed length. */
    public interface Operator {
        /**
         * y = Op x, overwriting every entry of y; x is not modified. x and y are distinct arrays.
         *
         * @param x the vector acted on (read only)
         * @param y receives the result (modified)
         */
        void apply(double[] x, double[] y);
    }

    /**
     * The outcome of {@link #solve}.
     *
     * @param x                 the solution (starting from x = 0)
     * @param iterations        applications of A M^{-1} in Arnoldi steps
     * @param relativeResidual  |b - A x| / |b|, computed explicitly at the end
     * @param converged         whether {@code relativeResidual <= tolerance}
     */
    public record Result(double[] x, int iterations, double relativeResidual, boolean converged) {
    }

    /**
     * Solves A x = b from x = 0 with right preconditioner M (M^{-1} applied by {@code preconditioner}).
     *
     * @param a              A
     * @param preconditioner y = M^{-1} x, an approximate inverse of A (need not be exactly linear: the solve is
     *                       flexible)
     * @param b              the right-hand side (not modified)
     * @param tolerance      stop when {@code |b - A x| <= tolerance |b|}
     * @param restart        Krylov vectors per cycle
     * @param maxIterations  cap on the total number of Arnoldi steps
     * @return the solution (a new array) and whether it converged; not converging is not an exception here
     */
    public static Result solve(Operator a, Operator preconditioner, double[] b, double tolerance, int restart,
                        int maxIterations) {
        return solve(a, preconditioner, b, tolerance, restart, maxIterations, Parallelism.of(1));
    }

    /**
     * As {@link #solve(Operator, Operator, double[], double, int, int)}, with the Gram-Schmidt dot products and
     * updates of long vectors (at least 2^17 entries) run on the threads of parallelism, in
     * fixed chunks of 16384 entries whose partial sums are added in chunk order: the result does not
     * depend on the thread count. (At N = 12 a Krylov vector is 21.6 MB; the orthogonalisation, about
     * 3 j vector passes at step j, is bound by memory bandwidth.)
     */
    public static Result solve(Operator a, Operator preconditioner, double[] b, double tolerance, int restart,
                               int maxIterations, Parallelism parallelism) {
        return solve(a, preconditioner, b, tolerance, maxIterations, parallelism, new Workspace(b.length, restart));
    }

    /**
     * As {@link #solve(Operator, Operator, double[], double, int, int, Parallelism)}, in the Krylov space and working
     * vectors of {@code workspace} (its length must be b's; its restart length is the one used). A workspace reused
     * by the solves of one system (the steady state and the pinned solves of {@code --noise}) keeps its memory: a
     * new one per solve is fresh memory each time, which the JVM zeroes and the kernel maps page by page (at N = 10,
     * 100 MB and about 25,000 page faults per solve; measured on {@code exact --noise} at N = 10, three solves:
     * 117-136k minor faults and 450-520 MB peak RSS with a new space per solve, 84k and 320-330 MB with one reused).
     * The result does not depend on what the workspace held before.
     */
    public static Result solve(Operator a, Operator preconditioner, double[] b, double tolerance, int maxIterations,
                               Parallelism parallelism, Workspace workspace) {
        int len = b.length;
        if (workspace.length != len) {
            throw new IllegalArgumentException("workspace for length " + workspace.length
                    + ", right-hand side of length " + len);
        }
        int restart = workspace.restart;
        Vectors vec = new Vectors(len, parallelism, workspace.aligned);
        double[] x = new double[len];
        double bNorm = Math.sqrt(vec.dot(b, 0, b, 0));
        if (bNorm == 0) {
            return new Result(x, 0, 0, true);
        }
        double[] r = workspace.r;
        System.arraycopy(b, 0, r, 0, len);
        double beta = bNorm;
        KrylovSpace space = workspace.space;
        double[][] h = new double[restart + 1][restart];
        double[] cs = new double[restart];
        double[] sn = new double[restart];
        double[] g = new double[restart + 1];
        double[] z = workspace.z;
        // v_j and the next vector A z_j as arrays of their own (the operators take whole arrays); the basis keeps a copy.
        double[] v = workspace.v;
        double[] w = workspace.w;
        int total = 0;
        while (beta > tolerance * bNorm && total < maxIterations) {
            double inv = 1 / beta;
            for (int i = 0; i < len; i++) {
                v[i] = r[i] * inv;
            }
            space.store(0, v);
            java.util.Arrays.fill(g, 0);
            g[0] = beta;
            int cols = 0;
            while (cols < restart && total < maxIterations) {
                int j = cols;
                preconditioner.apply(v, z);
                space.storePreconditioned(j, z);
                a.apply(z, w);
                total++;
                // Modified Gram-Schmidt, each update fused with the next dot product (one pass over w fewer).
                double hij = vec.dot(w, 0, space.slab(0), space.offset(0));
                for (int i = 0; i <= j; i++) {
                    h[i][j] = hij;
                    hij = i < j
                            ? vec.axpyDot(-hij, space.slab(i), space.offset(i), w, space.slab(i + 1), space.offset(i + 1))
                            : vec.axpyDot(-hij, space.slab(i), space.offset(i), w, w, 0);
                }
                double hNext = Math.sqrt(hij);
                for (int i = 0; i < j; i++) {
                    double t = cs[i] * h[i][j] + sn[i] * h[i + 1][j];
                    h[i + 1][j] = -sn[i] * h[i][j] + cs[i] * h[i + 1][j];
                    h[i][j] = t;
                }
                double rho = Math.hypot(h[j][j], hNext);
                cs[j] = h[j][j] / rho;
                sn[j] = hNext / rho;
                h[j][j] = rho;
                g[j + 1] = -sn[j] * g[j];
                g[j] = cs[j] * g[j];
                cols++;
                if (hNext == 0 || Math.abs(g[j + 1]) <= tolerance * bNorm || cols == restart) {
                    break;
                }
                scaleInPlace(w, 1 / hNext);
                space.store(j + 1, w);
                double[] t = v;
                v = w;
                w = t;
            }
            // y = R^{-1} g, then x += Z y.
            double[] y = new double[cols];
            for (int i = cols - 1; i >= 0; i--) {
                double s = g[i];
                for (int k = i + 1; k < cols; k++) {
                    s -= h[i][k] * y[k];
                }
                y[i] = s / h[i][i];
            }
            vec.addCombination(space, y, cols, x);
            a.apply(x, r);
            subtractFrom(b, r);
            beta = Math.sqrt(vec.dot(r, 0, r, 0));
        }
        return new Result(x, total, beta / bNorm, beta <= tolerance * bNorm);
    }

    /**
     * Dot products and fused update-dot products of vectors of one length, in fixed chunks of {@code CHUNK}
     * entries: each chunk's partial sum as in {@link #dot}, the partial sums added in chunk order, so the value is
     * the same whether the chunks ran on one thread or several.
     */
    private static final class Vectors {
        private final int len;
        private final int chunks;
        private final Parallelism parallelism;
        private final double[] partial;
        /** Chunks of a basis vector copied to the indices of w ({@link #axpyDot}); disjoint per chunk. */
        private final double[] aligned;

        Vectors(int len, Parallelism parallelism, double[] aligned) {
            this.len = len;
            this.chunks = Math.max(1, (len + CHUNK - 1) / CHUNK);
            this.parallelism = len >= PARALLEL_LENGTH ? parallelism : Parallelism.of(1);
            this.partial = new double[chunks];
            this.aligned = aligned;
        }

        /** sum_i x_i y_i over the len entries of x from xOff and of y from yOff. */
        double dot(double[] x, int xOff, double[] y, int yOff) {
            parallelism.forEach(0, chunks, c -> {
                int from = c * CHUNK;
                partial[c] = dotRange(x, xOff + from, y, yOff + from, Math.min(len, from + CHUNK) - from);
            });
            return sum();
        }

        /**
         * w += alpha x (x from xOff, w whole), then returns sum_i w_i v_i (v from vOff; v may be w itself with
         * vOff = 0) with the updated w: one pass over the operands instead of two.
         */
        double axpyDot(double alpha, double[] x, int xOff, double[] w, double[] v, int vOff) {
            parallelism.forEach(0, chunks, c -> {
                int from = c * CHUNK;
                int to = Math.min(len, from + CHUNK);
                if (xOff != 0) {
                    // The chunk of x to the same index as w first: C2 vectorises the update only when both
                    // arrays are indexed alike (measured 0.14 against 0.4-0.5 ns per entry with the offset).
                    System.arraycopy(x, xOff + from, aligned, from, to - from);
                    axpyRange(alpha, aligned, w, from, to);
                } else {
                    axpyRange(alpha, x, w, from, to);
                }
                partial[c] = dotRange(w, from, v, vOff + from, to - from);
            });
            return sum();
        }

        /**
         * x += sum_i y_i z_i over the first cols preconditioned vectors, chunk by chunk: each entry gets the terms
         * in the order i = 0, 1, ..., so the result is that of one axpy per z_i, bit for bit. (It was one pass over
         * x per z_i in a method called once per restart, which ran in the interpreter: 8 % of the CPU samples of an
         * N = 10 solve; a small method called per chunk and vector is compiled at once.)
         */
        void addCombination(KrylovSpace space, double[] y, int cols, double[] x) {
            parallelism.forEach(0, chunks, c -> {
                int from = c * CHUNK;
                int to = Math.min(len, from + CHUNK);
                for (int i = 0; i < cols; i++) {
                    space.addPreconditioned(i, y[i], x, from, to);
                }
            });
        }

        private double sum() {
            double s = 0;
            for (int c = 0; c < chunks; c++) {
                s += partial[c];
            }
            return s;
        }
    }

    /**
     * The memory of a solve: the Krylov space of a given restart length (allocated as the steps reach it) and the
     * working vectors, for vectors of one length. For one solve at a time: solves running concurrently need one each.
     */
    public static final class Workspace {
        private final int length;
        private final int restart;
        private final KrylovSpace space;
        private final double[] r;
        private final double[] z;
        private final double[] v;
        private final double[] w;
        private final double[] aligned;

        /**
         * @param length  the length of the vectors
         * @param restart Krylov vectors per cycle (at least 1)
         */
        public Workspace(int length, int restart) {
            if (length < 1 || restart < 1) {
                throw new IllegalArgumentException("length and restart must be >= 1, got " + length + ", " + restart);
            }
            this.length = length;
            this.restart = restart;
            this.space = new KrylovSpace(length, restart);
            this.r = new double[length];
            this.z = new double[length];
            this.v = new double[length];
            this.w = new double[length];
            this.aligned = new double[length];
        }

        /** The restart length of the solves in this workspace. */
        public int restart() {
            return restart;
        }
    }

    /**
     * The Krylov vectors v_0..v_restart (double) and the preconditioned z_0..z_{restart-1} (float) of one solve,
     * several to an array ("slab") when they are long but shorter than {@link #SLAB_BYTES}: a slab of at least
     * 16 MiB + 8 bytes is more than half of any G1 heap region (at most 32 MiB in Java 17), so G1 allocates it
     * outside the young generation ("humongous") and never copies it, where vectors of their own (1.5 MB at
     * N = 10) were copied by every young collection while they lived: measured 0.4-0.9 s of GC thread CPU per
     * N = 10 solve against 0.05-0.1 with the vectors humongous. Slabs are allocated as the steps reach them.
     */
    private static final class KrylovSpace {
        private final int len;
        private final int perSlab;
        private final int floatsPerSlab;
        private final double[][] slabs;
        private final float[][] floatSlabs;

        KrylovSpace(int len, int restart) {
            this.len = len;
            boolean slabbed = len >= PARALLEL_LENGTH;
            perSlab = slabbed ? (int) Math.min(restart + 1, Math.max(1, SLAB_BYTES / (Double.BYTES * (long) len) + 1)) : 1;
            floatsPerSlab = slabbed ? (int) Math.min(restart, Math.max(1, SLAB_BYTES / (Float.BYTES * (long) len) + 1)) : 1;
            slabs = new double[(restart + perSlab) / perSlab][];
            floatSlabs = new float[(restart + floatsPerSlab - 1) / floatsPerSlab][];
        }

        /** The array holding v_i (allocated on first use). */
        double[] slab(int i) {
            int s = i / perSlab;
            if (slabs[s] == null) {
                slabs[s] = new double[perSlab * len];
            }
            return slabs[s];
        }

        /** Where v_i starts in {@link #slab}. */
        int offset(int i) {
            return i % perSlab * len;
        }

        /** v_i = v. */
        void store(int i, double[] v) {
            System.arraycopy(v, 0, slab(i), offset(i), len);
        }

        /**
         * z_i = z rounded to float, and z overwritten with the rounded values, so that A is applied to exactly
         * the stored vector.
         */
        void storePreconditioned(int i, double[] z) {
            int s = i / floatsPerSlab;
            if (floatSlabs[s] == null) {
                floatSlabs[s] = new float[floatsPerSlab * len];
            }
            float[] t = floatSlabs[s];
            int off = i % floatsPerSlab * len;
            // chunk by chunk: a method called once per step (84 times at N = 10) never leaves the interpreter,
            // one called per chunk is compiled within the first steps
            for (int from = 0; from < len; from += CHUNK) {
                round(z, t, off, from, Math.min(len, from + CHUNK));
            }
        }

        /** t[off + k] = (float) z[k] and z[k] = t[off + k] for from &lt;= k &lt; to. */
        private static void round(double[] z, float[] t, int off, int from, int to) {
            for (int k = from; k < to; k++) {
                float f = (float) z[k];
                t[off + k] = f;
                z[k] = f;
            }
        }

        /** x[k] += alpha z_i[k] for from &lt;= k &lt; to. */
        void addPreconditioned(int i, double alpha, double[] x, int from, int to) {
            float[] t = floatSlabs[i / floatsPerSlab];
            int off = i % floatsPerSlab * len;
            for (int k = from; k < to; k++) {
                x[k] += alpha * t[off + k];
            }
        }
    }

    /** v *= factor, chunk by chunk (see {@link KrylovSpace#storePreconditioned}: compiled within the first steps). */
    private static void scaleInPlace(double[] v, double factor) {
        for (int from = 0; from < v.length; from += CHUNK) {
            scaleRange(v, factor, from, Math.min(v.length, from + CHUNK));
        }
    }

    /**
     * r = x - r entry by entry (r is modified, x is read), chunk by chunk like {@link #scaleInPlace}: the residual of
     * a restart here and of a Richardson step ({@link RichardsonPreconditioner}).
     */
    static void subtractFrom(double[] x, double[] r) {
        for (int from = 0; from < r.length; from += CHUNK) {
            subtractRange(x, r, from, Math.min(r.length, from + CHUNK));
        }
    }

    private static void subtractRange(double[] x, double[] r, int from, int to) {
        for (int i = from; i < to; i++) {
            r[i] = x[i] - r[i];
        }
    }

    private static void scaleRange(double[] v, double factor, int from, int to) {
        for (int i = from; i < to; i++) {
            v[i] *= factor;
        }
    }

    /**
     * sum_i a_i b_i in four interleaved partial sums (i - from mod 4), added as (s0 + s1) + (s2 + s3): a single running
     * sum waits for each addition to finish (latency-bound, measured 0.2 ms for 184,756 entries), four proceed
     * together. The order is fixed, so the result is too.
     */
    static double dot(double[] a, double[] b) {
        return dotRange(a, 0, b, 0, a.length);
    }

    /** {@link #dot} over count entries of a from aOff and of b from bOff. */
    static double dotRange(double[] a, int aOff, double[] b, int bOff, int count) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < count; i += 4) {
            s0 = Math.fma(a[aOff + i], b[bOff + i], s0);
            s1 = Math.fma(a[aOff + i + 1], b[bOff + i + 1], s1);
            s2 = Math.fma(a[aOff + i + 2], b[bOff + i + 2], s2);
            s3 = Math.fma(a[aOff + i + 3], b[bOff + i + 3], s3);
        }
        for (; i < count; i++) {
            s0 = Math.fma(a[aOff + i], b[bOff + i], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** w[i] += alpha x[i] for from &lt;= i &lt; to, one fused multiply-add each. */
    private static void axpyRange(double alpha, double[] x, double[] w, int from, int to) {
        for (int i = from; i < to; i++) {
            w[i] = Math.fma(alpha, x[i], w[i]);
        }
    }

    /** y += alpha x: modifies y, reads x. */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }
}
