package org.qtraj.stats;

/**
 * The lag-1 autocorrelation of integer series (counts in consecutive windows of one trajectory), from exact
 * integer sums over consecutive pairs (a, b) = (x_i, x_{i+1}): Pearson's
 * r = (P sum ab - sum a sum b) / sqrt((P sum a^2 - (sum a)^2)(P sum b^2 - (sum b)^2)), P pairs. For independent
 * windows r is approximately normal with mean 0 and standard deviation 1/sqrt(P), so z = r sqrt(P) tests it.
 * Immutable; merging adds the sums (exact in long arithmetic while |x| stays below about 3e6 for 1e6 pairs).
 */
public record LagCorrelation(long pairs, long sumA, long sumB, long sumAA, long sumBB, long sumAB) {
    /** No pairs. */
    public static final LagCorrelation EMPTY = new LagCorrelation(0, 0, 0, 0, 0, 0);

    /** The pairs of consecutive entries of one series. */
    public static LagCorrelation of(long[] series) {
        long p = 0;
        long a = 0;
        long b = 0;
        long aa = 0;
        long bb = 0;
        long ab = 0;
        for (int i = 0; i + 1 < series.length; i++) {
            long x = series[i];
            long y = series[i + 1];
            p++;
            a += x;
            b += y;
            aa += x * x;
            bb += y * y;
            ab += x * y;
        }
        return new LagCorrelation(p, a, b, aa, bb, ab);
    }

    /** The pairs of both (the sums added); a new record, neither is modified. */
    public LagCorrelation merge(LagCorrelation o) {
        return new LagCorrelation(pairs + o.pairs, sumA + o.sumA, sumB + o.sumB, sumAA + o.sumAA, sumBB + o.sumBB,
                sumAB + o.sumAB);
    }

    /** r, NaN with fewer than 3 pairs or a constant series. */
    public double r() {
        if (pairs < 3) {
            return Double.NaN;
        }
        double p = pairs;
        double cov = p * sumAB - (double) sumA * sumB;
        double va = p * sumAA - (double) sumA * sumA;
        double vb = p * sumBB - (double) sumB * sumB;
        return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : Double.NaN;
    }

    /** r sqrt(P): about standard normal for independent windows. */
    public double z() {
        return r() * Math.sqrt(pairs);
    }
}
