package org.qtraj.exact.relaxation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.NotApplicableException;
import org.qtraj.exact.TestChains;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.model.InitialState;

/**
 * The free-fermion two-point equations against the Liouvillian time evolution ({@link Relaxation}, itself checked
 * against a dense solver in RelaxationTest): a different method on the same model, so agreement to 1e-8 checks the
 * equation (signs of the hopping, the bath terms, the dephasing damping of the off-diagonal elements).
 */
class FreeFermionRelaxationTest {

    private static Chain disordered(int n, double dephasingScale, Bath left, Bath right) {
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] deph = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 1 + 0.37 * Math.sin(1.3 * k + 0.2);
            deph[k] = dephasingScale * (0.5 + 0.3 * k);
        }
        for (int b = 0; b < n - 1; b++) {
            g[b] = 0.8 + 0.25 * Math.cos(2.1 * b);
        }
        return Chain.of(w, g, TestChains.fill(n - 1, 0), deph, TestChains.fill(n - 1, 1), left, right);
    }

    @Test
    void agreesWithTheLiouvillianWithDisorderDephasingAndBaths() {
        int n = 5;
        double[] times = {0, 0.5, 2, 7};
        for (double deph : new double[] {0, 1}) {
            Chain chain = disordered(n, deph, new Bath(0, 0.7, 2.0), new Bath(n - 1, 1.3, 0.4));
            for (String init : new String[] {"10110", "domain-wall", "full"}) {
                InitialState s = InitialState.parse(init);
                double[][] exact = Relaxation.populations(chain, s.mask(n), times, 1e-12, 1);
                double[][] ff = FreeFermionRelaxation.populations(chain, s.occupations(n), times, 1e-13);
                for (int j = 0; j < times.length; j++) {
                    for (int k = 0; k < n; k++) {
                        assertEquals(exact[j][k], ff[j][k], 1e-8, init + " deph " + deph + " t " + times[j] + " k " + k);
                    }
                }
                // the populations have moved: the comparison is not of two copies of the initial state
                double moved = 0;
                for (int k = 0; k < n; k++) {
                    moved = Math.max(moved, Math.abs(ff[3][k] - ff[0][k]));
                }
                assertTrue(moved > 0.05, init + " moved by " + moved);
            }
        }
    }

    @Test
    void refusesInnerBathsInteractionsAndNetworks() {
        Chain inner = disordered(5, 0, new Bath(1, 0.7, 2.0), new Bath(4, 1.3, 0.4));
        assertNotNull(FreeFermionRelaxation.refusal(inner));
        assertThrows(NotApplicableException.class,
                () -> FreeFermionRelaxation.populations(inner, new boolean[5], new double[] {1}, 1e-12));
        assertNotNull(FreeFermionRelaxation.refusal(TestChains.defaults(4, 0.5, 0)));
        assertNull(FreeFermionRelaxation.refusal(TestChains.defaults(4, 0, 0.5)));
    }
}
