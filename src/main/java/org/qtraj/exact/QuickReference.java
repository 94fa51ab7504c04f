package org.qtraj.exact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.qtraj.model.Chain;

/**
 * The exact quantum steady states that take at most a few seconds: the closed form, the correlation solver up to
 * {@value #CORRELATION_SITES} sites (3.5 s at N = 2000) and the Liouvillian up to {@value #LIOUVILLIAN_SITES} sites
 * (about a second). The one place that decides which exact reference a stochastic run is compared with (simulate,
 * fcs, crosscheck). Stateless and thread-safe.
 */
public final class QuickReference {
    /** Largest N for which the correlation solver counts as quick. */
    public static final int CORRELATION_SITES = 2000;
    /** Largest N for which the Liouvillian solver counts as quick. */
    public static final int LIOUVILLIAN_SITES = 8;
    /**
     * Largest N for which the classical tilted rate matrix (2^N patterns) counts as quick for counting statistics;
     * the quantum tilted generator uses {@link #LIOUVILLIAN_SITES} (at N = 10 it took 28 s).
     */
    public static final int CLASSICAL_COUNTING_SITES = 12;

    /** Whether the exact counting statistics of the chain take at most a few seconds. */
    public static boolean countingIsQuick(Chain chain, boolean classical) {
        return chain.sites() <= (classical ? CLASSICAL_COUNTING_SITES : LIOUVILLIAN_SITES);
    }

    private QuickReference() {
    }

    /** The quick quantum methods that apply to the chain, cheapest first (closed, correlation, liouvillian). */
    public static List<ExactMethod> methods(Chain chain) {
        List<ExactMethod> out = new ArrayList<>();
        if (new ClosedForm().refusal(chain) == null) {
            out.add(ExactMethod.CLOSED);
        }
        if (chain.sites() <= CORRELATION_SITES && new CorrelationSolver().refusal(chain) == null) {
            out.add(ExactMethod.CORRELATION);
        }
        if (chain.sites() <= LIOUVILLIAN_SITES && new LiouvillianSolver().refusal(chain) == null) {
            out.add(ExactMethod.LIOUVILLIAN);
        }
        return List.copyOf(out);
    }

    /** The steady state by the cheapest quick method, or empty if none applies; on all available processors. */
    public static Optional<ExactResult> solve(Chain chain) {
        return solve(chain, Runtime.getRuntime().availableProcessors());
    }

    /** The steady state by the cheapest quick method on at most {@code threads} threads, or empty. */
    public static Optional<ExactResult> solve(Chain chain, int threads) {
        List<ExactMethod> m = methods(chain);
        return m.isEmpty() ? Optional.empty() : Optional.of(m.get(0).solve(chain, threads));
    }
}
