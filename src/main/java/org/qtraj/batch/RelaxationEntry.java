package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelException;

/**
 * The relaxation keys of a method entry: {@code times} (a list of numbers, or {@code {range: [first, last, count]}})
 * and {@code initial_state} (a bit string, site 1 first, e.g. "1000"; sites past its end, and all sites by default, start
 * in the ground state, so "1" excites site 1 at every N of a sweep). Immutable.
 *
 * @param times        strictly increasing, >= 0, the last > 0; empty when the entry has no {@code times}
 * @param initialState the bit string, or null for all ground
 * @param entry        the entry, for messages
 */
record RelaxationEntry(List<Double> times, String initialState, MethodEntry entry) {

    /** Parses the keys of {@code e} (types and ranges; the initial state's length is checked per chain). */
    static RelaxationEntry of(MethodEntry e) {
        List<Double> times = new ArrayList<>();
        JsonNode node = e.params().get("times");
        String field = e.field("times");
        if (node != null) {
            if (node.isObject()) {
                SpecNodes.checkKeys(field + ".", node, java.util.Set.of("range"));
                double[] r = SpecNodes.numbers(field + ".range", node.get("range"));
                if (r.length != 3 || r[2] != Math.rint(r[2]) || r[2] < 2 || !(r[1] > r[0])) {
                    throw new ModelException(field + ".range", "must be [first, last, count] with last > first and an "
                            + "integer count >= 2");
                }
                int k = (int) r[2];
                for (int i = 0; i < k; i++) {
                    times.add(i == k - 1 ? r[1] : r[0] + i * (r[1] - r[0]) / (k - 1));
                }
            } else {
                for (double t : SpecNodes.numbers(field, node)) {
                    times.add(t);
                }
            }
            double previous = -1;
            for (double t : times) {
                if (!(t > previous)) {
                    throw new ModelException(field, "must be >= 0 and strictly increasing, got " + times);
                }
                previous = t;
            }
            if (!(previous > 0)) {
                throw new ModelException(field, "the last time must be > 0, got " + times);
            }
        }
        JsonNode initNode = e.params().get("initial_state");
        if (initNode != null && initNode.isNumber()) {
            throw new ModelException(e.field("initial_state"), "write it quoted, e.g. '0110': as a number it loses its "
                    + "leading zeros, got " + initNode);
        }
        String init = e.text("initial_state").orElse(null);
        if (init != null && !init.matches("[01]+")) {
            throw new ModelException(e.field("initial_state"), "must be digits 0 and 1, site 1 first (e.g. '1000'), got '"
                    + init + "'");
        }
        return new RelaxationEntry(List.copyOf(times), init, e);
    }

    /** Whether the entry asks for relaxation samples. */
    boolean active() {
        return !times.isEmpty();
    }

    /** Why the initial state does not fit {@code chain}, or null. */
    String refusal(Chain chain) {
        if (initialState != null && initialState.length() > chain.sites()) {
            return "initial_state '" + initialState + "' has " + initialState.length() + " digits for " + chain.sites()
                    + " sites";
        }
        if (initialState != null && chain.sites() > 31) {
            return "initial_state can be given for up to 31 sites";
        }
        return null;
    }

    /** The initial state as a bit mask (bit k: site k + 1); 0 without initial_state. */
    int mask() {
        int m = 0;
        if (initialState != null) {
            for (int k = 0; k < initialState.length(); k++) {
                if (initialState.charAt(k) == '1') {
                    m |= 1 << k;
                }
            }
        }
        return m;
    }

    /** The times as an array. */
    double[] timeArray() {
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
