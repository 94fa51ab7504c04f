package org.qtraj.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.errors.InvalidInputException;

/**
 * N two-level sites joined by bonds, with thermal baths on some of them (PHYSICS.md, "Model" and "Networks"):
 * H = sum_k omega_k n_k + sum_b g_b (s+_{a(b)} s-_{c(b)} + h.c.) + sum_b D_b sz_{a(b)} sz_{c(b)},
 * bond b joining sites a(b) = {@link #bondFrom} and c(b) = {@link #bondTo} (0-based), dephasing jump
 * sqrt(gamma_k) n_k on each site, and for the classical analogue a hopping rate V_b per bond. The paper's chain
 * (bond b joins b and b+1, two baths named left and right) is the default and the case every method handles;
 * any other graph ({@link #isChain()} false) is a network, and any number (at least one) of named baths may
 * sit on any sites.
 *
 * <p>Immutable and validated on construction: every instance is a model qtraj accepts. Build one with
 * {@link ModelSpec} (options and model files) or {@link #of}. {@link #of} also accepts population-inverted baths
 * (G &lt; 0 with T &lt; 0, {@link Bath#ofOccupation}), which {@link ModelSpec} refuses; the sector Liouvillian and the
 * counting statistics are tested with them (ZnidaricDrivingTest), the trajectory engines are not.
 */
public final class Chain {
    /**
     * The longest chain a model may have: the chain's own arrays are O(N), but every method costs more (the
     * correlation solver O(N^3), a classical trajectory's default length O(N^2)), so longer chains are refused here
     * rather than running out of memory or time later.
     */
    public static final int MAX_SITES = 100_000;
    /**
     * The largest energy or rate a model may have, in its own unit (omega, g, D, dephasing, bath rates G, hopping V),
     * and the largest temperature in units of the bath site's omega (then nbar &lt;= 1e6 and every bath rate
     * G (2 nbar + 1) &lt;= 2e12 G). Beyond, bath rates and default times overflow (T = 1e308 gave NaN currents) and
     * the model is too stiff for the solvers; zero and any smaller value are allowed.
     */
    public static final double MAX_SCALE = 1e6;

    private final double[] omega;
    private final double[] coupling;
    private final double[] anisotropy;
    private final double[] dephasing;
    private final double[] hopping;
    private final int[] bondFrom;
    private final int[] bondTo;
    private final Bath[] baths;
    private final String[] bathNames;
    private final boolean chainShaped;
    private final double[][] positions;

    private Chain(double[] omega, double[] coupling, double[] anisotropy, double[] dephasing,
                  double[] hopping, Graph graph, Bath[] baths, String[] bathNames) {
        this.omega = omega;
        this.coupling = coupling;
        this.anisotropy = anisotropy;
        this.dephasing = dephasing;
        this.hopping = hopping;
        this.bondFrom = graph.from();
        this.bondTo = graph.to();
        this.positions = graph.positions();
        this.baths = baths;
        this.bathNames = bathNames;
        boolean chain = bondFrom.length == omega.length - 1;
        for (int b = 0; chain && b < bondFrom.length; b++) {
            chain = bondFrom[b] == b && bondTo[b] == b + 1;
        }
        this.chainShaped = chain;
    }

    /**
     * A builder over the defaults of DESIGN.md (N = 4, omega = g = G = V = 1, T_left = 1, T_right = 0): the shortest
     * way to a chain from Java, e.g. {@code Chain.builder().sites(6).dephasing(0.5).build()}.
     */
    public static ModelSpec.Builder builder() {
        return ModelSpec.builder();
    }

    /**
     * A validated chain. Arrays are copied.
     *
     * @param omega      on-site energies, length N >= 2, each finite and > 0
     * @param coupling   XX couplings per bond, length N - 1, finite
     * @param anisotropy ZZ couplings per bond, length N - 1, finite
     * @param dephasing  dephasing rates per site, length N, finite and >= 0
     * @param hopping    classical hopping rates per bond, length N - 1, finite and >= 0
     * @throws InvalidInputException naming the first offending field
     */
    public static Chain of(double[] omega, double[] coupling, double[] anisotropy, double[] dephasing,
                           double[] hopping, Bath left, Bath right) {
        int n = omega.length;
        if (n < 2 || n > MAX_SITES) {
            throw new InvalidInputException("sites", "must be an integer from 2 to " + MAX_SITES + ", got " + n);
        }
        Map<String, Bath> two = new LinkedHashMap<>();
        two.put("left", left);
        two.put("right", right);
        return of(Graph.chain(n), omega, coupling, anisotropy, dephasing, hopping, two);
    }

