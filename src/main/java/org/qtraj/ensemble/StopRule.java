package org.qtraj.ensemble;

import org.qtraj.errors.InvalidInputException;

/**
 * When the driver stops: after {@code maxTrajectories} trajectories, when the standard error of the monitored
 * estimator is at most {@code targetError} (absolute, or relative to |mean| when {@code relative}), or after
 * {@code timeLimitSeconds} of wall time, whichever comes first. The target error is tested after each trajectory in
 * index order and only once {@code minTrajectories} have been folded (a standard error from fewer samples is too
 * noisy to stop on), so the stopping index does not depend on the thread count; the time limit does.
 *
 * <p>A relative target refers to the monitor's scale ({@link Monitor#scale}), which the simulations keep away from
 * zero (for a heat current: at least omega_1 times the particle current), so that an estimate near zero does not
 * demand an error near zero. A target that would still need more than {@value #MAX_PROJECTED_TRAJECTORIES}
 * trajectories, projected from the spread so far as n (stderr / target)^2, is out of reach: the run ends there
 * ({@link StopReason#TARGET_OUT_OF_REACH}) instead of running for days.
 *
 * <p>A standard error of exactly zero (every sample so far equal) is not trusted before
 * {@value #ZERO_SPREAD_FACTOR} minTrajectories: where jumps are rare (e.g. T_1 = 0.11 with N = 4) the first tens of
 * trajectories can all be jump-free and identical, and stopping there once reported 1.57e-4 +- 0 for an exact
 * 6.26e-5. A truly deterministic estimator (a chain that never gets an excitation) still stops, with error 0,
 * after that many trajectories.
 *
 * <p>Immutable; validated on construction ({@link InvalidInputException} naming the option).
 *
 * @param maxTrajectories  >= 1, or {@link Long#MAX_VALUE} for no limit
 * @param targetError      > 0, or NaN for none
 * @param relative         whether targetError is relative to |mean|
 * @param timeLimitSeconds > 0, or infinite for none
 * @param minTrajectories  >= 2: the target error is not tested before this many trajectories
 */
public record StopRule(long maxTrajectories, double targetError, boolean relative, double timeLimitSeconds,
                       long minTrajectories) {
    public static final long DEFAULT_MIN_TRAJECTORIES = 30;
    /** A zero spread counts as reached only after this many times minTrajectories (class comment). */
    public static final long ZERO_SPREAD_FACTOR = 100;
    /** A target needing more trajectories than this, projected from the spread so far, is out of reach. */
    public static final long MAX_PROJECTED_TRAJECTORIES = 1_000_000_000L;

    /**
     * Validates the rule.
     *
     * @throws InvalidInputException naming trajectories if maxTrajectories &lt; 1 or if no limit at all is given
     *                              (no count, no target error, no time limit), target_error unless NaN or a finite
     *                              number &gt; 0, time_limit unless &gt; 0 (infinity allowed), min_trajectories if
     *                              &lt; 2
     */
    public StopRule {
        if (maxTrajectories < 1) {
            throw new InvalidInputException("trajectories", "must be an integer >= 1, got " + maxTrajectories);
        }
        if (!Double.isNaN(targetError) && !(targetError > 0 && Double.isFinite(targetError))) {
            throw new InvalidInputException("target_error", "must be a number > 0, got " + targetError);
        }
        if (!(timeLimitSeconds > 0)) {
            throw new InvalidInputException("time_limit", "must be > 0 seconds, got " + timeLimitSeconds);
        }
        if (minTrajectories < 2) {
            throw new InvalidInputException("min_trajectories", "must be >= 2, got " + minTrajectories);
        }
        if (maxTrajectories == Long.MAX_VALUE && Double.isNaN(targetError) && Double.isInfinite(timeLimitSeconds)) {
            throw new InvalidInputException("trajectories", "give a trajectory count, a target error or a time limit");
        }
    }

    /** Exactly m trajectories. */
    public static StopRule trajectories(long m) {
        return new StopRule(m, Double.NaN, false, Double.POSITIVE_INFINITY, DEFAULT_MIN_TRAJECTORIES);
    }

    /** Until the standard error is at most e (relative to |mean| if {@code relative}); no count limit. */
    public static StopRule targetError(double e, boolean relative) {
        return new StopRule(Long.MAX_VALUE, e, relative, Double.POSITIVE_INFINITY, DEFAULT_MIN_TRAJECTORIES);
    }

    /** The same rule with at most m trajectories. */
    public StopRule withMaxTrajectories(long m) {
        return new StopRule(m, targetError, relative, timeLimitSeconds, minTrajectories);
    }

    /** The same rule with target error e (relative to |mean| if {@code rel}). */
    public StopRule withTargetError(double e, boolean rel) {
        return new StopRule(maxTrajectories, e, rel, timeLimitSeconds, minTrajectories);
    }

    /** The same rule with a wall-time limit. */
    public StopRule withTimeLimit(double seconds) {
        return new StopRule(maxTrajectories, targetError, relative, seconds, minTrajectories);
    }

    /** The same rule testing the target error only from m trajectories on. */
    public StopRule withMinTrajectories(long m) {
        return new StopRule(maxTrajectories, targetError, relative, timeLimitSeconds, m);
    }

    /** Whether the rule has a target error (else it stops on count or time only). */
    public boolean hasTargetError() {
        return !Double.isNaN(targetError);
    }

    /**
     * The standard error the run waits for: the target, times the scale for a relative target; NaN without a
     * target error.
     */
    public double absoluteTarget(double scale) {
        return !hasTargetError() ? Double.NaN : relative ? targetError * Math.abs(scale) : targetError;
    }

    /** Whether a sample of this count and standard error meets the target error ({@code scale}: class comment). */
    boolean errorReached(long count, double stderr, double scale) {
        if (!hasTargetError() || count < minTrajectories || !(stderr >= 0)) {
            return false;
        }
        if (stderr == 0 && count < ZERO_SPREAD_FACTOR * minTrajectories) {
            return false; // every sample equal so far: the spread is unresolved, not known to be zero
        }
        return stderr <= absoluteTarget(scale);
    }

    /** Whether the target would need more than {@value #MAX_PROJECTED_TRAJECTORIES} trajectories (class comment). */
    boolean outOfReach(long count, double stderr, double scale) {
        if (!hasTargetError() || count < minTrajectories || !(stderr > 0)) {
            return false;
        }
        double ratio = stderr / absoluteTarget(scale);
        return !(count * ratio * ratio <= MAX_PROJECTED_TRAJECTORIES);
    }
}
