package org.qtraj.fcs;

import org.HdrHistogram.Histogram;
import org.qtraj.stats.CountCumulants;
import org.qtraj.stats.LagCorrelation;

/**
 * What an ensemble of trajectories recorded for full counting statistics: the counts of all windows (exact
 * multiset), their lag-1 correlation within trajectories, and the waiting-time histograms per channel pair
 * (index 2a + b, a, b = 0 absorption, 1 emission at the counting bath; {@link FcsRecorder}). Immutable in use:
 * {@link #merge} returns a new accumulator and copies the histograms it adds to, so folding in index order is
 * deterministic and does not touch its arguments; all parts add integer counts, so merging is also associative.
 */
public record FcsAccumulator(CountCumulants counts, LagCorrelation lag, Histogram[] waits) {
    /** Nothing recorded. */
    public static FcsAccumulator empty() {
        return new FcsAccumulator(CountCumulants.EMPTY, LagCorrelation.EMPTY, new Histogram[4]);
    }

    static FcsAccumulator of(long[] windowCounts, Histogram[] waits) {
        return new FcsAccumulator(CountCumulants.of(windowCounts), LagCorrelation.of(windowCounts), waits.clone());
    }

    /** This accumulator and {@code o} together, as a new accumulator; neither is modified (class comment). */
    public FcsAccumulator merge(FcsAccumulator o) {
        Histogram[] w = new Histogram[4];
        for (int i = 0; i < 4; i++) {
            if (waits[i] == null) {
                w[i] = o.waits[i] == null ? null : o.waits[i].copy();
            } else {
                w[i] = waits[i].copy();
                if (o.waits[i] != null) {
                    w[i].add(o.waits[i]);
                }
            }
        }
        return new FcsAccumulator(counts.merge(o.counts), lag.merge(o.lag), w);
    }

    /** The waiting-time histogram of pair (a, b), in units of 1/{@link FcsRecorder#UNITS_PER_TIME}; null if empty. */
    public Histogram waits(int a, int b) {
        return waits[2 * a + b];
    }

    /** Number of recorded waiting times that start with a jump of channel a. */
    public long waitsFrom(int a) {
        long s = 0;
        for (int b = 0; b < 2; b++) {
            if (waits[2 * a + b] != null) {
                s += waits[2 * a + b].getTotalCount();
            }
        }
        return s;
    }
}
