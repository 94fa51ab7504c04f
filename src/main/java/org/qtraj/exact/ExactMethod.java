package org.qtraj.exact;

import java.util.List;
import java.util.Locale;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.linalg.Parallelism;
import org.qtraj.model.Chain;

/**
 * The exact methods by name. {@code auto} picks the cheapest quantum method that applies: closed, else
 * correlation, else liouvillian; the result's {@code method} says which one ran.
 *
 * <p>Immutable and thread-safe (an enum; {@link #solverFor} makes a new stateless solver on each call).
 */
public enum ExactMethod {
    /** The cheapest quantum method that applies: closed, else correlation, else liouvillian. */
    AUTO,
    /** {@link ClosedForm}: uniform XX chain with uniform dephasing, O(N). */
    CLOSED,
    /** {@link CorrelationSolver}: XX chains with their baths on end sites, free-fermion correlation equations. */
    CORRELATION,
    /** {@link LiouvillianSolver}: any chain up to its size limit, the full master equation's steady state. */
    LIOUVILLIAN,
    /** {@link RateEquations}: the classical exclusion process's rate equations. */
    RATE;

    /** Lower-case name as on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a method name; throws a {@link InvalidInputException} naming the allowed ones. */
    public static ExactMethod parse(String text) {
        for (ExactMethod m : values()) {
            if (m.id().equals(text.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new InvalidInputException("method", "must be one of auto, closed, correlation, liouvillian, rate; got '" + text + "'");
    }

    /** The solver for this method; for AUTO, the cheapest quantum solver that applies to the chain. */
    public SteadyStateSolver solverFor(Chain chain) {
        return switch (this) {
            case CLOSED -> new ClosedForm();
            case RATE -> new RateEquations();
            case CORRELATION -> new CorrelationSolver();
            case LIOUVILLIAN -> new LiouvillianSolver();
            case AUTO -> autoSolver(chain);
        };
    }

    private static SteadyStateSolver autoSolver(Chain chain) {
        List<SteadyStateSolver> byCost = List.of(new ClosedForm(), new CorrelationSolver(), new LiouvillianSolver());
        StringBuilder why = new StringBuilder();
        for (SteadyStateSolver s : byCost) {
            String refusal = s.refusal(chain);
            if (refusal == null) {
                return s;
            }
            why.append(why.length() == 0 ? "" : "; ").append(s.name()).append(": ").append(refusal);
        }
        throw new NotApplicableException("auto", "no exact quantum method applies (" + why + ")");
    }

    /** Solves the chain with this method and stamps the wall time. */
    public ExactResult solve(Chain chain) {
        SteadyStateSolver solver = solverFor(chain);
        long t0 = System.nanoTime();
        ExactResult r = solver.solve(chain);
        return r.withElapsed((System.nanoTime() - t0) * 1e-9);
    }

    /**
     * As {@link #solve(Chain)} with the solver's parallel work on at most {@code threads} threads
     * ({@link SteadyStateSolver#solve(Chain, int)}); the numbers do not depend on it.
     *
     * @throws InvalidInputException naming "threads" if threads &lt; 1 (checked before the method's applicability)
     */
    public ExactResult solve(Chain chain, int threads) {
        Parallelism.of(threads); // a bad count is reported even where the method does not apply
        SteadyStateSolver solver = solverFor(chain);
        long t0 = System.nanoTime();
        ExactResult r = solver.solve(chain, threads);
        return r.withElapsed((System.nanoTime() - t0) * 1e-9);
    }
}
