package org.qtraj.fcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.StopRule;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.model.RelaxationTimes;
import org.qtraj.simulation.SimulationSettings;
import org.qtraj.stats.Estimate;

/**
 * Counting statistics from trajectories against the exact tilted generators. Every statistical assertion is
 * |z| < 4 with fixed seeds: false-alarm rate 6e-5 per assertion for normal errors; the jackknife error of the noise
 * is itself uncertain by ~sqrt(2/M) (~10 % for M = 200), which raises it to about 3e-4.
 */
class FcsTest {
    /** The default model (omega = g = G = 1, T_left = 1, T_right = 0) with N sites and dephasing. */
    static Chain chain(int n, double dephasing) {
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] deph = new double[n];
        Arrays.fill(w, 1);
        Arrays.fill(g, 1);
        Arrays.fill(deph, dephasing);
        return Chain.of(w, g, new double[n - 1], deph, g.clone(), new Bath(0, 1, 1), new Bath(n - 1, 1, 0));
    }

    static SimulationSettings settings(long trajectories, long seed, int threads) {
        return SimulationSettings.builder().seed(seed).threads(threads).stop(StopRule.trajectories(trajectories)).monitor(Fcs.COUNT_RATE).build();
    }

    static FcsResult run(boolean classical, Chain c, SimulationSettings s, FcsSettings f) {
        return classical ? Fcs.classical(c, s, f, ProgressListener.NONE) : Fcs.quantum(c, s, f, ProgressListener.NONE);
    }

    @ParameterizedTest(name = "classical={0}, N={1}, dephasing={2}, bath={3}")
    @CsvSource({"false, 2, 0, 0", "false, 3, 0, 0", "false, 2, 0.5, 1", "true, 2, 0, 0", "true, 3, 0, 0", "true, 3, 0, 1"})
    void meanAndNoiseAgreeWithTheTiltedGenerator(boolean classical, int n, double dephasing, int bath) {
        Chain c = chain(n, dephasing);
        FcsResult r = run(classical, c, settings(200, 20261125L + n, 2), new FcsSettings(bath, Double.NaN));
        double[] k = FcsExact.of(c, classical, bath).cumulants();
        assertEquals(200, r.data().counts().size());
        for (int order = 1; order <= 2; order++) {
            Estimate e = r.cumulant(order);
            double z = (e.value() - k[order - 1]) / e.error();
            assertTrue(Math.abs(z) < 4, "kappa_" + order + " = " + e.value() + " +- " + e.error() + ", exact "
                    + k[order - 1] + ", z = " + z);
        }
        // the third cumulant and the Fano factor: the same test (their errors are larger, so it is weaker)
        double zf = (r.fano().value() - k[1] / k[0]) / r.fano().error();
        assertTrue(Math.abs(zf) < 4, "fano z = " + zf);
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
    }

    @Test
    void bitIdenticalForAnyThreadCount() {
        Chain c = chain(2, 0.5);
        FcsSettings f = new FcsSettings(0, 20);
        for (boolean classical : new boolean[] {false, true}) {
            FcsResult one = run(classical, c, settings(24, 5, 1), f);
            FcsResult two = run(classical, c, settings(24, 5, 2), f);
            assertEquals(one.data().counts().frequencies(), two.data().counts().frequencies());
            assertEquals(one.data().lag(), two.data().lag());
            for (int i = 0; i < 4; i++) {
                assertEquals(one.data().waits(i / 2, i % 2), two.data().waits(i / 2, i % 2));
            }
            assertTrue(one.data().counts().size() > 24, "several windows per trajectory");
            assertEquals(one.cumulant(2), two.cumulant(2));
        }
    }

    /**
     * Chi-square test of the waiting-time histograms after an emission and after an absorption at the left bath
     * (both following channels together) against the exact w_ab(tau) integrated over the bins. Bins are merged
     * until each expects >= 10 counts. Threshold: the chi-square 1 - 1e-3 quantile (Wilson-Hilferty), so a
     * false-alarm rate of about 1e-3 per channel for independent waiting times; consecutive waiting times of the
     * quantum chain are weakly correlated, which widens the statistic somewhat. The last wait of each trajectory
     * is censored (it crosses t_total), a relative bias of order 1/(jumps per trajectory) ~ 1 % on the tail.
     */
    @ParameterizedTest(name = "classical={0}")
    @CsvSource({"false", "true"})
    void waitingTimeHistogramsFollowTheExactDensity(boolean classical) {
        Chain c = chain(2, 0);
        FcsResult r = run(classical, c, settings(40, 77, 2), new FcsSettings(0, Double.NaN));
        FcsExact exact = FcsExact.of(c, classical, 0);
        for (int a = 0; a < 2; a++) {
            double[] chi = chiSquare(r, exact, a);
            assertTrue(chi[0] < chi[1], "after " + FcsFiles.CHANNELS[a] + ": chi2 = " + chi[0] + ", limit " + chi[1]);
        }
        // power: the same histograms against the densities of a chain with a 15 % weaker left bath fail
        Chain other = Chain.of(new double[] {1, 1}, new double[] {1}, new double[1], new double[2], new double[] {1},
                new Bath(0, 0.85, 1), new Bath(1, 1, 0));
        double[] wrong = chiSquare(r, FcsExact.of(other, classical, 0), 1);
        assertTrue(wrong[0] > wrong[1], "a wrong reference passes: chi2 = " + wrong[0] + ", limit " + wrong[1]);
    }

    /** {chi2, its 1 - 1e-3 quantile} of the waiting times after channel a (method comment). */
    private static double[] chiSquare(FcsResult r, FcsExact exact, int a) {
        double from = r.data().waitsFrom(a);
        List<double[]> cells = new ArrayList<>(); // observed, expected
        for (int b = 0; b < 2; b++) {
            FcsFiles.WaitingBins bins = FcsFiles.waitingBins(r.data(), a, b, null);
            double[] mass = binMasses(exact, a, b, bins);
            double obs = 0;
            double exp = 0;
            for (int i = 0; i < mass.length; i++) {
                obs += bins.count()[i];
                exp += from * mass[i];
                if (exp >= 10) {
                    cells.add(new double[] {obs, exp});
                    obs = 0;
                    exp = 0;
                }
            }
            if (exp > 0 || obs > 0) {
                double[] last = cells.get(cells.size() - 1);
                last[0] += obs;
                last[1] += exp;
            }
        }
        double chi2 = 0;
        for (double[] cell : cells) {
            chi2 += (cell[0] - cell[1]) * (cell[0] - cell[1]) / cell[1];
        }
        int dof = cells.size() - 1;
        assertTrue(dof > 20, "enough cells: " + dof);
        double z = 3.0902; // one-sided 1e-3 normal quantile
        double h = 2.0 / (9 * dof);
        double limit = dof * Math.pow(1 - h + z * Math.sqrt(h), 3);
        return new double[] {chi2, limit};
    }

    /** Integral of the exact w_ab over each bin, by Simpson's rule on 8 sub-intervals per bin. */
    private static double[] binMasses(FcsExact exact, int a, int b, FcsFiles.WaitingBins bins) {
        int sub = 8;
        int n = bins.low().length;
        double width = bins.high()[0] - bins.low()[0];
        double[] taus = new double[n * sub + 1];
        for (int i = 0; i < taus.length; i++) {
            taus[i] = i * width / sub;
        }
        double[] w = exact.waitingDensities(a, taus)[b];
        double[] mass = new double[n];
        double hh = width / sub;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < sub; j += 2) {
                int k = i * sub + j;
                s += hh / 3 * (w[k] + 4 * w[k + 1] + w[k + 2]);
            }
            mass[i] = s;
        }
        return mass;
    }

    @Test
    void oneLongTrajectoryCutIntoWindows() {
        Chain c = chain(2, 0);
        double relax = RelaxationTimes.classical(c);
        double window = 50 * relax; // long windows: the boundary bias of the noise is c_2 / (kappa_2 T), see Fcs
        SimulationSettings one = SimulationSettings.builder().seed(3).threads(1).stop(StopRule.trajectories(1))
                .window(2 * relax, 2 * relax + 400 * window).tolerance(0).monitor(Fcs.COUNT_RATE).build();
        FcsResult r = Fcs.classical(c, one, new FcsSettings(0, window), ProgressListener.NONE);
        assertEquals(400, r.windows());
        assertEquals(400, r.data().counts().size());
        double[] k = FcsExact.of(c, true, 0).cumulants();
        for (int order = 1; order <= 2; order++) {
            double z = (r.cumulant(order).value() - k[order - 1]) / r.cumulant(order).error();
            assertTrue(Math.abs(z) < 4, "kappa_" + order + " z = " + z);
        }
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        // windows of a tenth of a relaxation time are correlated: both checks fire (the lag-1 one with z >> 3 here)
        SimulationSettings shortRun = SimulationSettings.builder().seed(3).threads(1).stop(StopRule.trajectories(1))
                .window(2 * relax, 2 * relax + 4000 * relax / 10).tolerance(0).monitor(Fcs.COUNT_RATE).build();
        FcsResult s = Fcs.classical(c, shortRun, new FcsSettings(0, relax / 10), ProgressListener.NONE);
        assertEquals(2, s.warnings().size(), s.warnings().toString());
        assertTrue(s.data().lag().z() < -3, "net counts in adjacent short windows anticorrelate: " + s.data().lag().r());
    }

    @Test
    void refusesBadSettings() {
        assertThrows(InvalidInputException.class, () -> new FcsSettings(0, 0));
        assertThrows(InvalidInputException.class, () -> new FcsSettings(0, -1));
        assertThrows(InvalidInputException.class, () -> new FcsSettings(0, Double.POSITIVE_INFINITY));
        assertThrows(InvalidInputException.class, () -> new FcsSettings(-1, Double.NaN));
        assertThrows(InvalidInputException.class, () -> FcsSettings.parseBath("middle"));
        assertEquals(1, FcsSettings.parseBath(" Right "));
        SimulationSettings s = SimulationSettings.builder().seed(1).threads(1).stop(StopRule.trajectories(1))
                .window(0, 10).tolerance(1e-9).build();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Fcs.classical(chain(2, 0), s, new FcsSettings(0, 11), ProgressListener.NONE));
        assertEquals("window", e.field());
        assertFalse(e.getMessage().isEmpty());
        // a chain has two baths: a third is refused by name before any work
        assertEquals("counting_bath", assertThrows(InvalidInputException.class,
                () -> Fcs.classical(chain(2, 0), s, new FcsSettings(2, Double.NaN), ProgressListener.NONE)).field());
        assertEquals("counting_bath", assertThrows(InvalidInputException.class,
                () -> Fcs.quantum(chain(2, 0), s, new FcsSettings(2, Double.NaN), ProgressListener.NONE)).field());
    }
}
