package org.qtraj.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.ExactMethod;

/** {@link Benchmarks#gaussianToTarget}, the entry behind {@code qtraj bench --gaussian-one-percent}, on a small chain. */
class GaussianToTargetTest {

    @Test
    void stopsAtTheTargetErrorWithinErrorsOfTheCorrelationSolver() {
        // N = 10, dephasing 0.5, window [50, 550], to 5 %: a few seconds instead of the bench's N = 100 to 1 %.
        Map<String, Object> m = Benchmarks.gaussianToTarget(10, 0.5, 50, 550, 0.05, 2, 7);
        double value = (Double) m.get("heat_current");
        double error = (Double) m.get("stderr");
        double exact = ExactMethod.CORRELATION.solve(Benchmarks.chain(10, 0.5)).heatCurrentLeft();
        assertEquals(exact, (Double) m.get("exact"), 0, "the reference is the correlation solver's");
        assertTrue(error <= 0.05 * Math.abs(value), m.toString());
        // |z| < 4 against the exact value: a false alarm of about 6e-5 for a normal estimate with a good error bar
        assertTrue(Math.abs((value - exact) / error) < 4, m.toString());
        assertEquals((value - exact) / error, (Double) m.get("z"), 1e-12);
        assertTrue((Long) m.get("trajectories") >= 2, m.toString());
        assertTrue((Double) m.get("seconds") > 0, m.toString());
    }
}
