package org.qtraj.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reported number: a value, its standard error and the number of samples behind it, the one value-with-error
 * type of qtraj. Exact methods report error 0 and samples 0 ("not a sample mean"). Immutable.
 *
 * <p>{@link #z} compares the value with a reference: z = (value - reference) / error, the number of standard errors
 * between them. For a Gaussian estimate |z| &lt; 4 fails by chance with probability 6.3e-5.
 *
 * @param value   the value (the mean, for a stochastic method)
 * @param error   standard error of the value, &gt;= 0 (NaN when too few samples give no error); 0 for an exact value
 * @param samples number of independent samples behind the value; 0 for an exact value
 */
public record Estimate(double value, double error, long samples) {

    /** Relative difference below which a value without spread equals its reference (rounding, not physics). */
    public static final double ROUNDING = 1e-12;

    /** An exact value. */
    public static Estimate exact(double value) {
        return new Estimate(value, 0, 0);
    }

    /** The mean of a sample with its standard error and size. */
    public static Estimate of(MeanVar sample) {
        return new Estimate(sample.mean(), sample.standardError(), sample.count());
    }

    /** Value and error divided by {@code t} (e.g. a cumulant of counts in a window of length t turned into a rate). */
    public Estimate scaled(double t) {
        return new Estimate(value / t, error / t, samples);
    }

    /**
     * z = (value - reference) / error. A value without spread (error 0) agrees exactly (z = 0) if it equals the
     * reference up to rounding ({@value #ROUNDING} relative to max(1, |reference|)), and not at all (+-infinity)
     * otherwise; NaN without a reference (NaN) or without an error (NaN).
     */
    public double z(double reference) {
        return z(value, error, reference);
    }

    /** {@link #z(double)} of a value with error {@code error}: the one z-score of qtraj. */
    public static double z(double value, double error, double reference) {
        double diff = value - reference;
        if (error > 0 || Double.isNaN(diff) || Double.isNaN(error)) {
            return diff / error;
        }
        return Math.abs(diff) <= ROUNDING * Math.max(1, Math.abs(reference)) ? 0
                : Math.copySign(Double.POSITIVE_INFINITY, diff);
    }

    /** {"value", "error", "samples"} as written to results.jsonl. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("error", error);
        m.put("samples", samples);
        return m;
    }
}
