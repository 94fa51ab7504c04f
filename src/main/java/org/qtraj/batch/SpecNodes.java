package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.qtraj.errors.InvalidInputException;

/** Typed reading of run-spec nodes; every failure is a {@link InvalidInputException} naming the full key. */
final class SpecNodes {
    private SpecNodes() {
    }

    static void requireObject(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidInputException(field, "must be a mapping of keys to values, got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
    }

    /** Refuses keys not in {@code allowed}; {@code prefix} is the parent key with its dot. */
    static void checkKeys(String prefix, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new InvalidInputException(prefix + key, "unknown key; allowed: " + String.join(", ", new TreeSet<>(allowed)));
            }
        }
    }

    static double number(String field, JsonNode node) {
        if (node != null && node.isNumber()) {
            double v = node.asDouble();
            if (Double.isFinite(v)) {
                return v;
            }
        } else if (node != null && node.isTextual()) {
            // A quoted "1e-3" is text in YAML: accept numbers written as text, as model files do.
            try {
                double v = Double.parseDouble(node.asText().trim());
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // fall through to the refusal
            }
        }
        throw new InvalidInputException(field, "must be a finite number, got " + node);
    }

    static double positive(String field, JsonNode node) {
        double v = number(field, node);
        if (!(v > 0)) {
            throw new InvalidInputException(field, "must be > 0, got " + v);
        }
        return v;
    }

    /**
     * An integer: an integral YAML number, a floating one with an integral value up to 2^53 (1.0e5), or either
     * written as text ("21", or 1e5, which YAML 1.1 reads as text), like {@link #number}.
     */
    static long integer(String field, JsonNode node) {
        if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        if (node != null && (node.isNumber() || node.isTextual())) {
            String text = node.asText().trim();
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException notLong) {
                try {
                    double v = node.isNumber() ? node.asDouble() : Double.parseDouble(text);
                    if (v == Math.rint(v) && Math.abs(v) <= 0x1p53) {
                        return (long) v;
                    }
                } catch (NumberFormatException e) {
                    // fall through to the refusal
                }
            }
        }
        throw new InvalidInputException(field, "must be an integer, got " + node);
    }

    static int positiveInt(String field, JsonNode node) {
        long v = integer(field, node);
        if (v < 1 || v > Integer.MAX_VALUE) {
            throw new InvalidInputException(field, "must be an integer >= 1, got " + v);
        }
        return (int) v;
    }

    static String text(String field, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new InvalidInputException(field, "must be text, got " + node);
        }
        return node.asText();
    }

    static double[] numbers(String field, JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new InvalidInputException(field, "must be a list of numbers, got " + node);
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(field + "[" + (i + 1) + "]", node.get(i));
        }
        return out;
    }
}
