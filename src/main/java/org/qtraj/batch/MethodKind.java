package org.qtraj.batch;

import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one registry of the method kinds a run spec may name ({@code methods: [{method: KIND, ...}]}): each kind's
 * name, the parameter keys its entries accept (besides {@code method} and {@code label}), and the factory that binds
 * an entry to a {@link PointMethod}. Adding a method is one constant here. Immutable (an enum).
 */
public enum MethodKind {
    /** An exact steady state ({@code solver: auto|closed|correlation|liouvillian|rate}). */
    EXACT("exact", Set.of("solver"), ExactPointMethod::of),
    /**
     * Quantum trajectories ({@code engine: sector|gaussian|auto}, default sector; {@code dephasing_jumps:
     * projective|phase-flip}, default projective, phase-flip on the gaussian engine only).
     */
    TRAJECTORIES("trajectories", Set.of("target_error", "trajectories", "t_total", "t_burn", "seed", "blocks", "times",
            "initial_state", "engine", "dephasing_jumps"), EnsemblePointMethod::of),
    /** The classical Gillespie simulation. */
    CLASSICAL("classical", Set.of("target_error", "trajectories", "t_total", "t_burn", "seed", "blocks", "times",
            "initial_state"), EnsemblePointMethod::of),
    /** Exact relaxation curves (quantum, or classical with {@code solver: rate}). */
    RELAXATION("relaxation", Set.of("solver", "times", "initial_state"), RelaxationPointMethod::of),
    /** Exact steady state with the scaled cumulants of the net count at the left bath. */
    NOISE("noise", Set.of("solver"), NoisePointMethod::of),
    /** theta(s) by population dynamics (cloning), resumable. */
    CLONING("cloning", Set.of("engine", "fields", "clones", "populations", "step", "t_total", "t_burn", "counting_bath",
            "seed"), CloningPointMethod::of),
    /** Offset-corrected counting statistics from trajectories (windows of two or more lengths). */
    FCS("fcs", Set.of("engine", "dephasing_jumps", "windows", "window_relaxations", "windows_per_trajectory", "burn_relaxations",
            "trajectories", "counting_bath", "seed"), FcsPointMethod::of),
    /** The largest two-site entanglement over the coupling (paper Fig. 4). */
    ENTANGLEMENT_SEARCH("entanglement_search", Set.of("rates", "g_min", "g_max", "g_points"),
            EntanglementPointMethod::of);

    private final String key;
    private final Set<String> parameters;
    private final Function<MethodEntry, PointMethod> factory;

    MethodKind(String key, Set<String> parameters, Function<MethodEntry, PointMethod> factory) {
        this.key = key;
        this.parameters = parameters;
        this.factory = factory;
    }

    /** The name in specs and results. */
    public String key() {
        return key;
    }

    /** The parameter keys an entry of this kind accepts, besides method and label. */
    public Set<String> parameters() {
        return parameters;
    }

    /** The kind named {@code key}, or null. */
    static MethodKind find(String key) {
        for (MethodKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    /** Every kind's name, sorted, for messages. */
    static String names() {
        return Arrays.stream(values()).map(MethodKind::key).sorted().collect(Collectors.joining(", "));
    }

    /**
     * The point method of a parsed entry (whose kind and keys {@link MethodEntry#parse} has checked).
     *
     * @throws org.qtraj.errors.InvalidInputException naming the offending parameter of the entry
     */
    public static PointMethod create(MethodEntry entry) {
        return find(entry.kind()).factory.apply(entry);
    }
}
