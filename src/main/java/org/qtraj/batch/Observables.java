package org.qtraj.batch;

import java.util.List;

/**
 * The observables a run spec may keep in results.csv (keys of DESIGN.md, "Results every solver reports").
 * A method that does not produce one of them for a point simply has no row for it; results.jsonl holds
 * every number the method produced.
 */
public final class Observables {
    /** Allowed names, in documentation order. */
    public static final List<String> NAMES = List.of("heat_current", "heat_current_right", "heat_current_dephasing",
            "particle_current", "particle_current_right", "local_heat_current", "concurrence",
            "cumulant_1", "cumulant_2", "cumulant_3", "fano",
            "entanglement_witness");

    /** What a spec keeps when it names no observables. */
    public static final List<String> DEFAULT = List.of("heat_current", "particle_current");

    private Observables() {
    }
}
