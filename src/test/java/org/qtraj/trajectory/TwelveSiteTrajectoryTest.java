package org.qtraj.trajectory;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.TestChains;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimates;

/**
 * Quantum trajectories against the sector Liouvillian at N = 12 (issue 17; tagged slow, {@code mvn -Pheavy verify}:
 * minutes for the exact steady state, about 6 GiB). Uniform XXZ chain, D = 1, dephasing 0.5, baths (1, 1) and
 * (1, 0); every estimator z-tested at |z| &lt; 4 ({@link ZChecks}: 18 comparisons, false-alarm probability about
 * 1e-3 for correct code; fixed seed).
 */
@Tag("slow")
class TwelveSiteTrajectoryTest {

    @Test
    void twelveSiteXxzChainMatchesTheExactSteadyState() {
        Chain chain = TestChains.defaults(12, 1, 0.5);
        ExactResult exact = ExactMethod.LIOUVILLIAN.solve(chain);
        Estimates e = TrajectoryRuns.run(chain, TrajectoryOptions.defaults(chain), 1e-9, 400, 20261201L, 2).result();
        ZChecks.assertZ("xxz N = 12", e, QuantumTrajectoryExactTest.exactMap(exact));
    }
}
