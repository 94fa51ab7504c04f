package org.qtraj.batch;

import java.util.LinkedHashMap;
import java.util.Map;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.EntanglementSearch;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimate;

/**
 * {@code {method: entanglement_search, rates: equal_gamma|equal_G, g_min, g_max, g_points}} (paper Fig. 4): the
 * {@link EntanglementSearch} at each point, whose baths' populations s_1, s_N are set by the point's temperatures.
 * Observable: {@code concurrence} (Wootters, at the best g) and {@code entanglement_witness}; the document adds the
 * best g, s_1, s_N and the rates. Immutable and thread-safe.
 */
final class EntanglementPointMethod implements PointMethod {
    private final String label;
    private final EntanglementSearch search;

    private EntanglementPointMethod(String label, EntanglementSearch search) {
        this.label = label;
        this.search = search;
    }

    /** Binds a spec entry; defaults: rates equal_gamma, g in [1e-2, 1e2], 41 points. */
    public static EntanglementPointMethod of(MethodEntry entry) {
        String rates = entry.text("rates").orElse("equal_gamma");
        if (!rates.equals("equal_gamma") && !rates.equals("equal_G")) {
            throw new InvalidInputException(entry.field("rates"), "must be equal_gamma or equal_G, got '" + rates + "'");
        }
        double lo = entry.number("g_min").orElse(1e-2);
        double hi = entry.number("g_max").orElse(1e2);
        long n = entry.integer("g_points").orElse(41);
        if (!(lo > 0 && hi > lo)) {
            // Name the key the entry wrote: g_max if it sets one (and g_min is positive), not a default.
            boolean setsMax = entry.params().containsKey("g_max");
            boolean blameMin = !(lo > 0) || !setsMax;
            String dflt = " (default)";
            throw new InvalidInputException(entry.field(blameMin ? "g_min" : "g_max"), "need 0 < g_min < g_max, got g_min = " + lo
                    + (entry.params().containsKey("g_min") ? "" : dflt) + ", g_max = " + hi + (setsMax ? "" : dflt));
        }
        if (n < 3 || n > 100_000) {
            throw new InvalidInputException(entry.field("g_points"), "must be in [3, 100000], got " + n);
        }
        return new EntanglementPointMethod(entry.label(),
                EntanglementSearch.of(rates.equals("equal_gamma"), lo, hi, (int) n));
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String refusal(Chain chain) {
        return search.refusal(chain);
    }

    @Override
    public PointResult run(Chain chain, long seed, Checkpoint checkpoint, int threads) {
        long t0 = System.nanoTime();
        EntanglementSearch.Evaluation best = search.search(chain);
        Bath l = chain.left();
        Bath r = chain.right();
        double sl = l.s(chain.bathOmega(l));
        double sr = r.s(chain.bathOmega(r));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("method", "entanglement_search");
        doc.put("rates", search.equalGamma() ? "equal_gamma" : "equal_G");
        doc.put("s_left", sl);
        doc.put("s_right", sr);
        doc.put("rate_left", search.equalGamma() ? 1 - 2 * sl : 1.0);
        doc.put("rate_right", search.equalGamma() ? 1 - 2 * sr : 1.0);
        doc.put("g_best", best.g());
        doc.put("witness", best.witness());
        doc.put("concurrence", best.concurrence());
        doc.put("g_min", search.gMin());
        doc.put("g_max", search.gMax());
        doc.put("g_points", search.gPoints());
        doc.put("elapsed_seconds", (System.nanoTime() - t0) * 1e-9);
        Map<String, Estimate> obs = new LinkedHashMap<>();
        obs.put("concurrence", Estimate.exact(best.concurrence()));
        obs.put("entanglement_witness", Estimate.exact(best.witness()));
        return new PointResult(obs, doc);
    }
}
