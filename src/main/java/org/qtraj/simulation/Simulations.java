package org.qtraj.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qtraj.classical.ClassicalSample;
import org.qtraj.classical.ClassicalTrajectory;
import org.qtraj.classical.ExclusionProcess;
import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.Monitor;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.TrajectoryTask;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.model.RelaxationTimes;
import org.qtraj.stats.Estimates;
import org.qtraj.trajectory.GaussianTrajectory;
import org.qtraj.trajectory.QuantumTrajectory;
import org.qtraj.trajectory.TrajectoryOptions;
import org.qtraj.trajectory.Unravelling;

/**
 * The library's front door for stochastic work: runs ensembles of quantum trajectories or classical Gillespie
 * trajectories of a chain on the ensemble driver, and maps their estimators to the exact values they estimate.
 *
 * <pre>{@code
 * Chain chain = ModelSpec.builder().sites(4).dephasing(0.5).build().chain();
 * SimulationResult r = Simulations.quantum(chain, SimulationSettings.builder().relativeTargetError(0.01).build());
 * Estimate j = r.estimate(Estimator.HEAT_CURRENT);
 * }</pre>
 *
 * <p>Classical estimators: {@code heat_current} = omega_left I_left, {@code heat_current_right},
 * {@code particle_current} = I_left, {@code particle_current_right}, {@code particle_current_symmetric}
 * = (net_left - net_right)/(2 window) (smaller burn-in bias, see {@link ClassicalSample#particleCurrent()}),
 * {@code population_k}. Default windows: [2, 12] relaxation times ({@link RelaxationTimes}) for both engines.
 * Stateless and thread-safe; each call runs on its own pool of {@link SimulationSettings#threads()} threads.
 */
public final class Simulations {
    private Simulations() {
    }

    /** Quantum trajectories (Monte Carlo wave functions) of the chain. */
    public static SimulationResult quantum(Chain chain, SimulationSettings s) {
        return run(ensemble(Engine.QUANTUM, chain, s), s, ProgressListener.NONE);
    }

    /** Quantum trajectories, reporting progress to {@code progress}. */
    public static SimulationResult quantum(Chain chain, SimulationSettings s, ProgressListener progress) {
        return run(ensemble(Engine.QUANTUM, chain, s), s, progress);
    }

    /** Exact stochastic simulation of the classical exclusion process of the chain. */
    public static SimulationResult classical(Chain chain, SimulationSettings s) {
        return run(ensemble(Engine.CLASSICAL, chain, s), s, ProgressListener.NONE);
    }

    /** The classical simulation, reporting progress to {@code progress}. */
    public static SimulationResult classical(Chain chain, SimulationSettings s, ProgressListener progress) {
        return run(ensemble(Engine.CLASSICAL, chain, s), s, progress);
    }

    /** Either engine. */
    public static SimulationResult run(Engine engine, Chain chain, SimulationSettings s, ProgressListener progress) {
        return run(ensemble(engine, chain, s), s, progress);
    }

    /**
     * What an ensemble of one engine runs: its estimator names, one trajectory as a task, and the window. For callers
     * that drive the ensemble themselves (resumable batch runs).
     *
     * @param engine the engine
     * @param sites  N
     * @param names  estimator names, in the order of each trajectory's sample vector
     * @param task   one trajectory: index and random stream to its sample vector
     * @param tTotal trajectory length
     * @param tBurn  burn-in
     * @param omegaLeft the energy of the left bath's site: the factor from particle to local heat current
     * @param gaussian  the Gaussian trajectory that {@code task} runs (whose runs can be snapshotted and continued,
     *                  for checkpoints inside long trajectories), or null for the other engines
     */
    public record TrajectoryEnsemble(Engine engine, int sites, List<String> names, TrajectoryTask<double[]> task,
                                     double tTotal, double tBurn, double omegaLeft, GaussianTrajectory gaussian) {
    }

