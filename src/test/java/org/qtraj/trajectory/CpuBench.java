package org.qtraj.trajectory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.qtraj.ensemble.SeedStreams;

/** Trajectories per CPU second of the calling thread (robust on a loaded machine). Usage: CpuBench cpuSeconds tol N... */
public final class CpuBench {
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double seconds = Double.parseDouble(args[0]);
        double tol = Double.parseDouble(args[1]);
        for (int a = 2; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(TrajectoryRuns.uniform(n, 0.5, 1, 1, 1, 0), tol),
                    TrajectoryOptions.of(0, 50));
            for (int pass = 0; pass < 2; pass++) {
                long c0 = mx.getCurrentThreadCpuTime();
                long w0 = System.nanoTime();
                long count = 0;
                double sum = 0;
                while (mx.getCurrentThreadCpuTime() - c0 < (pass == 0 ? 0.3 : 1.0) * seconds * 1e9) {
                    sum += q.run(SeedStreams.stream(1, count++))[0];
                }
                double cpu = (mx.getCurrentThreadCpuTime() - c0) * 1e-9;
                if (pass == 1) {
                    System.out.printf("N=%2d  %8.1f traj per CPU s  (%d in %.2f CPU s, %.2f wall s) J=%.4f%n", n,
                            count / cpu, count, cpu, (System.nanoTime() - w0) * 1e-9, sum / count);
                }
            }
        }
    }
}
