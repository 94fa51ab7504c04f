package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.qtraj.model.BathSpec;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;
import org.qtraj.model.PerElement;

class ClosedFormTest {
    private final ClosedForm closed = new ClosedForm();

    static Chain uniform(int n, double dephasing) {
        return ModelSpec.empty().withSites(n).overlay(new ModelSpec(null, null, null, null, PerElement.of(dephasing),
                null, null, null, null)).build();
    }

    @Test
    void paperFigure2ValueIsIndependentOfN() {
        // PHYSICS.md: with w = g = G = 1, T_1 = 1, T_N = 0, J_Q = 0.119364770... (paper eq. 12), for every N.
        for (int n : new int[] {2, 3, 10, 1000}) {
            assertEquals(0.119364770, closed.solve(uniform(n, 0)).heatCurrentLeft(), 1e-9, "N = " + n);
        }
    }

    @Test
    void dephasingValuesFromPhysicsAndIssue() {
        // PHYSICS.md: N = 4, gamma = 0.5 gives 0.0895544364; issue 3: N = 1000 gives 0.00106721471.
        assertEquals(0.0895544364, closed.solve(uniform(4, 0.5)).heatCurrentLeft(), 1e-10);
        assertEquals(0.00106721471, closed.solve(uniform(1000, 0.5)).heatCurrentLeft(), 1e-11);
    }

    @Test
    void populationsReproduceTheBathCurrents() {
        // n_1 and n_N must give I = gamma_1 (s_1 - n_1) = -gamma_N (s_N - n_N): the profile closes on both ends.
        ExactResult r = closed.solve(uniform(7, 0.3));
        assertEquals(0, r.particleCurrentLeft() + r.particleCurrentRight(), 1e-15);
        assertEquals(r.heatCurrentLeft(), -r.heatCurrentRight(), 1e-15);
    }

    @Test
    void equalTemperaturesGiveThermalPopulations() {
        Chain c = ModelSpec.empty().withSites(5).overlay(new ModelSpec(null, null, null, null, null, null,
                new BathSpec(null, 1.0, 0.7), new BathSpec(null, 2.0, 0.7), null)).build();
        ExactResult r = closed.solve(c);
        double s = c.left().s(1.0);
        for (double p : r.populations()) {
            assertEquals(s, p, 1e-15);
        }
        assertEquals(0, r.heatCurrentLeft(), 1e-15);
    }

    @Test
    void refusesNonUniformAndInteractingChains() {
        Chain xxz = ModelSpec.empty().overlay(new ModelSpec(null, null, null, PerElement.of(1), null, null, null, null, null)).build();
        assertNotNull(closed.refusal(xxz));
        assertThrows(NotApplicableException.class, () -> closed.solve(xxz));
        Chain disordered = ModelSpec.empty().overlay(new ModelSpec(null, PerElement.ofList(new double[] {1, 1.1, 1, 1}),
                null, null, null, null, null, null, null)).build();
        assertNotNull(closed.refusal(disordered));
    }
}
