package org.qtraj.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.qtraj.fcs.FcsFiles;
import org.qtraj.fcs.FcsResult;
import org.qtraj.io.AtomicFiles;

/**
 * PNG plots of a full-counting-statistics run (XChart, BitmapEncoder), written atomically: the distribution of
 * the net count per window ({@code counts.png}, with the Gaussian of the exact mean and noise when known), and
 * each waiting-time density w_ab(tau) from the trajectories overlaid on the exact one ({@code waiting_<a>_<b>.png}).
 */
final class FcsPlots {
    private FcsPlots() {
    }

    static List<Path> write(Path dir, FcsResult r, List<FcsFiles.WaitingBins> waits, double[] exactCumulants)
            throws IOException {
        List<Path> out = new ArrayList<>();
        XYChart counts = new XYChartBuilder().width(800).height(600).title("net count per window, T = " + fmt(r.window()))
                .xAxisTitle("count").yAxisTitle("probability").build();
        Map<Long, Long> f = r.data().counts().frequencies();
        double n = r.data().counts().size();
        double[] x = new double[f.size()];
        double[] y = new double[f.size()];
        int i = 0;
        for (Map.Entry<Long, Long> e : f.entrySet()) {
            x[i] = e.getKey();
            y[i] = e.getValue() / n;
            i++;
        }
        XYSeries s = counts.addSeries("trajectories", x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        if (exactCumulants != null && x.length > 1) {
            double mu = exactCumulants[0] * r.window();
            double var = exactCumulants[1] * r.window();
            double[] g = new double[x.length];
            for (int k = 0; k < x.length; k++) {
                g[k] = Math.exp(-0.5 * (x[k] - mu) * (x[k] - mu) / var) / Math.sqrt(2 * Math.PI * var);
            }
            counts.addSeries("Gaussian of exact mean and noise", x, g).setMarker(SeriesMarkers.NONE);
        }
        out.add(save(dir.resolve("counts.png"), counts));
        for (FcsFiles.WaitingBins w : waits) {
            String name = FcsFiles.CHANNELS[w.a()] + "_" + FcsFiles.CHANNELS[w.b()];
            XYChart c = new XYChartBuilder().width(800).height(600)
                    .title("waiting time " + FcsFiles.CHANNELS[w.a()] + " -> " + FcsFiles.CHANNELS[w.b()])
                    .xAxisTitle("tau").yAxisTitle("w(tau)").build();
            XYSeries h = c.addSeries("trajectories", w.centres(), w.density());
            h.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            if (w.exact() != null) {
                c.addSeries("exact", w.centres(), w.exact()).setMarker(SeriesMarkers.NONE);
            }
            out.add(save(dir.resolve("waiting_" + name + ".png"), c));
        }
        return out;
    }

    private static Path save(Path p, XYChart chart) throws IOException {
        chart.getStyler().setXAxisDecimalPattern("0.###");
        AtomicFiles.write(p, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return p;
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.4g", v);
    }
}
