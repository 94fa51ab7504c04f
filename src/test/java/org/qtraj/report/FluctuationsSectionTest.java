package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The large-N exclusion-process ratios drawn in the "current fluctuations" section, against the forms in which
 * Derrida, Doucot and Roche, J. Stat. Phys. 115, 717 (2004) write the cumulants between reservoirs rho_a, rho_b:
 * L kappa_1 = rho_a - rho_b, L kappa_2 = rho_a + rho_b - (2/3)(rho_a^2 + rho_a rho_b + rho_b^2), and the full-drive
 * values kappa_2/kappa_1 = 1/3, kappa_3/kappa_1 = 1/15.
 */
class FluctuationsSectionTest {
    @Test
    void exclusionRatiosMatchDerridaDoucotRoche() {
        double[] full = FluctuationsSection.exclusionRatios(1, 0);
        assertEquals(1.0 / 3, full[0], 1e-15);
        assertEquals(1.0 / 15, full[1], 1e-15);
        for (double[] r : new double[][] {{0.5, 0.25}, {0.2689, 0}, {0.9, 0.6}}) {
            double a = r[0];
            double b = r[1];
            double k2 = a + b - 2.0 / 3 * (a * a + a * b + b * b);
            assertEquals(k2 / (a - b), FluctuationsSection.exclusionRatios(a, b)[0], 1e-14, a + ", " + b);
        }
    }
}
