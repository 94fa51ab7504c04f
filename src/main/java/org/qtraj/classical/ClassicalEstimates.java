package org.qtraj.classical;

import java.util.Arrays;
import org.qtraj.stats.MeanVar;

/**
 * Mean and standard error over independent classical trajectories of what each one measured
 * ({@link ClassicalSample}): the particle currents I_left, I_right and I_sym = (I_left - I_right)/2, the heat
 * currents omega I, and the mean occupation of every site; one value per trajectory, so the error bars are
 * those of independent samples. Also the number of events and the total window time behind them.
 *
 * <p>Immutable; {@link #add} and {@link #merge} return new values. Merging is not associative in floating
 * point: merge in trajectory order for bit-identical results (see {@link MeanVar}).
 *
 * @param currentLeft   I_left per trajectory
 * @param currentRight  I_right per trajectory
 * @param current       I_sym per trajectory
 * @param heatLeft      omega_left I_left per trajectory
 * @param heatRight     omega_right I_right per trajectory
 * @param occupations   time-averaged occupation of each site, per trajectory
 * @param events        events simulated, burn-in included
 * @param windowTime    sum of the trajectories' window lengths
 */
public record ClassicalEstimates(MeanVar currentLeft, MeanVar currentRight, MeanVar current, MeanVar heatLeft,
                                 MeanVar heatRight, MeanVar[] occupations, long events, double windowTime) {

    public ClassicalEstimates {
        occupations = occupations.clone();
    }

    /** No trajectory yet, for a chain of the given number of sites. */
    public static ClassicalEstimates empty(int sites) {
        MeanVar[] occ = new MeanVar[sites];
        Arrays.fill(occ, MeanVar.EMPTY);
        return new ClassicalEstimates(MeanVar.EMPTY, MeanVar.EMPTY, MeanVar.EMPTY, MeanVar.EMPTY, MeanVar.EMPTY,
                occ, 0, 0);
    }

    /** The estimates of a single trajectory. */
    public static ClassicalEstimates of(ClassicalSample s) {
        return empty(s.sites()).add(s);
    }

    /** These estimates with one more trajectory. */
    public ClassicalEstimates add(ClassicalSample s) {
        if (s.sites() != occupations.length) {
            throw new IllegalArgumentException("sample has " + s.sites() + " sites, estimates " + occupations.length);
        }
        MeanVar[] occ = new MeanVar[occupations.length];
        for (int k = 0; k < occ.length; k++) {
            occ[k] = occupations[k].add(s.meanOccupation(k));
        }
        return new ClassicalEstimates(currentLeft.add(s.particleCurrentLeft()),
                currentRight.add(s.particleCurrentRight()), current.add(s.particleCurrent()),
                heatLeft.add(s.heatCurrentLeft()), heatRight.add(s.heatCurrentRight()), occ,
                events + s.events(), windowTime + s.window());
    }

    /** The union of two sets of trajectories (this one first). */
    public ClassicalEstimates merge(ClassicalEstimates o) {
        if (o.occupations.length != occupations.length) {
            throw new IllegalArgumentException("estimates for " + o.occupations.length + " and "
                    + occupations.length + " sites");
        }
        MeanVar[] occ = new MeanVar[occupations.length];
        for (int k = 0; k < occ.length; k++) {
            occ[k] = occupations[k].merge(o.occupations[k]);
        }
        return new ClassicalEstimates(currentLeft.merge(o.currentLeft), currentRight.merge(o.currentRight),
                current.merge(o.current), heatLeft.merge(o.heatLeft), heatRight.merge(o.heatRight), occ,
                events + o.events, windowTime + o.windowTime);
    }

    /** Number of trajectories. */
    public long trajectories() {
        return current.count();
    }

    /** The per-site occupation estimates (a copy). */
    @Override
    public MeanVar[] occupations() {
        return occupations.clone();
    }

    /** Estimate of the mean occupation of one site. */
    public MeanVar occupation(int site) {
        return occupations[site];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClassicalEstimates e && currentLeft.equals(e.currentLeft)
                && currentRight.equals(e.currentRight) && current.equals(e.current) && heatLeft.equals(e.heatLeft)
                && heatRight.equals(e.heatRight) && Arrays.equals(occupations, e.occupations) && events == e.events
                && Double.compare(windowTime, e.windowTime) == 0;
    }

    @Override
    public int hashCode() {
        return current.hashCode() * 31 + Arrays.hashCode(occupations) + Long.hashCode(events);
    }

    @Override
    public String toString() {
        return "ClassicalEstimates[trajectories=" + trajectories() + ", current=" + current.mean() + " +- "
                + current.standardError() + ", events=" + events + "]";
    }
}
