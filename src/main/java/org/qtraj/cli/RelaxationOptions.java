package org.qtraj.cli;

import java.util.ArrayList;
import java.util.List;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.InitialState;
import org.qtraj.simulation.RelaxationInputs;
import org.qtraj.simulation.SimulationSettings;
import picocli.CommandLine.Option;

/** --times and --initial-state of {@code qtraj simulate}: relaxation curves from a basis state. */
final class RelaxationOptions {
    /** Most sample times --times may ask for (a larger count only exhausts the memory: 0:1:1e9). */
    static final int MAX_TIMES = 100_000;

    @Option(names = "--times", paramLabel = "T1,T2,..|A:B:K", description = {"Also record the populations at these "
            + "times from the initial state (relaxation curves, with error bars and the exact time evolution): a list, "
            + "or A:B:K for K equally spaced times from A to B. Without --t-total the trajectories end at the last time."})
    String times;

    @Option(names = "--initial-state", paramLabel = "BITS|NAME", description = "Initial basis state: digits 0/1, site 1 "
            + "first, e.g. 1000 (site 1 excited), of any length up to N; sites past the last digit, and all by default, "
            + "start in the ground state. Or a name: domain-wall (sites 1..N/2 excited), empty, full, alternating (1010...).")
    String initialState;

    /**
     * {@code settings} with the initial state and, if --times is given, the sample times; then, without --t-total,
     * the trajectories run from t = 0 to the last time.
     */
    SimulationSettings apply(SimulationSettings settings, int sites) {
        InitialState initial = initialState(sites);
        if (!active()) {
            return settings.toBuilder().relaxation(initial, List.of()).build();
        }
        List<Double> t = times();
        SimulationSettings.Builder b = settings.toBuilder().relaxation(initial, t);
        if (!settings.hasTimes()) {
            b.window(0, t.get(t.size() - 1));
        }
        return b.build();
    }

    /** Whether relaxation curves were asked for. */
    boolean active() {
        return times != null;
    }

    /** The times, strictly increasing and >= 0 ("times" named on bad input). */
    List<Double> times() {
        String t = times.trim();
        try {
            if (t.contains(":")) {
                String[] p = t.split(":");
                if (p.length != 3) {
                    throw new NumberFormatException();
                }
                double count = Double.parseDouble(p[2].trim());
                if (count > MAX_TIMES) {
                    throw new InvalidInputException("times", "asks for " + p[2].trim() + " times; at most " + MAX_TIMES
                            + " are allowed, got '" + times + "'");
                }
                return RelaxationInputs.checkedTimes("times", RelaxationInputs.evenlySpaced("times",
                        Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()), count));
            }
            String[] parts = t.split(",");
            if (parts.length > MAX_TIMES) {
                throw new InvalidInputException("times", "lists " + parts.length + " times; at most " + MAX_TIMES + " are allowed");
            }
            List<Double> out = new ArrayList<>();
            for (String s : parts) {
                out.add(Double.parseDouble(s.trim()));
            }
            return RelaxationInputs.checkedTimes("times", out);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("times", "must be numbers T1,T2,... or A:B:K, got '" + times + "'");
        }
    }

    /** The initial state, checked against a chain of {@code sites} sites ("initial_state" named on bad input). */
    InitialState initialState(int sites) {
        if (initialState == null) {
            return InitialState.empty();
        }
        InitialState s = InitialState.parse(initialState);
        s.requireFits(sites);
        return s;
    }
}
