package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.model.Thermal;

public class EntanglementSearchTest {

    private static Chain twoSites(double sLeft, double sRight) {
        double tl = Thermal.temperature("s_left", 1, sLeft);
        double tr = Thermal.temperature("s_right", 1, sRight);
        return Chain.of(new double[] {1, 1}, new double[] {1}, new double[] {0}, new double[] {0, 0}, new double[] {1},
                new Bath(0, 1, tl), new Bath(1, 1, tr));
    }

    @Test
    void occupationTemperatureRoundTrip() {
        for (double s : new double[] {0, 1e-4, 0.1, 0.25, 0.4, 0.499}) {
            for (double omega : new double[] {0.3, 1, 7}) {
                double t = Thermal.temperature("s", omega, s);
                assertEquals(s, Thermal.s(omega, t), 1e-12);
            }
        }
        assertEquals(0, Thermal.temperature("s", 1, 0));
        assertThrows(InvalidInputException.class, () -> Thermal.temperature("s", 1, 0.5));
        assertThrows(InvalidInputException.class, () -> Thermal.temperature("s", 1, -0.1));
    }

    @Test
    void hotLeftColdRightIsEntangledForSomeCoupling() {
        // Found by the Fig. 4 scan: s_1 = 0.49, s_N = 0 is deep in the entangled strip (C ~ 0.04 near g/gamma ~ 0.22).
        EntanglementSearch search = EntanglementSearch.of(true, 1e-2, 1e2, 21);
        EntanglementSearch.Evaluation best = search.search(twoSites(0.49, 0));
        assertTrue(best.witness() > 0.03, "witness " + best.witness());
        // For an X state the Wootters concurrence equals the positive witness.
        assertEquals(best.witness(), best.concurrence(), 1e-9);
        assertTrue(best.g() > 0.1 && best.g() < 0.4, "g " + best.g());
    }

    @Test
    void equalPopulationsAndEqualBareRatesAreNotEntangled() {
        EntanglementSearch equalGamma = EntanglementSearch.of(true, 1e-2, 1e2, 21);
        EntanglementSearch.Evaluation e = equalGamma.search(twoSites(0.3, 0.3));
        assertTrue(e.witness() < -0.1, "witness " + e.witness());
        assertEquals(0, e.concurrence());
        // The paper's claim for G_1 = G_N, at a point that is entangled with gamma_1 = gamma_N.
        EntanglementSearch equalG = EntanglementSearch.of(false, 1e-2, 1e2, 21);
        EntanglementSearch.Evaluation g = equalG.search(twoSites(0.49, 0));
        assertTrue(g.witness() <= 1e-12, "witness " + g.witness());
        assertEquals(0, g.concurrence(), 1e-12);
    }

    @Test
    void refusesLongerChains() {
        Chain three = Chain.of(new double[] {1, 1, 1}, new double[] {1, 1}, new double[] {0, 0}, new double[] {0, 0, 0},
                new double[] {1, 1}, new Bath(0, 1, 1), new Bath(2, 1, 0));
        assertNotNull(EntanglementSearch.of(true, 1e-2, 1e2, 5).refusal(three));
    }
}
