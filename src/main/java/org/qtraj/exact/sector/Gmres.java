package org.qtraj.exact.sector;

import org.qtraj.exact.linalg.Parallelism;

/**
 * Restarted GMRES with right preconditioning for a real linear system A x = b (Saad and Schultz, SIAM J. Sci.
 * Stat. Comput. 7, 856 (1986); Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., alg. 9.5):
 * Arnoldi on A M^{-1} with modified Gram-Schmidt, Givens rotations for the least-squares problem, x = M^{-1} z.
 * Right preconditioning makes the monitored residual the true residual |b - A x| (recomputed at each restart).
 *
 * <p>Stateless and thread-safe: each solve allocates its own Krylov basis ((restart + 1) vectors of b's length);
 * the operators must not be called concurrently from elsewhere with the same output arrays.
 */
public final class Gmres {
    /** Entries per chunk of the chunked vector operations (128 KiB, twice that for two operands: L2-sized). */
    static final int CHUNK = 1 << 14;
    /** Vectors at least this long have their Gram-Schmidt operations spread over the threads. */
    static final int PARALLEL_LENGTH = 1 << 17;

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
     * @param preconditioner y = M^{-1} x, an approximate inverse of A
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
        int len = b.length;
        Vectors vec = new Vectors(len, parallelism);
        double[] x = new double[len];
        double bNorm = Math.sqrt(vec.dot(b, b));
        if (bNorm == 0) {
            return new Result(x, 0, 0, true);
        }
        double[] r = b.clone();
        double beta = bNorm;
        double[][] basis = new double[restart + 1][];
        double[][] h = new double[restart + 1][restart];
        double[] cs = new double[restart];
        double[] sn = new double[restart];
        double[] g = new double[restart + 1];
        double[] z = new double[len];
        int total = 0;
        while (beta > tolerance * bNorm && total < maxIterations) {
            basis[0] = scaledInto(basis[0], r, 1 / beta);
            java.util.Arrays.fill(g, 0);
            g[0] = beta;
            int cols = 0;
            while (cols < restart && total < maxIterations) {
                int j = cols;
                preconditioner.apply(basis[j], z);
                double[] w = basis[j + 1] == null ? new double[len] : basis[j + 1];
                a.apply(z, w);
                total++;
                // Modified Gram-Schmidt, each update fused with the next dot product (one pass over w fewer).
                double hij = vec.dot(w, basis[0]);
                for (int i = 0; i <= j; i++) {
                    h[i][j] = hij;
                    hij = vec.axpyDot(-hij, basis[i], w, i < j ? basis[i + 1] : w);
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
                basis[j + 1] = w;
                if (hNext == 0 || Math.abs(g[j + 1]) <= tolerance * bNorm) {
                    break;
                }
                scaleInPlace(w, 1 / hNext);
            }
            // y = R^{-1} g, then x += M^{-1} (V y).
            double[] y = new double[cols];
            for (int i = cols - 1; i >= 0; i--) {
                double s = g[i];
                for (int k = i + 1; k < cols; k++) {
                    s -= h[i][k] * y[k];
                }
                y[i] = s / h[i][i];
            }
            double[] update = new double[len];
            for (int i = 0; i < cols; i++) {
                axpy(y[i], basis[i], update);
            }
            preconditioner.apply(update, z);
            axpy(1, z, x);
            a.apply(x, r);
            for (int i = 0; i < len; i++) {
                r[i] = b[i] - r[i];
            }
            beta = Math.sqrt(vec.dot(r, r));
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

        Vectors(int len, Parallelism parallelism) {
            this.len = len;
            this.chunks = Math.max(1, (len + CHUNK - 1) / CHUNK);
            this.parallelism = len >= PARALLEL_LENGTH ? parallelism : Parallelism.of(1);
            this.partial = new double[chunks];
        }

        /** sum_i x_i y_i. */
        double dot(double[] x, double[] y) {
            parallelism.forEach(0, chunks, c -> {
                int from = c * CHUNK;
                partial[c] = dotRange(x, y, from, Math.min(len, from + CHUNK));
            });
            return sum();
        }

        /**
         * w += alpha x, then returns sum_i w_i v_i with the updated w (v may be w itself): one pass over the
         * operands instead of two.
         */
        double axpyDot(double alpha, double[] x, double[] w, double[] v) {
            parallelism.forEach(0, chunks, c -> {
                int from = c * CHUNK;
                int to = Math.min(len, from + CHUNK);
                for (int i = from; i < to; i++) {
                    w[i] = Math.fma(alpha, x[i], w[i]);
                }
                partial[c] = dotRange(w, v, from, to);
            });
            return sum();
        }

        private double sum() {
            double s = 0;
            for (int c = 0; c < chunks; c++) {
                s += partial[c];
            }
            return s;
        }
    }

    private static double[] scaledInto(double[] target, double[] source, double factor) {
        double[] t = target == null ? new double[source.length] : target;
        for (int i = 0; i < source.length; i++) {
            t[i] = source[i] * factor;
        }
        return t;
    }

    private static void scaleInPlace(double[] v, double factor) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= factor;
        }
    }

    /**
     * sum_i a_i b_i in four interleaved partial sums (i - from mod 4), added as (s0 + s1) + (s2 + s3): a single running
     * sum waits for each addition to finish (latency-bound, measured 0.2 ms for 184,756 entries), four proceed
     * together. The order is fixed, so the result is too.
     */
    static double dot(double[] a, double[] b) {
        return dotRange(a, b, 0, a.length);
    }

    /** {@link #dot} over the entries from (inclusive) to (exclusive). */
    static double dotRange(double[] a, double[] b, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int n = to;
        int i = from;
        for (; i + 3 < n; i += 4) {
            s0 = Math.fma(a[i], b[i], s0);
            s1 = Math.fma(a[i + 1], b[i + 1], s1);
            s2 = Math.fma(a[i + 2], b[i + 2], s2);
            s3 = Math.fma(a[i + 3], b[i + 3], s3);
        }
        for (; i < n; i++) {
            s0 = Math.fma(a[i], b[i], s0);
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** y += alpha x: modifies y, reads x. */
    public static void axpy(double alpha, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += alpha * x[i];
        }
    }
}
