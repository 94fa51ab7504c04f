package org.qtraj.model;

import java.util.Arrays;

/**
 * The sites and edges of a coupling network, with a drawing position per site: what a shape or an edge list
 * resolves to before the parameters are attached. Edge e joins {@code from[e]} and {@code to[e]} (0-based); its
 * bond current is counted positive from {@code from} to {@code to}.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out.
 *
 * @param sites     N
 * @param from      first site of each edge
 * @param to        second site of each edge
 * @param positions (x, y) of each site for pictures, or null when the shape has no natural layout
 */
public record Graph(int sites, int[] from, int[] to, double[][] positions) {

    /** Copies the arrays. */
    public Graph {
        from = from.clone();
        to = to.clone();
        positions = positions == null ? null : deepCopy(positions);
    }

    /** The chain 1 - 2 - ... - N, drawn on a line. */
    public static Graph chain(int n) {
        int[] a = new int[n - 1];
        int[] b = new int[n - 1];
        double[][] xy = new double[n][];
        for (int k = 0; k < n; k++) {
            xy[k] = new double[] {k, 0};
            if (k < n - 1) {
                a[k] = k;
                b[k] = k + 1;
            }
        }
        return new Graph(n, a, b, xy);
    }

    /** Number of edges E. */
    public int edges() {
        return from.length;
    }

    /** First sites of the edges (a copy). */
    @Override
    public int[] from() {
        return from.clone();
    }

    /** Second sites of the edges (a copy). */
    @Override
    public int[] to() {
        return to.clone();
    }

    /** Positions, or null (a copy). */
    @Override
    public double[][] positions() {
        return positions == null ? null : deepCopy(positions);
    }

    private static double[][] deepCopy(double[][] xy) {
        double[][] out = new double[xy.length][];
        for (int k = 0; k < xy.length; k++) {
            out[k] = xy[k].clone();
        }
        return out;
    }

    /** Equal if N, the edges and the positions are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Graph g && g.sites == sites && Arrays.equals(g.from, from) && Arrays.equals(g.to, to)
                && Arrays.deepEquals(g.positions, positions);
    }

    /** A hash consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return sites * 31 + Arrays.hashCode(from) * 17 + Arrays.hashCode(to);
    }

    /** N and the edge list, 1-based as in model files. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Graph[N=" + sites + ", edges=");
        for (int e = 0; e < from.length; e++) {
            s.append(e == 0 ? "" : " ").append(from[e] + 1).append('-').append(to[e] + 1);
        }
        return s.append(']').toString();
    }
}
