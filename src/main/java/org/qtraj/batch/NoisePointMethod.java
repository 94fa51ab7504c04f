package org.qtraj.batch;

import org.qtraj.exact.LiouvillianSolver;
import org.qtraj.exact.counting.ClassicalGenerator;
import org.qtraj.fcs.FcsExact;
import org.qtraj.model.Chain;

/**
 * {@code {method: noise, solver: auto|closed|correlation|liouvillian|rate}}: the exact steady state of
 * {@link ExactPointMethod} plus the scaled cumulants of the net count at the left bath and the Fano factor
 * (observables cumulant_1, cumulant_2, cumulant_3, fano), from the tilted Liouvillian (quantum solvers) or the
 * tilted rate matrix of the exclusion process ({@code rate}). Stateless, thread-safe.
 */
public final class NoisePointMethod implements PointMethod {
    private final ExactPointMethod steadyState;
    private final boolean classical;

    private NoisePointMethod(ExactPointMethod steadyState, boolean classical) {
        this.steadyState = steadyState;
        this.classical = classical;
    }

    /** Binds a spec entry; {@code solver} defaults to auto. */
    public static NoisePointMethod of(MethodEntry entry) {
        return new NoisePointMethod(ExactPointMethod.of(entry), entry.text("solver").orElse("auto").equals("rate"));
    }

    @Override
    public String label() {
        return steadyState.label();
    }

    /**
     * The steady-state solver's refusal, else the size limit of the counting generator (classical: {@link
     * ClassicalGenerator#MAX_SITES} sites; quantum: that of the Liouvillian solver). Size checks only: no generator
     * is built here.
     */
    @Override
    public String refusal(Chain chain) {
        String why = steadyState.refusal(chain);
        if (why != null) {
            return why;
        }
        // size checks only: building the generator here would cost a preconditioner per point at plan time
        if (classical) {
            return chain.sites() > ClassicalGenerator.MAX_SITES ? "counting statistics of the exclusion process use all"
                    + " 2^N patterns; at most " + ClassicalGenerator.MAX_SITES + " sites" : null;
        }
        return new LiouvillianSolver().refusal(chain);
    }

    /**
     * Solves the steady state and the cumulants of the net count at the left bath on at most {@code threads}
     * threads; {@code seed} and {@code checkpoint} are not used.
     */
    @Override
    public PointResult run(Chain chain, long seed, Checkpoint checkpoint, int threads) {
        FcsExact counting = FcsExact.of(chain, classical, 0, threads);
        return ExactPointMethod.result(counting.withCumulants(counting.steadyState(steadyState.method(), chain, threads)));
    }
}
