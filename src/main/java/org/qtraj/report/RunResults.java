package org.qtraj.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.qtraj.errors.InvalidInputException;

/**
 * The results of one run directory as the report reads them: the spec name from {@code manifest.json} and
 * every record of {@code results.jsonl} (a truncated last line, left by a crash, is skipped). Read-only:
 * immutable in use (the record list is unmodifiable and nothing changes the parsed JSON nodes), so it may be
 * read from several threads.
 *
 * @param dir     the run directory
 * @param name    the spec's name (manifest "name"), e.g. paper-fig2
 * @param status  the manifest's status (complete, running, failed)
 * @param records the records in file order
 */
public record RunResults(Path dir, String name, String status, List<Rec> records) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Copies the records into an unmodifiable list; refuses nothing. */
    public RunResults {
        records = Collections.unmodifiableList(new ArrayList<>(records));
    }

    /**
     * One record of results.jsonl.
     *
     * @param point  point index
     * @param sample disorder sample
     * @param method the method label
     * @param node   the whole record
     */
    public record Rec(int point, int sample, String method, JsonNode node) {
        /** A swept parameter's value, NaN when not swept. */
        public double param(String name) {
            JsonNode p = node.path("parameters").get(name);
            return p == null ? Double.NaN : p.asDouble();
        }

        /** An observable's value (NaN if absent). */
        public double value(String observable) {
            JsonNode o = node.path("observables").get(observable);
            if (o != null) {
                return o.path("value").asDouble(Double.NaN);
            }
            JsonNode r = node.path("result").get(observable);
            return r != null && r.isNumber() ? r.asDouble() : Double.NaN;
        }

        /** An observable's standard error (0 for exact values, NaN if absent). */
        public double error(String observable) {
            JsonNode o = node.path("observables").get(observable);
            return o == null ? Double.NaN : o.path("error").asDouble(0);
        }

        /**
         * True for a sampled estimate (trajectories, classical simulation): it has samples or an error bar.
         * Exact methods report error 0 and samples 0.
         */
        public boolean sampled(String observable) {
            JsonNode o = node.path("observables").get(observable);
            return o != null && (o.path("samples").asLong(0) > 0 || o.path("error").asDouble(0) > 0);
        }

        /** A number of the method's result document (NaN if absent). */
        public double result(String key) {
            JsonNode r = node.path("result").get(key);
            return r != null && r.isNumber() ? r.asDouble() : Double.NaN;
        }
    }

    /**
     * Reads a run directory.
     *
     * @throws InvalidInputException (field run_directory) if {@code dir} has no manifest.json and results.jsonl, or its
     *                               manifest is not a JSON object
     */
    public static RunResults read(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        Path results = dir.resolve("results.jsonl");
        if (!Files.isRegularFile(manifest) || !Files.isRegularFile(results)) {
            throw new InvalidInputException("run_directory", dir + " is not a run directory (needs manifest.json and results.jsonl)");
        }
        JsonNode m;
        try {
            m = JSON.readTree(manifest.toFile());
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("run_directory", dir + " has a damaged manifest.json (not valid JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (m == null || !m.isObject()) {
            throw new InvalidInputException("run_directory", dir + " has a damaged manifest.json (not a JSON object)");
        }
        List<Rec> recs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // a partial last line from an interrupted run
                }
                recs.add(new Rec(n.path("point").asInt(), n.path("sample").asInt(), n.path("method").asText(), n));
            }
        }
        return new RunResults(dir, m.path("name").asText(""), m.path("status").asText(""), recs);
    }

    /** The records that pass a filter. */
    public List<Rec> select(Predicate<Rec> filter) {
        return records.stream().filter(filter).toList();
    }
}
