package org.qtraj.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.relaxation.ClassicalRelaxation;
import org.qtraj.exact.relaxation.FreeFermionRelaxation;
import org.qtraj.exact.relaxation.Relaxation;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimate;

/**
 * {@code {method: relaxation, solver: liouvillian|free_fermion|rate, times: [...], initial_state: "1000"}}: the exact
 * relaxation curves from a basis state, the quantum tr(n_k exp(L t) rho_0) ({@link Relaxation}; for XX chains with
 * end baths at any N the free-fermion two-point equations, {@link FreeFermionRelaxation}) or the classical mean
 * occupations of the exclusion process ({@link ClassicalRelaxation}), as observables population_k_at_j with error
 * 0, beside the sampled ones of a trajectories or classical entry with the same times. Stateless, thread-safe.
 */
public final class RelaxationPointMethod implements PointMethod {
    private final String label;
    /** Truncation of each Taylor series of the free-fermion equations, relative. */
    private static final double FREE_FERMION_TOLERANCE = 1e-12;

    private final boolean classical;
    private final boolean freeFermion;
    private final RelaxationEntry relaxation;

    private RelaxationPointMethod(String label, boolean classical, boolean freeFermion, RelaxationEntry relaxation) {
        this.label = label;
        this.classical = classical;
        this.freeFermion = freeFermion;
        this.relaxation = relaxation;
    }

    /** Binds a spec entry: times are required; solver liouvillian (default), free_fermion or rate. */
    public static RelaxationPointMethod of(MethodEntry e) {
        String solver = e.text("solver").orElse("liouvillian");
        if (!solver.equals("liouvillian") && !solver.equals("rate") && !solver.equals("free_fermion")) {
            throw new InvalidInputException(e.field("solver"), "must be liouvillian or free_fermion (quantum) or rate "
                    + "(classical), got '" + solver + "'");
        }
        RelaxationEntry r = RelaxationEntry.of(e);
        if (!r.active()) {
            throw new InvalidInputException(e.field("times"), "is required: the times of the relaxation curves");
        }
        return new RelaxationPointMethod(e.label(), solver.equals("rate"), solver.equals("free_fermion"), r);
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * Refuses chains beyond the size limit of the relaxation solver ({@link Relaxation#MAX_SITES} quantum, {@link
     * ClassicalRelaxation#MAX_SITES} classical), chains the free-fermion equations do not describe
     * ({@link FreeFermionRelaxation#refusal}), and an initial state that does not fit the chain.
     */
    @Override
    public String refusal(Chain chain) {
        if (freeFermion) {
            String why = FreeFermionRelaxation.refusal(chain);
            return why != null ? why : relaxation.refusal(chain);
        }
        int max = classical ? ClassicalRelaxation.MAX_SITES : Relaxation.MAX_SITES;
        if (chain.sites() > max) {
            return "the " + (classical ? "classical" : "quantum") + " relaxation handles at most " + max + " sites";
        }
        return relaxation.refusal(chain);
    }

    /**
     * Computes the populations at every sample time, the quantum ones on at most {@code threads} threads (the
     * classical ones on the calling thread); {@code seed} and {@code checkpoint} are not used.
     */
    @Override
    public PointResult run(Chain chain, long seed, Checkpoint checkpoint, int threads) {
        long t0 = System.nanoTime();
        int n = chain.sites();
        double[][] p;
        if (classical) {
            p = ClassicalRelaxation.populations(chain, relaxation.initialState().populations(n),
                    relaxation.timeArray());
        } else if (freeFermion) {
            p = FreeFermionRelaxation.populations(chain, relaxation.initialState().occupations(n), relaxation.timeArray(),
                    FREE_FERMION_TOLERANCE);
        } else {
            p = Relaxation.populations(chain, relaxation.initialState().mask(n), relaxation.timeArray(), Relaxation.DEFAULT_TOLERANCE,
                    threads);
        }
        Map<String, Estimate> obs = new LinkedHashMap<>();
        for (int j = 0; j < p.length; j++) {
            for (int k = 0; k < n; k++) {
                obs.put("population_" + (k + 1) + "_at_" + j, Estimate.exact(p[j][k]));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("method", classical ? "classical_relaxation" : "relaxation");
        doc.put("sites", n);
        doc.put("initial_state", relaxation.initialState().bits(n));
        doc.put("times", relaxation.times());
        doc.put("populations", List.of(p));
        doc.put("elapsed_seconds", (System.nanoTime() - t0) * 1e-9);
        return new PointResult(obs, doc);
    }
}
