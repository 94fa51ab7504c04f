package org.qtraj.exact;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The steady state of one model by one exact method: currents and populations (keys of DESIGN.md).
 * Currents are counted positive into the chain from the bath named.
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
 */
public record ExactResult(String method, int sites, double heatCurrentLeft, double heatCurrentRight,
                          double heatCurrentDephasing, double particleCurrentLeft, double particleCurrentRight,
                          double localHeatCurrent, double[] populations, double elapsedSeconds,
                          Map<String, Double> extras) {

    /** Copies the populations and the extras (into an unmodifiable map, order kept); refuses nothing. */
    public ExactResult {
        populations = populations.clone();
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }

    /** The populations n_k, k = 1..N (a copy). */
    @Override
    public double[] populations() {
        return populations.clone();
    }

    /** The same result with the wall time set. */
    public ExactResult withElapsed(double seconds) {
        return new ExactResult(method, sites, heatCurrentLeft, heatCurrentRight, heatCurrentDephasing,
                particleCurrentLeft, particleCurrentRight, localHeatCurrent, populations, seconds, extras);
    }

    /** The same result with one more extra entry. */
    public ExactResult withExtra(String key, double value) {
        Map<String, Double> e = new LinkedHashMap<>(extras);
        e.put(key, value);
        return new ExactResult(method, sites, heatCurrentLeft, heatCurrentRight, heatCurrentDephasing,
                particleCurrentLeft, particleCurrentRight, localHeatCurrent, populations, elapsedSeconds, e);
    }

    /**
     * The JSON document of DESIGN.md as an ordered map: method, sites, heat_current (left),
     * heat_current_right, heat_current_dephasing, particle_current (left), particle_current_right,
     * local_heat_current, populations, elapsed_seconds, then the extras.
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
        return m;
    }
}
