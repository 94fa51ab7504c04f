package org.qtraj.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.stats.MeanVar;

class ClassicalEstimatesTest {

    private static List<ClassicalSample> samples(int m) {
        Chain c = Chain.of(new double[] {2, 1, 1, 0.5}, new double[] {1, 1, 1}, new double[3], new double[4],
                new double[] {1, 0.5, 2}, new Bath(0, 1, 2), new Bath(3, 1, 0.5));
        ExclusionProcess p = ExclusionProcess.of(c);
        List<ClassicalSample> out = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            out.add(ClassicalTrajectory.run(p, 300, 50, RandomSource.XO_RO_SHI_RO_128_PP.create((long) i)));
        }
        return out;
    }

    @Test
    void addCollectsEveryEstimatorPerTrajectory() {
        List<ClassicalSample> ss = samples(10);
        ClassicalEstimates e = ClassicalEstimates.empty(4);
        MeanVar left = MeanVar.EMPTY;
        MeanVar heatRight = MeanVar.EMPTY;
        MeanVar occ2 = MeanVar.EMPTY;
        long events = 0;
        for (ClassicalSample s : ss) {
            e = e.add(s);
            left = left.add(s.netLeft() / 250.0);
            heatRight = heatRight.add(0.5 * s.netRight() / 250.0);
            occ2 = occ2.add(s.occupationTime()[2] / 250.0);
            events += s.events();
        }
        assertEquals(10, e.trajectories());
        assertEquals(left, e.currentLeft());
        assertEquals(heatRight, e.heatRight());
        assertEquals(occ2, e.occupation(2));
        assertEquals(events, e.events());
        assertEquals(2500, e.windowTime(), 1e-9);
        assertEquals(2 * e.currentLeft().mean(), e.heatLeft().mean(), 1e-12);
    }

    @Test
    void mergeEqualsAddingTheSamplesInOrder() {
        List<ClassicalSample> ss = samples(12);
        ClassicalEstimates all = ClassicalEstimates.empty(4);
        ClassicalEstimates a = ClassicalEstimates.empty(4);
        ClassicalEstimates b = ClassicalEstimates.empty(4);
        for (int i = 0; i < ss.size(); i++) {
            all = all.add(ss.get(i));
            if (i < 5) {
                a = a.add(ss.get(i));
            } else {
                b = b.add(ss.get(i));
            }
        }
        ClassicalEstimates merged = a.merge(b);
        assertEquals(all.trajectories(), merged.trajectories());
        assertEquals(all.events(), merged.events());
        assertEquals(all.current().mean(), merged.current().mean(), 1e-15);
        assertEquals(all.current().m2(), merged.current().m2(), 1e-12 * all.current().m2());
        for (int k = 0; k < 4; k++) {
            assertEquals(all.occupation(k).mean(), merged.occupation(k).mean(), 1e-15);
        }
        assertEquals(a, ClassicalEstimates.empty(4).merge(a));
        assertEquals(a, a.merge(ClassicalEstimates.empty(4)));
    }

    @Test
    void refusesSamplesOfAnotherChain() {
        ClassicalSample s = samples(1).get(0);
        assertThrows(IllegalArgumentException.class, () -> ClassicalEstimates.empty(5).add(s));
        assertThrows(IllegalArgumentException.class,
                () -> ClassicalEstimates.empty(5).merge(ClassicalEstimates.of(s)));
    }
}
