package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qtraj.ensemble.SeedStreams;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;

/**
 * Populations recorded at sample times (relaxation curves): the initial state at t = 0, valid probabilities, the
 * steady-state estimators unchanged but for rounding by the extra step cuts, bad times refused. The ensemble means
 * against the exact time evolution are tested through {@code qtraj simulate --times}.
 */
class SampleTimesTest {
    private static final List<Double> TIMES = List.of(0.0, 0.5, 2.0, 5.0, 10.0, 25.0);

    @Test
    void samplesStartInTheInitialStateAndAreProbabilities() {
        Chain chain = TrajectoryRuns.uniform(4, 0.5, 1, 1, 1, 0);
        int initial = 0b0101; // sites 1 and 3 excited
        QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain, 1e-9),
                TrajectoryOptions.of(5, 25).sampling(initial, TIMES));
        int first = q.names().indexOf("population_1_at_0");
        assertEquals(QuantumTrajectory.estimatorNames(4).size(), first);
        assertEquals(q.names().size(), first + 4 * TIMES.size());
        for (long i = 0; i < 20; i++) {
            double[] v = q.run(SeedStreams.stream(3, i));
            for (int k = 0; k < 4; k++) {
                assertEquals((initial >> k) & 1, v[first + k], 0.0, "t = 0, site " + (k + 1));
            }
            for (int j = 0; j < TIMES.size(); j++) {
                double sum = 0;
                for (int k = 0; k < 4; k++) {
                    double p = v[first + 4 * j + k];
                    assertEquals(0.5, p, 0.5 + 1e-12, "a probability");
                    sum += p;
                }
                // every trajectory stays in one excitation sector between jumps: the total is an integer
                assertEquals(Math.rint(sum), sum, 1e-9, "total excitation at t_" + j);
            }
        }
    }

    /** The extra step cuts change the steady-state estimators only by rounding (fixed seeds, 1e-7 relative). */
    @Test
    void samplingLeavesTheSteadyStateEstimatorsAlone() {
        Chain chain = TrajectoryRuns.uniform(3, 0.5, 1, 1, 1, 0);
        QuantumTrajectory plain = QuantumTrajectory.of(Unravelling.of(chain, 1e-9), TrajectoryOptions.of(5, 25));
        QuantumTrajectory sampled = QuantumTrajectory.of(Unravelling.of(chain, 1e-9),
                TrajectoryOptions.of(5, 25).sampling(0, TIMES));
        for (long i = 0; i < 20; i++) {
            double[] a = plain.run(SeedStreams.stream(8, i));
            double[] b = sampled.run(SeedStreams.stream(8, i));
            for (int e = 0; e < a.length; e++) {
                assertEquals(a[e], b[e], 1e-7 * Math.max(1, Math.abs(a[e])), plain.names().get(e) + ", trajectory " + i);
            }
        }
    }

    @Test
    void badSampleTimesAreRefused() {
        assertEquals("times", assertThrows(InvalidInputException.class,
                () -> TrajectoryOptions.of(0, 10).sampling(0, List.of(1.0, 0.5))).field());
        assertEquals("times", assertThrows(InvalidInputException.class,
                () -> TrajectoryOptions.of(0, 10).sampling(0, List.of(1.0, 11.0))).field());
        assertEquals("times", assertThrows(InvalidInputException.class,
                () -> TrajectoryOptions.of(0, 10).sampling(0, List.of(-1.0))).field());
    }
}
