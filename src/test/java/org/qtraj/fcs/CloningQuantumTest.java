package org.qtraj.fcs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.TestChains;
import org.qtraj.exact.counting.LargeDeviations;
import org.qtraj.exact.counting.QuantumCountingGenerator;
import org.qtraj.model.Chain;
import org.qtraj.model.RelaxationTimes;
import org.qtraj.simulation.Engine;
import org.qtraj.trajectory.Unravelling;

/**
 * Population dynamics on quantum-jump trajectories against the exact theta(s) of the tilted Liouvillian at N = 2, 3
 * (XX with dephasing, XX without, XXZ with dephasing and unequal baths). Tolerance and false-alarm rate: as in
 * {@link CloningTest} (|z| &lt; 5 of the extrapolated value, t-distributed with 15 degrees of freedom: 1.6e-4 per
 * point, 9 points here; fixed seeds).
 */
class CloningQuantumTest {
    @Test
    void quantumWithinErrorsOfExactThetaN2andN3() {
        double[] s = {-1, 0.5, 1};
        for (Chain c : List.of(TestChains.defaults(2, 0, 0.5), TestChains.defaults(3, 0, 0),
                TestChains.uniform(3, 1, 1, 1, 0.3, 1.2, 1.5, 0.7, 0.3))) {
            CloningResult r = Cloning.run(Engine.QUANTUM, c, CloningTest.settings(s, RelaxationTimes.quantum(c), 0), 3, 2,
                    Unravelling.DEFAULT_TOLERANCE, null);
            CloningTest.assertWithinErrors(r, CloningTest.exact(LargeDeviations.theta(QuantumCountingGenerator.of(c, 0), s)),
                    "quantum N = " + c.sites() + ", D = " + c.anisotropy(0) + ", dephasing " + c.dephasing(0));
        }
    }

}
