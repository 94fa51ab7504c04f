package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;

/**
 * Sweeping the bath occupations {@code s_left}/{@code s_right} of a run spec. The references are written here
 * from PHYSICS.md alone: s = nbar/(2 nbar + 1) with nbar = 1/(exp(omega/T) - 1) is the Fermi function
 * s = 1/(exp(omega/T) + 1), so the temperature a sweep must set is T = omega/ln(1/s - 1) (T = 0 at s = 0; s = 1/2
 * would be T = infinity), with omega that of the bath's own site; and gamma = G (2 nbar + 1) = G/(1 - 2 s).
 */
class OccupationSweepTest {
    private static final Provenance PROV = new Provenance("test", null, "17");

    @TempDir
    Path tmp;

    /**
     * T = omega/ln(1/s - 1), the inverse of s = 1/(exp(omega/T) + 1); ln(1/s - 1) is written as
     * log1p((1 - 2 s)/s), which keeps its digits for s near 1/2 where 1/s - 1 is near 1.
     */
    private static double temperature(double omega, double s) {
        return s == 0 ? 0 : omega / Math.log1p((1 - 2 * s) / s);
    }

    /** s = 1/(exp(omega/T) + 1); 0 at T = 0. */
    private static double fermi(double omega, double t) {
        return t == 0 ? 0 : 1 / (Math.exp(omega / t) + 1);
    }

    private static void assertTemperature(double omega, double s, double got, String where) {
        double expected = temperature(omega, s);
        if (s == 0) {
            assertEquals(0.0, got, where + ": s = 0 is T = 0 exactly");
        } else {
            assertEquals(expected, got, 1e-12 * expected, where);
        }
        assertEquals(s, fermi(omega, got), 1e-12 * Math.max(s, 1e-300), where + ": occupation at the set T");
    }

    /**
     * Every point of a product sweep over (s_left, s_right) gets baths at the temperatures that give those
     * occupations, each from the omega of its own bath's site (here 0.5 on site 1, 3 on site 3).
     */
    @Test
    void sweptOccupationsSetTheTemperaturesFromEachBathsOwnOmega() {
        RunSpec spec = RunFiles.spec("""
                model: {sites: 3, omega: [0.5, 1, 3], baths: {left: {temperature: 7}, right: {temperature: 7}}}
                sweep: {parameters: {s_left: {values: [0, 1e-6, 0.1, 0.25, 0.4999]}, s_right: {range: [0.05, 0.45, 3]}}}
                methods: [{method: exact, solver: rate}]
                """);
        RunPlan plan = RunPlan.of(spec, Shard.ALL);
        assertEquals(15, plan.tasks().size());
        assertEquals(List.of("s_left", "s_right"), spec.sweep().names());
        double[] right = {0.05, 0.25, 0.45};
        for (Task t : plan.tasks()) {
            int p = t.point().index();
            double sl = t.point().parameters().get("s_left").doubleValue();
            double sr = t.point().parameters().get("s_right").doubleValue();
            assertEquals(right[p % 3], sr, 1e-15, "product: s_right varies fastest");
            Chain c = t.model().build();
            assertTemperature(0.5, sl, c.left().temperature(), "left, point " + p);
            assertTemperature(3, sr, c.right().temperature(), "right, point " + p);
            // The chain's own view agrees: s_j of the bath at its site's omega.
            assertEquals(sl, c.left().s(c.omega(0)), 1e-12);
            assertEquals(sr, c.right().s(c.omega(2)), 1e-12);
            assertEquals(1.0, c.left().rate(), "the rates are not touched");
        }
    }

