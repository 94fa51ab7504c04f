package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.qtraj.exact.EntanglementSearchTest;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.exact.sector.TraceFixedSolver;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The run-spec side of {@code {method: entanglement_search, ...}} (paper Fig. 4): its keys, its refusal of
 * chains other than N = 2, and what a batch run records. The search itself is in {@link EntanglementSearchTest}.
 */
class EntanglementSearchSpecTest {
    private static final Provenance PROV = new Provenance("test", null, "17");

    @TempDir
    Path tmp;

    /**
     * Each bad entry is refused before any work, naming methods[i].key (i counted from 1); an empty g range names
     * the key the entry wrote (g_max if it sets one), not a default it never mentioned.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{method: entanglement_search, rates: equal_T}                   | methods[1].rates",
        "{method: entanglement_search, rates: equal_g}                   | methods[1].rates",
        "{method: entanglement_search, rates: 1}                         | methods[1].rates",
        "{method: entanglement_search, rates: null}                      | methods[1].rates",
        "{method: entanglement_search, rates: [equal_G]}                 | methods[1].rates",
        "{method: entanglement_search, g_min: 0}                         | methods[1].g_min",
        "{method: entanglement_search, g_min: -1, g_max: 10}             | methods[1].g_min",
        "{method: entanglement_search, g_min: x}                         | methods[1].g_min",
        "{method: entanglement_search, g_min: NaN}                       | methods[1].g_min",
        "{method: entanglement_search, g_max: x}                         | methods[1].g_max",
        "{method: entanglement_search, g_max: Infinity}                  | methods[1].g_max",
        "{method: entanglement_search, g_min: 1, g_max: 1}               | methods[1].g_max",
        "{method: entanglement_search, g_min: 10, g_max: 1}              | methods[1].g_max",
        "{method: entanglement_search, g_max: 0.001}                     | methods[1].g_max",
        "{method: entanglement_search, g_max: 0}                         | methods[1].g_max",
        "{method: entanglement_search, g_min: 200}                       | methods[1].g_min",
        "{method: entanglement_search, g_points: 2}                      | methods[1].g_points",
        "{method: entanglement_search, g_points: 0}                      | methods[1].g_points",
        "{method: entanglement_search, g_points: -5}                     | methods[1].g_points",
        "{method: entanglement_search, g_points: 100001}                 | methods[1].g_points",
        "{method: entanglement_search, g_points: 2.5}                    | methods[1].g_points",
        "{method: entanglement_search, g_points: x}                      | methods[1].g_points",
        "{method: entanglement_search, g_points: 1e40}                   | methods[1].g_points",
        "{method: entanglement_search, g_step: 1}                        | methods[1].g_step",
        "{method: entanglement_search, solver: liouvillian}              | methods[1].solver",
        "{method: entanglement_search, seed: 3}                          | methods[1].seed",
        "{method: entanglement_search, rate: equal_G}                    | methods[1].rate",
        "{method: exact}, {method: entanglement_search, g_points: 2}     | methods[2].g_points",
        "{method: exact}, {method: entanglement_search, rates: gamma}    | methods[2].rates",
        "{method: entanglement_search}, {method: entanglement_search}    | methods[2].label",
    })
    void badEntriesNameTheirKey(String entries, String key) {
        String yaml = "model: {sites: 2}\nmethods: [" + entries.trim() + "]\n";
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec(yaml), Shard.ALL));
        assertEquals(key.trim(), e.field(), e.getMessage());
    }

    /** Range refusals say what is allowed and what was given. */
    @Test
    void rangeRefusalsSayWhatIsAllowed() {
        InvalidInputException points = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec(
                "model: {sites: 2}\nmethods: [{method: entanglement_search, g_points: 2}]\n"), Shard.ALL));
        assertTrue(points.getMessage().contains("got 2") && points.getMessage().contains("3"), points.getMessage());
        InvalidInputException rates = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec(
                "model: {sites: 2}\nmethods: [{method: entanglement_search, rates: equal_T}]\n"), Shard.ALL));
        assertTrue(rates.getMessage().contains("equal_gamma or equal_G") && rates.getMessage().contains("equal_T"),
                rates.getMessage());
        InvalidInputException gMax = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec(
                "model: {sites: 2}\nmethods: [{method: entanglement_search, g_max: 0.001}]\n"), Shard.ALL));
        assertTrue(gMax.getMessage().contains("0.001") && gMax.getMessage().contains("0.01 (default)"), gMax.getMessage());
    }

    /**
     * N != 2 anywhere in the sweep (also in a point of another shard) is refused when the plan is built, before
     * any unit runs, naming methods[i].method, the point and the reason; so are both baths on one site.
     */
    @Test
    void refusesAnyPointThatIsNotATwoSiteChainBeforeAnyWork() {
        RunSpec s = RunFiles.spec("sweep: {parameters: {sites: {values: [2, 3]}}}\n"
                + "methods: [{method: exact, solver: rate}, {method: entanglement_search, label: ent}]\n");
        for (Shard shard : new Shard[] {Shard.ALL, new Shard(1, 2)}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> RunPlan.of(s, shard));
            assertEquals("methods[2].method", e.field());
            assertTrue(e.getMessage().contains("ent cannot run at point 1") && e.getMessage().contains("N = 2")
                    && e.getMessage().contains("got N = 3"), e.getMessage());
        }
        Path out = tmp.resolve("never");
        assertThrows(InvalidInputException.class, () -> BatchRunner.run(RunPlan.of(s, Shard.ALL), options(out)));
        assertFalse(Files.exists(out), "nothing written");

        InvalidInputException oneSite = assertThrows(InvalidInputException.class, () -> RunPlan.of(RunFiles.spec(
                "model: {sites: 2, baths: {left: {site: 2}}}\nmethods: [{method: entanglement_search}]\n"), Shard.ALL));
        assertEquals("methods[1].method", oneSite.field());
        assertTrue(oneSite.getMessage().contains("different sites"), oneSite.getMessage());
    }

    /** T = omega/ln(1/s - 1) (s = 1/(exp(omega/T) + 1), PHYSICS.md), written stably; 0 at s = 0. */
    private static double temperature(double omega, double s) {
        return s == 0 ? 0 : omega / Math.log1p((1 - 2 * s) / s);
    }

    private static Chain twoSites(double omega, double g, double gl, double tl, double gr, double tr) {
        return Chain.of(new double[] {omega, omega}, new double[] {g}, new double[] {0}, new double[] {0, 0},
                new double[] {1}, new Bath(0, gl, tl), new Bath(1, gr, tr));
    }

    /** Concurrence of the N = 2 steady state at coupling g and bare rates (gl, gr), by the liouvillian exact method. */
    private static double concurrence(double omega, double g, double gl, double tl, double gr, double tr) {
        return ExactMethod.LIOUVILLIAN.solve(twoSites(omega, g, gl, tl, gr, tr)).extras().get("concurrence");
    }

    /**
     * The X-state witness W = 2 (|rho_{01,10}| - sqrt(rho_{00,00} rho_{11,11})) of the same steady state (Yu and
     * Eberly), from its density matrix: basis index = mask, bit k = site k excited, so |01>, |10> are 1 and 2.
     */
    private static double witness(double omega, double g, double gl, double tl, double gr, double tr) {
        double[][] rho = TraceFixedSolver.of(Liouvillian.of(twoSites(omega, g, gl, tl, gr, tr))).steadyState().x().toDense();
        return 2 * (Math.hypot(rho[0][1 * 4 + 2], rho[1][1 * 4 + 2]) - Math.sqrt(rho[0][0] * rho[0][3 * 4 + 3]));
    }

    /**
     * A small Fig. 4 run through the batch runner, on a model whose own coupling and rates (7, 3, 0.2) the search
     * must ignore. For every record: s_left/s_right and the rates it reports are those of the swept point
     * (gamma_j = G_j/(1 - 2 s_j) = 1 for equal_gamma, G_j = 1 for equal_G); the reported concurrence is the one
     * the liouvillian exact method gives for the chain rebuilt here from the reported g, rates and s, and so is the
     * witness (from that chain's steady state); no point of the coarse g grid has a larger concurrence or witness;
     * C = max(0, W) (X state). With
     * gamma_1 = gamma_N the hot-left, cold-right point is entangled; with G_1 = G_N no point is (the paper's claim).
     */
    @Test
    void batchRunRecordsAConsistentMaximum() throws IOException {
        double omega = 1.5;
        String yaml = """
                seed: 4
                model: {sites: 2, omega: 1.5, coupling: 7, baths: {left: {rate: 3}, right: {rate: 0.2}}}
                sweep: {mode: zip, parameters: {s_left: {values: [0.49, 0.3, 0.2, 0]}, s_right: {values: [0, 0.3, 0.01, 0.45]}}}
                methods:
                  - {method: entanglement_search, rates: equal_gamma, g_min: 0.01, g_max: 100, g_points: 21, label: eq_gamma}
                  - {method: entanglement_search, rates: equal_G, g_min: 0.01, g_max: 100, g_points: 21, label: eq_G}
                observables: [concurrence, entanglement_witness]
                """;
        Path out = tmp.resolve("out");
        BatchRunner.Summary summary = BatchRunner.run(RunPlan.of(RunFiles.spec(yaml), Shard.ALL), options(out));
        assertEquals(8, summary.ran());
        List<JsonNode> records = RunFiles.jsonlWithoutTimings(out);
        assertEquals(8, records.size());
        Map<String, Double> best = new HashMap<>();
        for (JsonNode r : records) {
            JsonNode res = r.get("result");
            String label = r.get("method").asText();
            boolean equalGamma = label.equals("eq_gamma");
            String where = label + " at point " + r.get("point").asInt();
            double sl = r.get("parameters").get("s_left").asDouble();
            double sr = r.get("parameters").get("s_right").asDouble();
            assertEquals("entanglement_search", res.get("method").asText());
            assertEquals(equalGamma ? "equal_gamma" : "equal_G", res.get("rates").asText(), where);
            assertEquals(sl, res.get("s_left").asDouble(), 1e-12, where);
            assertEquals(sr, res.get("s_right").asDouble(), 1e-12, where);
            double gl = res.get("rate_left").asDouble();
            double gr = res.get("rate_right").asDouble();
            // gamma_j = G_j (2 nbar_j + 1) = G_j/(1 - 2 s_j).
            assertEquals(1, equalGamma ? gl / (1 - 2 * sl) : gl, 1e-12, where + ": rate_left " + gl);
            assertEquals(1, equalGamma ? gr / (1 - 2 * sr) : gr, 1e-12, where + ": rate_right " + gr);
            double g = res.get("g_best").asDouble();
            assertTrue(g >= 0.01 * (1 - 1e-12) && g <= 100 * (1 + 1e-12), where + ": g " + g);
            assertEquals(0.01, res.get("g_min").asDouble());
            assertEquals(100, res.get("g_max").asDouble());
            assertEquals(21, res.get("g_points").asInt());
            double c = res.get("concurrence").asDouble();
            double w = res.get("witness").asDouble();
            JsonNode obs = r.get("observables");
            assertEquals(c, obs.get("concurrence").get("value").asDouble(), where);
            assertEquals(0.0, obs.get("concurrence").get("error").asDouble());
            assertEquals(0, obs.get("concurrence").get("samples").asLong());
            assertEquals(w, obs.get("entanglement_witness").get("value").asDouble(), where);

            double tl = temperature(omega, sl);
            double tr = temperature(omega, sr);
            assertEquals(concurrence(omega, g, gl, tl, gr, tr), c, 1e-9, where + ": concurrence at the reported g");
            assertEquals(witness(omega, g, gl, tl, gr, tr), w, 1e-9, where + ": witness at the reported g");
            if (c > 1e-9) {
                assertEquals(c, w, 1e-9, where + ": C = W where positive");
            } else {
                assertTrue(w <= 1e-9, where + ": witness " + w + " with C = 0");
            }
            for (int i = 0; i < 21; i++) {
                double gi = 0.01 * Math.pow(10, 4.0 * i / 20);
                assertTrue(concurrence(omega, gi, gl, tl, gr, tr) <= c + 1e-9, where + ": larger at grid g = " + gi);
                assertTrue(witness(omega, gi, gl, tl, gr, tr) <= w + 1e-9, where + ": larger witness at grid g = " + gi);
            }
            best.put(label + ":" + r.get("point").asInt(), c);
        }
        assertTrue(best.get("eq_gamma:0") > 0.03, "s = (0.49, 0) is deep in the entangled strip: " + best.get("eq_gamma:0"));
        for (int p = 0; p < 4; p++) {
            assertEquals(0.0, best.get("eq_G:" + p), 1e-12, "G_1 = G_N is never entangled, point " + p);
        }
        assertEquals(0.0, best.get("eq_gamma:1"), 1e-12, "equal occupations: equilibrium, separable");
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals("point,sample,s_left,s_right,method,observable,value,error,samples,elapsed_seconds", csv.get(0));
        assertEquals(1 + 8 * 2, csv.size());
        assertTrue(csv.get(1).startsWith("0,0,0.49,0.0,eq_gamma,concurrence,"), csv.get(1));
    }

    /** An entry with no keys: rates equal_gamma, g in [1e-2, 1e2] on 41 points, as the method documents. */
    @Test
    void defaultsOfABareEntry() throws IOException {
        RunSpec s = RunFiles.spec("model: {sites: 2}\nsweep: {parameters: {s_left: {values: [0.25]}, s_right: {values: [0.05]}}}\n"
                + "methods: [{method: entanglement_search}]\n");
        RunPlan plan = RunPlan.of(s, Shard.ALL);
        assertEquals("entanglement_search", plan.methods().get(0).label());
        Task t = plan.tasks().get(0);
        Map<String, Object> doc = t.method().run(t.model().build(), t.seed(), Checkpoint.none(), 1).details();
        assertEquals("equal_gamma", doc.get("rates"));
        assertEquals(0.01, (double) doc.get("g_min"));
        assertEquals(100.0, (double) doc.get("g_max"));
        assertEquals(41, ((Number) doc.get("g_points")).intValue());
        assertEquals(1 - 2 * 0.25, (double) doc.get("rate_left"), 1e-12);
        assertEquals(1 - 2 * 0.05, (double) doc.get("rate_right"), 1e-12);
    }

    private static BatchRunner.Options options(Path out) {
        return new BatchRunner.Options(out, false, 1, PROV, BatchRunner.Progress.NONE, Checkpoint.DEFAULT_INTERVAL_NANOS);
    }
}
