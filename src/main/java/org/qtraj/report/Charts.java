package org.qtraj.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * XChart helpers: an x-y chart with optional log axes, line series (exact curves), point series with error
 * bars (sampled estimates) and scatter series, saved as PNG and SVG side by side. Headless.
 */
final class Charts {
    private Charts() {
    }

    /** A new chart. */
    static XYChart chart(String title, String x, String y, boolean logX, boolean logY) {
        System.setProperty("java.awt.headless", "true");
        XYChart c = new XYChartBuilder().width(800).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        c.getStyler().setXAxisLogarithmic(logX);
        c.getStyler().setYAxisLogarithmic(logY);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setMarkerSize(6);
        return c;
    }

    /** An exact curve: a line without markers. Points with NaN or (on log axes) non-positive values are dropped. */
    static void line(XYChart c, String name, List<double[]> xy) {
        double[][] a = arrays(c, xy);
        if (a[0].length == 0) {
            return;
        }
        XYSeries s = c.addSeries(name, a[0], a[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
    }

    /** Points without error bars. */
    static void scatter(XYChart c, String name, List<double[]> xy) {
        double[][] a = arrays(c, xy);
        if (a[0].length == 0) {
            return;
        }
        XYSeries s = c.addSeries(name, a[0], a[1]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    }

    /**
     * Sampled estimates: points with error bars, xy rows {x, y, error}, in the colour of the series {@code like}
     * (the exact curve they estimate) when the chart has it.
     */
    static void errorBars(XYChart c, String name, List<double[]> xye, String like) {
        double[][] a = arrays(c, xye);
        if (a[0].length == 0) {
            return;
        }
        Color colour = pinColour(c, like);
        // the legend says what the bars are
        XYSeries s = c.addSeries(name + " (bars: 1 sigma)", a[0], a[1], a[2]);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        if (colour != null) {
            s.setMarkerColor(colour);
            s.setLineColor(colour);
        }
        c.getStyler().setErrorBarsColorSeriesColor(true);
    }

    /**
     * Fixes a series' colour to the one XChart would give it (the palette in order of addition) and returns it;
     * null if the chart has no such series. XChart picks colours only when drawing, so a later series cannot ask.
     */
    private static Color pinColour(XYChart c, String series) {
        int i = new ArrayList<>(c.getSeriesMap().keySet()).indexOf(series);
        if (i < 0) {
            return null;
        }
        XYSeries s = c.getSeriesMap().get(series);
        if (s.getLineColor() == null) {
            Color[] palette = c.getStyler().getSeriesColors();
            s.setLineColor(palette[i % palette.length]);
        }
        return s.getLineColor();
    }

    private static double[][] arrays(XYChart c, List<double[]> rows) {
        List<double[]> keep = new ArrayList<>();
        for (double[] r : rows) {
            boolean ok = Double.isFinite(r[0]) && Double.isFinite(r[1]);
            ok &= !c.getStyler().isXAxisLogarithmic() || r[0] > 0;
            ok &= !c.getStyler().isYAxisLogarithmic() || r[1] > 0;
            if (ok) {
                keep.add(r);
            }
        }
        keep.sort((p, q) -> Double.compare(p[0], q[0]));
        int w = rows.isEmpty() ? 2 : rows.get(0).length;
        double[][] out = new double[w][keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            for (int k = 0; k < w; k++) {
                out[k][i] = keep.get(i)[k];
            }
        }
        return out;
    }

    /** Saves {@code dir/name.png} and {@code dir/name.svg}. */
    static void save(XYChart c, Path dir, String name) throws IOException {
        BitmapEncoder.saveBitmap(c, dir.resolve(name + ".png").toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(c, dir.resolve(name + ".svg").toString(),
                VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
