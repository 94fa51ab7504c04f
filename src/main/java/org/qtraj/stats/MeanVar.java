package org.qtraj.stats;

/**
 * Count, mean and sum of squared deviations of a sample, mergeable: Welford's update for one value and
 * Chan, Golub and LeVeque's pairwise formula for two samples (Chan et al., "Algorithms for computing the
 * sample variance", Am. Stat. 37, 242 (1983)). Immutable; {@link #add} and {@link #merge} return new values.
 *
 * <p>Floating-point merging is not associative: to get bit-identical results, merge in a fixed order
 * (the ensemble driver merges by trajectory index).
 *
 * @param count number of values
 * @param mean  their mean (0 when empty)
 * @param m2    sum of squared deviations from the mean
 */
public record MeanVar(long count, double mean, double m2) {
    public static final MeanVar EMPTY = new MeanVar(0, 0, 0);

    /** A sample of one value. */
    public static MeanVar of(double x) {
        return new MeanVar(1, x, 0);
    }

    /** A sample of the given values. */
    public static MeanVar of(double... xs) {
        MeanVar m = EMPTY;
        for (double x : xs) {
            m = m.add(x);
        }
        return m;
    }

    /** This sample with one more value (Welford). */
    public MeanVar add(double x) {
        long n = count + 1;
        double delta = x - mean;
        double newMean = mean + delta / n;
        return new MeanVar(n, newMean, m2 + delta * (x - newMean));
    }

    /** The union of two samples (Chan's parallel update). */
    public MeanVar merge(MeanVar other) {
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            return other;
        }
        long n = count + other.count;
        double delta = other.mean - mean;
        double newMean = mean + delta * other.count / n;
        double newM2 = m2 + other.m2 + delta * delta * ((double) count * other.count / n);
        return new MeanVar(n, newMean, newM2);
    }

    /** Unbiased sample variance, NaN for fewer than two values. */
    public double variance() {
        return count < 2 ? Double.NaN : m2 / (count - 1);
    }

    /** Standard error of the mean, sqrt(variance/count); NaN for fewer than two values. */
    public double standardError() {
        return Math.sqrt(variance() / count);
    }
}
