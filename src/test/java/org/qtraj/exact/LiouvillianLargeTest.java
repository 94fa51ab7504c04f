package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * N = 8 and 10 (heavy: run with {@code mvn -Pheavy test}). Checks accuracy at sizes no dense reference reaches:
 * the paper's N-independent current without dephasing, the closed form with dephasing, conservation for XXZ.
 * Prints wall times; asserts none (the machine is shared).
 */
@Tag("slow")
class LiouvillianLargeTest {

    private static ExactResult timed(org.qtraj.model.Chain chain, String label) {
        ExactResult r = ExactMethod.LIOUVILLIAN.solve(chain);
        System.out.printf("liouvillian N=%d %s: %.2f s, %.0f iterations, |L rho| = %.2e%n", chain.sites(), label,
                r.elapsedSeconds(), r.extras().get("gmres_iterations"), r.extras().get("residual"));
        return r;
    }

    @Test
    void largeChains() {
        for (int n : new int[] {8, 10}) {
            ExactResult flat = timed(TestChains.defaults(n, 0, 0), "default");
            assertEquals(0.119364770, flat.heatCurrentLeft(), 1e-9, "Fig. 2: independent of N");
            ExactResult deph = timed(TestChains.defaults(n, 0, 0.5), "dephasing 0.5");
            ExactResult closed = new ClosedForm().solve(TestChains.defaults(n, 0, 0.5));
            assertEquals(closed.heatCurrentLeft(), deph.heatCurrentLeft(), 1e-9 * closed.heatCurrentLeft());
            ExactResult xxz = timed(TestChains.defaults(n, 1, 0.5), "D = 1, dephasing 0.5");
            double scale = Math.abs(xxz.heatCurrentLeft()) + Math.abs(xxz.heatCurrentRight());
            assertEquals(0, xxz.heatCurrentLeft() + xxz.heatCurrentRight() + xxz.heatCurrentDephasing(), 1e-10 * scale);
            assertEquals(0, xxz.particleCurrentLeft() + xxz.particleCurrentRight(), 1e-10 * xxz.particleCurrentLeft());
            assertTrue(xxz.extras().get("relative_residual") < 1e-9);
        }
    }
}
