package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.BathSpec;
import org.qtraj.model.ModelSpec;
import org.qtraj.model.PerElement;
import org.qtraj.model.Thermal;

/**
 * The swept parameters of a run spec and their expansion into points.
 *
 * <pre>
 * sweep:
 *   mode: product            # or zip; default product
 *   parameters:
 *     sites:     {log_range: [2, 1000, 20], integer: true}   # a (b/a)^(i/(count-1)), rounded, duplicates dropped
 *     dephasing: {values: [0, 0.1, 0.5, 5]}
 *     temp_left: {range: [0, 2, 5]}                         # (a (count-1-i) + b i)/(count-1), i = 0..count-1
 * </pre>
 *
 * In product mode the first parameter varies slowest (row-major order); in zip mode every list must have
 * the same length and point i takes the i-th value of each. Immutable.
 *
 * @param zip  true for zip mode, false for the cartesian product
 * @param axes the parameters in spec order
 */
public record Sweep(boolean zip, List<Axis> axes) {
    /**
     * Sweepable parameters: every model option of DESIGN.md, and {@code s_left}/{@code s_right}, the baths'
     * equilibrium populations s = nbar/(2 nbar + 1) in [0, 1/2), which set the temperature from the bath site's
     * omega after every other swept value and the disorder draw are applied ({@link org.qtraj.model.Thermal#temperature}); a sweep may not
     * name both {@code s_j} and {@code temp_j} of one bath.
     */
    public static final List<String> PARAMETERS = List.of("sites", "omega", "coupling", "anisotropy", "dephasing",
            "hopping", "rate_left", "rate_right", "temp_left", "temp_right", "s_left", "s_right");

    /**
     * One swept parameter. Immutable: the values are copied in and out.
     *
     * @param name    one of {@link #PARAMETERS}
     * @param values  its values in order
     * @param integer true if the values are integers (sites always is)
     */
    public record Axis(String name, double[] values, boolean integer) {
        /** Copies the values; refuses nothing. */
        public Axis {
            values = values.clone();
        }

        /** Its values in order (a copy). */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** The value as written to results: a Long for integer parameters. */
        Number boxed(int i) {
            return integer ? (Number) Math.round(values[i]) : (Number) values[i];
        }
    }

    /** Copies the axes into an unmodifiable list; refuses nothing. */
    public Sweep {
        axes = List.copyOf(axes);
    }

    /** No sweep: one point with no swept parameter. */
    public static Sweep none() {
        return new Sweep(false, List.of());
    }

    /** The names of the swept parameters, in spec order. */
    public List<String> names() {
        return axes.stream().map(Axis::name).toList();
    }

