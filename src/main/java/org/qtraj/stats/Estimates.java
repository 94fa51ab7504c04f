package org.qtraj.stats;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fixed, ordered list of named estimators, each a {@link MeanVar} over independent samples (one value
 * per estimator and trajectory). Immutable and mergeable: {@link #add} folds in one sample vector,
 * {@link #merge} joins two disjoint sets of samples with Chan's update. Floating-point merging is not
 * associative, so callers that want bit-identical results fold in a fixed order (the ensemble driver
 * folds by trajectory index).
 */
public final class Estimates {
    private final List<String> names;
    private final MeanVar[] values;

    private Estimates(List<String> names, MeanVar[] values) {
        this.names = names;
        this.values = values;
    }

    /** No samples yet for the given estimator names (distinct, in the order samples will list them). */
    public static Estimates empty(List<String> names) {
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("estimator names must be distinct: " + names);
        }
        MeanVar[] v = new MeanVar[names.size()];
        Arrays.fill(v, MeanVar.EMPTY);
        return new Estimates(List.copyOf(names), v);
    }

    /** Estimates with the given accumulators (e.g. read back from a checkpoint), one per name, in order. */
    public static Estimates of(List<String> names, List<MeanVar> accumulators) {
        if (names.size() != accumulators.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + accumulators.size() + " accumulators");
        }
        Estimates e = empty(names);
        return new Estimates(e.names, accumulators.toArray(new MeanVar[0]));
    }

    /** These estimates with one more sample; {@code sample[i]} is the value of estimator {@code names().get(i)}. */
    public Estimates add(double[] sample) {
        if (sample.length != values.length) {
            throw new IllegalArgumentException("sample has " + sample.length + " values for " + values.length + " estimators");
        }
        MeanVar[] v = new MeanVar[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i].add(sample[i]);
        }
        return new Estimates(names, v);
    }

    /** The union of the samples behind two estimates over the same names. */
    public Estimates merge(Estimates other) {
        if (!names.equals(other.names)) {
            throw new IllegalArgumentException("cannot merge estimates of " + names + " with " + other.names);
        }
        MeanVar[] v = new MeanVar[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = values[i].merge(other.values[i]);
        }
        return new Estimates(names, v);
    }

    /** The estimator names, in sample order (an unmodifiable list). */
    public List<String> names() {
        return names;
    }

    /** Number of samples (the same for every estimator). */
    public long count() {
        return values.length == 0 ? 0 : values[0].count();
    }

    /**
     * The accumulator of one estimator.
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public MeanVar get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no estimator named " + name + "; have " + names);
        }
        return values[i];
    }

    /**
     * The accumulator of the estimator at {@code index} in {@link #names()}.
     *
     * @throws ArrayIndexOutOfBoundsException for an index outside [0, names().size())
     */
    public MeanVar get(int index) {
        return values[index];
    }

    /** name -> {mean, stderr, samples}, in order: the JSON shape of DESIGN.md. */
    public Map<String, Map<String, Object>> toMap() {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("mean", values[i].mean());
            e.put("stderr", values[i].standardError());
            e.put("samples", values[i].count());
            m.put(names.get(i), Collections.unmodifiableMap(e));
        }
        return Collections.unmodifiableMap(m);
    }

    /** Equal if the names and every accumulator are equal, in order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Estimates e && names.equals(e.names) && Arrays.equals(values, e.values);
    }

    /** A hash consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(values);
    }

    /** Each estimator as name=mean+-stderr, and the sample count. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Estimates[");
        for (int i = 0; i < values.length; i++) {
            b.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(values[i].mean())
                    .append("+-").append(values[i].standardError());
        }
        return b.append(", n=").append(count()).append(']').toString();
    }
}
