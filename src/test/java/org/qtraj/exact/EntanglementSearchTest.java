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
    /** The report's threshold for a witness that is 0 up to rounding (report.Fig4Section.WITNESS_ZERO). */
    private static final double WITNESS_ZERO = 1e-12;

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
    void equalBareRatesGiveNoConcurrenceAnywhereOnTheReportsCouplingRange() {
        // The report's Sec. VI.B row: max over g in [1e-3, 1e3] of the witness at G_1 = G_N is 0 up to rounding
        // (Fig4Section.WITNESS_ZERO = 1e-12) on every grid point. Near s_1 = 0 at small g, rho_11 is tiny and
        // sqrt(rho_00 rho_11) magnifies any solver error: the iterative solver with its single-precision
        // preconditioner (tolerance 1e-12) gave witnesses of 6e-9 to 1.2e-8 at s = (0, 0.0005), (0, 0.0015) and
        // (0, 0.003) with g about 1e-3 (paper-fig4 run, 2026-12-02); the direct solve must stay below 1e-12.
        EntanglementSearch equalG = EntanglementSearch.of(false, 1e-3, 1e3, 61);
        double[][] points = {{0, 0.0005}, {0, 0.0015}, {0, 0.003}, {0, 0}, {0.49, 0}, {0.25, 0.25}};
        for (double[] p : points) {
            EntanglementSearch.Evaluation e = equalG.search(twoSites(p[0], p[1]));
            assertTrue(e.witness() <= WITNESS_ZERO, "s = " + p[0] + ", " + p[1] + ": witness " + e.witness());
            assertTrue(e.concurrence() <= WITNESS_ZERO, "s = " + p[0] + ", " + p[1] + ": C " + e.concurrence());
        }
    }

    @Test
    void refusesLongerChains() {
        Chain three = Chain.of(new double[] {1, 1, 1}, new double[] {1, 1}, new double[] {0, 0}, new double[] {0, 0, 0},
                new double[] {1, 1}, new Bath(0, 1, 1), new Bath(2, 1, 0));
        assertNotNull(EntanglementSearch.of(true, 1e-2, 1e2, 5).refusal(three));
    }
}
