package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.qtraj.stats.Estimates;
import org.qtraj.stats.MeanVar;

/** z-score assertions of trajectory estimates against exact values. */
final class ZChecks {
    /**
     * |z| < 4 per estimator: a false alarm probability of 6.3e-5 per comparison for a Gaussian mean (the seeds are
     * fixed, so a test either always passes or always fails; this is the chance that a correct code drew a failing
     * seed). An estimator with zero spread (identically zero on every trajectory) must equal the exact value to 1e-9.
     */
    static final double Z_MAX = 4;

    private ZChecks() {
    }

    static void assertZ(String label, Estimates e, Map<String, Double> exact) {
        StringBuilder report = new StringBuilder(label).append(" (").append(e.count()).append(" trajectories)\n");
        boolean ok = true;
        for (Map.Entry<String, Double> x : exact.entrySet()) {
            MeanVar m = e.get(x.getKey());
            double se = m.standardError();
            double diff = m.mean() - x.getValue();
            boolean pass;
            double z;
            if (se == 0) {
                z = Double.NaN;
                pass = Math.abs(diff) <= 1e-9;
            } else {
                z = diff / se;
                pass = Math.abs(z) < Z_MAX;
            }
            ok &= pass;
            report.append(String.format("  %-24s %11.6f +- %9.6f  exact %11.6f  z %6.2f%s%n", x.getKey(), m.mean(), se,
                    x.getValue(), z, pass ? "" : "  <-- FAIL"));
        }
        System.out.print(report);
        assertTrue(ok, report.toString());
    }
}
