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
 * bond b joins the sites {@link #bondFrom} and {@link #bondTo} instead of b and b+1; exactly two baths.
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

    private ExclusionProcess(double[] hopping, int sites, int[] bondFrom, int[] bondTo, boolean uniformHopping,
                             int leftSite, int rightSite, double leftInjection, double leftRemoval,
                             double rightInjection, double rightRemoval, double leftOmega, double rightOmega) {
        this.hopping = hopping;
        this.sites = sites;
        this.bondFrom = bondFrom;
        this.bondTo = bondTo;
        this.uniformHopping = uniformHopping;
        this.leftSite = leftSite;
        this.rightSite = rightSite;
        this.leftInjection = leftInjection;
        this.leftRemoval = leftRemoval;
        this.rightInjection = rightInjection;
        this.rightRemoval = rightRemoval;
        this.leftOmega = leftOmega;
        this.rightOmega = rightOmega;
    }

    /**
     * The exclusion process of a (validated) chain or network: its hopping rates V_b and its two baths.
     *
     * @throws org.qtraj.errors.InvalidInputException naming {@code baths} if the model has other than two baths
     */
    public static ExclusionProcess of(Chain chain) {
        Objects.requireNonNull(chain, "chain");
        if (chain.bathCount() != 2) {
            throw new org.qtraj.errors.InvalidInputException("baths", "the classical simulation counts the currents of"
                    + " exactly two baths (the first and the second named), this model has " + chain.bathCount()
                    + "; use the rate method for it");
        }
        Graph graph = chain.graph();
        Bath left = chain.left();
        Bath right = chain.right();
        double wl = chain.bathOmega(left);
        double wr = chain.bathOmega(right);
        return new ExclusionProcess(chain.hoppings(), chain.sites(), chain.isChain() ? null : graph.from(),
                chain.isChain() ? null : graph.to(), chain.hasUniformHopping(), left.site(), right.site(),
                left.absorptionRate(wl), left.emissionRate(wl), right.absorptionRate(wr), right.emissionRate(wr),
                wl, wr);
    }

    /**
     * The same process, simulated as if the hopping rates differed from bond to bond (sum-tree event
     * selection instead of the active-bond set). For tests that compare the two selection paths.
     */
    ExclusionProcess withPerBondSelection() {
        return new ExclusionProcess(hopping, sites, bondFrom, bondTo, false, leftSite, rightSite, leftInjection,
                leftRemoval,
                rightInjection, rightRemoval, leftOmega, rightOmega);
    }

    /** Number of sites N. */
    public int sites() {
        return sites;
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
