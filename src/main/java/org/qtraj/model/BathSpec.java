package org.qtraj.model;

/**
 * A partly specified bath; null fields are taken from a lower layer (defaults, model file). Layers are
 * combined with {@link #overlay}; {@link ModelSpec#build} turns the result into a {@link Bath}. Immutable
 * and thread-safe.
 *
 * @param site        1-based site, or null
 * @param rate        G, or null
 * @param temperature T, or null
 */
public record BathSpec(Integer site, Double rate, Double temperature) {
    /** Nothing specified: every field null. */
    public static final BathSpec EMPTY = new BathSpec(null, null, null);

    /** This spec with every non-null field of {@code top} taking precedence. */
    public BathSpec overlay(BathSpec top) {
        return new BathSpec(top.site != null ? top.site : site, top.rate != null ? top.rate : rate,
                top.temperature != null ? top.temperature : temperature);
    }
}
