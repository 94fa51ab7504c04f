package org.qtraj.classical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The Gillespie simulation against the exact rate equations (PHYSICS.md "Classical analogue"): the closed form
 * J_C ({@link RateEquations#closedFormParticleCurrent}) for uniform V and end baths, and for the currents of
 * other chains and for every occupation profile the rate equations as solved by {@link ExclusionReference}
 * (independent of org.qtraj.exact, checked against the closed form and the full master equation in
 * {@link ExclusionReferenceTest}).
 *
 * <p>Statistical checks: M = 100 independent trajectories (seeds fixed), sample mean and standard error,
 * |z| < 4. With 99 degrees of freedom a correct simulation fails one such comparison with probability
 * 1.2e-4 (6.3e-5 in the normal limit). Site-by-site occupation profiles use |z| < 4.5 per site (false alarm
 * 1.9e-5 per site at 99 degrees of freedom, so below 4e-4 for a 20-site profile; Bonferroni for a family rate
 * 6e-5 would need 4.7 at N = 20). Every statistical test also asserts that its error bar is small compared
 * with the value, so that a wrong current cannot hide behind a wide one.
 */
class ClassicalTrajectoryTest {
    private static final int M = 100;
    private static final double Z_MAX = 4.0;
    private static final double Z_MAX_SITE = 4.5;

    static Chain chain(int n, double[] v, Bath left, Bath right) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return Chain.of(ones, Arrays.copyOf(ones, n - 1), new double[n - 1], new double[n], v, left, right);
    }

    static Chain uniform(int n, double v, double gl, double tl, double gr, double tr) {
        double[] vs = new double[n - 1];
        Arrays.fill(vs, v);
        return chain(n, vs, new Bath(0, gl, tl), new Bath(n - 1, gr, tr));
    }

    /** Window length so that the M trajectories together simulate about {@code budget} events. */
    static double window(Chain c, double budget) {
        double hopping = 0;
        for (double v : c.hoppings()) {
            hopping += v;
        }
        // Uncorrelated sites of density rho make a fraction 2 rho (1 - rho) of the bonds active; a quarter is a
        // fair guess at these densities (it only sizes the runs).
        double eventRate = 0.25 * hopping + c.left().gamma(1) + c.right().gamma(1);
        return budget / (M * eventRate);
    }

    static double gammaMin(Chain c) {
        return Math.min(c.left().gamma(c.bathOmega(c.left())), c.right().gamma(c.bathOmega(c.right())));
    }

    static SequentialRuns simulate(Chain c, double budget, long seed) {
        double vMin = Arrays.stream(c.hoppings()).min().orElseThrow();
        double burn = SequentialRuns.burnIn(c.sites(), vMin, gammaMin(c));
        return SequentialRuns.run(ExclusionProcess.of(c), M, burn + window(c, budget), burn, seed);
    }

    /** Current from both baths within |z| < 4 of the rate equations, and a relative error bar below maxRel. */
    static void assertCurrents(SequentialRuns r, double[] ref, double maxRel) {
        int n = r.occupation.length;
        double j = ref[n];
        double zl = SequentialRuns.z(r.currentLeft, j);
        double zr = SequentialRuns.z(r.currentRight, ref[n + 1]);
        String msg = "J_C = " + j + ", left " + r.currentLeft.mean() + " +- " + r.currentLeft.standardError()
                + " (z = " + zl + "), right " + r.currentRight.mean() + " +- " + r.currentRight.standardError()
                + " (z = " + zr + ")";
        assertTrue(Math.abs(zl) < Z_MAX, msg);
        assertTrue(Math.abs(zr) < Z_MAX, msg);
        assertTrue(r.currentLeft.standardError() < maxRel * Math.abs(j), "error bar too wide: " + msg);
    }

    static void assertProfile(SequentialRuns r, double[] p, double maxAbsError) {
        for (int k = 0; k < r.occupation.length; k++) {
            double z = SequentialRuns.z(r.occupation[k], p[k]);
            String msg = "site " + (k + 1) + ": " + r.occupation[k].mean() + " +- "
                    + r.occupation[k].standardError() + " vs " + p[k] + " (z = " + z + ")";
            assertTrue(Math.abs(z) < Z_MAX_SITE, msg);
            assertTrue(r.occupation[k].standardError() < maxAbsError, "error bar too wide: " + msg);
        }
    }

    /** {P (unused, NaN), I_left = j, I_right = -j}, the layout of {@link ExclusionReference}. */
    static double[] referenceCurrents(int n, double j) {
        double[] ref = new double[n + 2];
        Arrays.fill(ref, Double.NaN);
        ref[n] = j;
        ref[n + 1] = -j;
        return ref;
    }

    static Stream<Arguments> uniformCases() {
        // N, V, G_left, T_left, G_right, T_right
        return Stream.of(
                Arguments.of(2, 1.0, 1.0, 1.0, 1.0, 0.0),
                Arguments.of(2, 0.3, 1.0, 2.0, 0.5, 0.5),
                Arguments.of(5, 1.0, 1.0, 1.0, 1.0, 0.0),
                Arguments.of(5, 3.0, 2.0, 5.0, 1.0, 0.2),
                Arguments.of(20, 1.0, 1.0, 1.0, 1.0, 0.0),
                Arguments.of(20, 0.5, 1.0, 10.0, 1.0, 1.0),
                Arguments.of(100, 1.0, 1.0, 1.0, 1.0, 0.0),
                Arguments.of(100, 2.0, 0.5, 3.0, 1.0, 0.5));
    }

    @ParameterizedTest(name = "N={0} V={1} G=({2},{4}) T=({3},{5})")
    @MethodSource("uniformCases")
    void particleCurrentMatchesRateEquations(int n, double v, double gl, double tl, double gr, double tr) {
        Chain c = uniform(n, v, gl, tl, gr, tr);
        double j = RateEquations.closedFormParticleCurrent(c);
        SequentialRuns r = simulate(c, 2e7, 1000L * n);
        assertCurrents(r, referenceCurrents(n, j), 0.05);
    }

    @ParameterizedTest(name = "N={0} V={1} G=({2},{4}) T=({3},{5})")
    @MethodSource("uniformCases")
    void sumTreeSelectionMatchesRateEquations(int n, double v, double gl, double tl, double gr, double tr) {
        // The per-bond (sum tree) path on uniform chains: the same physics through the other data structure.
        Chain c = uniform(n, v, gl, tl, gr, tr);
        double[] exact = referenceCurrents(n, RateEquations.closedFormParticleCurrent(c));
        double burn = SequentialRuns.burnIn(n, v, gammaMin(c));
        SequentialRuns r = SequentialRuns.run(ExclusionProcess.of(c).withPerBondSelection(), M,
                burn + window(c, 1e7), burn, 7000L * n);
        assertCurrents(r, exact, 0.07);
    }

    @Test
    void occupationProfileMatchesRateEquations() {
        Chain c = uniform(20, 1.0, 1.0, 2.0, 1.0, 0.0);
        SequentialRuns r = simulate(c, 2e7, 42);
        assertProfile(r, ExclusionReference.rateEquations(c), 0.01);
    }

    @Test
    void equalTemperaturesGiveNoCurrentAndFlatProfile() {
        // Equilibrium: product measure with density s = nbar/(2 nbar + 1) on every site, zero current.
        Chain c = uniform(10, 1.0, 1.0, 1.5, 0.7, 1.5);
        SequentialRuns r = simulate(c, 2e7, 99);
        double s = c.left().s(1.0);
        assertTrue(Math.abs(SequentialRuns.z(r.currentLeft, 0)) < Z_MAX, () -> "left " + r.currentLeft);
        assertTrue(Math.abs(SequentialRuns.z(r.currentRight, 0)) < Z_MAX, () -> "right " + r.currentRight);
        // The error bar must resolve currents far below the nonequilibrium ones (J_C ~ 0.03 at T = (1.5, 0)).
        assertTrue(r.currentLeft.standardError() < 1e-3, () -> "error bar " + r.currentLeft.standardError());
        double[] exact = ExclusionReference.rateEquations(c);
        for (int k = 0; k < c.sites(); k++) {
            assertEquals(s, exact[k], 1e-12);
        }
        assertProfile(r, exact, 0.005);
    }

    @Test
    void perBondHoppingMatchesRateEquations() {
        double[] v = {0.4, 1.7, 0.9, 2.5, 0.6, 1.2, 3.0, 0.8, 1.1};
        Chain c = chain(10, v, new Bath(0, 1.0, 2.0), new Bath(9, 0.8, 0.3));
        assertTrue(!c.hasUniformHopping());
        SequentialRuns r = simulate(c, 2e7, 314);
        double[] exact = ExclusionReference.rateEquations(c);
        assertCurrents(r, exact, 0.05);
        assertProfile(r, exact, 0.01);
    }

    @Test
    void bathsAwayFromTheEnds() {
        // Baths on sites 2 and 6 of 8: sites 1, 7 and 8 hang off the transport path and only equilibrate.
        double[] v = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
        Chain c = chain(8, v, new Bath(1, 1.0, 3.0), new Bath(5, 1.5, 0.0));
        SequentialRuns r = simulate(c, 2e7, 2718);
        double[] exact = ExclusionReference.rateEquations(c);
        assertCurrents(r, exact, 0.05);
        assertProfile(r, exact, 0.01);

        double[] vb = {0.5, 2.0, 1.0, 0.7, 1.3, 0.9, 1.6};
        Chain cb = chain(8, vb, new Bath(6, 1.0, 3.0), new Bath(2, 1.5, 0.2));
        SequentialRuns rb = simulate(cb, 2e7, 1618);
        double[] exactB = ExclusionReference.rateEquations(cb);
        assertCurrents(rb, exactB, 0.05);
        assertProfile(rb, exactB, 0.01);
    }

    @Test
    void aBondWithoutHoppingCutsTheChain() {
        // V = 0 on the middle bond: no current; the left half equilibrates with the left bath (density s_left),
        // the right half with the T = 0 right bath, which never injects, so it stays exactly empty.
        Chain c = chain(4, new double[] {1.0, 0.0, 1.0}, new Bath(0, 1.0, 2.0), new Bath(3, 1.0, 0.0));
        ExclusionProcess p = ExclusionProcess.of(c);
        SequentialRuns r = SequentialRuns.run(p, M, 2100, 100, 77);
        assertEquals(0, r.currentRight.mean());
        assertEquals(0, r.occupation[2].mean());
        assertEquals(0, r.occupation[3].mean());
        assertTrue(Math.abs(SequentialRuns.z(r.currentLeft, 0)) < Z_MAX, () -> "left " + r.currentLeft);
        double s = c.left().s(1.0);
        for (int k = 0; k < 2; k++) {
            double z = SequentialRuns.z(r.occupation[k], s);
            assertTrue(Math.abs(z) < Z_MAX_SITE, "site " + (k + 1) + ": " + r.occupation[k] + " vs " + s);
        }
        assertTrue(r.occupation[1].standardError() < 0.01);
    }

    @Test
    void noHoppingAtAllLeavesOnlyTheBathSites() {
        // Uniform V = 0 (the active-set path with a zero rate): each bath site is a two-state system with
        // occupation s_j; the sites between them stay empty.
        Chain c = uniform(3, 0.0, 1.0, 2.0, 0.5, 1.0);
        SequentialRuns r = SequentialRuns.run(ExclusionProcess.of(c), M, 1020, 20, 88);
        assertEquals(0, r.occupation[1].mean());
        assertTrue(Math.abs(SequentialRuns.z(r.occupation[0], c.left().s(1.0))) < Z_MAX_SITE);
        assertTrue(Math.abs(SequentialRuns.z(r.occupation[2], c.right().s(1.0))) < Z_MAX_SITE);
        assertTrue(Math.abs(SequentialRuns.z(r.currentLeft, 0)) < Z_MAX);
        assertTrue(r.occupation[0].standardError() < 0.01);
    }

    @Test
    void sameSeedSameSampleOtherSeedOtherSample() {
        ExclusionProcess p = ExclusionProcess.of(uniform(30, 1.0, 1.0, 1.0, 1.0, 0.0));
        ClassicalSample a = ClassicalTrajectory.run(p, 2000, 500, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        ClassicalSample b = ClassicalTrajectory.run(p, 2000, 500, RandomSource.XO_RO_SHI_RO_128_PP.create(5L));
        ClassicalSample c = ClassicalTrajectory.run(p, 2000, 500, RandomSource.XO_RO_SHI_RO_128_PP.create(6L));
        assertEquals(a, b);
        assertTrue(a.events() > 10000);
        assertNotEquals(a, c);

        ExclusionProcess q = p.withPerBondSelection();
        assertEquals(ClassicalTrajectory.run(q, 2000, 500, RandomSource.XO_RO_SHI_RO_128_PP.create(5L)),
                ClassicalTrajectory.run(q, 2000, 500, RandomSource.XO_RO_SHI_RO_128_PP.create(5L)));
    }

    @Test
    void listenerSeesTheWindowsBoundaryEventsAndChangesNothing() {
        ExclusionProcess p = ExclusionProcess.of(uniform(6, 1.0, 1.0, 2.0, 1.0, 0.5));
        long[] net = new long[2];
        long[] count = new long[1];
        double[] last = {100};
        ClassicalSample with = ClassicalTrajectory.run(p, 600, 100, RandomSource.XO_RO_SHI_RO_128_PP.create(9L),
                (bath, change, time) -> {
                    assertTrue(change == 1 || change == -1);
                    assertTrue(time >= last[0] && time <= 600, "time " + time);
                    last[0] = time;
                    net[bath] += change;
                    count[0]++;
                });
        ClassicalSample without = ClassicalTrajectory.run(p, 600, 100,
                RandomSource.XO_RO_SHI_RO_128_PP.create(9L));
        assertEquals(without, with);
        assertEquals(with.netLeft(), net[BoundaryEventListener.LEFT]);
        assertEquals(with.netRight(), net[BoundaryEventListener.RIGHT]);
        assertTrue(count[0] > 500, "boundary events " + count[0]);
    }

    @Test
    void frozenChainStaysEmpty() {
        // Both baths at T = 0 inject nothing: the empty initial chain has no event at all.
        ClassicalSample s = ClassicalTrajectory.run(ExclusionProcess.of(uniform(4, 1.0, 1.0, 0.0, 1.0, 0.0)),
                100, 10, RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        assertEquals(0, s.events());
        assertEquals(0, s.netLeft());
        assertEquals(90, s.window());
        assertEquals(0, Arrays.stream(s.occupationTime()).sum());
    }

    @Test
    void derivedValuesAndWindow() {
        Chain c = chain(3, new double[] {1, 1}, new Bath(0, 1, 1), new Bath(2, 1, 0));
        double[] omega = {2.5, 1, 0.5};
        Chain cw = Chain.of(omega, new double[] {1, 1}, new double[2], new double[3], new double[] {1, 1},
                c.left(), c.right());
        ClassicalSample s = ClassicalTrajectory.run(ExclusionProcess.of(cw), 1000, 250,
                RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        assertEquals(750, s.window());
        assertEquals(s.netLeft() / 750.0, s.particleCurrentLeft());
        assertEquals((s.netLeft() - s.netRight()) / 1500.0, s.particleCurrent());
        assertEquals(2.5 * s.particleCurrentLeft(), s.heatCurrentLeft());
        assertEquals(0.5 * s.particleCurrentRight(), s.heatCurrentRight());
        for (int k = 0; k < 3; k++) {
            assertTrue(s.meanOccupation(k) >= 0 && s.meanOccupation(k) <= 1);
        }
        // The sample is immutable: changing a returned array changes nothing.
        s.occupationTime()[0] = -1;
        assertTrue(s.occupationTime()[0] >= 0);
    }

    @Test
    void badTimesAreModelExceptionsNamingTheField() {
        ExclusionProcess p = ExclusionProcess.of(uniform(4, 1.0, 1.0, 1.0, 1.0, 0.0));
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(1L);
        assertEquals("t_total", assertThrows(InvalidInputException.class,
                () -> ClassicalTrajectory.run(p, 10, 10, rng)).field());
        assertEquals("t_total", assertThrows(InvalidInputException.class,
                () -> ClassicalTrajectory.run(p, 5, 10, rng)).field());
        assertEquals("t_total", assertThrows(InvalidInputException.class,
                () -> ClassicalTrajectory.run(p, Double.NaN, 0, rng)).field());
        assertEquals("t_total", assertThrows(InvalidInputException.class,
                () -> ClassicalTrajectory.run(p, Double.POSITIVE_INFINITY, 0, rng)).field());
        assertEquals("t_total", assertThrows(InvalidInputException.class,
                () -> ClassicalTrajectory.run(p, -1, 0, rng)).field());
        assertEquals("t_burn", assertThrows(InvalidInputException.class,
                () -> ClassicalTrajectory.run(p, 10, -1, rng)).field());
        assertEquals("t_burn", assertThrows(InvalidInputException.class,
                () -> ClassicalTrajectory.run(p, 10, Double.NaN, rng)).field());
    }
}