    /**
     * The ensemble of {@code engine} for the chain and settings.
     *
     * <p>Quantum ensembles run on {@link SimulationSettings#quantumEngine()} resolved for the chain (sector,
     * gaussian or auto); both engines give the same estimator names.
     *
     * @throws InvalidInputException for a window, tolerance or initial state the engine refuses, and naming
     *                               "anisotropy" for the gaussian engine on a chain with D != 0
     */
    public static TrajectoryEnsemble ensemble(Engine engine, Chain chain, SimulationSettings s) {
        if (engine == Engine.QUANTUM) {
            TrajectoryOptions times = (s.hasTimes() ? TrajectoryOptions.of(s.tBurn(), s.tTotal())
                    : TrajectoryOptions.defaults(chain)).sampling(s.initialState(), s.sampleTimes())
                    .withDephasingJumps(s.dephasingJumps());
            checkWork(engine, chain, times.tTotal());
            if (s.quantumEngine().resolve(chain) == QuantumEngine.GAUSSIAN) {
                GaussianTrajectory gq = GaussianTrajectory.of(chain, s.tolerance(), times);
                return new TrajectoryEnsemble(engine, chain.sites(), gq.names(), (i, rng) -> gq.run(rng), times.tTotal(),
                        times.tBurn(), chain.bathOmega(chain.left()), gq);
            }
            QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain, s.tolerance()), times);
            return new TrajectoryEnsemble(engine, chain.sites(), q.names(), (i, rng) -> q.run(rng), times.tTotal(), times.tBurn(),
                    chain.bathOmega(chain.left()), null);
        }
        double tTotal = s.hasTimes() ? s.tTotal() : RelaxationTimes.TOTAL * RelaxationTimes.classical(chain);
        double tBurn = s.hasTimes() ? s.tBurn() : RelaxationTimes.BURN_IN * RelaxationTimes.classical(chain);
        ClassicalTrajectory.validateTimes(tTotal, tBurn);
        checkWork(engine, chain, tTotal);
        ExclusionProcess process = ExclusionProcess.of(chain);
        boolean[] initial = s.initialState().occupations(chain.sites());
        double[] sampleTimes = s.sampleTimeArray();
        List<String> names = new ArrayList<>(classicalNames(chain));
        names.addAll(QuantumTrajectory.sampleNames(chain.sites(), sampleTimes.length));
        double[] omegas = new double[chain.bathCount()];
        for (int j = 0; j < omegas.length; j++) {
            omegas[j] = chain.bathOmega(chain.baths()[j]);
        }
        boolean twoBathChain = chain.isTwoBathChain();
        return new TrajectoryEnsemble(engine, chain.sites(), List.copyOf(names), (i, rng) -> {
            ClassicalSample c = ClassicalTrajectory.run(process, tTotal, tBurn, rng, null, initial, sampleTimes);
            return twoBathChain ? classicalEstimators(c) : classicalEstimators(c, omegas);
        }, tTotal, tBurn, chain.bathOmega(chain.left()), null);
    }

    /**
     * The model's total rate, steps or events per unit time of one trajectory up to a constant: the bath rates
     * G (2 nbar + 1), plus per bond 2 (|g| + |D|) and per site omega + dephasing for the quantum engine, or per bond 2 V
     * for the classical one.
     */
    public static double totalRate(Engine engine, Chain chain) {
        double rate = 0;
        for (var b : chain.baths()) {
            rate += b.gamma(chain.bathOmega(b));
        }
        for (int b = 0; b < chain.bonds(); b++) {
            rate += engine == Engine.QUANTUM ? 2 * (Math.abs(chain.coupling(b)) + Math.abs(chain.anisotropy(b)))
                    : 2 * chain.hopping(b);
        }
        if (engine == Engine.QUANTUM) {
            for (int k = 0; k < chain.sites(); k++) {
                rate += chain.omega(k) + chain.dephasing(k);
            }
        }
        return rate;
    }

    /** The most work one trajectory may take, in steps (quantum) or events (classical): hours on one core. */
    public static final double MAX_WORK = 1e10;

    /**
     * Refuses a trajectory length whose work would not end in reasonable time: about t_total times the model's total
     * rate steps or events per trajectory (the sum of all energies and rates for the quantum engine, whose Taylor
     * steps scale with the norm of H and whose jumps with the jump rates; the bath and hopping rates for the
     * classical one), at most {@value #MAX_WORK}.
     *
     * @throws InvalidInputException naming "t_total"
     */
    public static void checkWork(Engine engine, Chain chain, double tTotal) {
        double rate = totalRate(engine, chain);
        double work = tTotal * rate;
        if (!(work <= MAX_WORK)) {
            throw new InvalidInputException("t_total", String.format(Locale.ROOT, "each trajectory would take about %.3g"
                    + " %s (t_total = %.4g times the model's total rate %.4g); at most %.0e are allowed: give a shorter"
                    + " t_total (and t_burn)", work, engine == Engine.QUANTUM ? "steps" : "events", tTotal, rate,
                    MAX_WORK));
        }
    }

    /**
     * Checks that the ensemble has the settings' monitored estimator.
     *
     * @throws InvalidInputException naming "monitor" otherwise
     */
    public static void requireMonitor(TrajectoryEnsemble e, SimulationSettings s) {
        if (!e.names().contains(s.monitor().key())) {
            throw new InvalidInputException("monitor", "unknown estimator '" + s.monitor() + "'; one of " + e.names());
        }
    }

    /**
     * What the stop rule watches: the settings' monitored estimator, whose relative target refers to a scale that
     * cannot vanish while current flows: for a heat current at least omega_1 |I|, for a particle current at least
     * |I| (I the counted particle current from the left bath), else |mean|.
     *
     * @throws InvalidInputException naming "monitor" if the ensemble has no such estimator
     */
    public static Monitor<Estimates> monitor(TrajectoryEnsemble e, SimulationSettings s) {
        requireMonitor(e, s);
        String key = s.monitor().key();
        // indices resolved once: the monitor is read after every trajectory
        int monitored = e.names().indexOf(key);
        int particle = e.names().indexOf(Estimator.PARTICLE_CURRENT.key());
        double factor = key.contains("heat_current") ? e.omegaLeft() : key.startsWith("particle_current") ? 1 : 0;
        if (particle < 0 || factor == 0) {
            return est -> est.get(monitored);
        }
        return Monitor.of(est -> est.get(monitored), est -> factor * est.get(particle).mean());
    }

    private static SimulationResult run(TrajectoryEnsemble e, SimulationSettings s, ProgressListener progress) {
        Monitor<Estimates> monitor = monitor(e, s);
        EnsembleOptions options = new EnsembleOptions(s.seed(), s.threads(), 0, s.stop());
        EnsembleRun<Estimates> run = EnsembleDriver.run(e.task(), Estimates.empty(e.names()), Estimates::add,
                monitor, options, progress);
        return new SimulationResult(e.engine().key(), e.sites(), run.result(), s.seed(), e.tTotal(), e.tBurn(),
                run.reason().name().toLowerCase(Locale.ROOT), s.threads(), run.elapsedSeconds());
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

    /**
     * Names of the classical estimators of a model: a chain's with left and right baths as {@link #classicalNames(int)};
     * otherwise heat_current and particle_current of the first bath, the same with the name appended for every
     * other bath, particle_current_symmetric for two baths, the populations, and on a network (not a chain) the
     * counted bond currents bond_current_K_L (net hops K -&gt; L per unit time).
     */
    public static List<String> classicalNames(Chain chain) {
        if (chain.isTwoBathChain()) {
            return classicalNames(chain.sites());
        }
        List<String> n = new ArrayList<>();
        for (String kind : new String[] {"heat_current", "particle_current"}) {
            for (int j = 0; j < chain.bathCount(); j++) {
                n.add(kind + (j == 0 ? "" : "_" + chain.bathName(j)));
            }
        }
        if (chain.bathCount() == 2) {
            n.add("particle_current_symmetric");
        }
        for (int k = 1; k <= chain.sites(); k++) {
            n.add("population_" + k);
        }
        if (!chain.isChain()) {
            for (int b = 0; b < chain.bonds(); b++) {
                n.add(QuantumTrajectory.bondCurrentName(chain, b));
            }
        }
        return List.copyOf(n);
    }

    /** The estimators of {@link #classicalNames(Chain)} for a model that is not a two-bath chain. */
    private static double[] classicalEstimators(ClassicalSample c, double[] omegas) {
        int n = c.sites();
        int nb = omegas.length;
        double[] sampled = c.sampled();
        long[] net = c.netPerBath();
        int extra = nb == 2 ? 1 : 0;
        long[] bonds = c.bondNet();
        double[] v = new double[2 * nb + extra + n + bonds.length + sampled.length];
        for (int j = 0; j < nb; j++) {
            v[j] = omegas[j] * net[j] / c.window();
            v[nb + j] = net[j] / c.window();
        }
        if (extra == 1) {
            v[2 * nb] = c.particleCurrent();
        }
        System.arraycopy(c.meanOccupations(), 0, v, 2 * nb + extra, n);
        for (int b = 0; b < bonds.length; b++) {
            v[2 * nb + extra + n + b] = bonds[b] / c.window();
        }
        System.arraycopy(sampled, 0, v, 2 * nb + extra + n + bonds.length, sampled.length);
        return v;
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
}
