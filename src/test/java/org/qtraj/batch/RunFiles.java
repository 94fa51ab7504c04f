package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads run directories for comparisons, without the timing columns (the only ones allowed to differ). */
public final class RunFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunFiles() {
    }

    /** results.csv lines with the last column (elapsed_seconds) cut off. */
    public static List<String> csvWithoutTimings(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("results.csv"))) {
            out.add(line.substring(0, line.lastIndexOf(',')));
        }
        return out;
    }

    /** results.jsonl records with every elapsed_seconds removed. */
    public static List<JsonNode> jsonlWithoutTimings(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
            out.add(ResultRecords.withoutTimings(MAPPER.readTree(line)));
        }
        return out;
    }

    /** blocks.jsonl records with every elapsed_seconds removed (empty if there is no such file). */
    public static List<JsonNode> blocksWithoutTimings(Path dir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Path file = dir.resolve("blocks.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                out.add(ResultRecords.withoutTimings(MAPPER.readTree(line)));
            }
        }
        return out;
    }

    /** The manifest. */
    public static JsonNode manifest(Path dir) throws IOException {
        return MAPPER.readTree(dir.resolve("manifest.json").toFile());
    }

    /**
     * Every file and directory under {@code dir} (or {@code dir} itself if it is a file): relative path to content
     * (bytes as ISO-8859-1 text, "&lt;dir&gt;" for a directory), sorted. Two equal snapshots mean nothing was
     * written, created, deleted or cut.
     */
    public static java.util.SortedMap<String, String> snapshot(Path dir) throws IOException {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        if (!Files.isDirectory(dir)) {
            out.put(".", Files.exists(dir) ? new String(Files.readAllBytes(dir), java.nio.charset.StandardCharsets.ISO_8859_1) : "<none>");
            return out;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                out.put(dir.relativize(p).toString(), Files.isDirectory(p) ? "<dir>"
                        : new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    /** Copies the directory {@code from} (recursively) to the new directory {@code to}. */
    public static void copy(Path from, Path to) throws IOException {
        try (java.util.stream.Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    /** A spec parsed from YAML text. */
    public static RunSpec spec(String yaml) {
        return RunSpec.parse(yaml, "test");
    }
}
