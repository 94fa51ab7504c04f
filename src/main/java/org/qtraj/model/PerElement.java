package org.qtraj.model;

import java.util.Arrays;
import org.qtraj.errors.InvalidInputException;

/**
 * A parameter given either as one value for every site (or bond) or as an explicit list: a layer of
 * {@link ModelSpec}, expanded to per-site or per-bond values when the {@link Chain} is built.
 *
 * <p>Immutable and safe to share between threads: the constructor copies the list and {@link #list()} returns a
 * copy.
 *
 * @param scalar the common value, used when {@code list} is null
 * @param list   explicit values, or null
 */
public record PerElement(double scalar, double[] list) {
    /** Copies the list (a record would otherwise share the caller's array). */
    public PerElement {
        list = list == null ? null : list.clone();
    }

    /** A copy of the explicit values, or null. */
    @Override
    public double[] list() {
        return list == null ? null : list.clone();
    }

    /** The same value {@code scalar} for every element. */
    public static PerElement of(double scalar) {
        return new PerElement(scalar, null);
    }

    /** One value per element, in order; {@code values} is copied, not modified. */
    public static PerElement ofList(double[] values) {
        return new PerElement(Double.NaN, values);
    }

    /** True if this is an explicit list rather than one value for every element. */
    public boolean isList() {
        return list != null;
    }

    /** The values for {@code count} elements; a list must have exactly that length. */
    double[] expand(String field, int count, String what, int sites) {
        if (list == null) {
            double[] out = new double[count];
            Arrays.fill(out, scalar);
            return out;
        }
        if (list.length != count) {
            throw new InvalidInputException(field, "needs " + count + " values (" + what + " for " + sites
                    + " sites), got " + list.length);
        }
        return list.clone();
    }

    /** Equal if the scalars are equal (NaN equals NaN) and the lists have equal contents (or are both null). */
    @Override
    public boolean equals(Object o) {
        return o instanceof PerElement p && Double.compare(scalar, p.scalar) == 0 && Arrays.equals(list, p.list);
    }

    /** A hash consistent with {@link #equals}, the list hashed by content. */
    @Override
    public int hashCode() {
        return Double.hashCode(scalar) * 31 + Arrays.hashCode(list);
    }

    /** The scalar, or the list as {@code [a, b, ...]}. */
    @Override
    public String toString() {
        return list == null ? Double.toString(scalar) : Arrays.toString(list);
    }
}
