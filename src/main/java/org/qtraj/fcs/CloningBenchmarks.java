package org.qtraj.fcs;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.model.Chain;
import org.qtraj.simulation.Benchmarks;
import org.qtraj.simulation.Engine;
import org.qtraj.stats.MeanVar;
import org.qtraj.trajectory.Unravelling;

/**
 * Throughput of population dynamics ({@link Cloning}) on the benchmark chain of {@link Benchmarks#chain} (uniform,
 * dephasing 0.5, T = 1, 0), counting field s = 1 at the left bath, default step:
 * <ul>
 *   <li>clone-steps per second: populations of {@value #CLONES} clones over t in [0, {@value #RATE_TIME}] (no burn-in:
 *       throughput only), run back to back for a measured time after a warm-up;</li>
 *   <li>the wall time to theta(1) at 1% relative standard error: populations of {@value #ONE_PERCENT_CLONES} clones over
 *       t_burn = 2 tau, t_total = 22 tau with tau = (N + 1)^2 / (pi^2 V) the slowest diffusive mode of the exclusion
 *       process with reservoirs (gap 2 V (1 - cos(pi/(N + 1)))), run in batches until the standard error of the
 *       mean of their theta_M is at most 1% of |mean| (tested after each population in index order from the 4th), or
 *       a time budget ends. Reported with the population count and the mean, and when the budget ends first, the
 *       projected time n (stderr / (0.01 |mean|))^2 populations at the measured seconds per population; the
 *       finite-population bias is not in it (a single size).</li>
 * </ul>
 * Seeds are fixed; only the wall time varies. Stateless.
 */
public final class CloningBenchmarks {
    /** Clones per population of the throughput measurement. */
    public static final int CLONES = 100;
    /**
     * Clones per population of the 1% measurement: at classical N = 50 and s = 1, populations of 100 clones are
     * biased low by most of theta (measured theta_100 = 0.002 +- 0.001 against 0.0074 +- 0.0007 extrapolated from
     * 100, 400, 1600 clones).
     */
    public static final int ONE_PERCENT_CLONES = 1000;
    /** Length of the throughput populations. */
    static final double RATE_TIME = 20;
    /** Most populations of the 1% measurement. */
    static final int MAX_POPULATIONS = 100;

    private CloningBenchmarks() {
    }

    /**
     * Clone-steps per second (and clone time per second) on {@code threads} threads.
     *
     * @return {clone_steps_per_second, clone_time_per_second, step}
     */
    public static Map<String, Object> rate(Engine engine, int sites, int threads, double warmupSeconds,
                                           double seconds) {
        Chain chain = Benchmarks.chain(sites);
        CloningSettings c = new CloningSettings(new double[] {1}, new int[] {CLONES}, CloningSettings.MAX_POPULATIONS,
                Double.NaN, 0, RATE_TIME, 0);
        Cloning.Plan plan = Cloning.plan(engine, chain, c, 12345, threads, Unravelling.DEFAULT_TOLERANCE);
        plan.slice(new double[0], 0, warmupSeconds, Long.MAX_VALUE, null);
        Cloning.Slice s = plan.slice(new double[0], 0, seconds, Long.MAX_VALUE, null);
        Cloning.Times t = Cloning.times(engine, chain, c);
        double populations = s.values().length;
        double steps = populations * CLONES * (t.burnSteps() + t.steps());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine.key());
        m.put("sites", sites);
        m.put("threads", threads);
        m.put("step", t.step());
        m.put("clone_steps_per_second", steps / s.elapsedSeconds());
        m.put("clone_time_per_second", steps * t.step() / s.elapsedSeconds());
        return m;
    }

    /**
     * Wall time to theta(1) at 1% relative standard error, classical engine (class comment), within
     * {@code budgetSeconds}.
     *
     * @return {sites, threads, clones, t_burn, t_total, populations, theta, stderr, reached, seconds,
     *         projected_seconds (NaN before two populations)}
     */
    public static Map<String, Object> timeToOnePercent(int sites, int threads, double budgetSeconds) {
        Chain chain = Benchmarks.chain(sites);
        double relax = 1 / (2 * chain.hopping(0) * (1 - Math.cos(Math.PI / (sites + 1))));
        CloningSettings c = new CloningSettings(new double[] {1}, new int[] {ONE_PERCENT_CLONES}, MAX_POPULATIONS, Double.NaN,
                2 * relax, 22 * relax, 0);
        Cloning.Plan plan = Cloning.plan(Engine.CLASSICAL, chain, c, 2026, threads, Unravelling.DEFAULT_TOLERANCE);
        Cloning.Slice s = new Cloning.Slice(new double[0], 0);
        int used = 0;
        MeanVar mv = MeanVar.EMPTY;
        boolean reached = false;
        while (!reached && s.elapsedSeconds() < budgetSeconds && s.values().length < plan.units()) {
            s = plan.slice(s.values(), s.elapsedSeconds(), budgetSeconds - s.elapsedSeconds(), threads, null);
            double[] v = s.values();
            // the stop test in index order, so the stopping population does not depend on the thread count
            while (used < v.length && !reached) {
                mv = mv.add(v[used++]);
                reached = used >= 4 && mv.standardError() <= 0.01 * Math.abs(mv.mean());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sites", sites);
        m.put("threads", threads);
        m.put("clones", ONE_PERCENT_CLONES);
        m.put("t_burn", 2 * relax);
        m.put("t_total", 22 * relax);
        m.put("populations", used);
        m.put("theta", mv.mean());
        m.put("stderr", mv.standardError());
        m.put("reached", reached);
        m.put("seconds", s.elapsedSeconds());
        double needed = used < 2 ? Double.NaN
                : Math.max(used, used * Math.pow(mv.standardError() / (0.01 * Math.abs(mv.mean())), 2));
        m.put("projected_seconds", reached ? s.elapsedSeconds() : needed * s.elapsedSeconds() / used);
        return m;
    }
}
