package org.qtraj.trajectory;

import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.StopRule;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimates;

/**
 * Throughput measurement (not a test): trajectories per second for the uniform chain, dephasing 0.5, T_1 = 1,
 * T_N = 0, each trajectory from the all-ground state over [0, 50], for the N and thread counts given.
 * Usage: TrajectoryBench seconds-per-point threads N...
 */
public final class TrajectoryBench {
    public static void main(String[] args) {
        double seconds = Double.parseDouble(args[0]);
        int threads = Integer.parseInt(args[1]);
        for (int a = 2; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            Chain chain = TrajectoryRuns.uniform(n, 0.5, 1, 1, 1, 0);
            QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain, 1e-9), TrajectoryOptions.of(0, 50));
            // warm-up: JIT and the sector cache
            run(q, threads, Math.min(seconds / 3, 2), 1);
            EnsembleRun<Estimates> r = run(q, threads, seconds, 2);
            System.out.printf("N=%2d threads=%d  %8.1f traj/s  (%d trajectories in %.2f s)  J=%.5f+-%.5f%n", n, threads,
                    r.trajectories() / r.elapsedSeconds(), r.trajectories(), r.elapsedSeconds(),
                    r.result().get("heat_current").mean(), r.result().get("heat_current").standardError());
        }
    }

    static EnsembleRun<Estimates> run(QuantumTrajectory q, int threads, double seconds, long seed) {
        return EnsembleDriver.run((i, rng) -> q.run(rng), Estimates.empty(q.names()), Estimates::add,
                e -> e.get("heat_current"),
                new EnsembleOptions(seed, threads, 0, StopRule.trajectories(Long.MAX_VALUE - 1).withTimeLimit(seconds)),
                ProgressListener.NONE);
    }
}
