package org.qtraj.batch;

import java.util.List;

/**
 * The observables a run spec may keep in results.csv (keys of DESIGN.md, "Results every solver reports").
 * A method that does not produce one of them for a point simply has no row for it; results.jsonl holds
 * every number the method produced. Stateless and thread-safe (constants and pure functions).
 */
public final class Observables {
    /** Allowed names, in documentation order. */
    public static final List<String> NAMES = List.of("heat_current", "heat_current_right", "heat_current_dephasing",
            "particle_current", "particle_current_right", "local_heat_current", "concurrence",
            "cumulant_1", "cumulant_2", "cumulant_3", "fano",
            "entanglement_witness", "entanglement_entropy", "jump_rate");

    /** What a spec keeps when it names no observables. */
    public static final List<String> DEFAULT = List.of("heat_current", "particle_current");

    /**
     * Per-site names: population_k (steady state) and population_k_at_j (k 1-based site, j 0-based index of a
     * relaxation sample time).
     */
    private static final java.util.regex.Pattern PER_SITE = java.util.regex.Pattern.compile("population_[1-9][0-9]*(_at_[0-9]+)?");
    /** theta_at_J: theta(s) of the cloning method at its J-th counting field (0-based). */
    private static final java.util.regex.Pattern THETA = java.util.regex.Pattern.compile("theta_at_[0-9]+");

    /** The allowed forms, for messages. */
    public static final String ALLOWED = String.join(", ", NAMES) + ", population_K, population_K_at_J, theta_at_J, or a prefix "
            + "ending in * (e.g. population_* for every population and relaxation sample)";

    private Observables() {
    }

    /** Whether a spec may name {@code name}: a listed name, a per-site name, or a prefix wildcard "prefix*". */
    public static boolean isAllowed(String name) {
        return NAMES.contains(name) || PER_SITE.matcher(name).matches() || THETA.matcher(name).matches()
                || name.endsWith("*") && name.indexOf('*') == name.length() - 1 && name.length() > 1;
    }

    /** Whether the spec entry {@code pattern} selects the observable {@code name}. */
    public static boolean matches(String pattern, String name) {
        return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1)) : pattern.equals(name);
    }
}
