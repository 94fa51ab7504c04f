package org.qtraj.simulation;

import java.util.List;
import org.qtraj.ensemble.StopRule;
import org.qtraj.ensemble.Threads;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.InitialState;
import org.qtraj.trajectory.DephasingJumps;
import org.qtraj.trajectory.Unravelling;

/**
 * How to run an ensemble of trajectories, quantum or classical: seed, threads, when to stop, the averaging window,
 * the integration tolerance, the monitored estimator and, for relaxation curves, the initial state and sample
 * times. Built with {@link #builder()}; every setting has a default. Immutable and thread-safe.
 *
 * <pre>{@code
 * SimulationSettings s = SimulationSettings.builder().seed(7).relativeTargetError(0.01).build();
 * }</pre>
 */
public final class SimulationSettings {
    /** Trajectories run when neither a count, a target error nor a time limit is given. */
    public static final long DEFAULT_TRAJECTORIES = 200;

    private final long seed;
    private final int threads;
    private final StopRule stop;
    private final double tBurn;
    private final double tTotal;
    private final double tolerance;
    private final Estimator monitor;
    private final InitialState initialState;
    private final List<Double> sampleTimes;
    private final QuantumEngine quantumEngine;
    private final DephasingJumps dephasingJumps;

    private SimulationSettings(Builder b) {
        seed = b.seed;
        threads = b.threads;
        stop = b.stopRule();
        tBurn = b.tBurn;
        tTotal = b.tTotal;
        tolerance = b.tolerance;
        monitor = b.monitor;
        initialState = b.initialState;
        sampleTimes = b.sampleTimes;
        quantumEngine = b.quantumEngine;
        dephasingJumps = b.dephasingJumps;
    }

    /** A builder with every default: seed 1, all cores, 200 trajectories, the model's default window. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.seed = seed;
        b.threads = threads;
        b.stop = stop;
        b.tBurn = tBurn;
        b.tTotal = tTotal;
        b.tolerance = tolerance;
        b.monitor = monitor;
        b.initialState = initialState;
        b.sampleTimes = sampleTimes;
        b.quantumEngine = quantumEngine;
        b.dephasingJumps = dephasingJumps;
        return b;
    }

    /** Master seed: trajectory i draws from the stream (seed, i). */
    public long seed() {
        return seed;
    }

    /** Worker threads, &gt;= 1; the numbers do not depend on it. */
    public int threads() {
        return threads;
    }

    /** Trajectory count, target error and/or time limit. */
    public StopRule stop() {
        return stop;
    }

    /** Whether the window [t_burn, t_total] is given (else the model's default, {@code RelaxationTimes}). */
    public boolean hasTimes() {
        return !Double.isNaN(tTotal);
    }

    /** End of each trajectory; NaN unless {@link #hasTimes()}. */
    public double tTotal() {
        return tTotal;
    }

    /** Start of the averaging window; NaN unless {@link #hasTimes()}. */
    public double tBurn() {
        return tBurn;
    }

    /** Integration tolerance of the quantum trajectories (the classical simulation is exact). */
    public double tolerance() {
        return tolerance;
    }

    /** The estimator that a target error refers to and that progress reports show. */
    public Estimator monitor() {
        return monitor;
    }

    /** The initial basis state or configuration (default {@link InitialState#empty()}, all ground). */
    public InitialState initialState() {
        return initialState;
    }

    /** Which engine runs quantum trajectories (default {@link QuantumEngine#SECTOR}). */
    public QuantumEngine quantumEngine() {
        return quantumEngine;
    }

    /**
     * How quantum trajectories unravel the dephasing (default {@link DephasingJumps#PROJECTIVE}; phase flips on the
     * gaussian engine only).
     */
    public DephasingJumps dephasingJumps() {
        return dephasingJumps;
    }

    /** Times at which the trajectories record the populations (relaxation curves); may be empty. */
    public List<Double> sampleTimes() {
        return sampleTimes;
    }

