package org.qtraj.exact.sector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.TestChains;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/** The direct dense steady state against the iterative solver (GMRES with the sector preconditioner). */
class DenseSteadyStateTest {

    @Test
    void agreesWithTheIterativeSolverOnXxzChainsWithDephasingAndInteriorBaths() {
        Chain[] chains = {TestChains.defaults(2, 0, 0), TestChains.defaults(3, 1, 0.5), TestChains.defaults(4, 0.7, 2),
            TestChains.defaults(5, 1, 0.5),
            Chain.of(new double[] {1, 1.3, 0.8, 1.1}, new double[] {1, -0.6, 0.9}, new double[] {0.4, 0, 1},
                    new double[] {0.2, 0, 0.5, 0}, new double[] {1, 1, 1}, new Bath(1, 0.7, 2), new Bath(3, 1.4, 0.1))};
        for (Chain c : chains) {
            Liouvillian l = Liouvillian.of(c);
            double[] dense = DenseSteadyState.of(l).vector();
            // the iterative solver at its default tolerance 1e-12: the two agree to about that, times the conditioning
            double[] iterative = TraceFixedSolver.of(l).steadyState().x().vector();
            for (int i = 0; i < dense.length; i++) {
                assertEquals(iterative[i], dense[i], 1e-10, "N = " + c.sites() + ", entry " + i);
            }
            assertEquals(1, BlockState.trace(l.basis(), dense), 1e-14);
        }
    }

    @Test
    void bothBathsAtZeroTemperatureLeaveTheGroundStateToRounding() {
        // Emission only: every excitation leaves, the steady state is |0...0><0...0| exactly (dephasing and hopping
        // conserve the excitation number), so every other packed entry is 0 in exact arithmetic.
        Chain c = TestChains.uniform(3, 1, 1e-3, 0.5, 0.3, 1, 0, 1, 0);
        double[] v = DenseSteadyState.of(Liouvillian.of(c)).vector();
        assertEquals(1, v[0], 1e-15);
        for (int i = 1; i < v.length; i++) {
            assertEquals(0, v[i], 1e-15, "entry " + i);
        }
    }

    @Test
    void refusesChainsBeyondItsSize() {
        Liouvillian six = Liouvillian.of(TestChains.defaults(6, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> DenseSteadyState.of(six));
    }
}
