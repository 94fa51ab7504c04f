package org.qtraj.classical;

import java.util.Arrays;
import java.util.Objects;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.model.Graph;

/**
 * The classical analogue of a chain (PHYSICS.md "Classical analogue", paper sec. IV): a symmetric simple
 * exclusion process on N sites with two particle reservoirs.
 * <ul>
 *   <li>a particle hops across bond b (sites b, b+1) to an empty neighbour at rate V_b;</li>
 *   <li>at the site k_j of bath j a particle is injected at rate G_j nbar_j when k_j is empty
 *       ({@link Bath#absorptionRate}) and removed at rate G_j (nbar_j + 1) when it is occupied
 *       ({@link Bath#emissionRate}), with nbar_j = 1/(exp(omega_{k_j}/T_j) - 1).</li>
 * </ul>
 * The baths may sit on any sites, also on the same one. Only the rates above enter; the couplings g,
 * the anisotropy and the dephasing of the quantum chain play no role here. On a network (PHYSICS.md "Networks")
 * bond b joins the sites {@link #bondFrom} and {@link #bondTo} instead of b and b+1; any number of baths (at least
 * one), the first two being "left" and "right".
 *
 * <p>Immutable and thread-safe.
 */
public final class ExclusionProcess {
    private final double[] hopping;
    private final int sites;
    private final int[] bondFrom;
    private final int[] bondTo;
    private final boolean uniformHopping;
    private final int leftSite;
    private final int rightSite;
    private final double leftInjection;
    private final double leftRemoval;
    private final double rightInjection;
    private final double rightRemoval;
    private final double leftOmega;
    private final double rightOmega;
    /** every bath: the first two are left and right above (a single bath is both) */
    private final int[] bathSites;
    private final double[] bathInjections;
    private final double[] bathRemovals;
    private final double[] bathOmegas;

    private ExclusionProcess(double[] hopping, int sites, int[] bondFrom, int[] bondTo, boolean uniformHopping,
                             int[] bathSites, double[] bathInjections, double[] bathRemovals, double[] bathOmegas) {
        this.hopping = hopping;
        this.sites = sites;
        this.bondFrom = bondFrom;
        this.bondTo = bondTo;
        this.uniformHopping = uniformHopping;
        this.bathSites = bathSites;
        this.bathInjections = bathInjections;
        this.bathRemovals = bathRemovals;
        this.bathOmegas = bathOmegas;
        int r = bathSites.length > 1 ? 1 : 0;
        this.leftSite = bathSites[0];
        this.rightSite = bathSites[r];
        this.leftInjection = bathInjections[0];
        this.leftRemoval = bathRemovals[0];
        this.rightInjection = bathInjections[r];
        this.rightRemoval = bathRemovals[r];
        this.leftOmega = bathOmegas[0];
        this.rightOmega = bathOmegas[r];
    }

    /**
     * The exclusion process of a (validated) chain or network: its hopping rates V_b and its two baths.
     *
     * @throws org.qtraj.errors.InvalidInputException naming {@code baths} if the model has other than two baths
     */
    public static ExclusionProcess of(Chain chain) {
        Objects.requireNonNull(chain, "chain");
        Graph graph = chain.graph();
        Bath[] baths = chain.baths();
        int[] site = new int[baths.length];
        double[] in = new double[baths.length];
        double[] out = new double[baths.length];
        double[] omega = new double[baths.length];
        for (int j = 0; j < baths.length; j++) {
            omega[j] = chain.bathOmega(baths[j]);
            site[j] = baths[j].site();
            in[j] = baths[j].absorptionRate(omega[j]);
            out[j] = baths[j].emissionRate(omega[j]);
        }
        return new ExclusionProcess(chain.hoppings(), chain.sites(), chain.isChain() ? null : graph.from(),
                chain.isChain() ? null : graph.to(), chain.hasUniformHopping(), site, in, out, omega);
    }

    /**
     * The same process, simulated as if the hopping rates differed from bond to bond (sum-tree event
     * selection instead of the active-bond set). For tests that compare the two selection paths.
     */
    ExclusionProcess withPerBondSelection() {
        return new ExclusionProcess(hopping, sites, bondFrom, bondTo, false, bathSites, bathInjections, bathRemovals,
                bathOmegas);
    }

    /** Number of sites N. */
    public int sites() {
        return sites;
    }

    /** Number of baths (two for a chain: left, right). */
    public int bathCount() {
        return bathSites.length;
    }

    /** Site of bath j, 0-based. */
    public int bathSite(int j) {
        return bathSites[j];
    }

    /** Injection rate G nbar of bath j. */
    public double bathInjection(int j) {
        return bathInjections[j];
    }

    /** Removal rate G (nbar + 1) of bath j. */
    public double bathRemoval(int j) {
        return bathRemovals[j];
    }

    /** omega of bath j's site. */
    public double bathOmega(int j) {
        return bathOmegas[j];
    }

    /** Number of bonds. */
    public int bonds() {
        return hopping.length;
    }

    /** True if bond b joins b and b+1 for every b (the chain: the simulation's fastest path). */
    public boolean isChain() {
        return bondFrom == null;
    }

    /** The first site of bond b (0-based). */
    public int bondFrom(int bond) {
        return bondFrom == null ? bond : bondFrom[bond];
    }

    /** The second site of bond b (0-based). */
    public int bondTo(int bond) {
        return bondTo == null ? bond + 1 : bondTo[bond];
    }

    /** Hopping rate V_b of bond b (sites b, b+1 on a chain). */
    public double hopping(int bond) {
        return hopping[bond];
    }

    /** True if the simulation uses the uniform-V event selection (one rate for every bond). */
    public boolean uniformHopping() {
        return uniformHopping;
    }

    /** Site of the left bath, 0-based. */
    public int leftSite() {
        return leftSite;
    }

    /** Site of the right bath, 0-based. */
    public int rightSite() {
        return rightSite;
    }

    /** Injection rate G nbar of the left bath (its site empty). */
    public double leftInjection() {
        return leftInjection;
    }

    /** Removal rate G (nbar + 1) of the left bath (its site occupied). */
    public double leftRemoval() {
        return leftRemoval;
    }

    /** Injection rate G nbar of the right bath (its site empty). */
    public double rightInjection() {
        return rightInjection;
    }

    /** Removal rate G (nbar + 1) of the right bath (its site occupied). */
    public double rightRemoval() {
        return rightRemoval;
    }

    /** omega of the left bath's site: the energy each injected particle carries in. */
    public double leftOmega() {
        return leftOmega;
    }

    /** omega of the right bath's site. */
    public double rightOmega() {
        return rightOmega;
    }

    double[] hoppingArray() {
        return hopping;
    }

    @Override
    public String toString() {
        return "ExclusionProcess[N=" + sites() + ", V=" + Arrays.toString(hopping) + ", left=(site " + (leftSite + 1)
                + ", in " + leftInjection + ", out " + leftRemoval + "), right=(site " + (rightSite + 1) + ", in "
                + rightInjection + ", out " + rightRemoval + ")]";
    }
}
