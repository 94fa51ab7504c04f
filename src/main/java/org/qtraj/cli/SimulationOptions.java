package org.qtraj.cli;

import org.qtraj.ensemble.StopRule;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.trajectory.Unravelling;
import picocli.CommandLine.Option;

/** Options shared by the commands that run ensembles of trajectories (simulate, classical, fcs, crosscheck). */
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

    /** The settings, validated (InvalidInputException naming the option on bad values). */
    public SimulationSettings settings(String monitor) {
        StopRule stop = stopRule();
        double total = tTotal == null ? Double.NaN : tTotal;
        double burn = tBurn == null ? Double.NaN : tBurn;
        if (tTotal != null && tBurn == null) {
            burn = 0;
        }
        if (tTotal == null && tBurn != null) {
            throw new InvalidInputException("t-burn", "give --t-total with --t-burn");
        }
        if (tTotal != null && !(tTotal > burn)) {
            throw new InvalidInputException("t-total", "must be > t-burn (" + burn + "), got " + tTotal);
        }
        if (tBurn != null && !(tBurn >= 0)) {
            throw new InvalidInputException("t-burn", "must be >= 0, got " + tBurn);
        }
        int k = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (k < 1) {
            throw new InvalidInputException("threads", "must be >= 1, got " + k);
        }
        double tol = tolerance == null ? Unravelling.DEFAULT_TOLERANCE : tolerance;
        return new SimulationSettings(seed, k, stop, total, burn, tol, monitor);
    }

    private StopRule stopRule() {
        if (trajectories != null && trajectories < 1) {
            throw new InvalidInputException("trajectories", "must be an integer >= 1, got " + trajectories);
        }
        long max = trajectories != null ? trajectories : (targetError == null && timeLimit == null ? 200 : Long.MAX_VALUE);
        double err = Double.NaN;
        boolean relative = false;
        if (targetError != null) {
            String t = targetError.trim();
            relative = t.endsWith("%");
            try {
                err = Double.parseDouble(relative ? t.substring(0, t.length() - 1) : t) / (relative ? 100 : 1);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("target-error", "must be a number > 0 or a percentage such as 1%, got '" + targetError + "'");
            }
            if (!(err > 0) || !Double.isFinite(err)) {
                throw new InvalidInputException("target-error", "must be > 0, got '" + targetError + "'");
            }
        }
        double limit = timeLimit == null ? Double.POSITIVE_INFINITY : timeLimit;
        if (timeLimit != null && !(timeLimit > 0)) {
            throw new InvalidInputException("time-limit", "must be > 0 seconds, got " + timeLimit);
        }
        return new StopRule(max, err, relative, limit, StopRule.DEFAULT_MIN_TRAJECTORIES);
    }
}
