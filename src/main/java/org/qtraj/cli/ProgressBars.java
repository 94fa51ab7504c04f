package org.qtraj.cli;

import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.qtraj.ensemble.ProgressListener;

/**
 * A progress bar on stderr (trajectories done, the monitored estimate and its error, the error the stop rule waits
 * for, rate, ETA) when stderr is a terminal; nothing otherwise.
 */
final class ProgressBars implements AutoCloseable {
    private final ProgressBar bar;
    private final String monitor;

    private ProgressBars(ProgressBar bar, String monitor) {
        this.bar = bar;
        this.monitor = monitor;
    }

    /**
     * A bar for a run of {@code planned} trajectories (Long.MAX_VALUE: unknown) that watches the estimator named
     * {@code monitor}, or a silent one.
     */
    static ProgressBars open(String label, long planned, String monitor) {
        if (System.console() == null) {
            return new ProgressBars(null, monitor);
        }
        ProgressBar b = new ProgressBarBuilder().setTaskName(label).setInitialMax(planned == Long.MAX_VALUE ? -1 : planned)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" traj", 1).showSpeed().setConsumer(
                        new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build();
        return new ProgressBars(b, monitor);
    }

    ProgressListener listener() {
        if (bar == null) {
            return ProgressListener.NONE;
        }
        return (done, planned, monitored, target, seconds) -> {
            bar.stepTo(done);
            if (monitored != null && monitored.count() > 1) {
                bar.setExtraMessage(String.format(Locale.ROOT, " %s = %.6g +- %.2g%s", monitor, monitored.mean(),
                        monitored.standardError(), Double.isNaN(target) ? ""
                                : String.format(Locale.ROOT, " (waiting for +- %.2g)", target)));
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
