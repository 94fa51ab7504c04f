package org.qtraj.fcs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.qtraj.classical.ClassicalTrajectory;
import org.qtraj.classical.ExclusionProcess;
import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.Seeds;
import org.qtraj.ensemble.TrajectoryTask;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.model.RelaxationTimes;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.Estimator;
import org.qtraj.simulation.QuantumEngine;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.simulation.Simulations;
import org.qtraj.trajectory.GaussianTrajectory;
import org.qtraj.trajectory.QuantumTrajectory;
import org.qtraj.trajectory.TrajectoryOptions;
import org.qtraj.trajectory.Unravelling;

/**
 * Full counting statistics from quantum or classical trajectories on the ensemble driver: each trajectory's
 * averaging window [t_burn, t_total] is cut into K = floor((t_total - t_burn)/T) windows of length T (one window
 * of the whole length without --window), the net count at the counting bath in each window and the waiting times
 * between the bath's jumps are recorded ({@link FcsRecorder}) and folded in index order ({@link FcsAccumulator}):
 * bit-identical for any thread count.
 *
 * <p>Default times (no --t-total/--t-burn): t_burn = 2 t_relax and t_total = t_burn + {@value #WINDOW_RELAXATIONS}
 * t_relax (a window T must fit in it; give --t-total for longer trajectories), with t_relax the model's
 * relaxation-time estimate ({@link RelaxationTimes#quantum} for the quantum chain,
 * {@link RelaxationTimes#classical} for the classical one). The window is much longer than for mean
 * currents because the k-statistics of the counts in a window T estimate T kappa_k + c_k, not T kappa_k: the
 * count includes the change of the chain's occupation between the window's ends, so c_2 is of the order of the
 * occupation variance, and the scaled noise is biased by c_2 / (kappa_2 T). Measured (classical N = 2, 8000
 * trajectories): Fano 0.885 +- 0.014 at T = 33 t_relax, 0.851 +- 0.014 at T = 160 t_relax, exact 0.857; over
 * N = 2..5 the 40 t_relax windows gave z = +0.3 .. +2.8 (classical) and -0.3 .. +1.9 (quantum, gamma = 0.5).
 * At 200 t_relax the bias is below 1 % there. The same boundary term makes the counts of adjacent short windows
 * anticorrelated, which the lag-1 check of {@link FcsResult} reports.
 */
public final class Fcs {
    /** Default length of the averaging window, in relaxation times (class comment). */
    public static final int WINDOW_RELAXATIONS = 200;
    /** What a target error of a counting-statistics run refers to: the count rate kappa_1 of the counting bath. */
    public static final Estimator COUNT_RATE = Estimator.of("count_rate");

    private Fcs() {
    }

    /** Counting statistics from either engine's trajectories. */
    public static FcsResult run(Engine engine, Chain chain, SimulationSettings s, FcsSettings f,
                                ProgressListener progress) {
        return engine == Engine.CLASSICAL ? classical(chain, s, f, progress) : quantum(chain, s, f, progress);
    }

    /**
     * Counting statistics for the finite-window correction ({@link WindowOffset}): one independent ensemble per window
     * length T_i, each with the settings' trajectories and times (its averaging window cut into windows of T_i), the
     * i-th from the seed {@link Seeds#derive}(seed, i) so that the ensembles share no random stream. The results come
     * in the order of {@code windows}.
     *
     * @param f       the counting bath (its window is ignored)
     * @param windows at least two different window lengths, each at most t_total - t_burn
     * @throws InvalidInputException naming window for fewer than two lengths, a repeated one, or one that is not a
     *                               finite time &gt; 0 or longer than the averaging window
     */
    public static List<FcsResult> windowOffset(Engine engine, Chain chain, SimulationSettings s, FcsSettings f,
                                               double[] windows, ProgressListener progress) {
        checkWindows(windows);
        requireBath(chain, f);
        double relax;
        if (engine == Engine.CLASSICAL) {
            relax = s.hasTimes() ? relaxOrNaN(() -> RelaxationTimes.classical(chain)) : RelaxationTimes.classical(chain);
        } else {
            relax = s.hasTimes() ? relaxOrNaN(() -> RelaxationTimes.quantum(chain)) : RelaxationTimes.quantum(chain);
        }
        for (double w : windows) {
            // every window must fit before the first ensemble runs
            times(s, new FcsSettings(f.bath(), w, f.bathName()), relax);
        }
        List<FcsResult> out = new ArrayList<>();
        for (int i = 0; i < windows.length; i++) {
            FcsSettings fi = new FcsSettings(f.bath(), windows[i], f.bathName());
            SimulationSettings si = s.toBuilder().seed(Seeds.derive(s.seed(), i)).build();
            out.add(run(engine, chain, si, fi, progress));
        }
        return out;
    }

    /**
     * Refuses window lengths the offset correction cannot use.
     *
     * @throws InvalidInputException naming window for fewer than two lengths, a repeated one, or one that is not a
     *                               finite time &gt; 0
     */
    public static void checkWindows(double[] windows) {
        if (windows.length < 2) {
            throw new InvalidInputException("window", "the offset correction needs at least two window lengths, got "
                    + windows.length);
        }
        for (int i = 0; i < windows.length; i++) {
            if (!(windows[i] > 0 && Double.isFinite(windows[i]))) {
                throw new InvalidInputException("window", "every window length must be a finite time > 0, got " + windows[i]);
            }
            for (int j = 0; j < i; j++) {
                if (windows[j] == windows[i]) {
                    throw new InvalidInputException("window", "the window lengths must differ, got " + windows[i] + " twice");
                }
            }
        }
    }

