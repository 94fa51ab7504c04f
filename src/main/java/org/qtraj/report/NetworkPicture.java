package org.qtraj.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.io.AtomicFiles;

/**
 * A picture of a network's steady state: each site a disc at its position, filled by its population n_k on a
 * colour scale shown as a bar; each bond an arrow pointing the way its excitation current I_kl flows
 * (PHYSICS.md "Networks": I_kl = 2 g_kl Im &lt;sigma^+_l sigma^-_k&gt;), its stroke width proportional to |I_kl|
 * (the largest bond {@link #MAX_WIDTH} pixels); each bath's name beside its site. SVG written by hand, PNG drawn
 * with Java2D the same way. Sites without positions are placed by a deterministic Fruchterman-Reingold layout
 * started from a circle (no random numbers: the same graph always gives the same picture).
 *
 * <p>Immutable and thread-safe: arrays are copied in; rendering uses only local state.
 *
 * @param title       one line above the picture
 * @param positions   (x, y) per site, or null for the force layout
 * @param from        first site of each bond, 0-based
 * @param to          second site of each bond, 0-based; the current is counted positive from {@code from} to
 *                    {@code to}
 * @param populations n_k per site
 * @param currents    the bond currents, one per bond
 * @param baths       the baths' names and their sites
 */
public record NetworkPicture(String title, double[][] positions, int[] from, int[] to, double[] populations,
                             double[] currents, List<BathLabel> baths) {

    /** Width of the arrow of the largest |current|, in pixels; the others scale linearly. */
    public static final double MAX_WIDTH = 12;
    private static final int WIDTH = 860;
    private static final int HEIGHT = 640;
    private static final double RADIUS = 20;
    /** Anchors of the colour scale (viridis at 0, 1/4, ..., 1), low population first. */
    private static final int[][] SCALE = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};

    /**
     * A bath's label.
     *
     * @param name its name
     * @param site its site, 0-based
     */
    public record BathLabel(String name, int site) {
    }

    /** Copies the arrays; checks that they fit together. */
    public NetworkPicture {
        int n = populations.length;
        if (from.length != to.length || currents.length != from.length) {
            throw new IllegalArgumentException("bonds: " + from.length + " from, " + to.length + " to, "
                    + currents.length + " currents");
        }
        if (positions != null && positions.length != n) {
            throw new IllegalArgumentException("positions: " + positions.length + " for " + n + " sites");
        }
        positions = positions == null ? null : copy(positions);
        from = from.clone();
        to = to.clone();
        populations = populations.clone();
        currents = currents.clone();
        baths = List.copyOf(baths);
    }

    /**
     * Refuses a file name that is neither .svg nor .png (case-insensitive), or one that cannot be written, before
     * any work.
     *
     * @throws InvalidInputException naming {@code plot}
     */
    public static void requireWritable(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".svg") && !name.endsWith(".png")) {
            throw new InvalidInputException("plot", "the picture's file must end in .svg or .png, not '" + file + "'");
        }
        String why = AtomicFiles.refusal(file);
        if (why != null) {
            throw new InvalidInputException("plot", why);
        }
    }

    /** Writes the picture atomically, SVG or PNG by the file's extension ({@link #requireWritable} first). */
    public void write(Path file) throws IOException {
        requireWritable(file);
        boolean png = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
        AtomicFiles.write(file, png ? png() : svg().getBytes(StandardCharsets.UTF_8));
    }

    /** The picture as an SVG document; each bond is a {@code <g class="bond">} holding its line and head. */
    public String svg() {
        Svg s = new Svg();
        draw(s);
        return s.finish();
    }

    /** The picture as PNG bytes. */
    public byte[] png() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            draw(new Raster(g));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The positions drawn: the given ones, or the force layout. */
    public double[][] layout() {
        return positions != null ? copy(positions) : forceLayout(populations.length, from, to);
    }

    /**
     * Fruchterman-Reingold (Softw. Pract. Exp. 21, 1129 (1991)) in the unit square: sites start evenly on a circle,
     * repel with k^2/d, bonds attract with d^2/k (k = 1/sqrt(N)), 300 steps with a linearly falling temperature.
     * Deterministic.
     */
    static double[][] forceLayout(int n, int[] from, int[] to) {
        double[][] p = new double[n][2];
        for (int i = 0; i < n; i++) {
            p[i][0] = 0.5 + 0.4 * Math.cos(2 * Math.PI * i / n);
            p[i][1] = 0.5 + 0.4 * Math.sin(2 * Math.PI * i / n);
        }
        if (n < 3) {
            return p;
        }
        double k = 1 / Math.sqrt(n);
        int steps = 300;
        for (int step = 0; step < steps; step++) {
            double temperature = 0.1 * (1 - (double) step / steps);
            double[][] d = new double[n][2];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    if (i != j) {
                        double dx = p[i][0] - p[j][0];
                        double dy = p[i][1] - p[j][1];
                        double r = Math.max(Math.hypot(dx, dy), 1e-6);
                        d[i][0] += dx / r * k * k / r;
                        d[i][1] += dy / r * k * k / r;
                    }
                }
            }
            for (int e = 0; e < from.length; e++) {
                double dx = p[from[e]][0] - p[to[e]][0];
                double dy = p[from[e]][1] - p[to[e]][1];
                double r = Math.max(Math.hypot(dx, dy), 1e-6);
                double f = r * r / k;
                d[from[e]][0] -= dx / r * f;
                d[from[e]][1] -= dy / r * f;
                d[to[e]][0] += dx / r * f;
                d[to[e]][1] += dy / r * f;
            }
            for (int i = 0; i < n; i++) {
                double len = Math.max(Math.hypot(d[i][0], d[i][1]), 1e-12);
                double move = Math.min(len, temperature);
                p[i][0] += d[i][0] / len * move;
                p[i][1] += d[i][1] / len * move;
            }
        }
        return p;
    }

    /** The colour of population {@code value} on the scale [0, top]: viridis, piecewise linear. */
    static Color colour(double value, double top) {
        double t = top > 0 ? Math.max(0, Math.min(1, value / top)) : 0;
        double x = t * (SCALE.length - 1);
        int i = Math.min((int) x, SCALE.length - 2);
        double f = x - i;
        int[] a = SCALE[i];
        int[] b = SCALE[i + 1];
        return new Color((int) Math.round(a[0] + f * (b[0] - a[0])), (int) Math.round(a[1] + f * (b[1] - a[1])),
                (int) Math.round(a[2] + f * (b[2] - a[2])));
    }

    /** The stroke width of a bond: {@link #MAX_WIDTH} |I| / max |I| (0 when every current is 0). */
    double width(int bond) {
        double top = maxAbs(currents);
        return top > 0 ? MAX_WIDTH * Math.abs(currents[bond]) / top : 0;
    }

    private void draw(Canvas c) {
        int n = populations.length;
        double[][] xy = layout();
        // the drawing area: margins for the bath labels, the colour bar on the right, the title on top
        double left = 90;
        double right = WIDTH - 190;
        double top = 105;
        double bottom = HEIGHT - 60;
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] p : xy) {
            minX = Math.min(minX, p[0]);
            maxX = Math.max(maxX, p[0]);
            minY = Math.min(minY, p[1]);
            maxY = Math.max(maxY, p[1]);
        }
        double span = Math.max(Math.max(maxX - minX, maxY - minY), 1e-12);
        double scale = Math.min(right - left, bottom - top) / span;
        double cx = (left + right) / 2 - scale * (minX + maxX) / 2;
        double cy = (top + bottom) / 2 + scale * (minY + maxY) / 2;
        double[][] px = new double[n][];
        for (int k = 0; k < n; k++) {
            // y grows downwards on screen, upwards in the layout
            px[k] = new double[] {cx + scale * xy[k][0], cy - scale * xy[k][1]};
        }
        c.rect(0, 0, WIDTH, HEIGHT, Color.WHITE);
        c.text(WIDTH / 2.0, 30, title, 16, "middle", Color.BLACK);
        double topCurrent = maxAbs(currents);
        c.text(WIDTH / 2.0, 52, String.format(Locale.ROOT,
                "arrow: direction of the bond current, width proportional to |I| (widest: |I| = %.4g)", topCurrent),
                12, "middle", Color.DARK_GRAY);
        for (int e = 0; e < from.length; e++) {
            double[] a = px[from[e]];
            double[] b = px[to[e]];
            c.line(a[0], a[1], b[0], b[1], 0.6, new Color(190, 190, 190));
        }
        for (int e = 0; e < from.length; e++) {
            boolean forward = currents[e] >= 0;
            double[] a = px[forward ? from[e] : to[e]];
            double[] b = px[forward ? to[e] : from[e]];
            double dx = b[0] - a[0];
            double dy = b[1] - a[1];
            double len = Math.max(Math.hypot(dx, dy), 1e-9);
            double ux = dx / len;
            double uy = dy / len;
            double w = width(e);
            double head = Math.max(8, 2.2 * w);
            double x0 = a[0] + ux * RADIUS;
            double y0 = a[1] + uy * RADIUS;
            double tipX = b[0] - ux * (RADIUS + 2);
            double tipY = b[1] - uy * (RADIUS + 2);
            double baseX = tipX - ux * head;
            double baseY = tipY - uy * head;
            Color ink = new Color(200, 40, 40);
            c.beginBond(from[e] + 1, to[e] + 1, currents[e], w);
            c.line(x0, y0, baseX, baseY, w, ink);
            c.polygon(new double[] {tipX, baseX - uy * head / 2, baseX + uy * head / 2},
                    new double[] {tipY, baseY + ux * head / 2, baseY - ux * head / 2}, ink);
            c.endBond();
            if (topCurrent > 0 && Math.abs(currents[e]) >= 0.05 * topCurrent && from.length <= 12) {
                c.text((a[0] + b[0]) / 2 - uy * 20, (a[1] + b[1]) / 2 + ux * 20 + 4,
                        String.format(Locale.ROOT, "%.3g", Math.abs(currents[e])), 11, "middle", new Color(150, 20, 20));
            }
        }
        double popTop = Math.max(maxAbs(populations), 1e-300);
        for (int k = 0; k < n; k++) {
            Color fill = colour(populations[k], popTop);
            c.circle(px[k][0], px[k][1], RADIUS, fill);
            double lum = 0.299 * fill.getRed() + 0.587 * fill.getGreen() + 0.114 * fill.getBlue();
            c.text(px[k][0], px[k][1] + 5, Integer.toString(k + 1), 14, "middle", lum > 140 ? Color.BLACK : Color.WHITE);
        }
        double mx = 0;
        double my = 0;
        for (double[] p : px) {
            mx += p[0] / n;
            my += p[1] / n;
        }
        Map<Integer, List<String>> bySite = new LinkedHashMap<>();
        for (BathLabel b : baths) {
            bySite.computeIfAbsent(b.site(), s -> new ArrayList<>()).add(b.name());
        }
        for (Map.Entry<Integer, List<String>> e : bySite.entrySet()) {
            double[] p = px[e.getKey()];
            double dx = p[0] - mx;
            double dy = p[1] - my;
            double len = Math.hypot(dx, dy);
            if (len < 1e-9) {
                dx = 0;
                dy = -1;
                len = 1;
            }
            double lx = p[0] + dx / len * (RADIUS + 16);
            double ly = p[1] + dy / len * (RADIUS + 16) + 4;
            String anchor = Math.abs(dx / len) < 0.3 ? "middle" : dx > 0 ? "start" : "end";
            c.text(lx, ly, String.join(", ", e.getValue()), 13, anchor, new Color(20, 60, 160));
        }
        // the colour bar: population from 0 (bottom) to the largest population (top)
        double barX = WIDTH - 120;
        double barTop = top + 20;
        double barH = bottom - top - 60;
        int steps = 64;
        for (int i = 0; i < steps; i++) {
            double t0 = (double) i / steps;
            c.rect(barX, barTop + barH * (1 - t0 - 1.0 / steps), 22, barH / steps + 0.5, colour(t0 * popTop, popTop));
        }
        c.text(barX + 11, barTop - 12, "population n_k", 12, "middle", Color.BLACK);
        for (int i = 0; i <= 4; i++) {
            double v = popTop * i / 4;
            double y = barTop + barH * (1 - i / 4.0);
            c.line(barX + 22, y, barX + 28, y, 1, Color.BLACK);
            c.text(barX + 31, y + 4, String.format(Locale.ROOT, "%.3g", v), 11, "start", Color.BLACK);
        }
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    private static double[][] copy(double[][] xy) {
        double[][] out = new double[xy.length][];
        for (int k = 0; k < xy.length; k++) {
            out[k] = xy[k].clone();
        }
        return out;
    }

    /** The few drawing primitives the picture needs, once for SVG and once for Java2D. */
    private interface Canvas {
        void rect(double x, double y, double w, double h, Color fill);

        void line(double x1, double y1, double x2, double y2, double width, Color stroke);

        void polygon(double[] xs, double[] ys, Color fill);

        void circle(double x, double y, double r, Color fill);

        void text(double x, double y, String s, int size, String anchor, Color fill);

        void beginBond(int from, int to, double current, double width);

        void endBond();
    }

    /** SVG 1.1 text. */
    private static final class Svg implements Canvas {
        private final StringBuilder sb = new StringBuilder();

        Svg() {
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                    + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">%n",
                    WIDTH, HEIGHT, WIDTH, HEIGHT));
        }

        String finish() {
            return sb.append("</svg>\n").toString();
        }

        private static String rgb(Color c) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        }

        @Override
        public void rect(double x, double y, double w, double h, Color fill) {
            sb.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" "
                    + "fill=\"%s\"/>%n", x, y, w, h, rgb(fill)));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, Color stroke) {
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.2f\" y1=\"%.2f\" x2=\"%.2f\" y2=\"%.2f\" stroke=\"%s\" "
                    + "stroke-width=\"%.6g\"/>%n", x1, y1, x2, y2, rgb(stroke), width));
        }

        @Override
        public void polygon(double[] xs, double[] ys, Color fill) {
            sb.append("<polygon points=\"");
            for (int i = 0; i < xs.length; i++) {
                sb.append(String.format(Locale.ROOT, "%s%.2f,%.2f", i == 0 ? "" : " ", xs[i], ys[i]));
            }
            sb.append("\" fill=\"").append(rgb(fill)).append("\"/>\n");
        }

        @Override
        public void circle(double x, double y, double r, Color fill) {
            sb.append(String.format(Locale.ROOT, "<circle class=\"site\" cx=\"%.2f\" cy=\"%.2f\" r=\"%.2f\" fill=\"%s\" "
                    + "stroke=\"#000000\" stroke-width=\"1\"/>%n", x, y, r, rgb(fill)));
        }

        @Override
        public void text(double x, double y, String s, int size, String anchor, Color fill) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%.2f\" font-size=\"%d\" text-anchor=\"%s\" "
                    + "fill=\"%s\">%s</text>%n", x, y, size, anchor, rgb(fill), escape(s)));
        }

        @Override
        public void beginBond(int from, int to, double current, double width) {
            sb.append(String.format(Locale.ROOT, "<g class=\"bond\" data-from=\"%d\" data-to=\"%d\" "
                    + "data-current=\"%.17g\" data-width=\"%.6g\">%n", from, to, current, width));
        }

        @Override
        public void endBond() {
            sb.append("</g>\n");
        }
    }

    /** Java2D, for PNG. */
    private static final class Raster implements Canvas {
        private final Graphics2D g;

        Raster(Graphics2D g) {
            this.g = g;
        }

        @Override
        public void rect(double x, double y, double w, double h, Color fill) {
            g.setColor(fill);
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, double width, Color stroke) {
            if (width <= 0) {
                return;
            }
            g.setColor(stroke);
            g.setStroke(new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }

        @Override
        public void polygon(double[] xs, double[] ys, Color fill) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) {
                p.lineTo(xs[i], ys[i]);
            }
            p.closePath();
            g.setColor(fill);
            g.fill(p);
        }

        @Override
        public void circle(double x, double y, double r, Color fill) {
            Ellipse2D.Double e = new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
            g.setColor(fill);
            g.fill(e);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1f));
            g.draw(e);
        }

        @Override
        public void text(double x, double y, String s, int size, String anchor, Color fill) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
            double w = g.getFontMetrics().stringWidth(s);
            double x0 = anchor.equals("middle") ? x - w / 2 : anchor.equals("end") ? x - w : x;
            g.setColor(fill);
            g.drawString(s, (float) x0, (float) y);
        }

        @Override
        public void beginBond(int from, int to, double current, double width) {
            // nothing to group in a raster
        }

        @Override
        public void endBond() {
            // nothing to group in a raster
        }
    }
}
