package org.qtraj.trajectory;

import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.StopRule;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimates;

/**
 * Throughput measurement (not a test), as {@link TrajectoryBench} for the Gaussian engine: trajectories per second
 * for the uniform chain, T_1 = 1, T_N = 0, each trajectory from the all-ground state over [0, t_total].
 * Usage: GaussianBench seconds-per-point threads dephasing t_total N...
 */
public final class GaussianBench {
    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        int threads = Integer.parseInt(args[1]);
        double dephasing = Double.parseDouble(args[2]);
        double tTotal = Double.parseDouble(args[3]);
        for (int a = 4; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            Chain chain = TrajectoryRuns.uniform(n, dephasing, 1, 1, 1, 0);
            GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.of(0, tTotal));
            run(q, threads, Math.min(seconds / 3, 2), 1);
            EnsembleRun<Estimates> r = run(q, threads, seconds, 2);
            System.out.printf("gaussian N=%3d gamma=%.2f t=[0,%.0f] threads=%d  %9.2f traj/s  (%d in %.2f s)  "
                    + "J=%.5f+-%.5f  jumps/traj=%.1f%n", n, dephasing, tTotal, threads,
                    r.trajectories() / r.elapsedSeconds(), r.trajectories(), r.elapsedSeconds(),
                    r.result().get("heat_current").mean(), r.result().get("heat_current").standardError(),
                    r.result().get("jump_rate").mean() * tTotal);
        }
    }

    static EnsembleRun<Estimates> run(GaussianTrajectory q, int threads, double seconds, long seed) {
        return EnsembleDriver.run((i, rng) -> q.run(rng), Estimates.empty(q.names()), Estimates::add,
                e -> e.get("heat_current"),
                new EnsembleOptions(seed, threads, 0, StopRule.trajectories(Long.MAX_VALUE - 1).withTimeLimit(seconds)),
                ProgressListener.NONE);
    }
}
