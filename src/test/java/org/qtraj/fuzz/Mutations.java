package org.qtraj.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Structure-aware damage to a valid document tree ({@link Tree}): a mutation picks one node of the tree (by an index
 * into its nodes in document order) and replaces its value by an edge number or junk, removes it, adds an unknown key
 * beside it, or changes a list's length. A valid tree with zero to three mutations keeps most files close to valid,
 * so that the checks past the first refusal get exercised too. Stateless; trees are copied, never changed.
 */
final class Mutations {
    private Mutations() {
    }

    /** What a mutation does at its node. */
    enum Kind {
        SPECIAL_NUMBER, JUNK, REMOVE, UNKNOWN_KEY, LIST_LONGER, LIST_SHORTER, WRAP_IN_LIST, NULL
    }

    /** One mutation: which node (index modulo the node count), what to do, and the value it puts there. */
    record Mutation(int node, Kind kind, Object value) {
    }

    static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 1000), Arbitraries.of(Kind.class),
                ModelTexts.junk()).as(Mutation::new);
    }

    /** Zero to three mutations, none in about a third of the cases. */
    static Arbitrary<List<Mutation>> mutations() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(List.of())),
                Tuple.of(5, mutation().list().ofSize(1)),
                Tuple.of(2, mutation().list().ofMinSize(2).ofMaxSize(3)));
    }

    /** {@code tree} with the mutations applied, in order. */
    static Object apply(Object tree, List<Mutation> mutations) {
        Object t = copy(tree);
        for (Mutation m : mutations) {
            List<Slot> slots = new ArrayList<>();
            collect(t, slots);
            if (slots.isEmpty()) {
                continue;
            }
            slots.get(m.node() % slots.size()).apply(m);
        }
        return t;
    }

    /** A place holding a value: a key of a mapping or an index of a list. */
    private record Slot(Map<String, Object> map, String key, List<Object> list, int index) {
        Object value() {
            return map != null ? map.get(key) : list.get(index);
        }

        void set(Object v) {
            if (map != null) {
                map.put(key, v);
            } else {
                list.set(index, v);
            }
        }

        @SuppressWarnings("unchecked")
        void apply(Mutation m) {
            Object v = value();
            switch (m.kind()) {
                case SPECIAL_NUMBER -> set(Tree.raw(ModelTexts.SPECIAL_NUMBERS.get(Math.floorMod(m.node() * 31 + 7,
                        ModelTexts.SPECIAL_NUMBERS.size()))));
                case JUNK -> set(copy(m.value()));
                case NULL -> set(Tree.raw(m.node() % 2 == 0 ? "null" : "~"));
                case REMOVE -> {
                    if (map != null) {
                        map.remove(key);
                    } else {
                        list.remove(index);
                    }
                }
                case UNKNOWN_KEY -> {
                    if (map != null) {
                        map.put(key + (m.node() % 3 == 0 ? "s" : m.node() % 3 == 1 ? "_x" : "\u00e9"), copy(m.value()));
                    } else if (v instanceof Map<?, ?> inner) {
                        ((Map<String, Object>) inner).put("unknown", copy(m.value()));
                    } else {
                        set(copy(m.value()));
                    }
                }
                case LIST_LONGER -> {
                    if (v instanceof List<?> l) {
                        ((List<Object>) l).add(l.isEmpty() ? Tree.raw("1") : copy(l.get(l.size() - 1)));
                    } else {
                        set(Tree.list(v, copy(v)));
                    }
                }
                case LIST_SHORTER -> {
                    if (v instanceof List<?> l && !l.isEmpty()) {
                        ((List<Object>) l).remove(l.size() - 1);
                    } else {
                        set(Tree.list());
                    }
                }
                case WRAP_IN_LIST -> set(Tree.list(v));
                default -> throw new IllegalStateException(m.kind().toString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object node, List<Slot> out) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            for (String k : new ArrayList<>(map.keySet())) {
                out.add(new Slot(map, k, null, -1));
                collect(map.get(k), out);
            }
        } else if (node instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            for (int i = 0; i < list.size(); i++) {
                out.add(new Slot(null, null, list, i));
                collect(list.get(i), out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Object copy(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> c.put(k, copy(v)));
            return c;
        }
        if (node instanceof List<?> l) {
            List<Object> c = new ArrayList<>();
            l.forEach(x -> c.add(copy(x)));
            return c;
        }
        return node;
    }
}
