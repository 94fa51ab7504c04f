package org.qtraj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.batch.RunFiles;

/**
 * Faults in a run directory, through the real command line: a damaged line in the middle of results.jsonl or
 * blocks.jsonl, a manifest of a newer format or a damaged one, a read-only directory, a file where the directory
 * should be. Each is one line on stderr naming the file (and line) and what to do, exit code 2, and leaves every
 * file of the directory as it was; where the message says what to do, doing it is tested too. A damaged checkpoint
 * is repaired instead (discarded with a warning, its unit recomputed bit for bit). Each case copies one small
 * finished run (about 0.1 s of work).
 */
class RunDirectoryFaultsTest {
    /** 3 points; an exact method (one line each in results.jsonl) and one split into 3 blocks (blocks.jsonl). */
    private static final String SPEC = """
            name: faults
            seed: 7
            sweep: {parameters: {sites: {values: [2, 3, 4]}}}
            methods:
              - {method: exact, solver: rate}
              - {method: classical, trajectories: 60, blocks: 3}
            observables: [heat_current]
            """;

    @TempDir
    static Path shared;
    private static Path spec;
    private static Path ref;

    @TempDir
    Path tmp;

    @BeforeAll
    static void finishedRun() throws IOException {
        spec = shared.resolve("spec.yaml");
        Files.writeString(spec, SPEC);
        ref = shared.resolve("ref");
        CliRunner r = CliRunner.run("run", spec.toString(), "--out", ref.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(6, Files.readAllLines(ref.resolve("results.jsonl")).size());
        assertEquals(9, Files.readAllLines(ref.resolve("blocks.jsonl")).size());
    }

    /** A copy of the finished run. */
    private Path copy(String name) throws IOException {
        Path out = tmp.resolve(name);
        RunFiles.copy(ref, out);
        return out;
    }

    private static CliRunner run(Path out) {
        return CliRunner.run("run", spec.toString(), "--out", out.toString());
    }

    /** Exit code 2 and exactly one line on stderr, which is returned. */
    private static String refusal(CliRunner r) {
        assertEquals(ExitCodes.BAD_INPUT, r.exitCode(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        return r.err().strip();
    }

    private static void assertSameResultsAsRef(Path out) throws IOException {
        assertEquals(RunFiles.jsonlWithoutTimings(ref), RunFiles.jsonlWithoutTimings(out));
        assertEquals(RunFiles.csvWithoutTimings(ref), RunFiles.csvWithoutTimings(out));
        assertEquals(RunFiles.blocksWithoutTimings(ref), RunFiles.blocksWithoutTimings(out));
        assertEquals("complete", RunFiles.manifest(out).get("status").asText());
    }

    private static void setLine(Path file, int line, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(line - 1, text);
        Files.write(file, lines);
    }

    private static void deleteLine(Path file, int line) throws IOException {
        String text = Files.readString(file);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        lines.remove(line - 1);
        Files.writeString(file, String.join("\n", lines));
    }

    /**
     * (a) Line 3 of results.jsonl (the unit p1-s0-m0) damaged in several ways, with a torn last line behind it: the
     * run refuses before touching anything (the torn line is not cut either); deleting the line, as the message
     * says, and running again recomputes the unit and ends with the reference results.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "broken     | not JSON",
        "zeros      | not JSON",
        "joined     | not JSON",
        "empty      | not a unit record of this spec",
        "foreign    | the unit p99-s0-m0, which is not part of this run",
        "seed       | unit p1-s0-m0 with seed 1, where the plan has ",
    })
    void aDamagedResultsLineIsRefusedUntouchedAndDeletingItRepairs(String kind, String what) throws IOException {
        Path out = copy("out");
        Path jsonl = out.resolve("results.jsonl");
        List<String> lines = Files.readAllLines(jsonl);
        String line3 = lines.get(2);
        String damaged = switch (kind) {
            case "broken" -> "{\"point\": 1, broken";
            case "zeros" -> "\0\0\0\0\0\0\0\0";
            case "joined" -> line3 + line3;
            case "empty" -> "{}";
            case "foreign" -> line3.replace("\"point\":1,", "\"point\":99,");
            case "seed" -> line3.replaceFirst("\"seed\":-?[0-9]+", "\"seed\":1");
            default -> throw new IllegalArgumentException(kind);
        };
        setLine(jsonl, 3, damaged);
        Files.writeString(jsonl, Files.readString(jsonl) + "{\"point\":2,\"sam");
        SortedMap<String, String> before = RunFiles.snapshot(out);

        String err = refusal(run(out));
        assertTrue(err.startsWith("qtraj: --out: " + jsonl + " line 3 is damaged (" + what), err);
        assertTrue(err.endsWith("; the other 5 lines are intact: delete that line to recompute its unit, "
                + "or move the directory aside and run again"), err);
        assertEquals(before, RunFiles.snapshot(out), "a refusal changes nothing in the directory");
        CliRunner resume = CliRunner.run("run", spec.toString(), "--out", out.toString(), "--resume");
        assertEquals(err, refusal(resume).strip(), "--resume refuses alike");
        assertEquals(before, RunFiles.snapshot(out));

        deleteLine(jsonl, 3);
        CliRunner fixed = run(out);
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertTrue(fixed.out().contains("11 already done, 1 run now"), fixed.out());
        assertEquals("qtraj: warning: " + jsonl + " ended in a partial line, as a crash during a write leaves it; "
                + "dropped it: that unit runs again", fixed.err().strip());
        assertSameResultsAsRef(out);
    }

    /** (b) The same in blocks.jsonl: one damaged line, then two; deleting them recomputes those blocks. */
    @Test
    void damagedBlocksLinesAreRefusedUntouchedAndDeletingThemRepairs() throws IOException {
        Path out = copy("out");
        Path blocks = out.resolve("blocks.jsonl");
        setLine(blocks, 5, "{\"point\":1,\"sample\":0,\"method\":\"classical\",\"block\":1,\"blo");
        SortedMap<String, String> before = RunFiles.snapshot(out);
        assertEquals("qtraj: --out: " + blocks + " line 5 is damaged (not JSON); the other 8 lines are intact: "
                + "delete that line to recompute its block, or move the directory aside and run again", refusal(run(out)));
        assertEquals(before, RunFiles.snapshot(out));

        setLine(blocks, 8, "{\"point\":2,\"sample\":0,\"method\":\"classical\",\"block\":7,\"state\":{}}");
        before = RunFiles.snapshot(out);
        assertEquals("qtraj: --out: " + blocks + " lines 5 and 8 are damaged (line 5: not JSON); the other 7 lines are "
                + "intact: delete those lines to recompute their blocks, or move the directory aside and run again",
                refusal(run(out)));
        assertEquals(before, RunFiles.snapshot(out));

        deleteLine(blocks, 8);
        deleteLine(blocks, 5);
        CliRunner fixed = run(out);
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertTrue(fixed.out().contains("10 already done, 2 run now"), fixed.out());
        assertSameResultsAsRef(out);
    }

    /**
     * (b) A block line that reads as a block record of the plan but whose state is damaged inside: found when the
     * unit's blocks are combined into its record, before anything is written; deleting the unit's block lines, as
     * the message says, recomputes them.
     */
    @Test
    void blocksThatDoNotCombineAreRefusedUntouchedAndDeletingThemRepairs() throws IOException {
        Path out = copy("out");
        Path blocks = out.resolve("blocks.jsonl");
        deleteLine(out.resolve("results.jsonl"), 4); // p1-s0-m1: its blocks are combined when the run opens
        List<String> lines = Files.readAllLines(blocks);
        setLine(blocks, 5, lines.get(4).replaceFirst("\"state\":\\{.*\\},\"elapsed_seconds\"", "\"state\":{},\"elapsed_seconds\""));
        SortedMap<String, String> before = RunFiles.snapshot(out);
        assertEquals("qtraj: --out: " + blocks + " lines 4, 5 and 6 (the blocks of p1-s0-m1) do not combine (classical: "
                + "state 1 is not block 1 of 3 of this point): delete those lines to recompute the blocks, or move the "
                + "directory aside and run again", refusal(run(out)));
        assertTrue(refusal(CliRunner.run("status", out.toString())).contains("(the blocks of p1-s0-m1) do not combine"));
        assertEquals(before, RunFiles.snapshot(out));

        for (int line = 6; line >= 4; line--) {
            deleteLine(blocks, line);
        }
        CliRunner fixed = run(out);
        assertEquals(0, fixed.exitCode(), fixed.err());
        assertTrue(fixed.out().contains("9 already done, 3 run now"), fixed.out());
        assertSameResultsAsRef(out);
    }

    /**
     * (d) A manifest written by a newer qtraj (a higher format_version) is refused by run, status and merge with
     * both format versions and the writer's version named; a damaged manifest is refused too.
     */
    @Test
    void aManifestOfANewerFormatOrADamagedOneIsRefused() throws IOException {
        Path out = copy("newer");
        Path manifest = out.resolve("manifest.json");
        String text = Files.readString(manifest);
        assertTrue(text.contains("\"format_version\" : 1,"), text);
        Files.writeString(manifest, text.replace("\"format_version\" : 1,", "\"format_version\" : 2,")
                .replace("\"qtraj_version\" : \"dev\"", "\"qtraj_version\" : \"9.1.0\""));
        SortedMap<String, String> before = RunFiles.snapshot(out);
        String why = out + " was written by qtraj 9.1.0 in run-directory format 2; this qtraj (dev) reads formats up to 1: "
                + "use qtraj 9.1.0 or newer with this directory";
        assertEquals("qtraj: --out: " + why, refusal(run(out)));
        assertEquals("qtraj: DIR: " + why, refusal(CliRunner.run("status", out.toString())));
        Path merged = tmp.resolve("merged");
        assertEquals("qtraj: SHARD_DIR: " + why, refusal(CliRunner.run("merge", out.toString(), "--out", merged.toString())));
        assertEquals("qtraj: --out: " + why, refusal(CliRunner.run("merge", ref.toString(), "--out", out.toString())));
        assertEquals(before, RunFiles.snapshot(out));
        assertFalse(Files.exists(merged));

        Path damaged = copy("damaged");
        Files.writeString(damaged.resolve("manifest.json"), "{\"format_version\" : 1, \"spec_sha");
        before = RunFiles.snapshot(damaged);
        String err = refusal(run(damaged));
        assertTrue(err.startsWith("qtraj: --out: " + damaged.resolve("manifest.json") + " is damaged (not JSON)"), err);
        assertTrue(refusal(CliRunner.run("status", damaged.toString())).contains("manifest.json is damaged (not JSON)"));
        assertEquals(before, RunFiles.snapshot(damaged));
    }

    /** (d) A manifest written before format_version existed is format 1: continued, and given the key. */
    @Test
    void anOldManifestWithoutAFormatVersionIsStillRead() throws IOException {
        Path out = copy("old");
        Path manifest = out.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace("  \"format_version\" : 1,\n", "")
                .replace("\"status\" : \"complete\"", "\"status\" : \"running\""));
        assertFalse(Files.readString(manifest).contains("format_version"));
        CliRunner status = CliRunner.run("status", out.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("interrupted"), status.out());
        CliRunner r = run(out);
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("12 already done, 0 run now"), r.out());
        assertEquals(1, RunFiles.manifest(out).get("format_version").asInt());
        assertSameResultsAsRef(out);
    }

    /**
     * (e) A read-only run directory (chmod -w) is refused before anything is written; status still reads it. Root
     * may write anywhere whatever the permissions say, so as root the case cannot be made and the test is skipped
     * (the message itself is tested for root too, in BatchRunnerTest).
     */
    @Test
    void aReadOnlyDirectoryIsRefused() throws IOException {
        Path out = copy("readonly");
        Set<PosixFilePermission> writable = Files.getPosixFilePermissions(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(out), "this process may write into a directory without write "
                    + "permission (it runs as root, which permissions do not bind), so no read-only directory can be made");
            SortedMap<String, String> before = RunFiles.snapshot(out);
            assertEquals("qtraj: --out: " + out + " is read-only: make it writable (e.g. chmod -R u+w " + out
                    + ") or copy the directory to a writable place and run there", refusal(run(out)));
            assertEquals(before, RunFiles.snapshot(out));
            CliRunner status = CliRunner.run("status", out.toString());
            assertEquals(0, status.exitCode(), status.err());
            assertTrue(status.out().contains("12/12"), status.out());
        } finally {
            Files.setPosixFilePermissions(out, writable);
        }
    }

