package org.qtraj.classical;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Chain;

/**
 * The error bars mean what they say: K = 1000 independent batches of M = 20 trajectories each (N = 3), every
 * batch giving a mean current and its standard error. If the per-trajectory estimates are unbiased and
 * independent, the z-scores (mean - J_C)/stderr follow Student's t with 19 degrees of freedom:
 * P(|z| > 1) = 0.3299 and P(|z| > 2) = 0.0600 (scipy.stats.t). The observed fractions must lie within 4.5
 * binomial standard deviations of those (false alarm ~1e-5 for the pair); an error bar 25% too small or too
 * large moves the |z| > 2 fraction by about 5 standard deviations.
 */
class ErrorBarCalibrationTest {

    @Test
    void zScoresOfBatchesFollowStudentT() {
        Chain c = ClassicalTrajectoryTest.uniform(3, 1.0, 1.0, 2.0, 1.0, 0.0);
        double j = RateEquations.closedFormParticleCurrent(c);
        ExclusionProcess p = ExclusionProcess.of(c);
        int k = 1000;
        int m = 20;
        int above1 = 0;
        int above2 = 0;
        for (int b = 0; b < k; b++) {
            SequentialRuns r = SequentialRuns.run(p, m, 140, 40, 1_000_000L + (long) b * m);
            double z = SequentialRuns.z(r.currentLeft, j);
            above1 += Math.abs(z) > 1 ? 1 : 0;
            above2 += Math.abs(z) > 2 ? 1 : 0;
        }
        assertFraction(above1, k, 0.329877, "|z| > 1");
        assertFraction(above2, k, 0.060002, "|z| > 2");
    }

    private static void assertFraction(int count, int k, double p, String what) {
        double sd = Math.sqrt(k * p * (1 - p));
        assertTrue(Math.abs(count - k * p) < 4.5 * sd,
                what + ": " + count + " of " + k + ", expected " + k * p + " +- " + sd);
    }
}
