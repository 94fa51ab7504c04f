package org.qtraj.model;

import java.util.Map;
import org.qtraj.errors.InvalidInputException;

/**
 * A partly specified model: every field may be null, meaning "not given here". Layers are stacked
 * with {@link #overlay} (defaults, then a model file, then command-line options) and {@link #build}
 * turns the result into a validated {@link Chain}. From Java, {@link #builder()} (or {@link Chain#builder()})
 * sets only what differs from the defaults:
 *
 * <pre>{@code
 * Chain chain = Chain.builder().sites(6).dephasing(0.5).leftBath(1, 2.0).build();
 * }</pre>
 *
 * <p>Defaults (DESIGN.md): N = 4, omega = g = 1, D = 0, dephasing 0, V = 1, left bath on site 1 with
 * G = 1, T = 1, right bath on site N with G = 1, T = 0. If N is not given, it is taken from the length
 * of a per-site list (or a per-bond list plus one) before falling back to 4.
 *
 * <p>Immutable and thread-safe (as far as its {@link PerElement} and {@link DisorderRecipe} parts are, which copy
 * their lists when made through their factories); no method modifies its arguments.
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

    /** N when neither the spec nor the length of a list fixes it. */
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

    /** Replaces a null bath by {@link BathSpec#EMPTY}; refuses nothing (validation happens in {@link #build}). */
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

    /** This spec with N set to {@code n} (null: not given). */
    public ModelSpec withSites(Integer n) {
        return new ModelSpec(n, omega, coupling, anisotropy, dephasing, hopping, left, right, disorder);
    }

    /** This spec with the disorder recipe {@code d} (null: none). */
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
        if (n < 2 || n > Chain.MAX_SITES) {
            throw new InvalidInputException("sites", "must be an integer from 2 to " + Chain.MAX_SITES + ", got " + n);
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

    /** A builder that starts from nothing specified (every default of DESIGN.md). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ModelSpec} or, with {@link #build()}, the validated {@link Chain} directly; unset parameters
     * keep the defaults (class comment). Sites and bonds count from 1 as in model files. Not thread-safe.
     */
    public static final class Builder {
        private ModelSpec spec = empty();

        private Builder() {
        }

        /** The number of sites N (default 4, or the length of a per-site list). */
        public Builder sites(int n) {
            spec = spec.withSites(n);
            return this;
        }

        /** The on-site energy of every site (default 1). */
        public Builder omega(double w) {
            return set(new ModelSpec(null, PerElement.of(w), null, null, null, null, null, null, null));
        }

        /** One on-site energy per site, site 1 first. */
        public Builder omegas(double... w) {
            return set(new ModelSpec(null, PerElement.ofList(w), null, null, null, null, null, null, null));
        }

        /** The XX coupling g of every bond (default 1). */
        public Builder coupling(double g) {
            return set(new ModelSpec(null, null, PerElement.of(g), null, null, null, null, null, null));
        }

        /** One XX coupling per bond, bond (1, 2) first. */
        public Builder couplings(double... g) {
            return set(new ModelSpec(null, null, PerElement.ofList(g), null, null, null, null, null, null));
        }

        /** The ZZ coupling D of every bond (default 0: the XX chain). */
        public Builder anisotropy(double d) {
            return set(new ModelSpec(null, null, null, PerElement.of(d), null, null, null, null, null));
        }

        /** One ZZ coupling per bond. */
        public Builder anisotropies(double... d) {
            return set(new ModelSpec(null, null, null, PerElement.ofList(d), null, null, null, null, null));
        }

        /** The dephasing rate of every site (default 0). */
        public Builder dephasing(double gamma) {
            return set(new ModelSpec(null, null, null, null, PerElement.of(gamma), null, null, null, null));
        }

        /** One dephasing rate per site. */
        public Builder dephasings(double... gamma) {
            return set(new ModelSpec(null, null, null, null, PerElement.ofList(gamma), null, null, null, null));
        }

        /** The classical hopping rate V of every bond (default 1). */
        public Builder hopping(double v) {
            return set(new ModelSpec(null, null, null, null, null, PerElement.of(v), null, null, null));
        }

        /** One classical hopping rate per bond. */
        public Builder hoppings(double... v) {
            return set(new ModelSpec(null, null, null, null, null, PerElement.ofList(v), null, null, null));
        }

        /** The left bath's coupling rate G and temperature T (defaults 1 and 1), on site 1. */
        public Builder leftBath(double rate, double temperature) {
            return set(new ModelSpec(null, null, null, null, null, null, new BathSpec(null, rate, temperature), null, null));
        }

        /** The right bath's coupling rate G and temperature T (defaults 1 and 0), on site N. */
        public Builder rightBath(double rate, double temperature) {
            return set(new ModelSpec(null, null, null, null, null, null, null, new BathSpec(null, rate, temperature), null));
        }

        /** The sites (1-based) the left and right baths act on (defaults 1 and N). */
        public Builder bathSites(int left, int right) {
            return set(new ModelSpec(null, null, null, null, null, null, new BathSpec(left, null, null),
                    new BathSpec(right, null, null), null));
        }

        /** Quenched disorder drawn on top of the other values. */
        public Builder disorder(DisorderRecipe recipe) {
            spec = spec.withDisorder(recipe);
            return this;
        }

        /** Everything set so far on top of {@code base} (e.g. a model file): these values win. */
        public Builder over(ModelSpec base) {
            spec = base.overlay(spec);
            return this;
        }

        private Builder set(ModelSpec top) {
            spec = spec.overlay(top);
            return this;
        }

        /** The partly specified model (unset fields null). */
        public ModelSpec spec() {
            return spec;
        }

        /**
         * The validated chain.
         *
         * @throws InvalidInputException naming the first offending parameter
         */
        public Chain build() {
            return spec.build();
        }
    }
}
