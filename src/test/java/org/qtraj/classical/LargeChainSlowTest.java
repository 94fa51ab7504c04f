package org.qtraj.classical;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Chain;

/**
 * N = 300 against J_C (about 15 s on one core; run with {@code mvn -Pheavy test}). M = 40 trajectories
 * (seeds fixed), burn-in four slowest relaxation times, symmetric estimator (I_left - I_right)/2;
 * |z| < 4 (false alarm 1e-3 at 39 degrees of freedom) and a relative error bar below 3%.
 */
@Tag("slow")
class LargeChainSlowTest {

    @Test
    void threeHundredSitesGiveJc() {
        int n = 300;
        Chain c = ClassicalTrajectoryTest.uniform(n, 1.0, 1.0, 1.0, 1.0, 0.0);
        double j = RateEquations.closedFormParticleCurrent(c);
        double burn = 0.4 * SequentialRuns.burnIn(n, 1.0, 1.0);
        ExclusionProcess p = ExclusionProcess.of(c);
        org.qtraj.stats.MeanVar e = org.qtraj.stats.MeanVar.EMPTY;
        for (int i = 0; i < 40; i++) {
            e = e.add(ClassicalTrajectory.run(p, burn + 1e5, burn,
                    org.apache.commons.rng.simple.RandomSource.XO_RO_SHI_RO_128_PP.create(300_000L + i)).particleCurrent());
        }
        double se = e.standardError();
        double z = (e.mean() - j) / se;
        String msg = "J_C = " + j + ", simulated " + e.mean() + " +- " + se + " (z = " + z + ")";
        System.out.println("LargeChainSlowTest: " + msg);
        assertTrue(Math.abs(z) < 4, msg);
        assertTrue(se < 0.03 * j, "error bar too wide: " + msg);
    }
}
