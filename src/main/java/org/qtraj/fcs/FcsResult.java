package org.qtraj.fcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.stats.CountCumulants;
import org.qtraj.stats.Estimate;

/**
 * Full counting statistics from an ensemble: the accumulator and how it was made. Cumulants are the k-statistics
 * of the window counts divided by the window length T (scaled cumulants kappa_k ~ k_k / T; the finite-T bias is
 * of relative order t_relax / T), with delete-one jackknife errors ({@link CountCumulants}).
 *
 * <p>Immutable and thread-safe (the warnings are copied; the {@link FcsAccumulator} is immutable in use).
 *
 * @param method        trajectories | classical
 * @param bath          counting bath, its index in the model (0 left, 1 right for a chain)
 * @param window        window length T
 * @param windows       windows per trajectory
 * @param relaxation    the model's relaxation-time estimate t_relax used for defaults and the independence check
 * @param warnings      reasons to distrust the error bars (windows too short or correlated), possibly empty
 * @param bathName      the counting bath's name
 */
public record FcsResult(String method, int sites, int bath, FcsAccumulator data, long seed, double tTotal,
                        double tBurn, double window, int windows, double relaxation, long trajectories,
                        String stopReason, int threads, double elapsedSeconds, List<String> warnings,
                        String bathName) {
    /** A lag-1 correlation of window counts beyond this |z| is reported (two-sided false-alarm rate 0.27 %). */
    public static final double LAG_Z_LIMIT = 3;
    /** Windows shorter than this many relaxation times are reported as possibly dependent. */
    public static final double MIN_WINDOW_RELAXATIONS = 2;

    /** Copies the warnings into an unmodifiable list; refuses nothing. */
    public FcsResult {
        warnings = List.copyOf(warnings);
    }

    /** A chain's result: bath 0 is left, 1 right. */
    public FcsResult(String method, int sites, int bath, FcsAccumulator data, long seed, double tTotal, double tBurn,
                     double window, int windows, double relaxation, long trajectories, String stopReason, int threads,
                     double elapsedSeconds, List<String> warnings) {
        this(method, sites, bath, data, seed, tTotal, tBurn, window, windows, relaxation, trajectories, stopReason,
                threads, elapsedSeconds, warnings, bath == 0 ? "left" : "right");
    }

    /** The independence checks of the class comment, as messages. */
    static List<String> checks(FcsAccumulator data, double window, int windows, double relaxation) {
        List<String> w = new ArrayList<>();
        if (windows > 1 && window < MIN_WINDOW_RELAXATIONS * relaxation) {
            w.add(String.format(java.util.Locale.ROOT, "window T = %.4g is shorter than %.0f relaxation times (t_relax ~ %.4g):"
                    + " consecutive windows may be correlated and the error bars too small", window,
                    MIN_WINDOW_RELAXATIONS, relaxation));
        }
        double z = data.lag().z();
        if (windows > 1 && Math.abs(z) > LAG_Z_LIMIT) {
            w.add(String.format(java.util.Locale.ROOT, "lag-1 autocorrelation of window counts r = %.4f (z = %.1f over %d pairs):"
                    + " windows are not independent; use a longer window", data.lag().r(), z, data.lag().pairs()));
        }
        return w;
    }

    /** kappa_order from the trajectories, order 1..3. */
    public Estimate cumulant(int order) {
        return data.counts().cumulant(order).scaled(window);
    }

    /** The Fano factor k_2 / k_1 of the window counts (kappa_2 / kappa_1 for long windows), jackknife error. */
    public Estimate fano() {
        return data.counts().fano();
    }

    /**
     * The run's description as a JSON-ready map (snake_case keys: method, sites, counting_bath, trajectories,
     * windows, seed, threads, warnings, ...), without the cumulants; a new mutable map.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("sites", sites);
        m.put("counting_bath", bathName);
        m.put("trajectories", trajectories);
        m.put("windows_per_trajectory", windows);
        m.put("counts", data.counts().size());
        m.put("window", window);
        m.put("t_burn", tBurn);
        m.put("t_total", tTotal);
        m.put("seed", seed);
        m.put("stop_reason", stopReason);
        m.put("lag1_autocorrelation", data.lag().r());
        m.put("error_method", "delete-one jackknife");
        m.put("threads", threads);
        m.put("elapsed_seconds", elapsedSeconds);
        m.put("warnings", warnings);
        return m;
    }
}
