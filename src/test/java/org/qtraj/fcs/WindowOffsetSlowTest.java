package org.qtraj.fcs;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.TestChains;
import org.qtraj.simulation.Engine;

/**
 * The finite-window correction on quantum trajectories (dephasing 0.5), N = 2..4: corrected kappa_2, kappa_3
 * within 4 errors of the exact (4000 windows per length) tilted-Liouvillian values (false-alarm rate as in {@link WindowOffsetTest}: 4e-4 over
 * the 6 values). About 40 s on 2 cores, hence slow (mvn -Pheavy verify).
 */
@Tag("slow")
class WindowOffsetSlowTest {
    @Test
    void correctedCumulantsAgainstExactQuantumN2to4() {
        for (int n = 2; n <= 4; n++) {
            WindowOffsetTest.check(Engine.QUANTUM, TestChains.defaults(n, 0, 0.5), 4000);
        }
    }
}
