package org.qtraj.classical;

import java.util.Arrays;

/**
 * What one classical trajectory measured over its window [t_burn, t_total] (after the burn-in).
 *
 * <p>Particle current from bath j into the chain: I_j = (injections_j - removals_j) / window; heat current
 * J_j = omega_{k_j} I_j (each injected particle carries the energy omega of the bath's site). In the steady
 * state I_left = -I_right = J_C of the rate equations (PHYSICS.md "Classical analogue"), and the mean
 * occupation of site k is its occupied time in the window divided by the window length. The net counts per
 * window are also the raw material of full counting statistics.
 *
 * <p>Immutable and thread-safe: both arrays are copied in and out.
 *
 * @param netLeft        injections minus removals at the left bath within the window
 * @param netRight       injections minus removals at the right bath within the window
 * @param window         window length t_total - t_burn (> 0)
 * @param occupationTime time each site spent occupied within the window, one entry per site
 * @param events         number of events simulated on the whole trajectory [0, t_total], burn-in included
 * @param leftOmega      omega of the left bath's site
 * @param rightOmega     omega of the right bath's site
 * @param sampled        occupations (0 or 1) at the sample times, [j * N + k]; empty without sample times
 * @param netPerBath     injections minus removals at every bath in the model's order (left, right for a chain)
 * @param bondNet        on a network, the net hops across each bond (first site to second) in the window; empty on
 *                       a chain
 */
public record ClassicalSample(long netLeft, long netRight, double window, double[] occupationTime, long events,
                              double leftOmega, double rightOmega, double[] sampled, long[] netPerBath,
                              long[] bondNet) {

    /** Copies the arrays; refuses nothing (a null array throws {@link NullPointerException}). */
    public ClassicalSample {
        occupationTime = occupationTime.clone();
        sampled = sampled.clone();
        netPerBath = netPerBath.clone();
        bondNet = bondNet.clone();
    }

    /** A chain's sample: two baths, left and right, no bond counts. */
    public ClassicalSample(long netLeft, long netRight, double window, double[] occupationTime, long events,
                           double leftOmega, double rightOmega, double[] sampled) {
        this(netLeft, netRight, window, occupationTime, events, leftOmega, rightOmega, sampled,
                new long[] {netLeft, netRight}, new long[0]);
    }

    /** The net hops across each bond of a network in the window (a copy; empty on a chain). */
    @Override
    public long[] bondNet() {
        return bondNet.clone();
    }

    /** Injections minus removals at every bath (a copy). */
    @Override
    public long[] netPerBath() {
        return netPerBath.clone();
    }

    /** The occupations at the sample times, [j * N + k] (a copy). */
    @Override
    public double[] sampled() {
        return sampled.clone();
    }

    /** The occupied time of every site in the window (a copy). */
    @Override
    public double[] occupationTime() {
        return occupationTime.clone();
    }

    /** Number of sites N. */
    public int sites() {
        return occupationTime.length;
    }

    /**
     * The particle current through the chain from left to right, (netLeft - netRight) / (2 window). In the
     * steady state I_left = -I_right, but in a finite window they differ by the change of the particle number
     * in the chain: I_left + I_right = (N(t_total) - N(t_burn)) / window. This estimator drops that term,
     * I_sym = I_left - (N(t_total) - N(t_burn)) / (2 window); for a mirror-symmetric chain that removes the
     * slowest relaxation mode of a not yet relaxed start (it fills or drains both ends alike), so its
     * burn-in bias is smaller than that of I_left or I_right.
     */
    public double particleCurrent() {
        return (netLeft - netRight) / (2 * window);
    }

    /** Particle current I_left = netLeft / window from the left bath into the chain. */
    public double particleCurrentLeft() {
        return netLeft / window;
    }

    /** Particle current I_right = netRight / window from the right bath into the chain. */
    public double particleCurrentRight() {
        return netRight / window;
    }

    /** Heat current omega_left I_left from the left bath into the chain. */
    public double heatCurrentLeft() {
        return leftOmega * particleCurrentLeft();
    }

    /** Heat current omega_right I_right from the right bath into the chain. */
    public double heatCurrentRight() {
        return rightOmega * particleCurrentRight();
    }

    /** Time-averaged occupation of site k (0-based) over the window. */
    public double meanOccupation(int site) {
        return occupationTime[site] / window;
    }

    /** Time-averaged occupations of all sites over the window. */
    public double[] meanOccupations() {
        double[] p = new double[occupationTime.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = occupationTime[k] / window;
        }
        return p;
    }

    /** Equal if every component is equal, the arrays compared by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ClassicalSample s && netLeft == s.netLeft && netRight == s.netRight
                && Double.compare(window, s.window) == 0 && Arrays.equals(occupationTime, s.occupationTime)
                && events == s.events && Double.compare(leftOmega, s.leftOmega) == 0
                && Double.compare(rightOmega, s.rightOmega) == 0 && Arrays.equals(sampled, s.sampled)
                && Arrays.equals(netPerBath, s.netPerBath) && Arrays.equals(bondNet, s.bondNet);
    }

    /** A hash consistent with {@link #equals}, the arrays hashed by content. */
    @Override
    public int hashCode() {
        return Long.hashCode(netLeft) * 31 + Long.hashCode(netRight) * 17 + Arrays.hashCode(occupationTime)
                + Long.hashCode(events) + Double.hashCode(window);
    }

    /** The counts, window, events and mean occupations, for debugging. */
    @Override
    public String toString() {
        return "ClassicalSample[netLeft=" + netLeft + ", netRight=" + netRight + ", window=" + window
                + ", events=" + events + ", occupations=" + Arrays.toString(meanOccupations()) + "]";
    }
}
