package org.qtraj.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: its 0-based index and the swept parameters' values there (Long for integer
 * parameters, Double otherwise), in the order the spec lists the parameters. Immutable: the map is an
 * unmodifiable copy.
 *
 * @param index      0-based point index, the order of results and the key of sharding
 * @param parameters parameter name to value
 */
public record Point(int index, Map<String, Number> parameters) {
    /** Copies the parameters into an unmodifiable map (order kept); refuses nothing. */
    public Point {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
