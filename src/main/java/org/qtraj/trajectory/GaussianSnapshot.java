package org.qtraj.trajectory;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.qtraj.errors.InvalidInputException;

/**
 * The whole state of one {@link GaussianTrajectory} between two propagation steps: what a resumed run needs to
 * continue exactly as the uninterrupted one (the same bits). Immutable (arrays are copied in and out) and
 * serialisable; the trajectory room writes no files, its caller stores the snapshot where it likes.
 *
 * @param sites                  N, the chain's length (checked against the trajectory on resume)
 * @param tBurn                  the trajectory's t_burn (checked on resume)
 * @param tTotal                 the trajectory's t_total (checked on resume)
 * @param time                   the trajectory time t reached, in [0, t_total)
 * @param logThreshold           ln r of the waiting-time threshold r drawn after the last jump: the next jump happens
 *                               where ln ||psi(t)||^2 = ln r
 * @param logNorm                ln ||psi(t)||^2 since the last jump (the norm kept apart from the orthonormal orbitals)
 * @param orbitals               n, the number of orbitals (particles)
 * @param capacity               the orbital capacity of the work arrays (restored as it was, so that every array has
 *                               the layout of the uninterrupted run)
 * @param orbitalsRe             real parts of the orthonormal orbitals, orbital a on site k at [a N + k]
 * @param orbitalsIm             imaginary parts, same layout
 * @param integratedPopulations  int C_kk dt over the window so far, per site
 * @param integratedBonds        int Re C_{b,b+1} dt over the window so far, per bond
 * @param samples                populations recorded at the sample times passed, [sample * N + k]
 * @param netJumps               counted net jumps (absorptions minus emissions) of the left and right bath in the
 *                               window
 * @param windowJumps            all jumps in the window
 * @param steps                  propagation steps taken
 * @param allJumps               all jumps, burn-in included
 * @param nextSample             index of the next population sample time
 * @param nextEntropy            index of the next entanglement-entropy time
 * @param entropySum             sum of the half-chain entropies sampled so far
 * @param rngState               the random generator's saved state (Commons RNG
 *                               {@code RestorableUniformRandomProvider.saveState()}, as bytes)
 * @param nextFlip               the time of the next phase flip, drawn ahead ({@link DephasingJumps#PHASE_FLIP}: the
 *                               flips are a Poisson process independent of the state), &gt; time; +infinity when the
 *                               trajectory has no flips
 */
