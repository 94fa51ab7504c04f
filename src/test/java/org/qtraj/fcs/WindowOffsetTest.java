package org.qtraj.fcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.exact.TestChains;
import org.qtraj.model.Chain;
import org.qtraj.model.RelaxationTimes;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.SimulationSettings;

/**
 * The finite-window correction ({@link WindowOffset}) against the exact kappa_2 and kappa_3 of the tilted rate
 * matrix (FcsExact; tested against dense matrices in exact.counting), classical N = 2..4 with windows of 2 and 8
 * relaxation times; the quantum chain in {@link WindowOffsetSlowTest}.
 *
 * <p>Tolerance: |z| &lt; 4 for the corrected kappa_2 and kappa_3 (jackknife errors of 2000 windows per length, close
 * to Gaussian: 6.3e-5 per value, 4e-4 over the 6 values; fixed seeds). Measured with 4000 windows: the uncorrected
 * k_2/T at T = 2 t_relax is 10 to 11 errors above kappa_2 (and 3 to 4 at 8 t_relax); corrected |z| &lt; 0.7.
 */
class WindowOffsetTest {
    /** One window of length {@code window} per trajectory, after a burn-in of 2 t_relax. */
    static FcsResult ensemble(Engine e, Chain c, double window, long seed, int trajectories) {
        double relax = e == Engine.CLASSICAL ? RelaxationTimes.classical(c) : RelaxationTimes.quantum(c);
        double burn = 2 * relax;
        SimulationSettings s = SimulationSettings.builder().seed(seed).threads(2).trajectories(trajectories)
                .window(burn, burn + window).monitor(Fcs.COUNT_RATE).build();
        return Fcs.run(e, c, s, new FcsSettings(0, Double.NaN), ProgressListener.NONE);
    }

    /** Corrected kappa_2, kappa_3 within 4 errors of exact; the short window alone is off by more than 4 in kappa_2. */
    static void check(Engine e, Chain c, int trajectories) {
        double relax = e == Engine.CLASSICAL ? RelaxationTimes.classical(c) : RelaxationTimes.quantum(c);
        FcsResult a = ensemble(e, c, 2 * relax, 1, trajectories);
        FcsResult b = ensemble(e, c, 8 * relax, 2, trajectories);
        WindowOffset w = WindowOffset.of(b, a);
        assertEquals(a.window(), w.shortWindow());
        double[] exact = FcsExact.of(c, e == Engine.CLASSICAL, 0, 2).cumulants();
        String what = e.key() + " N = " + c.sites();
        for (int k = 2; k <= 3; k++) {
            double z = w.kappa(k).z(exact[k - 1]);
            assertTrue(Math.abs(z) < 4, what + ": corrected kappa_" + k + " " + w.kappa(k) + " against " + exact[k - 1]);
        }
        assertTrue(a.cumulant(2).z(exact[1]) > 4, what + ": the short window's k_2/T " + a.cumulant(2)
                + " shows the offset against " + exact[1]);
        assertTrue(w.offset(2).value() > 0, what + ": c_2 " + w.offset(2));
    }

    @Test
    void correctedCumulantsAgainstExactClassicalN2to4() {
        for (int n = 2; n <= 4; n++) {
            check(Engine.CLASSICAL, TestChains.defaults(n, 0, 0), 2000);
        }
    }

    @Test
    void theAlgebraOfTwoWindows() {
        // windows T = 1 with counts {0, 2} and T = 3 with counts {1, 5}: k_2 = 2 and 8, so kappa_2 = (8 - 2)/2 = 3 and
        // c_2 = (3*2 - 1*8)/2 = -1; k_1 = 1 and 3: kappa_1 = 1, c_1 = 0
        FcsResult one = result(1, 0, 2);
        FcsResult three = result(3, 1, 5);
        WindowOffset w = WindowOffset.of(one, three);
        assertEquals(3, w.kappa(2).value(), 1e-12);
        assertEquals(-1, w.offset(2).value(), 1e-12);
        assertEquals(1, w.kappa(1).value(), 1e-12);
        assertEquals(0, w.offset(1).value(), 1e-12);
        assertEquals("window", assertThrows(InvalidInputException.class, () -> WindowOffset.of(one, one)).field());
        assertTrue(w.toMap().containsKey("corrected_cumulant_3_error"));
    }

    private static FcsResult result(double window, long... counts) {
        FcsAccumulator data = FcsAccumulator.of(counts, new org.HdrHistogram.Histogram[4]);
        return new FcsResult("classical", 2, 0, data, 1, 10 + window, 10, window, counts.length, 1, 1, "trajectories", 1,
                0, List.of());
    }
}
