package org.qtraj.classical;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Events per second of {@link ClassicalTrajectory} on one thread (run by hand, prints, asserts nothing):
 * <pre>
 *   mvn -o -q -B test-compile
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) org.qtraj.classical.ClassicalBenchmark [seconds]
 * </pre>
 * (cp.txt from {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=cp.txt}). For N = 10, 100, 1000
 * with uniform V (active-bond set) and per-bond V (sum tree), T_left = 1, T_right = 0, G = omega = V = 1,
 * each configuration warmed up first, then timed on trajectories of 10^7 events or so,
 * in thread CPU time (the cost per core, whatever else runs on the machine).
 */
public final class ClassicalBenchmark {
    private ClassicalBenchmark() {
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        for (int n : new int[] {10, 100, 1000}) {
            for (boolean perBond : new boolean[] {false, true}) {
                ExclusionProcess p = ExclusionProcess.of(chain(n, perBond));
                double rate = measure(p, seconds / 3, 1); // warm-up
                rate = measure(p, seconds, 2);
                System.out.printf("N = %4d  %-8s  %.3g events/s per core%n", n, perBond ? "per-bond" : "uniform", rate);
            }
        }
    }

    static Chain chain(int n, boolean perBond) {
        double[] v = new double[n - 1];
        Arrays.fill(v, 1.0);
        if (perBond) {
            // Rates that differ bond to bond but keep the same scale (mean ~1).
            for (int b = 0; b < n - 1; b++) {
                v[b] = 0.5 + (b % 7) / 6.0;
            }
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return Chain.of(ones, Arrays.copyOf(ones, n - 1), new double[n - 1], new double[n], v,
                new Bath(0, 1, 1), new Bath(n - 1, 1, 0));
    }

    /** Events per second over trajectories run until {@code seconds} have passed. */
    static double measure(ExclusionProcess p, double seconds, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        // Rough event rate per unit time, to size trajectories at ~10^7 events.
        double tChunk = 1e7 / (0.3 * p.sites());
        long events = 0;
        // Thread CPU time, not wall time: the machine is shared, and this measures the cost per core.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - start < seconds * 1e9) {
            ClassicalSample s = ClassicalTrajectory.run(p, tChunk, 0, rng);
            events += s.events();
            sink += s.netLeft();
        }
        double elapsed = (threads.getCurrentThreadCpuTime() - start) * 1e-9;
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return events / elapsed;
    }
}
