package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.qtraj.errors.InvalidInputException;

/**
 * One entry of a spec's {@code methods} list, parsed and type-checked but not yet bound to code:
 * <pre>
 * methods:
 *   - {method: exact, solver: auto}
 *   - {method: exact, solver: rate, label: classical}
 *   - {method: trajectories, target_error: 0.01, t_total: 200, t_burn: 20, seed: 5}
 *   - {method: classical, trajectories: 1000, t_total: 500, t_burn: 50}
 *   - {method: trajectories, trajectories: 100000, blocks: 64}
 *   - {method: noise, solver: auto}
 * </pre>
 * Each method kind has its own allowed keys ({@link MethodKind#parameters()}); {@code label} (default: the method
 * name, with ":solver" if given) names the entry in results and must be unique within a spec. {@link MethodKind}
 * binds the entry to code. Immutable.
 *
 * @param index  0-based position in the list
 * @param kind   the method name: exact, trajectories, classical or noise
 * @param label  unique name in results.csv's method column
 * @param params every key of the entry except method and label, in spec order
 */
public record MethodEntry(int index, String kind, String label, Map<String, JsonNode> params) {
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_.:+-]+");

    /** Copies the parameters into an unmodifiable map (order kept); checks are made by the parsers. */
    public MethodEntry {
        params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** The full spec key of a parameter, for error messages: methods[2].target_error. */
    public String field(String key) {
        return "methods[" + (index + 1) + "]." + key;
    }

    /** A number parameter, checked finite. */
    public OptionalDouble number(String key) {
        JsonNode n = params.get(key);
        return n == null ? OptionalDouble.empty() : OptionalDouble.of(SpecNodes.number(field(key), n));
    }

    /** An integer parameter. */
    public OptionalLong integer(String key) {
        JsonNode n = params.get(key);
        return n == null ? OptionalLong.empty() : OptionalLong.of(SpecNodes.integer(field(key), n));
    }

    /** A text parameter. */
    public Optional<String> text(String key) {
        JsonNode n = params.get(key);
        return n == null ? Optional.empty() : Optional.of(SpecNodes.text(field(key), n));
    }

    /** The entry's parameters as plain values (for result records), label and method excluded. */
    public Map<String, Object> parameterMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        params.forEach((k, v) -> m.put(k, v));
        return m;
    }

    /** Parses entry {@code index} of the methods list, checking its keys and the types and ranges of its values. */
    static MethodEntry parse(int index, JsonNode node) {
        String where = "methods[" + (index + 1) + "]";
        SpecNodes.requireObject(where, node);
        if (!node.has("method")) {
            throw new InvalidInputException(where + ".method", "is required; one of " + MethodKind.names());
        }
        String kind = SpecNodes.text(where + ".method", node.get("method"));
        MethodKind known = MethodKind.find(kind);
        if (known == null) {
            throw new InvalidInputException(where + ".method", "unknown method '" + kind + "'; one of "
                    + MethodKind.names());
        }
        Set<String> all = new java.util.HashSet<>(known.parameters());
        all.add("method");
        all.add("label");
        SpecNodes.checkKeys(where + ".", node, all);
        Map<String, JsonNode> params = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getKey().equals("method") && !e.getKey().equals("label")) {
                params.put(e.getKey(), e.getValue());
            }
        }
        String label;
        if (node.has("label")) {
            label = SpecNodes.text(where + ".label", node.get("label"));
        } else {
            label = params.containsKey("solver") ? kind + ":" + SpecNodes.text(where + ".solver", params.get("solver")) : kind;
        }
        if (!LABEL.matcher(label).matches()) {
            throw new InvalidInputException(where + ".label", "must be letters, digits and _ . : + - only, got '" + label + "'");
        }
        MethodEntry entry = new MethodEntry(index, kind, label, params);
        entry.checkCommonParameters();
        return entry;
    }

    /** Types and ranges of the parameters shared by the stochastic methods. */
    private void checkCommonParameters() {
        text("solver");
        number("target_error").ifPresent(v -> {
            if (!(v > 0)) {
                throw new InvalidInputException(field("target_error"), "must be > 0 (a relative standard error), got " + v);
            }
        });
        integer("trajectories").ifPresent(v -> {
            if (v < 1) {
                throw new InvalidInputException(field("trajectories"), "must be an integer >= 1, got " + v);
            }
        });
        integer("seed");
        OptionalDouble total = number("t_total");
        OptionalDouble burn = number("t_burn");
        total.ifPresent(v -> {
            if (!(v > 0)) {
                throw new InvalidInputException(field("t_total"), "must be > 0, got " + v);
            }
        });
        burn.ifPresent(v -> {
            if (v < 0) {
                throw new InvalidInputException(field("t_burn"), "must be >= 0, got " + v);
            }
        });
        if (total.isPresent() && burn.isPresent() && burn.getAsDouble() >= total.getAsDouble()) {
            throw new InvalidInputException(field("t_burn"), "must be less than t_total (" + total.getAsDouble() + "), got "
                    + burn.getAsDouble());
        }
    }
}
