package org.qtraj.simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.stats.Estimate;
import org.qtraj.stats.Estimates;
import org.qtraj.stats.MeanVar;

/**
 * The outcome of an ensemble of trajectories: every estimator as mean, standard error over trajectories and sample
 * count, with what is needed to repeat the run (seed, times, trajectory count). Immutable.
 *
 * @param method         "trajectories" (quantum) or "classical": {@link Engine#key()}
 * @param sites          N
 * @param estimates      per-estimator accumulators, merged in trajectory order
 * @param seed           master seed
 * @param tTotal         trajectory length
 * @param tBurn          burn-in
 * @param stopReason     why the ensemble stopped (trajectories, target_error, time_limit)
 * @param threads        worker threads used (no influence on the numbers)
 * @param elapsedSeconds wall time
 */
public record SimulationResult(String method, int sites, Estimates estimates, long seed, double tTotal, double tBurn,
                               String stopReason, int threads, double elapsedSeconds) {

    /** Number of trajectories behind every estimate. */
    public long trajectories() {
        return estimates.count();
    }

    /** The mean of one estimator with its standard error and trajectory count. */
    public Estimate estimate(Estimator estimator) {
        return Estimate.of(get(estimator.key()));
    }

    /**
     * The accumulator of the estimator named {@code estimator}.
     *
     * @throws IllegalArgumentException for a name this engine does not estimate
     */
    public MeanVar get(String estimator) {
        return estimates.get(estimator);
    }

    /**
     * Why this run fell short of the target error of the {@code settings} it ran with (its time limit ran out, or
     * the target was out of reach), in one sentence; null if it reached the target or had none.
     */
    public String shortfall(SimulationSettings settings) {
        if (!settings.stop().hasTargetError() || stopReason.equals("target_error")
                || stopReason.equals("trajectories")) {
            return null;
        }
        Estimate e = estimate(settings.monitor());
        String cause = stopReason.equals("time_limit") ? "the time budget of " + settings.stop().timeLimitSeconds()
                + " s ran out" : "the target error is out of reach (it would need more than "
                + org.qtraj.ensemble.StopRule.MAX_PROJECTED_TRAJECTORIES + " trajectories)";
        return String.format(java.util.Locale.ROOT, "%s: %s after %d trajectories, %s = %.6g +- %.2g",
                method, cause, trajectories(), settings.monitor(), e.value(), e.error());
    }

    /**
     * The JSON document of DESIGN.md: method, sites, one {mean, stderr, samples} object per estimator, trajectories,
     * seed, t_total, t_burn, stop_reason, threads, elapsed_seconds.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", method);
        m.put("sites", sites);
        m.putAll(estimates.toMap());
        m.put("trajectories", trajectories());
        m.put("seed", seed);
        m.put("t_total", tTotal);
        m.put("t_burn", tBurn);
        m.put("stop_reason", stopReason);
        m.put("threads", threads);
        m.put("elapsed_seconds", elapsedSeconds);
        return m;
    }
}
