package org.qtraj.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.qtraj.cli.Main;

/**
 * Run directories for the commands that read them (status, merge, report): real ones made once per JVM by tiny runs,
 * and damaged copies (junk, empty or wrong-typed manifest, garbage or cut results lines, missing files), plus an empty
 * directory and a plain file. A case names them; {@link Fuzz} copies them into the case's own directory, so that no
 * case sees another's changes. Thread-safe (made once, under a lock).
 */
final class Fixtures {
    /** Every fixture name a case may use. */
    static final List<String> NAMES = List.of("run", "shard1", "shard2", "paper-fig2", "paper-fig3", "paper-disorder",
            "paper-fig4", "relaxation", "empty", "file", "junk-manifest", "empty-manifest", "array-manifest",
            "wrong-types-manifest", "junk-results", "cut-results", "no-csv", "no-results", "nan-results", "interrupted");

    private static Path templates;

    private Fixtures() {
    }

    /** Copies fixture {@code name} into {@code dir} (as dir/name). */
    static void copy(String name, Path dir) throws IOException {
        copyTree(templates().resolve(name), dir.resolve(name));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from)) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static synchronized Path templates() {
        if (templates == null) {
            try {
                templates = make();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return templates;
    }

    private static Path make() throws IOException {
        Path t = Files.createTempDirectory("qtraj-fuzz-fixtures");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> Fuzz.deleteTree(t)));
        String base = "model: {omega: 1, coupling: 1, baths: {left: {rate: 1, temperature: 1}, right: {rate: 1, temperature: 0}}}\n";
        run(t, "run", "name: fuzz\nseed: 3\n" + base
                + "sweep: {parameters: {sites: {values: [2, 3]}, dephasing: {values: [0, 0.5]}}}\n"
                + "methods: [{method: exact}, {method: exact, solver: rate}]\n");
        String sharded = "name: fuzz-shards\nseed: 4\n" + base + "sweep: {parameters: {sites: {values: [2, 3, 4]}}}\n"
                + "methods: [{method: exact}]\n";
        run(t, "shard1", sharded, "--shard", "1/2");
        run(t, "shard2", sharded, "--shard", "2/2");
        // spec names that `qtraj report` recognises, with points that are not what the paper's runs hold
        run(t, "paper-fig2", "name: paper-fig2\n" + base + "sweep: {parameters: {sites: {values: [2, 3]}}}\n"
                + "methods: [{method: exact, label: quantum}, {method: exact, solver: rate, label: classical}]\n");
        run(t, "paper-fig3", "name: paper-fig3\n" + base + "sweep: {parameters: {dephasing: {values: [0, 1]}}}\n"
                + "methods: [{method: exact}]\n");
        run(t, "paper-disorder", "name: paper-disorder\n" + base + "disorder: {samples: 2, seed: 1, omega: [0.5, 1]}\n"
                + "methods: [{method: exact}]\n");
        run(t, "paper-fig4", "name: paper-fig4\n" + base + "methods: [{method: noise}]\n");
        run(t, "relaxation", "name: relaxation\n" + base + "sweep: {parameters: {sites: {values: [2, 3]}}}\n"
                + "methods: [{method: relaxation, times: {range: [0, 2, 3]}, initial_state: '1'}]\n"
                + "observables: [population_*]\n");
        Files.createDirectories(t.resolve("empty"));
        Files.writeString(t.resolve("file"), "not a directory\n");
        damaged(t, "junk-manifest", "manifest.json", "{not json");
        damaged(t, "empty-manifest", "manifest.json", "");
        damaged(t, "array-manifest", "manifest.json", "[1, 2, 3]");
        damaged(t, "wrong-types-manifest", "manifest.json", "{\"name\": 7, \"shard\": \"x\", \"points\": \"many\", "
                + "\"tasks\": -1, \"spec\": [], \"status\": {}, \"spec_sha256\": null}");
        String jsonl = Files.readString(t.resolve("run/results.jsonl"));
        damaged(t, "junk-results", "results.jsonl", jsonl + "garbage {\n");
        damaged(t, "cut-results", "results.jsonl", jsonl.substring(0, jsonl.length() / 2));
        damaged(t, "nan-results", "results.jsonl", jsonl.replaceFirst("\"value\":[-0-9.eE]+", "\"value\":NaN"));
        damaged(t, "no-csv", "results.csv", null);
        damaged(t, "no-results", "results.jsonl", null);
        // a run that died: the manifest says running, by a process that is gone
        damaged(t, "interrupted", "manifest.json", Files.readString(t.resolve("run/manifest.json"))
                .replace("\"complete\"", "\"running\"").replaceFirst("\"pid\" : \\d+", "\"pid\" : 2147483647"));
        return t;
    }

    private static void damaged(Path t, String name, String file, String content) throws IOException {
        copyTree(t.resolve("run"), t.resolve(name));
        if (content == null) {
            Files.delete(t.resolve(name).resolve(file));
        } else {
            Files.writeString(t.resolve(name).resolve(file), content, StandardCharsets.UTF_8);
        }
    }

    private static void run(Path t, String name, String spec, String... extra) throws IOException {
        Path specFile = t.resolve(name + ".yaml");
        Files.writeString(specFile, spec);
        String[] args = Stream.concat(Stream.of("run", specFile.toString(), "--out", t.resolve(name).toString()),
                Stream.of(extra)).toArray(String[]::new);
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new IllegalStateException("fixture " + name + " failed: " + err);
        }
        Files.delete(specFile);
    }
}
