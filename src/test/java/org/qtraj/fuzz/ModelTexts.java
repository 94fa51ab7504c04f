package org.qtraj.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.Tuple;

/**
 * Model files (--model FILE; keys as org.qtraj.model.ModelFiles reads them): valid trees with zero to three
 * {@link Mutations} (a key given a wrong type, a special or huge number, nested junk, removed, an unknown key beside
 * it, a list of the wrong length), written as YAML or JSON; and raw texts no parser should choke on (empty, comments
 * only, BOM, tabs, several documents, aliases, tags, deep nesting, cut off). Stateless.
 */
final class ModelTexts {
    private ModelTexts() {
    }

    /** Numbers YAML (or JSON) may hold at the edges, verbatim. */
    static final List<String> SPECIAL_NUMBERS = List.of(".nan", ".NaN", ".inf", "-.inf", "+.inf", ".Inf", "1e999",
            "-1e999", "1e308", "-1e308", "1e300", "1e-300", "4.9e-324", "0", "-0", "-0.0", "-1", "0x1F", "0o17", "1_000",
            "1e3", "1.0e3", ".5", "1.", "+1", "2147483648", "-2147483649", "9223372036854775808",
            "123456789012345678901234567890", "NaN", "Infinity");

    /** Scalars and structures of the wrong type. */
    static Arbitrary<Object> junk() {
        return Arbitraries.lazyOf(
                () -> Arbitraries.of(Tree.raw("true"), Tree.raw("false"), Tree.raw("null"), Tree.raw("~"), Tree.raw("yes"),
                        Tree.raw("no"), Tree.raw("on"), Tree.text(""), Tree.text("abc"), Tree.text("1e-3"), Tree.text(" 2 "),
                        Tree.text("\u03a9"), Tree.text("\ud83d\ude42"), Tree.text("1,5"), Tree.raw("2001-12-14"),
                        Tree.raw("!!binary aGVsbG8="), Tree.raw("!!str 1"), Tree.raw("!!float 1"), Tree.raw("!!int 2"),
                        Tree.raw("!!python/object:os.system x"), Tree.raw("'single'"), Tree.raw("[]"), Tree.raw("{}"),
                        Tree.raw("\"unterminated"), Tree.raw("[1, 2"), Tree.raw("{a: }"), Tree.raw("*undefined"),
                        Tree.raw("&anchor 1"), Tree.raw("? complex"), Tree.raw("|"), Tree.raw("- 1"), Tree.raw("@x"),
                        Tree.raw("`x`"), Tree.raw("%YAML"), Tree.text("x".repeat(5000))),
                () -> Arbitraries.of(SPECIAL_NUMBERS).map(Tree::raw),
                () -> Arbitraries.strings().all().ofMaxLength(6).map(Tree::text),
                () -> Arbitraries.lazy(ModelTexts::junk).list().ofMaxSize(3).map(l -> (Object) new ArrayList<>(l)),
                () -> Combinators.combine(Arbitraries.of("a", "omega", "", "\u00fc", "seed", "1"), Arbitraries.lazy(ModelTexts::junk))
                        .as((k, v) -> (Object) Tree.map(k, v)));
    }

    /** A number written verbatim, one of {@code values}. */
    static Arbitrary<Object> number(String... values) {
        return Arbitraries.of(values).map(Tree::raw);
    }

    private static Object numbers(String... values) {
        List<Object> l = new ArrayList<>();
        for (String v : values) {
            l.add(Tree.raw(v));
        }
        return l;
    }

