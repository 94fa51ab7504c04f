package org.qtraj.fcs;

import org.HdrHistogram.Histogram;
import org.qtraj.classical.BoundaryEventListener;
import org.qtraj.trajectory.JumpListener;

/**
 * Listens to one trajectory (quantum or classical) and records, at the counting bath, the net count
 * (absorptions - emissions) in each of K consecutive windows [t_burn + k T, t_burn + (k+1) T), and the waiting
 * times between consecutive jumps of that bath per channel pair (a, b), a, b in {absorption, emission}, into
 * HdrHistograms in units of 1/{@value #UNITS_PER_TIME} of the model's time. Jumps of the other bath (and
 * dephasing) happen freely in between, as in the exact w_ab of {@code org.qtraj.exact.counting.WaitingTimes}. One recorder
 * per trajectory; not thread-safe.
 */
final class FcsRecorder implements JumpListener, BoundaryEventListener {
    /** Waiting-time resolution: times are recorded as round(tau * UNITS_PER_TIME). */
    static final double UNITS_PER_TIME = 1e6;
    /** Significant digits of the waiting-time histograms (bucket widths 0.1 % of the value). */
    static final int DIGITS = 3;

    private final int bath;
    private final double tBurn;
    private final double window;
    private final long[] counts;
    private final Histogram[] waits = new Histogram[4];
    private int lastChannel = -1;
    private double lastTime;

    FcsRecorder(int bath, double tBurn, double window, int windows) {
        this.bath = bath;
        this.tBurn = tBurn;
        this.window = window;
        this.counts = new long[windows];
    }

    /** Channel index of a change: 0 absorption (+1), 1 emission (-1). */
    static int channel(int change) {
        return change > 0 ? 0 : 1;
    }

    @Override
    public void onJump(int b, int change, double time) {
        if (b != bath) {
            return;
        }
        int k = (int) Math.floor((time - tBurn) / window);
        if (k == counts.length && time <= tBurn + counts.length * window) {
            k--; // a jump exactly at the end of the last window (e.g. at t_total) belongs to it
        }
        if (k >= 0 && k < counts.length) {
            counts[k] += change;
        }
        int c = channel(change);
        if (lastChannel >= 0) {
            int pair = 2 * lastChannel + c;
            if (waits[pair] == null) {
                waits[pair] = new Histogram(DIGITS);
            }
            waits[pair].recordValue(Math.round((time - lastTime) * UNITS_PER_TIME));
        }
        lastChannel = c;
        lastTime = time;
    }

    @Override
    public void onBoundaryEvent(int b, int change, double time) {
        onJump(b, change, time);
    }

    /** What the trajectory recorded. */
    FcsAccumulator result() {
        return FcsAccumulator.of(counts, waits);
    }
}
