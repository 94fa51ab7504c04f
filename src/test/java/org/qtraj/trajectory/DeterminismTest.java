package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimates;

/** 1, 2 and 4 threads give bit-identical estimates; another seed does not. */
class DeterminismTest {
    @Test
    void threadCountDoesNotChangeTheResult() {
        Chain chain = TrajectoryRuns.uniform(5, 0.5, 1, 1, 1, 0);
        TrajectoryOptions o = TrajectoryOptions.of(5, 25);
        Estimates one = TrajectoryRuns.run(chain, o, 1e-9, 64, 99, 1).result();
        assertEquals(one, TrajectoryRuns.run(chain, o, 1e-9, 64, 99, 2).result());
        assertEquals(one, TrajectoryRuns.run(chain, o, 1e-9, 64, 99, 4).result());
        assertNotEquals(one, TrajectoryRuns.run(chain, o, 1e-9, 64, 100, 2).result());
    }
}
