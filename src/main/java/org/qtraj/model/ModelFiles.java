package org.qtraj.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.qtraj.errors.InvalidInputException;

/**
 * Reads model files (YAML, or JSON when the name ends in .json) into a {@link ModelSpec}.
 *
 * <pre>
 * sites: 5                      # optional if a list fixes it
 * omega: 1.0                    # a number for every site, or a list of N numbers
 * coupling: [1, 0.8, 1.2, 1]    # a number, or N-1 numbers (one per bond)
 * anisotropy: 0                 # ZZ coupling per bond
 * dephasing: 0.5                # per site
 * hopping: 1                    # classical hopping rate per bond
 * baths:
 *   left:  {site: 1, rate: 1, temperature: 1}
 *   right: {site: 5, rate: 1, temperature: 0}
 * # a network instead of the chain (one of the three):
 * network: grid:3x4             # chain, ring, complete, star, fmo, ladder:LxR, grid:RxC
 * edges: [[1, 2], [2, 3], [3, 1], [3, 4]]   # per-bond values are then one per edge, in this order
 * coupling_matrix: [[0, 1, 0], [1, 0, -0.5], [0, -0.5, 0]]   # symmetric, zero diagonal; an edge per nonzero entry
 * # and any named baths (then exactly the baths given; site and temperature required, rate default 1):
 * baths:
 *   pump: {site: 1, rate: 0.1, temperature: 4000}
 *   trap: {site: 3, rate: 5, temperature: 0}
 * disorder:                     # optional: draw these uniformly, reproducibly
 *   seed: 42
 *   omega: [0, 1]
 *   coupling: [0, 1]
 * description: free text, ignored
 * </pre>
 *
 * Every unknown key is refused, by name, as is any value of the wrong type. Values are checked only for
 * type here; ranges are checked when the {@link ModelSpec} is built into a {@link Chain}.
 *
 * <p>Stateless and thread-safe (static methods only; each call makes its own parser). No argument is modified.
 */
public final class ModelFiles {
    private static final Set<String> TOP_KEYS = Set.of("sites", "omega", "coupling", "anisotropy", "dephasing",
            "hopping", "baths", "disorder", "description", "network", "edges", "coupling_matrix");
    private static final Set<String> BATH_KEYS = Set.of("site", "rate", "temperature");

    private ModelFiles() {
    }

