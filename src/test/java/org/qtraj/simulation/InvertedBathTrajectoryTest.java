package org.qtraj.simulation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimate;

/**
 * Both quantum trajectory engines with a population-inverted bath ({@link Bath#ofOccupation} with s &gt; 1/2: G &lt; 0
 * and T &lt; 0, both jump rates positive), the setting of Znidaric's symmetric driving, against the sector Liouvillian
 * (an independent solver: it builds the generator from the same rates but solves for the steady state directly).
 * Until now inverted baths were checked only by the exact solvers; a trajectory engine that took the sign of G or T
 * instead of the two rates would fail here. Fixed seeds; each comparison is |z| &lt; 4 (false-alarm rate 6e-5 per
 * comparison for correct errors, about 2e-3 over the 2 x 8 comparisons).
 */
class InvertedBathTrajectoryTest {
    /** Uniform chain omega = g = 1, dephasing 0.5; left bath inverted (occupation 0.8), right bath at occupation 0.2. */
    private static Chain drivenChain(int n) {
        return Chain.of(fill(n, 1), fill(n - 1, 1), fill(n - 1, 0), fill(n, 0.5), fill(n - 1, 1),
                Bath.ofOccupation(0, 1.0, 0.8, 1), Bath.ofOccupation(n - 1, 1.0, 0.2, 1));
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static void within(Estimate e, double exact, String what) {
        assertTrue(Math.abs(e.z(exact)) < 4, what + ": " + e + " vs exact " + exact + ", z = " + e.z(exact));
    }

    private static void checkAgainstLiouvillian(QuantumEngine engine, long seed) {
        Chain chain = drivenChain(6);
        assertTrue(chain.baths()[0].temperature() < 0, "the left bath is population-inverted");
        ExactResult exact = ExactMethod.LIOUVILLIAN.solve(chain);
        SimulationSettings settings = SimulationSettings.builder().quantumEngine(engine).seed(seed).trajectories(200)
                .threads(2).build();
        SimulationResult r = Simulations.quantum(chain, settings);
        within(r.estimate(Estimator.HEAT_CURRENT), exact.heatCurrentLeft(), engine + " J_left");
        within(r.estimate(Estimator.PARTICLE_CURRENT), exact.particleCurrentLeft(), engine + " I_left");
        for (int k = 1; k <= chain.sites(); k++) {
            within(r.estimate(Estimator.population(k)), exact.populations()[k - 1], engine + " n_" + k);
        }
    }

    @Test
    void sectorTrajectoriesWithAnInvertedBathMatchTheLiouvillian() {
        checkAgainstLiouvillian(QuantumEngine.SECTOR, 21);
    }

    @Test
    void gaussianTrajectoriesWithAnInvertedBathMatchTheLiouvillian() {
        checkAgainstLiouvillian(QuantumEngine.GAUSSIAN, 22);
    }
}
