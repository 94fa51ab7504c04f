package org.qtraj.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.qtraj.report.RunResults.Rec;

class SampledOverlayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Rec rec(String method, double sites, double x, double value, double error, long samples) throws Exception {
        String json = String.format(java.util.Locale.ROOT, "{\"parameters\": {\"sites\": %s, \"dephasing\": 0, \"temp_left\": %s}, "
                + "\"observables\": {\"heat_current\": {\"value\": %s, \"error\": %s, \"samples\": %d}}}", sites, x, value, error, samples);
        return new Rec(0, 0, method, JSON.readTree(json));
    }

    @Test
    void exactValueAtACurvePointOrInterpolatedInLogLog() {
        List<double[]> curve = List.of(new double[] {1, 1}, new double[] {4, 0.25}, new double[] {16, 1 / 16.0});
        assertArrayEquals(new double[] {0.25, 0}, SampledOverlay.exactAt(curve, 4 * (1 + 1e-8)), 0);
        // J = 1/x is a straight line in log-log, so interpolation is exact; the flag says it was interpolated
        assertArrayEquals(new double[] {0.5, 1}, SampledOverlay.exactAt(curve, 2), 1e-15);
        assertTrue(Double.isNaN(SampledOverlay.exactAt(curve, 32)[0]), "outside the curve");
        assertTrue(Double.isNaN(SampledOverlay.exactAt(null, 2)[0]), "no curve");
    }

    @Test
    void pointsGetZAgainstTheirCurveAndItsColour() throws Exception {
        XYChart q = Charts.chart("q", "T_1", "J", true, false);
        XYChart c = Charts.chart("c", "T_1", "J", true, false);
        Map<Double, List<double[]>> quantum = Map.of(0.0, List.of(new double[] {1, 0.2}, new double[] {2, 0.10}));
        Map<Double, List<double[]>> classical = Map.of(2.0, List.of(new double[] {1, 0.3}, new double[] {2, 0.4}));
        SampledOverlay.Panel qp = new SampledOverlay.Panel(q, "dephasing", quantum, g -> "exact " + g, r -> r.param("sites") == 4);
        SampledOverlay.Panel cp = new SampledOverlay.Panel(c, "sites", classical, n -> "rate " + n, r -> true);
        qp.drawCurves();
        cp.drawCurves();
        SampledOverlay o = new SampledOverlay("temp_left", qp, cp);
        RunResults run = new RunResults(Path.of("r"), "paper-fig3-trajectories", "complete", List.of(
                rec("trajectories", 4, 2, 0.11, 0.005, 100),     // z = (0.11 - 0.10)/0.005 = +2
                rec("trajectories", 2, 2, 0.5, 0.005, 100),      // N = 2: not on the N = 4 panel
                rec("exact", 4, 1, 0.2, 0, 0),                   // exact: not a sampled point
                rec("classical", 2, 1, 0.297, 0.003, 100)));     // z = -1
        o.add("paper-fig3", null);
        o.add(run.name(), run);
        assertEquals(List.of("paper-fig3: not given", "paper-fig3-trajectories: 2 sampled points (trajectories, dephasing = 0; "
                + "classical, sites = 2), max |z| = 2.00 against the exact curves; 1 more not on these panels; chi^2/dof = 2.50 "
                + "(2 points), P(chi^2 <= observed) = 0.92, P(chi^2 >= observed) = 0.08"), o.summaries());
        // chi^2 = 2^2 + 1^2 = 5 with 2 degrees of freedom: P(chi^2_2 <= 5) = 1 - e^{-5/2} = 0.918
        assertEquals(0.918, 1 - Math.exp(-2.5), 5e-4);
        assertEquals("1 point, chi^2/dof = 4.00, max |z| = 2.00", o.agreement("trajectories, dephasing = 0"));
        assertEquals("1 point, chi^2/dof = 1.00, max |z| = 1.00", o.agreement("classical, sites"));
        assertEquals("", o.agreement("trajectories, dephasing = 0.5"));
        String table = o.table();
        assertTrue(table.contains("| paper-fig3-trajectories | trajectories, dephasing = 0 | 2 | 0.110000 ± 0.0050 | 0.100000 | +2.00 |"), table);
        assertTrue(table.contains("| paper-fig3-trajectories | classical, sites = 2 | 1 | 0.297000 ± 0.0030 | 0.300000 | -1.00 |"), table);
        assertEquals(List.of("exact 0.0", "trajectories, dephasing = 0 (bars: 1 sigma)"), List.copyOf(q.getSeriesMap().keySet()));
        assertEquals(List.of("rate 2.0", "classical, sites = 2 (bars: 1 sigma)"), List.copyOf(c.getSeriesMap().keySet()));
        assertNotNull(q.getSeriesMap().get("trajectories, dephasing = 0 (bars: 1 sigma)").getMarkerColor());
        assertEquals(q.getSeriesMap().get("exact 0.0").getLineColor(), q.getSeriesMap().get("trajectories, dephasing = 0 (bars: 1 sigma)").getMarkerColor());
        assertEquals(c.getSeriesMap().get("rate 2.0").getLineColor(), c.getSeriesMap().get("classical, sites = 2 (bars: 1 sigma)").getMarkerColor());
    }
}
