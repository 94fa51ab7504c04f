package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FcsCommandTest {
    @TempDir
    Path dir;

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }

    @Test
    void printsCumulantsWithErrorsExactValuesAndZ() {
        CliRunner r = CliRunner.run("fcs", "--sites", "2", "--trajectories", "60", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        for (String key : new String[] {"cumulant_1", "cumulant_2", "cumulant_3", "fano", "delete-one jackknife"}) {
            assertTrue(r.out().contains(key), key + " in\n" + r.out());
        }
        // the exact Fano factor of N = 2 (tilted Liouvillian) is printed beside the estimate
        assertTrue(r.out().contains("0.802007352"), r.out());
    }

    @Test
    void jsonDoesNotDependOnTheThreadCount() throws IOException {
        String[] base = {"fcs", "--sites", "2", "--dephasing", "0.5", "--trajectories", "30", "--window", "20", "--json"};
        JsonNode one = json(CliRunner.run(concat(base, "--threads", "1")).out());
        JsonNode two = json(CliRunner.run(concat(base, "--threads", "2")).out());
        for (JsonNode d : List.of(one, two)) {
            ((ObjectNode) d).remove(List.of("threads", "elapsed_seconds"));
        }
        assertEquals(one, two);
        assertTrue(one.get("windows_per_trajectory").asInt() > 1);
        assertTrue(one.get("z").has("cumulant_2"));
    }

    @Test
    void writesHistogramsAndPlots() throws IOException {
        Path h = dir.resolve("hist");
        CliRunner r = CliRunner.run("fcs", "--classical", "--sites", "3", "--trajectories", "40", "--threads", "1",
                "--counting-bath", "right", "--histograms", h.toString(), "--plot", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode doc = json(r.out());
        assertEquals("right", doc.get("counting_bath").asText());
        // T_right = 0: the right bath only takes excitations, so only emission -> emission waits exist
        for (String f : new String[] {"counts.csv", "counts.hlog", "waiting_times.hlog", "waiting_em_em.csv",
            "counts.png", "waiting_em_em.png"}) {
            assertTrue(Files.size(h.resolve(f)) > 0, f);
        }
        assertTrue(Files.notExists(h.resolve("waiting_abs_em.csv")));
        List<String> csv = Files.readAllLines(h.resolve("waiting_em_em.csv"));
        assertEquals("bin,bin_low,bin_high,count,density,exact", csv.get(0));
        long inCsv = csv.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[3])).sum();
        HistogramLogReader reader = new HistogramLogReader(h.resolve("waiting_times.hlog").toFile());
        EncodableHistogram e = reader.nextIntervalHistogram();
        assertEquals("em_em", e.getTag());
        assertEquals(inCsv, ((org.HdrHistogram.Histogram) e).getTotalCount());
        List<String> counts = Files.readAllLines(h.resolve("counts.csv"));
        assertEquals("bin,count,density", counts.get(0));
        assertEquals(40, counts.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(",")[1])).sum());
        byte[] png = Files.readAllBytes(h.resolve("counts.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void warnsWhenWindowsAreTooShort() {
        CliRunner r = CliRunner.run("fcs", "--classical", "--sites", "2", "--trajectories", "1", "--t-total", "2000",
                "--t-burn", "10", "--window", "0.5", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning"), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--window=0", "--window=-2", "--window=nan", "--window=abc", "--counting-bath=middle",
        "--trajectories=0", "--quantum --classical", "--plot", "--window=1e9"})
    void badOptionsExitTwo(String option) {
        CliRunner r = CliRunner.run(concat(new String[] {"fcs", "--sites", "2", "--trajectories", "2"}, option.split(" ")));
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().startsWith("qtraj: "), r.err());
    }

    @Test
    void exactNoiseAddsTheCumulants() throws IOException {
        JsonNode q = json(CliRunner.run("exact", "--sites", "3", "--noise", "--json").out());
        // the Fano factor of the uniform XX chain at gamma = 0 for N >= 3 (tilted Liouvillian, main)
        assertEquals(0.78767714, q.get("fano").asDouble(), 1e-8);
        assertEquals(q.get("particle_current").asDouble(), q.get("cumulant_1").asDouble(), 1e-9);
        assertTrue(q.has("cumulant_3"));
        JsonNode c = json(CliRunner.run("exact", "--sites", "4", "--method", "rate", "--noise", "--json").out());
        assertEquals(0.84082093, c.get("fano").asDouble(), 1e-8);
        JsonNode right = json(CliRunner.run("exact", "--sites", "4", "--method", "rate", "--noise", "--json",
                "--counting-bath", "right").out());
        // in the steady state the right bath takes what the left one gives: kappa_1 changes sign, kappa_2 does not
        assertEquals(-c.get("cumulant_1").asDouble(), right.get("cumulant_1").asDouble(), 1e-9);
        assertEquals(c.get("cumulant_2").asDouble(), right.get("cumulant_2").asDouble(), 1e-9);
        JsonNode plain = json(CliRunner.run("exact", "--sites", "3", "--json").out());
        assertTrue(!plain.has("fano"));
    }

    @Test
    void exactNoiseRefusesWhatTheGeneratorsRefuse() {
        assertEquals(2, CliRunner.run("exact", "--sites", "20", "--method", "rate", "--noise").exitCode());
        assertEquals(2, CliRunner.run("exact", "--sites", "30", "--noise").exitCode());
        assertEquals(2, CliRunner.run("exact", "--sites", "3", "--noise", "--counting-bath", "up").exitCode());
    }

    private static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
