package org.qtraj.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.stats.Estimate;
import org.qtraj.stats.MeanVar;

/**
 * Relaxation curves of {@code qtraj simulate --times}: the trajectory ensemble's populations n_k(t_j) (mean and
 * standard error of population_k_at_j) beside the exact tr(n_k exp(L t_j) rho_0), and z-scores.
 *
 * @param result      the ensemble, whose estimators include population_k_at_j
 * @param times       the sample times t_j
 * @param initial     the initial basis state as a bit string, site 1 first
 * @param exactMethod what computed the exact curves
 * @param exact       exact populations [j][k], or null when not computed
 */
record RelaxationReport(SimulationResult result, List<Double> times, String initial, String exactMethod,
                        double[][] exact) {

    /** Smallest standard error a z-score divides by (the integrators' accuracy, not a statistical error). */
    static final double NUMERICAL_FLOOR = 1e-8;

    /** The report of a run made with {@code settings} (its sample times and initial state). */
    RelaxationReport(SimulationResult result, SimulationSettings settings, String exactMethod, double[][] exact) {
        this(result, settings.sampleTimes(), settings.initialState().bits(result.sites()),
                exactMethod, exact);
    }

    private MeanVar at(int j, int k) {
        return result.get("population_" + (k + 1) + "_at_" + j);
    }

    private double z(int j, int k) {
        // at t = 0 every trajectory is in the initial basis state: zero spread, exact agreement. Where no jump has
        // reached a site yet (a long XX chain) the spread is round-off (1e-15) while both integrations carry their
        // truncation error (tolerance 1e-9 per step): the error is floored at NUMERICAL_FLOOR so that agreement to
        // the integrators' accuracy is not reported as |z| in the hundreds.
        double se = at(j, k).standardError();
        return Estimate.z(at(j, k).mean(), se > 0 ? Math.max(se, NUMERICAL_FLOOR) : se, exact[j][k]);
    }

    /** Largest |z| over all times and sites (NaN without the exact curves). */
    double maxAbsZ() {
        if (exact == null) {
            return Double.NaN;
        }
        double max = 0;
        for (int j = 0; j < times.size(); j++) {
            for (int k = 0; k < result.sites(); k++) {
                max = Math.max(max, Math.abs(z(j, k)));
            }
        }
        return max;
    }

    /** result's document plus "relaxation": {initial_state, times, mean[j][k], stderr[j][k], exact[j][k], max_abs_z}. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>(result.toMap());
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("initial_state", initial);
        r.put("exact_method", exact == null ? null : exactMethod);
        r.put("times", times);
        List<double[]> mean = new ArrayList<>();
        List<double[]> err = new ArrayList<>();
        for (int j = 0; j < times.size(); j++) {
            double[] a = new double[result.sites()];
            double[] e = new double[result.sites()];
            for (int k = 0; k < a.length; k++) {
                a[k] = at(j, k).mean();
                e[k] = at(j, k).standardError();
            }
            mean.add(a);
            err.add(e);
        }
        r.put("mean", mean);
        r.put("stderr", err);
        r.put("exact", exact == null ? null : List.of(exact));
        r.put("max_abs_z", exact == null ? null : maxAbsZ());
        m.put("relaxation", r);
        return m;
    }

    String table() {
        StringBuilder sb = new StringBuilder();
        Tables.row(sb, "method", result.method() + " (relaxation from |" + initial + ">)");
        Tables.row(sb, "sites", Integer.toString(result.sites()));
        Tables.row(sb, "trajectories", result.trajectories() + " (stopped on " + result.stopReason().replace('_', ' ') + ")");
        Tables.row(sb, "seed", Long.toString(result.seed()));
        Tables.row(sb, "exact reference", exact == null ? "none (N too large for the quick time evolution)"
                : exactMethod);
        int shown = Math.min(result.sites(), 6);
        sb.append(String.format(Locale.ROOT, "%n%10s", "t"));
        for (int k = 0; k < shown; k++) {
            sb.append(String.format(Locale.ROOT, " %27s", "n_" + (k + 1) + (exact == null ? "" : " (exact, z)")));
        }
        sb.append(System.lineSeparator());
        for (int j = 0; j < times.size(); j++) {
            sb.append(String.format(Locale.ROOT, "%10.4g", times.get(j)));
            for (int k = 0; k < shown; k++) {
                MeanVar m = at(j, k);
                String cell = String.format(Locale.ROOT, "%.4f+-%.4f", m.mean(), m.standardError());
                if (exact != null) {
                    cell += String.format(Locale.ROOT, " (%.4f, %.1f)", exact[j][k], z(j, k));
                }
                sb.append(String.format(Locale.ROOT, " %27s", cell));
            }
            sb.append(System.lineSeparator());
        }
        if (shown < result.sites()) {
            sb.append("(sites ").append(shown + 1).append("..").append(result.sites()).append(": --json)")
                    .append(System.lineSeparator());
        }
        if (exact != null) {
            Tables.row(sb, "max |z|", String.format(Locale.ROOT, "%.2f over %d values", maxAbsZ(),
                    times.size() * result.sites()));
        }
        Tables.row(sb, "elapsed", String.format(Locale.ROOT, "%.3f s on %d threads", result.elapsedSeconds(), result.threads()));
        return sb.toString();
    }
}
