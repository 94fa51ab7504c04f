package org.qtraj.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qtraj.batch.Checkpoint;
import org.qtraj.batch.EnsemblePointMethod;
import org.qtraj.classical.ClassicalSample;
import org.qtraj.classical.ClassicalTrajectory;
import org.qtraj.classical.ExclusionProcess;
import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.TrajectoryTask;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimates;
import org.qtraj.trajectory.QuantumTrajectory;
import org.qtraj.trajectory.TrajectoryOptions;
import org.qtraj.trajectory.Unravelling;

/**
 * Runs ensembles of quantum trajectories or classical Gillespie trajectories of a chain on the ensemble driver,
 * and maps their estimators to the exact values they estimate.
 *
 * <p>Classical estimators: {@code heat_current} = omega_left I_left, {@code heat_current_right},
 * {@code particle_current} = I_left, {@code particle_current_right}, {@code particle_current_symmetric}
 * = (net_left - net_right)/(2 window) (smaller burn-in bias, see {@link ClassicalSample#particleCurrent()}),
 * {@code population_k}. Default classical times: t_relax = N (1/gamma_left + 1/gamma_right + (N - 1)/V_min),
 * the series resistance of the rate equations times N (a diffusive crossing time), t_burn = 2 t_relax,
 * t_total = 12 t_relax, as for the quantum trajectories ({@link TrajectoryOptions}).
 */
public final class Simulations {
    private Simulations() {
    }

    /** Quantum trajectories (Monte Carlo wave functions) of the chain. */
    public static SimulationResult quantum(Chain chain, SimulationSettings s, ProgressListener progress) {
        return run(setup("trajectories", chain, s), chain, s, progress);
    }

    /** Exact stochastic simulation of the classical exclusion process of the chain. */
    public static SimulationResult classical(Chain chain, SimulationSettings s, ProgressListener progress) {
        return run(setup("classical", chain, s), chain, s, progress);
    }

    /** What an ensemble runs: the method name, its estimators, the trajectory and its window. */
    private record Setup(String method, List<String> names, TrajectoryTask<double[]> task, double tTotal, double tBurn) {
    }

