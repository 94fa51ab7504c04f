package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.batch.RunFiles;

/**
 * (c) A damaged checkpoint (truncated, not JSON, not a checkpoint, a state of the wrong shape) in an interrupted
 * run: a checkpoint is only a cache of progress, so {@code qtraj run} discards it with one warning line on stderr
 * and recomputes that unit (or block) from its start; its seeds are fixed, so the results equal those of an
 * uninterrupted run bit for bit.
 */
class DamagedCheckpointTest {
    private static final String SPEC = """
            name: checkpoints
            seed: 13
            sweep: {parameters: {sites: {values: [3, 4]}}}
            methods:
              - {method: classical, trajectories: 200}
              - {method: classical, trajectories: 120, blocks: 2, label: split}
            observables: [heat_current, particle_current]
            """;

    @TempDir
    static Path shared;
    private static Path spec;
    private static Path ref;

    @TempDir
    Path tmp;

    @BeforeAll
    static void uninterruptedRun() throws IOException {
        spec = shared.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        ref = shared.resolve("ref");
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", ref.toString());
        assertEquals(0, r.exitCode(), r.err());
    }

    /**
     * The run interrupted in unit p1-s0-m0 (whole) or in block 1 of p1-s0-m1 (split): its lines are not in the logs
     * and its checkpoint is damaged as {@code kind} says; {@code what} is a regular expression (the number of
     * estimators is not this test's business).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "p1-s0-m0    | truncated  | not JSON",
        "p1-s0-m0    | zeros      | not JSON",
        "p1-s0-m0    | no-state   | no state",
        "p1-s0-m0    | shape      | not \\d+ accumulators",
        "p1-s0-m0    | index      | next_index \"40\" is not a trajectory index of this unit",
        "p1-s0-m0    | beyond     | next_index 201 is not a trajectory index of this unit",
        "p1-s0-m1-b1 | truncated  | not JSON",
        "p1-s0-m1-b1 | before     | next_index 5 is not a trajectory index of this unit",
        "p1-s0-m1-b1 | shape      | not \\d+ accumulators",
    })
    void aDamagedCheckpointIsDiscardedWithAWarningAndTheUnitRecomputedExactly(String stem, String kind, String what)
            throws IOException {
        Path out = tmp.resolve("out");
        RunFiles.copy(ref, out);
        boolean block = stem.contains("-b");
        String unit = block ? stem.substring(0, stem.lastIndexOf("-b")) : stem;
        String unitLine = "\"point\":1,\"sample\":0,\"method\":\"" + (block ? "split" : "classical") + "\"";
        removeLines(out.resolve("results.jsonl"), unitLine);
        if (block) {
            removeLines(out.resolve("blocks.jsonl"), unitLine + ",\"block\":1,");
        }
        Path manifest = out.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"status\" : \"complete\"", "\"status\" : \"running\""));
        String state = "\"elapsed_seconds\":0.5,\"accumulators\":[[40,0.1,0.2],[40,0.1,0.2]]";
        String content = switch (kind) {
            case "truncated" -> "{\"state\":{\"next_index\":40,\"elapsed_seco";
            case "zeros" -> "\0".repeat(64);
            case "no-state" -> "{\"next_index\":40}\n";
            case "shape" -> "{\"state\":{\"next_index\":" + (block ? 70 : 40)
                    + ",\"elapsed_seconds\":0.5,\"accumulators\":[[40,0.1,0.2]]}}\n";
            case "index" -> "{\"state\":{\"next_index\":\"40\"," + state + "}}\n";
            case "beyond" -> "{\"state\":{\"next_index\":201," + state + "}}\n";
            case "before" -> "{\"state\":{\"next_index\":5," + state + "}}\n";
            default -> throw new IllegalArgumentException(kind);
        };
        Path checkpoint = out.resolve("checkpoints").resolve(stem + ".json");
        Files.createDirectories(checkpoint.getParent());
        Files.writeString(checkpoint, content);

        CliRunner r = CliRunner.run("run", spec.toString(), "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String warning = Pattern.quote("qtraj: warning: checkpoint " + checkpoint + " is damaged (") + what
                + Pattern.quote("); discarded it: " + stem + " starts again from its beginning, with the same result");
        assertTrue(r.err().strip().matches(warning), r.err() + " does not match " + warning);
        assertTrue(r.out().contains("1 run now"), r.out());
        assertEquals(RunFiles.jsonlWithoutTimings(ref), RunFiles.jsonlWithoutTimings(out), unit + " recomputed exactly");
        assertEquals(RunFiles.csvWithoutTimings(ref), RunFiles.csvWithoutTimings(out));
        assertEquals(RunFiles.blocksWithoutTimings(ref), RunFiles.blocksWithoutTimings(out));
        assertFalse(Files.exists(out.resolve("checkpoints")), "no checkpoint left");
        assertEquals("complete", RunFiles.manifest(out).get("status").asText());
    }

    private static void removeLines(Path file, String containing) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.contains(containing)) {
                kept.add(line);
            }
        }
        assertEquals(Files.readAllLines(file).size() - 1, kept.size(), "one line removed from " + file);
        Files.write(file, kept);
    }
}
