package org.qtraj.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Run specs (qtraj run SPEC; keys as org.qtraj.batch.RunSpec reads them): valid tiny specs (chains of 2 to 4 sites, a
 * few points, samples and trajectories, so that an accepted spec runs in well under a second) with zero to three
 * {@link Mutations} anywhere in the tree, written as YAML or JSON, the whole text sometimes damaged as a model file's
 * is ({@link ModelTexts#rawMutation}). Stateless.
 */
final class RunSpecs {
    private RunSpecs() {
    }

    private static Object raws(String... values) {
        List<Object> l = new ArrayList<>();
        for (String v : values) {
            l.add(Tree.raw(v));
        }
        return l;
    }

    /** One swept parameter with a small valid axis. */
    static Arbitrary<Object[]> axis() {
        return Arbitraries.of(
                new Object[] {"sites", Tree.map("values", raws("2", "3"))},
                new Object[] {"sites", Tree.map("range", raws("2", "4", "3"))},
                new Object[] {"sites", Tree.map("log_range", raws("2", "4", "3"), "integer", Tree.raw("true"))},
                new Object[] {"dephasing", Tree.map("values", raws("0", "0.5"))},
                new Object[] {"coupling", Tree.map("log_range", raws("0.5", "2", "3"))},
                new Object[] {"temp_left", Tree.map("range", raws("0.5", "1.5", "3"))},
                new Object[] {"s_left", Tree.map("values", raws("0.1", "0.3"))},
                new Object[] {"rate_right", Tree.map("values", raws("1", "2"))},
                new Object[] {"hopping", Tree.map("values", raws("0.5", "1"))},
                new Object[] {"omega", Tree.map("values", raws("1", "1.5"))});
    }

    static Arbitrary<Object> sweep() {
        return Combinators.combine(axis().list().ofMinSize(1).ofMaxSize(2), Arbitraries.of("", "product", "zip"))
                .as((axes, mode) -> {
                    Map<String, Object> params = new LinkedHashMap<>();
                    axes.forEach(a -> params.put((String) a[0], a[1]));
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (!mode.isEmpty()) {
                        m.put("mode", Tree.text(mode));
                    }
                    m.put("parameters", params);
                    return (Object) m;
                });
    }

    /** One valid method entry (whether it can run at every point is for the plan to say). */
    static Arbitrary<Object> method() {
        Object times = Tree.map("range", raws("0", "2", "3"));
        return Arbitraries.of(
                Tree.map("method", Tree.text("exact")),
                Tree.map("method", Tree.text("exact"), "solver", Tree.text("auto")),
                Tree.map("method", Tree.text("exact"), "solver", Tree.text("rate")),
                Tree.map("method", Tree.text("exact"), "solver", Tree.text("correlation")),
                Tree.map("method", Tree.text("exact"), "solver", Tree.text("liouvillian")),
                Tree.map("method", Tree.text("exact"), "solver", Tree.text("closed")),
                Tree.map("method", Tree.text("noise")),
                Tree.map("method", Tree.text("noise"), "solver", Tree.text("rate")),
                Tree.map("method", Tree.text("relaxation"), "times", times, "initial_state", Tree.text("1")),
                Tree.map("method", Tree.text("relaxation"), "solver", Tree.text("rate"), "times", raws("0.5", "1")),
                Tree.map("method", Tree.text("trajectories"), "trajectories", Tree.raw("3"), "t_total", Tree.raw("2")),
                Tree.map("method", Tree.text("trajectories"), "trajectories", Tree.raw("4"), "t_total", Tree.raw("2"),
                        "t_burn", Tree.raw("0.5"), "blocks", Tree.raw("2"), "seed", Tree.raw("5")),
                Tree.map("method", Tree.text("trajectories"), "trajectories", Tree.raw("2"), "times", times,
                        "initial_state", Tree.text("10")),
                Tree.map("method", Tree.text("trajectories"), "trajectories", Tree.raw("3"), "t_total", Tree.raw("2"),
                        "engine", Tree.text("gaussian"), "dephasing_jumps", Tree.text("phase-flip")),
                Tree.map("method", Tree.text("classical"), "trajectories", Tree.raw("3"), "t_total", Tree.raw("2")),
                Tree.map("method", Tree.text("classical"), "trajectories", Tree.raw("3"), "target_error", Tree.raw("0.5"),
                        "t_total", Tree.raw("2")),
                Tree.map("method", Tree.text("entanglement_search"), "g_points", Tree.raw("3")),
                // small populations over short windows: cheap, and every key of the cloning entry is drawn somewhere
                Tree.map("method", Tree.text("cloning"), "engine", Tree.text("classical"), "fields", raws("-0.5", "1"),
                        "clones", raws("4", "8"), "populations", Tree.raw("2"), "t_total", Tree.raw("2"),
                        "t_burn", Tree.raw("0.5")),
                Tree.map("method", Tree.text("cloning"), "engine", Tree.text("quantum"), "fields", raws("0.5"),
                        "clones", raws("4"), "populations", Tree.raw("2"), "step", Tree.raw("0.5"),
                        "t_total", Tree.raw("2"), "t_burn", Tree.raw("0.5"), "counting_bath", Tree.text("right"),
                        "seed", Tree.raw("3")),
                Tree.map("method", Tree.text("fcs"), "windows", raws("0.5", "1"), "trajectories", Tree.raw("2"),
                        "windows_per_trajectory", Tree.raw("1"), "burn_relaxations", Tree.raw("0")),
                Tree.map("method", Tree.text("fcs"), "windows", raws("0.5", "1"), "trajectories", Tree.raw("2"),
                        "windows_per_trajectory", Tree.raw("1"), "burn_relaxations", Tree.raw("0"),
                        "dephasing_jumps", Tree.text("phase-flip")));
    }

    /** Methods with distinct labels (two entries of one kind get labels m1, m2, ...). */
    static Arbitrary<Object> methods() {
        return method().list().ofMinSize(1).ofMaxSize(3).map(list -> {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) list.get(i));
                if (list.size() > 1) {
                    m.put("label", Tree.text("m" + (i + 1)));
                }
                out.add(m);
            }
            return (Object) out;
        });
    }

    static Arbitrary<Object> observables() {
        return Arbitraries.of(List.of("heat_current"), List.of("heat_current", "particle_current"),
                List.of("population_*"), List.of("population_1", "cumulant_2"), List.of("fano"),
                List.of("entanglement_witness"), List.of("theta_at_*")).map(l -> {
                    List<Object> out = new ArrayList<>();
                    l.forEach(name -> out.add(Tree.text(name)));
                    return (Object) out;
                });
    }

    /** A valid spec tree (before mutations). */
    static Arbitrary<Object> validSpec() {
        return Combinators.combine(List.of(
                ModelTexts.entry("name", Arbitraries.of(Tree.text("fuzz"), Tree.text("paper-fig2"),
                        Tree.text("\u00e9t\u00e9 \ud83d\ude42")), 3),
                ModelTexts.entry("description", Arbitraries.just(Tree.text("free text")), 1),
                ModelTexts.entry("seed", ModelTexts.number("0", "1", "12345", "-3"), 3),
                ModelTexts.entry("model", Arbitraries.of(2, 3, 4).flatMap(n -> ModelTexts.validModel(n, false)), 8),
                ModelTexts.entry("sweep", sweep(), 3),
                ModelTexts.entry("disorder", Arbitraries.of(
                        Tree.map("samples", Tree.raw("2"), "seed", Tree.raw("7"), "omega", raws("0.5", "1.5")),
                        Tree.map("samples", Tree.raw("1"), "seed", Tree.raw("1"), "coupling", raws("0.5", "1"))), 1),
                ModelTexts.entry("methods", methods(), 1000),
                ModelTexts.entry("observables", observables(), 1)))
                .as(l -> (Object) ModelTexts.present(l));
    }

    /**
     * A spec file's text: a valid spec, mutated, as YAML (or JSON, which YAML reads too). Specs that a mutation made
     * into valid long runs (a count of 10^4 to 10^20 trajectories, samples, blocks, points or range steps) are left
     * out: long by request, not a bug.
     */
    static Arbitrary<String> specFiles() {
        return Combinators.combine(validSpec(), Mutations.mutations(), ModelTexts.rawMutation(),
                Arbitraries.of(true, true, true, false))
                .as((tree, mutations, raw, yaml) -> {
                    Object t = Mutations.apply(tree, mutations);
                    return raw.apply(yaml ? Tree.yaml(t) : Tree.json(t), !yaml);
                })
                .filter(RunSpecs::bounded);
    }

    private static final java.util.Set<String> COUNTS = java.util.Set.of("trajectories", "samples", "blocks", "g_points");

    /** False if the spec asks for 10^4 to 10^20 of something (see {@link #specFiles}). */
    static boolean bounded(String text) {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(text);
        } catch (Exception e) {
            return true;
        }
        return root == null || bounded(root, "");
    }

    private static boolean bounded(com.fasterxml.jackson.databind.JsonNode node, String key) {
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                if (!bounded(e.getValue(), e.getKey())) {
                    return false;
                }
            }
            return true;
        }
        if (node.isArray()) {
            if ((key.equals("range") || key.equals("log_range")) && node.size() == 3 && !small(node.get(2))) {
                return false;
            }
            for (var x : node) {
                if (!bounded(x, key)) {
                    return false;
                }
            }
            return true;
        }
        return !COUNTS.contains(key) || small(node);
    }

    private static boolean small(com.fasterxml.jackson.databind.JsonNode n) {
        double v = n.isNumber() ? n.asDouble() : KnownIssues.parse(n.asText());
        return !(v >= 1e4 && v < 1e20);
    }
}
