package org.qtraj.fcs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.HdrHistogram.HistogramLogWriter;
import org.qtraj.io.AtomicFiles;

/**
 * The histograms of a full-counting-statistics run as files a plotting tool reads directly, each written
 * atomically ({@link AtomicFiles}):
 * <ul>
 * <li>{@code waiting_<a>_<b>.csv}: waiting times between a jump a and the next jump b of the counting bath
 * (a, b = abs | em), linear bins, columns bin (centre), bin_low, bin_high, count, density, exact; density =
 * count / (jumps a followed by a recorded jump, times bin width), the estimate of w_ab(tau) (it integrates to the
 * probability that the next jump is b), exact = w_ab at the bin centre (empty without a reference).</li>
 * <li>{@code counts.csv}: net count per window, columns bin (the count), count, density (fraction of windows).</li>
 * <li>{@code waiting_times.hlog}: the four HdrHistograms in the HdrHistogram log format, tagged a_b, values in
 * units of 1/{@value FcsRecorder#UNITS_PER_TIME} time (a comment says so).</li>
 * <li>{@code counts.hlog}: the window counts in one HdrHistogram, shifted by the offset in its comment (HdrHistogram
 * records non-negative values only).</li>
 * </ul>
 *
 * <p>Stateless and thread-safe (static methods only); no method modifies its arguments (the histograms of the
 * accumulator are copied before they are tagged).
 */
public final class FcsFiles {
    /** Names of the channel indices (0 absorption, 1 emission) in file names and tags. */
    public static final String[] CHANNELS = {"abs", "em"};
    private static final int TARGET_BINS = 100;
    private static final int MAX_BINS = 5000;

    private FcsFiles() {
    }

    /** Linear bins of the waiting times of one pair; exact may be null. Times in the model's units. */
    public record WaitingBins(int a, int b, double[] low, double[] high, long[] count, double[] density, double[] exact) {
        /** The bin centres (low + high) / 2, a new array. */
        public double[] centres() {
            double[] c = new double[low.length];
            for (int i = 0; i < c.length; i++) {
                c[i] = 0.5 * (low[i] + high[i]);
            }
            return c;
        }
    }