public record GaussianSnapshot(int sites, double tBurn, double tTotal, double time, double logThreshold,
                               double logNorm, int orbitals, int capacity, double[] orbitalsRe, double[] orbitalsIm,
                               double[] integratedPopulations, double[] integratedBonds, double[] samples,
                               long[] netJumps, long windowJumps, long steps, long allJumps, int nextSample,
                               int nextEntropy, double entropySum, byte[] rngState, double nextFlip)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks that the parts fit together and copies the arrays.
     *
     * @throws InvalidInputException naming "snapshot" when they do not (lengths, counts, non-finite numbers)
     */
    public GaussianSnapshot {
        Objects.requireNonNull(rngState, "rngState");
        String why = inconsistency(sites, tBurn, tTotal, time, logThreshold, logNorm, orbitals, capacity, orbitalsRe,
                orbitalsIm, integratedPopulations, integratedBonds, samples, netJumps, windowJumps, steps, allJumps,
                nextSample, nextEntropy, entropySum);
        if (why == null && !(nextFlip > time)) {
            why = "the next phase flip must come after the time " + time + ", got " + nextFlip;
        }
        if (why != null) {
            throw new InvalidInputException("snapshot", why);
        }
        orbitalsRe = orbitalsRe.clone();
        orbitalsIm = orbitalsIm.clone();
        integratedPopulations = integratedPopulations.clone();
        integratedBonds = integratedBonds.clone();
        samples = samples.clone();
        netJumps = netJumps.clone();
        rngState = rngState.clone();
    }

    /** A snapshot of a trajectory without phase flips (next flip at +infinity). */
    public GaussianSnapshot(int sites, double tBurn, double tTotal, double time, double logThreshold, double logNorm,
                            int orbitals, int capacity, double[] orbitalsRe, double[] orbitalsIm,
                            double[] integratedPopulations, double[] integratedBonds, double[] samples,
                            long[] netJumps, long windowJumps, long steps, long allJumps, int nextSample,
                            int nextEntropy, double entropySum, byte[] rngState) {
        this(sites, tBurn, tTotal, time, logThreshold, logNorm, orbitals, capacity, orbitalsRe, orbitalsIm,
                integratedPopulations, integratedBonds, samples, netJumps, windowJumps, steps, allJumps, nextSample,
                nextEntropy, entropySum, rngState, Double.POSITIVE_INFINITY);
    }

    private static String inconsistency(int sites, double tBurn, double tTotal, double time, double logThreshold,
                                        double logNorm, int orbitals, int capacity, double[] re, double[] im,
                                        double[] pops, double[] bonds, double[] samples, long[] net, long windowJumps,
                                        long steps, long allJumps, int nextSample, int nextEntropy, double entropySum) {
        if (sites < 1) {
            return "sites must be >= 1, got " + sites;
        }
        if (!(tBurn >= 0 && tBurn < tTotal && Double.isFinite(tTotal))) {
            return "needs 0 <= t_burn < t_total, got t_burn " + tBurn + ", t_total " + tTotal;
        }
        if (!(time >= 0 && time < tTotal)) {
            return "time must be in [0, t_total = " + tTotal + "), got " + time;
        }
        if (!(logThreshold <= 0) || !Double.isFinite(logThreshold) || !(logNorm >= logThreshold)
                || !Double.isFinite(logNorm)) {
            return "needs ln r <= ln ||psi||^2 with a finite ln r <= 0, got " + logThreshold + " and " + logNorm;
        }
        if (orbitals < 0 || capacity < orbitals || capacity > sites) {
            return "needs 0 <= orbitals <= capacity <= sites, got " + orbitals + ", " + capacity + ", " + sites;
        }
        long size = (long) orbitals * sites;
        if (re == null || im == null || re.length != size || im.length != size) {
            return "orbitals must be two arrays of " + size + " numbers";
        }
        if (pops == null || pops.length != sites || bonds == null || bonds.length != Math.max(sites - 1, 0)) {
            return "needs " + sites + " integrated populations and " + Math.max(sites - 1, 0) + " integrated bonds";
        }
        if (samples == null || samples.length % sites != 0 || nextSample < 0 || nextSample > samples.length / sites) {
            return "samples must be whole populations and nextSample one of their indices, got " + nextSample;
        }
        if (net == null || net.length != 2) {
            return "needs the net jumps of 2 baths";
        }
        if (windowJumps < 0 || steps < 0 || allJumps < windowJumps || nextEntropy < 0) {
            return "counts must be >= 0 (and all jumps >= window jumps), got " + windowJumps + ", " + allJumps + ", "
                    + steps + ", " + nextEntropy;
        }
        if (!Double.isFinite(entropySum) || !allFinite(re) || !allFinite(im) || !allFinite(pops) || !allFinite(bonds)
                || !allFinite(samples)) {
            return "has a number that is not finite";
        }
        return null;
    }

    private static boolean allFinite(double[] v) {
        for (double x : v) {
            if (!Double.isFinite(x)) {
                return false;
            }
        }
        return true;
    }

    /** Real parts of the orbitals (a copy). */
    @Override
    public double[] orbitalsRe() {
        return orbitalsRe.clone();
    }

    /** Imaginary parts of the orbitals (a copy). */
    @Override
    public double[] orbitalsIm() {
        return orbitalsIm.clone();
    }

    /** Integrated populations (a copy). */
    @Override
    public double[] integratedPopulations() {
        return integratedPopulations.clone();
    }

    /** Integrated bonds (a copy). */
    @Override
    public double[] integratedBonds() {
        return integratedBonds.clone();
    }

    /** Sampled populations (a copy). */
    @Override
    public double[] samples() {
        return samples.clone();
    }

    /** Net jumps of the two baths (a copy). */
    @Override
    public long[] netJumps() {
        return netJumps.clone();
    }

    /** The random generator's state (a copy). */
    @Override
    public byte[] rngState() {
        return rngState.clone();
    }

    /** Equal when every component is, arrays compared element by element (doubles by their bits). */
    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianSnapshot s && sites == s.sites && bits(tBurn) == bits(s.tBurn)
                && bits(tTotal) == bits(s.tTotal) && bits(time) == bits(s.time)
                && bits(logThreshold) == bits(s.logThreshold) && bits(logNorm) == bits(s.logNorm)
                && orbitals == s.orbitals && capacity == s.capacity && Arrays.equals(orbitalsRe, s.orbitalsRe)
                && Arrays.equals(orbitalsIm, s.orbitalsIm) && Arrays.equals(integratedPopulations, s.integratedPopulations)
                && Arrays.equals(integratedBonds, s.integratedBonds) && Arrays.equals(samples, s.samples)
                && Arrays.equals(netJumps, s.netJumps) && windowJumps == s.windowJumps && steps == s.steps
                && allJumps == s.allJumps && nextSample == s.nextSample && nextEntropy == s.nextEntropy
                && bits(entropySum) == bits(s.entropySum) && Arrays.equals(rngState, s.rngState)
                && bits(nextFlip) == bits(s.nextFlip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sites, time, orbitals, steps, allJumps, Arrays.hashCode(orbitalsRe),
                Arrays.hashCode(rngState));
    }

    /** The trajectory time, the orbital count and the step and jump counts (not the arrays). */
    @Override
    public String toString() {
        return "GaussianSnapshot[sites=" + sites + ", time=" + time + ", orbitals=" + orbitals + ", steps=" + steps
                + ", jumps=" + allJumps + "]";
    }

    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }
}