    /**
     * A validated network. Arrays are copied.
     *
     * @param graph      the sites and bonds (N >= 2); bond b joins graph.from()[b] and graph.to()[b]
     * @param omega      on-site energies, length N, each finite and > 0
     * @param coupling   XX couplings per bond, finite, any sign
     * @param anisotropy ZZ couplings per bond, finite
     * @param dephasing  dephasing rates per site, finite and >= 0
     * @param hopping    classical hopping rates per bond, finite and >= 0
     * @param baths      at least one bath, by name (letters, digits, '_' or '-', starting with a letter), in order;
     *                   every connected part of the graph must carry one (else its excitation number never changes
     *                   and there is no unique steady state)
     * @throws InvalidInputException naming the first offending field
     */
    public static Chain of(Graph graph, double[] omega, double[] coupling, double[] anisotropy, double[] dephasing,
                           double[] hopping, Map<String, Bath> baths) {
        int n = omega.length;
        if (n < 2 || n > MAX_SITES) {
            throw new InvalidInputException("sites", "must be an integer from 2 to " + MAX_SITES + ", got " + n);
        }
        if (graph.sites() != n) {
            throw new InvalidInputException("omega", "needs " + graph.sites() + " values (one per site), got " + n);
        }
        int e = graph.edges();
        checkLength("coupling", coupling, e, n);
        checkLength("anisotropy", anisotropy, e, n);
        checkLength("dephasing", dephasing, n, n);
        checkLength("hopping", hopping, e, n);
        for (int k = 0; k < n; k++) {
            checkFinite("omega", omega[k], k);
            if (!(omega[k] > 0)) {
                throw new InvalidInputException("omega", "must be > 0 at every site, got " + omega[k] + " at site " + (k + 1));
            }
            checkNonNegative("dephasing", dephasing[k], k);
        }
        for (int b = 0; b < e; b++) {
            checkFinite("coupling", coupling[b], b);
            checkFinite("anisotropy", anisotropy[b], b);
            checkNonNegative("hopping", hopping[b], b);
        }
        if (baths.isEmpty()) {
            throw new InvalidInputException("baths", "needs at least one bath");
        }
        List<String> names = new ArrayList<>(baths.keySet());
        Bath[] list = new Bath[names.size()];
        for (int i = 0; i < list.length; i++) {
            String name = names.get(i);
            if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
                throw new InvalidInputException("baths", "a bath name must start with a letter and have only letters,"
                        + " digits, '_' and '-' (at most 64), got '" + name + "'");
            }
            Bath bath = baths.get(name);
            checkBath(name, bath, n);
            checkTemperature(name, bath, omega[bath.site()]);
            list[i] = bath;
        }
        requireBathOnEveryPart(graph, list);
        return new Chain(omega.clone(), coupling.clone(), anisotropy.clone(), dephasing.clone(), hopping.clone(),
                graph, list, names.toArray(new String[0]));
    }

    /**
     * Refuses a graph with a connected part (by its bonds, whatever their couplings) that carries no bath: the
     * excitation number of that part is conserved by H, dephasing and the other baths, so the steady state would
     * depend on the initial state.
     */
    private static void requireBathOnEveryPart(Graph graph, Bath[] baths) {
        int n = graph.sites();
        int[] parent = new int[n];
        for (int k = 0; k < n; k++) {
            parent[k] = k;
        }
        int[] a = graph.from();
        int[] b = graph.to();
        for (int e = 0; e < a.length; e++) {
            parent[root(parent, a[e])] = root(parent, b[e]);
        }
        boolean[] served = new boolean[n];
        for (Bath bath : baths) {
            served[root(parent, bath.site())] = true;
        }
        for (int k = 0; k < n; k++) {
            if (!served[root(parent, k)]) {
                StringBuilder part = new StringBuilder();
                for (int l = 0; l < n && part.length() < 60; l++) {
                    if (root(parent, l) == root(parent, k)) {
                        part.append(part.length() == 0 ? "" : ", ").append(l + 1);
                    }
                }
                throw new InvalidInputException("baths", "no bath reaches site(s) " + part + ": a part of the network"
                        + " with no bath keeps its number of excitations forever, so it has no unique steady state;"
                        + " add a bath there or a bond to the rest");
            }
        }
    }

    private static int root(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }

    private static void checkLength(String field, double[] values, int expected, int sites) {
        if (values.length != expected) {
            String what = field.equals("dephasing") ? "one per site" : "one per bond";
            throw new InvalidInputException(field, "needs " + expected + " values (" + what + " for "
                    + sites + " sites), got " + values.length);
        }
    }

    private static void checkFinite(String field, double value, int index) {
        if (!(Math.abs(value) <= MAX_SCALE)) {
            throw new InvalidInputException(field, "must be a number from -" + MAX_SCALE + " to " + MAX_SCALE
                    + " (qtraj's range, Chain.MAX_SCALE), got " + value + " at entry " + (index + 1));
        }
    }

    private static void checkNonNegative(String field, double value, int index) {
        checkFinite(field, value, index);
        if (value < 0) {
            throw new InvalidInputException(field, "must be >= 0, got " + value + " at entry " + (index + 1));
        }
    }

    private static void checkTemperature(String name, Bath bath, double omega) {
        if (Math.abs(bath.temperature()) > MAX_SCALE * omega) {
            throw new InvalidInputException("baths." + name + ".temperature", "must be at most " + MAX_SCALE
                    + " times the energy of its site (T/omega = " + bath.temperature() / omega + "; beyond, nbar and the"
                    + " bath rates overflow), got " + bath.temperature());
        }
    }

    private static void checkBath(String name, Bath bath, int n) {
        if (bath == null) {
            throw new InvalidInputException("baths." + name, "is missing");
        }
        if (bath.site() < 0 || bath.site() >= n) {
            throw new InvalidInputException("baths." + name + ".site", "must be a site from 1 to " + n + ", got " + (bath.site() + 1));
        }
        if (bath.rate() < 0 && bath.temperature() < 0) {
            // population inversion (Bath#ofOccupation): G < 0 with T < 0 gives positive rates G nbar and G (nbar + 1);
            // only library code gets here, ModelSpec refuses negative rates and temperatures first
            if (!(bath.rate() >= -MAX_SCALE && Double.isFinite(bath.temperature()))) {
                throw new InvalidInputException("baths." + name, "an inverted bath (G < 0, T < 0) needs G >= -"
                        + MAX_SCALE + " and a finite T, got G = " + bath.rate() + ", T = " + bath.temperature());
            }
            return;
        }
        if (!(bath.rate() >= 0 && bath.rate() <= MAX_SCALE)) {
            throw new InvalidInputException("baths." + name + ".rate", "must be a number from 0 to " + MAX_SCALE
                    + ", got " + bath.rate());
        }
        if (!(bath.temperature() >= 0 && Double.isFinite(bath.temperature()))) {
            throw new InvalidInputException("baths." + name + ".temperature", "must be a finite number >= 0, got "
                    + bath.temperature());
        }
    }

    /** Number of sites N. */
    public int sites() {
        return omega.length;
    }

    /** Number of bonds (edges): N - 1 for a chain. */
    public int bonds() {
        return bondFrom.length;
    }

    /** The first site of bond b (0-based); its bond current is counted from this site to {@link #bondTo}. */
    public int bondFrom(int bond) {
        return bondFrom[bond];
    }

    /** The second site of bond b (0-based). */
    public int bondTo(int bond) {
        return bondTo[bond];
    }

    /** The sites and bonds, with the drawing positions of a named shape (null for an edge list or a matrix). */
    public Graph graph() {
        return new Graph(omega.length, bondFrom, bondTo, positions);
    }

    /** True if bond b joins sites b and b+1 for every b: the chain of the paper (baths anywhere). */
    public boolean isChain() {
        return chainShaped;
    }

    /** True for a chain with exactly two baths, the first named left and the second right. */
    public boolean isTwoBathChain() {
        return chainShaped && baths.length == 2 && bathNames[0].equals("left") && bathNames[1].equals("right");
    }

    /** On-site energy omega of a site (0-based). */
    public double omega(int site) {
        return omega[site];
    }

    /** XX coupling g of bond b (sites b, b+1). */
    public double coupling(int bond) {
        return coupling[bond];
    }

    /** ZZ coupling D of bond b (sites b, b+1). */
    public double anisotropy(int bond) {
        return anisotropy[bond];
    }

    /** Dephasing rate gamma of a site (0-based): jump operator sqrt(gamma) n_site. */
    public double dephasing(int site) {
        return dephasing[site];
    }

    /** Classical hopping rate V of bond b. */
    public double hopping(int bond) {
        return hopping[bond];
    }

    /** The first bath: the left bath of a chain, the one {@code heat_current} is measured from. */
    public Bath left() {
        return baths[0];
    }

    /**
     * The second bath: the right bath of a chain.
     *
     * @throws IllegalStateException for a model with one bath (methods that need two refuse it first)
     */
    public Bath right() {
        if (baths.length < 2) {
            throw new IllegalStateException("the model has one bath");
        }
        return baths[1];
    }

    /** Every bath, in the order given (left first for a chain). */
    public Bath[] baths() {
        return baths.clone();
    }

    /** Number of baths (at least one). */
    public int bathCount() {
        return baths.length;
    }

    /** The name of bath i ({@code left} and {@code right} for a chain's). */
    public String bathName(int i) {
        return bathNames[i];
    }

    /** All on-site energies, per site (a new array). */
    public double[] omegas() {
        return omega.clone();
    }

    /** All XX couplings g, per bond (a new array). */
    public double[] couplings() {
        return coupling.clone();
    }

    /** All ZZ couplings D, per bond (a new array). */
    public double[] anisotropies() {
        return anisotropy.clone();
    }

    /** All dephasing rates, per site (a new array). */
    public double[] dephasings() {
        return dephasing.clone();
    }

    /** All classical hopping rates V, per bond (a new array). */
    public double[] hoppings() {
        return hopping.clone();
    }

    /** Energy of the site a bath is attached to. */
    public double bathOmega(Bath bath) {
        return omega[bath.site()];
    }

    /** True if every ZZ coupling is zero: the chain maps to free fermions. */
    public boolean isXX() {
        return allEqual(anisotropy, 0.0);
    }

    /** True if any site has a nonzero dephasing rate. */
    public boolean hasDephasing() {
        for (double d : dephasing) {
            if (d != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for the paper's chain: uniform omega, g, dephasing, D = 0, nonzero coupling, left bath on the
     * first site and right bath on the last.
     */
    public boolean isUniformXX() {
        return isTwoBathChain() && isXX() && allEqual(omega, omega[0]) && allEqual(coupling, coupling[0])
                && coupling[0] != 0 && allEqual(dephasing, dephasing[0]) && baths[0].site() == 0
                && baths[1].site() == sites() - 1;
    }

    /** True if the hopping rate is the same on every bond. */
    public boolean hasUniformHopping() {
        return allEqual(hopping, hopping[0]);
    }

    private static boolean allEqual(double[] values, double value) {
        for (double v : values) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }

    /** Equal if every parameter array, the bonds and the named baths are equal (drawing positions aside). */
    @Override
    public boolean equals(Object o) {
        return o instanceof Chain c && Arrays.equals(omega, c.omega) && Arrays.equals(coupling, c.coupling)
                && Arrays.equals(anisotropy, c.anisotropy) && Arrays.equals(dephasing, c.dephasing)
                && Arrays.equals(hopping, c.hopping) && Arrays.equals(bondFrom, c.bondFrom)
                && Arrays.equals(bondTo, c.bondTo) && Arrays.equals(baths, c.baths)
                && Arrays.equals(bathNames, c.bathNames);
    }

    /** A hash consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Arrays.hashCode(omega) * 31 + Arrays.hashCode(coupling) + 17 * Arrays.hashCode(baths)
                + Arrays.hashCode(bondTo);
    }

    /** All parameters, the bonds of a network and the baths, for messages and debugging. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(chainShaped ? "Chain[N=" : "Network[N=").append(sites());
        if (!chainShaped) {
            s.append(", bonds=").append(graph().toString().replaceAll("^Graph\\[N=\\d+, edges=|\\]$", ""));
        }
        s.append(", omega=").append(Arrays.toString(omega)).append(", g=").append(Arrays.toString(coupling))
                .append(", D=").append(Arrays.toString(anisotropy)).append(", dephasing=")
                .append(Arrays.toString(dephasing)).append(", V=").append(Arrays.toString(hopping));
        for (int i = 0; i < baths.length; i++) {
            s.append(", ").append(bathNames[i]).append('=').append(baths[i]);
        }
        return s.append(']').toString();
    }
}
