package org.qtraj.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.qtraj.errors.InvalidInputException;

/**
 * Quenched disorder: which chain parameters are drawn independently and uniformly from which range,
 * with a seed, so that the same recipe always gives the same chain (paper sec. VI.A draws omega_k and
 * g_k uniformly in [0, 1]).
 *
 * <p>Values are drawn as lo + (hi - lo) (1 - u) with u uniform in [0, 1), i.e. in (lo, hi], so that a range
 * starting at 0 never gives an on-site energy of exactly 0. Parameters are drawn in the fixed order
 * omega (per site), coupling, anisotropy (per bond), dephasing (per site), hopping (per bond), from one
 * XO_RO_SHI_RO_128_PP stream seeded with {@code seed}.
 *
 * <p>Immutable in use and thread-safe: the constructor copies the map and every range, {@link #draw} makes its
 * own generator and returns new arrays. The ranges map is unmodifiable, but its {lo, hi} arrays are the
 * recipe's own: callers must not write into them.
 *
 * @param seed   the seed of the draw
 * @param ranges parameter name to {lo, hi}; names from {@link #PARAMETERS}
 */
public record DisorderRecipe(long seed, Map<String, double[]> ranges) {
    /** The parameters that can be disordered, in drawing order. */
    public static final java.util.List<String> PARAMETERS =
            java.util.List.of("omega", "coupling", "anisotropy", "dephasing", "hopping");

    /**
     * Validates and copies the ranges.
     *
     * @throws InvalidInputException naming {@code disorder.<name>} for a name not in {@link #PARAMETERS}, or for a
     *                               range that is not two finite numbers with lo &lt;= hi
     */
    public DisorderRecipe {
        Map<String, double[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : ranges.entrySet()) {
            String name = e.getKey();
            double[] r = e.getValue();
            String field = "disorder." + name;
            if (!PARAMETERS.contains(name)) {
                throw new InvalidInputException(field, "unknown parameter; allowed: " + String.join(", ", PARAMETERS) + ", seed");
            }
            if (r.length != 2 || !Double.isFinite(r[0]) || !Double.isFinite(r[1]) || r[0] > r[1]) {
                throw new InvalidInputException(field, "must be a range [lo, hi] of two finite numbers with lo <= hi");
            }
            copy.put(name, r.clone());
        }
        ranges = Collections.unmodifiableMap(copy);
    }

    /** The same recipe with another seed (disorder ensembles: one seed per sample). */
    public DisorderRecipe withSeed(long newSeed) {
        return new DisorderRecipe(newSeed, ranges);
    }

    /**
     * Draws the disordered parameters for a chain of {@code sites} sites.
     *
     * @return parameter name to drawn values (per site or per bond), only for the parameters in the recipe
     */
    public Map<String, double[]> draw(int sites) {
        return draw(sites, sites - 1);
    }

    /**
     * Draws the disordered parameters for a network of {@code sites} sites and {@code bonds} bonds (edges); for a
     * chain (bonds = sites - 1) the same values as {@link #draw(int)}.
     *
     * @return parameter name to drawn values (per site or per bond), only for the parameters in the recipe
     */
    public Map<String, double[]> draw(int sites, int bonds) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : PARAMETERS) {
            double[] r = ranges.get(name);
            if (r == null) {
                continue;
            }
            int count = name.equals("omega") || name.equals("dephasing") ? sites : bonds;
            double[] values = new double[count];
            for (int i = 0; i < count; i++) {
                values[i] = r[0] + (r[1] - r[0]) * (1 - rng.nextDouble());
            }
            out.put(name, values);
        }
        return out;
    }

    /** Equal if the seeds and the parameter names are equal and every range has equal contents. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DisorderRecipe d) || d.seed != seed || !d.ranges.keySet().equals(ranges.keySet())) {
            return false;
        }
        for (String k : ranges.keySet()) {
            if (!java.util.Arrays.equals(ranges.get(k), d.ranges.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** A hash consistent with {@link #equals} (seed and parameter names). */
    @Override
    public int hashCode() {
        return Long.hashCode(seed) * 31 + ranges.keySet().hashCode();
    }
}
