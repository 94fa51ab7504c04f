package org.qtraj.stats;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An exact, mergeable sample of integer counts (e.g. the net number of quanta exchanged with a bath in one time
 * window), kept as value -> multiplicity, with the unbiased k-statistics of its first three cumulants and their
 * delete-one jackknife errors.
 *
 * <p>k-statistics (Fisher; Kendall and Stuart, Advanced Theory of Statistics vol. 1, sec. 12.9), from the sums
 * T_p = sum_i d_i^p of the values shifted by an integer c (d_i = x_i - c; the cumulants beyond the first do not
 * depend on c, which only keeps the sums small):
 * <pre>
 *   m = T_1/n,  M_2 = T_2 - n m^2,  M_3 = T_3 - 3 m T_2 + 2 n m^3,
 *   k_1 = c + m,  k_2 = M_2/(n-1),  k_3 = n M_3/((n-1)(n-2)),
 * </pre>
 * unbiased: E k_j = kappa_j for independent samples. Errors: the delete-one jackknife (Efron and Tibshirani, An
 * Introduction to the Bootstrap, ch. 11), var = (n-1)/n sum_i (theta_(i) - mean_i theta_(i))^2, computed exactly by
 * grouping equal values (every deletion of the same value gives the same theta_(i)), so it is deterministic and
 * costs O(distinct values). The Fano factor k_2/k_1 gets its error the same way.
 *
 * <p>Immutable; {@link #merge} adds multiplicities, so the result does not depend on the order of merging.
 */
public final class CountCumulants {
    /** No counts. */
    public static final CountCumulants EMPTY = new CountCumulants(new TreeMap<>());

    private final NavigableMap<Long, Long> frequencies;
    private final long n;

    private CountCumulants(NavigableMap<Long, Long> frequencies) {
        this.frequencies = frequencies;
        long total = 0;
        for (long f : frequencies.values()) {
            total += f;
        }
        this.n = total;
    }

    /** The sample of the given counts. */
    public static CountCumulants of(long... counts) {
        TreeMap<Long, Long> m = new TreeMap<>();
        for (long c : counts) {
            m.merge(c, 1L, Long::sum);
        }
        return new CountCumulants(m);
    }

    /** Both samples together. */
    public CountCumulants merge(CountCumulants other) {
        if (other.n == 0) {
            return this;
        }
        if (n == 0) {
            return other;
        }
        TreeMap<Long, Long> m = new TreeMap<>(frequencies);
        other.frequencies.forEach((k, v) -> m.merge(k, v, Long::sum));
        return new CountCumulants(m);
    }

    /** Number of counts in the sample. */
    public long size() {
        return n;
    }

    /** Value -> multiplicity, in increasing value order (read-only). */
    public NavigableMap<Long, Long> frequencies() {
        return Collections.unmodifiableNavigableMap(frequencies);
    }

    /** k_order with its delete-one jackknife error over the n counts, order 1..3 (NaN when n is too small: n >= order is needed, and n >= order + 1 for the error). */
    public Estimate cumulant(int order) {
        if (order < 1 || order > 3) {
            throw new IllegalArgumentException("order must be 1, 2 or 3, got " + order);
        }
        return jackknife(s -> s.k(order), order + 1);
    }

    /** k_2 / k_1 with its jackknife error. */
    public Estimate fano() {
        return jackknife(s -> s.k(2) / s.k(1), 3);
    }

    /** The counts as a {@link MeanVar} (mean k_1, sample variance k_2): for stop rules and progress reports. */
    public MeanVar meanVar(double scale) {
        if (n == 0) {
            return MeanVar.EMPTY;
        }
        Sums s = sums();
        double m = s.t1 / n;
        double m2 = s.t2 - n * m * m;
        return new MeanVar(n, (s.shift + m) * scale, Math.max(m2, 0) * scale * scale);
    }

    private Sums sums() {
        long shift = Math.round(weightedMean());
        double t1 = 0;
        double t2 = 0;
        double t3 = 0;
        for (Map.Entry<Long, Long> e : frequencies.entrySet()) {
            double d = e.getKey() - shift;
            double f = e.getValue();
            t1 += f * d;
            t2 += f * d * d;
            t3 += f * d * d * d;
        }
        return new Sums(shift, n, t1, t2, t3);
    }

    private double weightedMean() {
        double s = 0;
        for (Map.Entry<Long, Long> e : frequencies.entrySet()) {
            s += (double) e.getKey() * e.getValue();
        }
        return n == 0 ? 0 : s / n;
    }

    /** Shifted power sums of a sample of size n. */
    private record Sums(long shift, double n, double t1, double t2, double t3) {
        double k(int order) {
            double m = t1 / n;
            return switch (order) {
                case 1 -> shift + m;
                case 2 -> (t2 - n * m * m) / (n - 1);
                default -> n * (t3 - 3 * m * t2 + 2 * n * m * m * m) / ((n - 1) * (n - 2));
            };
        }

        Sums without(double d) {
            return new Sums(shift, n - 1, t1 - d, t2 - d * d, t3 - d * d * d);
        }
    }

    private interface Statistic {
        double of(Sums s);
    }

    private Estimate jackknife(Statistic stat, int minSize) {
        if (n < minSize - 1) {
            return new Estimate(Double.NaN, Double.NaN, n);
        }
        Sums all = sums();
        double value = stat.of(all);
        if (n < minSize) {
            return new Estimate(value, Double.NaN, n);
        }
        // theta_(i) for each distinct value, then the weighted spread (two passes for accuracy)
        double mean = 0;
        double[] theta = new double[frequencies.size()];
        long[] weight = new long[theta.length];
        int i = 0;
        for (Map.Entry<Long, Long> e : frequencies.entrySet()) {
            theta[i] = stat.of(all.without(e.getKey() - all.shift));
            weight[i] = e.getValue();
            mean += weight[i] * theta[i];
            i++;
        }
        mean /= n;
        double ss = 0;
        for (int j = 0; j < theta.length; j++) {
            double d = theta[j] - mean;
            ss += weight[j] * d * d;
        }
        return new Estimate(value, Math.sqrt((n - 1.0) / n * ss), n);
    }
}
