package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qtraj.ensemble.StopRule;
import org.qtraj.model.Chain;
import org.qtraj.model.InitialState;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.QuantumEngine;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.trajectory.DephasingJumps;

/**
 * Checkpoints inside long gaussian trajectories: a run stopped in the middle of trajectory 1 (after the snapshot of
 * that trajectory is saved) and resumed gives the bits of the uninterrupted run; a damaged snapshot, or one of
 * another trajectory, is ignored with one warning and the trajectory run again from its start, to the same bits.
 * Every trajectory here runs alone in its slice (the long-trajectory threshold set to 0 s), so which trajectory is
 * stopped does not depend on the machine's speed.
 */
class MidTrajectoryCheckpointTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Chain CHAIN = Chain.builder().sites(60).dephasing(0.5).build();
    private static final SimulationSettings SETTINGS = SimulationSettings.builder().seed(16).threads(1)
            .stop(StopRule.trajectories(3)).window(10, 60).relaxation(InitialState.parse("domain-wall"), List.of(30.0))
            .quantumEngine(QuantumEngine.GAUSSIAN).build();
    private static SimulationResult whole;

    @TempDir
    Path dir;

    @BeforeAll
    static void uninterrupted() throws IOException {
        whole = ResumableEnsembles.run(Engine.QUANTUM, CHAIN, SETTINGS, Checkpoint.none(), Double.POSITIVE_INFINITY);
    }

    /**
     * Runs until the first save inside trajectory 1 and returns the checkpoint file. With a checkpoint interval of 0
     * that save comes before the trajectory's second step, on any machine.
     */
    private Path stoppedInsideTrajectoryOne() throws IOException {
        Path file = dir.resolve("unit.json");
        Checkpoint cp = Checkpoint.open(file, 0);
        assertThrows(MidTrajectoryCheckpoint.Stopped.class, () -> ResumableEnsembles.run(Engine.QUANTUM, CHAIN,
                SETTINGS, cp, Double.POSITIVE_INFINITY, Long.MAX_VALUE, 0, 0.0, 1, 1));
        JsonNode st = JSON.readTree(file.toFile()).get("state");
        assertEquals(1, st.get("next_index").asLong(), "the ensemble's state at the start of trajectory 1");
        assertEquals(1, st.get("trajectory").get("index").asLong());
        double t = st.get("trajectory").get("time").asDouble();
        assertTrue(t > 0 && t < 60, "the snapshot is inside the trajectory: t = " + t);
        return file;
    }

    private SimulationResult resume(Path file, List<String> warnings) throws IOException {
        return ResumableEnsembles.run(Engine.QUANTUM, CHAIN, SETTINGS, Checkpoint.open(file, 0, n -> { }, warnings::add),
                Double.POSITIVE_INFINITY, Long.MAX_VALUE, 0, 0.0, -1, Integer.MAX_VALUE);
    }

    @Test
    void aRunStoppedInsideATrajectoryResumesToTheSameBits() throws IOException {
        Path file = stoppedInsideTrajectoryOne();
        List<String> warnings = new ArrayList<>();
        SimulationResult resumed = resume(file, warnings);
        assertEquals(List.of(), warnings, "the snapshot was used");
        assertEquals(whole.estimates(), resumed.estimates());
        assertEquals(3, resumed.estimates().count());
    }

    @Test
    void aDamagedSnapshotIsIgnoredWithOneWarningAndTheTrajectoryRunAgain() throws IOException {
        Path file = stoppedInsideTrajectoryOne();
        ObjectNode doc = (ObjectNode) JSON.readTree(file.toFile());
        ArrayNode data = (ArrayNode) doc.get("state").get("trajectory").get("data");
        String chunk = data.get(0).asText();
        int at = chunk.length() / 2;
        data.set(0, chunk.substring(0, at) + (chunk.charAt(at) == 'A' ? 'B' : 'A') + chunk.substring(at + 1));
        Files.writeString(file, JSON.writeValueAsString(doc));
        List<String> warnings = new ArrayList<>();
        SimulationResult resumed = resume(file, warnings);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("SHA-256") && warnings.get(0).contains("starts again"), warnings.get(0));
        assertEquals(whole.estimates(), resumed.estimates());
    }

    @Test
    void aSnapshotOfAnotherTrajectoryIsIgnored() throws IOException {
        Path file = stoppedInsideTrajectoryOne();
        ObjectNode doc = (ObjectNode) JSON.readTree(file.toFile());
        ((ObjectNode) doc.get("state").get("trajectory")).put("index", 2);
        Files.writeString(file, JSON.writeValueAsString(doc));
        List<String> warnings = new ArrayList<>();
        assertEquals(whole.estimates(), resume(file, warnings).estimates());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("of trajectory 2, the next one is 1"), warnings.get(0));
    }

    /** Phase-flip dephasing: the snapshot carries the next flip time, and a resumed run gives the same bits. */
    @Test
    void aPhaseFlipRunStoppedInsideATrajectoryResumesToTheSameBits() throws Exception {
        SimulationSettings flips = SETTINGS.toBuilder().dephasingJumps(DephasingJumps.PHASE_FLIP).build();
        SimulationResult uninterrupted = ResumableEnsembles.run(Engine.QUANTUM, CHAIN, flips, Checkpoint.none(),
                Double.POSITIVE_INFINITY);
        assertTrue(!uninterrupted.estimates().equals(whole.estimates()), "the unravelling changes the trajectories");
        Path file = dir.resolve("flips.json");
        Checkpoint cp = Checkpoint.open(file, 0);
        assertThrows(MidTrajectoryCheckpoint.Stopped.class, () -> ResumableEnsembles.run(Engine.QUANTUM, CHAIN,
                flips, cp, Double.POSITIVE_INFINITY, Long.MAX_VALUE, 0, 0.0, 1, 1));
        TrajectorySnapshots.Indexed saved = readSnapshot(file);
        assertTrue(Double.isFinite(saved.snapshot().nextFlip()) && saved.snapshot().nextFlip() > saved.snapshot().time(),
                saved.snapshot().toString());
        List<String> warnings = new ArrayList<>();
        SimulationResult resumed = ResumableEnsembles.run(Engine.QUANTUM, CHAIN, flips, Checkpoint.open(file, 0,
                n -> { }, warnings::add), Double.POSITIVE_INFINITY, Long.MAX_VALUE, 0, 0.0, -1, Integer.MAX_VALUE);
        assertEquals(List.of(), warnings, "the snapshot was used");
        assertEquals(uninterrupted.estimates(), resumed.estimates());
    }

    /** A version 1 record (before phase flips: no next flip time) still reads, as a snapshot without flips. */
    @Test
    void aVersionOneRecordStillReads() throws Exception {
        Path file = stoppedInsideTrajectoryOne();
        ObjectNode part = (ObjectNode) JSON.readTree(file.toFile()).get("state").get("trajectory");
        byte[] v2 = Base64.getDecoder().decode(part.get("data").get(0).asText());
        byte[] v1 = Arrays.copyOf(v2, v2.length - 8);
        ByteBuffer.wrap(v1).putInt(4, 1);
        part.put("bytes", v1.length);
        part.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v1)));
        part.putArray("data").add(Base64.getEncoder().encodeToString(v1));
        TrajectorySnapshots.Indexed back = TrajectorySnapshots.read(part);
        assertEquals(Double.POSITIVE_INFINITY, back.snapshot().nextFlip());
        assertEquals(TrajectorySnapshots.read(JSON.readTree(file.toFile()).get("state").get("trajectory")).snapshot(),
                back.snapshot());
    }

    private static TrajectorySnapshots.Indexed readSnapshot(Path file) throws Exception {
        return TrajectorySnapshots.read(JSON.readTree(file.toFile()).get("state").get("trajectory"));
    }

    @Test
    void theSnapshotRecordReadsBackExactly() throws Exception {
        Path file = stoppedInsideTrajectoryOne();
        JsonNode part = JSON.readTree(file.toFile()).get("state").get("trajectory");
        TrajectorySnapshots.Indexed back = TrajectorySnapshots.read(part);
        assertEquals(part.toString(), TrajectorySnapshots.json(back.index(), back.snapshot()).toString());
        ObjectNode cut = part.deepCopy();
        cut.put("bytes", part.get("bytes").asInt() - 1);
        assertThrows(TrajectorySnapshots.Damaged.class, () -> TrajectorySnapshots.read(cut));
    }
}