    /** The sample times as an array. */
    public double[] sampleTimeArray() {
        return sampleTimes.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Builds {@link SimulationSettings}; not thread-safe. */
    public static final class Builder {
        private long seed = 1;
        private int threads = Runtime.getRuntime().availableProcessors();
        private StopRule stop;
        private Long trajectories;
        private double targetError = Double.NaN;
        private boolean relative;
        private double timeLimit = Double.POSITIVE_INFINITY;
        private long minTrajectories = StopRule.DEFAULT_MIN_TRAJECTORIES;
        private double tBurn = Double.NaN;
        private double tTotal = Double.NaN;
        private double tolerance = Unravelling.DEFAULT_TOLERANCE;
        private Estimator monitor = Estimator.HEAT_CURRENT;
        private InitialState initialState = InitialState.empty();
        private List<Double> sampleTimes = List.of();
        private QuantumEngine quantumEngine = QuantumEngine.SECTOR;
        private DephasingJumps dephasingJumps = DephasingJumps.PROJECTIVE;

        private Builder() {
        }

        /** How quantum trajectories unravel the dephasing (default projective; see {@link DephasingJumps}). */
        public Builder dephasingJumps(DephasingJumps jumps) {
            this.dephasingJumps = java.util.Objects.requireNonNull(jumps);
            return this;
        }

        /** Which engine runs quantum trajectories (default sector; see {@link QuantumEngine}). */
        public Builder quantumEngine(QuantumEngine engine) {
            this.quantumEngine = java.util.Objects.requireNonNull(engine);
            return this;
        }

        /** Master seed (default 1). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Worker threads, &gt;= 1 (default: all cores). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Stop after exactly {@code m} trajectories (or earlier, on a target error or time limit also given). */
        public Builder trajectories(long m) {
            this.trajectories = m;
            this.stop = null;
            return this;
        }

        /** Stop when the standard error of the monitored estimator is at most {@code e}. */
        public Builder targetError(double e) {
            this.targetError = e;
            this.relative = false;
            this.stop = null;
            return this;
        }

        /** Stop when the standard error is at most {@code fraction} of |mean| of the monitored estimator. */
        public Builder relativeTargetError(double fraction) {
            this.targetError = fraction;
            this.relative = true;
            this.stop = null;
            return this;
        }

        /** Stop after this much wall time (the count then depends on the machine). */
        public Builder timeLimit(double seconds) {
            this.timeLimit = seconds;
            this.stop = null;
            return this;
        }

        /** The target error is not tested before this many trajectories (default 30). */
        public Builder minTrajectories(long m) {
            this.minTrajectories = m;
            this.stop = null;
            return this;
        }

        /** A complete stop rule, replacing trajectories, target error, time limit and minimum. */
        public Builder stop(StopRule rule) {
            this.stop = rule;
            return this;
        }

        /** Average over [tBurn, tTotal] (default: from the model's relaxation time). */
        public Builder window(double tBurn, double tTotal) {
            if (Double.isNaN(tBurn) != Double.isNaN(tTotal)) {
                throw new InvalidInputException(Double.isNaN(tTotal) ? "t_total" : "t_burn",
                        "give both t_total and t_burn, or neither (then both follow from the model's slowest rate)");
            }
            this.tBurn = tBurn;
            this.tTotal = tTotal;
            return this;
        }

        /** The model's default window (undoes {@link #window}). */
        public Builder defaultWindow() {
            return window(Double.NaN, Double.NaN);
        }

        /** Integration tolerance of the quantum trajectories (default 1e-9). */
        public Builder tolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        /** The estimator a target error refers to (default {@link Estimator#HEAT_CURRENT}). */
        public Builder monitor(Estimator estimator) {
            this.monitor = java.util.Objects.requireNonNull(estimator, "estimator");
            return this;
        }

        /** Relaxation curves: populations at {@code times} from the basis state {@code initialState}. */
        public Builder relaxation(InitialState initialState, List<Double> times) {
            this.initialState = java.util.Objects.requireNonNull(initialState, "initialState");
            this.sampleTimes = List.copyOf(times);
            return this;
        }

        /** Relaxation curves: populations at {@code times} from the basis state of a bit mask (bit k: site k + 1). */
        public Builder relaxation(int initialState, List<Double> times) {
            return relaxation(InitialState.ofMask(initialState), times);
        }

        /**
         * The settings.
         *
         * @throws InvalidInputException naming the first bad setting (threads, trajectories, target_error,
         *                               time_limit, min_trajectories)
         */
        public SimulationSettings build() {
            Threads.check(threads);
            return new SimulationSettings(this);
        }

        private StopRule stopRule() {
            if (stop != null) {
                return stop;
            }
            boolean anyLimit = !Double.isNaN(targetError) || Double.isFinite(timeLimit);
            long max = trajectories != null ? trajectories : anyLimit ? Long.MAX_VALUE : DEFAULT_TRAJECTORIES;
            return new StopRule(max, targetError, relative, timeLimit, minTrajectories);
        }
    }
}
