package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StepPlanTest {
    @Test
    void gaussLegendreIsExactToDegreeTwoMMinusOne() {
        for (int m = 1; m <= 12; m++) {
            double[][] gl = StepPlan.gaussLegendre(m);
            for (int deg = 0; deg <= 2 * m - 1; deg++) {
                double sum = 0;
                for (int i = 0; i < m; i++) {
                    sum += gl[1][i] * Math.pow(gl[0][i], deg);
                }
                assertEquals(1.0 / (deg + 1), sum, 1e-14, "m=" + m + " degree " + deg);
            }
            // and not beyond: x^(2m) is integrated with the known nonzero error
            double sum = 0;
            for (int i = 0; i < m; i++) {
                sum += gl[1][i] * Math.pow(gl[0][i], 2 * m);
            }
            assertTrue(Math.abs(sum - 1.0 / (2 * m + 1)) > 1e-15);
        }
    }

    @Test
    void stepMeetsTheTaylorBound() {
        for (double tol : new double[] {1e-6, 1e-9, 1e-12}) {
            StepPlan p = StepPlan.of(3.0, tol, 4);
            double x = 3.0 * p.step();
            assertTrue(StepPlan.taylorRemainder(p.order(), x) <= tol * (1 + 1e-12));
            assertTrue(StepPlan.taylorRemainder(p.order(), 1.01 * x) > tol);
            assertTrue(StepPlan.quadratureError(p.nodes().length, x) <= tol);
            assertTrue(p.order() <= StepPlan.MAX_ORDER);
        }
        // the remainder bound is x^(K+1) e^x / (K+1)!
        assertEquals(Math.pow(2, 11) * Math.exp(2) / 39916800.0, StepPlan.taylorRemainder(10, 2), 1e-15);
    }
}
