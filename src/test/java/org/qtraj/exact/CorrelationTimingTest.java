package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;
import org.qtraj.model.PerElement;

/**
 * Measures (prints, does not assert) the wall and process CPU time of the correlation solver for the default model
 * with dephasing 0.5 at N = 100, 1000, 2000 and for a disordered N = 1000 chain; checks the results.
 * Run with {@code mvn -o -B -Pheavy test -Dtest=CorrelationTimingTest}.
 */
@Tag("slow")
class CorrelationTimingTest {

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() * 1e-9;
    }

    private static ExactResult timed(String label, Chain chain) {
        double c0 = cpuSeconds();
        long t0 = System.nanoTime();
        ExactResult r = ExactMethod.CORRELATION.solve(chain);
        System.out.printf("correlation %-28s wall %7.3f s  cpu %7.3f s  J_left %.12g  extras %s%n", label,
                (System.nanoTime() - t0) * 1e-9, cpuSeconds() - c0, r.heatCurrentLeft(), r.extras());
        return r;
    }

    @Test
    void uniformChainWithDephasing() {
        timed("warm-up N=300", build(300));
        for (int n : new int[] {100, 1000, 2000}) {
            Chain chain = build(n);
            ExactResult r = timed("uniform N=" + n + " deph=0.5", chain);
            double exact = new ClosedForm().solve(chain).heatCurrentLeft();
            System.out.printf("    closed form %.12g, relative difference %.2e%n", exact, r.heatCurrentLeft() / exact - 1);
            assertEquals(exact, r.heatCurrentLeft(), 1e-7 * exact);
        }
    }

    @Test
    void disorderedThousandSites() {
        SplittableRandom rng = new SplittableRandom(2026);
        int n = 1000;
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = rng.nextDouble(0.5, 1.5);
            d[k] = rng.nextDouble(0.2, 0.8);
            if (k < n - 1) {
                g[k] = rng.nextDouble(0.5, 1.5);
            }
        }
        Chain chain = Chain.of(w, g, new double[n - 1], d, new double[n - 1], new Bath(0, 1, 1), new Bath(n - 1, 1, 0));
        ExactResult r = timed("disordered N=1000", chain);
        double scale = Math.abs(r.particleCurrentLeft());
        assertEquals(0, r.particleCurrentLeft() + r.particleCurrentRight(), 1e-7 * scale);
        assertEquals(0, r.heatCurrentLeft() + r.heatCurrentRight() + r.heatCurrentDephasing(),
                1e-7 * (Math.abs(r.heatCurrentLeft()) + Math.abs(r.heatCurrentDephasing())));
        assertTrue(r.heatCurrentLeft() > 0);
    }

    private static Chain build(int n) {
        return new ModelSpec(n, null, null, null, PerElement.of(0.5), null, null, null, null).build();
    }
}
