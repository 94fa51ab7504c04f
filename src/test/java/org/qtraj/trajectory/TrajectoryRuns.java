package org.qtraj.trajectory;

import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.StopRule;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimates;

/** Test helpers: chains and ensembles of quantum trajectories. */
final class TrajectoryRuns {
    private TrajectoryRuns() {
    }

    /** Uniform chain, omega = g = 1, baths on sites 1 and N. */
    static Chain uniform(int n, double dephasing, double rateLeft, double tempLeft, double rateRight, double tempRight) {
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] d = new double[n - 1];
        double[] deph = new double[n];
        java.util.Arrays.fill(w, 1);
        java.util.Arrays.fill(g, 1);
        java.util.Arrays.fill(deph, dephasing);
        return Chain.of(w, g, d, deph, g.clone(), new Bath(0, rateLeft, tempLeft), new Bath(n - 1, rateRight, tempRight));
    }

    static EnsembleRun<Estimates> run(Chain chain, TrajectoryOptions options, double tolerance, long trajectories,
                                      long seed, int threads) {
        QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain, tolerance), options);
        return EnsembleDriver.run((i, rng) -> q.run(rng), Estimates.empty(q.names()), Estimates::add,
                e -> e.get("heat_current"),
                new EnsembleOptions(seed, threads, 0, StopRule.trajectories(trajectories)), ProgressListener.NONE);
    }
}
