package org.qtraj.fcs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.stats.Estimate;

/**
 * Counting statistics from trajectories beside their exact values: kappa_1..3 and the Fano factor kappa_2/kappa_1,
 * each as an {@link Estimate} (jackknife error), its exact value from the tilted generator when there is one, and
 * the z-score {@link Estimate#z}. Immutable.
 *
 * @param result the trajectories' counting statistics
 * @param exact  exact kappa_1, kappa_2, kappa_3, or null when no generator takes the chain
 */
public record FcsComparison(FcsResult result, double[] exact) {
    /** The compared quantities, in order. */
    public static final List<String> NAMES = List.of("cumulant_1", "cumulant_2", "cumulant_3", "fano");

    /** A copy of the exact cumulants is kept. */
    public FcsComparison {
        exact = exact == null ? null : exact.clone();
    }

    /** The trajectories' estimate of quantity {@code i} of {@link #NAMES}. */
    public Estimate estimate(int i) {
        return i < 3 ? result.cumulant(i + 1) : result.fano();
    }

    /** The exact value of quantity {@code i}, NaN without a generator. */
    public double exactValue(int i) {
        return exact == null ? Double.NaN : i < 3 ? exact[i] : exact[1] / exact[0];
    }

    /** Whether exact values are known. */
    public boolean hasExact() {
        return exact != null;
    }

    /**
     * The JSON document of {@code qtraj fcs}: the result's keys, then {@code estimate}, {@code error}, {@code exact},
     * {@code z} (objects keyed by {@link #NAMES}; the last two empty without a generator) and the {@code files}
     * written.
     */
    public Map<String, Object> toMap(List<Path> files) {
        Map<String, Object> m = new LinkedHashMap<>(result.toMap());
        putComparison(m, NAMES, this::estimate, hasExact() ? this::exactValue : null);
        m.put("files", files.stream().map(Path::toString).toList());
        return m;
    }

    /**
     * Puts {@code estimate}, {@code error}, {@code exact} and {@code z} into {@code m}, each an object keyed by
     * {@code names}; the last two are empty when {@code exact} is null (no generator). Shared by plain and
     * window-offset counting statistics, so that both documents have the same shape.
     */
    static void putComparison(Map<String, Object> m, List<String> names, java.util.function.IntFunction<Estimate> estimate,
                              java.util.function.IntToDoubleFunction exact) {
        Map<String, Object> est = new LinkedHashMap<>();
        Map<String, Object> err = new LinkedHashMap<>();
        Map<String, Object> ex = new LinkedHashMap<>();
        Map<String, Object> zs = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            Estimate e = estimate.apply(i);
            est.put(names.get(i), e.value());
            err.put(names.get(i), e.error());
            if (exact != null) {
                ex.put(names.get(i), exact.applyAsDouble(i));
                zs.put(names.get(i), e.z(exact.applyAsDouble(i)));
            }
        }
        m.put("estimate", est);
        m.put("error", err);
        m.put("exact", ex);
        m.put("z", zs);
    }
}
