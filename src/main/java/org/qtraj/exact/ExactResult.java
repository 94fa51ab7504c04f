package org.qtraj.exact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steady state of one model by one exact method: currents and populations (keys of DESIGN.md).
 * Currents are counted positive into the chain from the bath named. For a network with other baths than a
 * chain's left and right, the "left" fields are the first bath's, the "right" fields the sum over all the others,
 * and {@link #baths()} gives each bath by name.
 *
 * <p>Immutable and thread-safe: the populations are copied in and out, the extras are an unmodifiable copy.
 *
 * @param method               the solver that produced it: closed, correlation, liouvillian or rate
 * @param sites                N
 * @param heatCurrentLeft      J_left = Tr(H D_left rho_ss) (for {@code rate}: omega_left I_left)
 * @param heatCurrentRight     J_right = Tr(H D_right rho_ss)
 * @param heatCurrentDephasing J_deph = Tr(H D_deph rho_ss); J_left + J_right + J_deph = 0
 * @param particleCurrentLeft  I_left = gamma_left (s_left - n_k), excitations per unit time from the left bath
 * @param particleCurrentRight I_right, = -I_left in the steady state
 * @param localHeatCurrent     omega_k I_left, k the left bath's site: what counting jumps measures
 * @param populations          {@code n_k = <sigma^+_k sigma^-_k>}, k = 1..N
 * @param elapsedSeconds       wall time of the solve
 * @param extras               method-specific numbers (residual, iterations, concurrence, ...), in insertion order
 * @param baths                each bath's currents by name, in the model's order
 * @param bonds                the bonds as 1-based site pairs {k, l}, in the model's order (empty if the method
 *                             gives no bond currents)
 * @param bondCurrents         the excitation current on each bond, k -&gt; l (PHYSICS.md "Networks"), or empty
 */
public record ExactResult(String method, int sites, double heatCurrentLeft, double heatCurrentRight,
                          double heatCurrentDephasing, double particleCurrentLeft, double particleCurrentRight,
                          double localHeatCurrent, double[] populations, double elapsedSeconds,
                          Map<String, Double> extras, List<BathCurrent> baths, int[][] bonds, double[] bondCurrents) {

    /** Copies the populations, bonds, bond currents, baths and extras (unmodifiable, order kept); refuses nothing. */
    public ExactResult {
        populations = populations.clone();
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
        baths = List.copyOf(baths);
        bonds = copy(bonds);
        bondCurrents = bondCurrents.clone();
    }

    /** A chain's result: baths left and right from the left and right fields, no bond currents. */
    public ExactResult(String method, int sites, double heatCurrentLeft, double heatCurrentRight,
                       double heatCurrentDephasing, double particleCurrentLeft, double particleCurrentRight,
                       double localHeatCurrent, double[] populations, double elapsedSeconds, Map<String, Double> extras) {
        this(method, sites, heatCurrentLeft, heatCurrentRight, heatCurrentDephasing, particleCurrentLeft,
                particleCurrentRight, localHeatCurrent, populations, elapsedSeconds, extras,
                List.of(new BathCurrent("left", heatCurrentLeft, particleCurrentLeft),
                        new BathCurrent("right", heatCurrentRight, particleCurrentRight)), new int[0][], new double[0]);
    }

    /**
     * A result from per-bath currents: the left fields are the first bath's, the right fields the sum of the others
     * (the right bath of a chain).
     */
    public static ExactResult of(String method, int sites, List<BathCurrent> baths, double heatCurrentDephasing,
                                 double localHeatCurrent, double[] populations, Map<String, Double> extras,
                                 int[][] bonds, double[] bondCurrents) {
        double heatRest = 0;
        double particleRest = 0;
        for (int i = 1; i < baths.size(); i++) {
            heatRest += baths.get(i).heatCurrent();
            particleRest += baths.get(i).particleCurrent();
        }
        BathCurrent first = baths.get(0);
        return new ExactResult(method, sites, first.heatCurrent(), heatRest, heatCurrentDephasing,
                first.particleCurrent(), particleRest, localHeatCurrent, populations, 0, extras, baths, bonds,
                bondCurrents);
    }

    private static int[][] copy(int[][] pairs) {
        int[][] out = new int[pairs.length][];
        for (int i = 0; i < pairs.length; i++) {
            out[i] = pairs[i].clone();
        }
        return out;
    }

    /** The bonds as 1-based pairs (a copy). */
    @Override
    public int[][] bonds() {
        return copy(bonds);
    }

    /** The bond currents (a copy; empty if not computed). */
    @Override
    public double[] bondCurrents() {
        return bondCurrents.clone();
    }

    /** The currents of the bath named, or null. */
    public BathCurrent bath(String name) {
        for (BathCurrent b : baths) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** The populations n_k, k = 1..N (a copy). */
    @Override
    public double[] populations() {
        return populations.clone();
    }

    /** The same result with the wall time set. */
    public ExactResult withElapsed(double seconds) {
        return new ExactResult(method, sites, heatCurrentLeft, heatCurrentRight, heatCurrentDephasing,
                particleCurrentLeft, particleCurrentRight, localHeatCurrent, populations, seconds, extras, baths, bonds,
                bondCurrents);
    }

    /** The same result with one more extra entry. */
    public ExactResult withExtra(String key, double value) {
        Map<String, Double> e = new LinkedHashMap<>(extras);
        e.put(key, value);
        return new ExactResult(method, sites, heatCurrentLeft, heatCurrentRight, heatCurrentDephasing,
                particleCurrentLeft, particleCurrentRight, localHeatCurrent, populations, elapsedSeconds, e, baths, bonds,
                bondCurrents);
    }

    /**
     * The JSON document of DESIGN.md as an ordered map: method, sites, heat_current (left),
     * heat_current_right, heat_current_dephasing, particle_current (left), particle_current_right,
     * local_heat_current, populations, elapsed_seconds, then the extras; then {@code baths} (each bath's
     * heat_current and particle_current by name) and, where computed, {@code bonds} (1-based pairs) and
     * {@code bond_currents}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("sites", sites);
        m.put("heat_current", heatCurrentLeft);
        m.put("heat_current_right", heatCurrentRight);
        m.put("heat_current_dephasing", heatCurrentDephasing);
        m.put("particle_current", particleCurrentLeft);
        m.put("particle_current_right", particleCurrentRight);
        m.put("local_heat_current", localHeatCurrent);
        m.put("populations", populations.clone());
        m.put("elapsed_seconds", elapsedSeconds);
        m.putAll(extras);
        Map<String, Object> byName = new LinkedHashMap<>();
        for (BathCurrent b : baths) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("heat_current", b.heatCurrent());
            one.put("particle_current", b.particleCurrent());
            byName.put(b.name(), one);
        }
        m.put("baths", byName);
        if (bondCurrents.length > 0) {
            List<int[]> pairs = new ArrayList<>(List.of(copy(bonds)));
            m.put("bonds", pairs);
            m.put("bond_currents", bondCurrents.clone());
        }
        return m;
    }
}
