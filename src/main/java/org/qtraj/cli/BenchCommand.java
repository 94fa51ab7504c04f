package org.qtraj.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.LiouvillianSolver;
import org.qtraj.simulation.Benchmarks;
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
            "all-ground state over [0, 50]) on 1 thread and on all cores, classical Gillespie events per second,",
            "the wall time to reach 1%% relative error on the N = 4 heat current, and the exact steady state of an",
            "XXZ chain by the Liouvillian (time, GMRES iterations, relative residual, peak memory)."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--sites", split = ",", paramLabel = "N", defaultValue = "4,6,8,10,12,16",
            description = "Chain lengths for the quantum throughput (default ${DEFAULT-VALUE}).")
    List<Integer> sites;

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
                + " %d threads:%n%-4s %10s %9s %9s %10s %11s %10s%n", cores, "N", "unknowns", "seconds", "cpu s",
                "iterations", "rel. resid.", "peak MiB"));
        List<Map<String, Object>> exact = new ArrayList<>();
        for (int n : exactSites) {
            Map<String, Object> e = Benchmarks.liouvillianSteadyState(n, cores);
            exact.add(e);
            table.append(String.format(Locale.ROOT, "%-4d %10d %9.2f %9.2f %10.0f %11.2e %10.0f%n", n, e.get("unknowns"),
                    e.get("seconds"), e.get("cpu_seconds"), e.get("gmres_iterations"), e.get("relative_residual"),
                    e.get("peak_rss_mib")));
        }
        doc.put("exact_liouvillian", exact);
        output.emit(spec.commandLine().getOut(), doc, table.toString());
        return ExitCodes.OK;
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
        doc.put("classical", classical);
        doc.put("one_percent_n4", onePercent);
    }

    private static Map<String, Object> row(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
