package org.qtraj.model;

import java.util.Map;
import org.qtraj.errors.InvalidInputException;

/**
 * A partly specified model: every field may be null, meaning "not given here". Layers are stacked
 * with {@link #overlay} (defaults, then a model file, then command-line options) and {@link #build}
 * turns the result into a validated {@link Chain}.
 *
 * <p>Defaults (DESIGN.md): N = 4, omega = g = 1, D = 0, dephasing 0, V = 1, left bath on site 1 with
 * G = 1, T = 1, right bath on site N with G = 1, T = 0. If N is not given, it is taken from the length
 * of a per-site list (or a per-bond list plus one) before falling back to 4.
 *
 * @param sites      N, or null
 * @param omega      per-site energies
 * @param coupling   per-bond XX couplings
 * @param anisotropy per-bond ZZ couplings
 * @param dephasing  per-site dephasing rates
 * @param hopping    per-bond classical hopping rates
 * @param left       left bath
 * @param right      right bath
 * @param disorder   disorder recipe applied on top of the other values, or null
 */
public record ModelSpec(Integer sites, PerElement omega, PerElement coupling, PerElement anisotropy,
                        PerElement dephasing, PerElement hopping, BathSpec left, BathSpec right,
                        DisorderRecipe disorder) {

    public static final int DEFAULT_SITES = 4;

    /** Nothing specified. */
    public static ModelSpec empty() {
        return new ModelSpec(null, null, null, null, null, null, BathSpec.EMPTY, BathSpec.EMPTY, null);
    }

    /** The defaults of DESIGN.md, without N (resolved in {@link #build}). */
    public static ModelSpec defaults() {
        return new ModelSpec(null, PerElement.of(1), PerElement.of(1), PerElement.of(0), PerElement.of(0),
                PerElement.of(1), new BathSpec(null, 1.0, 1.0), new BathSpec(null, 1.0, 0.0), null);
    }

    public ModelSpec {
        left = left == null ? BathSpec.EMPTY : left;
        right = right == null ? BathSpec.EMPTY : right;
    }

    /** This spec with every field that {@code top} specifies taken from {@code top}. */
    public ModelSpec overlay(ModelSpec top) {
        return new ModelSpec(pick(top.sites, sites), pick(top.omega, omega), pick(top.coupling, coupling),
                pick(top.anisotropy, anisotropy), pick(top.dephasing, dephasing), pick(top.hopping, hopping),
                left.overlay(top.left), right.overlay(top.right), pick(top.disorder, disorder));
    }

    private static <T> T pick(T top, T bottom) {
        return top != null ? top : bottom;
    }

    public ModelSpec withSites(Integer n) {
        return new ModelSpec(n, omega, coupling, anisotropy, dephasing, hopping, left, right, disorder);
    }

    public ModelSpec withDisorder(DisorderRecipe d) {
        return new ModelSpec(sites, omega, coupling, anisotropy, dephasing, hopping, left, right, d);
    }

    /**
     * The validated chain; unspecified fields take the defaults.
     *
     * @throws InvalidInputException naming the first offending field
     */
    public Chain build() {
        ModelSpec s = defaults().overlay(this);
        int n = s.resolveSites();
        if (n < 2) {
            throw new InvalidInputException("sites", "must be an integer >= 2, got " + n);
        }
        double[] w = s.omega.expand("omega", n, "one per site", n);
        double[] g = s.coupling.expand("coupling", n - 1, "one per bond", n);
        double[] d = s.anisotropy.expand("anisotropy", n - 1, "one per bond", n);
        double[] deph = s.dephasing.expand("dephasing", n, "one per site", n);
        double[] v = s.hopping.expand("hopping", n - 1, "one per bond", n);
        if (s.disorder != null) {
            Map<String, double[]> drawn = s.disorder.draw(n);
            w = drawn.getOrDefault("omega", w);
            g = drawn.getOrDefault("coupling", g);
            d = drawn.getOrDefault("anisotropy", d);
            deph = drawn.getOrDefault("dephasing", deph);
            v = drawn.getOrDefault("hopping", v);
        }
        Bath l = bath("left", s.left, 1, n);
        Bath r = bath("right", s.right, n, n);
        return Chain.of(w, g, d, deph, v, l, r);
    }

    private int resolveSites() {
        if (sites != null) {
            return sites;
        }
        for (PerElement p : new PerElement[] {omega, dephasing}) {
            if (p != null && p.isList()) {
                return p.list().length;
            }
        }
        for (PerElement p : new PerElement[] {coupling, anisotropy, hopping}) {
            if (p != null && p.isList()) {
                return p.list().length + 1;
            }
        }
        return DEFAULT_SITES;
    }

    private static Bath bath(String name, BathSpec spec, int defaultSite, int n) {
        int site = spec.site() != null ? spec.site() : defaultSite;
        if (site < 1 || site > n) {
            throw new InvalidInputException("baths." + name + ".site", "must be a site from 1 to " + n + ", got " + site);
        }
        return new Bath(site - 1, spec.rate(), spec.temperature());
    }
}