    /**
     * Parses a model file.
     *
     * @throws InvalidInputException if the file is missing, unreadable, not valid YAML/JSON, or has a bad key or value
     */
    public static ModelSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("model", "file not found: " + file);
        } catch (IOException e) {
            throw new InvalidInputException("model", "cannot read " + file + ": " + e.getMessage());
        }
        ObjectMapper mapper = file.toString().toLowerCase().endsWith(".json") ? new JsonMapper() : new YAMLMapper();
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw syntaxError("model", mapper instanceof YAMLMapper ? "YAML" : "JSON", file.toString(), text, e);
        }
        return parse(root);
    }

    /**
     * The one-line refusal of a file the parser could not read: where, and why. A special float (YAML's .nan, .inf,
     * -.inf; JSON's NaN, Infinity), which Jackson refuses as a "malformed numeric value", is named by the key on its
     * line: every number qtraj reads must be finite.
     *
     * @param field  the input's own name (model, spec), used when no key can be found
     * @param format YAML or JSON
     * @param source the file name, for the message
     * @param text   the file's text (only read)
     * @param e      the parser's error
     */
    public static InvalidInputException syntaxError(String field, String format, String source, String text,
                                                    JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
        String why = e.getOriginalMessage().lines().findFirst().orElse("");
        java.util.regex.Matcher special = java.util.regex.Pattern
                .compile("(?i)(Malformed numeric value|Non-standard token) '([-+]?\\.?(nan|inf|infinity))'").matcher(why);
        if (special.find() && loc != null && loc.getLineNr() >= 1) {
            String line = text.lines().skip(loc.getLineNr() - 1).findFirst().orElse("");
            String before = line.substring(0, (int) Math.max(0, Math.min(line.length(), loc.getColumnNr() - 1)));
            // the last "key:" before the value on its line (YAML block or flow style, JSON)
            java.util.regex.Matcher key = java.util.regex.Pattern.compile("\"?([A-Za-z_][A-Za-z0-9_]*)\"?\\s*:")
                    .matcher(before);
            String name = field;
            while (key.find()) {
                name = key.group(1);
            }
            return new InvalidInputException(name, "must be a finite number, got " + special.group(2) + " (" + source
                    + where + ")");
        }
        return new InvalidInputException(field, "not valid " + format + " in " + source + where + ": " + why);
    }

    /** Parses an already-read tree (a model file, or the model section of a run spec). */
    public static ModelSpec parse(JsonNode root) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return ModelSpec.empty();
        }
        requireObject("model", root);
        checkKeys("", root, TOP_KEYS);
        Integer sites = root.has("sites") ? integer("sites", root.get("sites")) : null;
        BathSpec left = BathSpec.EMPTY;
        BathSpec right = BathSpec.EMPTY;
        Map<String, BathSpec> named = new LinkedHashMap<>();
        JsonNode baths = root.get("baths");
        if (baths != null) {
            requireObject("baths", baths);
            for (Iterator<String> it = baths.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
                    throw new InvalidInputException("baths." + name, "a bath name must start with a letter and have only"
                            + " letters, digits, '_' and '-' (at most 64)");
                }
                BathSpec spec = bath("baths." + name, baths.get(name));
                switch (name) {
                    case "left" -> left = spec;
                    case "right" -> right = spec;
                    default -> named.put(name, spec);
                }
            }
        }
        if (root.has("description") && !root.get("description").isTextual()) {
            throw new InvalidInputException("description", "must be text");
        }
        return new ModelSpec(sites, perElement("omega", root.get("omega")), perElement("coupling", root.get("coupling")),
                perElement("anisotropy", root.get("anisotropy")), perElement("dephasing", root.get("dephasing")),
                perElement("hopping", root.get("hopping")), left, right, disorder(root.get("disorder")),
                network(root), named);
    }

    /** The network from {@code network}, {@code edges} or {@code coupling_matrix} (at most one), or null. */
    private static NetworkSpec network(JsonNode root) {
        int given = (root.has("network") ? 1 : 0) + (root.has("edges") ? 1 : 0) + (root.has("coupling_matrix") ? 1 : 0);
        if (given > 1) {
            throw new InvalidInputException(root.has("network") ? "network" : "edges", "give one of network, edges and"
                    + " coupling_matrix, not several");
        }
        if (root.has("network")) {
            JsonNode node = root.get("network");
            if (!node.isTextual()) {
                throw new InvalidInputException("network", "must be a shape name such as ring or grid:3x4, got " + node);
            }
            return NetworkSpec.parse(node.asText());
        }
        if (root.has("edges")) {
            JsonNode node = root.get("edges");
            if (!node.isArray() || node.isEmpty()) {
                throw new InvalidInputException("edges", "must be a list of pairs of sites, e.g. [[1, 2], [2, 3]]");
            }
            int[][] pairs = new int[node.size()][];
            for (int i = 0; i < pairs.length; i++) {
                String field = "edges[" + (i + 1) + "]";
                JsonNode pair = node.get(i);
                if (!pair.isArray() || pair.size() != 2) {
                    throw new InvalidInputException(field, "must be a pair of sites [k, l], got " + pair);
                }
                pairs[i] = new int[] {integer(field, pair.get(0)), integer(field, pair.get(1))};
            }
            return NetworkSpec.ofEdges(pairs);
        }
        if (root.has("coupling_matrix")) {
            JsonNode node = root.get("coupling_matrix");
            if (!node.isArray() || node.size() < 2) {
                throw new InvalidInputException("coupling_matrix", "must be a list of at least 2 rows of numbers");
            }
            double[][] g = new double[node.size()][];
            for (int i = 0; i < g.length; i++) {
                g[i] = numbers("coupling_matrix[" + (i + 1) + "]", node.get(i));
            }
            return NetworkSpec.ofCouplingMatrix(g);
        }
        return null;
    }

    private static BathSpec bath(String field, JsonNode node) {
        if (node == null) {
            return BathSpec.EMPTY;
        }
        requireObject(field, node);
        checkKeys(field + ".", node, BATH_KEYS);
        return new BathSpec(node.has("site") ? integer(field + ".site", node.get("site")) : null,
                node.has("rate") ? number(field + ".rate", node.get("rate")) : null,
                node.has("temperature") ? number(field + ".temperature", node.get("temperature")) : null);
    }

    private static DisorderRecipe disorder(JsonNode node) {
        if (node == null) {
            return null;
        }
        requireObject("disorder", node);
        if (!node.has("seed")) {
            throw new InvalidInputException("disorder.seed", "is required (an integer), so the same file always gives the same chain");
        }
        JsonNode seedNode = node.get("seed");
        if (!seedNode.canConvertToLong() || !seedNode.isIntegralNumber()) {
            throw new InvalidInputException("disorder.seed", "must be an integer, got " + seedNode);
        }
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equals("seed")) {
                continue;
            }
            if (!DisorderRecipe.PARAMETERS.contains(name)) {
                throw new InvalidInputException("disorder." + name, "unknown key; allowed: seed, "
                        + String.join(", ", DisorderRecipe.PARAMETERS));
            }
            double[] r = numbers("disorder." + name, node.get(name));
            if (r.length != 2) {
                throw new InvalidInputException("disorder." + name, "must be a range [lo, hi], got " + r.length + " numbers");
            }
            ranges.put(name, r);
        }
        return new DisorderRecipe(seedNode.asLong(), ranges);
    }

    private static PerElement perElement(String field, JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return PerElement.ofList(numbers(field, node));
        }
        return PerElement.of(number(field, node));
    }

    private static double[] numbers(String field, JsonNode node) {
        if (!node.isArray()) {
            throw new InvalidInputException(field, "must be a list of numbers, got " + node);
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(field + "[" + (i + 1) + "]", node.get(i));
        }
        return out;
    }

    private static double number(String field, JsonNode node) {
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isTextual()) {
            // YAML writes .inf and .nan as floats, but a quoted "1e-3" is text: accept numbers written as text,
            // refuse anything else.
            try {
                return Double.parseDouble(node.asText().trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new InvalidInputException(field, "must be a number, got " + node);
    }

    private static int integer(String field, JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidInputException(field, "must be an integer, got " + node);
        }
        return node.asInt();
    }

    private static void requireObject(String field, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidInputException(field, "must be a mapping of keys to values, got " + node.getNodeType().toString().toLowerCase());
        }
    }

    private static void checkKeys(String prefix, JsonNode node, Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                throw new InvalidInputException(prefix + key, "unknown key; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }
}
