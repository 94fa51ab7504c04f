package org.qtraj.simulation;

import java.util.List;
import org.qtraj.ensemble.StopRule;
import org.qtraj.errors.InvalidInputException;

/**
 * How to run an ensemble of trajectories (quantum or classical).
 *
 * @param seed      master seed: trajectory i draws from the stream (seed, i)
 * @param threads   worker threads, >= 1; results do not depend on it
 * @param stop      trajectory count, target error and/or time limit
 * @param tTotal    end of each trajectory, or NaN for the model's default
 * @param tBurn     start of the averaging window, or NaN for the model's default
 * @param tolerance integration tolerance of the quantum trajectories (ignored by the classical simulation)
 * @param monitor   the estimator the target error applies to and the progress bar shows
 * @param initialState bit mask of the initial basis state or configuration (bit k: site k + 1 excited; the
 *                     classical simulation reads the first 31 bits, the quantum chain has at most 20 sites)
 * @param sampleTimes  times at which the trajectories record the populations (relaxation curves); may be empty
 */
public record SimulationSettings(long seed, int threads, StopRule stop, double tTotal, double tBurn, double tolerance,
                                 String monitor, int initialState, List<Double> sampleTimes) {
    public SimulationSettings {
        sampleTimes = List.copyOf(sampleTimes);
        if (threads < 1) {
            throw new InvalidInputException("threads", "must be >= 1, got " + threads);
        }
        if (Double.isNaN(tTotal) != Double.isNaN(tBurn)) {
            throw new InvalidInputException(Double.isNaN(tTotal) ? "t-total" : "t-burn",
                    "give both --t-total and --t-burn, or neither (then both follow from the model's slowest rate)");
        }
    }

    /** Steady-state settings: from the all-ground state, no sample times. */
    public SimulationSettings(long seed, int threads, StopRule stop, double tTotal, double tBurn, double tolerance,
                              String monitor) {
        this(seed, threads, stop, tTotal, tBurn, tolerance, monitor, 0, List.of());
    }

    /** These settings with relaxation sampling: populations at {@code times} from the basis state {@code initial}. */
    public SimulationSettings sampling(int initial, List<Double> times) {
        return new SimulationSettings(seed, threads, stop, tTotal, tBurn, tolerance, monitor, initial, times);
    }

    /** The sample times as an array. */
    public double[] sampleTimeArray() {
        return sampleTimes.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether the times are given (else the model's defaults apply). */
    public boolean hasTimes() {
        return !Double.isNaN(tTotal);
    }
}
