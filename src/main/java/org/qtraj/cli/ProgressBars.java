package org.qtraj.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.qtraj.ensemble.ProgressListener;

/**
 * A progress bar on stderr (trajectories done, current estimate and error, rate, ETA) when stderr is a terminal;
 * nothing otherwise.
 */
final class ProgressBars implements AutoCloseable {
    private final ProgressBar bar;

    private ProgressBars(ProgressBar bar) {
        this.bar = bar;
    }

    /** A bar for a run of {@code planned} trajectories (Long.MAX_VALUE: unknown), or a silent one. */
    static ProgressBars open(String label, long planned) {
        if (System.console() == null) {
            return new ProgressBars(null);
        }
        ProgressBar b = new ProgressBarBuilder().setTaskName(label).setInitialMax(planned == Long.MAX_VALUE ? -1 : planned)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" traj", 1).showSpeed().setConsumer(
                        new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        return new ProgressBars(b);
    }

    ProgressListener listener() {
        if (bar == null) {
            return ProgressListener.NONE;
        }
        return (done, planned, monitored, seconds) -> {
            bar.stepTo(done);
            if (monitored != null && monitored.count() > 1) {
                bar.setExtraMessage(String.format(Locale.ROOT, " J = %.6g +- %.2g", monitored.mean(), monitored.standardError()));
            }
        };
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
