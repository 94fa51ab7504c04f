package org.qtraj.cli;

import org.qtraj.errors.InvalidInputException;
import org.qtraj.simulation.Estimator;
import org.qtraj.simulation.SimulationSettings;
import picocli.CommandLine.Option;

/**
 * Options shared by the commands that run ensembles of trajectories (simulate, classical, fcs, crosscheck): a
 * picocli mixin whose {@link #settings} turns them into {@link SimulationSettings}. Not thread-safe: filled by
 * picocli and used by its command on one thread (crosscheck sets a default target error in it).
 */
public final class SimulationOptions {
    @Option(names = "--trajectories", paramLabel = "M", description = "Run exactly M trajectories (default 200 unless --target-error or --time-limit is given).")
    Long trajectories;

    @Option(names = "--target-error", paramLabel = "E", description = "Stop when the standard error of the monitored estimate (the heat current; for fcs cumulant_1) is <= E; '1%%' is relative to the estimate.")
    String targetError;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop after this much wall time (the count then depends on the machine).")
    Double timeLimit;

    @Option(names = "--t-total", paramLabel = "T", description = "Length of each trajectory (default from the model's slowest rate: 12 relaxation times; fcs: 202).")
    Double tTotal;

    @Option(names = "--t-burn", paramLabel = "B", description = "Burn-in discarded before averaging (default: 2 relaxation times).")
    Double tBurn;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Master seed; trajectory i uses the stream (S, i) (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", paramLabel = "K", description = "Worker threads (default: all cores); the numbers do not depend on it.")
    Integer threads;

    @Option(names = "--tolerance", paramLabel = "TOL", description = "Integration tolerance of the quantum trajectories (default 1e-9).")
    Double tolerance;

    /**
     * The settings, validated: InvalidInputException naming the setting in the library's words (t_burn, threads,
     * target_error, ...), which {@link Main} turns into the flag.
     */
    public SimulationSettings settings(Estimator monitor) {
        if (tTotal == null && tBurn != null) {
            throw new InvalidInputException("t_burn", "give t_total with t_burn");
        }
        double burn = tBurn == null ? 0 : tBurn;
        if (tTotal != null && !(tTotal > burn)) {
            throw new InvalidInputException("t_total", "must be > t_burn (" + burn + "), got " + tTotal);
        }
        if (tBurn != null && !(tBurn >= 0)) {
            throw new InvalidInputException("t_burn", "must be >= 0, got " + tBurn);
        }
        SimulationSettings.Builder b = SimulationSettings.builder().seed(seed).monitor(monitor);
        if (threads != null) {
            b.threads(threads);
        }
        if (tolerance != null) {
            b.tolerance(tolerance);
        }
        if (tTotal != null) {
            b.window(burn, tTotal);
        }
        if (trajectories != null) {
            if (trajectories < 1) {
                throw new InvalidInputException("trajectories", "must be an integer >= 1, got " + trajectories);
            }
            b.trajectories(trajectories);
        }
        if (targetError != null) {
            String t = targetError.trim();
            boolean relative = t.endsWith("%");
            double err;
            try {
                err = Double.parseDouble(relative ? t.substring(0, t.length() - 1) : t) / (relative ? 100 : 1);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("target_error", "must be a number > 0 or a percentage such as 1%, got '" + targetError + "'");
            }
            if (!(err > 0) || !Double.isFinite(err)) {
                throw new InvalidInputException("target_error", "must be > 0, got '" + targetError + "'");
            }
            if (relative) {
                b.relativeTargetError(err);
            } else {
                b.targetError(err);
            }
        }
        if (timeLimit != null) {
            if (!(timeLimit > 0)) {
                throw new InvalidInputException("time_limit", "must be > 0 seconds, got " + timeLimit);
            }
            b.timeLimit(timeLimit);
        }
        return b.build();
    }
}