    /**
     * A valid model of {@code n} sites (n 0: sites not given, so no per-site lists), every key optional: per-site
     * and per-bond values as one number or as a list of the right length, baths with their sites, sometimes a disorder
     * recipe and a description. {@link Mutations} then damage it.
     */
    static Arbitrary<Object> validModel(int n, boolean withDisorder) {
        String[] sites = {"1", String.valueOf(Math.max(n, 2))};
        Arbitrary<Object> omega = n == 0 ? number("1", "0.5", "2", "1.5")
                : Arbitraries.oneOf(number("1", "0.5", "2", "1.5"), Arbitraries.just(numbers(repeat("1.2", n))));
        Arbitrary<Object> coupling = n == 0 ? number("1", "0.5", "-1")
                : Arbitraries.oneOf(number("1", "0.5", "-1"), Arbitraries.just(numbers(repeat("0.8", n - 1))));
        Arbitrary<Object> dephasing = n == 0 ? number("0", "0.1", "0.5")
                : Arbitraries.oneOf(number("0", "0.1", "0.5"), Arbitraries.just(numbers(repeat("0.2", n))));
        Arbitrary<Object> bath = Combinators.combine(Arbitraries.of(sites), number("1", "0.5", "2"),
                number("0", "0.5", "1", "2"), Arbitraries.integers().between(0, 7)).as((site, rate, temp, mask) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    if ((mask & 1) != 0) {
                        m.put("site", Tree.raw(site));
                    }
                    if ((mask & 2) != 0) {
                        m.put("rate", rate);
                    }
                    if ((mask & 4) != 0) {
                        m.put("temperature", temp);
                    }
                    return (Object) m;
                });
        Arbitrary<Object> baths = Combinators.combine(bath, bath, Arbitraries.integers().between(1, 3)).as((l, r, mask) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            if ((mask & 1) != 0) {
                m.put("left", l);
            }
            if ((mask & 2) != 0) {
                m.put("right", r);
            }
            return (Object) m;
        });
        Arbitrary<Object> disorder = Arbitraries.of(
                Tree.map("seed", Tree.raw("42"), "omega", numbers("0.5", "1.5")),
                Tree.map("seed", Tree.raw("7"), "coupling", numbers("0.5", "1"), "dephasing", numbers("0", "0.5")));
        return Combinators.combine(List.of(
                entry("sites", Arbitraries.just(Tree.raw(String.valueOf(n))), n == 0 ? 0 : 8),
                entry("omega", omega, 3),
                entry("coupling", coupling, 2),
                entry("anisotropy", number("0", "0.5", "1"), 1),
                entry("dephasing", dephasing, 2),
                entry("hopping", number("1", "0.5"), 1),
                entry("baths", baths, 2),
                entry("disorder", disorder, withDisorder ? 1 : 0),
                entry("description", Arbitraries.of(Tree.text("a model"), Tree.text("\u00e9t\u00e9 \ud83d\ude42")), 1)))
                .as(l -> (Object) present(l));
    }

    private static String[] repeat(String v, int n) {
        String[] a = new String[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    /** A valid model of 0 (unsaid) or 2 to 4 sites, then zero to three {@link Mutations}. */
    static Arbitrary<Object> model(boolean withDisorder) {
        return Combinators.combine(Arbitraries.of(0, 2, 3, 4).flatMap(n -> validModel(n, withDisorder)), Mutations.mutations())
                .as(Mutations::apply);
    }

    private static final String ABSENT = "\u0000absent";

    /** A key present with probability weight/(weight + 2), as a (key, value) tuple, or the absent marker. */
    static Arbitrary<Tuple2<String, Object>> entry(String key, Arbitrary<Object> value, int weight) {
        if (weight == 0) {
            return Arbitraries.just(Tuple.of(ABSENT, (Object) Tree.raw("")));
        }
        return Arbitraries.frequencyOf(
                Tuple.of(weight, value.map(v -> Tuple.of(key, v))),
                Tuple.of(2, Arbitraries.just(Tuple.of(ABSENT, (Object) Tree.raw("")))));
    }

    /** The map of the present entries. */
    static Map<String, Object> present(List<Tuple2<String, Object>> entries) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Tuple2<String, Object> t : entries) {
            if (!t.get1().equals(ABSENT)) {
                m.put(t.get1(), t.get2());
            }
        }
        return m;
    }

    /** A model file: its name (the extension picks the parser) and its text. */
    static Arbitrary<Tuple2<String, String>> modelFiles() {
        Arbitrary<String> name = Arbitraries.of("model.yaml", "model.yml", "model.json", "model.JSON", "model", "model.txt");
        return Combinators.combine(name, model(true), rawMutation()).as((n, tree, mutation) -> {
            boolean json = n.toLowerCase().endsWith(".json");
            String text = json ? Tree.json(tree) : Tree.yaml(tree);
            return Tuple.of(n, mutation.apply(text, json));
        });
    }

    /** A change to the text of a file: mostly none; else the damage a hand-edited file suffers. */
    interface Mutation {
        String apply(String text, boolean json);
    }

    static Arbitrary<Mutation> rawMutation() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.just((t, j) -> t)),
                Tuple.of(1, Arbitraries.of(
                        (Mutation) (t, j) -> "",
                        (t, j) -> "# only a comment\n",
                        (t, j) -> "\ufeff" + t,
                        (t, j) -> t.replace("\n", "\r\n"),
                        (t, j) -> t.replace(": ", ":\t"),
                        (t, j) -> "\t" + t,
                        (t, j) -> t.substring(0, t.length() / 2),
                        (t, j) -> t + t,
                        (t, j) -> "---\n" + t + "---\n" + t,
                        (t, j) -> "---\n...\n",
                        (t, j) -> "[" + t + "]",
                        (t, j) -> "\"just a string\"\n",
                        (t, j) -> "42\n",
                        (t, j) -> "null\n",
                        (t, j) -> "[".repeat(3000) + "]".repeat(3000),
                        (t, j) -> "a: ".repeat(2000) + "1",
                        (t, j) -> "{".repeat(1500),
                        (t, j) -> "a: &a [1, 2]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n"
                                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d]\n",
                        (t, j) -> "omega: &x 1\ncoupling: *x\nsites: *x\n",
                        (t, j) -> "!!python/object/apply:os.system [\"true\"]\n",
                        (t, j) -> "%YAML 1.2\n---\n" + t,
                        (t, j) -> "\u0000\u0001\u0002",
                        (t, j) -> "sites: 3\nsites: 4\n",
                        (t, j) -> t.replace("1", "\u0661"),
                        (t, j) -> t + "\n: orphan value\n",
                        (t, j) -> "? [complex, key]\n: 1\n" + t,
                        (t, j) -> "omega: 1e999\n",
                        (t, j) -> "omega: .nan\n",
                        (t, j) -> "baths: {left: {temperature: .inf}}\n")));
    }
}
