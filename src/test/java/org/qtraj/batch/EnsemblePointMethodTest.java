package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.ensemble.StopRule;
import org.qtraj.exact.ClosedForm;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.stats.Estimate;

/** Trajectory points resume mid-point from their checkpoint with bit-identical results. */
class EnsemblePointMethodTest {
    @TempDir
    Path dir;

    private static SimulationSettings settings(long trajectories) {
        return SimulationSettings.builder().seed(42).threads(1).stop(StopRule.trajectories(trajectories)).build();
    }

    @Test
    void resumingFromAMidRunCheckpointGivesTheUninterruptedResult() throws IOException {
        for (String method : new String[] {"trajectories", "classical"}) {
            Chain chain = ModelSpec.empty().withSites(3).build();
            SimulationSettings s = settings(3000);
            SimulationResult whole = ResumableEnsembles.run(Engine.of(method), chain, s, Checkpoint.none(), Double.POSITIVE_INFINITY);
            Path file = dir.resolve(method + ".json");
            // slices of 700 trajectories: the file keeps the state of the last slice boundary (index 2800)
            ResumableEnsembles.run(Engine.of(method), chain, s, Checkpoint.open(file, 0), Double.POSITIVE_INFINITY, 700, 0);
            assertTrue(Files.exists(file), "a checkpoint was written");
            long savedAt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile())
                    .get("state").get("next_index").asLong();
            assertEquals(2800, savedAt, "checkpoint mid-run");
            SimulationResult resumed = ResumableEnsembles.run(Engine.of(method), chain, s, Checkpoint.open(file, 0), Double.POSITIVE_INFINITY);
            assertEquals(whole.estimates(), resumed.estimates(), method);
            assertEquals(3000, resumed.trajectories());
        }
    }

    /** A block (trajectories 1000..2999) resumes from a mid-block checkpoint exactly, and holds exactly its range. */
    @Test
    void aBlockResumesFromItsCheckpointAndHoldsItsRange() throws IOException {
        for (String method : new String[] {"trajectories", "classical"}) {
            Chain chain = ModelSpec.empty().withSites(3).build();
            SimulationSettings s = settings(2000);
            SimulationResult block = ResumableEnsembles.range(Engine.of(method), chain, s, Checkpoint.none(),
                    Double.POSITIVE_INFINITY, 1000);
            Path file = dir.resolve(method + "-block.json");
            ResumableEnsembles.run(Engine.of(method), chain, s, Checkpoint.open(file, 0), Double.POSITIVE_INFINITY, 700, 1000);
            long savedAt = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile())
                    .get("state").get("next_index").asLong();
            assertEquals(2400, savedAt, "checkpoint at the last slice boundary, an absolute index");
            SimulationResult resumed = ResumableEnsembles.range(Engine.of(method), chain, s, Checkpoint.open(file, 0),
                    Double.POSITIVE_INFINITY, 1000);
            assertEquals(block.estimates(), resumed.estimates(), method);
            // the same as the tail of a 3000-trajectory run: merge [0, 1000) and the block, compare counts and means
            SimulationResult head = ResumableEnsembles.run(Engine.of(method), chain, settings(1000), Checkpoint.none(),
                    Double.POSITIVE_INFINITY);
            SimulationResult whole = ResumableEnsembles.run(Engine.of(method), chain, settings(3000), Checkpoint.none(),
                    Double.POSITIVE_INFINITY);
            var merged = head.estimates().merge(block.estimates());
            assertEquals(3000, merged.count());
            assertEquals(whole.get("heat_current").mean(), merged.get("heat_current").mean(),
                    1e-12 * Math.abs(whole.get("heat_current").mean()), method);
        }
    }

    /** The point method's heat current against the closed form, |z| < 4 (false alarm 6.3e-5), fixed seed. */
    @Test
    void pointMethodEstimatesTheExactCurrent() throws IOException {
        RunSpec spec = RunFiles.spec("methods: [{method: trajectories, trajectories: 400, seed: 9}]\n");
        PointMethod m = MethodKind.create(spec.methods().get(0));
        Chain chain = ModelSpec.empty().build();
        PointResult r = m.run(chain, 1, Checkpoint.none(), 1);
        Estimate heat = r.observables().get("heat_current");
        double exact = new ClosedForm().solve(chain).heatCurrentLeft();
        assertEquals(400, heat.samples());
        assertTrue(Math.abs(heat.value() - exact) < 4 * heat.error(), heat + " vs " + exact);
    }
}
