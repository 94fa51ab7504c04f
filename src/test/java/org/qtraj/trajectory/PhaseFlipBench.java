package org.qtraj.trajectory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.qtraj.ensemble.SeedStreams;
import org.qtraj.exact.ExactMethod;
import org.qtraj.model.Chain;
import org.qtraj.model.InitialState;

/**
 * Throughput measurement (not a test): simulated time units per CPU second of the calling thread (thread CPU time,
 * robust on a loaded machine) of one Gaussian trajectory of the uniform chain (T_1 = 1, T_N = 0, dephasing gamma) over
 * the window [0, t_total] from the steady pattern ({@link GaussianLongChainSlowTest#steadyPattern}), for the projective
 * and the phase-flip unravelling of the dephasing, after a short warm-up of both.
 * Usage: PhaseFlipBench gamma t_total N [seed [projective|phase-flip]] (the last: that unravelling only)
 */
public final class PhaseFlipBench {
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double gamma = Double.parseDouble(args[0]);
        double tTotal = Double.parseDouble(args[1]);
        int n = Integer.parseInt(args[2]);
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 1;
        Chain warm = TrajectoryRuns.uniform(30, gamma, 1, 1, 1, 0);
        for (DephasingJumps d : DephasingJumps.values()) {
            GaussianTrajectory.of(warm, 1e-9, TrajectoryOptions.of(0, 300).withDephasingJumps(d))
                    .run(SeedStreams.stream(0, 0));
        }
        Chain chain = TrajectoryRuns.uniform(n, gamma, 1, 1, 1, 0);
        InitialState start = GaussianLongChainSlowTest.steadyPattern(ExactMethod.CORRELATION.solve(chain).populations());
        for (DephasingJumps d : DephasingJumps.values()) {
            if (args.length > 4 && DephasingJumps.of(args[4]) != d) {
                continue;
            }
            GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9,
                    new TrajectoryOptions(0, tTotal, start).withDephasingJumps(d));
            long c0 = mx.getCurrentThreadCpuTime();
            double[] v = q.run(SeedStreams.stream(seed, 0));
            double cpu = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
            System.out.printf("N=%d gamma=%.2f %-10s [0, %.0f] from %d particles: %.2f CPU s, %.4g time units per CPU s (%.4g CPU s per unit),"
                    + " %.0f jumps, J_left %.5f%n", n, gamma, d.key(), tTotal, start.excitations(n), cpu, tTotal / cpu, cpu / tTotal,
                    v[q.names().indexOf("jump_rate")] * tTotal, v[0]);
        }
    }
}
