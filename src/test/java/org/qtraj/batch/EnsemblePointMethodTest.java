package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
            List<String> warnings = new ArrayList<>();
            SimulationResult resumed = ResumableEnsembles.run(Engine.of(method), chain, s,
                    Checkpoint.open(file, 0, c -> { }, warnings::add), Double.POSITIVE_INFINITY);
            assertEquals(whole.estimates(), resumed.estimates(), method);
            assertEquals(List.of(), warnings, "a real checkpoint is used, not discarded");
            assertEquals(3000, resumed.trajectories());
        }
    }

    /**
     * A real checkpoint passes the shape check; each way of breaking it is named, and a run handed a broken one
     * discards it with a warning and gives the uninterrupted result (it starts over: the seeds are fixed).
     */
    @Test
    void aCheckpointStateOfTheWrongShapeIsNamedAndDiscarded() throws IOException {
        Chain chain = ModelSpec.empty().withSites(3).build();
        SimulationSettings s = settings(3000);
        Path file = dir.resolve("classical.json");
        ResumableEnsembles.run(Engine.of("classical"), chain, s, Checkpoint.open(file, 0), Double.POSITIVE_INFINITY, 700, 0);
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode real = (ObjectNode) mapper.readTree(file.toFile()).get("state");
        int n = real.get("accumulators").size();
        assertNull(ResumableEnsembles.damage(real, n, 0, 3000), real.toString());
        assertNull(ResumableEnsembles.damage(real, n, 0, Long.MAX_VALUE), "no trajectory limit");

        assertEquals("the state is not a JSON object", ResumableEnsembles.damage(mapper.readTree("[1]"), n, 0, 3000));
        assertEquals("next_index -1 is not a trajectory index of this unit",
                ResumableEnsembles.damage(real.deepCopy().put("next_index", -1), n, 0, 3000));
        assertEquals("next_index 3001 is not a trajectory index of this unit",
                ResumableEnsembles.damage(real.deepCopy().put("next_index", 3001), n, 0, 3000));
        assertEquals("next_index 700 is not a trajectory index of this unit",
                ResumableEnsembles.damage(real.deepCopy().put("next_index", 700), n, 1000, 3000), "before the block");
        assertEquals("next_index 1.5 is not a trajectory index of this unit",
                ResumableEnsembles.damage(real.deepCopy().put("next_index", 1.5), n, 0, 3000));
        ObjectNode noTime = real.deepCopy();
        noTime.remove("elapsed_seconds");
        assertEquals("elapsed_seconds null is not a time", ResumableEnsembles.damage(noTime, n, 0, 3000));
        assertEquals("not " + (n + 1) + " accumulators", ResumableEnsembles.damage(real, n + 1, 0, 3000));
        ObjectNode pair = real.deepCopy();
        ((ArrayNode) pair.get("accumulators")).set(0, mapper.readTree("[1,0.5]"));
        assertEquals("an accumulator [1,0.5] is not [count, mean, m2]", ResumableEnsembles.damage(pair, n, 0, 3000));
        ObjectNode negative = real.deepCopy();
        ((ArrayNode) negative.get("accumulators")).set(0, mapper.readTree("[-1,0.5,0.1]"));
        assertEquals("an accumulator [-1,0.5,0.1] is not [count, mean, m2]", ResumableEnsembles.damage(negative, n, 0, 3000));
        ObjectNode nan = real.deepCopy();
        ((ArrayNode) nan.get("accumulators")).set(0, mapper.readTree("[0,\"NaN\",\"NaN\"]"));
        assertNull(ResumableEnsembles.damage(nan, n, 0, 3000), "a non-finite double is written as a string");
        ((ArrayNode) nan.get("accumulators")).set(0, mapper.readTree("[0,\"x\",0]"));
        assertEquals("an accumulator [0,\"x\",0] is not [count, mean, m2]", ResumableEnsembles.damage(nan, n, 0, 3000));

        SimulationResult whole = ResumableEnsembles.run(Engine.of("classical"), chain, s, Checkpoint.none(),
                Double.POSITIVE_INFINITY);
        Files.writeString(file, "{\"state\":" + pair + "}\n");
        List<String> warnings = new ArrayList<>();
        SimulationResult restarted = ResumableEnsembles.run(Engine.of("classical"), chain, s,
                Checkpoint.open(file, 0, c -> { }, warnings::add), Double.POSITIVE_INFINITY);
        assertEquals(whole.estimates(), restarted.estimates());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("is damaged (an accumulator [1,0.5] is not [count, mean, m2]); discarded it"),
                warnings.get(0));
        assertFalse(Files.exists(file), "the damaged checkpoint is gone");
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