    /**
     * s is turned into T after every other swept value, whatever the spec order: the swept N moves the right bath
     * to site 4 and the swept omega is the one that counts. A bath on an inner site uses that site's omega.
     */
    @Test
    void occupationUsesTheSweptOmegaAndTheBathSite() {
        RunSpec s = RunFiles.spec("""
                model: {omega: 1}
                sweep: {mode: zip, parameters: {s_right: {values: [0.2, 0.3]}, s_left: {values: [0.1, 0.4]},
                  omega: {values: [2.5, 0.25]}, sites: {values: [4, 5]}}}
                methods: [{method: exact, solver: rate}]
                """);
        List<Task> tasks = RunPlan.of(s, Shard.ALL).tasks();
        Chain c0 = tasks.get(0).model().build();
        assertEquals(4, c0.sites());
        assertEquals(3, c0.right().site());
        assertTemperature(2.5, 0.2, c0.right().temperature(), "point 0 right");
        assertTemperature(2.5, 0.1, c0.left().temperature(), "point 0 left");
        Chain c1 = tasks.get(1).model().build();
        assertTemperature(0.25, 0.3, c1.right().temperature(), "point 1 right");
        assertTemperature(0.25, 0.4, c1.left().temperature(), "point 1 left");

        RunSpec inner = RunFiles.spec("""
                model: {omega: [1, 2, 3], baths: {left: {site: 3}, right: {site: 2}}}
                sweep: {parameters: {s_left: {values: [0.15]}, s_right: {values: [0.35]}}}
                methods: [{method: exact, solver: rate}]
                """);
        Chain c = RunPlan.of(inner, Shard.ALL).tasks().get(0).model().build();
        assertTemperature(3, 0.15, c.left().temperature(), "left bath on site 3");
        assertTemperature(2, 0.35, c.right().temperature(), "right bath on site 2");
    }

    /**
     * With a disorder ensemble that draws omega, s is turned into T from each sample's own drawn omega of the bath
     * site, so that every sample's bath has the swept occupation (and samples get different temperatures).
     */
    @Test
    void occupationUsesEachDisorderSamplesOwnOmega() {
        RunSpec s = RunFiles.spec("""
                model: {sites: 3}
                sweep: {parameters: {s_left: {values: [0.1, 0.3]}, s_right: {values: [0.05]}}}
                disorder: {samples: 4, seed: 11, omega: [0.2, 3]}
                methods: [{method: exact, solver: rate}]
                """);
        java.util.Set<Double> temperatures = new java.util.HashSet<>();
        for (Task t : RunPlan.of(s, Shard.ALL).tasks()) {
            Chain c = t.model().build();
            double sl = ((Number) t.point().parameters().get("s_left")).doubleValue();
            String where = "point " + t.key().point() + " sample " + t.key().sample();
            assertTemperature(c.omega(c.left().site()), sl, c.left().temperature(), where + " left");
            assertTemperature(c.omega(c.right().site()), 0.05, c.right().temperature(), where + " right");
            temperatures.add(c.left().temperature());
        }
        assertEquals(8, temperatures.size(), "each sample and point its own temperature");
    }

