package org.qtraj.model;

import java.util.Arrays;
import java.util.Locale;
import org.qtraj.errors.InvalidInputException;

/**
 * The initial basis state of a relaxation run or trajectory: each site empty (0) or excited (1). Either a pattern of
 * 0/1, site 1 first, of any length (sites past its end start empty), or a named state resolved at the chain's N:
 * {@code empty} (all 0), {@code full} (all 1), {@code domain-wall} (sites 1..floor(N/2) excited, the rest empty) and
 * {@code alternating} (the Neel state 1010..., site 1 excited).
 *
 * <p>Made by {@link #parse}, {@link #ofMask} or {@link #empty}; {@link #occupations(int)} gives the state at N sites,
 * {@link #mask(int)} the bit mask the sector engine and the Liouvillian work from (N &lt;= {@value #MAX_MASK_SITES}).
 * Immutable and thread-safe.
 */
public final class InitialState {
    /** The named states {@link #parse} accepts. */
    public static final String NAMES = "domain-wall, empty, full, alternating";
    /** Most sites a bit mask holds (bit k: site k + 1). */
    public static final int MAX_MASK_SITES = 31;

    private static final InitialState EMPTY = new InitialState("empty", null);

    /** The name, or null for a pattern. */
    private final String name;
    /** The pattern's occupations, site 1 first, or null for a named state. */
    private final boolean[] pattern;

    private InitialState(String name, boolean[] pattern) {
        this.name = name;
        this.pattern = pattern;
    }

    /** All sites empty. */
    public static InitialState empty() {
        return EMPTY;
    }

    /**
     * The pattern of a bit mask: bit k set excites site k + 1 (so the mask holds {@value #MAX_MASK_SITES} sites).
     *
     * @throws InvalidInputException naming "initial_state" for a negative mask
     */
    public static InitialState ofMask(int mask) {
        if (mask < 0) {
            throw new InvalidInputException("initial_state", "must be a bit mask >= 0, got " + mask);
        }
        if (mask == 0) {
            return EMPTY;
        }
        boolean[] p = new boolean[32 - Integer.numberOfLeadingZeros(mask)];
        for (int k = 0; k < p.length; k++) {
            p[k] = (mask >> k & 1) != 0;
        }
        return new InitialState(null, p);
    }

    /**
     * The state of {@code text}: a pattern of digits 0 and 1, site 1 first, or one of the names {@value #NAMES}
     * (case-insensitive; surrounding blanks ignored). The pattern's length is checked against N by
     * {@link #occupations(int)}.
     *
     * @throws InvalidInputException naming "initial_state" for anything else (an empty text, another character,
     *                               an unknown name)
     */
    public static InitialState parse(String text) {
        String t = text == null ? "" : text.trim();
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case "empty":
                return EMPTY;
            case "full":
            case "domain-wall":
            case "alternating":
                return new InitialState(lower, null);
            default:
                break;
        }
        if (t.isEmpty() || !t.matches("[01]+")) {
            throw new InvalidInputException("initial_state", "must be digits 0 and 1, site 1 first (e.g. 1000), or one of "
                    + NAMES + "; got '" + t + "'");
        }
        boolean[] p = new boolean[t.length()];
        for (int k = 0; k < p.length; k++) {
            p[k] = t.charAt(k) == '1';
        }
        return new InitialState(null, p);
    }

    /** Whether this is a named state (resolved at the chain's N) rather than a pattern. */
    public boolean isNamed() {
        return name != null;
    }

    /** Why this state does not fit {@code sites} sites (a pattern longer than N), or null if it does. */
    public String refusal(int sites) {
        if (pattern != null && pattern.length > sites) {
            return "'" + text() + "' has " + pattern.length + " digits for " + sites + " sites";
        }
        return null;
    }

    /**
     * Checks that the state fits {@code sites} sites.
     *
     * @throws InvalidInputException naming "initial_state" for a pattern longer than N
     */
    public void requireFits(int sites) {
        String why = refusal(sites);
        if (why != null) {
            throw new InvalidInputException("initial_state", why);
        }
    }

    /**
     * The occupations at {@code sites} sites, site 1 first.
     *
     * @throws InvalidInputException naming "initial_state" for a pattern longer than N
     */
    public boolean[] occupations(int sites) {
        requireFits(sites);
        boolean[] out = new boolean[sites];
        if (pattern != null) {
            System.arraycopy(pattern, 0, out, 0, pattern.length);
            return out;
        }
        for (int k = 0; k < sites; k++) {
            out[k] = switch (name) {
                case "full" -> true;
                case "domain-wall" -> k < sites / 2;
                case "alternating" -> k % 2 == 0;
                default -> false;
            };
        }
        return out;
    }

    /** The occupations at {@code sites} sites as numbers 0 and 1 (the classical one-point equations' input). */
    public double[] populations(int sites) {
        boolean[] o = occupations(sites);
        double[] p = new double[sites];
        for (int k = 0; k < sites; k++) {
            p[k] = o[k] ? 1 : 0;
        }
        return p;
    }

    /** The number of excited sites at {@code sites} sites. */
    public int excitations(int sites) {
        int n = 0;
        for (boolean b : occupations(sites)) {
            n += b ? 1 : 0;
        }
        return n;
    }

    /**
     * The bit mask at {@code sites} sites (bit k: site k + 1), for the engines that index basis states by masks.
     *
     * @throws InvalidInputException naming "initial_state" for a pattern longer than N, or naming "sites" for N above
     *                               {@value #MAX_MASK_SITES}
     */
    public int mask(int sites) {
        if (sites > MAX_MASK_SITES) {
            throw new InvalidInputException("sites", "a basis state as a bit mask holds at most " + MAX_MASK_SITES
                    + " sites, got " + sites);
        }
        boolean[] o = occupations(sites);
        int m = 0;
        for (int k = 0; k < sites; k++) {
            m |= o[k] ? 1 << k : 0;
        }
        return m;
    }

    /** The state at {@code sites} sites as a bit string, site 1 first. */
    public String bits(int sites) {
        boolean[] o = occupations(sites);
        StringBuilder sb = new StringBuilder(sites);
        for (boolean b : o) {
            sb.append(b ? '1' : '0');
        }
        return sb.toString();
    }

    /** The text this state was given as: its name, or the pattern's digits. */
    public String text() {
        if (name != null) {
            return name;
        }
        StringBuilder sb = new StringBuilder(pattern.length);
        for (boolean b : pattern) {
            sb.append(b ? '1' : '0');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InitialState s && java.util.Objects.equals(name, s.name) && Arrays.equals(pattern, s.pattern);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hashCode(name) + Arrays.hashCode(pattern);
    }

    @Override
    public String toString() {
        return text();
    }
}
