package org.qtraj.model;

import java.util.Arrays;
import org.qtraj.errors.InvalidInputException;

/**
 * A parameter given either as one value for every site (or bond) or as an explicit list.
 *
 * @param scalar the common value, used when {@code list} is null
 * @param list   explicit values, or null
 */
public record PerElement(double scalar, double[] list) {

    public static PerElement of(double scalar) {
        return new PerElement(scalar, null);
    }

    public static PerElement ofList(double[] values) {
        return new PerElement(Double.NaN, values.clone());
    }

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

    @Override
    public boolean equals(Object o) {
        return o instanceof PerElement p && Double.compare(scalar, p.scalar) == 0 && Arrays.equals(list, p.list);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(scalar) * 31 + Arrays.hashCode(list);
    }

    @Override
    public String toString() {
        return list == null ? Double.toString(scalar) : Arrays.toString(list);
    }
}