    /** Refuses a counting bath the model does not have. */
    private static void requireBath(Chain chain, FcsSettings f) {
        if (f.bath() >= chain.bathCount()) {
            throw new InvalidInputException("counting_bath", "the model has " + chain.bathCount() + " baths, got bath index "
                    + f.bath());
        }
    }

    /**
     * Quantum trajectories (Monte Carlo wave functions) on the settings' {@link SimulationSettings#quantumEngine()}:
     * the sector engine, or the gaussian engine (XX chains with two baths) whose bath jumps feed the same recorder.
     */
    public static FcsResult quantum(Chain chain, SimulationSettings s, FcsSettings f, ProgressListener progress) {
        requireBath(chain, f);
        double relax = s.hasTimes() ? relaxOrNaN(() -> RelaxationTimes.quantum(chain))
                : RelaxationTimes.quantum(chain);
        Times t = times(s, f, relax);
        Simulations.checkWork(Engine.QUANTUM, chain, t.total);
        TrajectoryOptions window = TrajectoryOptions.of(t.burn, t.total).withDephasingJumps(s.dephasingJumps());
        TrajectoryTask<FcsAccumulator> task;
        if (s.quantumEngine().resolve(chain) == QuantumEngine.GAUSSIAN) {
            // the gaussian engine reports the same bath jumps (bath index, charge, time) to the recorder
            GaussianTrajectory g = GaussianTrajectory.of(chain, s.tolerance(), window);
            task = (i, rng) -> {
                FcsRecorder rec = new FcsRecorder(f.bath(), t.burn, t.window, t.windows);
                g.run(rng, rec);
                return rec.result();
            };
        } else {
            QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain, s.tolerance()), window);
            task = (i, rng) -> {
                FcsRecorder rec = new FcsRecorder(f.bath(), t.burn, t.window, t.windows);
                q.run(rng, rec);
                return rec.result();
            };
        }
        return run("trajectories", chain, task, s, f, t, relax, progress);
    }

    /** Exact stochastic simulation of the classical exclusion process. */
    public static FcsResult classical(Chain chain, SimulationSettings s, FcsSettings f, ProgressListener progress) {
        requireBath(chain, f);
        double relax = s.hasTimes() ? relaxOrNaN(() -> RelaxationTimes.classical(chain))
                : RelaxationTimes.classical(chain);
        Times t = times(s, f, relax);
        Simulations.checkWork(Engine.CLASSICAL, chain, t.total);
        ClassicalTrajectory.validateTimes(t.total, t.burn);
        ExclusionProcess process = ExclusionProcess.of(chain);
        TrajectoryTask<FcsAccumulator> task = (i, rng) -> {
            FcsRecorder rec = new FcsRecorder(f.bath(), t.burn, t.window, t.windows);
            ClassicalTrajectory.run(process, t.total, t.burn, rng, rec);
            return rec.result();
        };
        return run("classical", chain, task, s, f, t, relax, progress);
    }

    private record Times(double burn, double total, double window, int windows) {
    }

    private static double relaxOrNaN(java.util.function.DoubleSupplier s) {
        try {
            return s.getAsDouble();
        } catch (InvalidInputException e) {
            return Double.NaN;
        }
    }

    private static Times times(SimulationSettings s, FcsSettings f, double relax) {
        double burn;
        double total;
        if (s.hasTimes()) {
            burn = s.tBurn();
            total = s.tTotal();
        } else {
            burn = 2 * relax;
            total = burn + WINDOW_RELAXATIONS * relax;
        }
        double span = total - burn;
        if (!f.hasWindow()) {
            return new Times(burn, total, span, 1);
        }
        if (f.window() > span) {
            throw new InvalidInputException("window", String.format(Locale.ROOT,
                    "must be at most the averaging window t_total - t_burn = %.6g, got %.6g", span, f.window()));
        }
        long k = (long) Math.floor(span / f.window());
        if (k > 10_000_000) {
            throw new InvalidInputException("window", "gives " + k + " windows per trajectory; at most 10^7");
        }
        return new Times(burn, total, f.window(), (int) k);
    }

    private static FcsResult run(String method, Chain chain, TrajectoryTask<FcsAccumulator> task, SimulationSettings s,
                                 FcsSettings f, Times t, double relax, ProgressListener progress) {
        EnsembleOptions options = new EnsembleOptions(s.seed(), s.threads(), 0, s.stop());
        EnsembleRun<FcsAccumulator> run = EnsembleDriver.run(task, FcsAccumulator.empty(), FcsAccumulator::merge,
                a -> a.counts().meanVar(1 / t.window), options, progress);
        FcsAccumulator data = run.result();
        return new FcsResult(method, chain.sites(), f.bath(), data, s.seed(), t.total, t.burn, t.window, t.windows,
                relax, run.trajectories(), run.reason().name().toLowerCase(Locale.ROOT), s.threads(),
                run.elapsedSeconds(), FcsResult.checks(data, t.window, t.windows, relax), f.bathName());
    }
}
