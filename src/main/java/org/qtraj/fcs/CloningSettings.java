package org.qtraj.fcs;

import java.util.Arrays;
import java.util.Locale;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.counting.LargeDeviations;

/**
 * What population dynamics ("cloning", {@link Cloning}) computes: theta(s) at the counting fields {@code fields} for
 * the net count at {@code bath}, with populations of each size in {@code sizes}, {@code populations} independent
 * populations per size and field, clones evolved for {@code step} between resamplings, and theta averaged over
 * [t_burn, t_total]. NaN times mean the defaults of {@link Cloning}. Immutable and thread-safe (arrays are copied).
 *
 * @param fields      counting fields s, |s| &lt;= {@value #MAX_FIELD}, at most {@value #MAX_POINTS}
 * @param sizes       population sizes M (number of clones), strictly increasing, each in
 *                    {@value #MIN_CLONES}..{@value #MAX_CLONES}, at most {@value #MAX_SIZES} of them
 * @param populations independent populations per size and field, {@value #MIN_POPULATIONS}..{@value #MAX_POPULATIONS}
 *                    (their spread gives the error bar)
 * @param step        the time dt between resamplings, finite and &gt; 0, or NaN for the default
 * @param tBurn       burn-in, finite and &gt;= 0, or NaN for the default
 * @param tTotal      end time, finite and &gt; tBurn + step, or NaN for the default
 * @param bath        the counting bath, 0 (left) or 1 (right)
 */
public record CloningSettings(double[] fields, int[] sizes, int populations, double step, double tBurn, double tTotal,
                              int bath) {
    /** The same settings counting at bath {@code index} (a model's bath, resolved by name per model). */
    public CloningSettings withBath(int index) {
        return new CloningSettings(fields, sizes, populations, step, tBurn, tTotal, index);
    }

    /** Largest |s|: as for the exact theta(s) ({@link LargeDeviations#MAX_FIELD}). */
    public static final double MAX_FIELD = LargeDeviations.MAX_FIELD;
    /** Most counting fields per run. */
    public static final int MAX_POINTS = 1001;
    /** Smallest population size. */
    public static final int MIN_CLONES = 2;
    /** Largest population size. */
    public static final int MAX_CLONES = 100_000;
    /** Most population sizes per run. */
    public static final int MAX_SIZES = 20;
    /** Fewest independent populations: two give the first error bar. */
    public static final int MIN_POPULATIONS = 2;
    /** Most independent populations per size and field. */
    public static final int MAX_POPULATIONS = 10_000;

    /**
     * Validates and copies.
     *
     * @throws InvalidInputException naming fields, clones, populations, step, t_burn, t_total or counting_bath
     */
    public CloningSettings {
        if (fields == null || fields.length == 0 || fields.length > MAX_POINTS) {
            throw new InvalidInputException("fields", "give 1.." + MAX_POINTS + " counting fields, got "
                    + (fields == null ? 0 : fields.length));
        }
        for (double s : fields) {
            if (!(Math.abs(s) <= MAX_FIELD)) {
                throw new InvalidInputException("fields", "counting fields must lie in [-" + (int) MAX_FIELD + ", "
                        + (int) MAX_FIELD + "], got " + s);
            }
        }
        if (sizes == null || sizes.length == 0 || sizes.length > MAX_SIZES) {
            throw new InvalidInputException("clones", "give 1.." + MAX_SIZES + " population sizes, got "
                    + (sizes == null ? 0 : sizes.length));
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < MIN_CLONES || sizes[i] > MAX_CLONES) {
                throw new InvalidInputException("clones", "population sizes must be " + MIN_CLONES + ".." + MAX_CLONES
                        + ", got " + sizes[i]);
            }
            if (i > 0 && sizes[i] <= sizes[i - 1]) {
                throw new InvalidInputException("clones", "population sizes must increase, got "
                        + Arrays.toString(sizes));
            }
        }
        if (populations < MIN_POPULATIONS || populations > MAX_POPULATIONS) {
            throw new InvalidInputException("populations", "must be " + MIN_POPULATIONS + ".." + MAX_POPULATIONS
                    + " (their spread is the error bar), got " + populations);
        }
        if (!Double.isNaN(step) && !(step > 0 && Double.isFinite(step))) {
            throw new InvalidInputException("step", "must be a finite time > 0, got " + step);
        }
        if (!Double.isNaN(tBurn) && !(tBurn >= 0 && Double.isFinite(tBurn))) {
            throw new InvalidInputException("t_burn", "must be a finite number >= 0, got " + tBurn);
        }
        if (!Double.isNaN(tTotal) && !(tTotal > 0 && Double.isFinite(tTotal))) {
            throw new InvalidInputException("t_total", "must be a finite number > 0, got " + tTotal);
        }
        if (Double.isNaN(tTotal) && !Double.isNaN(tBurn)) {
            throw new InvalidInputException("t_burn", "give t_total with t_burn");
        }
        if (bath < 0) {
            throw new InvalidInputException("counting_bath", "must be a bath of the model, got index " + bath);
        }
        fields = fields.clone();
        sizes = sizes.clone();
    }

    /** The counting fields (a copy). */
    @Override
    public double[] fields() {
        return fields.clone();
    }

    /** The population sizes (a copy). */
    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /**
     * Parses population sizes "M" or "M1,M2,...".
     *
     * @throws InvalidInputException naming clones for anything but a comma-separated list of integers
     */
    public static int[] parseSizes(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        int[] m = new int[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                m[i] = Integer.parseInt(parts[i].trim());
            }
        } catch (NumberFormatException e) {
            throw new InvalidInputException("clones", "expected population sizes M or M1,M2,... (integers), got '"
                    + text + "'");
        }
        if (parts.length == 0) {
            throw new InvalidInputException("clones", "expected population sizes M or M1,M2,..., got '" + text + "'");
        }
        return m;
    }

    /**
     * Parses counting fields: one number s, or the grid S_MIN:S_MAX:K of {@link LargeDeviations#parseGrid}.
     *
     * @throws InvalidInputException naming fields
     */
    public static double[] parseFields(String text) {
        if (text != null && !text.contains(":")) {
            try {
                return new double[] {Double.parseDouble(text.trim())};
            } catch (NumberFormatException e) {
                throw new InvalidInputException("fields", "expected s or S_MIN:S_MAX:K, got '" + text + "'");
            }
        }
        try {
            return LargeDeviations.parseGrid(text);
        } catch (InvalidInputException e) {
            String m = e.getMessage();
            String body = m.startsWith(e.field() + ": ") ? m.substring(e.field().length() + 2) : m;
            throw new InvalidInputException("fields", body.toLowerCase(Locale.ROOT).startsWith("expected")
                    ? "expected s or S_MIN:S_MAX:K, got '" + text + "'" : body);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloningSettings c && Arrays.equals(fields, c.fields) && Arrays.equals(sizes, c.sizes)
                && populations == c.populations && Double.compare(step, c.step) == 0
                && Double.compare(tBurn, c.tBurn) == 0 && Double.compare(tTotal, c.tTotal) == 0 && bath == c.bath;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(fields) + Arrays.hashCode(sizes) + populations + bath;
    }

    @Override
    public String toString() {
        return "CloningSettings[fields=" + Arrays.toString(fields) + ", sizes=" + Arrays.toString(sizes)
                + ", populations=" + populations + ", step=" + step + ", tBurn=" + tBurn + ", tTotal=" + tTotal
                + ", bath=" + bath + "]";
    }
}
