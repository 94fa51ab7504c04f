package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.ensemble.Seeds;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.DisorderRecipe;

/**
 * An ensemble of disorder samples run at every point:
 * <pre>
 * disorder: {samples: 10000, seed: 7, omega: [0, 1], coupling: [0, 1]}
 * </pre>
 * Sample s draws its chain with {@code recipe.withSeed(Seeds.derive(seed, s))}. The seed depends on the
 * sample only, not on the point, so sample s is the same realisation at every point of a sweep over other
 * parameters (e.g. with and without dephasing, paper sec. VI.A): differences between points are then not
 * blurred by different draws. Immutable.
 *
 * @param samples number of samples, >= 1
 * @param recipe  the ranges, with the ensemble's seed
 */
public record DisorderEnsemble(int samples, DisorderRecipe recipe) {

    /**
     * Validates the sample count.
     *
     * @throws InvalidInputException naming disorder.samples if &lt; 1
     */
    public DisorderEnsemble {
        if (samples < 1) {
            throw new InvalidInputException("disorder.samples", "must be an integer >= 1, got " + samples);
        }
    }

    /** The recipe of sample {@code s} (0-based). */
    public DisorderRecipe sample(int s) {
        return recipe.withSeed(sampleSeed(s));
    }

    /** The seed sample {@code s} is drawn with. */
    public long sampleSeed(int s) {
        return Seeds.derive(recipe.seed(), s);
    }

    /** Parses the {@code disorder} section; null when absent. */
    public static DisorderEnsemble parse(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        SpecNodes.requireObject("disorder", node);
        if (!node.has("samples")) {
            throw new InvalidInputException("disorder.samples", "is required (an integer >= 1)");
        }
        if (!node.has("seed")) {
            throw new InvalidInputException("disorder.seed", "is required (an integer), so the same spec always draws the same samples");
        }
        int samples = SpecNodes.positiveInt("disorder.samples", node.get("samples"));
        long seed = SpecNodes.integer("disorder.seed", node.get("seed"));
        Map<String, double[]> ranges = new LinkedHashMap<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (name.equals("samples") || name.equals("seed")) {
                continue;
            }
            if (!DisorderRecipe.PARAMETERS.contains(name)) {
                throw new InvalidInputException("disorder." + name, "unknown key; allowed: samples, seed, "
                        + String.join(", ", DisorderRecipe.PARAMETERS));
            }
            double[] r = SpecNodes.numbers("disorder." + name, node.get(name));
            if (r.length != 2 || r[0] > r[1]) {
                throw new InvalidInputException("disorder." + name, "must be a range [lo, hi] with lo <= hi, got "
                        + java.util.Arrays.toString(r));
            }
            ranges.put(name, r);
        }
        if (ranges.isEmpty()) {
            throw new InvalidInputException("disorder", "draws no parameter; give ranges, e.g. omega: [0, 1]");
        }
        return new DisorderEnsemble(samples, new DisorderRecipe(seed, ranges));
    }
}
