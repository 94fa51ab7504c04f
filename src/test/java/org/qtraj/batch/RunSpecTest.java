package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.errors.InvalidInputException;

class RunSpecTest {
    private static final String METHODS = "methods: [{method: exact, solver: auto}]\n";

    @Test
    void parsesTheIssueExample() {
        RunSpec s = RunFiles.spec("""
                name: fig2-quantum
                seed: 12345
                model: {omega: 1, coupling: 1, baths: {left: {rate: 1, temperature: 1}, right: {rate: 1, temperature: 0}}}
                sweep:
                  mode: product
                  parameters:
                    sites: {log_range: [2, 1000, 20], integer: true}
                    dephasing: {values: [0, 0.1, 0.5, 5]}
                disorder: {samples: 100, seed: 7, omega: [0, 1], coupling: [0, 1]}
                methods:
                  - {method: exact, solver: auto}
                  - {method: exact, solver: rate}
                observables: [heat_current, particle_current]
                """);
        assertEquals("fig2-quantum", s.name());
        assertEquals(12345, s.seed());
        assertEquals(List.of("sites", "dephasing"), s.sweep().names());
        assertEquals(100, s.disorder().samples());
        assertEquals(List.of("exact:auto", "exact:rate"), s.methods().stream().map(MethodEntry::label).toList());
        assertEquals(List.of("heat_current", "particle_current"), s.observables());
        assertEquals(64, s.sha256().length());
    }

    /** log_range [2, 1000, 40] rounded: computed here independently, then duplicates dropped (2, 3, 4 repeat). */
    @Test
    void integerLogRangeIsRoundedAndDeduplicated() {
        RunSpec s = RunFiles.spec("sweep: {parameters: {sites: {log_range: [2, 1000, 40], integer: true}}}\n" + METHODS);
        LinkedHashSet<Double> expected = new LinkedHashSet<>();
        for (int i = 0; i < 40; i++) {
            expected.add((double) Math.round(Math.exp(Math.log(2) + (Math.log(1000) - Math.log(2)) * i / 39.0)));
        }
        double[] values = s.sweep().axes().get(0).values();
        assertArrayEquals(expected.stream().mapToDouble(Double::doubleValue).toArray(), values);
        assertEquals(2, values[0]);
        assertEquals(1000, values[values.length - 1]);
        assertTrue(values.length < 40, "small N values repeat after rounding");
        for (int i = 1; i < values.length; i++) {
            assertTrue(values[i] > values[i - 1]);
        }
        assertEquals(Long.valueOf(2), s.sweep().points().get(0).parameters().get("sites"));
    }

    @Test
    void linearRangeHasExactEndpoints() {
        RunSpec s = RunFiles.spec("sweep: {parameters: {temp_left: {range: [0.1, 0.7, 4]}}}\n" + METHODS);
        double[] v = s.sweep().axes().get(0).values();
        assertEquals(4, v.length);
        assertEquals(0.1, v[0]);
        assertEquals(0.7, v[3]);
        assertEquals(0.3, v[1], 1e-15);
        RunSpec n = RunFiles.spec("sweep: {parameters: {sites: {range: [2, 41, 40]}}}\n" + METHODS);
        assertEquals(Long.valueOf(17), n.sweep().points().get(15).parameters().get("sites"), "integer steps stay integers");
    }

