package org.qtraj.batch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.qtraj.errors.InvalidInputException;

/**
 * The method kinds this build can run, each bound to the factory that turns a spec entry into a
 * {@link PointMethod}. Adding a method is one line here; the spec parser already knows the keys of every
 * kind ({@link MethodEntry#KEYS}) and refuses an unregistered one with "not available in this build".
 *
 * <p>Stateless and thread-safe: the registry is an unmodifiable map filled once when the class loads.
 */
public final class PointMethods {
    private static final Map<String, Function<MethodEntry, PointMethod>> REGISTERED;

    static {
        Map<String, Function<MethodEntry, PointMethod>> m = new LinkedHashMap<>();
        m.put("exact", ExactPointMethod::of);
        m.put("trajectories", EnsemblePointMethod::of);
        m.put("classical", EnsemblePointMethod::of);
        m.put("noise", NoisePointMethod::of);
        m.put("entanglement_search", EntanglementPointMethod::of);
        m.put("relaxation", RelaxationPointMethod::of);
        REGISTERED = Collections.unmodifiableMap(m);
    }

    private PointMethods() {
    }

    /** The kinds that can run, in registration order. */
    public static java.util.Set<String> available() {
        return REGISTERED.keySet();
    }

    /**
     * The method for a spec entry.
     *
     * @throws InvalidInputException naming methods[i].method if the kind is not available in this build, or naming
     *                        the offending parameter
     */
    public static PointMethod create(MethodEntry entry) {
        Function<MethodEntry, PointMethod> f = REGISTERED.get(entry.kind());
        if (f == null) {
            throw new InvalidInputException(entry.field("method"), entry.kind() + " is not available in this build; available: "
                    + String.join(", ", REGISTERED.keySet()));
        }
        return f.apply(entry);
    }
}
