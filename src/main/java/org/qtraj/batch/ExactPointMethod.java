package org.qtraj.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.NotApplicableException;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimate;

/**
 * {@code {method: exact, solver: auto|closed|correlation|liouvillian|rate}}: one exact steady state per point
 * through {@link ExactMethod}. Every scalar of the result (currents, and extras such as a concurrence) is an
 * observable with error 0 and samples 0; the seed and the checkpoint are not used. Stateless, thread-safe.
 */
public final class ExactPointMethod implements PointMethod {
    private final String label;
    private final ExactMethod method;

    private ExactPointMethod(String label, ExactMethod method) {
        this.label = label;
        this.method = method;
    }

    /** Binds a spec entry; {@code solver} defaults to auto. */
    public static ExactPointMethod of(MethodEntry entry) {
        String solver = entry.text("solver").orElse("auto");
        ExactMethod m;
        try {
            m = ExactMethod.parse(solver);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(entry.field("solver"), e.getMessage().substring(e.field().length() + 2));
        }
        return new ExactPointMethod(entry.label(), m);
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The chosen solver's refusal; for {@code auto}, why no quantum solver applies.
     */
    @Override
    public String refusal(Chain chain) {
        try {
            return method.solverFor(chain).refusal(chain);
        } catch (NotApplicableException e) {
            return e.getMessage();
        }
    }

    /** The exact steady state with its wall time, on at most {@code threads} threads. */
    /** The exact method this entry names (auto unless the spec chose one). */
    ExactMethod method() {
        return method;
    }

    ExactResult solve(Chain chain, int threads) {
        return method.solve(chain, threads);
    }

    /**
     * Solves the steady state with the chosen method on at most {@code threads} threads; {@code seed} and {@code
     * checkpoint} are not used.
     */
    @Override
    public PointResult run(Chain chain, long seed, Checkpoint checkpoint, int threads) {
        return result(solve(chain, threads));
    }

    /** Every scalar of an exact result (elapsed time aside) as an observable with error 0, and the whole document. */
    static PointResult result(ExactResult r) {
        Map<String, Object> doc = r.toMap();
        Map<String, Estimate> obs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : doc.entrySet()) {
            if (e.getValue() instanceof Double d && !e.getKey().equals("elapsed_seconds")) {
                obs.put(e.getKey(), Estimate.exact(d));
            }
        }
        return new PointResult(obs, doc);
    }
}