    /** (f) A regular file where the directory should be (or where one of its parents should be). */
    @Test
    void aFileWhereTheDirectoryShouldBeIsRefused() throws IOException {
        Path file = tmp.resolve("file");
        Files.writeString(file, "not a directory\n");
        assertEquals("qtraj: --out: " + file + " is a file, not a directory: give the path of a run directory or of "
                + "a new one", refusal(run(file)));
        assertEquals("qtraj: --out: " + file + " (in " + file.resolve("sub") + ") is a file, not a directory: give the "
                + "path of a run directory or of a new one", refusal(run(file.resolve("sub"))));
        assertEquals("qtraj: DIR: " + file + " is a file, not a qtraj run directory",
                refusal(CliRunner.run("status", file.toString())));
        assertEquals("qtraj: SHARD_DIR: " + file + " is a file, not a qtraj run directory",
                refusal(CliRunner.run("merge", file.toString(), "--out", tmp.resolve("m").toString())));
        assertTrue(refusal(CliRunner.run("merge", ref.toString(), "--out", file.toString()))
                .startsWith("qtraj: --out: " + file + " is a file"));
        assertEquals("not a directory\n", Files.readString(file));
        assertFalse(Files.exists(tmp.resolve("m")));
    }

    /**
     * status on a damaged directory: the table still shows every directory, the damaged one as "damaged" with the
     * tasks of its intact lines; one line on stderr says which lines and what to do; exit code 2 (so that a script
     * polling status notices). A torn last line is not damage (a run may be writing it).
     */
    @Test
    void statusShowsDamageInItsTableWithOneLineAndExitCode2() throws IOException {
        Path out = copy("damaged");
        Path jsonl = out.resolve("results.jsonl");
        setLine(jsonl, 3, "{\"point\": 1, broken");
        setLine(out.resolve("blocks.jsonl"), 2, "garbage");
        SortedMap<String, String> before = RunFiles.snapshot(out);

        CliRunner r = CliRunner.run("status", ref.toString(), out.toString());
        assertEquals("qtraj: " + jsonl + " line 3 is damaged (not JSON); the other 5 lines are intact: delete that line "
                + "to recompute its unit, or move the directory aside and run again", refusal(r));
        String row = r.out().lines().filter(l -> l.startsWith(out.toString())).findFirst().orElseThrow();
        assertTrue(row.contains("damaged") && row.contains("10/12"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith(ref.toString()) && l.contains("complete")
                && l.contains("12/12")), r.out());
        CliRunner json = CliRunner.run("status", "--json", out.toString());
        assertEquals(ExitCodes.BAD_INPUT, json.exitCode());
        JsonNode d = new ObjectMapper().readTree(json.out()).get("directories").get(0);
        assertEquals("damaged", d.get("status").asText());
        assertTrue(d.get("damage").asText().contains("line 3 is damaged"), d.toString());
        assertEquals(before, RunFiles.snapshot(out));

        Path torn = copy("torn");
        Files.writeString(torn.resolve("results.jsonl"), Files.readString(torn.resolve("results.jsonl")) + "{\"poi");
        CliRunner t = CliRunner.run("status", torn.toString());
        assertEquals(0, t.exitCode(), t.err());
        assertEquals("", t.err());
    }

