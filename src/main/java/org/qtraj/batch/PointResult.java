package org.qtraj.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.stats.Estimate;

/**
 * What one method gives at one point: the named observables (what goes into results.csv) and the full
 * result document (what goes into results.jsonl, e.g. an {@code ExactResult.toMap()}). Immutable as far as the
 * maps go (unmodifiable copies, in the given order); the values in {@code details} are not copied, so a method
 * must not change an array it put there.
 *
 * @param observables observable name (see {@link Observables}) to estimate, in the method's order
 * @param details     the method's full result document; plain values, lists, arrays and maps
 */
public record PointResult(Map<String, Estimate> observables, Map<String, Object> details) {
    /** Copies both maps into unmodifiable ones (order kept); refuses nothing. */
    public PointResult {
        observables = Collections.unmodifiableMap(new LinkedHashMap<>(observables));
        details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }
}
