package org.qtraj.classical;

import org.apache.commons.rng.simple.RandomSource;
import org.qtraj.stats.MeanVar;

/**
 * Test helper: M independent trajectories run one after the other, trajectory i with its own stream seeded
 * (seedBase + i), and the mean and standard error of their estimators (a minimal stand-in for the ensemble
 * driver).
 */
final class SequentialRuns {
    final MeanVar currentLeft;
    final MeanVar currentRight;
    final MeanVar[] occupation;
    final long events;

    private SequentialRuns(MeanVar currentLeft, MeanVar currentRight, MeanVar[] occupation, long events) {
        this.currentLeft = currentLeft;
        this.currentRight = currentRight;
        this.occupation = occupation;
        this.events = events;
    }

    static SequentialRuns run(ExclusionProcess p, int trajectories, double tTotal, double tBurn, long seedBase) {
        MeanVar left = MeanVar.EMPTY;
        MeanVar right = MeanVar.EMPTY;
        MeanVar[] occ = new MeanVar[p.sites()];
        java.util.Arrays.fill(occ, MeanVar.EMPTY);
        long events = 0;
        for (int i = 0; i < trajectories; i++) {
            ClassicalSample s = ClassicalTrajectory.run(p, tTotal, tBurn,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(seedBase + i));
            left = left.add(s.particleCurrentLeft());
            right = right.add(s.particleCurrentRight());
            for (int k = 0; k < occ.length; k++) {
                occ[k] = occ[k].add(s.meanOccupation(k));
            }
            events += s.events();
        }
        return new SequentialRuns(left, right, occ, events);
    }

    /** z-score of a sample mean against a reference value. */
    static double z(MeanVar m, double reference) {
        return (m.mean() - reference) / m.standardError();
    }

    /**
     * A burn-in long enough for the empty initial chain to relax: ten times the slowest diffusive relaxation
     * time (N + 1 + 2 V/gamma)^2 / (pi^2 V) (the 2 V / gamma extends the chain by the boundary resistance),
     * plus ten bath times 1/gamma. The initial deviation then decays by e^-10 ~ 5e-5.
     */
    static double burnIn(int n, double vMin, double gammaMin) {
        double length = n + 1 + 2 * vMin / gammaMin;
        return 10 * (length * length / (Math.PI * Math.PI * vMin) + 1 / gammaMin);
    }
}
