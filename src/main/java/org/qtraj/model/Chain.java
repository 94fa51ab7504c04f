package org.qtraj.model;

import java.util.Arrays;
import org.qtraj.errors.InvalidInputException;

/**
 * The chain of N two-level sites between two thermal baths (PHYSICS.md, "Model"):
 * H = sum_k omega_k n_k + sum_b g_b (s+_b s-_{b+1} + h.c.) + sum_b D_b sz_b sz_{b+1},
 * bond b joining sites b and b+1 (0-based), dephasing jump sqrt(gamma_k) n_k on each site,
 * and for the classical analogue a hopping rate V_b per bond.
 *
 * <p>Immutable and validated on construction: every instance is a model qtraj accepts. Build one with
 * {@link ModelSpec} (options and model files) or {@link #of}.
 */
public final class Chain {
    /**
     * The longest chain a model may have: the chain's own arrays are O(N), but every method costs more (the
     * correlation solver O(N^3), a classical trajectory's default length O(N^2)), so longer chains are refused here
     * rather than running out of memory or time later.
     */
    public static final int MAX_SITES = 100_000;
    /**
     * The largest energy or rate a model may have, in its own unit (omega, g, D, dephasing, bath rates G, hopping V),
     * and the largest temperature in units of the bath site's omega (then nbar &lt;= 1e6 and every bath rate
     * G (2 nbar + 1) &lt;= 2e12 G). Beyond, bath rates and default times overflow (T = 1e308 gave NaN currents) and
     * the model is too stiff for the solvers; zero and any smaller value are allowed.
     */
    public static final double MAX_SCALE = 1e6;

    private final double[] omega;
    private final double[] coupling;
    private final double[] anisotropy;
    private final double[] dephasing;
    private final double[] hopping;
    private final Bath left;
    private final Bath right;

    private Chain(double[] omega, double[] coupling, double[] anisotropy, double[] dephasing,
                  double[] hopping, Bath left, Bath right) {
        this.omega = omega;
        this.coupling = coupling;
        this.anisotropy = anisotropy;
        this.dephasing = dephasing;
        this.hopping = hopping;
        this.left = left;
        this.right = right;
    }

    /**
     * A builder over the defaults of DESIGN.md (N = 4, omega = g = G = V = 1, T_left = 1, T_right = 0): the shortest
     * way to a chain from Java, e.g. {@code Chain.builder().sites(6).dephasing(0.5).build()}.
     */
    public static ModelSpec.Builder builder() {
        return ModelSpec.builder();
    }

    /**
     * A validated chain. Arrays are copied.
     *
     * @param omega      on-site energies, length N >= 2, each finite and > 0
     * @param coupling   XX couplings per bond, length N - 1, finite
     * @param anisotropy ZZ couplings per bond, length N - 1, finite
     * @param dephasing  dephasing rates per site, length N, finite and >= 0
     * @param hopping    classical hopping rates per bond, length N - 1, finite and >= 0
     * @throws InvalidInputException naming the first offending field
     */
    public static Chain of(double[] omega, double[] coupling, double[] anisotropy, double[] dephasing,
                           double[] hopping, Bath left, Bath right) {
        int n = omega.length;
        if (n < 2 || n > MAX_SITES) {
            throw new InvalidInputException("sites", "must be an integer from 2 to " + MAX_SITES + ", got " + n);
        }
        checkLength("coupling", coupling, n - 1, "one per bond");
        checkLength("anisotropy", anisotropy, n - 1, "one per bond");
        checkLength("dephasing", dephasing, n, "one per site");
        checkLength("hopping", hopping, n - 1, "one per bond");
        for (int k = 0; k < n; k++) {
            checkFinite("omega", omega[k], k);
            if (!(omega[k] > 0)) {
                throw new InvalidInputException("omega", "must be > 0 at every site, got " + omega[k] + " at site " + (k + 1));
            }
            checkNonNegative("dephasing", dephasing[k], k);
        }
        for (int b = 0; b < n - 1; b++) {
            checkFinite("coupling", coupling[b], b);
            checkFinite("anisotropy", anisotropy[b], b);
            checkNonNegative("hopping", hopping[b], b);
        }
        checkBath("left", left, n);
        checkBath("right", right, n);
        checkTemperature("left", left, omega[left.site()]);
        checkTemperature("right", right, omega[right.site()]);
        return new Chain(omega.clone(), coupling.clone(), anisotropy.clone(), dephasing.clone(), hopping.clone(),
                left, right);
    }

    private static void checkLength(String field, double[] values, int expected, String what) {
        if (values.length != expected) {
            throw new InvalidInputException(field, "needs " + expected + " values (" + what + " for "
                    + (field.equals("dephasing") ? expected : expected + 1) + " sites), got " + values.length);
        }
    }

    private static void checkFinite(String field, double value, int index) {
        if (!(Math.abs(value) <= MAX_SCALE)) {
            throw new InvalidInputException(field, "must be a number from -" + MAX_SCALE + " to " + MAX_SCALE
                    + " (qtraj's range, Chain.MAX_SCALE), got " + value + " at entry " + (index + 1));
        }
    }