    private static Setup setup(String method, Chain chain, SimulationSettings s) {
        if (method.equals("trajectories")) {
            TrajectoryOptions times = (s.hasTimes() ? TrajectoryOptions.of(s.tBurn(), s.tTotal())
                    : TrajectoryOptions.defaults(chain)).sampling(s.initialState(), s.sampleTimes());
            QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain, s.tolerance()), times);
            return new Setup(method, q.names(), (i, rng) -> q.run(rng), times.tTotal(), times.tBurn());
        }
        double tTotal = s.hasTimes() ? s.tTotal() : 12 * classicalRelaxationTime(chain);
        double tBurn = s.hasTimes() ? s.tBurn() : 2 * classicalRelaxationTime(chain);
        ClassicalTrajectory.validateTimes(tTotal, tBurn);
        ExclusionProcess process = ExclusionProcess.of(chain);
        double[] occupations = RelaxationInputs.occupations(s.initialState(), chain.sites());
        boolean[] initial = new boolean[occupations.length];
        for (int k = 0; k < initial.length; k++) {
            initial[k] = occupations[k] != 0;
        }
        double[] sampleTimes = s.sampleTimeArray();
        List<String> names = new ArrayList<>(classicalNames(chain.sites()));
        names.addAll(QuantumTrajectory.sampleNames(chain.sites(), sampleTimes.length));
        return new Setup("classical", List.copyOf(names), (i, rng) -> classicalEstimators(
                ClassicalTrajectory.run(process, tTotal, tBurn, rng, null, initial, sampleTimes)), tTotal, tBurn);
    }

    private static SimulationResult run(Setup setup, Chain chain, SimulationSettings s, ProgressListener progress) {
        if (!setup.names().contains(s.monitor())) {
            throw new InvalidInputException("monitor", "unknown estimator '" + s.monitor() + "'; one of " + setup.names());
        }
        EnsembleOptions options = new EnsembleOptions(s.seed(), s.threads(), 0, s.stop());
        EnsembleRun<Estimates> run = EnsembleDriver.run(setup.task(), Estimates.empty(setup.names()), Estimates::add,
                e -> e.get(s.monitor()), options, progress);
        return new SimulationResult(setup.method(), chain.sites(), run.result(), s.seed(), setup.tTotal(), setup.tBurn(),
                run.reason().name().toLowerCase(Locale.ROOT), s.threads(), run.elapsedSeconds());
    }

    /**
     * Like {@link #quantum} or {@link #classical} ({@code method} "trajectories" or "classical"), in slices of at
     * most {@code sliceSeconds}, saving the merged estimates and the next trajectory index to the checkpoint
     * between slices and starting from a saved state if there is one. The fold runs in index order across
     * slices, so an interrupted and resumed run gives exactly the numbers of an uninterrupted one. The settings'
     * own time limit is not supported here (it would make the result depend on the machine).
     */
    public static SimulationResult resumable(String method, Chain chain, SimulationSettings s, Checkpoint checkpoint,
                                             double sliceSeconds) throws java.io.IOException {
        return resumable(method, chain, s, checkpoint, sliceSeconds, Long.MAX_VALUE, 0);
    }

    /**
     * {@link #resumable} for the trajectories [firstIndex, firstIndex + maxTrajectories) of the settings' seed: one
     * block of a point whose trajectories are split over several units ({@link EnsemblePointMethod}). Trajectory i
     * has the same stream as in an unsplit run, so only the order of floating-point merging differs.
     */
    public static SimulationResult resumableRange(String method, Chain chain, SimulationSettings s, Checkpoint checkpoint,
                                                  double sliceSeconds, long firstIndex) throws java.io.IOException {
        return resumable(method, chain, s, checkpoint, sliceSeconds, Long.MAX_VALUE, firstIndex);
    }

    /**
     * {@link #resumableRange} with slices also cut after {@code sliceTrajectories} trajectories (deterministic
     * slicing, for tests).
     */
    public static SimulationResult resumable(String method, Chain chain, SimulationSettings s, Checkpoint checkpoint,
                                      double sliceSeconds, long sliceTrajectories, long firstIndex)
            throws java.io.IOException {
        if (firstIndex < 0) {
            throw new IllegalArgumentException("first trajectory index must be >= 0, got " + firstIndex);
        }
        Setup setup = setup(method, chain, s);
        List<String> names = setup.names();
        TrajectoryTask<double[]> task = setup.task();
        Estimates acc = Estimates.empty(names);
        long next = firstIndex;
        double elapsed = 0;
        if (checkpoint.state().isPresent()) {
            com.fasterxml.jackson.databind.JsonNode st = checkpoint.state().get();
            acc = estimates(names, st.get("accumulators"));
            next = st.get("next_index").asLong();
            elapsed = st.get("elapsed_seconds").asDouble();
        }
        org.qtraj.ensemble.StopRule stop = s.stop();
        while (true) {
            long remaining = stop.maxTrajectories() == Long.MAX_VALUE ? Long.MAX_VALUE
                    : stop.maxTrajectories() - (next - firstIndex);
            if (remaining <= 0) {
                break;
            }
            long sliceMax = Math.min(remaining, sliceTrajectories);
            org.qtraj.ensemble.StopRule slice = new org.qtraj.ensemble.StopRule(sliceMax, stop.targetError(),
                    stop.relative(), sliceSeconds, stop.minTrajectories());
            long[] reported = {0};
            ProgressListener toCheckpoint = (done, planned, monitored, seconds) -> {
                checkpoint.trajectoriesDone(done - reported[0]);
                reported[0] = done;
            };
            EnsembleRun<Estimates> run = EnsembleDriver.run(task, acc, Estimates::add, e -> e.get(s.monitor()),
                    new EnsembleOptions(s.seed(), s.threads(), next, slice), toCheckpoint);
            acc = run.result();
            next = run.nextIndex();
            elapsed += run.elapsedSeconds();
            boolean sliceEnded = run.reason() == org.qtraj.ensemble.StopReason.TIME_LIMIT
                    || run.reason() == org.qtraj.ensemble.StopReason.TRAJECTORIES && sliceMax < remaining;
            if (!sliceEnded) {
                break;
            }
            checkpoint.save(state(acc, next, elapsed));
        }
        String reason = stop.hasTargetError() && next - firstIndex < stop.maxTrajectories() ? "target_error" : "trajectories";
        return new SimulationResult(setup.method(), chain.sites(), acc, s.seed(), setup.tTotal(), setup.tBurn(), reason,
                s.threads(), elapsed);
    }

    private static com.fasterxml.jackson.databind.JsonNode state(Estimates acc, long next, double elapsed) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        com.fasterxml.jackson.databind.node.ObjectNode o = f.objectNode();
        o.put("next_index", next);
        o.put("elapsed_seconds", elapsed);
        o.set("accumulators", accumulators(acc));
        return o;
    }

    /**
     * The accumulators of {@code acc} as a JSON array of [count, mean, m2] triples, in estimator order: the form in
     * which checkpoints and block states keep them (doubles are written so that they read back exactly).
     */
    public static com.fasterxml.jackson.databind.node.ArrayNode accumulators(Estimates acc) {
        com.fasterxml.jackson.databind.node.ArrayNode arr = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < acc.names().size(); i++) {
            org.qtraj.stats.MeanVar m = acc.get(i);
            arr.addArray().add(m.count()).add(m.mean()).add(m.m2());
        }
        return arr;
    }

    /** Estimates over {@code names} read back from {@link #accumulators}. */
    public static Estimates estimates(List<String> names, com.fasterxml.jackson.databind.JsonNode accumulators) {
        List<org.qtraj.stats.MeanVar> mv = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode a : accumulators) {
            mv.add(new org.qtraj.stats.MeanVar(a.get(0).asLong(), a.get(1).asDouble(), a.get(2).asDouble()));
        }
        return Estimates.of(names, mv);
    }

    /** Names of the classical estimators, in the order of {@link #classicalEstimators}. */
    public static List<String> classicalNames(int sites) {
        List<String> n = new ArrayList<>(List.of("heat_current", "heat_current_right", "particle_current",
                "particle_current_right", "particle_current_symmetric"));
        for (int k = 1; k <= sites; k++) {
            n.add("population_" + k);
        }
        return List.copyOf(n);
    }

    private static double[] classicalEstimators(ClassicalSample c) {
        int n = c.sites();
        double[] sampled = c.sampled();
        double[] v = new double[5 + n + sampled.length];
        v[0] = c.heatCurrentLeft();
        v[1] = c.heatCurrentRight();
        v[2] = c.particleCurrentLeft();
        v[3] = c.particleCurrentRight();
        v[4] = c.particleCurrent();
        double[] occ = c.meanOccupations();
        System.arraycopy(occ, 0, v, 5, n);
        System.arraycopy(sampled, 0, v, 5 + n, sampled.length);
        return v;
    }

    /** t_relax of the classical process: N times its series resistance (class comment). */
    public static double classicalRelaxationTime(Chain chain) {
        double r = 0;
        for (var b : chain.baths()) {
            double g = b.gamma(chain.bathOmega(b));
            if (g > 0) {
                r += 1 / g;
            }
        }
        double vMin = Double.POSITIVE_INFINITY;
        for (int b = 0; b < chain.bonds(); b++) {
            vMin = Math.min(vMin, chain.hopping(b));
        }
        if (r == 0 || !(vMin > 0)) {
            throw new InvalidInputException("t-total", "no default without a coupled bath and nonzero hopping: give --t-total and --t-burn");
        }
        return chain.sites() * (r + (chain.sites() - 1) / vMin);
    }

    /**
     * The exact value behind each estimator that has one: heat currents, particle currents, local heat currents
     * and populations of an exact result (quantum estimators against a quantum solver, classical ones against the
     * rate equations).
     */
    public static Map<String, Double> references(Chain chain, ExactResult exact) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("heat_current", exact.heatCurrentLeft());
        m.put("heat_current_right", exact.heatCurrentRight());
        m.put("heat_current_dephasing", exact.heatCurrentDephasing());
        m.put("particle_current", exact.particleCurrentLeft());
        m.put("particle_current_right", exact.particleCurrentRight());
        m.put("particle_current_symmetric", exact.particleCurrentLeft());
        m.put("local_heat_current", exact.localHeatCurrent());
        m.put("local_heat_current_right", chain.bathOmega(chain.right()) * exact.particleCurrentRight());
        double[] p = exact.populations();
        for (int k = 0; k < p.length; k++) {
            m.put("population_" + (k + 1), p[k]);
        }
        return m;
    }

    /** Largest N for which {@link #quickQuantumReference} uses the Liouvillian solver (about a second). */
    public static final int QUICK_LIOUVILLIAN_SITES = 8;

    /**
     * The exact quantum steady state when it takes at most a few seconds: closed form, correlation solver
     * (N up to 2000), or the Liouvillian up to {@value #QUICK_LIOUVILLIAN_SITES} sites; else empty.
     */
    public static java.util.Optional<ExactResult> quickQuantumReference(Chain chain) {
        org.qtraj.exact.ExactMethod method;
        if (new org.qtraj.exact.ClosedForm().refusal(chain) == null) {
            method = org.qtraj.exact.ExactMethod.CLOSED;
        } else if (chain.sites() <= 2000 && new org.qtraj.exact.CorrelationSolver().refusal(chain) == null) {
            method = org.qtraj.exact.ExactMethod.CORRELATION;
        } else if (chain.sites() <= QUICK_LIOUVILLIAN_SITES && new org.qtraj.exact.LiouvillianSolver().refusal(chain) == null) {
            method = org.qtraj.exact.ExactMethod.LIOUVILLIAN;
        } else {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(method.solve(chain));
    }
}
