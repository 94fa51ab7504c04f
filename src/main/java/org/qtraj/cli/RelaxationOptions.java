package org.qtraj.cli;

import java.util.ArrayList;
import java.util.List;
import org.qtraj.batch.SimulationSettings;
import org.qtraj.model.ModelException;
import picocli.CommandLine.Option;

/** --times and --initial-state of {@code qtraj simulate}: relaxation curves from a basis state. */
final class RelaxationOptions {
    @Option(names = "--times", paramLabel = "T1,T2,..|A:B:K", description = {"Also record the populations at these "
            + "times from the initial state (relaxation curves, with error bars and the exact time evolution): a list, "
            + "or A:B:K for K equally spaced times from A to B. Without --t-total the trajectories end at the last time."})
    String times;

    @Option(names = "--initial-state", paramLabel = "BITS", description = "Initial basis state, site 1 first, e.g. 1000 "
            + "(site 1 excited); sites past the last digit, and all by default, start in the ground state.")
    String initialState;

    /**
     * {@code settings} with the initial state and, if --times is given, the sample times; then, without --t-total,
     * the trajectories run from t = 0 to the last time.
     */
    SimulationSettings apply(SimulationSettings settings, int sites) {
        int initial = initialMask(sites);
        if (!active()) {
            return settings.sampling(initial, List.of());
        }
        List<Double> t = times();
        if (!settings.hasTimes()) {
            settings = new SimulationSettings(settings.seed(), settings.threads(), settings.stop(), t.get(t.size() - 1),
                    0, settings.tolerance(), settings.monitor());
        }
        return settings.sampling(initial, t);
    }

    /** Whether relaxation curves were asked for. */
    boolean active() {
        return times != null;
    }

    /** The times, strictly increasing and >= 0 ("times" named on bad input). */
    List<Double> times() {
        List<Double> out = new ArrayList<>();
        String t = times.trim();
        try {
            if (t.contains(":")) {
                String[] p = t.split(":");
                if (p.length != 3) {
                    throw new NumberFormatException();
                }
                double a = Double.parseDouble(p[0].trim());
                double b = Double.parseDouble(p[1].trim());
                int k = Integer.parseInt(p[2].trim());
                if (k < 2 || !(b > a)) {
                    throw new ModelException("times", "A:B:K needs B > A and K >= 2, got '" + times + "'");
                }
                for (int i = 0; i < k; i++) {
                    // exact end points: a + i (b - a)/(k - 1) would miss b by rounding
                    out.add(i == k - 1 ? b : a + i * (b - a) / (k - 1));
                }
            } else {
                for (String s : t.split(",")) {
                    out.add(Double.parseDouble(s.trim()));
                }
            }
        } catch (NumberFormatException e) {
            throw new ModelException("times", "must be numbers T1,T2,... or A:B:K, got '" + times + "'");
        }
        double previous = -1;
        for (double x : out) {
            if (!(x > previous) || !Double.isFinite(x)) {
                throw new ModelException("times", "must be finite, >= 0 and strictly increasing, got '" + times + "'");
            }
            previous = x;
        }
        if (!(previous > 0)) {
            throw new ModelException("times", "the last time must be > 0, got '" + times + "'");
        }
        return out;
    }

    /** The initial state as a bit mask (bit k: site k + 1 excited), for a chain of {@code sites} sites. */
    int initialMask(int sites) {
        if (initialState == null) {
            return 0;
        }
        String b = initialState.trim();
        if (sites > 31) {
            throw new ModelException("initial-state", "can be given for up to 31 sites, the chain has " + sites);
        }
        if (b.length() > sites || !b.matches("[01]+")) {
            throw new ModelException("initial-state", "must be at most " + sites + " digits 0 or 1, site 1 first (e.g. 1"
                    + "0".repeat(Math.max(sites - 1, 0)) + "; missing sites start in the ground state), got '"
                    + initialState + "'");
        }
        int mask = 0;
        for (int k = 0; k < b.length(); k++) {
            if (b.charAt(k) == '1') {
                mask |= 1 << k;
            }
        }
        return mask;
    }

    /** The mask as the bit string of {@link #initialMask}. */
    static String bits(int mask, int sites) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < sites; k++) {
            sb.append((mask >> k & 1) != 0 ? '1' : '0');
        }
        return sb.toString();
    }
}
