package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.ensemble.SeedStreams;
import org.qtraj.model.Chain;

class JumpListenerTest {

    @Test
    void listenerSeesEveryCountedJumpInOrderAndChangesNothing() {
        Chain chain = TrajectoryRuns.uniform(3, 0.5, 1, 1, 1, 0.3);
        TrajectoryOptions times = TrajectoryOptions.of(5, 60);
        QuantumTrajectory q = QuantumTrajectory.of(Unravelling.of(chain, 1e-9), times);
        int pl = q.names().indexOf("particle_current");
        int pr = q.names().indexOf("particle_current_right");
        for (long i = 0; i < 5; i++) {
            double[] plain = q.run(SeedStreams.stream(9, i));
            long[] net = new long[2];
            long[] events = new long[1];
            double[] last = {times.tBurn()};
            double[] heard = q.run(SeedStreams.stream(9, i), (bath, change, t) -> {
                assertTrue(bath == 0 || bath == 1, "bath " + bath);
                assertTrue(change == 1 || change == -1, "change " + change);
                assertTrue(t >= last[0] && t <= times.tTotal(), "time " + t + " after " + last[0]);
                last[0] = t;
                net[bath] += change;
                events[0]++;
            });
            assertArrayEquals(plain, heard, 0.0, "the listener changes the trajectory");
            double w = times.tTotal() - times.tBurn();
            assertEquals(plain[pl] * w, net[0], 1e-9);
            assertEquals(plain[pr] * w, net[1], 1e-9);
            assertTrue(events[0] > 10, "some jumps: " + events[0]);
        }
    }
}
