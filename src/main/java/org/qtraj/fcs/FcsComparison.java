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
        Map<String, Object> est = new LinkedHashMap<>();
        Map<String, Object> err = new LinkedHashMap<>();
        Map<String, Object> ex = new LinkedHashMap<>();
        Map<String, Object> zs = new LinkedHashMap<>();
        for (int i = 0; i < NAMES.size(); i++) {
            Estimate e = estimate(i);
            est.put(NAMES.get(i), e.value());
            err.put(NAMES.get(i), e.error());
            if (hasExact()) {
                ex.put(NAMES.get(i), exactValue(i));
                zs.put(NAMES.get(i), e.z(exactValue(i)));
            }
        }
        m.put("estimate", est);
        m.put("error", err);
        m.put("exact", ex);
        m.put("z", zs);
        m.put("files", files.stream().map(Path::toString).toList());
        return m;
    }
}
