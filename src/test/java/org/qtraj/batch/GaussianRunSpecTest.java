package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.ensemble.StopRule;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.model.InitialState;
import org.qtraj.simulation.Engine;
import org.qtraj.simulation.QuantumEngine;
import org.qtraj.simulation.SimulationResult;
import org.qtraj.simulation.SimulationSettings;

/**
 * The gaussian engine in run specs ({@code engine: gaussian|sector|auto}): a mid-run checkpoint and a block resume to
 * the bits of the uninterrupted run, a 40-site domain wall (beyond the sector engine and the old 31-site masks),
 * and the refusals.
 */
class GaussianRunSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static SimulationSettings settings(long trajectories) {
        return SimulationSettings.builder().seed(42).threads(1).stop(StopRule.trajectories(trajectories))
                .window(5, 20).relaxation(InitialState.parse("domain-wall"), List.of(2.0, 10.0))
                .quantumEngine(QuantumEngine.GAUSSIAN).build();
    }

    @Test
    void aMidRunCheckpointResumesToTheSameBits() throws IOException {
        Chain chain = Chain.builder().sites(40).dephasing(0.5).build();
        SimulationSettings s = settings(60);
        SimulationResult whole = ResumableEnsembles.run(Engine.QUANTUM, chain, s, Checkpoint.none(),
                Double.POSITIVE_INFINITY);
        assertTrue(whole.estimates().names().contains("entanglement_entropy"), "the gaussian engine ran");
        Path file = dir.resolve("g.json");
        // the first trajectory alone (it decides whether trajectories are long: one per slice from 0.5 s each, a
        // matter of the machine), then slices of at most 25: the file keeps the state at the last slice boundary
        ResumableEnsembles.run(Engine.QUANTUM, chain, s, Checkpoint.open(file, 0), Double.POSITIVE_INFINITY, 25, 0);
        long next = JSON.readTree(file.toFile()).get("state").get("next_index").asLong();
        assertTrue(next >= 35 && next < 60, "checkpoint mid-run, at " + next);
        List<String> warnings = new ArrayList<>();
        SimulationResult resumed = ResumableEnsembles.run(Engine.QUANTUM, chain, s,
                Checkpoint.open(file, 0, c -> { }, warnings::add), Double.POSITIVE_INFINITY);
        assertEquals(whole.estimates(), resumed.estimates());
        assertEquals(List.of(), warnings, "the checkpoint was used");
        // the domain wall: site 1 starts full, site 40 empty (population_k_at_0 is at t = 2)
        assertTrue(whole.get("population_1_at_0").mean() > whole.get("population_40_at_0").mean());
    }

    @Test
    void aBlockResumesAndMergesToTheWholeRun() throws IOException {
        Chain chain = Chain.builder().sites(40).dephasing(0.5).build();
        SimulationResult block = ResumableEnsembles.range(Engine.QUANTUM, chain, settings(40), Checkpoint.none(),
                Double.POSITIVE_INFINITY, 20);
        Path file = dir.resolve("block.json");
        ResumableEnsembles.run(Engine.QUANTUM, chain, settings(40), Checkpoint.open(file, 0), Double.POSITIVE_INFINITY,
                15, 20);
        // the first trajectory alone, then slices of at most 15 (boundaries 21, 36, 51 on a fast machine)
        long next = JSON.readTree(file.toFile()).get("state").get("next_index").asLong();
        assertTrue(next >= 45 && next < 60, "checkpoint mid-block, at " + next);
        SimulationResult resumed = ResumableEnsembles.range(Engine.QUANTUM, chain, settings(40), Checkpoint.open(file, 0),
                Double.POSITIVE_INFINITY, 20);
        assertEquals(block.estimates(), resumed.estimates());
        SimulationResult head = ResumableEnsembles.run(Engine.QUANTUM, chain, settings(20), Checkpoint.none(),
                Double.POSITIVE_INFINITY);
        SimulationResult whole = ResumableEnsembles.run(Engine.QUANTUM, chain, settings(60), Checkpoint.none(),
                Double.POSITIVE_INFINITY);
        var merged = head.estimates().merge(block.estimates());
        assertEquals(60, merged.count());
        assertEquals(whole.get("heat_current").mean(), merged.get("heat_current").mean(),
                1e-12 * Math.abs(whole.get("heat_current").mean()));
    }

    /** A whole run through RunPlan and BatchRunner: the points run on the gaussian engine at N = 40. */
    @Test
    void aSpecRunsTheGaussianEngineBeyondTheSectorLimit() throws IOException {
        RunSpec spec = RunFiles.spec("seed: 3\nmodel: {sites: 40, dephasing: 0.5}\nmethods: [{method: trajectories,"
                + " engine: gaussian, trajectories: 6, t_total: 10, t_burn: 2, initial_state: alternating}]\n"
                + "observables: [heat_current, entanglement_entropy]\n");
        RunPlan plan = RunPlan.of(spec, Shard.ALL);
        Path out = dir.resolve("run");
        BatchRunner.run(plan, new BatchRunner.Options(out, false, 1, new Provenance("test", null, "17"), BatchRunner.Progress.NONE, 0));
        List<JsonNode> rows = RunFiles.jsonlWithoutTimings(out);
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).toString().contains("entanglement_entropy"), rows.get(0).toString());
        assertTrue(Files.readString(out.resolve("results.csv")).contains("entanglement_entropy"));
    }

    /**
     * A spec pairs gaussian trajectories of a 40-site domain wall with {@code solver: free_fermion} curves; with bath
     * rates 1e-9 no jump happens (probability about 1e-8), so the two agree to the integrators' accuracy (1e-7).
     */
    @Test
    void freeFermionCurvesBesideGaussianTrajectoriesInASpec() throws IOException {
        RunSpec spec = RunFiles.spec("seed: 3\nmodel: {sites: 40, baths: {left: {rate: 1e-9}, right: {rate: 1e-9}}}\nmethods: ["
                + "{method: trajectories, engine: gaussian, trajectories: 2, times: [0, 2, 4], initial_state: domain-wall,"
                + " label: q}, {method: relaxation, solver: free_fermion, times: [0, 2, 4], initial_state: domain-wall,"
                + " label: x}]\nobservables: ['population_*']\n");
        Path out = dir.resolve("ff");
        BatchRunner.run(RunPlan.of(spec, Shard.ALL), new BatchRunner.Options(out, false, 1,
                new Provenance("test", null, "17"), BatchRunner.Progress.NONE, 0));
        List<JsonNode> rows = RunFiles.jsonlWithoutTimings(out);
        JsonNode q = null;
        JsonNode x = null;
        for (JsonNode r : rows) {
            if (r.toString().contains("\"q\"")) {
                q = r.get("observables");
            } else {
                x = r.get("observables");
            }
        }
        int compared = 0;
        for (int j = 0; j < 3; j++) {
            for (int k = 1; k <= 40; k++) {
                String name = "population_" + k + "_at_" + j;
                assertEquals(x.get(name).get("value").asDouble(), q.get(name).get("value").asDouble(), 1e-7, name);
                compared++;
            }
        }
        assertEquals(120, compared);
        assertTrue(x.get("population_20_at_2").get("value").asDouble() < 0.9, "the wall has moved");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec(
                "model: {sites: 12, anisotropy: 0.5}\nmethods: [{method: relaxation, solver: free_fermion, times: [0, 1]}]\n"),
                Shard.ALL));
        assertEquals("methods[1].method", e.field());
        InvalidInputException s2 = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec(
                "model: {sites: 12}\nmethods: [{method: relaxation, solver: exact, times: [0, 1]}]\n"), Shard.ALL));
        assertEquals("methods[1].solver", s2.field());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{method: trajectories, engine: fermions}                       | methods[1].engine",
        "{method: classical, engine: gaussian}                          | methods[1].engine",
        "{method: trajectories, engine: gaussian, initial_state: '1x'}  | methods[1].initial_state",
        "{method: trajectories, engine: sector}                         | methods[1].method",
        "{method: trajectories, engine: gaussian, initial_state: '11111111111111111111111111111111111111111'} "
                + "| methods[1].method",
    })
    void badEntriesNameTheKey(String entry, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunPlan.of(RunFiles.spec("model: {sites: 40}\nmethods: [" + entry + "]\n"), Shard.ALL));
        assertEquals(field.trim(), e.field(), e.getMessage());
    }

    @Test
    void theGaussianEngineRefusesAnInteractingChainInOneLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec(
                "model: {sites: 6, anisotropy: 0.5}\nmethods: [{method: trajectories, engine: gaussian}]\n"), Shard.ALL));
        assertEquals("methods[1].method", e.field());
        assertTrue(e.getMessage().contains("engine gaussian"), e.getMessage());
        // auto falls back to the sector engine there
        assertEquals(1, RunPlan.of(RunFiles.spec("model: {sites: 6, anisotropy: 0.5}\nmethods: [{method: trajectories,"
                + " engine: auto}]\n"), Shard.ALL).tasks().size());
    }
}
