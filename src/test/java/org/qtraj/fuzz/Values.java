package org.qtraj.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Values for options and file keys: a few sensible ones per kind, the edges of every numeric type and range, and
 * plain junk. Stateless.
 */
final class Values {
    private Values() {
    }

    /** Numbers that parse as doubles but sit at (or past) the edges: zero, negatives, tiny, huge, NaN, infinities. */
    static final List<String> SPECIAL_DOUBLES = List.of("0", "-0", "-0.0", "-1", "-1e-9", "1e-300", "4.9e-324",
            "2.2250738585072014E-308", "1e300", "1e308", "-1e308", "1.7976931348623157E308", "NaN", "Infinity",
            "-Infinity", "1e15", "1e-15", "0x1p3", "1e999", "-1e999", "+1", "1e", "0.1e1", "1.5");

    /** Integers at the edges of int and long, and past them. */
    static final List<String> SPECIAL_INTEGERS = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483648",
            "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1.0", "1e3", "1_000",
            "0x10", "02", "+3", "\u0663", "1000000", "100000");

    /** Text no option expects. */
    static final List<String> JUNK = List.of("", " ", "abc", "nan", "inf", "infinity", "true", "null", "~", "1,5",
            "1 2", "\u03a9", "\ud83d\ude42", "\u00e9t\u00e9", "\u0000", "\t", "\n", "--", "-", "'", "\"", "\\", "%s", "%n",
            "%", "${HOME}", "$(echo x)", "../..", "9".repeat(400), "\u202e1", "\ufeff1", "１", "NaN%", "1%%");

    /** Any of the above. */
    static Arbitrary<String> anyEdge() {
        List<String> all = new ArrayList<>(SPECIAL_DOUBLES);
        all.addAll(SPECIAL_INTEGERS);
        all.addAll(JUNK);
        return Arbitraries.of(all);
    }

    /** Short random strings of any code points, surrogate pairs included. */
    static Arbitrary<String> randomText() {
        return Arbitraries.strings().all().ofMinLength(0).ofMaxLength(8);
    }

    /**
     * A value: mostly one of {@code valid}, else an edge or junk; weights 6 : 3 : 1 for valid, edge, random text.
     */
    static Arbitrary<String> of(List<String> valid, List<String> edges) {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(valid)),
                Tuple.of(3, edges.isEmpty() ? anyEdge() : Arbitraries.oneOf(Arbitraries.of(edges), anyEdge())),
                Tuple.of(1, randomText()));
    }

    static Arbitrary<String> doubles(String... valid) {
        return of(Arrays.asList(valid), SPECIAL_DOUBLES);
    }

    static Arbitrary<String> integers(String... valid) {
        return of(Arrays.asList(valid), SPECIAL_INTEGERS);
    }

    static Arbitrary<String> texts(List<String> valid, String... edges) {
        return of(valid, Arrays.asList(edges));
    }
}
