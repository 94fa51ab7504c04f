package org.qtraj.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * JSON rendering of result documents (ordered maps of plain values, as the result records' toMap() give).
 * Numbers stay numbers; non-finite doubles become null, since JSON has no NaN. Stateless and thread-safe (the
 * Jackson mappers are configured once and then only used); the documents are not modified.
 */
public final class Json {
    private static final ObjectMapper PRETTY = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).build();
    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private Json() {
    }

    /** Indented JSON with a trailing newline. */
    public static String pretty(Map<String, ?> document) {
        return write(PRETTY, document) + "\n";
    }

    /** One line of JSON (for .jsonl files), without a newline. */
    public static String line(Map<String, ?> document) {
        return write(COMPACT, document);
    }

    private static String write(ObjectMapper mapper, Map<String, ?> document) {
        try {
            return mapper.writeValueAsString(sanitize(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON: " + e.getMessage(), e);
        }
    }

    private static Object sanitize(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (value instanceof double[] a) {
            Object[] out = new Object[a.length];
            for (int i = 0; i < a.length; i++) {
                out[i] = sanitize(a[i]);
            }
            return out;
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, sanitize(v)));
            return out;
        }
        if (value instanceof java.util.List<?> l) {
            return l.stream().map(Json::sanitize).toList();
        }
        return value;
    }
}
