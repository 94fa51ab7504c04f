package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The test helper {@link StudentT} against printed tables and closed forms. */
class StudentTTest {
    /** Critical values from the standard table (e.g. Abramowitz and Stegun, table 26.10), to the printed digits. */
    @Test
    void criticalValuesMatchTheTable() {
        assertEquals(12.706, StudentT.twoSidedCritical(0.05, 1), 1e-3);
        assertEquals(2.228, StudentT.twoSidedCritical(0.05, 10), 1e-3);
        assertEquals(5.841, StudentT.twoSidedCritical(0.01, 3), 1e-3);
        assertEquals(2.947, StudentT.twoSidedCritical(0.01, 15), 1e-3);
        assertEquals(3.659, StudentT.twoSidedCritical(0.001, 29), 1e-3);
    }

    /** nu = 1 is the Cauchy distribution, P(|T| &gt; t) = 1 - (2/pi) atan t; large nu approaches the normal tail. */
    @Test
    void tailsMatchClosedForms() {
        for (double t : new double[] {0.3, 1, 4, 30}) {
            assertEquals(1 - 2 / Math.PI * Math.atan(t), StudentT.twoSidedTail(t, 1), 1e-9);
        }
        // P(|Z| > 4) = erfc(4 / sqrt 2) = 6.334e-5; at nu = 1e5 the t tail is within 0.1 % of it
        assertEquals(6.334e-5, StudentT.twoSidedTail(4, 100_000), 0.01e-5);
        // nu = 2: P(|T| > t) = 1 - t / sqrt(2 + t^2)
        assertEquals(1 - 4 / Math.sqrt(18), StudentT.twoSidedTail(4, 2), 1e-9);
    }
}
