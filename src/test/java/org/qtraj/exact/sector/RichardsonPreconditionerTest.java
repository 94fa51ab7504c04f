package org.qtraj.exact.sector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.TestChains;

/** The Richardson-step preconditioner against its series written out, and in the steady-state solver. */
class RichardsonPreconditionerTest {

    @Test
    void kStepsAreTheTruncatedNeumannSeriesWrittenOut() {
        // A random 7 x 7 A and an approximate inverse B = (diag A)^{-1}: y_k = sum_{i<k} (I - B A)^i B x, summed
        // here term by term with dense matrices, independently of the class's recursion.
        int n = 7;
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = rnd.nextDouble(-0.3, 0.3) + (i == j ? 2 + i : 0);
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextDouble(-1, 1);
        }
        Gmres.Operator op = (u, out) -> {
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * u[j];
                }
                out[i] = s;
            }
        };
        Gmres.Operator jacobi = (u, out) -> {
            for (int i = 0; i < n; i++) {
                out[i] = u[i] / a[i][i];
            }
        };
        for (int k = 1; k <= 4; k++) {
            double[] term = new double[n];
            jacobi.apply(x, term);
            double[] expected = term.clone();
            double[] at = new double[n];
            for (int i = 1; i < k; i++) {
                // term <- (I - B A) term
                op.apply(term, at);
                double[] bat = new double[n];
                jacobi.apply(at, bat);
                for (int j = 0; j < n; j++) {
                    term[j] -= bat[j];
                    expected[j] += term[j];
                }
            }
            double[] got = new double[n];
            new RichardsonPreconditioner(op, jacobi, k, n).apply(x, got);
            for (int j = 0; j < n; j++) {
                assertEquals(expected[j], got[j], 1e-14, "k = " + k + ", entry " + j);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new RichardsonPreconditioner(op, jacobi, 0, n));
    }

    @Test
    void twoStepsHalveTheIterationsAndLeaveTheSteadyStateAlone() {
        // The spectrum of A M^{-1} in a disc of radius r about 1 becomes one of radius r^2 (class javadoc): measured
        // 66 -> 35 iterations at N = 8 and 84 -> 45 at N = 10; asserted here with room: at most 0.7 times.
        Liouvillian l = Liouvillian.of(TestChains.defaults(6, 1, 0.5));
        TraceFixedSolver one = TraceFixedSolver.of(l).withRichardsonSteps(1);
        TraceFixedSolver two = TraceFixedSolver.of(l).withRichardsonSteps(2);
        TraceFixedSolver.Solution s1 = one.steadyState();
        TraceFixedSolver.Solution s2 = two.steadyState();
        assertTrue(s2.iterations() <= 0.7 * s1.iterations(), s1.iterations() + " -> " + s2.iterations());
        // both solves stop at relative residual 1e-12; the states then agree to about that times the conditioning
        double[] v1 = s1.x().vector();
        double[] v2 = s2.x().vector();
        for (int i = 0; i < v1.length; i++) {
            assertEquals(v1[i], v2[i], 1e-10, "entry " + i);
        }
    }
}
