package org.qtraj.fcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.stats.Estimate;

/**
 * Offset-corrected counting statistics ({@link WindowOffset}) beside their exact values: the count rate kappa_1
 * (pooled), the corrected kappa_2 and kappa_3, the Fano factor kappa_2/kappa_1 and kappa_3/kappa_1, each with its
 * exact value from the tilted generator when there is one and the z-score. Immutable.
 *
 * @param ensembles the independent ensembles, one per window length, in the order run
 * @param offset    the fit over them
 * @param exact     exact kappa_1, kappa_2, kappa_3, or null when no generator takes the chain
 */
public record OffsetComparison(List<FcsResult> ensembles, WindowOffset offset, double[] exact) {
    /** The compared quantities, in order. */
    public static final List<String> NAMES = List.of("cumulant_1", "cumulant_2", "cumulant_3", "fano", "ratio_3");

    /** Copies the list and the exact values. */
    public OffsetComparison {
        ensembles = List.copyOf(ensembles);
        exact = exact == null ? null : exact.clone();
    }

    /** The corrected estimate of quantity {@code i} of {@link #NAMES}. */
    public Estimate estimate(int i) {
        return switch (i) {
            case 0 -> offset.rate();
            case 1, 2 -> offset.kappa(i + 1);
            case 3 -> offset.ratio(2);
            default -> offset.ratio(3);
        };
    }

    /** The exact value of quantity {@code i}, NaN without a generator. */
    public double exactValue(int i) {
        if (exact == null) {
            return Double.NaN;
        }
        return i < 3 ? exact[i] : exact[i - 2] / exact[0];
    }

    /** Whether exact values are known. */
    public boolean hasExact() {
        return exact != null;
    }

    /**
     * The JSON document of {@code qtraj fcs} with the offset correction: method, sites, counting_bath, then
     * {@code estimate}, {@code error}, {@code exact}, {@code z} keyed by {@link #NAMES} (corrected values; the last two
     * empty without a generator), {@code window_offset} ({@link WindowOffset#toMap}) and {@code ensembles} (each
     * ensemble's description with its uncorrected estimate and error, as plain fcs gives them).
     */
    public Map<String, Object> toMap() {
        FcsResult first = ensembles.get(0);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", first.method());
        m.put("sites", first.sites());
        m.put("counting_bath", first.bathName());
        FcsComparison.putComparison(m, NAMES, this::estimate, hasExact() ? this::exactValue : null);
        m.put("window_offset", offset.toMap());
        List<Map<String, Object>> runs = new ArrayList<>();
        for (FcsResult r : ensembles) {
            Map<String, Object> doc = new FcsComparison(r, null).toMap(List.of());
            doc.remove("exact");
            doc.remove("z");
            doc.remove("files");
            runs.add(doc);
        }
        m.put("ensembles", runs);
        return m;
    }
}
