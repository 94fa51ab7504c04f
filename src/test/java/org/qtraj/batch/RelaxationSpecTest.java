package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.errors.InvalidInputException;

/** Relaxation curves in run specs: sampled (trajectories, classical) beside exact (relaxation), kept by pattern. */
class RelaxationSpecTest {
    static final String SPEC = """
            name: relax
            seed: 21
            model: {dephasing: 0.5}
            sweep: {parameters: {sites: {values: [2, 3]}}}
            methods:
              - {method: trajectories, trajectories: 800, times: {range: [0, 8, 5]}, label: q}
              - {method: relaxation, times: {range: [0, 8, 5]}, label: q_exact}
              - {method: classical, trajectories: 800, times: [0, 2, 4, 6, 8], label: c}
              - {method: relaxation, solver: rate, times: [0, 2, 4, 6, 8], label: c_exact}
            observables: [heat_current, population_*]
            """;

    @TempDir
    Path tmp;

    /**
     * Every sampled n_k(t_j) against its exact value at the same point: |z| < 4 (false alarm about 6e-5 each; 2 x
     * (2 + 3) x 4 = 40 random values, so about 2.5e-3 for the test), fixed seed. t = 0 is exact.
     */
    @Test
    void sampledCurvesAgreeWithTheExactOnesAndAreKeptByPattern() throws IOException {
        Path out = tmp.resolve("out");
        BatchRunnerTest.run(RunPlan.of(RunFiles.spec(SPEC), Shard.ALL), out, 2);
        Map<String, JsonNode> byKey = new HashMap<>();
        for (JsonNode r : RunFiles.jsonlWithoutTimings(out)) {
            byKey.put(r.get("point").asInt() + "/" + r.get("method").asText(), r.get("observables"));
        }
        int compared = 0;
        for (int point = 0; point < 2; point++) {
            int sites = point + 2;
            for (String[] pair : new String[][] {{"q", "q_exact"}, {"c", "c_exact"}}) {
                JsonNode sampled = byKey.get(point + "/" + pair[0]);
                JsonNode exact = byKey.get(point + "/" + pair[1]);
                for (int j = 0; j < 5; j++) {
                    for (int k = 1; k <= sites; k++) {
                        String name = "population_" + k + "_at_" + j;
                        double m = sampled.get(name).get("value").asDouble();
                        double e = sampled.get(name).get("error").asDouble();
                        double x = exact.get(name).get("value").asDouble();
                        if (j == 0) {
                            assertEquals(0.0, m, 0.0, "all-ground start");
                            assertEquals(0.0, x, 1e-15);
                            continue;
                        }
                        assertTrue(Math.abs(m - x) < 4 * e, pair[0] + " " + name + " at N = " + sites + ": " + m
                                + " +- " + e + " vs " + x);
                        compared++;
                    }
                }
            }
        }
        assertEquals(40, compared);
        // the pattern keeps the steady-state populations too, and heat_current first
        JsonNode q = byKey.get("0/q");
        assertEquals("heat_current", q.fieldNames().next());
        assertTrue(q.has("population_1") && q.has("population_2_at_4"));
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertTrue(csv.stream().anyMatch(l -> l.contains(",q_exact,population_3_at_4,")), "csv rows of the exact curves");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{method: relaxation}                                          | methods[1].times",
        "{method: relaxation, times: [0, 1], solver: closed}           | methods[1].solver",
        "{method: relaxation, times: [1, 0.5]}                         | methods[1].times",
        "{method: relaxation, times: [0]}                              | methods[1].times",
        "{method: relaxation, times: {range: [0, 5, 1]}}               | methods[1].times.range",
        "{method: relaxation, times: [0, 1], initial_state: 1000}      | methods[1].initial_state",
        "{method: relaxation, times: [0, 1], initial_state: '10a0'}    | methods[1].initial_state",
        "{method: trajectories, times: [0, 9], t_total: 5}             | methods[1].times",
        "{method: relaxation, times: [0, 1], initial_state: '10000'}   | methods[1].method",
    })
    void badRelaxationEntriesNameTheKey(String entry, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunPlan.of(RunFiles.spec("model: {sites: 4}\nmethods: [" + entry + "]\n"), Shard.ALL));
        assertEquals(field.trim(), e.field(), e.getMessage());
    }

    @Test
    void observablePatternsAreChecked() {
        assertEquals("observables[2]", assertThrows(InvalidInputException.class,
                () -> RunFiles.spec("methods: [{method: exact}]\nobservables: [heat_current, bogus]\n")).field());
        assertEquals("observables[1]", assertThrows(InvalidInputException.class,
                () -> RunFiles.spec("methods: [{method: exact}]\nobservables: ['*']\n")).field());
        RunSpec ok = RunFiles.spec("methods: [{method: exact}]\nobservables: [population_2, population_1_at_3, cumulant_*]\n");
        assertEquals(List.of("population_2", "population_1_at_3", "cumulant_*"), ok.observables());
    }
}
