package org.qtraj.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EstimatesTest {
    @Test
    void addAndMergeAgreeWithDirectStatistics() {
        List<String> names = List.of("a", "b");
        double[][] xs = {{1, 10}, {2, 20}, {4, 5}, {7, -3}, {0.5, 2}};
        Estimates all = Estimates.empty(names);
        Estimates left = Estimates.empty(names);
        Estimates right = Estimates.empty(names);
        for (int i = 0; i < xs.length; i++) {
            all = all.add(xs[i]);
            if (i < 2) {
                left = left.add(xs[i]);
            } else {
                right = right.add(xs[i]);
            }
        }
        Estimates merged = left.merge(right);
        assertEquals(5, merged.count());
        // a: mean 2.9, squared deviations sum to 28.2, sample variance 7.05
        assertEquals(2.9, merged.get("a").mean(), 1e-12);
        assertEquals(Math.sqrt(7.05 / 5), merged.get("a").standardError(), 1e-12);
        assertEquals(all.get("b").mean(), merged.get("b").mean(), 1e-12);
        assertEquals(all.get("b").variance(), merged.get("b").variance(), 1e-12);
        Map<String, Map<String, Object>> m = merged.toMap();
        assertEquals(5L, m.get("a").get("samples"));
        assertEquals(List.of("a", "b"), List.copyOf(m.keySet()));
    }

    @Test
    void rejectsMismatches() {
        Estimates e = Estimates.empty(List.of("a"));
        assertThrows(IllegalArgumentException.class, () -> e.add(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> e.merge(Estimates.empty(List.of("b"))));
        assertThrows(IllegalArgumentException.class, () -> e.get("c"));
        assertThrows(IllegalArgumentException.class, () -> Estimates.empty(List.of("a", "a")));
    }
}
