package org.qtraj.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.ModelFiles;
import org.qtraj.model.ModelSpec;

/**
 * A run specification (runs/*.yaml): a base model, a sweep, an optional disorder ensemble, the methods to
 * run at every point and the observables to keep.
 * <pre>
 * name: fig2-quantum
 * description: free text
 * seed: 12345                 # master seed (default 0); unit seeds are derived from (seed, point, sample, method)
 * model: {omega: 1, coupling: 1, baths: {left: {rate: 1, temperature: 1}, right: {rate: 1, temperature: 0}}}
 * sweep: {mode: product, parameters: {sites: {log_range: [2, 1000, 20], integer: true}, dephasing: {values: [0, 0.5]}}}
 * disorder: {samples: 100, seed: 7, omega: [0, 1], coupling: [0, 1]}
 * methods: [{method: exact, solver: auto}, {method: exact, solver: rate}]
 * observables: [heat_current, particle_current]
 * </pre>
 * Parsing checks every key and the type and range of every value that does not depend on the point, and names the
 * offending key in a {@link InvalidInputException}; {@link RunPlan} then checks, before any work, what depends on the point:
 * which methods can run, whether every point's chain is valid, and the swept s_left/s_right (whose temperature
 * follows from the point's omega). Immutable.
 *
 * @param name        the run's name
 * @param seed        master seed
 * @param model       the base model (the {@code model} section, as a model file)
 * @param sweep       the swept parameters
 * @param disorder    the disorder ensemble, or null
 * @param methods     method entries in spec order
 * @param observables observables kept in results.csv, in order
 * @param tree        the parsed spec, as written (kept in the manifest)
 * @param sha256      SHA-256 (hex) of the spec's canonical JSON form (keys sorted, no whitespace), so that
 *                    comments and layout do not change it but any value does
 */
public record RunSpec(String name, long seed, ModelSpec model, Sweep sweep, DisorderEnsemble disorder,
                      List<MethodEntry> methods, List<String> observables, JsonNode tree, String sha256) {
    private static final Set<String> TOP_KEYS = Set.of("name", "description", "seed", "model", "sweep", "disorder",
            "methods", "observables");
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /** Copies the methods and observables into unmodifiable lists; refuses nothing. */
    public RunSpec {
        methods = List.copyOf(methods);
        observables = List.copyOf(observables);
    }

    /**
     * Reads and parses a spec file (YAML; JSON is YAML too).
     *
     * @throws InvalidInputException if the file is missing, unreadable, not YAML, or has a bad key or value
     */
    public static RunSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("spec", "file not found: " + file);
        } catch (IOException e) {
            throw new InvalidInputException("spec", "cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Parses spec text; {@code source} names it in error messages. */
    public static RunSpec parse(String text, String source) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw ModelFiles.syntaxError("spec", "YAML", source, text, e);
        }
        return parse(root);
    }

    /** Parses an already-read spec tree. */
    public static RunSpec parse(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new InvalidInputException("spec", "is empty");
        }
        SpecNodes.requireObject("spec", root);
        SpecNodes.checkKeys("", root, TOP_KEYS);
        String name = root.has("name") ? SpecNodes.text("name", root.get("name")) : "run";
        if (root.has("description")) {
            SpecNodes.text("description", root.get("description"));
        }
        long seed = root.has("seed") ? SpecNodes.integer("seed", root.get("seed")) : 0;
        ModelSpec model;
        try {
            model = ModelFiles.parse(root.get("model"));
        } catch (InvalidInputException e) {
            String msg = e.getMessage();
            throw new InvalidInputException("model." + e.field(), msg.substring(Math.min(msg.length(), e.field().length() + 2)));
        }
        Sweep sweep = Sweep.parse(root.get("sweep"));
        DisorderEnsemble disorder = DisorderEnsemble.parse(root.get("disorder"));
        if (disorder != null) {
            if (model.disorder() != null) {
                throw new InvalidInputException("model.disorder", "conflicts with the top-level disorder ensemble; keep one");
            }
            for (String p : disorder.recipe().ranges().keySet()) {
                if (sweep.names().contains(p)) {
                    throw new InvalidInputException("disorder." + p, p + " is also swept; a parameter is either drawn or swept");
                }
            }
        }
        List<MethodEntry> methods = methods(root.get("methods"));
        List<String> observables = observables(root.get("observables"));
        return new RunSpec(name, seed, model, sweep, disorder, methods, observables, root, sha256(root));
    }

    private static List<MethodEntry> methods(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw new InvalidInputException("methods", "must be a non-empty list, e.g. [{method: exact, solver: auto}]");
        }
        List<MethodEntry> out = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            MethodEntry e = MethodEntry.parse(i, node.get(i));
            if (!labels.add(e.label())) {
                throw new InvalidInputException(e.field("label"), "'" + e.label()
                        + "' names two entries; give each a distinct label");
            }
            out.add(e);
        }
        return out;
    }

    private static List<String> observables(JsonNode node) {
        if (node == null) {
            return Observables.DEFAULT;
        }
        if (!node.isArray() || node.isEmpty()) {
            throw new InvalidInputException("observables", "must be a non-empty list; allowed: " + Observables.ALLOWED);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String field = "observables[" + (i + 1) + "]";
            String o = SpecNodes.text(field, node.get(i));
            if (!Observables.isAllowed(o)) {
                throw new InvalidInputException(field, "unknown observable '" + o + "'; allowed: " + Observables.ALLOWED);
            }
            if (out.contains(o)) {
                throw new InvalidInputException(field, "'" + o + "' is listed twice");
            }
            out.add(o);
        }
        return out;
    }

    /** SHA-256 of the canonical JSON form of a tree. */
    static String sha256(JsonNode tree) {
        try {
            Object plain = CANONICAL.treeToValue(tree, Object.class);
            byte[] canonical = CANONICAL.writeValueAsBytes(plain);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            StringBuilder sb = new StringBuilder();
            for (byte b : digest) {
                sb.append(String.format("%02x", b));
            }
            return sb.toString();
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the spec: " + e.getMessage(), e);
        }
    }
}
