package org.qtraj.model;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.qtraj.errors.InvalidInputException;

/**
 * How the sites are joined: a named shape, an explicit edge list, or a symmetric coupling matrix (a layer of
 * {@link ModelSpec}; null there means the chain). Shapes (sites count from 1):
 * <ul>
 *   <li>{@code chain}: 1-2, 2-3, ..., (N-1)-N (the default);</li>
 *   <li>{@code ring}: the chain plus N-1 (N &gt;= 3);</li>
 *   <li>{@code complete}: every pair;</li>
 *   <li>{@code star}: site 1 joined to every other site;</li>
 *   <li>{@code ladder LxR}: L legs of R rungs, numbered rung by rung (site r L + l + 1 is leg l of rung r), rungs
 *       and legs as edges;</li>
 *   <li>{@code grid RxC}: R rows of C sites, numbered row by row, each site joined to its right and lower
 *       neighbour;</li>
 *   <li>{@code fmo}: the 7 bacteriochlorophylls of the Fenna-Matthews-Olson complex of C. tepidum, Hamiltonian of
 *       Adolphs and Renger, Biophys. J. 91, 2778 (2006) (as tabulated by Ishizaki and Fleming, PNAS 106, 17255
 *       (2009)): site energies and all 21 couplings in cm^-1, taken as qtraj's unit of energy (so the unit of time
 *       is 1/(2 pi c x 1 cm^-1) = 5.31 ps and temperatures are k_B T in cm^-1: 300 K = 208.5 cm^-1).</li>
 * </ul>
 * An edge list names each edge by its two sites; a coupling matrix makes an edge of every nonzero entry above the
 * diagonal (k &lt; l, row by row) and gives its coupling g_kl, so its diagonal must be zero (site energies are
 * {@code omega}) and it must be symmetric.
 *
 * <p>Immutable and thread-safe (arrays copied in and out).
 *
 * @param shape          a shape name above, or {@code edges} / {@code matrix}
 * @param size           the shape's own dimensions (ladder: legs, rungs; grid: rows, columns), else empty
 * @param edges          for {@code edges}: pairs of 0-based sites; else null
 * @param couplingMatrix for {@code matrix}: the N x N couplings; else null
 */
public record NetworkSpec(String shape, int[] size, int[][] edges, double[][] couplingMatrix) {

    /** The shape names a user may give. */
    public static final List<String> SHAPES = List.of("chain", "ring", "complete", "star", "ladder", "grid", "fmo");

    /** FMO site energies in cm^-1 (Adolphs and Renger 2006, C. tepidum). */
    private static final double[] FMO_ENERGIES = {12410, 12530, 12210, 12320, 12480, 12630, 12440};
    /** FMO couplings in cm^-1, upper triangle row by row (sites 1-2, 1-3, ..., 6-7). */
    private static final double[] FMO_COUPLINGS = {
        -87.7, 5.5, -5.9, 6.7, -13.7, -9.9,
        30.8, 8.2, 0.7, 11.8, 4.3,
        -53.5, -2.2, -9.6, 6.0,
        -70.7, -17.0, -63.3,
        81.1, -1.3,
        39.7};

    /** Copies the arrays. */
    public NetworkSpec {
        size = size == null ? new int[0] : size.clone();
        edges = edges == null ? null : copy(edges);
        couplingMatrix = couplingMatrix == null ? null : copy(couplingMatrix);
    }

