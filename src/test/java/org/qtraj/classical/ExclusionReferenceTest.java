package org.qtraj.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Bath;

/**
 * The test references agree with each other: the rate equations with the closed form J_C, and with the
 * stationary state of the full 2^N-state master equation (the rate equations are exact for exclusion).
 */
class ExclusionReferenceTest {

    @Test
    void rateEquationsGiveTheClosedForm() {
        for (int n : new int[] {2, 5, 20, 100}) {
            for (double v : new double[] {0.3, 1, 2}) {
                var c = ClassicalTrajectoryTest.uniform(n, v, 1.0, 2.0, 0.5, 0.3);
                double[] ref = ExclusionReference.rateEquations(c);
                double j = RateEquations.closedFormParticleCurrent(c);
                assertEquals(j, ref[n], 1e-12 * j, "N = " + n + ", V = " + v);
                assertEquals(-j, ref[n + 1], 1e-12 * j, "N = " + n + ", V = " + v);
            }
        }
    }

    @Test
    void rateEquationsAreExactForExclusion() {
        double[] v = {0.4, 1.7, 0.9, 2.5, 0.6};
        var chains = new org.qtraj.model.Chain[] {
            ClassicalTrajectoryTest.uniform(2, 1.0, 1.0, 1.0, 1.0, 0.0),
            ClassicalTrajectoryTest.uniform(4, 0.7, 2.0, 5.0, 0.5, 0.5),
            ClassicalTrajectoryTest.chain(6, v, new Bath(0, 1.0, 2.0), new Bath(5, 0.8, 0.3)),
            ClassicalTrajectoryTest.chain(6, v, new Bath(4, 1.0, 3.0), new Bath(1, 1.5, 0.0)),
            ClassicalTrajectoryTest.chain(6, v, new Bath(2, 1.0, 3.0), new Bath(2, 1.5, 0.2)),
        };
        for (var c : chains) {
            double[] rate = ExclusionReference.rateEquations(c);
            double[] master = ExclusionReference.masterEquation(c);
            for (int i = 0; i < rate.length; i++) {
                assertEquals(master[i], rate[i], 1e-12, c + " entry " + i);
            }
        }
    }
}
