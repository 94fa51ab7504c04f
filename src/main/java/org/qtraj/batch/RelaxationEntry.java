package org.qtraj.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.model.InitialState;
import org.qtraj.simulation.RelaxationInputs;

/**
 * The relaxation keys of a method entry: {@code times} (a list of numbers, or {@code {range: [first, last, count]}})
 * and {@code initial_state} (a bit string, site 1 first, e.g. "1000"; sites past its end, and all sites by default, start
 * in the ground state, so "1" excites site 1 at every N of a sweep; or a name of {@link InitialState#parse}:
 * domain-wall, empty, full, alternating, resolved at each point's N). Immutable.
 *
 * @param times        strictly increasing, >= 0, the last > 0; empty when the entry has no {@code times}
 * @param initialState the initial state ({@link InitialState#empty()} without initial_state)
 * @param entry        the entry, for messages
 */
record RelaxationEntry(List<Double> times, InitialState initialState, MethodEntry entry) {

    /** Parses the keys of {@code e} (types and ranges; the initial state's length is checked per chain). */
    static RelaxationEntry of(MethodEntry e) {
        List<Double> times = new ArrayList<>();
        JsonNode node = e.params().get("times");
        String field = e.field("times");
        if (node != null) {
            if (node.isObject()) {
                SpecNodes.checkKeys(field + ".", node, java.util.Set.of("range"));
                double[] r = SpecNodes.numbers(field + ".range", node.get("range"));
                if (r.length != 3) {
                    throw new InvalidInputException(field + ".range", "must be [first, last, count]");
                }
                times = RelaxationInputs.evenlySpaced(field + ".range", r[0], r[1], r[2]);
            } else {
                for (double t : SpecNodes.numbers(field, node)) {
                    times.add(t);
                }
            }
            times = RelaxationInputs.checkedTimes(field, times);
        }
        JsonNode initNode = e.params().get("initial_state");
        if (initNode != null && initNode.isNumber()) {
            throw new InvalidInputException(e.field("initial_state"), "write it quoted, e.g. '0110': as a number it loses its "
                    + "leading zeros, got " + initNode);
        }
        String text = e.text("initial_state").orElse(null);
        InitialState init = InitialState.empty();
        if (text != null) {
            try {
                init = InitialState.parse(text);
            } catch (InvalidInputException bad) {
                throw new InvalidInputException(e.field("initial_state"), bad.getMessage());
            }
        }
        return new RelaxationEntry(List.copyOf(times), init, e);
    }

    /** Whether the entry asks for relaxation samples. */
    boolean active() {
        return !times.isEmpty();
    }

    /** Why the initial state does not fit {@code chain}, or null. */
    String refusal(Chain chain) {
        String why = initialState.refusal(chain.sites());
        return why == null ? null : "initial_state " + why;
    }

    /** The times as an array. */
    double[] timeArray() {
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
