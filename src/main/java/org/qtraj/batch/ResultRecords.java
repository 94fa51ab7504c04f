package org.qtraj.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.io.Json;
import org.qtraj.stats.Estimate;

/**
 * The two result formats of a run and how one becomes the other.
 *
 * <p>results.jsonl: one JSON object per unit of work, on one line:
 * {@code {"point", "sample", "method", "parameters": {swept values}, "disorder_seed" (with a disorder ensemble),
 * "seed", "observables": {name: {"value", "error", "samples"}}, "result": {the method's full document},
 * "elapsed_seconds"}}.
 *
 * <p>Kept observables: those the spec names, a name ending in * keeping every observable that starts with the
 * rest ({@link Observables#matches}), in spec order, then in the method's order.
 *
 * <p>results.csv: one row per unit and kept observable, columns
 * {@code point,sample,<swept parameters>,method,observable,value,error,samples,elapsed_seconds}. Rows are always
 * rendered from the JSON line (never from the in-memory numbers), so a row written live, one rebuilt on
 * resume and one written by a merge are the same text. Doubles are written with {@link Double#toString},
 * which reads back to the same double; null (non-finite) becomes an empty field. elapsed_seconds is the
 * only column that varies between runs of the same spec.
 *
 * <p>Stateless and thread-safe (pure functions; the Jackson mapper is only used, never reconfigured).
 */
public final class ResultRecords {
    /** Refuses text after the object: two records run together on one line are damage, not the first record. */
    private static final ObjectReader READER = new ObjectMapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ResultRecords() {
    }

    /** The JSON line (without newline) recording one finished unit. */
    public static String line(RunSpec spec, Task task, PointResult result, double elapsedSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("point", task.key().point());
        m.put("sample", task.key().sample());
        m.put("method", task.method().label());
        m.put("parameters", task.point().parameters());
        if (task.disorderSeed() != null) {
            m.put("disorder_seed", task.disorderSeed());
        }
        m.put("seed", task.seed());
        Map<String, Object> obs = new LinkedHashMap<>();
        for (String pattern : spec.observables()) {
            for (Map.Entry<String, Estimate> e : result.observables().entrySet()) {
                if (Observables.matches(pattern, e.getKey()) && !obs.containsKey(e.getKey())) {
                    obs.put(e.getKey(), e.getValue().toMap());
                }
            }
        }
        m.put("observables", obs);
        m.put("result", result.details());
        m.put("elapsed_seconds", elapsedSeconds);
        return Json.line(m);
    }

    /** Parses one JSON line of results.jsonl (or blocks.jsonl); anything after the first value is an error. */
    static JsonNode parse(String line) throws JsonProcessingException {
        return READER.readTree(line);
    }

    /** The key of a parsed record; the method index is looked up by label. */
    static TaskKey key(RunSpec spec, JsonNode record) {
        String label = record.path("method").asText(null);
        int m = -1;
        for (MethodEntry e : spec.methods()) {
            if (e.label().equals(label)) {
                m = e.index();
            }
        }
        if (m < 0 || !record.path("point").isInt() || !record.path("sample").isInt()) {
            throw new IllegalArgumentException("not a record of this spec: " + abbreviate(record.toString()));
        }
        return new TaskKey(record.get("point").asInt(), record.get("sample").asInt(), m);
    }

    /** The CSV header line, with newline. */
    public static String csvHeader(RunSpec spec) {
        StringBuilder sb = new StringBuilder("point,sample");
        for (String p : spec.sweep().names()) {
            sb.append(',').append(p);
        }
        return sb.append(",method,observable,value,error,samples,elapsed_seconds\n").toString();
    }

    /** The CSV rows (with newlines) of one parsed record, one per kept observable it holds. */
    public static String csvRows(RunSpec spec, JsonNode record) {
        StringBuilder prefix = new StringBuilder();
        prefix.append(record.get("point").asInt()).append(',').append(record.get("sample").asInt());
        JsonNode params = record.path("parameters");
        for (String p : spec.sweep().names()) {
            prefix.append(',').append(number(params.get(p)));
        }
        prefix.append(',').append(record.get("method").asText());
        String elapsed = number(record.get("elapsed_seconds"));
        StringBuilder sb = new StringBuilder();
        // The record already holds exactly the kept observables, in spec order (see line).
        for (Map.Entry<String, JsonNode> o : record.path("observables").properties()) {
            String name = o.getKey();
            JsonNode e = o.getValue();
            sb.append(prefix).append(',').append(name).append(',').append(number(e.get("value"))).append(',')
                    .append(number(e.get("error"))).append(',').append(number(e.get("samples"))).append(',')
                    .append(elapsed).append('\n');
        }
        return sb.toString();
    }

    /** The whole results.csv for records already in order. */
    static String csv(RunSpec spec, List<JsonNode> records) {
        StringBuilder sb = new StringBuilder(csvHeader(spec));
        for (JsonNode r : records) {
            sb.append(csvRows(spec, r));
        }
        return sb.toString();
    }

    private static String number(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (n.isIntegralNumber()) {
            return n.asText();
        }
        if (n.isNumber()) {
            return Double.toString(n.doubleValue());
        }
        return n.asText();
    }

    /** A record with every "elapsed_seconds" removed, at any depth: what must be identical between runs. */
    public static JsonNode withoutTimings(JsonNode record) {
        JsonNode copy = record.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) node).remove("elapsed_seconds");
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                strip(it.next());
            }
        } else if (node.isArray()) {
            node.forEach(ResultRecords::strip);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }
}
