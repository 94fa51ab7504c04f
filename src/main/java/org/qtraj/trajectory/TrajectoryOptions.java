package org.qtraj.trajectory;

import java.util.List;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.model.RelaxationTimes;

/**
 * Time window and initial state of a steady-state trajectory: estimators average over [tBurn, tTotal].
 *
 * <p>Default times ({@link #defaults}) follow from the chain's relaxation time ({@link RelaxationTimes#quantum}).
 *
 * <p>Optionally the trajectory also records the site populations at given sample times (relaxation curves from
 * the initial state, {@link QuantumTrajectory}).
 *
 * <p>Immutable and thread-safe (the sample times are copied into an unmodifiable list).
 *
 * @param tBurn        start of the averaging window, >= 0
 * @param tTotal       end of the trajectory, > tBurn
 * @param initialState bit mask of the initial basis state (bit k set: site k excited); 0 is the all-ground state
 * @param sampleTimes  strictly increasing times in [0, tTotal] at which the populations are recorded; may be empty
 */
public record TrajectoryOptions(double tBurn, double tTotal, int initialState, List<Double> sampleTimes) {

    /**
     * Validates the window and copies the sample times.
     *
     * @throws InvalidInputException naming t_burn unless 0 &lt;= tBurn &lt; infinity, t_total unless tBurn &lt; tTotal
     *                               &lt; infinity, initial_state if negative, times unless strictly increasing and
     *                               &lt;= tTotal (the check starts from -1, so a time in (-1, 0) is not refused)
     */
    public TrajectoryOptions {
        sampleTimes = List.copyOf(sampleTimes);
        if (!(Double.isFinite(tBurn) && tBurn >= 0)) {
            throw new InvalidInputException("t_burn", "must be a finite number >= 0, got " + tBurn);
        }
        if (!(Double.isFinite(tTotal) && tTotal > tBurn)) {
            throw new InvalidInputException("t_total", "must be a finite number > t_burn (" + tBurn + "), got " + tTotal);
        }
        if (initialState < 0) {
            throw new InvalidInputException("initial_state", "must be a bit mask >= 0, got " + initialState);
        }
        double previous = -1;
        for (double t : sampleTimes) {
            if (!(t > previous && t >= 0 && t <= tTotal)) {
                throw new InvalidInputException("times", "must be strictly increasing times in [0, t_total = " + tTotal
                        + "], got " + sampleTimes);
            }
            previous = t;
        }
    }

    /** Window [tBurn, tTotal] from the basis state {@code initialState}, without sample times. */
    public TrajectoryOptions(double tBurn, double tTotal, int initialState) {
        this(tBurn, tTotal, initialState, List.of());
    }

    /** These options with populations recorded at {@code times} from the basis state {@code initialState}. */
    public TrajectoryOptions sampling(int initial, List<Double> times) {
        return new TrajectoryOptions(tBurn, tTotal, initial, times);
    }

    /** Window [tBurn, tTotal] from the all-ground state. */
    public static TrajectoryOptions of(double tBurn, double tTotal) {
        return new TrajectoryOptions(tBurn, tTotal, 0);
    }

    /** The default window of {@link RelaxationTimes}: [2, 12] quantum relaxation times, from the all-ground state. */
    public static TrajectoryOptions defaults(Chain chain) {
        double t = RelaxationTimes.quantum(chain);
        return new TrajectoryOptions(RelaxationTimes.BURN_IN * t, RelaxationTimes.TOTAL * t, 0);
    }

    /**
     * Checks that the initial mask has no bit beyond site {@code sites} (masks hold 31 sites; longer chains start
     * empty past them).
     *
     * @throws InvalidInputException naming "initial_state" otherwise
     */
    public void requireInitialStateFits(int sites) {
        if (sites < 31 && initialState >= 1 << sites) {
            throw new InvalidInputException("initial_state", "must be a mask below 2^N = " + (1 << sites) + ", got "
                    + initialState);
        }
    }
}
