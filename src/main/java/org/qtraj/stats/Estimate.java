package org.qtraj.stats;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reported number: a value, its standard error and the number of samples behind it.
 * Exact methods report error 0 and samples 0 ("not a sample mean").
 *
 * @param value   the value (mean, for a stochastic method)
 * @param error   standard error of the value, >= 0; 0 for an exact value
 * @param samples number of independent samples behind the mean; 0 for an exact value
 */
public record Estimate(double value, double error, long samples) {

    /** An exact value. */
    public static Estimate exact(double value) {
        return new Estimate(value, 0, 0);
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
