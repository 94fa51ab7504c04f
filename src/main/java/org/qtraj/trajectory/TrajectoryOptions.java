package org.qtraj.trajectory;

import java.util.List;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.model.InitialState;
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
 * @param initialState the initial basis state (a pattern of any length or a named state, resolved at the chain's N)
 * @param sampleTimes  strictly increasing times in [0, tTotal] at which the populations are recorded; may be empty
 * @param dephasingJumps how the dephasing is unravelled ({@link DephasingJumps}); the sector engine takes
 *                       {@link DephasingJumps#PROJECTIVE} only
 */
public record TrajectoryOptions(double tBurn, double tTotal, InitialState initialState, List<Double> sampleTimes,
                                DephasingJumps dephasingJumps) {

    /**
     * Validates the window and copies the sample times.
     *
     * @throws InvalidInputException naming t_burn unless 0 &lt;= tBurn &lt; infinity, t_total unless tBurn &lt; tTotal
     *                               &lt; infinity, initial_state if null, times unless strictly increasing and
     *                               &lt;= tTotal (the check starts from -1, so a time in (-1, 0) is not refused),
     *                               dephasing_jumps if null
     */
    public TrajectoryOptions {
        sampleTimes = List.copyOf(sampleTimes);
        if (dephasingJumps == null) {
            throw new InvalidInputException("dephasing_jumps", "must be given (projective or phase-flip)");
        }
        if (!(Double.isFinite(tBurn) && tBurn >= 0)) {
            throw new InvalidInputException("t_burn", "must be a finite number >= 0, got " + tBurn);
        }
        if (!(Double.isFinite(tTotal) && tTotal > tBurn)) {
            throw new InvalidInputException("t_total", "must be a finite number > t_burn (" + tBurn + "), got " + tTotal);
        }
        if (initialState == null) {
            throw new InvalidInputException("initial_state", "must be given (InitialState.empty() for all ground)");
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

    /** Window, initial state and sample times, dephasing unravelled by projective jumps. */
    public TrajectoryOptions(double tBurn, double tTotal, InitialState initialState, List<Double> sampleTimes) {
        this(tBurn, tTotal, initialState, sampleTimes, DephasingJumps.PROJECTIVE);
    }

    /** These options with the dephasing unravelled by {@code jumps}. */
    public TrajectoryOptions withDephasingJumps(DephasingJumps jumps) {
        return new TrajectoryOptions(tBurn, tTotal, initialState, sampleTimes, jumps);
    }

    /** Window [tBurn, tTotal] from the basis state {@code initialState}, without sample times. */
    public TrajectoryOptions(double tBurn, double tTotal, InitialState initialState) {
        this(tBurn, tTotal, initialState, List.of());
    }

    /** Window [tBurn, tTotal] from the basis state of the bit mask {@code initialState} (bit k: site k + 1). */
    public TrajectoryOptions(double tBurn, double tTotal, int initialState) {
        this(tBurn, tTotal, InitialState.ofMask(initialState), List.of());
    }

    /** These options with populations recorded at {@code times} from the basis state {@code initial}. */
    public TrajectoryOptions sampling(InitialState initial, List<Double> times) {
        return new TrajectoryOptions(tBurn, tTotal, initial, times, dephasingJumps);
    }

    /** These options with populations recorded at {@code times} from the bit mask {@code initial} (bit k: site k + 1). */
    public TrajectoryOptions sampling(int initial, List<Double> times) {
        return sampling(InitialState.ofMask(initial), times);
    }

    /** Window [tBurn, tTotal] from the all-ground state. */
    public static TrajectoryOptions of(double tBurn, double tTotal) {
        return new TrajectoryOptions(tBurn, tTotal, InitialState.empty());
    }

    /** The default window of {@link RelaxationTimes}: [2, 12] quantum relaxation times, from the all-ground state. */
    public static TrajectoryOptions defaults(Chain chain) {
        double t = RelaxationTimes.quantum(chain);
        return new TrajectoryOptions(RelaxationTimes.BURN_IN * t, RelaxationTimes.TOTAL * t, InitialState.empty());
    }

    /**
     * Checks that the initial state fits a chain of {@code sites} sites (a pattern no longer than N).
     *
     * @throws InvalidInputException naming "initial_state" otherwise
     */
    public void requireInitialStateFits(int sites) {
        initialState.requireFits(sites);
    }
}
