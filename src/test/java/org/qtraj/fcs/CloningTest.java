package org.qtraj.fcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.TestChains;
import org.qtraj.exact.counting.ClassicalGenerator;
import org.qtraj.exact.counting.LargeDeviations;
import org.qtraj.model.Chain;
import org.qtraj.model.RelaxationTimes;
import org.qtraj.simulation.Engine;
import org.qtraj.trajectory.Unravelling;

/**
 * Population dynamics ({@link Cloning}) against the exact theta(s), the leading eigenvalue of the tilted generator
 * ({@link LargeDeviations}; itself tested against dense 4^N and 2^N eigen-decompositions in LargeDeviationsTest),
 * thread independence and the refusals.
 *
 * <p>Tolerance of the z-tests: the extrapolated theta (two population sizes, 1/M fit) must lie within 5 of its
 * standard errors of the exact value. The error comes from R = 16 populations per size, so z is t-distributed with
 * about 15 degrees of freedom: P(|t_15| &gt; 5) = 1.6e-4 per point, about 4e-3 over the 26 points of this class (17)
 * and {@link CloningQuantumTest} (9) (fixed seeds: the outcome is the same on every run). The extrapolation removes the O(1/M) bias; the O(1/M^2) rest
 * at M = 50..200 is below 1e-4 of theta's scale (measured: classical N = 6, s = 0.5, M = 400 and 1600 agree with exact
 * to 0.3 of their errors of 2e-3 relative), far below the errors here.
 */
class CloningTest {
    private static final int POPULATIONS = 16;
    private static final int[] SIZES = {50, 200};

    static CloningSettings settings(double[] s, double relax, int bath) {
        return new CloningSettings(s, SIZES, POPULATIONS, Double.NaN, 2 * relax, 12 * relax, bath);
    }

    static void assertWithinErrors(CloningResult r, double[] exact, String what) {
        double[] s = r.settings().fields();
        for (int f = 0; f < s.length; f++) {
            double z = r.theta(f).z(exact[f]);
            assertTrue(Math.abs(z) < 5, what + ", s = " + s[f] + ": cloning " + r.theta(f) + " (bias " + r.bias(f)
                    + "), exact " + exact[f] + ", z = " + z);
        }
    }

