package org.qtraj.trajectory;

import java.util.List;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Time window and initial state of a steady-state trajectory: estimators average over [tBurn, tTotal].
 *
 * <p>Default times ({@link #defaults}) follow from the chain's slowest relaxation, estimated by
 * t_relax = N R with the series "resistance" of the closed form (PHYSICS.md),
 * R = 1/gamma_left + 1/gamma_right + sum_b kappa_b / (2 g_b^2), kappa_b the decay rate of the coherence on bond b
 * ((d_b + d_{b+1})/2 plus gamma_j/2 for a bath on either end): the time one excitation needs to cross the chain,
 * times the number of sites to fill. Checked against the spectral gap of the Liouvillian (QuTiP, uniform chains,
 * T_1 = 1, T_N = 0): gap * t_relax is 4.3 / 6.0 / 12.0 at N = 2 (dephasing 0 / 0.5 / 5), 3.5 / 5.6 / 10.3 at N = 4,
 * 2.5 at N = 5 without dephasing; it falls with N for the ballistic (dephasing-free) chain, so for long clean chains
 * the default burn-in is shorter in units of the true relaxation time. Then t_burn = 2 t_relax and
 * t_total = 12 t_relax: for the cases above the transient left after the burn-in is at most e^-5 of its initial size.
 *
 * <p>Optionally the trajectory also records the site populations at given sample times (relaxation curves from
 * the initial state, {@link QuantumTrajectory}).
 *
 * @param tBurn        start of the averaging window, >= 0
 * @param tTotal       end of the trajectory, > tBurn
 * @param initialState bit mask of the initial basis state (bit k set: site k excited); 0 is the all-ground state
 * @param sampleTimes  strictly increasing times in [0, tTotal] at which the populations are recorded; may be empty
 */
public record TrajectoryOptions(double tBurn, double tTotal, int initialState, List<Double> sampleTimes) {

    public TrajectoryOptions {
        sampleTimes = List.copyOf(sampleTimes);
        if (!(Double.isFinite(tBurn) && tBurn >= 0)) {
            throw new InvalidInputException("t-burn", "must be a finite number >= 0, got " + tBurn);
        }
        if (!(Double.isFinite(tTotal) && tTotal > tBurn)) {
            throw new InvalidInputException("t-total", "must be a finite number > t-burn (" + tBurn + "), got " + tTotal);
        }
        if (initialState < 0) {
            throw new InvalidInputException("initial-state", "must be a bit mask >= 0, got " + initialState);
        }
        double previous = -1;
        for (double t : sampleTimes) {
            if (!(t > previous && t <= tTotal)) {
                throw new InvalidInputException("times", "must be strictly increasing times in [0, t-total = " + tTotal
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

    /** t_burn = 2 t_relax, t_total = 12 t_relax (see the class comment), from the all-ground state. */
    public static TrajectoryOptions defaults(Chain chain) {
        double t = relaxationTime(chain);
        return new TrajectoryOptions(2 * t, 12 * t, 0);
    }

    /**
     * t_relax = N R (class comment).
     *
     * @throws InvalidInputException if both baths are off or a bond has zero coupling (no finite default: give the times)
     */
    public static double relaxationTime(Chain chain) {
        int n = chain.sites();
        double resistance = 0;
        Bath[] baths = chain.baths();
        double[] bathGamma = new double[2];
        boolean anyBath = false;
        for (int j = 0; j < 2; j++) {
            bathGamma[j] = baths[j].gamma(chain.bathOmega(baths[j]));
            if (bathGamma[j] > 0) {
                resistance += 1 / bathGamma[j];
                anyBath = true;
            }
        }
        if (!anyBath) {
            throw new InvalidInputException("t-total", "no default without a coupled bath: give --t-total and --t-burn");
        }
        for (int b = 0; b < n - 1; b++) {
            double g = chain.coupling(b);
            if (g == 0) {
                throw new InvalidInputException("t-total", "no default for a chain with an uncoupled bond (" + (b + 1)
                        + "): give --t-total and --t-burn");
            }
            double kappa = 0.5 * (chain.dephasing(b) + chain.dephasing(b + 1));
            for (int j = 0; j < 2; j++) {
                int k = baths[j].site();
                if (k == b || k == b + 1) {
                    kappa += 0.5 * bathGamma[j];
                }
            }
            resistance += kappa / (2 * g * g);
        }
        return n * resistance;
    }
}
