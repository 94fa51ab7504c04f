package org.qtraj.model;

import java.util.Collections;
import java.util.LinkedHashMap;
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
 * <p>A network ({@link NetworkSpec}: a shape, an edge list or a coupling matrix) replaces the chain's bonds; its
 * per-bond values are then one per edge. Baths other than {@code left} and {@code right} are named in
 * {@code baths}; as soon as one is, the model has exactly the baths given: left and right only if specified
 * (taking the chain's defaults for what they leave out), every other bath with its site and temperature (rate
 * default 1).
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
 * @param network    the graph, or null for the chain
 * @param baths      further baths by name (never left or right), in order; empty for the chain's two
 */
public record ModelSpec(Integer sites, PerElement omega, PerElement coupling, PerElement anisotropy,
                        PerElement dephasing, PerElement hopping, BathSpec left, BathSpec right,
                        DisorderRecipe disorder, NetworkSpec network, Map<String, BathSpec> baths) {

    /** N when neither the spec nor the length of a list fixes it. */
    public static final int DEFAULT_SITES = 4;

    /** A chain's layer (no network, no further baths). */
    public ModelSpec(Integer sites, PerElement omega, PerElement coupling, PerElement anisotropy,
                     PerElement dephasing, PerElement hopping, BathSpec left, BathSpec right, DisorderRecipe disorder) {
        this(sites, omega, coupling, anisotropy, dephasing, hopping, left, right, disorder, null, Map.of());
    }

    /** Nothing specified. */
    public static ModelSpec empty() {
        return new ModelSpec(null, null, null, null, null, null, BathSpec.EMPTY, BathSpec.EMPTY, null);
    }

    /** The defaults of DESIGN.md, without N (resolved in {@link #build}). */
    public static ModelSpec defaults() {
        return new ModelSpec(null, PerElement.of(1), PerElement.of(1), PerElement.of(0), PerElement.of(0),
                PerElement.of(1), new BathSpec(null, 1.0, 1.0), new BathSpec(null, 1.0, 0.0), null);
    }

    /**
     * Replaces a null bath by {@link BathSpec#EMPTY} and null further baths by none, copies the map; refuses only a
     * further bath named left or right (validation happens in {@link #build}).
     */
    public ModelSpec {
        left = left == null ? BathSpec.EMPTY : left;
        right = right == null ? BathSpec.EMPTY : right;
        Map<String, BathSpec> copy = new LinkedHashMap<>(baths == null ? Map.of() : baths);
        if (copy.containsKey("left") || copy.containsKey("right")) {
            throw new IllegalArgumentException("left and right are the record's own components");
        }
        baths = Collections.unmodifiableMap(copy);
    }

    /** This spec with every field that {@code top} specifies taken from {@code top} (further baths merged by name). */
    public ModelSpec overlay(ModelSpec top) {
        Map<String, BathSpec> merged = new LinkedHashMap<>(baths);
        top.baths.forEach((name, spec) -> merged.merge(name, spec, BathSpec::overlay));
        return new ModelSpec(pick(top.sites, sites), pick(top.omega, omega), pick(top.coupling, coupling),
                pick(top.anisotropy, anisotropy), pick(top.dephasing, dephasing), pick(top.hopping, hopping),
                left.overlay(top.left), right.overlay(top.right), pick(top.disorder, disorder),
                pick(top.network, network), merged);
    }

    private static <T> T pick(T top, T bottom) {
        return top != null ? top : bottom;
    }

    /** This spec with N set to {@code n} (null: not given). */
    public ModelSpec withSites(Integer n) {
        return new ModelSpec(n, omega, coupling, anisotropy, dephasing, hopping, left, right, disorder, network, baths);
    }

    /** This spec with the disorder recipe {@code d} (null: none). */
    public ModelSpec withDisorder(DisorderRecipe d) {
        return new ModelSpec(sites, omega, coupling, anisotropy, dephasing, hopping, left, right, d, network, baths);
    }

    /** This spec with the network {@code n} (null: the chain). */
    public ModelSpec withNetwork(NetworkSpec n) {
        return new ModelSpec(sites, omega, coupling, anisotropy, dephasing, hopping, left, right, disorder, n, baths);
    }

    /** This spec with one more named bath (left and right go to their own components). */
    public ModelSpec withBath(String name, BathSpec bath) {
        if (name.equals("left")) {
            return overlay(new ModelSpec(null, null, null, null, null, null, bath, null, null));
        }
        if (name.equals("right")) {
            return overlay(new ModelSpec(null, null, null, null, null, null, null, bath, null));
        }
        return overlay(new ModelSpec(null, null, null, null, null, null, null, null, null, null, Map.of(name, bath)));
    }

    /**
     * The validated chain or network; unspecified fields take the defaults (and a shape's own values, such as
     * FMO's energies, lie between the defaults and this spec).
     *
     * @throws InvalidInputException naming the first offending field
     */
    public Chain build() {
        int n = resolveSites();
        if (n < 2 || n > Chain.MAX_SITES) {
            throw new InvalidInputException("sites", "must be an integer from 2 to " + Chain.MAX_SITES + ", got " + n);
        }
        Graph graph = network == null ? Graph.chain(n) : network.graph(n);
        ModelSpec shapeValues = network == null ? null : network.parameters(graph);
        ModelSpec s = shapeValues == null ? defaults().overlay(this) : defaults().overlay(shapeValues).overlay(this);
        int e = graph.edges();
        String perBond = network == null ? "one per bond" : "one per edge";
        double[] w = s.omega.expand("omega", n, "one per site", n);
        double[] g = s.coupling.expand("coupling", e, perBond, n);
        double[] d = s.anisotropy.expand("anisotropy", e, perBond, n);
        double[] deph = s.dephasing.expand("dephasing", n, "one per site", n);
        double[] v = s.hopping.expand("hopping", e, perBond, n);
        if (s.disorder != null) {
            Map<String, double[]> drawn = s.disorder.draw(n, e);
            w = drawn.getOrDefault("omega", w);
            g = drawn.getOrDefault("coupling", g);
            d = drawn.getOrDefault("anisotropy", d);
            deph = drawn.getOrDefault("dephasing", deph);
            v = drawn.getOrDefault("hopping", v);
        }
        return Chain.of(graph, w, g, d, deph, v, resolveBaths(s, n));
    }

    /** The chain's left and right baths, or (when further baths are named) exactly the baths given. */
    private Map<String, Bath> resolveBaths(ModelSpec withDefaults, int n) {
        Map<String, Bath> out = new LinkedHashMap<>();
        if (baths.isEmpty() || !left.equals(BathSpec.EMPTY)) {
            out.put("left", bath("left", withDefaults.left, 1, n));
        }
        if (baths.isEmpty() || !right.equals(BathSpec.EMPTY)) {
            out.put("right", bath("right", withDefaults.right, n, n));
        }
        for (Map.Entry<String, BathSpec> named : baths.entrySet()) {
            BathSpec b = named.getValue();
            String field = "baths." + named.getKey();
            if (b.site() == null) {
                throw new InvalidInputException(field + ".site", "is required for a bath other than left and right");
            }
            if (b.temperature() == null) {
                throw new InvalidInputException(field + ".temperature", "is required for a bath other than left and right");
            }
            out.put(named.getKey(), bath(named.getKey(), new BathSpec(b.site(), b.rate() == null ? 1.0 : b.rate(),
                    b.temperature()), 1, n));
        }
        return out;
    }

    private int resolveSites() {
        Integer implied = network == null ? null : network.impliedSites();
        if (implied != null) {
            if (sites != null && !sites.equals(implied)) {
                throw new InvalidInputException("sites", "the network " + network + " has " + implied + " sites, got "
                        + sites);
            }
            return implied;
        }
        if (sites != null) {
            return sites;
        }
        for (PerElement p : new PerElement[] {omega, dephasing}) {
            if (p != null && p.isList()) {
                return p.list().length;
            }
        }
        if (network != null && network.edges() != null) {
            int max = 0;
            for (int[] edge : network.edges()) {
                max = Math.max(max, Math.max(edge[0], edge[1]) + 1);
            }
            return max;
        }
        if (network == null || network.shape().equals("chain")) {
            for (PerElement p : new PerElement[] {coupling, anisotropy, hopping}) {
                if (p != null && p.isList()) {
                    return p.list().length + 1;
                }
            }
        }
        return DEFAULT_SITES;
    }

    private static Bath bath(String name, BathSpec spec, int defaultSite, int n) {
        int site = spec.site() != null ? spec.site() : defaultSite;
        if (site < 1 || site > n) {
            throw new InvalidInputException("baths." + name + ".site", "must be a site from 1 to " + n + ", got " + site);
        }
        // Chain also accepts an inverted bath (G < 0 with T < 0, Bath#ofOccupation) from library code; files and
        // the command line keep refusing negative rates and temperatures, with Chain's messages
        if (!(spec.rate() >= 0)) {
            throw new InvalidInputException("baths." + name + ".rate", "must be a number from 0 to " + Chain.MAX_SCALE
                    + ", got " + spec.rate());
        }
        if (!(spec.temperature() >= 0)) {
            throw new InvalidInputException("baths." + name + ".temperature", "must be a finite number >= 0, got "
                    + spec.temperature());
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

        /**
         * The network, e.g. {@code network(NetworkSpec.parse("grid:3x3"))} or {@code NetworkSpec.parse("fmo")}
         * (default: the chain).
         */
        public Builder network(NetworkSpec network) {
            spec = spec.withNetwork(network);
            return this;
        }

        /**
         * A bath by name on a site (1-based) with rate G and temperature T. Naming any bath other than left and
         * right gives the model exactly the baths named.
         */
        public Builder bath(String name, int site, double rate, double temperature) {
            spec = spec.withBath(name, new BathSpec(site, rate, temperature));
            return this;
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