    @Test
    void productIsRowMajorAndZipPairs() {
        RunSpec p = RunFiles.spec("sweep: {parameters: {sites: {values: [2, 3]}, dephasing: {values: [0, 1, 2]}}}\n" + METHODS);
        List<String> got = new ArrayList<>();
        p.sweep().points().forEach(pt -> got.add(pt.index() + ":" + pt.parameters()));
        assertEquals(List.of("0:{sites=2, dephasing=0.0}", "1:{sites=2, dephasing=1.0}", "2:{sites=2, dephasing=2.0}",
                "3:{sites=3, dephasing=0.0}", "4:{sites=3, dephasing=1.0}", "5:{sites=3, dephasing=2.0}"), got);
        RunSpec z = RunFiles.spec("sweep: {mode: zip, parameters: {sites: {values: [2, 3, 4]}, dephasing: {values: [0, 1, 2]}}}\n"
                + METHODS);
        got.clear();
        z.sweep().points().forEach(pt -> got.add(pt.index() + ":" + pt.parameters()));
        assertEquals(List.of("0:{sites=2, dephasing=0.0}", "1:{sites=3, dephasing=1.0}", "2:{sites=4, dephasing=2.0}"), got);
    }

    /** The example in runs/ stays valid: 20 N values x 4 dephasing rates x 2 methods. */
    @Test
    void theExampleSpecInRunsPlans() {
        RunSpec s = RunSpec.load(java.nio.file.Path.of("runs/example-sweep.yaml"));
        RunPlan plan = RunPlan.of(s, Shard.ALL);
        assertEquals(80, plan.totalPoints());
        assertEquals(160, plan.tasks().size());
    }

    @Test
    void noSweepIsOnePoint() {
        RunSpec s = RunFiles.spec(METHODS);
        assertEquals(1, s.sweep().size());
        assertEquals(List.of("heat_current", "particle_current"), s.observables());
    }

    @Test
    void sweptValuesReachTheChain() {
        RunSpec s = RunFiles.spec("""
                model: {sites: 3, omega: [1, 2, 3]}
                sweep: {mode: zip, parameters: {sites: {values: [5]}, omega: {values: [1.5]}, coupling: {values: [0.5]},
                  anisotropy: {values: [0.25]}, dephasing: {values: [0.1]}, hopping: {values: [2]}, rate_left: {values: [3]},
                  rate_right: {values: [4]}, temp_left: {values: [5]}, temp_right: {values: [6]}}}
                methods: [{method: exact, solver: rate}]
                """);
        RunPlan plan = RunPlan.of(s, Shard.ALL);
        org.qtraj.model.Chain c = plan.tasks().get(0).model().build();
        assertEquals(5, c.sites());
        assertEquals(1.5, c.omega(4));
        assertEquals(0.5, c.coupling(3));
        assertEquals(0.25, c.anisotropy(0));
        assertEquals(0.1, c.dephasing(2));
        assertEquals(2, c.hopping(1));
        assertEquals(3, c.left().rate());
        assertEquals(4, c.right().rate());
        assertEquals(5, c.left().temperature());
        assertEquals(6, c.right().temperature());
        assertEquals(4, c.right().site(), "the right bath follows N");
    }

