package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.ClosedForm;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimates;
import org.qtraj.stats.MeanVar;

/**
 * Error bars that mean what they say: 300 independent small runs (40 trajectories each, seeds 1..300) of the N = 2
 * chain with dephasing 0.5; the fraction of runs whose mean lies within one standard error of the closed form must be
 * in [0.60, 0.76] (expected 0.67 for a t distribution with 39 degrees of freedom; the binomial spread over 300 runs is
 * 0.027, so the window is about +-3 sigma, false alarm ~0.3 %), within two standard errors at least 0.90 (expected
 * 0.95). Checked for the continuous heat current and the counted particle current.
 */
class CalibrationTest {
    @Test
    void errorBarsCoverTheExactValue() {
        Chain chain = TrajectoryRuns.uniform(2, 0.5, 1, 1, 1, 0);
        ExactResult exact = new ClosedForm().solve(chain);
        TrajectoryOptions o = TrajectoryOptions.defaults(chain);
        int runs = 300;
        String[] names = {"heat_current", "particle_current"};
        double[] exactValues = {exact.heatCurrentLeft(), exact.particleCurrentLeft()};
        int[] within1 = new int[2];
        int[] within2 = new int[2];
        for (int seed = 1; seed <= runs; seed++) {
            Estimates e = TrajectoryRuns.run(chain, o, 1e-9, 40, seed, 2).result();
            for (int i = 0; i < 2; i++) {
                MeanVar m = e.get(names[i]);
                double z = Math.abs(m.mean() - exactValues[i]) / m.standardError();
                within1[i] += z <= 1 ? 1 : 0;
                within2[i] += z <= 2 ? 1 : 0;
            }
        }
        for (int i = 0; i < 2; i++) {
            double f1 = within1[i] / (double) runs;
            double f2 = within2[i] / (double) runs;
            System.out.printf("%s: within 1 sigma %.3f, within 2 sigma %.3f%n", names[i], f1, f2);
            assertTrue(f1 >= 0.60 && f1 <= 0.76, names[i] + " within 1 sigma: " + f1);
            assertTrue(f2 >= 0.90, names[i] + " within 2 sigma: " + f2);
        }
    }
}
