package org.qtraj.exact.relaxation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.RateEquations;
import org.qtraj.exact.TestChains;
import org.qtraj.exact.counting.ClassicalGenerator;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The closed one-point equations of the exclusion process against the full 2^N master equation
 * ({@link ClassicalGenerator}, which keeps the exclusion in every transition) integrated by RK4, against the rate
 * equations at long times, and at t = 0.
 */
class ClassicalRelaxationTest {
    /** Per-bond hopping, unequal baths, the right bath on an inner site (site 3 of 4). */
    static Chain irregular() {
        return Chain.of(new double[] {1, 1.5, 0.7, 1.2}, TestChains.fill(3, 1), TestChains.fill(3, 0),
                TestChains.fill(4, 0), new double[] {0.6, 1.7, 1.1}, new Bath(0, 0.8, 2.0), new Bath(2, 1.4, 0.3));
    }

    /** RK4 with step 1e-3 on the 16-state master equation: its occupations agree with the closed form to 1e-9. */
    @Test
    void matchesTheFullMasterEquation() {
        Chain chain = irregular();
        ClassicalGenerator g = ClassicalGenerator.of(chain, chain.left());
        for (int start : new int[] {0b0000, 0b1010, 0b1111}) {
            double[] p = new double[g.dimension()];
            p[start] = 1;
            double[] initial = new double[4];
            for (int k = 0; k < 4; k++) {
                initial[k] = (start >> k) & 1;
            }
            double[] times = {0.5, 1.5, 4};
            double[][] closed = ClassicalRelaxation.populations(chain, initial, times);
            double t = 0;
            double h = 1e-3;
            for (int j = 0; j < times.length; j++) {
                int steps = (int) Math.round((times[j] - t) / h);
                for (int s = 0; s < steps; s++) {
                    p = rk4(g, p, h);
                }
                t = times[j];
                double[] n = g.occupations(p);
                for (int k = 0; k < 4; k++) {
                    assertEquals(n[k], closed[j][k], 1e-9, "start " + start + ", t = " + t + ", site " + (k + 1));
                }
            }
        }
    }

    @Test
    void startsInTheInitialStateAndEndsInTheRateEquationsSteadyState() {
        Chain chain = irregular();
        double[] initial = {1, 0, 0.5, 1};
        double[][] p = ClassicalRelaxation.populations(chain, initial, new double[] {0, 2000});
        for (int k = 0; k < 4; k++) {
            assertEquals(initial[k], p[0][k], 1e-14);
        }
        double[] steady = new RateEquations().solve(chain).populations();
        for (int k = 0; k < 4; k++) {
            assertEquals(steady[k], p[1][k], 1e-12, "site " + (k + 1));
        }
    }

    @Test
    void badInputNamesTheField() {
        Chain chain = irregular();
        assertEquals("initial_state", assertThrows(InvalidInputException.class,
                () -> ClassicalRelaxation.populations(chain, new double[3], new double[] {1})).field());
        assertEquals("initial_state", assertThrows(InvalidInputException.class,
                () -> ClassicalRelaxation.populations(chain, new double[] {0, 2, 0, 0}, new double[] {1})).field());
        assertEquals("times", assertThrows(InvalidInputException.class,
                () -> ClassicalRelaxation.populations(chain, new double[4], new double[] {2, 1})).field());
    }

    private static double[] rk4(ClassicalGenerator g, double[] p, double h) {
        int n = p.length;
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] x = new double[n];
        g.apply(p, k1);
        for (int i = 0; i < n; i++) {
            x[i] = p[i] + 0.5 * h * k1[i];
        }
        g.apply(x, k2);
        for (int i = 0; i < n; i++) {
            x[i] = p[i] + 0.5 * h * k2[i];
        }
        g.apply(x, k3);
        for (int i = 0; i < n; i++) {
            x[i] = p[i] + h * k3[i];
        }
        g.apply(x, k4);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = p[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
        return out;
    }
}