    /** The waiting-time bins of every pair (a, b) of jump kinds that occurred, in order (a, b) = 00, 01, 10, 11. */
    public static List<WaitingBins> allWaitingBins(FcsAccumulator data, FcsExact exact) {
        List<WaitingBins> bins = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                WaitingBins wb = waitingBins(data, a, b, exact);
                if (wb != null) {
                    bins.add(wb);
                }
            }
        }
        return bins;
    }

    /**
     * Bins the waiting times of pair (a, b) into about {@value #TARGET_BINS} bins up to the 99.5th percentile (and
     * as many more of that width as reach the largest value, at most {@value #MAX_BINS}); null if none recorded.
     * Each HdrHistogram bucket (0.1 % wide) goes to the bin of its median value.
     *
     * @param exact the exact references, or null
     */
    public static WaitingBins waitingBins(FcsAccumulator data, int a, int b, FcsExact exact) {
        Histogram h = data.waits(a, b);
        if (h == null || h.getTotalCount() == 0) {
            return null;
        }
        double unit = 1 / FcsRecorder.UNITS_PER_TIME;
        double top = Math.max(h.getValueAtPercentile(99.5), 1) * unit;
        double max = Math.max(h.getMaxValue(), 1) * unit;
        double width = top / TARGET_BINS;
        int bins = (int) Math.min(Math.floor(max / width) + 1, MAX_BINS);
        width = Math.max(width, max / bins * (1 + 1e-12));
        long[] count = new long[bins];
        for (HistogramIterationValue v : h.recordedValues()) {
            double tau = h.medianEquivalentValue(v.getValueIteratedTo()) * unit;
            int i = (int) Math.min(Math.floor(tau / width), bins - 1);
            count[i] += v.getCountAddedInThisIterationStep();
        }
        double[] low = new double[bins];
        double[] high = new double[bins];
        double[] density = new double[bins];
        double from = data.waitsFrom(a);
        for (int i = 0; i < bins; i++) {
            low[i] = i * width;
            high[i] = (i + 1) * width;
            density[i] = count[i] / (from * width);
        }
        double[] ex = null;
        if (exact != null) {
            double[] centres = new double[bins];
            for (int i = 0; i < bins; i++) {
                centres[i] = (i + 0.5) * width;
            }
            double[][] w = exact.waitingDensities(a, centres);
            ex = w == null ? null : w[b];
        }
        return new WaitingBins(a, b, low, high, count, density, ex);
    }

    /** Writes all files of the class comment into {@code dir}; returns their paths. */
    public static List<Path> write(Path dir, FcsResult result, FcsExact exact) throws IOException {
        List<Path> written = new ArrayList<>();
        FcsAccumulator data = result.data();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                WaitingBins bins = waitingBins(data, a, b, exact);
                if (bins == null) {
                    continue;
                }
                StringBuilder sb = new StringBuilder("bin,bin_low,bin_high,count,density,exact\n");
                for (int i = 0; i < bins.count.length; i++) {
                    sb.append(String.format(Locale.ROOT, "%.9g,%.9g,%.9g,%d,%.9g,%s%n", 0.5 * (bins.low[i] + bins.high[i]),
                            bins.low[i], bins.high[i], bins.count[i], bins.density[i],
                            bins.exact == null ? "" : String.format(Locale.ROOT, "%.9g", bins.exact[i])));
                }
                Path p = dir.resolve("waiting_" + CHANNELS[a] + "_" + CHANNELS[b] + ".csv");
                AtomicFiles.write(p, sb.toString());
                written.add(p);
            }
        }
        StringBuilder sb = new StringBuilder("bin,count,density\n");
        double n = data.counts().size();
        for (Map.Entry<Long, Long> e : data.counts().frequencies().entrySet()) {
            sb.append(String.format(Locale.ROOT, "%d,%d,%.9g%n", e.getKey(), e.getValue(), e.getValue() / n));
        }
        Path counts = dir.resolve("counts.csv");
        AtomicFiles.write(counts, sb.toString());
        written.add(counts);
        written.add(writeLog(dir.resolve("waiting_times.hlog"), result, waitLog(result)));
        written.add(writeLog(dir.resolve("counts.hlog"), result, countLog(result)));
        return written;
    }

    private record Tagged(String comment, List<Histogram> histograms) {
    }

    private static Tagged waitLog(FcsResult r) {
        List<Histogram> hs = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            for (int b = 0; b < 2; b++) {
                Histogram h = r.data().waits(a, b);
                if (h != null) {
                    Histogram c = h.copy();
                    c.setTag(CHANNELS[a] + "_" + CHANNELS[b]);
                    hs.add(c);
                }
            }
        }
        return new Tagged(String.format(Locale.ROOT, "qtraj fcs waiting times between consecutive jumps at the %s bath,"
                + " tag a_b = first jump, next jump; values in units of %.0e time", r.bath() == 0 ? "left" : "right",
                1 / FcsRecorder.UNITS_PER_TIME), hs);
    }

    private static Tagged countLog(FcsResult r) {
        var f = r.data().counts().frequencies();
        long offset = f.isEmpty() ? 0 : f.firstKey();
        Histogram h = new Histogram(FcsRecorder.DIGITS);
        f.forEach((k, v) -> h.recordValueWithCount(k - offset, v));
        h.setTag("counts");
        return new Tagged(String.format(Locale.ROOT, "qtraj fcs net counts per window of length %.9g at the %s bath;"
                + " value = count - (%d)", r.window(), r.bath() == 0 ? "left" : "right", offset), List.of(h));
    }

    private static Path writeLog(Path p, FcsResult r, Tagged t) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(ps);
            w.outputLogFormatVersion();
            w.outputComment(t.comment);
            w.outputComment(String.format(Locale.ROOT, "%s, N = %d, seed %d, %d trajectories, window [%.9g, %.9g]",
                    r.method(), r.sites(), r.seed(), r.trajectories(), r.tBurn(), r.tTotal()));
            w.outputLegend();
            for (Histogram h : t.histograms) {
                // interval stamps are not wall times here: all histograms cover the whole run
                w.outputIntervalHistogram(0, r.tTotal(), h, 1.0);
            }
        }
        AtomicFiles.write(p, bytes.toByteArray());
        return p;
    }
}