    /**
     * merge of a shard with a damaged line, then of one whose log ends in a torn line: each refused in one line
     * before anything is written (no output directory), inputs untouched; doing what the messages say (delete the
     * line and run the shard again; run the shard again) makes the merge equal the unsharded run.
     */
    @Test
    void mergeRefusesDamagedShardsAndTheAdviceRepairsThem() throws IOException {
        Path one = tmp.resolve("s1");
        Path two = tmp.resolve("s2");
        for (Path s : List.of(one, two)) {
            CliRunner r = CliRunner.run("run", spec.toString(), "--shard", (s == one ? 1 : 2) + "/2", "--out", s.toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        Path merged = tmp.resolve("merged");
        Path jsonl = one.resolve("results.jsonl");
        setLine(jsonl, 1, "{\"point\": 0, broken");
        SortedMap<String, String> before1 = RunFiles.snapshot(one);
        SortedMap<String, String> before2 = RunFiles.snapshot(two);
        assertEquals("qtraj: SHARD_DIR: " + jsonl + " line 1 is damaged (not JSON); the other 1 line is intact: delete "
                + "that line and run that shard again to recompute its unit, then merge",
                refusal(CliRunner.run("merge", one.toString(), two.toString(), "--out", merged.toString())));
        assertEquals(before1, RunFiles.snapshot(one));
        assertEquals(before2, RunFiles.snapshot(two));
        assertFalse(Files.exists(merged));
        deleteLine(jsonl, 1);
        assertEquals(0, CliRunner.run("run", spec.toString(), "--shard", "1/2", "--out", one.toString()).exitCode());

        Path blocks = two.resolve("blocks.jsonl");
        Files.writeString(blocks, Files.readString(blocks) + "{\"point\":1,\"sa");
        before2 = RunFiles.snapshot(two);
        assertEquals("qtraj: SHARD_DIR: " + blocks + " ends in a partial line (a write cut short): run that shard again "
                + "to repair it, then merge",
                refusal(CliRunner.run("merge", one.toString(), two.toString(), "--out", merged.toString())));
        assertEquals(before2, RunFiles.snapshot(two));
        assertFalse(Files.exists(merged));
        CliRunner again = CliRunner.run("run", spec.toString(), "--shard", "2/2", "--out", two.toString());
        assertEquals(0, again.exitCode(), again.err());

        CliRunner m = CliRunner.run("merge", one.toString(), two.toString(), "--out", merged.toString());
        assertEquals(0, m.exitCode(), m.err());
        assertSameResultsAsRef(merged);

        // A block state damaged inside (shard 2 holds block 1 of p0-s0-m1) is found when the merge combines it.
        Path blocks2 = two.resolve("blocks.jsonl");
        setLine(blocks2, 1, Files.readAllLines(blocks2).get(0).replaceFirst("\"state\":\\{.*\\},\"elapsed_seconds\"",
                "\"state\":{},\"elapsed_seconds\""));
        Path merged2 = tmp.resolve("merged2");
        assertEquals("qtraj: SHARD_DIR: the blocks of p0-s0-m1 in [" + one + ", " + two + "] do not combine (classical: "
                + "state 1 is not block 1 of 3 of this point): delete their lines from blocks.jsonl, run those shards "
                + "again to recompute them, then merge",
                refusal(CliRunner.run("merge", one.toString(), two.toString(), "--out", merged2.toString())));
        assertFalse(Files.exists(merged2));
    }
}
