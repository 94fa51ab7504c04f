package org.qtraj.simulation;

import java.util.ArrayList;
import java.util.List;
import org.qtraj.errors.InvalidInputException;

/**
 * The inputs of relaxation curves, shared by the command line (--times, --initial-state) and run specs (times,
 * initial_state): the sample times (the initial state is {@link org.qtraj.model.InitialState}). Stateless.
 */
public final class RelaxationInputs {
    /** Most sample times a relaxation curve may have (each is a column of every trajectory's estimates). */
    public static final int MAX_TIMES = 100_000;

    private RelaxationInputs() {
    }

    /**
     * {@code count} equally spaced times from {@code first} to {@code last}, both exactly.
     *
     * @throws InvalidInputException naming {@code field} unless last > first and count is an integer >= 2
     */
    public static List<Double> evenlySpaced(String field, double first, double last, double count) {
        if (count != Math.rint(count) || count < 2 || !(last > first)) {
            throw new InvalidInputException(field, "needs last > first and an integer count >= 2, got first " + first
                    + ", last " + last + ", count " + count);
        }
        if (count > MAX_TIMES) {
            throw new InvalidInputException(field, "asks for " + count + " times; at most " + MAX_TIMES + " are allowed");
        }
        int k = (int) count;
        List<Double> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            // exact end point: first + i (last - first)/(k - 1) can miss last by rounding
            out.add(i == k - 1 ? last : first + i * (last - first) / (k - 1));
        }
        return out;
    }

    /**
     * {@code times} if they are finite, >= 0, strictly increasing and end above 0.
     *
     * @throws InvalidInputException naming {@code field} otherwise
     */
    public static List<Double> checkedTimes(String field, List<Double> times) {
        double previous = -1;
        for (double t : times) {
            if (!(t > previous) || !Double.isFinite(t)) {
                throw new InvalidInputException(field, "must be finite, >= 0 and strictly increasing, got " + times);
            }
            previous = t;
        }
        if (!(previous > 0)) {
            throw new InvalidInputException(field, "the last time must be > 0, got " + times);
        }
        return List.copyOf(times);
    }
}