    /** Each bad spec is refused at parse time with the offending key in the message. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "speed: 3                                                                   | speed",
        "seed: 1.5                                                                  | seed",
        "model: {omega: [1, 2], sitez: 3}                                           | model.sitez",
        "model: {baths: {left: {rate: x}}}                                          | model.baths.left.rate",
        "sweep: {mode: spiral, parameters: {sites: {values: [2]}}}                  | sweep.mode",
        "sweep: {parameters: {size: {values: [2]}}}                                 | sweep.parameters.size",
        "sweep: {parameters: {sites: {values: [2], step: 1}}}                       | sweep.parameters.sites.step",
        "sweep: {parameters: {sites: {values: [2], range: [2, 4, 3]}}}              | sweep.parameters.sites",
        "sweep: {parameters: {sites: {values: [2.5]}}}                              | sweep.parameters.sites",
        "sweep: {parameters: {sites: {values: []}}}                                 | sweep.parameters.sites.values",
        "sweep: {parameters: {dephasing: {range: [0, 1, 1]}}}                       | sweep.parameters.dephasing.range",
        "sweep: {parameters: {dephasing: {range: [0, 1]}}}                          | sweep.parameters.dephasing.range",
        "sweep: {parameters: {dephasing: {range: [1, 1, 5]}}}                       | sweep.parameters.dephasing.range",
        "sweep: {parameters: {dephasing: {range: [0, 1, 2.5]}}}                     | sweep.parameters.dephasing.range[3]",
        "sweep: {parameters: {dephasing: {log_range: [0, 1, 5]}}}                   | sweep.parameters.dephasing.log_range",
        "sweep: {parameters: {dephasing: {log_range: [1, -5, 5]}}}                  | sweep.parameters.dephasing.log_range",
        "sweep: {parameters: {dephasing: {range: [0, '1e999', 5]}}}                 | sweep.parameters.dephasing.range[2]",
        "sweep: {parameters: {dephasing: {values: [0, x]}}}                         | sweep.parameters.dephasing.values[2]",
        "sweep: {mode: zip, parameters: {sites: {values: [2, 3]}, dephasing: {values: [0, 1, 2]}}} | sweep.parameters.dephasing",
        "disorder: {seed: 1, omega: [0, 1]}                                         | disorder.samples",
        "disorder: {samples: 0, seed: 1, omega: [0, 1]}                             | disorder.samples",
        "disorder: {samples: 3, omega: [0, 1]}                                      | disorder.seed",
        "disorder: {samples: 3, seed: 1, omega: [1, 0]}                             | disorder.omega",
        "disorder: {samples: 3, seed: 1, temperature: [1, 2]}                       | disorder.temperature",
        "disorder: {samples: 3, seed: 1}                                            | disorder",
        "observables: [heat_currant]                                                | observables[1]",
        "observables: []                                                            | observables",
        "observables: [heat_current, heat_current]                                  | observables[2]",
        "methods: []                                                                | methods",
        "methods: [{solver: auto}]                                                  | methods[1].method",
        "methods: [{method: magic}]                                                 | methods[1].method",
        "methods: [{method: exact, solver: auto, target_error: 0.1}]                | methods[1].target_error",
        "methods: [{method: exact}, {method: exact}]                                | methods[2].label",
        "methods: [{method: exact, label: 'a,b'}]                                   | methods[1].label",
        "methods: [{method: trajectories, target_error: -1}]                        | methods[1].target_error",
        "methods: [{method: trajectories, trajectories: 0}]                         | methods[1].trajectories",
        "methods: [{method: classical, t_total: 10, t_burn: 10}]                    | methods[1].t_burn",
        "methods: [{method: classical, seed: 1.5}]                                  | methods[1].seed",
        "methods: [{method: trajectories, speed: 1}]                                | methods[1].speed",
    })
    void badSpecsNameTheKey(String yaml, String key) {
        String text = yaml.trim() + "\n" + (yaml.startsWith("methods") ? "" : METHODS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunFiles.spec(text));
        assertEquals(key.trim(), e.field(), e.getMessage());
    }

    @Test
    void disorderedParameterCannotAlsoBeSwept() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunFiles.spec(
                "sweep: {parameters: {omega: {values: [1, 2]}}}\ndisorder: {samples: 2, seed: 1, omega: [0, 1]}\n" + METHODS));
        assertEquals("disorder.omega", e.field());
    }

    @Test
    void notValidYamlIsRefusedWithTheLine() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunFiles.spec("sweep: [\n"));
        assertEquals("spec", e.field());
        assertTrue(e.getMessage().contains("line"), e.getMessage());
    }

    /** The stochastic methods parse (with their parameters) but are refused when the plan is built. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{method: trajectories, target_error: 0}                 | methods[2].target_error",
        "{method: classical, target_error: x}                    | methods[2].target_error",
        "{method: trajectories, trajectories: 0}                 | methods[2].trajectories",
        "{method: classical, t_total: 5, t_burn: 5}              | methods[2].t_burn",
        "{method: trajectories, t_burn: 5}                       | methods[2].t_burn",
        "{method: trajectories, trajectories: 2.5}               | methods[2].trajectories",
        "{method: trajectories, trajectories: many}              | methods[2].trajectories",
        "{method: trajectories, trajectories: 1e30}              | methods[2].trajectories",
    })
    void ensembleMethodsCheckTheirNumbers(String entry, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> RunPlan.of(RunFiles.spec("methods: [{method: exact}, " + entry + "]\n"), Shard.ALL));
        assertEquals(field.trim(), e.field());
    }

    /** Integers may be written as YAML text ("21", or 1e4, which YAML 1.1 reads as text) or as integral floats. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1e4 | 10000", "'\"21\"' | 21", "2.0e3 | 2000", "7 | 7"})
    void integersMayBeWrittenAsTextOrIntegralFloats(String written, long value) {
        RunSpec spec = RunFiles.spec("methods: [{method: classical, trajectories: " + written.trim() + "}]\n");
        assertEquals(value, spec.methods().get(0).integer("trajectories").getAsLong());
    }

    /** Every point is checked before any work: a per-site list that does not fit a swept N names its key. */
    @Test
    void invalidPointFailsAtPlanTimeNamingTheKey() {
        RunSpec s = RunFiles.spec("model: {omega: [1, 1, 1]}\nsweep: {parameters: {sites: {values: [3, 4]}}}\n" + METHODS);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.of(s, new Shard(1, 2)));
        assertEquals("omega", e.field());
        assertTrue(e.getMessage().contains("point 1"), e.getMessage());
    }

    @Test
    void methodThatDoesNotApplyFailsAtPlanTime() {
        RunSpec s = RunFiles.spec("sweep: {parameters: {anisotropy: {values: [0, 1]}}}\nmethods: [{method: exact, solver: closed}]\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.of(s, Shard.ALL));
        assertEquals("methods[1].method", e.field());
        assertTrue(e.getMessage().contains("point 1"), e.getMessage());
    }

    @Test
    void badSolverNamesItsKey() {
        RunSpec s = RunFiles.spec("methods: [{method: exact, solver: magic}]\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.of(s, Shard.ALL));
        assertEquals("methods[1].solver", e.field());
    }

    @Test
    void hashIgnoresLayoutAndCommentsButNotValues() {
        String a = "seed: 1\nmethods: [{method: exact, solver: auto}]\n";
        String b = "# a comment\nmethods:\n  - solver: auto\n    method: exact\nseed: 1\n";
        String c = "seed: 2\nmethods: [{method: exact, solver: auto}]\n";
        assertEquals(RunFiles.spec(a).sha256(), RunFiles.spec(b).sha256());
        assertNotEquals(RunFiles.spec(a).sha256(), RunFiles.spec(c).sha256());
    }

    /** Disorder samples are the same realisation at every point, and differ between samples. */
    @Test
    void disorderSampleSeedsDependOnTheSampleOnly() {
        RunSpec s = RunFiles.spec("model: {sites: 5}\nsweep: {parameters: {dephasing: {values: [0, 1]}}}\n"
                + "disorder: {samples: 3, seed: 7, omega: [0, 1], coupling: [0, 1]}\nmethods: [{method: exact, solver: rate}]\n");
        RunPlan plan = RunPlan.of(s, Shard.ALL);
        assertEquals(6, plan.tasks().size());
        org.qtraj.model.Chain p0s1 = plan.tasks().get(1).model().build();
        org.qtraj.model.Chain p1s1 = plan.tasks().get(4).model().build();
        org.qtraj.model.Chain p0s2 = plan.tasks().get(2).model().build();
        assertArrayEquals(p0s1.omegas(), p1s1.omegas());
        assertArrayEquals(p0s1.couplings(), p1s1.couplings());
        assertEquals(1.0, p1s1.dephasing(0));
        assertTrue(p0s1.omega(0) != p0s2.omega(0));
        for (double w : p0s1.omegas()) {
            assertTrue(w > 0 && w <= 1, "drawn in (0, 1]: " + w);
        }
    }
}
