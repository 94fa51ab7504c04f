package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.qtraj.ensemble.SeedStreams;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.model.InitialState;

/**
 * A Gaussian trajectory snapshotted mid-way, stopped and continued from the snapshot gives the bits of the
 * uninterrupted trajectory: every estimator (currents from the counted jumps, integrated populations and bonds,
 * population samples, entanglement entropy, jump rate). Reference: the uninterrupted run of the same (seed, index);
 * the comparison is exact, no tolerance.
 */
class GaussianSnapshotTest {
    private static final long SEED = 1606;

    /** Dephased, burn-in, sample times and a domain wall: every accumulator of the state is in use. */
    private static GaussianTrajectory trajectory(int sites) {
        Chain chain = Chain.builder().sites(sites).dephasing(0.5).build();
        TrajectoryOptions o = TrajectoryOptions.of(5, 40).sampling(InitialState.parse("domain-wall"),
                List.of(3.0, 12.0, 30.0));
        return GaussianTrajectory.of(chain, 1e-10, o);
    }

    private static UniformRandomProvider stream(long index) {
        return SeedStreams.stream(SEED, index);
    }

    /**
     * Takes a snapshot at step {@code at} (counted by the sink's calls), then stops the run by throwing; shared with
     * GaussianPhaseFlipTest.
     */
    static final class StopAt implements SnapshotSink {
        private final int at;
        private int calls;
        GaussianSnapshot taken;

        StopAt(int at) {
            this.at = at;
        }

        @Override
        public boolean due() {
            return ++calls == at;
        }

        @Override
        public void accept(GaussianSnapshot snapshot) {
            taken = snapshot;
            throw new Stop();
        }
    }

    static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private static GaussianSnapshot stoppedAt(GaussianTrajectory q, long index, int step, GaussianSnapshot from) {
        StopAt sink = new StopAt(step);
        assertThrows(Stop.class, () -> q.run(stream(index), from, sink));
        assertNotNull(sink.taken, "snapshot at step " + step);
        return sink.taken;
    }

    @Test
    void aStoppedAndContinuedTrajectoryEqualsTheUninterruptedOneBitForBit() {
        GaussianTrajectory q = trajectory(12);
        for (long index = 0; index < 4; index++) {
            double[] whole = q.run(stream(index));
            // before step 1 (t = 0, nothing done yet), 7 (burn-in), 40 and 80 (inside the window, after jumps; about 100
                // steps in all)
            for (int step : new int[] {1, 7, 40, 80}) {
                GaussianSnapshot s = stoppedAt(q, index, step, null);
                // the continuation draws from a fresh stream of the same index: its state is replaced by the snapshot's
                double[] resumed = q.run(stream(index), s, null);
                assertArrayEquals(whole, resumed, "trajectory " + index + " resumed at step " + step + ", t = " + s.time());
            }
        }
    }

    @Test
    void snapshotsAreTakenInsideTheWindowAfterJumps() {
        GaussianTrajectory q = trajectory(12);
        GaussianSnapshot s = stoppedAt(q, 0, 80, null);
        assertTrue(s.time() > 5 && s.time() < 40, "inside the window: " + s);
        assertTrue(s.windowJumps() > 0 && s.allJumps() > s.windowJumps(), "jumps before and in the window: " + s);
        assertTrue(s.nextSample() >= 1, "a population sample was recorded: " + s);
    }

    @Test
    void aTrajectoryStoppedTwiceAndSnapshottedEveryStepStillGivesTheSameBits() {
        GaussianTrajectory q = trajectory(10);
        double[] whole = q.run(stream(7));
        GaussianSnapshot first = stoppedAt(q, 7, 30, null);
        GaussianSnapshot second = stoppedAt(q, 7, 40, first);
        assertTrue(second.time() > first.time());
        List<GaussianSnapshot> all = new ArrayList<>();
        SnapshotSink everyStep = new SnapshotSink() {
            @Override
            public boolean due() {
                return true;
            }

            @Override
            public void accept(GaussianSnapshot snapshot) {
                all.add(snapshot);
            }
        };
        assertArrayEquals(whole, q.run(stream(7), second, everyStep));
        assertTrue(all.size() > 20, "a snapshot before every step: " + all.size());
        // the first snapshot of the continued run is the one it continued from
        assertEquals(second, all.get(0));
    }

    @Test
    void aSnapshotSurvivesJavaSerialisation() throws Exception {
        GaussianTrajectory q = trajectory(12);
        double[] whole = q.run(stream(3));
        GaussianSnapshot s = stoppedAt(q, 3, 60, null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        GaussianSnapshot back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (GaussianSnapshot) in.readObject();
        }
        assertEquals(s, back);
        assertArrayEquals(whole, q.run(stream(3), back, null));
    }

    @Test
    void aSnapshotIsImmutable() {
        GaussianSnapshot s = stoppedAt(trajectory(8), 0, 50, null);
        double before = s.integratedPopulations()[0];
        s.integratedPopulations()[0] = 42;
        s.rngState()[0] ^= 1;
        assertEquals(before, s.integratedPopulations()[0]);
        assertEquals(s, new GaussianSnapshot(s.sites(), s.tBurn(), s.tTotal(), s.time(), s.logThreshold(), s.logNorm(),
                s.orbitals(), s.capacity(), s.orbitalsRe(), s.orbitalsIm(), s.integratedPopulations(),
                s.integratedBonds(), s.samples(), s.netJumps(), s.windowJumps(), s.steps(), s.allJumps(),
                s.nextSample(), s.nextEntropy(), s.entropySum(), s.rngState()));
    }

    @Test
    void aSnapshotOfAnotherTrajectoryIsRefusedNamingTheSnapshot() {
        GaussianSnapshot of12 = stoppedAt(trajectory(12), 0, 30, null);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> trajectory(10).run(stream(0), of12, null));
        assertEquals("snapshot", e.field());
        assertTrue(e.getMessage().contains("12 sites"), e.getMessage());
        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> new GaussianSnapshot(of12.sites(),
                of12.tBurn(), of12.tTotal(), of12.time(), of12.logThreshold(), of12.logNorm(), of12.orbitals() + 1,
                of12.capacity(), of12.orbitalsRe(), of12.orbitalsIm(), of12.integratedPopulations(),
                of12.integratedBonds(), of12.samples(), of12.netJumps(), of12.windowJumps(), of12.steps(),
                of12.allJumps(), of12.nextSample(), of12.nextEntropy(), of12.entropySum(), of12.rngState()));
        assertEquals("snapshot", bad.field());
        InvalidInputException shortState = assertThrows(InvalidInputException.class, () -> trajectory(12).run(stream(0),
                new GaussianSnapshot(of12.sites(), of12.tBurn(), of12.tTotal(), of12.time(), of12.logThreshold(),
                        of12.logNorm(), of12.orbitals(), of12.capacity(), of12.orbitalsRe(), of12.orbitalsIm(),
                        of12.integratedPopulations(), of12.integratedBonds(), of12.samples(), of12.netJumps(),
                        of12.windowJumps(), of12.steps(), of12.allJumps(), of12.nextSample(), of12.nextEntropy(),
                        of12.entropySum(), new byte[3]), null));
        assertEquals("snapshot", shortState.field());
    }

    @Test
    void snapshotsNeedARestorableGenerator() {
        UniformRandomProvider plain = new UniformRandomProvider() {
            @Override
            public long nextLong() {
                return 12345;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> trajectory(8).run(plain, null, new StopAt(1)));
    }
}
