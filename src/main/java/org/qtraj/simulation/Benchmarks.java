package org.qtraj.simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.classical.ClassicalTrajectory;
import org.qtraj.classical.ExclusionProcess;
import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.counting.Cumulants;
import org.qtraj.exact.counting.QuantumCountingGenerator;
import org.qtraj.exact.relaxation.Relaxation;
import org.qtraj.exact.sector.SectorBasis;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.StopRule;
import org.qtraj.ensemble.TrajectoryTask;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;
import org.qtraj.model.PerElement;
import org.qtraj.stats.Estimate;
import org.qtraj.trajectory.DephasingJumps;
import org.qtraj.trajectory.GaussianTrajectory;
import org.qtraj.trajectory.QuantumTrajectory;
import org.qtraj.trajectory.TrajectoryOptions;
import org.qtraj.trajectory.Unravelling;

/**
 * Throughput measurements (issue 4 and 5), run on the same driver as real work:
 * <ul>
 *   <li>quantum trajectories per second: uniform chain, dephasing 0.5, T_1 = 1, T_N = 0, each trajectory from the
 *       all-ground state over t in [0, 50] (the work QuTiP's mcsolve was timed on);</li>
 *   <li>the same for the gaussian engine (Slater determinants), dephasing 0 and 0.5, up to N = 1000;</li>
 *   <li>classical Gillespie events per second for the default model (uniform V = 1);</li>
 *   <li>wall time to reach 1% relative standard error on the N = 4 heat current with default windows;</li>
 *   <li>the exact steady state of an XXZ chain by the sector Liouvillian (issue 17): time, iterations, residual,
 *       peak memory.</li>
 * </ul>
 * Each measurement first runs for a warm-up time (JIT compilation) and then for the measured time. Seeds are
 * fixed; only the wall time varies between runs.
 *
 * <p>Stateless (static methods only); calls may run concurrently, but they then compete for the same cores and
 * measure less. Each measurement keeps {@code threads} worker threads busy for warm-up plus measured time.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    /** The benchmark chain: the default model with N sites and dephasing 0.5. */
    public static Chain chain(int sites) {
        return chain(sites, 0.5);
    }

    /** The default model with N sites and the given dephasing on every site (the gaussian rows use 0 and 0.5). */
    public static Chain chain(int sites, double dephasing) {
        return ModelSpec.empty().withSites(sites).overlay(new ModelSpec(null, null, null, null,
                PerElement.of(dephasing), null, null, null, null)).build();
    }

    /** Trajectories per second over [0, 50] for N sites on {@code threads} threads. */
    public static double quantumThroughput(int sites, int threads, double warmupSeconds, double seconds) {
        QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain(sites), Unravelling.DEFAULT_TOLERANCE),
                TrajectoryOptions.of(0, 50));
        TrajectoryTask<double[]> task = (i, rng) -> q.run(rng);
        return rate(task, threads, warmupSeconds, seconds, r -> 1L);
    }

    /**
     * Gaussian-engine trajectories per second over [0, 50] for N sites with dephasing {@code dephasing} (otherwise
     * the benchmark chain) on {@code threads} threads.
     */
    public static double gaussianThroughput(int sites, double dephasing, int threads, double warmupSeconds,
                                            double seconds) {
        GaussianTrajectory q = GaussianTrajectory.of(chain(sites, dephasing), Unravelling.DEFAULT_TOLERANCE,
                TrajectoryOptions.of(0, 50));
        TrajectoryTask<double[]> task = (i, rng) -> q.run(rng);
        return rate(task, threads, warmupSeconds, seconds, r -> 1L);
    }

    /**
     * Issue 16's accuracy row: gaussian trajectories of {@link #chain(int, double)} with phase-flip dephasing (the
     * unravelling that is fastest there) over [tBurn, tTotal], run until the standard error of the heat current is at
     * most {@code fraction} of its value: sites, dephasing, t_burn, t_total, threads, trajectories, heat_current,
     * stderr, exact (the correlation solver), z, seconds (wall, the run alone) and cpu_seconds (this process).
     */
    public static Map<String, Object> gaussianToTarget(int sites, double dephasing, double tBurn, double tTotal,
                                                       double fraction, int threads, long seed) {
        Chain chain = chain(sites, dephasing);
        SimulationSettings s = SimulationSettings.builder().threads(threads).seed(seed)
                .quantumEngine(QuantumEngine.GAUSSIAN).dephasingJumps(DephasingJumps.PHASE_FLIP).window(tBurn, tTotal)
                .relativeTargetError(fraction).build();
        SimulationResult[] r = new SimulationResult[1];
        Map<String, Object> clock = clock(() -> r[0] = Simulations.quantum(chain, s, ProgressListener.NONE));
        double exact = ExactMethod.CORRELATION.solve(chain).heatCurrentLeft();
        Estimate heat = r[0].estimate(Estimator.HEAT_CURRENT);
        double value = heat.value();
        double error = heat.error();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sites", sites);
        m.put("dephasing", dephasing);
        m.put("t_burn", tBurn);
        m.put("t_total", tTotal);
        m.put("threads", threads);
        m.put("trajectories", r[0].trajectories());
        m.put("heat_current", value);
        m.put("stderr", error);
        m.put("exact", exact);
        m.put("z", (value - exact) / error);
        m.putAll(clock);
        return m;
    }

    /**
     * A network of the benchmark (README, issue 14): {@code fmo} is the FMO complex in cm^-1 with dephasing 100, a pump
     * on site 1 (G = 5, T = 4031, the sun's 5800 K) and a trap on site 3 (G = 5, T = 0); any other shape (grid:3x3,
     * grid:3x4, ...) has the benchmark chain's values (omega = g = G = 1, dephasing 0.5, T = 1 on site 1 and 0 on site
     * N), and {@code chain:N} is that chain itself.
     */
    public static Chain network(String shape) {
        if (shape.equals("fmo")) {
            return Chain.builder().network(org.qtraj.model.NetworkSpec.parse("fmo")).dephasing(100)
                    .bath("pump", 1, 5, 4031).bath("trap", 3, 5, 0).build();
        }
        if (shape.startsWith("chain:")) {
            return chain(Integer.parseInt(shape.substring(6)));
        }
        return Chain.builder().network(org.qtraj.model.NetworkSpec.parse(shape)).dephasing(0.5).build();
    }

    /** Sector-engine trajectories per second of any model over [0, tTotal] on {@code threads} threads. */
    public static double quantumThroughput(Chain chain, double tTotal, int threads, double warmupSeconds,
                                           double seconds) {
        QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain, Unravelling.DEFAULT_TOLERANCE),
                TrajectoryOptions.of(0, tTotal));
        TrajectoryTask<double[]> task = (i, rng) -> q.run(rng);
        return rate(task, threads, warmupSeconds, seconds, r -> 1L);
    }

    /**
     * Thread CPU milliseconds per sector-engine trajectory of any model over [0, tTotal], on the calling thread: one
     * trajectory after another for {@code seconds} of CPU time after a warm-up of {@code warmupSeconds}. CPU time, not
     * wall time, so that a loaded machine changes the figure little: the cost of one model against another.
     */
    public static double quantumCpuMillisPerTrajectory(Chain chain, double tTotal, double warmupSeconds, double seconds) {
        QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain, Unravelling.DEFAULT_TOLERANCE),
                TrajectoryOptions.of(0, tTotal));
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        org.apache.commons.rng.UniformRandomProvider rng =
                org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(12345L);
        long start = mx.getCurrentThreadCpuTime();
        while (mx.getCurrentThreadCpuTime() - start < warmupSeconds * 1e9) {
            q.run(rng);
        }
        start = mx.getCurrentThreadCpuTime();
        long count = 0;
        long used;
        do {
            q.run(rng);
            count++;
            used = mx.getCurrentThreadCpuTime() - start;
        } while (used < seconds * 1e9);
        return used / 1e6 / count;
    }

    /** Gillespie events per second for N sites (default model, V = 1) on {@code threads} threads. */
    public static double classicalEventRate(int sites, int threads, double warmupSeconds, double seconds) {
        ExclusionProcess p = ExclusionProcess.of(chain(sites));
        double t = 2000;
        TrajectoryTask<Long> task = (i, rng) -> ClassicalTrajectory.run(p, t, 0, rng).events();
        return rate(task, threads, warmupSeconds, seconds, r -> r);
    }

    private static <R> double rate(TrajectoryTask<R> task, int threads, double warmup, double seconds,
                                   java.util.function.ToLongFunction<R> work) {
        timed(task, threads, warmup, work);
        EnsembleRun<Long> run = timed(task, threads, seconds, work);
        return run.result() / run.elapsedSeconds();
    }

    private static <R> EnsembleRun<Long> timed(TrajectoryTask<R> task, int threads, double seconds,
                                               java.util.function.ToLongFunction<R> work) {
        StopRule stop = new StopRule(Long.MAX_VALUE, Double.NaN, false, seconds, StopRule.DEFAULT_MIN_TRAJECTORIES);
        return EnsembleDriver.run(task, 0L, (acc, r) -> acc + work.applyAsLong(r), null,
                new EnsembleOptions(12345, threads, 0, stop), ProgressListener.NONE);
    }

    /**
     * The chain of the exact-solver benchmark (issue 17): uniform XXZ chain, D = 1, dephasing 0.5, the default
     * baths (G = 1, T = 1 on site 1, T = 0 on site N).
     */
    public static Chain liouvillianChain(int sites) {
        return ModelSpec.empty().withSites(sites).overlay(new ModelSpec(null, null, null, PerElement.of(1),
                PerElement.of(0.5), null, null, null, null)).build();
    }

    /**
     * One exact steady state of {@link #liouvillianChain} by the sector Liouvillian solver on {@code threads}
     * threads, timed from the model to the result (generator, preconditioner set-up, GMRES, currents): sites,
     * unknowns C(2N, N), seconds (wall), cpu_seconds (this process, all threads), gmres_iterations,
     * relative_residual |L rho| / (|L| |rho|), heat_current_left, and peak_rss_mib, the process's peak resident
     * memory so far (Linux VmHWM; NaN elsewhere), which covers every earlier entry of the same process too. Then the
     * same solve once more, seconds_again and cpu_seconds_again: the first solve of a size in a process pays for the
     * JIT compilation of its loops and the first touch of its memory (at N = 10 on 2 cores, about 1 s of a fresh
     * process's 2.3 s, about 0.4 s after an N = 8 solve), the second is what each point of a sweep or a disorder
     * ensemble costs after the first.
     */
    public static Map<String, Object> liouvillianSteadyState(int sites, int threads) {
        return liouvillianSteadyState(liouvillianChain(sites), threads);
    }

    /** As {@link #liouvillianSteadyState(int, int)} for any model the Liouvillian solver takes (e.g. a network). */
    public static Map<String, Object> liouvillianSteadyState(Chain chain, int threads) {
        ExactResult[] r = new ExactResult[1];
        Map<String, Object> m = timed(chain.sites(), threads, () -> r[0] = ExactMethod.LIOUVILLIAN.solve(chain, threads));
        Map<String, Object> again = clock(() -> ExactMethod.LIOUVILLIAN.solve(chain, threads));
        m.put("seconds_again", again.get("seconds"));
        m.put("cpu_seconds_again", again.get("cpu_seconds"));
        m.put("gmres_iterations", r[0].extras().get("gmres_iterations"));
        m.put("relative_residual", r[0].extras().get("relative_residual"));
        m.put("heat_current_left", r[0].heatCurrentLeft());
        m.put("peak_rss_mib", peakRssMib());
        return m;
    }

    /**
     * `exact --noise` on {@link #liouvillianChain}: the steady state and kappa_1..3 of the left bath's count from one
     * counting generator (its steady-state solve plus two pinned solves), timed like
     * {@link #liouvillianSteadyState(int, int)}: sites, threads, unknowns, seconds, cpu_seconds, kappa_2.
     */
    public static Map<String, Object> liouvillianNoise(int sites, int threads) {
        Chain chain = liouvillianChain(sites);
        double[][] k = new double[1][];
        Map<String, Object> m = timed(sites, threads, () -> {
            QuantumCountingGenerator g = QuantumCountingGenerator.of(chain, 0, threads);
            g.steadyStateResult();
            k[0] = Cumulants.of(g, 3);
        });
        m.put("kappa_2", k[0][1]);
        return m;
    }

    /**
     * The exact relaxation on {@link #liouvillianChain} from site 1 excited, n_k(t) at t = 0, 1, ..., 100
     * ({@link Relaxation#populations}, default tolerance), timed like {@link #liouvillianSteadyState(int, int)}:
     * sites, threads, unknowns, seconds, cpu_seconds, population_1_at_100.
     */
    public static Map<String, Object> liouvillianRelaxation(int sites, int threads) {
        Chain chain = liouvillianChain(sites);
        double[] times = new double[101];
        for (int j = 0; j < times.length; j++) {
            times[j] = j;
        }
        double[][][] p = new double[1][][];
        Map<String, Object> m = timed(sites, threads,
                () -> p[0] = Relaxation.populations(chain, 1, times, Relaxation.DEFAULT_TOLERANCE, threads));
        m.put("population_1_at_100", p[0][100][0]);
        return m;
    }

    /** Runs work once: sites, threads, unknowns C(2N, N), then {@link #clock}'s seconds and cpu_seconds. */
    private static Map<String, Object> timed(int sites, int threads, Runnable work) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sites", sites);
        m.put("threads", threads);
        m.put("unknowns", SectorBasis.blockDiagonalSize(sites));
        m.putAll(clock(work));
        return m;
    }

    /** Runs work once: seconds (wall) and cpu_seconds (this process, all threads; NaN where the JVM cannot say). */
    private static Map<String, Object> clock(Runnable work) {
        java.lang.management.OperatingSystemMXBean bean = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        long t0 = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - t0) * 1e-9;
        long cpu1 = bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", seconds);
        m.put("cpu_seconds", cpu0 >= 0 && cpu1 >= 0 ? (cpu1 - cpu0) * 1e-9 : Double.NaN);
        return m;
    }

    /** VmHWM of /proc/self/status in MiB, or NaN where there is none. */
    private static double peakRssMib() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // Not Linux, or no procfs: the entry says NaN rather than failing the benchmark.
        }
        return Double.NaN;
    }

    /** Wall time and trajectory count to reach 1% relative error on the heat current at N = 4 (default windows). */
    public static Map<String, Object> timeToOnePercent(int threads) {
        StopRule stop = StopRule.targetError(0.01, true);
        SimulationSettings s = SimulationSettings.builder().threads(threads).stop(stop).build();
        Simulations.quantum(chain(4), s, ProgressListener.NONE); // warm-up
        SimulationResult r = Simulations.quantum(chain(4), s, ProgressListener.NONE);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sites", 4);
        m.put("threads", threads);
        m.put("trajectories", r.trajectories());
        m.put("heat_current", r.estimate(Estimator.HEAT_CURRENT).value());
        m.put("stderr", r.estimate(Estimator.HEAT_CURRENT).error());
        m.put("seconds", r.elapsedSeconds());
        return m;
    }
}