    /** Parses the {@code sweep} section (null or missing: no sweep). */
    public static Sweep parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return none();
        }
        SpecNodes.requireObject("sweep", node);
        SpecNodes.checkKeys("sweep.", node, Set.of("mode", "parameters"));
        boolean zip = false;
        if (node.has("mode")) {
            String mode = SpecNodes.text("sweep.mode", node.get("mode"));
            if (!mode.equals("product") && !mode.equals("zip")) {
                throw new InvalidInputException("sweep.mode", "must be product or zip, got '" + mode + "'");
            }
            zip = mode.equals("zip");
        }
        JsonNode params = node.get("parameters");
        SpecNodes.requireObject("sweep.parameters", params);
        if (params.isEmpty()) {
            throw new InvalidInputException("sweep.parameters", "names no parameter; allowed: " + String.join(", ", PARAMETERS));
        }
        List<Axis> axes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : params.properties()) {
            axes.add(axis(e.getKey(), e.getValue()));
        }
        List<String> names = axes.stream().map(Axis::name).toList();
        for (String side : new String[] {"left", "right"}) {
            // s_j is applied after every other value, so a swept temp_j would be silently overwritten.
            if (names.contains("s_" + side) && names.contains("temp_" + side)) {
                throw new InvalidInputException("sweep.parameters.s_" + side, "conflicts with temp_" + side
                        + ": both set the " + side + " bath's temperature; sweep one of them");
            }
        }
        if (zip) {
            for (Axis a : axes) {
                if (a.values.length != axes.get(0).values.length) {
                    throw new InvalidInputException("sweep.parameters." + a.name, "zip mode needs lists of equal length: "
                            + axes.get(0).name + " has " + axes.get(0).values.length + " values, " + a.name
                            + " has " + a.values.length);
                }
            }
        }
        return new Sweep(zip, axes);
    }

    private static Axis axis(String name, JsonNode node) {
        String field = "sweep.parameters." + name;
        if (!PARAMETERS.contains(name)) {
            throw new InvalidInputException(field, "not a sweepable parameter; allowed: " + String.join(", ", PARAMETERS));
        }
        SpecNodes.requireObject(field, node);
        SpecNodes.checkKeys(field + ".", node, Set.of("values", "range", "log_range", "integer"));
        boolean integer = false;
        if (node.has("integer")) {
            if (!node.get("integer").isBoolean()) {
                throw new InvalidInputException(field + ".integer", "must be true or false, got " + node.get("integer"));
            }
            integer = node.get("integer").asBoolean();
        }
        int kinds = (node.has("values") ? 1 : 0) + (node.has("range") ? 1 : 0) + (node.has("log_range") ? 1 : 0);
        if (kinds != 1) {
            throw new InvalidInputException(field, "needs exactly one of values, range, log_range");
        }
        double[] values;
        if (node.has("values")) {
            values = SpecNodes.numbers(field + ".values", node.get("values"));
            if (values.length == 0) {
                throw new InvalidInputException(field + ".values", "must list at least one value");
            }
        } else {
            String kind = node.has("range") ? "range" : "log_range";
            values = range(field + "." + kind, node.get(kind), kind.equals("log_range"));
        }
        if (integer) {
            values = roundDistinct(values);
        } else if (name.equals("sites")) {
            for (double v : values) {
                if (v != Math.rint(v)) {
                    throw new InvalidInputException(field, "sites must be integers, got " + v + "; add integer: true to round");
                }
            }
        }
        if (name.equals("sites")) {
            // the model refuses them too, but only after the value has become an int: refuse here, naming the sweep
            for (double v : values) {
                if (!(v >= 2 && v <= org.qtraj.model.Chain.MAX_SITES)) {
                    throw new InvalidInputException(field, "sites must be integers from 2 to "
                            + org.qtraj.model.Chain.MAX_SITES + ", got " + v);
                }
            }
        }
        return new Axis(name, values, integer || name.equals("sites"));
    }

    /** [a, b, count]: count points from a to b inclusive, evenly or (log) geometrically spaced. */
    private static double[] range(String field, JsonNode node, boolean log) {
        if (node == null || !node.isArray() || node.size() != 3) {
            throw new InvalidInputException(field, "must be [first, last, count], got " + node);
        }
        double a = SpecNodes.number(field + "[1]", node.get(0));
        double b = SpecNodes.number(field + "[2]", node.get(1));
        long count = SpecNodes.integer(field + "[3]", node.get(2));
        if (count < 2 || count > 10_000_000) {
            throw new InvalidInputException(field, "count must be an integer from 2 to 10^7, got " + count
                    + " (for one value use values: [x])");
        }
        if (log && !(a > 0 && b > 0)) {
            throw new InvalidInputException(field, "a log range needs first > 0 and last > 0, got " + a + ", " + b);
        }
        if (a == b) {
            throw new InvalidInputException(field, "first and last are equal (" + a + "); use values: [" + a + "]");
        }
        int n = (int) count;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double t = (double) i / (n - 1);
            // Linear: the weighted form is exact for integer endpoints whenever the step is an integer
            // (range [2, 41, 40] gives 2, 3, ..., 41, not 2.9999...).
            out[i] = log ? a * Math.pow(b / a, t) : (a * (n - 1 - i) + b * i) / (n - 1);
        }
        // The endpoints exactly as written, not as the formula rounds them.
        out[0] = a;
        out[n - 1] = b;
        return out;
    }

    /** Rounds to integers and drops repeats, keeping the first occurrence (log ranges crowd at small N). */
    private static double[] roundDistinct(double[] values) {
        java.util.LinkedHashSet<Double> seen = new java.util.LinkedHashSet<>();
        for (double v : values) {
            seen.add((double) Math.round(v));
        }
        return seen.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Number of points. */
    public int size() {
        if (axes.isEmpty()) {
            return 1;
        }
        if (zip) {
            return axes.get(0).values.length;
        }
        long n = 1;
        for (Axis a : axes) {
            n *= a.values.length;
            if (n > Integer.MAX_VALUE) {
                throw new InvalidInputException("sweep", "has more than 2^31 points");
            }
        }
        return (int) n;
    }

    /** The points in index order. */
    public List<Point> points() {
        int n = size();
        List<Point> out = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            Map<String, Number> values = new LinkedHashMap<>();
            int rest = p;
            // Row-major: the last axis varies fastest, so peel indices off from the end.
            int[] idx = new int[axes.size()];
            for (int k = axes.size() - 1; k >= 0; k--) {
                int len = axes.get(k).values.length;
                idx[k] = zip ? p : rest % len;
                rest = zip ? rest : rest / len;
            }
            for (int k = 0; k < axes.size(); k++) {
                values.put(axes.get(k).name, axes.get(k).boxed(idx[k]));
            }
            out.add(new Point(p, values));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * {@code base} with the point's swept model options on top (a swept value replaces a per-site list): every swept
     * value but s_left and s_right, which {@link #applyOccupations} applies last.
     */
    public static ModelSpec applyModelValues(ModelSpec base, Point point) {
        ModelSpec spec = base;
        for (Map.Entry<String, Number> e : point.parameters().entrySet()) {
            if (!e.getKey().startsWith("s_")) {
                spec = apply(spec, e.getKey(), e.getValue());
            }
        }
        return spec;
    }

    /**
     * {@code model} with the point's swept s_left/s_right turned into bath temperatures from the omega of the bath's
     * site in the chain {@code model} builds: apply it last, after the other swept values and any disorder draw,
     * so that the chain's bath occupation is the swept s.
     */
    public static ModelSpec applyOccupations(ModelSpec model, Point point) {
        ModelSpec spec = model;
        for (Map.Entry<String, Number> e : point.parameters().entrySet()) {
            if (e.getKey().startsWith("s_")) {
                spec = applyOccupation(spec, e.getKey(), e.getValue().doubleValue());
            }
        }
        return spec;
    }

    /** s_left/s_right: the temperature that gives the bath mode (omega of its site) the population s. */
    private static ModelSpec applyOccupation(ModelSpec base, String name, double s) {
        org.qtraj.model.Chain chain = base.build();
        boolean left = name.equals("s_left");
        if (chain.bathCount() < 2 && !left) {
            throw new InvalidInputException("sweep.parameters." + name, "the model has no second (right) bath");
        }
        double omega = chain.bathOmega(left ? chain.left() : chain.right());
        double t = Thermal.temperature("sweep.parameters." + name, omega, s);
        BathSpec b = new BathSpec(null, null, t);
        return base.overlay(left ? new ModelSpec(null, null, null, null, null, null, b, null, null)
                : new ModelSpec(null, null, null, null, null, null, null, b, null));
    }

    private static ModelSpec apply(ModelSpec base, String name, Number value) {
        double v = value.doubleValue();
        PerElement p = PerElement.of(v);
        ModelSpec top = switch (name) {
            case "sites" -> ModelSpec.empty().withSites(Math.toIntExact(value.longValue()));
            case "omega" -> new ModelSpec(null, p, null, null, null, null, null, null, null);
            case "coupling" -> new ModelSpec(null, null, p, null, null, null, null, null, null);
            case "anisotropy" -> new ModelSpec(null, null, null, p, null, null, null, null, null);
            case "dephasing" -> new ModelSpec(null, null, null, null, p, null, null, null, null);
            case "hopping" -> new ModelSpec(null, null, null, null, null, p, null, null, null);
            case "rate_left" -> new ModelSpec(null, null, null, null, null, null, new BathSpec(null, v, null), null, null);
            case "rate_right" -> new ModelSpec(null, null, null, null, null, null, null, new BathSpec(null, v, null), null);
            case "temp_left" -> new ModelSpec(null, null, null, null, null, null, new BathSpec(null, null, v), null, null);
            case "temp_right" -> new ModelSpec(null, null, null, null, null, null, null, new BathSpec(null, null, v), null);
            default -> throw new InvalidInputException("sweep.parameters." + name, "not a sweepable parameter");
        };
        return base.overlay(top);
    }
}