    static double[] exact(LargeDeviations.Point[] p) {
        double[] t = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            t[i] = p[i].theta();
        }
        return t;
    }

    @Test
    void classicalWithinErrorsOfExactThetaN3to6() {
        double[] s = {-1, 0.5, 1};
        for (int n = 3; n <= 6; n++) {
            Chain c = TestChains.defaults(n, 0, 0);
            CloningResult r = Cloning.run(Engine.CLASSICAL, c, settings(s, RelaxationTimes.classical(c), 0), 11 + n, 2,
                    Unravelling.DEFAULT_TOLERANCE, null);
            assertWithinErrors(r, exact(LargeDeviations.theta(ClassicalGenerator.of(c, c.left()), s)), "classical N = " + n);
        }
    }

    @Test
    void classicalFarTailAndRightBath() {
        // s = 2.5: e^{2.5} per counted particle, ~25x the typical current; plain sampling of exp(s N_t) fails here
        double[] s = {-2, 2.5};
        Chain c = TestChains.uniform(3, 1, 1, 0, 0, 1.2, 1.5, 0.7, 0.3);
        CloningResult r = Cloning.run(Engine.CLASSICAL, c, settings(s, RelaxationTimes.classical(c), 1), 5, 2,
                Unravelling.DEFAULT_TOLERANCE, null);
        assertWithinErrors(r, exact(LargeDeviations.theta(ClassicalGenerator.of(c, c.right()), s)), "classical right");
    }

    @Test
    void classicalWithBondDependentHopping() {
        // the sum-tree engine (ClassicalTrajectory.TreeEngine) and its copy, with the left bath on site 2
        Chain c = Chain.of(TestChains.fill(4, 1), TestChains.fill(3, 1), TestChains.fill(3, 0), TestChains.fill(4, 0),
                new double[] {1, 0.4, 2.5}, new org.qtraj.model.Bath(1, 1.2, 1.5), new org.qtraj.model.Bath(3, 0.8, 0.2));
        double[] s = {-1, 1};
        CloningResult r = Cloning.run(Engine.CLASSICAL, c, settings(s, RelaxationTimes.classical(c), 0), 21, 2,
                Unravelling.DEFAULT_TOLERANCE, null);
        assertWithinErrors(r, exact(LargeDeviations.theta(ClassicalGenerator.of(c, c.left()), s)), "bond-dependent V");
    }

    @Test
    void theSmallPopulationIsBiasedAndTheEstimateSaysSo() {
        // M = 5 against M = 200 at s = 1 (classical N = 3): ln(mean weight) of a few clones is biased low (Jensen),
        // by far more than the errors; the reported bias estimate is theta(M = 200) minus the extrapolation.
        Chain c = TestChains.defaults(3, 0, 0);
        double relax = RelaxationTimes.classical(c);
        CloningSettings cs = new CloningSettings(new double[] {1}, new int[] {5, 200}, POPULATIONS, Double.NaN,
                2 * relax, 12 * relax, 0);
        CloningResult r = Cloning.run(Engine.CLASSICAL, c, cs, 9, 2, Unravelling.DEFAULT_TOLERANCE, null);
        double exact = LargeDeviations.theta(ClassicalGenerator.of(c, c.left()), new double[] {1})[0].theta();
        double small = r.bySize(0, 0).value();
        assertTrue(exact - small > 5 * r.bySize(0, 0).error(), "M = 5: " + r.bySize(0, 0) + " against " + exact);
        assertEquals(r.bySize(1, 0).value() - r.theta(0).value(), r.bias(0), 1e-15);
        assertTrue(Math.abs(r.theta(0).z(exact)) < 5, r.theta(0) + " against " + exact);
    }

    @Test
    void bitIdenticalForOneTwoAndFourThreads() {
        double[] s = {-0.5, 1};
        CloningSettings cs = new CloningSettings(s, new int[] {8, 16}, 3, 0.3, 2, 20, 0);
        for (Engine e : new Engine[] {Engine.CLASSICAL, Engine.QUANTUM}) {
            Chain c = TestChains.defaults(3, 0.5, 0.5);
            double[] one = Cloning.run(e, c, cs, 42, 1, 1e-9, null).values();
            double[] two = Cloning.run(e, c, cs, 42, 2, 1e-9, null).values();
            double[] four = Cloning.run(e, c, cs, 42, 4, 1e-9, null).values();
            assertArrayEquals(one, two, e.key());
            assertArrayEquals(one, four, e.key());
            assertEquals(2 * 2 * 3, one.length);
            double[] other = Cloning.run(e, c, cs, 43, 2, 1e-9, null).values();
            assertTrue(!java.util.Arrays.equals(one, other), "another seed gives other numbers");
        }
    }

    @Test
    void zeroFieldGivesZeroExactly() {
        // every weight is exp(0) = 1: ln(mean weight) = 0 at every step, whatever the clones do
        CloningSettings cs = new CloningSettings(new double[] {0}, new int[] {4}, 2, 0.5, 1, 10, 1);
        CloningResult r = Cloning.run(Engine.QUANTUM, TestChains.defaults(2, 0, 0), cs, 1, 1, 1e-9, null);
        assertArrayEquals(new double[] {0, 0}, r.values());
        assertTrue(Double.isNaN(r.bias(0)), "one size: no bias estimate");
    }

    @Test
    void refusesSettingsOutOfRangeNamingTheField() {
        double[] s = {1};
        int[] m = {10};
        assertEquals("fields", assertThrows(InvalidInputException.class,
                () -> new CloningSettings(new double[] {10.5}, m, 2, 0.1, 0, 1, 0)).field());
        assertEquals("clones", assertThrows(InvalidInputException.class,
                () -> new CloningSettings(s, new int[] {1}, 2, 0.1, 0, 1, 0)).field());
        assertEquals("clones", assertThrows(InvalidInputException.class,
                () -> new CloningSettings(s, new int[] {20, 10}, 2, 0.1, 0, 1, 0)).field());
        assertEquals("clones", assertThrows(InvalidInputException.class,
                () -> new CloningSettings(s, new int[] {CloningSettings.MAX_CLONES + 1}, 2, 0.1, 0, 1, 0)).field());
        assertEquals("populations", assertThrows(InvalidInputException.class,
                () -> new CloningSettings(s, m, 1, 0.1, 0, 1, 0)).field());
        assertEquals("step", assertThrows(InvalidInputException.class,
                () -> new CloningSettings(s, m, 2, 0, 0, 1, 0)).field());
        assertEquals("t_burn", assertThrows(InvalidInputException.class,
                () -> new CloningSettings(s, m, 2, 0.1, 1, Double.NaN, 0)).field());
        assertEquals("counting_bath", assertThrows(InvalidInputException.class,
                () -> new CloningSettings(s, m, 2, 0.1, 0, 1, -1)).field());
        Chain c = TestChains.defaults(3, 0, 0);
        // a step longer than the measuring time, and a run of hours
        assertEquals("step", assertThrows(InvalidInputException.class, () -> Cloning.run(Engine.CLASSICAL, c,
                new CloningSettings(s, m, 2, 2, 1, 2, 0), 1, 1, 1e-9, null)).field());
        assertEquals("clones", assertThrows(InvalidInputException.class, () -> Cloning.run(Engine.CLASSICAL, c,
                new CloningSettings(s, new int[] {100_000}, 10_000, 0.5, 0, 1e4, 0), 1, 1, 1e-9, null)).field());
        assertEquals("fields", assertThrows(InvalidInputException.class, () -> CloningSettings.parseFields("1:-1:3"))
                .field());
        assertArrayEquals(new double[] {-1, 0, 1}, CloningSettings.parseFields("-1:1:3"));
        assertArrayEquals(new int[] {10, 20}, CloningSettings.parseSizes("10, 20"));
    }
}
