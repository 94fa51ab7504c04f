package org.qtraj.fcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.model.Chain;
import org.qtraj.simulation.QuantumEngine;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.stats.Estimate;
import org.qtraj.trajectory.DephasingJumps;

/**
 * Counting statistics of the bath counts with dephasing unravelled by phase flips (gaussian engine) against the exact
 * tilted generator, which counts the bath jumps only and so does not depend on how the dephasing is unravelled:
 * kappa_1, kappa_2 and kappa_3 and the Fano factor, each |z| &lt; 4 on fixed seeds (false-alarm rate about 6e-5 per
 * assertion for normal errors, raised to about 3e-4 by the uncertainty of the jackknife errors, as in
 * {@link FcsTest}; 8 assertions per case).
 */
class PhaseFlipFcsTest {

    @ParameterizedTest(name = "N={0}, dephasing={1}, bath={2}")
    @CsvSource({"3, 0.5, 0", "4, 5, 0", "5, 0.5, 1"})
    void cumulantsAgreeWithTheTiltedGenerator(int n, double dephasing, int bath) {
        Chain c = FcsTest.chain(n, dephasing);
        SimulationSettings s = FcsTest.settings(200, 20261201L + n, 2).toBuilder().quantumEngine(QuantumEngine.GAUSSIAN)
                .dephasingJumps(DephasingJumps.PHASE_FLIP).build();
        FcsResult r = Fcs.quantum(c, s, new FcsSettings(bath, Double.NaN), ProgressListener.NONE);
        double[] k = FcsExact.of(c, false, bath).cumulants();
        assertEquals(200, r.data().counts().size());
        StringBuilder report = new StringBuilder("phase-flip FCS N=" + n + " dephasing " + dephasing + "\n");
        boolean ok = true;
        for (int order = 1; order <= 3; order++) {
            Estimate e = r.cumulant(order);
            double z = (e.value() - k[order - 1]) / e.error();
            ok &= Math.abs(z) < 4;
            report.append(String.format("  kappa_%d %.5f +- %.5f exact %.5f z %.2f%n", order, e.value(), e.error(),
                    k[order - 1], z));
        }
        double zf = (r.fano().value() - k[1] / k[0]) / r.fano().error();
        ok &= Math.abs(zf) < 4;
        report.append(String.format("  fano %.4f +- %.4f exact %.4f z %.2f%n", r.fano().value(), r.fano().error(),
                k[1] / k[0], zf));
        System.out.print(report);
        assertTrue(ok, report.toString());
    }
}
