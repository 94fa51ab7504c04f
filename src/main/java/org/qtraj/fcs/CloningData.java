package org.qtraj.fcs;

import java.util.Arrays;

/**
 * The theta_M(s) of the populations run so far, by work-unit index ({@link Cloning}): the accumulator of a cloning
 * run on the ensemble driver. Immutable; {@link #add} returns a new instance.
 */
record CloningData(double[] values) {
    CloningData {
        values = values.clone();
    }

    static CloningData empty() {
        return new CloningData(new double[0]);
    }

    /** Appends the result {index, theta} of the next population; the driver folds in index order. */
    static CloningData add(CloningData a, double[] result) {
        if ((long) result[0] != a.values.length) {
            throw new IllegalStateException("population " + (long) result[0] + " folded at " + a.values.length);
        }
        double[] v = Arrays.copyOf(a.values, a.values.length + 1);
        v[a.values.length] = result[1];
        return new CloningData(v);
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloningData d && Arrays.equals(values, d.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CloningData" + Arrays.toString(values);
    }
}
