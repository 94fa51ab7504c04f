package org.qtraj.batch;

import java.util.Comparator;

/**
 * The identity of one unit of work: point, disorder sample and method entry (all 0-based). Results are
 * ordered by point, then sample, then method: the order of results.csv and results.jsonl. Immutable.
 *
 * @param point  0-based point index
 * @param sample 0-based disorder sample (0 without a disorder ensemble)
 * @param method 0-based index of the method entry in the spec
 */
public record TaskKey(int point, int sample, int method) implements Comparable<TaskKey> {
    private static final Comparator<TaskKey> ORDER = Comparator.comparingInt(TaskKey::point)
            .thenComparingInt(TaskKey::sample).thenComparingInt(TaskKey::method);

    /** Orders by point, then sample, then method. */
    @Override
    public int compareTo(TaskKey o) {
        return ORDER.compare(this, o);
    }

    /** File-name form, e.g. p12-s0-m1. */
    public String fileStem() {
        return "p" + point + "-s" + sample + "-m" + method;
    }
}
