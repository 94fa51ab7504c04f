package org.qtraj.trajectory;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qtraj.exact.ClosedForm;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimates;

/**
 * Trajectory ensembles against exact steady states: the closed form for uniform chains, QuTiP's steadystate for a
 * disordered and two XXZ chains (values and script in src/test/resources/reference/). Every estimator is z-tested at
 * |z| < 4 (see {@link ZChecks}); with about 150 comparisons in this class the chance that correct code fails on the
 * fixed seeds is about 1 %. Windows are the default ones (burn-in 2 t_relax), so the burn-in bias is far below the
 * error bars.
 */
class QuantumTrajectoryExactTest {

    static Map<String, Double> exactMap(ExactResult r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("heat_current", r.heatCurrentLeft());
        m.put("heat_current_right", r.heatCurrentRight());
        m.put("heat_current_dephasing", r.heatCurrentDephasing());
        m.put("particle_current", r.particleCurrentLeft());
        m.put("particle_current_right", r.particleCurrentRight());
        m.put("local_heat_current", r.localHeatCurrent());
        double[] p = r.populations();
        for (int k = 0; k < p.length; k++) {
            m.put("population_" + (k + 1), p[k]);
        }
        return m;
    }

    static Stream<Arguments> uniformCases() {
        return Stream.of(2, 3, 4).flatMap(n -> Stream.of(0.0, 0.5, 5.0).map(g -> Arguments.of(n, g)));
    }

    @ParameterizedTest(name = "N = {0}, dephasing = {1}")
    @MethodSource("uniformCases")
    void uniformChainMatchesClosedForm(int n, double dephasing) {
        Chain chain = TrajectoryRuns.uniform(n, dephasing, 1, 1, 1, 0);
        Estimates e = TrajectoryRuns.run(chain, TrajectoryOptions.defaults(chain), 1e-9, 120, 20261125L + n, 2).result();
        ZChecks.assertZ("uniform N=" + n + " dephasing=" + dephasing, e, exactMap(new ClosedForm().solve(chain)));
    }

    @Test
    void highLeftTemperature() {
        // T_1 = 20: gamma_1 = 41, deep in the Zeno regime where the current falls (paper Fig. 3)
        Chain chain = TrajectoryRuns.uniform(4, 0.5, 1, 20, 1, 0);
        Estimates e = TrajectoryRuns.run(chain, TrajectoryOptions.defaults(chain), 1e-9, 100, 7L, 2).result();
        ZChecks.assertZ("high T_1", e, exactMap(new ClosedForm().solve(chain)));
    }

    @Test
    void unequalBathRates() {
        Chain chain = TrajectoryRuns.uniform(3, 0.5, 0.3, 2, 2.5, 0.5);
        Estimates e = TrajectoryRuns.run(chain, TrajectoryOptions.defaults(chain), 1e-9, 120, 11L, 2).result();
        ZChecks.assertZ("unequal rates", e, exactMap(new ClosedForm().solve(chain)));
    }

    static Map<String, Double> reference(String name, int sites) throws IOException {
        Properties p = new Properties();
        try (InputStream in = QuantumTrajectoryExactTest.class.getResourceAsStream(
                "/reference/trajectory_reference.properties")) {
            p.load(in);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        for (String key : new String[] {"heat_current", "heat_current_right", "heat_current_dephasing",
                "particle_current", "particle_current_right"}) {
            m.put(key, Double.parseDouble(p.getProperty(name + "." + key)));
        }
        for (int k = 1; k <= sites; k++) {
            m.put("population_" + k, Double.parseDouble(p.getProperty(name + ".population_" + k)));
        }
        return m;
    }

    static Chain chain(double[] w, double[] g, double[] d, double[] deph, Bath left, Bath right) {
        return Chain.of(w, g, d, deph, g.clone(), left, right);
    }

    @Test
    void disorderedChainMatchesQutip() throws IOException {
        // continuous estimator against Tr(H D rho), counting against the particle (local) current
        Chain c = chain(new double[] {1.0, 1.3, 0.8, 1.1}, new double[] {0.7, 1.2, 0.9}, new double[3],
                new double[] {0.2, 0.5, 0.1, 0.3}, new Bath(0, 1.0, 1.0), new Bath(3, 0.8, 0.2));
        Map<String, Double> ref = reference("disordered", 4);
        ref.put("local_heat_current", c.omega(0) * ref.get("particle_current"));
        Estimates e = TrajectoryRuns.run(c, TrajectoryOptions.defaults(c), 1e-9, 120, 5L, 2).result();
        ZChecks.assertZ("disordered", e, ref);
    }

    @Test
    void xxzChainMatchesQutip() throws IOException {
        Chain c = chain(new double[] {1, 1, 1, 1}, new double[] {1, 1, 1}, new double[] {1, 1, 1},
                new double[] {0.5, 0.5, 0.5, 0.5}, new Bath(0, 1.0, 1.0), new Bath(3, 1.0, 0.0));
        Estimates e = TrajectoryRuns.run(c, TrajectoryOptions.defaults(c), 1e-9, 120, 6L, 2).result();
        ZChecks.assertZ("xxz", e, reference("xxz", 4));
    }

    @Test
    void xxzChainWithInteriorBathMatchesQutip() throws IOException {
        Chain c = chain(new double[] {1.0, 0.9, 1.2, 1.0}, new double[] {0.8, 1.0, 0.6}, new double[] {0.5, 0.3, 0.5},
                new double[4], new Bath(0, 1.5, 2.0), new Bath(2, 0.7, 0.1));
        Estimates e = TrajectoryRuns.run(c, TrajectoryOptions.defaults(c), 1e-9, 120, 8L, 2).result();
        ZChecks.assertZ("xxz interior bath", e, reference("xxz_interior", 4));
    }
}
