package org.qtraj.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small document tree written out as YAML (block style at the top, flow style below) or JSON, with scalars that
 * may be anything a file can hold: numbers written verbatim (1e999, .nan, 0x1F), quoted text, or raw tokens that are
 * not valid in one of the two syntaxes (that is the point). Immutable once built; the maps keep their order.
 */
final class Tree {
    private Tree() {
    }

    /** A scalar written verbatim in YAML and JSON alike (numbers, true, null, or deliberately broken tokens). */
    record Raw(String text) {
    }

    /** A text scalar, quoted in both syntaxes. */
    record Text(String text) {
    }

    static Raw raw(String text) {
        return new Raw(text);
    }

    static Text text(String text) {
        return new Text(text);
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    static List<Object> list(Object... values) {
        return new ArrayList<>(List.of(values));
    }

    /** YAML: the top-level mapping in block style, everything below it in flow style. */
    static String yaml(Object root) {
        if (root instanceof Map<?, ?> m && !m.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            m.forEach((k, v) -> sb.append(key((String) k)).append(": ").append(flow(v)).append('\n'));
            return sb.toString();
        }
        return flow(root) + "\n";
    }

    private static String flow(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(key((String) k) + ": " + flow(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(Tree::flow).toList()) + "]";
        }
        if (v instanceof Raw r) {
            return r.text();
        }
        if (v instanceof Text t) {
            return quote(t.text());
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    /** JSON, compact. */
    static String json(Object v) {
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(quote((String) k) + ": " + json(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(Tree::json).toList()) + "]";
        }
        if (v instanceof Raw r) {
            return r.text();
        }
        if (v instanceof Text t) {
            return quote(t.text());
        }
        throw new IllegalArgumentException(String.valueOf(v));
    }

    private static String key(String k) {
        return k.matches("[A-Za-z_][A-Za-z0-9_]*") ? k : quote(k);
    }

    /** Double-quoted, with the escapes YAML and JSON share. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0xfeff) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
