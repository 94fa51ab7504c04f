package org.qtraj.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.TestChains;
import org.qtraj.fcs.FcsExact;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimate;

/** {method: fcs} points: offset-corrected cumulants against exact, thread independence, bad entries, refusals. */
class FcsPointMethodTest {
    private static PointMethod method(String entry) {
        return MethodKind.create(RunFiles.spec("methods: [" + entry + "]\n").methods().get(0));
    }

    /**
     * Classical N = 3 (default model): the corrected kappa_2, kappa_3 and Fano factor within |z| &lt; 4 of the exact
     * tilted rate matrix (FcsExact; three values, false alarm about 2e-4 for normal z, fixed seed); the same
     * observables on 1 and 2 threads; the details carry kappa_3/kappa_1.
     */
    @Test
    void correctedCumulantsAgainstExactAndThreadIndependent() throws IOException {
        String entry = "{method: fcs, engine: classical, window_relaxations: [0.25, 1.5], trajectories: 300, seed: 4}";
        Chain chain = TestChains.defaults(3, 0, 0);
        PointResult one = method(entry).run(chain, 1, Checkpoint.none(), 1);
        PointResult two = method(entry).run(chain, 99, Checkpoint.none(), 2);
        assertEquals(List.of("cumulant_1", "cumulant_2", "cumulant_3", "fano"), new ArrayList<>(one.observables().keySet()));
        assertEquals(one.observables(), two.observables());
        double[] exact = FcsExact.of(chain, true, 0, 1).cumulants();
        Map<String, Estimate> o = one.observables();
        assertTrue(Math.abs(o.get("cumulant_2").z(exact[1])) < 4, o + " against " + exact[1]);
        assertTrue(Math.abs(o.get("cumulant_3").z(exact[2])) < 4, o + " against " + exact[2]);
        assertTrue(Math.abs(o.get("fano").z(exact[1] / exact[0])) < 4, o + " against " + exact[1] / exact[0]);
        @SuppressWarnings("unchecked")
        Map<String, Object> w = (Map<String, Object>) one.details().get("window_offset");
        assertNotNull(w.get("corrected_ratio_3"));
        assertEquals("classical", one.details().get("engine"));
    }

    @Test
    void badEntriesNameTheirKey() {
        for (String[] bad : new String[][] {
            {"{method: fcs, windows: [1, 2], window_relaxations: [0.1, 1]}", "windows"},
            {"{method: fcs}", "windows"},
            {"{method: fcs, windows: [1]}", "windows"},
            {"{method: fcs, window_relaxations: [1, 1]}", "window_relaxations"},
            {"{method: fcs, windows: [1, -2]}", "windows"},
            {"{method: fcs, windows: [1, 2], engine: quantum}", "engine"},
            {"{method: fcs, windows: [1, 2], trajectories: 1}", "trajectories"},
            {"{method: fcs, windows: [1, 2], windows_per_trajectory: 0.5}", "windows_per_trajectory"},
            {"{method: fcs, windows: [1, 2], burn_relaxations: -1}", "burn_relaxations"}}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> method(bad[0]), bad[0]);
            assertTrue(e.field().endsWith("." + bad[1]), bad[0] + " -> " + e.field());
        }
    }

    @Test
    void refusesWhatTheEnginesDoNotDo() {
        assertNull(method("{method: fcs, windows: [1, 2]}").refusal(TestChains.defaults(40, 0, 0.5)));
        assertNotNull(method("{method: fcs, engine: sector, windows: [1, 2]}").refusal(TestChains.defaults(40, 0, 0.5)));
        assertNotNull(method("{method: fcs, engine: gaussian, windows: [1, 2]}").refusal(TestChains.defaults(4, 1, 0.5)));
        assertNull(method("{method: fcs, engine: classical, windows: [1, 2]}").refusal(TestChains.defaults(40, 0, 0)));
    }
}
