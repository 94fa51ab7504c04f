package org.qtraj.simulation;

import java.util.ArrayList;
import java.util.List;
import org.qtraj.errors.InvalidInputException;

/**
 * The inputs of relaxation curves, shared by the command line (--times, --initial-state) and run specs (times,
 * initial_state): sample times and the initial basis state as a bit string, site 1 first, whose missing trailing
 * sites start in the ground state ("1" excites site 1 at any N). Masks hold bit k for site k + 1, so an initial
 * state can be given for up to {@value #MAX_MASK_SITES} sites. Stateless.
 */
public final class RelaxationInputs {
    /** Most sites an initial state can be given for (an int mask). */
    public static final int MAX_MASK_SITES = 31;
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

    /** Why {@code bits} is not an initial state of a chain of {@code sites} sites, or null if it is. */
    public static String refusal(String bits, int sites) {
        if (!bits.matches("[01]+")) {
            return "must be digits 0 and 1, site 1 first (e.g. 1000), got '" + bits + "'";
        }
        if (sites > MAX_MASK_SITES) {
            return "can be given for up to " + MAX_MASK_SITES + " sites, the chain has " + sites;
        }
        if (bits.length() > sites) {
            return "'" + bits + "' has " + bits.length() + " digits for " + sites + " sites";
        }
        return null;
    }

    /** The mask of a valid bit string ({@link #refusal} null); 0 for null (all ground). */
    public static int mask(String bits) {
        int m = 0;
        if (bits != null) {
            for (int k = 0; k < bits.length(); k++) {
                if (bits.charAt(k) == '1') {
                    m |= 1 << k;
                }
            }
        }
        return m;
    }

    /** The bit string of a mask over {@code sites} sites. */
    public static String bits(int mask, int sites) {
        StringBuilder sb = new StringBuilder(sites);
        for (int k = 0; k < sites; k++) {
            sb.append(k < MAX_MASK_SITES && (mask >> k & 1) != 0 ? '1' : '0');
        }
        return sb.toString();
    }

    /** The occupations 0 or 1 of a mask over {@code sites} sites (sites past the mask's bits are empty). */
    public static double[] occupations(int mask, int sites) {
        double[] p = new double[sites];
        for (int k = 0; k < Math.min(sites, MAX_MASK_SITES); k++) {
            p[k] = mask >> k & 1;
        }
        return p;
    }
}