    /**
     * A shape from its text: {@code chain}, {@code ring}, {@code complete}, {@code star}, {@code fmo},
     * {@code ladder:LxR} or {@code grid:RxC} (also with a space instead of the colon).
     *
     * @throws InvalidInputException naming {@code network}
     */
    public static NetworkSpec parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String[] parts = t.split("[:\\s]+", 2);
        String name = parts[0];
        if (!SHAPES.contains(name)) {
            throw new InvalidInputException("network", "must be one of " + String.join(", ", SHAPES)
                    + " (ladder and grid with their size, e.g. grid:3x4), got '" + text + "'");
        }
        boolean sized = name.equals("ladder") || name.equals("grid");
        if (sized != (parts.length == 2)) {
            throw new InvalidInputException("network", sized ? name + " needs its size, e.g. " + name + ":"
                    + (name.equals("ladder") ? "2x5 (legs x rungs)" : "3x4 (rows x columns)") + ", got '" + text + "'"
                    : name + " takes no size (its N is sites), got '" + text + "'");
        }
        if (!sized) {
            return new NetworkSpec(name, null, null, null);
        }
        String[] dims = parts[1].split("x");
        if (dims.length != 2 || !dims[0].matches("\\d{1,6}") || !dims[1].matches("\\d{1,6}")) {
            throw new InvalidInputException("network", name + " size must be two whole numbers AxB, got '" + parts[1] + "'");
        }
        return new NetworkSpec(name, new int[] {Integer.parseInt(dims[0]), Integer.parseInt(dims[1])}, null, null);
    }

    /** A network given by its edges, pairs of 1-based sites as in model files. */
    public static NetworkSpec ofEdges(int[][] oneBased) {
        int[][] e = new int[oneBased.length][];
        for (int i = 0; i < e.length; i++) {
            if (oneBased[i].length != 2) {
                throw new InvalidInputException("edges[" + (i + 1) + "]", "must be a pair of sites [k, l], got "
                        + oneBased[i].length + " numbers");
            }
            e[i] = new int[] {oneBased[i][0] - 1, oneBased[i][1] - 1};
        }
        return new NetworkSpec("edges", null, e, null);
    }

    /** A network given by its symmetric coupling matrix. */
    public static NetworkSpec ofCouplingMatrix(double[][] g) {
        return new NetworkSpec("matrix", null, null, g);
    }

    /** The shape's own number of sites, or null when N comes from elsewhere (sites, lists). */
    Integer impliedSites() {
        return switch (shape) {
            case "ladder", "grid" -> size[0] * size[1];
            case "fmo" -> FMO_ENERGIES.length;
            case "matrix" -> couplingMatrix.length;
            default -> null;
        };
    }

    /** The values the shape brings with it (FMO's energies and couplings; a matrix's couplings), or null. */
    ModelSpec parameters(Graph graph) {
        if (shape.equals("fmo")) {
            return ModelSpec.empty().overlay(ModelSpec.builder().omegas(FMO_ENERGIES).couplings(FMO_COUPLINGS).spec());
        }
        if (shape.equals("matrix")) {
            double[] g = new double[graph.edges()];
            int[] a = graph.from();
            int[] b = graph.to();
            for (int e = 0; e < g.length; e++) {
                g[e] = couplingMatrix[a[e]][b[e]];
            }
            return ModelSpec.builder().couplings(g).spec();
        }
        return null;
    }

    /**
     * The graph for N sites.
     *
     * @throws InvalidInputException naming {@code network}, {@code edges} or {@code coupling_matrix}
     */
    Graph graph(int n) {
        switch (shape) {
            case "chain":
                return Graph.chain(n);
            case "ring":
                requireSites(n, 3);
                return ring(n);
            case "complete":
                return complete(n, circle(n));
            case "star":
                requireSites(n, 3);
                return star(n);
            case "ladder":
                return lattice(size[0], size[1], true);
            case "grid":
                return lattice(size[1], size[0], false);
            case "fmo":
                return complete(n, circle(n));
            case "edges":
                return fromEdges(n);
            case "matrix":
                return fromMatrix();
            default:
                throw new IllegalStateException(shape);
        }
    }

    private void requireSites(int n, int min) {
        if (n < min) {
            throw new InvalidInputException("sites", "a " + shape + " needs at least " + min + " sites, got " + n);
        }
    }

    private static Graph ring(int n) {
        int[] a = new int[n];
        int[] b = new int[n];
        for (int k = 0; k < n; k++) {
            a[k] = k;
            b[k] = (k + 1) % n;
        }
        return new Graph(n, a, b, circle(n));
    }

    private static Graph complete(int n, double[][] xy) {
        int e = n * (n - 1) / 2;
        int[] a = new int[e];
        int[] b = new int[e];
        int i = 0;
        for (int k = 0; k < n; k++) {
            for (int l = k + 1; l < n; l++) {
                a[i] = k;
                b[i++] = l;
            }
        }
        return new Graph(n, a, b, xy);
    }

    private static Graph star(int n) {
        int[] a = new int[n - 1];
        int[] b = new int[n - 1];
        double[][] xy = new double[n][];
        xy[0] = new double[] {0, 0};
        double[][] rim = circle(n - 1);
        for (int k = 1; k < n; k++) {
            a[k - 1] = 0;
            b[k - 1] = k;
            xy[k] = rim[k - 1];
        }
        return new Graph(n, a, b, xy);
    }

    /**
     * A rectangular lattice of {@code across} sites per line and {@code lines} lines, numbered line by line. For a
     * ladder a line is a rung (legs across, drawn vertically); for a grid a line is a row (columns across).
     */
    private static Graph lattice(int across, int lines, boolean ladder) {
        if (across < 1 || lines < 1 || (long) across * lines < 2 || (long) across * lines > Chain.MAX_SITES) {
            throw new InvalidInputException("network", "the size must give from 2 to " + Chain.MAX_SITES + " sites, got "
                    + across + " x " + lines);
        }
        int n = across * lines;
        int[] a = new int[2 * n];
        int[] b = new int[2 * n];
        double[][] xy = new double[n][];
        int e = 0;
        for (int r = 0; r < lines; r++) {
            for (int c = 0; c < across; c++) {
                int k = r * across + c;
                xy[k] = ladder ? new double[] {r, c} : new double[] {c, -r};
                if (c + 1 < across) {
                    a[e] = k;
                    b[e++] = k + 1;
                }
                if (r + 1 < lines) {
                    a[e] = k;
                    b[e++] = k + across;
                }
            }
        }
        return new Graph(n, Arrays.copyOf(a, e), Arrays.copyOf(b, e), xy);
    }

    private static double[][] circle(int n) {
        double[][] xy = new double[n][];
        for (int k = 0; k < n; k++) {
            double phi = Math.PI / 2 - 2 * Math.PI * k / n;
            xy[k] = new double[] {Math.cos(phi), Math.sin(phi)};
        }
        return xy;
    }

    private Graph fromEdges(int n) {
        int[] a = new int[edges.length];
        int[] b = new int[edges.length];
        Set<Long> seen = new HashSet<>();
        for (int e = 0; e < edges.length; e++) {
            String field = "edges[" + (e + 1) + "]";
            int k = edges[e][0];
            int l = edges[e][1];
            for (int s : new int[] {k, l}) {
                if (s < 0 || s >= n) {
                    throw new InvalidInputException(field, "joins site " + (s + 1) + ", but the sites are 1 to " + n);
                }
            }
            if (k == l) {
                throw new InvalidInputException(field, "joins site " + (k + 1) + " to itself; an edge joins two sites");
            }
            if (!seen.add((long) Math.min(k, l) * n + Math.max(k, l))) {
                throw new InvalidInputException(field, "joins sites " + (k + 1) + " and " + (l + 1)
                        + " again; give each edge once");
            }
            a[e] = k;
            b[e] = l;
        }
        return new Graph(n, a, b, null);
    }

    private Graph fromMatrix() {
        int n = couplingMatrix.length;
        int count = 0;
        for (int k = 0; k < n; k++) {
            if (couplingMatrix[k].length != n) {
                throw new InvalidInputException("coupling_matrix", "must be square: row " + (k + 1) + " has "
                        + couplingMatrix[k].length + " entries, the matrix " + n + " rows");
            }
        }
        for (int k = 0; k < n; k++) {
            if (couplingMatrix[k][k] != 0) {
                throw new InvalidInputException("coupling_matrix", "must have a zero diagonal (site energies go in"
                        + " omega), got " + couplingMatrix[k][k] + " at (" + (k + 1) + ", " + (k + 1) + ")");
            }
            for (int l = k + 1; l < n; l++) {
                if (couplingMatrix[k][l] != couplingMatrix[l][k]) {
                    throw new InvalidInputException("coupling_matrix", "must be symmetric: (" + (k + 1) + ", " + (l + 1)
                            + ") is " + couplingMatrix[k][l] + " but (" + (l + 1) + ", " + (k + 1) + ") is "
                            + couplingMatrix[l][k]);
                }
                count += couplingMatrix[k][l] != 0 ? 1 : 0;
            }
        }
        int[] a = new int[count];
        int[] b = new int[count];
        int e = 0;
        for (int k = 0; k < n; k++) {
            for (int l = k + 1; l < n; l++) {
                if (couplingMatrix[k][l] != 0) {
                    a[e] = k;
                    b[e++] = l;
                }
            }
        }
        return new Graph(n, a, b, null);
    }

    /** The upper triangle of the FMO couplings in cm^-1, row by row (for tests and documentation). */
    public static double[] fmoCouplings() {
        return FMO_COUPLINGS.clone();
    }

    /** The FMO site energies in cm^-1. */
    public static double[] fmoEnergies() {
        return FMO_ENERGIES.clone();
    }

    @Override
    public int[] size() {
        return size.clone();
    }

    @Override
    public int[][] edges() {
        return edges == null ? null : copy(edges);
    }

    @Override
    public double[][] couplingMatrix() {
        return couplingMatrix == null ? null : copy(couplingMatrix);
    }

    private static int[][] copy(int[][] m) {
        int[][] out = new int[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    /** Equal if shape, size, edges and matrix are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec s && s.shape.equals(shape) && Arrays.equals(s.size, size)
                && Arrays.deepEquals(s.edges, edges) && Arrays.deepEquals(s.couplingMatrix, couplingMatrix);
    }

    /** A hash consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return shape.hashCode() * 31 + Arrays.hashCode(size);
    }

    /** The shape as a user writes it. */
    @Override
    public String toString() {
        return size.length == 2 ? shape + ":" + size[0] + "x" + size[1] : shape;
    }
}
