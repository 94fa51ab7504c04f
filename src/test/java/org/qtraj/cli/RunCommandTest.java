package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.batch.RunFiles;

class RunCommandTest {
    static final String SPEC = """
            name: cli
            seed: 3
            model: {omega: 1, coupling: 1}
            sweep: {mode: zip, parameters: {sites: {values: [2, 3, 4, 5, 6]}, temp_left: {range: [0.5, 2.5, 5]}}}
            disorder: {samples: 2, seed: 11, coupling: [0.5, 1.5]}
            methods: [{method: exact, solver: rate, label: classical}]
            observables: [heat_current]
            """;

    @TempDir
    Path tmp;

    private Path spec(String text) throws IOException {
        Path f = tmp.resolve("spec-" + Integer.toHexString(text.hashCode()) + ".yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void runThenShardsAndMergeThroughTheCommandLine() throws IOException {
        Path spec = spec(SPEC);
        CliRunner whole = CliRunner.run("run", spec.toString(), "--out", tmp.resolve("whole").toString());
        assertEquals(0, whole.exitCode(), whole.err());
        assertTrue(whole.out().contains("10 units"), whole.out());
        assertEquals("", whole.err(), "no progress bar without a terminal");
        for (int i = 1; i <= 2; i++) {
            CliRunner r = CliRunner.run("run", spec.toString(), "--shard", i + "/2", "--threads", "2",
                    "--out", tmp.resolve("s" + i).toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        CliRunner m = CliRunner.run("merge", tmp.resolve("s2").toString(), tmp.resolve("s1").toString(),
                "--out", tmp.resolve("merged").toString());
        assertEquals(0, m.exitCode(), m.err());
        assertEquals(RunFiles.csvWithoutTimings(tmp.resolve("whole")), RunFiles.csvWithoutTimings(tmp.resolve("merged")));
        assertEquals(RunFiles.jsonlWithoutTimings(tmp.resolve("whole")), RunFiles.jsonlWithoutTimings(tmp.resolve("merged")));
        assertEquals(11, Files.readAllLines(tmp.resolve("merged/results.csv")).size());
        assertTrue(Files.readString(tmp.resolve("whole/results.jsonl")).contains("\"disorder_seed\""));

        CliRunner again = CliRunner.run("run", spec.toString(), "--out", tmp.resolve("whole").toString(), "--resume");
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("10 already done, 0 run now"), again.out());

        CliRunner other = CliRunner.run("run", spec(SPEC.replace("seed: 3", "seed: 4")).toString(),
                "--out", tmp.resolve("whole").toString());
        assertEquals(ExitCodes.BAD_INPUT, other.exitCode());
        assertTrue(other.err().contains("different spec"), other.err());

        CliRunner partial = CliRunner.run("merge", tmp.resolve("s1").toString(), "--out", tmp.resolve("m2").toString());
        assertEquals(ExitCodes.BAD_INPUT, partial.exitCode());
        assertTrue(partial.err().contains("missing"), partial.err());
    }

    /** Invalid specs fail before any work, with exit code 2 and one line naming the key; nothing is written. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "methods: [{method: noise, solver: rate}]\\nmodel: {sites: 17}                  | noise:rate cannot run at point 0",
        "sweep: {parameters: {sites: {values: [1, 2]}}}\\nmethods: [{method: exact}]   | sites",
        "sweep: {parameters: {sitez: {values: [2]}}}\\nmethods: [{method: exact}]      | sweep.parameters.sitez",
        "methods: [{method: exact, solver: closed}]\\nmodel: {anisotropy: 1}            | exact:closed cannot run at point 0",
        "methods: [{method: entanglement_search}]\\nmodel: {sites: 3}                  | entanglement_search cannot run at point 0",
        "methods: [{method: entanglement_search, g_points: 2}]\\nmodel: {sites: 2}     | methods[1].g_points",
        "sweep: {parameters: {s_left: {values: [0.1, 0.5]}}}\\nmethods: [{method: exact}] | sweep.parameters.s_left",
    })
    void invalidSpecsExitWith2BeforeAnyWork(String yaml, String expected) throws IOException {
        Path out = tmp.resolve("out");
        CliRunner r = CliRunner.run("run", spec(yaml.replace("\\n", "\n")).toString(), "--out", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertTrue(r.err().contains(expected.trim()), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out), "nothing written for an invalid spec");
    }

    /** A tiny Fig. 4 spec through `qtraj run`: s swept, both rate choices, concurrence and witness in results.csv. */
    @Test
    void entanglementSearchOverSweptOccupationsRuns() throws IOException {
        Path spec = spec("""
                name: fig4-tiny
                model: {sites: 2}
                sweep: {mode: zip, parameters: {s_left: {values: [0.49, 0.2]}, s_right: {values: [0, 0.2]}}}
                methods:
                  - {method: entanglement_search, rates: equal_gamma, g_min: 0.01, g_max: 100, g_points: 9, label: eq_gamma}
                  - {method: entanglement_search, rates: equal_G, g_min: 0.01, g_max: 100, g_points: 9, label: eq_G}
                observables: [concurrence, entanglement_witness]
                """);
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", tmp.resolve("fig4").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("4 units"), r.out());
        java.util.List<String> csv = Files.readAllLines(tmp.resolve("fig4/results.csv"));
        assertEquals("point,sample,s_left,s_right,method,observable,value,error,samples,elapsed_seconds", csv.get(0));
        assertEquals(1 + 4 * 2, csv.size());
        double entangled = Double.parseDouble(csv.get(1).split(",")[6]);
        assertTrue(csv.get(1).startsWith("0,0,0.49,0.0,eq_gamma,concurrence,") && entangled > 0.03, csv.get(1));
        String equalG = csv.stream().filter(l -> l.startsWith("0,0,0.49,0.0,eq_G,concurrence,")).findFirst().orElseThrow();
        assertEquals(0.0, Double.parseDouble(equalG.split(",")[6]), "G_1 = G_N: not entangled");
    }

    @Test
    void missingSpecAndBadOptionsExitWith2() throws IOException {
        assertEquals(ExitCodes.BAD_INPUT, CliRunner.run("run", tmp.resolve("none.yaml").toString(), "--out", "x").exitCode());
        Path spec = spec(SPEC);
        CliRunner shard = CliRunner.run("run", spec.toString(), "--shard", "3/2", "--out", tmp.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, shard.exitCode());
        assertTrue(shard.err().contains("--shard"), shard.err());
        CliRunner threads = CliRunner.run("run", spec.toString(), "--threads", "0", "--out", tmp.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, threads.exitCode());
        CliRunner resume = CliRunner.run("run", spec.toString(), "--resume", "--out", tmp.resolve("o").toString());
        assertEquals(ExitCodes.BAD_INPUT, resume.exitCode());
        assertTrue(resume.err().contains("nothing to resume"), resume.err());
    }
}