    /**
     * The edges of the allowed range: s = 0 is T = 0 exactly (nbar = 0, no absorption), an s just below 1/2 is a
     * large finite T (up to T = 1e6 omega, Chain.MAX_SCALE: s = 0.4999997 gives T = 8.3e5), a tiny s a small
     * positive T; s = 1/2 (T = infinity) and s = 0.49999999 (T = 2.5e7) are refused.
     */
    @Test
    void edgesOfTheAllowedRange() {
        RunSpec s = RunFiles.spec("""
                model: {sites: 2}
                sweep: {mode: zip, parameters: {s_left: {values: [0, 0.4999997, 1e-300]}, s_right: {values: [0, 1e-12, 0.4999997]}}}
                methods: [{method: exact, solver: rate}]
                """);
        List<Task> tasks = RunPlan.of(s, Shard.ALL).tasks();
        Chain zero = tasks.get(0).model().build();
        assertEquals(0.0, zero.left().temperature());
        assertEquals(0.0, zero.right().temperature());
        assertEquals(0.0, zero.left().absorptionRate(1));
        Chain hot = tasks.get(1).model().build();
        assertTemperature(1, 0.4999997, hot.left().temperature(), "s just below 1/2");
        assertTrue(hot.left().temperature() > 8e5, "T ~ 1/(4 (1/2 - s)) " + hot.left().temperature());
        InvalidInputException tooHot = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec("""
                model: {sites: 2}
                sweep: {parameters: {s_left: {values: [0.49999999]}}}
                methods: [{method: exact, solver: rate}]
                """), Shard.ALL));
        assertEquals("sweep.parameters.s_left", tooHot.field(), tooHot.getMessage());
        assertTemperature(1, 1e-12, hot.right().temperature(), "s = 1e-12");
        Chain tiny = tasks.get(2).model().build();
        double t = tiny.left().temperature();
        assertEquals(1 / (300 * Math.log(10)), t, 1e-12, "ln(1/s - 1) = 300 ln 10");
        assertTemperature(1, 0.4999997, tiny.right().temperature(), "s = 1/2 - 3e-7");
    }

    /**
     * Bad occupations are refused before any work (parse or plan time), naming the swept key; so is sweeping a
     * bath's occupation together with its temperature, which set the same number.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s_left: {values: [0.5]}                                     | sweep.parameters.s_left",
        "s_right: {values: [0.1, 0.6]}                               | sweep.parameters.s_right",
        "s_left: {values: [-0.01]}                                   | sweep.parameters.s_left",
        "s_left: {values: [-1e-300]}                                 | sweep.parameters.s_left",
        "s_right: {range: [0, 1, 3]}                                 | sweep.parameters.s_right",
        "s_left: {values: [0.1, x]}                                  | sweep.parameters.s_left.values[2]",
        "s_left: {values: [NaN]}                                     | sweep.parameters.s_left.values[1]",
        "s_right: {values: [Infinity]}                               | sweep.parameters.s_right.values[1]",
        "s_left: {values: [[0.1]]}                                   | sweep.parameters.s_left.values[1]",
        "s_left: 0.1                                                 | sweep.parameters.s_left",
        "s_left: {log_range: [0, 0.4, 3]}                            | sweep.parameters.s_left.log_range",
        "s_left: {values: [0.1], step: 2}                            | sweep.parameters.s_left.step",
        "s_lft: {values: [0.1]}                                      | sweep.parameters.s_lft",
        "s_left: {values: [0.1]}, temp_left: {values: [1]}           | sweep.parameters.s_left",
        "temp_right: {values: [1, 2]}, s_right: {values: [0.1, 0.2]} | sweep.parameters.s_right",
    })
    void badOccupationsAreRefusedNamingTheKey(String parameters, String key) {
        String yaml = "model: {sites: 2}\nsweep: {parameters: {" + parameters.trim() + "}}\n"
                + "methods: [{method: exact, solver: rate}]\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec(yaml), Shard.ALL));
        assertEquals(key.trim(), e.field(), e.getMessage());
    }

    /** An out-of-range s says what is allowed, and is found at a point of another shard too. */
    @Test
    void rangeRefusalSaysWhatIsAllowed() {
        RunSpec s = RunFiles.spec("model: {sites: 2}\nsweep: {parameters: {s_left: {values: [0.1, 0.2, 0.75]}}}\n"
                + "methods: [{method: exact, solver: rate}]\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.of(s, new Shard(1, 3)));
        assertEquals("sweep.parameters.s_left", e.field());
        assertTrue(e.getMessage().contains("[0, 0.5)") && e.getMessage().contains("0.75"), e.getMessage());
        assertTrue(e.getMessage().contains("(at point 2 {s_left=0.75})"), e.getMessage());
    }

    /** A swept s on one bath and a swept temperature on the other is fine: they set different baths. */
    @Test
    void occupationOfOneBathAndTemperatureOfTheOtherMix() {
        RunSpec s = RunFiles.spec("model: {sites: 2}\nsweep: {parameters: {s_left: {values: [0.3]}, temp_right: {values: [0.7]}}}\n"
                + "methods: [{method: exact, solver: rate}]\n");
        Chain c = RunPlan.of(s, Shard.ALL).tasks().get(0).model().build();
        assertTemperature(1, 0.3, c.left().temperature(), "left from s");
        assertEquals(0.7, c.right().temperature());
    }

    /**
     * End to end through the batch runner: at every swept (s_left, s_right) the classical rate solver gives
     * I = (s_left - s_right)/(1/gamma_1 + (N - 1)/V + 1/gamma_N) and the closed form gives the paper's
     * J = omega 4 g^2 gamma_1 gamma_N (s_1 - s_N)/((gamma_1 + gamma_N)(4 g^2 + gamma_1 gamma_N)), with
     * gamma_j = G_j/(1 - 2 s_j), all computed here from the swept values.
     */
    @Test
    void batchRunGivesTheClosedFormCurrentsAtEverySweptOccupation() throws IOException {
        double omega = 1.3;
        double g = 0.8;
        double v = 0.7;
        double gl = 0.9;
        double gr = 1.6;
        int n = 4;
        String yaml = """
                seed: 1
                model: {sites: 4, omega: 1.3, coupling: 0.8, hopping: 0.7, baths: {left: {rate: 0.9, temperature: 5}, right: {rate: 1.6}}}
                sweep: {parameters: {s_left: {values: [0, 0.1, 0.3, 0.45]}, s_right: {values: [0, 0.2, 0.49]}}}
                methods: [{method: exact, solver: rate, label: classical}, {method: exact, solver: closed}]
                observables: [particle_current, heat_current]
                """;
        Path out = tmp.resolve("out");
        BatchRunner.Summary summary = BatchRunner.run(RunPlan.of(RunFiles.spec(yaml), Shard.ALL), new BatchRunner.Options(
                out, false, 1, PROV, BatchRunner.Progress.NONE, Checkpoint.DEFAULT_INTERVAL_NANOS));
        assertEquals(24, summary.ran());
        List<JsonNode> records = RunFiles.jsonlWithoutTimings(out);
        assertEquals(24, records.size());
        int checked = 0;
        for (JsonNode r : records) {
            double sl = r.get("parameters").get("s_left").asDouble();
            double sr = r.get("parameters").get("s_right").asDouble();
            double gamma1 = gl / (1 - 2 * sl);
            double gammaN = gr / (1 - 2 * sr);
            String method = r.get("method").asText();
            if (method.equals("classical")) {
                double expected = (sl - sr) / (1 / gamma1 + (n - 1) / v + 1 / gammaN);
                double got = r.get("observables").get("particle_current").get("value").asDouble();
                assertEquals(expected, got, 1e-13 + 1e-12 * Math.abs(expected), "classical at " + sl + ", " + sr);
                assertEquals(omega * expected, r.get("observables").get("heat_current").get("value").asDouble(),
                        1e-13 + 1e-12 * Math.abs(expected));
            } else {
                assertEquals("exact:closed", method);
                double expected = omega * 4 * g * g * gamma1 * gammaN * (sl - sr)
                        / ((gamma1 + gammaN) * (4 * g * g + gamma1 * gammaN));
                double got = r.get("observables").get("heat_current").get("value").asDouble();
                assertEquals(expected, got, 1e-13 + 1e-12 * Math.abs(expected), "closed at " + sl + ", " + sr);
            }
            checked++;
        }
        assertEquals(24, checked);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("point,sample,s_left,s_right,method,observable,value,error,samples,elapsed_seconds", csv.get(0));
        assertTrue(csv.get(1).startsWith("0,0,0.0,0.0,classical,particle_current,0.0,"), csv.get(1));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("11,0,0.45,0.49,exact:closed,heat_current,-")),
                "s_left < s_right runs backwards");
    }
}