    private static void checkNonNegative(String field, double value, int index) {
        checkFinite(field, value, index);
        if (value < 0) {
            throw new InvalidInputException(field, "must be >= 0, got " + value + " at entry " + (index + 1));
        }
    }

    private static void checkTemperature(String name, Bath bath, double omega) {
        if (bath.temperature() > MAX_SCALE * omega) {
            throw new InvalidInputException("baths." + name + ".temperature", "must be at most " + MAX_SCALE
                    + " times the energy of its site (T/omega = " + bath.temperature() / omega + "; beyond, nbar and the"
                    + " bath rates overflow), got " + bath.temperature());
        }
    }

    private static void checkBath(String name, Bath bath, int n) {
        if (bath == null) {
            throw new InvalidInputException("baths." + name, "is missing");
        }
        if (bath.site() < 0 || bath.site() >= n) {
            throw new InvalidInputException("baths." + name + ".site", "must be a site from 1 to " + n + ", got " + (bath.site() + 1));
        }
        if (!(bath.rate() >= 0 && bath.rate() <= MAX_SCALE)) {
            throw new InvalidInputException("baths." + name + ".rate", "must be a number from 0 to " + MAX_SCALE
                    + ", got " + bath.rate());
        }
        if (!(bath.temperature() >= 0 && Double.isFinite(bath.temperature()))) {
            throw new InvalidInputException("baths." + name + ".temperature", "must be a finite number >= 0, got "
                    + bath.temperature());
        }
    }

    /** Number of sites N. */
    public int sites() {
        return omega.length;
    }

    /** Number of bonds N - 1. */
    public int bonds() {
        return omega.length - 1;
    }

    /** On-site energy omega of a site (0-based). */
    public double omega(int site) {
        return omega[site];
    }

    /** XX coupling g of bond b (sites b, b+1). */
    public double coupling(int bond) {
        return coupling[bond];
    }

    /** ZZ coupling D of bond b (sites b, b+1). */
    public double anisotropy(int bond) {
        return anisotropy[bond];
    }

    /** Dephasing rate gamma of a site (0-based): jump operator sqrt(gamma) n_site. */
    public double dephasing(int site) {
        return dephasing[site];
    }

    /** Classical hopping rate V of bond b. */
    public double hopping(int bond) {
        return hopping[bond];
    }

    /** The left bath (the one the heat current is measured from). */
    public Bath left() {
        return left;
    }

    /** The right bath. */
    public Bath right() {
        return right;
    }

    /** Both baths, left first. */
    public Bath[] baths() {
        return new Bath[] {left, right};
    }

    /** All on-site energies, per site (a new array). */
    public double[] omegas() {
        return omega.clone();
    }

    /** All XX couplings g, per bond (a new array). */
    public double[] couplings() {
        return coupling.clone();
    }

    /** All ZZ couplings D, per bond (a new array). */
    public double[] anisotropies() {
        return anisotropy.clone();
    }

    /** All dephasing rates, per site (a new array). */
    public double[] dephasings() {
        return dephasing.clone();
    }

    /** All classical hopping rates V, per bond (a new array). */
    public double[] hoppings() {
        return hopping.clone();
    }

    /** Energy of the site a bath is attached to. */
    public double bathOmega(Bath bath) {
        return omega[bath.site()];
    }

    /** True if every ZZ coupling is zero: the chain maps to free fermions. */
    public boolean isXX() {
        return allEqual(anisotropy, 0.0);
    }

    /** True if any site has a nonzero dephasing rate. */
    public boolean hasDephasing() {
        for (double d : dephasing) {
            if (d != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * True for the paper's chain: uniform omega, g, dephasing, D = 0, nonzero coupling, left bath on the
     * first site and right bath on the last.
     */
    public boolean isUniformXX() {
        return isXX() && allEqual(omega, omega[0]) && allEqual(coupling, coupling[0]) && coupling[0] != 0
                && allEqual(dephasing, dephasing[0]) && left.site() == 0 && right.site() == sites() - 1;
    }

    /** True if the hopping rate is the same on every bond. */
    public boolean hasUniformHopping() {
        return allEqual(hopping, hopping[0]);
    }

    private static boolean allEqual(double[] values, double value) {
        for (double v : values) {
            if (v != value) {
                return false;
            }
        }
        return true;
    }

    /** Equal if every parameter array has equal contents and both baths are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Chain c && Arrays.equals(omega, c.omega) && Arrays.equals(coupling, c.coupling)
                && Arrays.equals(anisotropy, c.anisotropy) && Arrays.equals(dephasing, c.dephasing)
                && Arrays.equals(hopping, c.hopping) && left.equals(c.left) && right.equals(c.right);
    }

    /** A hash consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Arrays.hashCode(omega) * 31 + Arrays.hashCode(coupling) + 17 * left.hashCode() + right.hashCode();
    }

    /** All parameters and both baths, for messages and debugging. */
    @Override
    public String toString() {
        return "Chain[N=" + sites() + ", omega=" + Arrays.toString(omega) + ", g=" + Arrays.toString(coupling)
                + ", D=" + Arrays.toString(anisotropy) + ", dephasing=" + Arrays.toString(dephasing)
                + ", V=" + Arrays.toString(hopping) + ", left=" + left + ", right=" + right + "]";
    }
}
