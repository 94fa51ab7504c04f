package org.qtraj.simulation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.qtraj.exact.ExactResult;
import org.qtraj.exact.QuickReference;
import org.qtraj.exact.RateEquations;
import org.qtraj.exact.relaxation.ClassicalRelaxation;
import org.qtraj.exact.relaxation.FreeFermionRelaxation;
import org.qtraj.exact.relaxation.Relaxation;
import org.qtraj.model.Chain;

/**
 * The exact values a stochastic run is compared with: for quantum trajectories the quick exact quantum steady state
 * ({@link QuickReference}) and the Liouvillian time evolution up to {@value #RELAXATION_SITES} sites (beyond, for XX
 * chains with end baths, the free-fermion two-point equations); for the
 * classical simulation the rate equations and their one-point relaxation equations. Stateless and thread-safe.
 */
public final class ExactReferences {
    /** Largest N for which the exact quantum relaxation curves count as quick (1.6 s at N = 8 over t = 0..100). */
    public static final int RELAXATION_SITES = 8;
    /**
     * Largest N for which the free-fermion relaxation curves of an XX chain with end baths count as quick (their
     * cost grows as N^2 per unit time).
     */
    public static final int FREE_FERMION_RELAXATION_SITES = 400;
    /** Truncation of each Taylor series of the free-fermion relaxation, relative. */
    private static final double FREE_FERMION_TOLERANCE = 1e-12;

    private ExactReferences() {
    }

    /**
     * The exact steady state behind an engine's estimators, if one takes at most a few seconds; on at most
     * {@code threads} threads.
     */
    public static Optional<ExactResult> steadyState(Engine engine, Chain chain, int threads) {
        return engine == Engine.QUANTUM ? QuickReference.solve(chain, threads)
                : Optional.of(new RateEquations().solve(chain));
    }

    /**
     * The exact value behind each estimator that has one: heat currents, particle currents, local heat currents
     * and populations of an exact result (quantum estimators against a quantum solver, classical ones against the
     * rate equations).
     */
    public static Map<String, Double> values(Chain chain, ExactResult exact) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (chain.isTwoBathChain()) {
            twoBathChain(chain, exact, m);
        }
        if (!chain.isTwoBathChain()) {
            java.util.List<org.qtraj.exact.BathCurrent> baths = exact.baths();
            for (int j = 0; j < baths.size(); j++) {
                String suffix = j == 0 ? "" : "_" + chain.bathName(j);
                double omega = chain.bathOmega(chain.baths()[j]);
                m.put("heat_current" + suffix, baths.get(j).heatCurrent());
                m.put("particle_current" + suffix, baths.get(j).particleCurrent());
                m.put("local_heat_current" + suffix, omega * baths.get(j).particleCurrent());
            }
            m.put("heat_current_dephasing", exact.heatCurrentDephasing());
            if (chain.bathCount() == 2) {
                m.put("particle_current_symmetric", exact.particleCurrentLeft());
            }
            double[] bond = exact.bondCurrents();
            for (int b = 0; b < bond.length && !chain.isChain(); b++) {
                m.put(org.qtraj.trajectory.QuantumTrajectory.bondCurrentName(chain, b), bond[b]);
            }
        }
        double[] p = exact.populations();
        for (int k = 0; k < p.length; k++) {
            m.put("population_" + (k + 1), p[k]);
        }
        return m;
    }

    private static void twoBathChain(Chain chain, ExactResult exact, Map<String, Double> m) {
        m.put("heat_current", exact.heatCurrentLeft());
        m.put("heat_current_right", exact.heatCurrentRight());
        m.put("heat_current_dephasing", exact.heatCurrentDephasing());
        m.put("particle_current", exact.particleCurrentLeft());
        m.put("particle_current_right", exact.particleCurrentRight());
        m.put("particle_current_symmetric", exact.particleCurrentLeft());
        m.put("local_heat_current", exact.localHeatCurrent());
        m.put("local_heat_current_right", chain.bathOmega(chain.right()) * exact.particleCurrentRight());
    }

    /**
     * The exact populations [j][k] at the settings' sample times t_j from their initial state, if quick: the
     * Liouvillian time evolution (quantum, N up to {@value #RELAXATION_SITES}), beyond it for an XX chain with its
     * baths on the end sites the free-fermion two-point equations (N up to {@value #FREE_FERMION_RELAXATION_SITES}),
     * or the one-point equations (classical); on at most the settings' threads.
     */
    public static Optional<double[][]> relaxation(Engine engine, Chain chain, SimulationSettings s) {
        if (engine == Engine.CLASSICAL) {
            return Optional.of(ClassicalRelaxation.populations(chain,
                    s.initialState().populations(chain.sites()), s.sampleTimeArray()));
        }
        if (chain.sites() <= RELAXATION_SITES) {
            return Optional.of(Relaxation.populations(chain, s.initialState().mask(chain.sites()), s.sampleTimeArray(),
                    Relaxation.DEFAULT_TOLERANCE, s.threads()));
        }
        if (freeFermion(chain)) {
            return Optional.of(FreeFermionRelaxation.populations(chain, s.initialState().occupations(chain.sites()),
                    s.sampleTimeArray(), FREE_FERMION_TOLERANCE));
        }
        return Optional.empty();
    }

    private static boolean freeFermion(Chain chain) {
        return chain.sites() <= FREE_FERMION_RELAXATION_SITES && FreeFermionRelaxation.refusal(chain) == null;
    }

    /** What computes the exact relaxation curves of an engine, in words. */
    public static String relaxationMethod(Engine engine) {
        return engine == Engine.QUANTUM ? "liouvillian time evolution" : "one-point equations (exact)";
    }

    /** What computes the exact relaxation curves of an engine on {@code chain} ({@link #relaxation}), in words. */
    public static String relaxationMethod(Engine engine, Chain chain) {
        if (engine == Engine.QUANTUM && chain.sites() > RELAXATION_SITES && freeFermion(chain)) {
            return "free-fermion two-point equations (exact)";
        }
        return relaxationMethod(engine);
    }
}
