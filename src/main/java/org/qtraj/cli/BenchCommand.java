package org.qtraj.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.fcs.CloningBenchmarks;
import org.qtraj.model.Chain;
import org.qtraj.simulation.Engine;
import org.qtraj.exact.LiouvillianSolver;
import org.qtraj.simulation.Benchmarks;
import org.qtraj.trajectory.Unravelling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qtraj bench}: throughput of the trajectory engines on this machine.
 *
 * <p>Not thread-safe: picocli makes one instance per command line, fills its option fields and calls
 * {@link #call} once, on one thread.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures quantum trajectories per second (uniform chain, dephasing 0.5, T = 1, 0, from the",
            "all-ground state over [0, 50]) on 1 thread and on all cores, the same for the gaussian engine",
            "(dephasing 0 and 0.5, all cores), classical Gillespie events per second, the wall time to reach 1%%",
            "relative error on the N = 4 heat current, and the exact steady state of an XXZ chain by the Liouvillian",
            "(time, GMRES iterations, relative residual, peak memory), with exact --noise and the exact relaxation",
            "curves of the same chains. With --cloning Q,C also population dynamics",
            "(s = 1, 100 clones): clone-steps per second at quantum N = Q and classical N = C, and the wall time to",
            "theta(1) at 1%% for classical N = C."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--sites", split = ",", paramLabel = "N", defaultValue = "4,6,8,10,12,16",
            description = "Chain lengths for the quantum throughput (default ${DEFAULT-VALUE}).")
    List<Integer> sites;

    @Option(names = "--gaussian-sites", split = ",", paramLabel = "N", defaultValue = "10,30,100,300,1000",
            description = "Chain lengths for the gaussian engine's throughput, dephasing 0 and 0.5, all cores "
                    + "(default ${DEFAULT-VALUE}).")
    List<Integer> gaussianSites;

    @Option(names = "--classical-sites", split = ",", paramLabel = "N", defaultValue = "10,100,1000",
            description = "Chain lengths for the classical event rate (default ${DEFAULT-VALUE}).")
    List<Integer> classicalSites;

    @Option(names = "--exact-sites", split = ",", paramLabel = "N", defaultValue = "8,10",
            description = {"Chain lengths (2 to 12) for the exact steady state by the Liouvillian: uniform XXZ chain,",
                "D = 1, dephasing 0.5 (default ${DEFAULT-VALUE}; N = 12 takes minutes and about 4 GiB: run it on",
                "its own, e.g. java -Xmx5500m -jar qtraj.jar bench --exact-only --exact-sites 12)."})
    List<Integer> exactSites;

    @Option(names = "--exact-only", description = "Only the exact-solver entries (no trajectories, no classical events).")
    boolean exactOnly;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "Measured time per entry, after an equal warm-up capped at 3 s (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--cloning", split = ",", paramLabel = "Q,C", description = "Also measure cloning at quantum N = Q"
            + " (2..12) and classical N = C (2..1000); the 1%% entry stops after 60 times --seconds. README: 4,50.")
    List<Integer> cloning;

    @Option(names = "--networks", description = {"Also the networks of issue 14 (all cores): sector-engine",
        "trajectories per second on a 3 x 3 grid and on the 9-site chain (same values, window [0, 50]) and on FMO",
        "(window [0, 5] = 26.5 ps), and the Liouvillian steady state of FMO, the 3 x 3 grid and the 3 x 4 grid",
        "(N = 12: minutes and about 4 GiB)."})
    boolean networks;

    @Option(names = "--gaussian-one-percent", description = {"Also issue 16's accuracy entry (all cores): gaussian",
        "trajectories of the N = 100 benchmark chain, dephasing 0.5 by phase flips, window [1000, 20000], seed 7, until",
        "the heat current's standard error is 1%% of it, beside the correlation solver (10 to 15 minutes on 2 cores)."})
    boolean gaussianOnePercent;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Spec
    CommandSpec spec;

    /**
     * Measures the throughputs of {@link org.qtraj.simulation.Benchmarks} on this machine (one thread and all cores)
     * and prints them.
     *
     * @return {@link ExitCodes#OK}; a non-positive --seconds throws {@link org.qtraj.errors.InvalidInputException}
     */
    @Override
    public Integer call() throws Exception {
        output.check();
        if (!(seconds > 0 && seconds <= 3600)) {
            throw new InvalidInputException("seconds", "must be > 0 and at most 3600, got " + seconds);
        }
        for (int n : exactSites) {
            if (n < 2 || n > LiouvillianSolver.MAX_SITES) {
                throw new InvalidInputException("exact_sites", "each N must be from 2 to " + LiouvillianSolver.MAX_SITES
                        + ", got " + n);
            }
        }
        checkEach("sites", sites, Unravelling.MAX_SITES);
        checkEach("gaussian_sites", gaussianSites, 100_000);
        checkEach("classical_sites", classicalSites, 100_000);
        if (cloning != null && (cloning.size() != 2 || cloning.get(0) < 2 || cloning.get(0) > 12 || cloning.get(1) < 2
                || cloning.get(1) > 1000)) {
            throw new InvalidInputException("cloning", "give Q,C with a quantum N = Q in 2..12 and a classical N = C in"
                    + " 2..1000, got " + cloning);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double warmup = Math.min(seconds, 3);
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "machine: %d cores, Java %s, %s, max heap %.1f GiB%n%n", cores,
                System.getProperty("java.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("cores", cores);
        doc.put("java", System.getProperty("java.version"));
        if (!exactOnly) {
            trajectoryEntries(cores, warmup, table, doc);
        }
        table.append(String.format(Locale.ROOT, "exact steady state, liouvillian, uniform XXZ chain D = 1, dephasing 0.5,"
                + " %d threads (first solve of each N in this process, then the same solve again):%n"
                + "%-4s %10s %9s %9s %9s %9s %10s %11s %10s%n", cores, "N", "unknowns", "seconds", "cpu s", "again s",
                "again cpu", "iterations", "rel. resid.", "peak MiB"));
        List<Map<String, Object>> exact = new ArrayList<>();
        for (int n : exactSites) {
            Map<String, Object> e = Benchmarks.liouvillianSteadyState(n, cores);
            exact.add(e);
            table.append(String.format(Locale.ROOT, "%-4d %10d %9.2f %9.2f %9.2f %9.2f %10.0f %11.2e %10.0f%n", n,
                    e.get("unknowns"), e.get("seconds"), e.get("cpu_seconds"), e.get("seconds_again"),
                    e.get("cpu_seconds_again"), e.get("gmres_iterations"), e.get("relative_residual"),
                    e.get("peak_rss_mib")));
        }
        doc.put("exact_liouvillian", exact);
        table.append(String.format(Locale.ROOT, "%nsame chains: exact --noise (steady state and kappa_1..3) and the exact"
                + " relaxation from site 1 excited, t = 0, 1, ..., 100:%n%-4s %13s %13s %13s %13s%n", "N", "noise s",
                "noise cpu s", "relax. s", "relax. cpu s"));
        List<Map<String, Object>> noise = new ArrayList<>();
        List<Map<String, Object>> relaxation = new ArrayList<>();
        for (int n : exactSites) {
            Map<String, Object> f = Benchmarks.liouvillianNoise(n, cores);
            Map<String, Object> r = Benchmarks.liouvillianRelaxation(n, cores);
            noise.add(f);
            relaxation.add(r);
            table.append(String.format(Locale.ROOT, "%-4d %13.2f %13.2f %13.2f %13.2f%n", n, f.get("seconds"),
                    f.get("cpu_seconds"), r.get("seconds"), r.get("cpu_seconds")));
        }
        doc.put("exact_noise", noise);
        doc.put("exact_relaxation", relaxation);
        if (cloning != null) {
            cloningEntries(cores, warmup, table, doc);
        }
        if (networks) {
            networkEntries(cores, warmup, table, doc);
        }
        if (gaussianOnePercent) {
            Map<String, Object> g = Benchmarks.gaussianToTarget(100, 0.5, 1000, 20000, 0.01, cores, 7);
            table.append(String.format(Locale.ROOT, "%ngaussian N = 100, dephasing 0.5 (phase flips), window [1000, 20000],"
                    + " heat current to 1%%: %.1f s wall, %.1f CPU s, %s trajectories, %.6g +- %.3g (correlation solver"
                    + " %.6g, z %.2f)%n", g.get("seconds"), g.get("cpu_seconds"), g.get("trajectories"),
                    g.get("heat_current"), g.get("stderr"), g.get("exact"), g.get("z")));
            doc.put("gaussian_one_percent", g);
        }
        output.emit(spec.commandLine().getOut(), doc, table.toString());
        return ExitCodes.OK;
    }

    /** Each chain length of a list option must be from 2 to max: checked before any entry runs, naming that option. */
    private static void checkEach(String field, List<Integer> lengths, int max) {
        for (int n : lengths) {
            if (n < 2 || n > max) {
                throw new InvalidInputException(field, "each must be an integer from 2 to " + max + ", got " + n);
            }
        }
    }

    private void trajectoryEntries(int cores, double warmup, StringBuilder table, Map<String, Object> doc) {
        table.append(String.format(Locale.ROOT, "%-6s %18s %18s%n", "N", "traj/s (1 thread)", "traj/s (" + cores + " threads)"));
        List<Map<String, Object>> quantum = new ArrayList<>();
        for (int n : sites) {
            double one = Benchmarks.quantumThroughput(n, 1, warmup, seconds);
            double all = Benchmarks.quantumThroughput(n, cores, warmup, seconds);
            quantum.add(row("sites", n, "trajectories_per_second_1_thread", one, "trajectories_per_second_all_cores", all));
            table.append(String.format(Locale.ROOT, "%-6d %18.1f %18.1f%n", n, one, all));
        }
        table.append(String.format(Locale.ROOT, "%n%-6s %22s %22s%n", "N", "gaussian traj/s (g=0)",
                "gaussian traj/s (0.5)"));
        List<Map<String, Object>> gaussian = new ArrayList<>();
        for (int n : gaussianSites) {
            double free = Benchmarks.gaussianThroughput(n, 0, cores, warmup, seconds);
            double dephased = Benchmarks.gaussianThroughput(n, 0.5, cores, warmup, seconds);
            gaussian.add(row("sites", n, "trajectories_per_second_dephasing_0", free,
                    "trajectories_per_second_dephasing_0_5", dephased));
            table.append(String.format(Locale.ROOT, "%-6d %22.2f %22.2f%n", n, free, dephased));
        }
        table.append(String.format(Locale.ROOT, "%n%-6s %18s %18s%n", "N", "events/s (1 thread)", "events/s (" + cores + " threads)"));
        List<Map<String, Object>> classical = new ArrayList<>();
        for (int n : classicalSites) {
            double one = Benchmarks.classicalEventRate(n, 1, warmup, seconds);
            double all = Benchmarks.classicalEventRate(n, cores, warmup, seconds);
            classical.add(row("sites", n, "events_per_second_1_thread", one, "events_per_second_all_cores", all));
            table.append(String.format(Locale.ROOT, "%-6d %18.3g %18.3g%n", n, one, all));
        }
        Map<String, Object> onePercent = Benchmarks.timeToOnePercent(cores);
        table.append(String.format(Locale.ROOT, "%nN = 4 heat current to 1%% relative error: %.3f s, %s trajectories (%d threads)%n%n",
                (Double) onePercent.get("seconds"), onePercent.get("trajectories"), cores));
        doc.put("quantum", quantum);
        doc.put("gaussian", gaussian);
        doc.put("classical", classical);
        doc.put("one_percent_n4", onePercent);
    }

    private void networkEntries(int cores, double warmup, StringBuilder table, Map<String, Object> doc) {
        table.append(String.format(Locale.ROOT, "%nnetworks (traj/s on %d threads; CPU ms per trajectory on one thread, and"
                + " its ratio to the chain of the same N against the allowance E/(N - 1)):%n%-10s %4s %5s %7s %10s %8s %8s"
                + " %9s%n", cores, "model", "N", "bonds", "window", "traj/s", "cpu ms", "ratio", "allowed"));
        List<Map<String, Object>> rows = new ArrayList<>();
        // each network after the chain of its N, so that the ratio has its reference
        // (FMO, in cm^-1, has no chain in its own units: no ratio)
        String[] shapes = {"chain:9", "grid:3x3", "chain:10", "ladder:2x5", "fmo"};
        double[] windows = {50, 50, 50, 50, 5};
        double chainMillis = Double.NaN;
        // every model warmed before any is measured: measured right after the exact part, the first row ran before
        // the compiler had finished with the step loop and read 1.4 times too slow (grid/chain 1.30 instead of 1.7)
        for (int i = 0; i < shapes.length; i++) {
            Benchmarks.quantumCpuMillisPerTrajectory(Benchmarks.network(shapes[i]), windows[i], warmup, warmup);
        }
        for (int i = 0; i < shapes.length; i++) {
            Chain chain = Benchmarks.network(shapes[i]);
            double rate = Benchmarks.quantumThroughput(chain, windows[i], cores, warmup, seconds);
            double millis = Benchmarks.quantumCpuMillisPerTrajectory(chain, windows[i], warmup, seconds);
            boolean isChain = shapes[i].startsWith("chain:");
            boolean compared = !isChain && !shapes[i].equals("fmo");
            chainMillis = isChain ? millis : chainMillis;
            double ratio = isChain ? 1 : millis / chainMillis;
            double allowed = chain.bonds() / (chain.sites() - 1.0);
            Map<String, Object> r = row("model", shapes[i], "sites", chain.sites(), "bonds", chain.bonds(), "t_total",
                    windows[i], "trajectories_per_second_all_cores", rate, "cpu_ms_per_trajectory_1_thread", millis);
            if (compared) {
                r.put("cost_ratio_to_chain", ratio);
                r.put("allowed_ratio", allowed);
            }
            rows.add(r);
            table.append(String.format(Locale.ROOT, "%-10s %4d %5d %7.0f %10.1f %8.3f %8s %9s%n", shapes[i],
                    chain.sites(), chain.bonds(), windows[i], rate, millis,
                    compared || isChain ? String.format(Locale.ROOT, "%.2f", ratio) : "-",
                    compared ? String.format(Locale.ROOT, "%.2f", allowed) : "-"));
        }
        table.append(String.format(Locale.ROOT, "%n%-10s %4s %10s %9s %9s %10s %11s%n", "liouvillian", "N", "unknowns",
                "seconds", "again s", "iterations", "rel. resid."));
        List<Map<String, Object>> exact = new ArrayList<>();
        for (String shape : new String[] {"fmo", "grid:3x3", "grid:3x4"}) {
            Map<String, Object> e = new LinkedHashMap<>(Benchmarks.liouvillianSteadyState(Benchmarks.network(shape), cores));
            e.put("model", shape);
            exact.add(e);
            table.append(String.format(Locale.ROOT, "%-10s %4d %10d %9.2f %9.2f %10.0f %11.2e%n", shape, e.get("sites"),
                    e.get("unknowns"), e.get("seconds"), e.get("seconds_again"), e.get("gmres_iterations"),
                    e.get("relative_residual")));
        }
        doc.put("network_trajectories", rows);
        doc.put("network_liouvillian", exact);
    }

    private void cloningEntries(int cores, double warmup, StringBuilder table, Map<String, Object> doc) {
        List<Map<String, Object>> cloningRows = new ArrayList<>();
        table.append(String.format(Locale.ROOT, "%n%-10s %-6s %22s %22s%n", "cloning", "N", "clone-steps/s (1 thread)",
                "clone-steps/s (" + cores + " threads)"));
        for (int k = 0; k < 2; k++) {
            Engine e = k == 0 ? Engine.QUANTUM : Engine.CLASSICAL;
            int n = cloning.get(k);
            Map<String, Object> one = CloningBenchmarks.rate(e, n, 1, warmup, seconds);
            Map<String, Object> all = CloningBenchmarks.rate(e, n, cores, warmup, seconds);
            cloningRows.add(row("engine", e.key(), "sites", n, "step", one.get("step"),
                    "clone_steps_per_second_1_thread", one.get("clone_steps_per_second"),
                    "clone_steps_per_second_all_cores", all.get("clone_steps_per_second")));
            table.append(String.format(Locale.ROOT, "%-10s %-6d %22.4g %22.4g%n", k == 0 ? "quantum" : "classical", n,
                    (Double) one.get("clone_steps_per_second"), (Double) all.get("clone_steps_per_second")));
        }
        Map<String, Object> cloningOnePercent = CloningBenchmarks.timeToOnePercent(cloning.get(1), cores, 60 * seconds);
        boolean reached = (Boolean) cloningOnePercent.get("reached");
        double projected = (Double) cloningOnePercent.get("projected_seconds");
        table.append(String.format(Locale.ROOT, "classical N = %d theta(1) to 1%% relative error: %s %.3f s, %s"
                + " populations of %d clones (theta = %.6g +- %.2g, %d threads)%s%n", cloning.get(1),
                reached ? "reached in" : "not reached in", (Double) cloningOnePercent.get("seconds"),
                cloningOnePercent.get("populations"), CloningBenchmarks.ONE_PERCENT_CLONES,
                (Double) cloningOnePercent.get("theta"), (Double) cloningOnePercent.get("stderr"), cores,
                reached || !Double.isFinite(projected) ? ""
                        : String.format(Locale.ROOT, "; projected %.4g s", projected)));
        doc.put("cloning", cloningRows);
        doc.put("cloning_one_percent", cloningOnePercent);
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
