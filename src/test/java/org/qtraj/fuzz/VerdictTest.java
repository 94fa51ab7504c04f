package org.qtraj.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker itself: what it accepts and what it flags. */
class VerdictTest {
    private static List<Verdict.Problem> json(String text) {
        List<Verdict.Problem> p = new ArrayList<>();
        Verdict.checkJson("doc", text, p);
        return p;
    }

    @Test
    void nonFiniteNumbersAndUndocumentedNullsAreFlagged() {
        assertEquals(Verdict.Kind.BAD_JSON, json("{\"a\": NaN}").get(0).kind());
        assertEquals(Verdict.Kind.BAD_JSON, json("{\"a\": Infinity}").get(0).kind());
        assertEquals(Verdict.Kind.NON_FINITE, json("{\"a\": 1e999}").get(0).kind());
        assertEquals(Verdict.Kind.NON_FINITE, json("{\"heat_current\": null}").get(0).kind());
        assertEquals(Verdict.Kind.NON_FINITE, json("{\"populations\": [0.5, null]}").get(0).kind());
        assertEquals(Verdict.Kind.BAD_JSON, json("{\"a\": 1} trailing").get(0).kind());
        assertEquals(Verdict.Kind.BAD_JSON, json("").get(0).kind());
    }

    @Test
    void documentedNullsAndFiniteNumbersPass() {
        assertTrue(json("{\"heat_current\": {\"mean\": 0.1, \"stderr\": null}, \"z\": {\"heat_current\": null},"
                + " \"exact_method\": null, \"exact\": {\"x\": null}, \"rows\": [{\"reference\": null, \"z\": null}],"
                + " \"lag1_autocorrelation\": null, \"estimate\": {\"fano\": null}, \"error\": {\"cumulant_3\": null}}").isEmpty());
        assertTrue(json("{\"a\": [1, 2.5e-300, -1.7976931348623157E308], \"b\": \"NaN\"}").isEmpty());
    }

    @Test
    void refusalsAreOneLine() {
        assertNull(Verdict.refusalMessageProblem("qtraj: --sites: must be an integer >= 2, got 1\n", false));
        assertNull(Verdict.refusalMessageProblem("qtraj: Unknown option: '--x'\nTry 'qtraj exact --help' for the allowed options.\n", false));
        assertNull(Verdict.refusalMessageProblem("qtraj: note: no exact reference (x)\nqtraj: --window: must be > 0\n", false));
        assertNotNull(Verdict.refusalMessageProblem("qtraj: a\nqtraj: b\n", false));
        assertNotNull(Verdict.refusalMessageProblem("something went wrong\n", false));
        assertNotNull(Verdict.refusalMessageProblem("", false));
        assertNotNull(Verdict.refusalMessageProblem("qtraj: something went wrong\n", false));
        assertNotNull(Verdict.refusalMessageProblem("qtraj: --times: bad value '\n'\n", false));
        assertNull(Verdict.refusalMessageProblem("java.lang.X\n\tat a.b(C.java:1)\nqtraj: --sites: bad\n", true));
    }

    @Test
    void stackTracesAreSeen() {
        assertNotNull(Verdict.stackTraceLine("qtraj: internal error: java.io.IOException: x"));
        assertNotNull(Verdict.stackTraceLine("x\n\tat org.qtraj.Main.main(Main.java:1)\n"));
        assertNull(Verdict.stackTraceLine("qtraj: --sites: must be an integer >= 2, got 1"));
    }

    @Test
    void aRefusalThatWroteIsFlaggedAndATimeoutIsAProblem() {
        CliCase c = CliCase.of("exact", List.of("exact", "--sites", "1"));
        Worker.Outcome refused = new Worker.Outcome(2, "", "qtraj: sites: must be an integer >= 2, got 1\n", "", "", null, 1);
        List<Verdict.Problem> p = Verdict.judge(c, refused, Path.of("/nonexistent"), Map.of(), Map.of("x", "1@1"), 2000);
        assertEquals(List.of(Verdict.Kind.WROTE_ON_REFUSAL), p.stream().map(Verdict.Problem::kind).toList());
        assertEquals(Verdict.Kind.TIMEOUT, Verdict.judge(c, null, Path.of("/"), Map.of(), Map.of(), 2000).get(0).kind());
        Worker.Outcome internal = new Worker.Outcome(1, "", "qtraj: internal error: java.lang.IllegalStateException\n", "", "", null, 1);
        List<Verdict.Kind> kinds = Verdict.judge(c, internal, Path.of("/"), Map.of(), Map.of(), 2000).stream()
                .map(Verdict.Problem::kind).toList();
        assertTrue(kinds.contains(Verdict.Kind.EXIT_CODE) && kinds.contains(Verdict.Kind.STACK_TRACE), kinds.toString());
    }
}
