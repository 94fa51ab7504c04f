package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.qtraj.ensemble.SeedStreams;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.ExactMethod;
import org.qtraj.model.Chain;
import org.qtraj.model.InitialState;
import org.qtraj.stats.Estimates;
import org.qtraj.stats.MeanVar;

/**
 * The phase-flip unravelling of dephasing ({@link DephasingJumps#PHASE_FLIP}) on the Gaussian engine: the same master
 * equation as the projective jumps, so the same mean currents and populations, checked against the correlation solver
 * and the Liouvillian; bit-identical for any thread count and across a snapshot. Every statistical comparison is
 * |z| &lt; 4 ({@link ZChecks}: false-alarm probability 6.3e-5 per comparison for a Gaussian mean, about 0.5 % for the
 * roughly 80 comparisons of this class, on fixed seeds). The counting statistics are checked in
 * {@code fcs.PhaseFlipFcsTest}.
 */
class GaussianPhaseFlipTest {

    static TrajectoryOptions phaseFlip(TrajectoryOptions o) {
        return o.withDephasingJumps(DephasingJumps.PHASE_FLIP);
    }

    /**
     * Chains with dephasing 0.5 and 5, uniform and disordered, from the basis state that tracks the exact density
     * ({@link GaussianLongChainSlowTest#steadyPattern}). Windows: the slowest population mode relaxes at about
     * (2 g^2 / gamma) pi^2 / N^2 (gamma = 0.5, N = 20: 0.1; N = 50: 0.016; N = 100: 0.004; gamma = 5, N = 20: 0.01),
     * so burn-ins of 300 leave a transient exp(-1.2) (N = 100) to exp(-3) or less of an initial deviation that the steady pattern already makes small
     * (at most 1/2 per site, mostly far less), well under the error bars.
     */
    static Stream<Arguments> chains() {
        return Stream.of(
                Arguments.of("N=20 uniform gamma=0.5", TrajectoryRuns.uniform(20, 0.5, 1, 1, 1, 0), 300.0, 600.0, 64, 1L),
                Arguments.of("N=20 disordered gamma~0.5", GaussianTrajectoryTest.disordered(20, 0.5, 2020L), 300.0,
                        600.0, 64, 2L),
                Arguments.of("N=20 uniform gamma=5", TrajectoryRuns.uniform(20, 5, 1, 1, 1, 0), 300.0, 600.0, 64, 3L),
                Arguments.of("N=20 disordered gamma~5", GaussianTrajectoryTest.disordered(20, 5, 2021L), 300.0, 600.0,
                        64, 4L),
                Arguments.of("N=50 uniform gamma=0.5", TrajectoryRuns.uniform(50, 0.5, 1, 1, 1, 0), 300.0, 500.0, 32,
                        5L),
                Arguments.of("N=50 disordered gamma~0.5", GaussianTrajectoryTest.disordered(50, 0.5, 2050L), 300.0,
                        500.0, 32, 6L),
                // about 14 particles: the steps' Gram matrices go through LowRankGram (q < n / 4)
                Arguments.of("N=100 uniform gamma=0.5", TrajectoryRuns.uniform(100, 0.5, 1, 1, 1, 0), 300.0, 900.0, 16,
                        7L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void meanCurrentsAndPopulationsMatchTheCorrelationSolver(String label, Chain chain, double tBurn, double tTotal,
                                                             int trajectories, long seed) {
        InitialState start = GaussianLongChainSlowTest.steadyPattern(
                ExactMethod.CORRELATION.solve(chain).populations());
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9,
                phaseFlip(new TrajectoryOptions(tBurn, tTotal, start)));
        ZChecks.assertZ("phase-flip " + label, GaussianTrajectoryTest.run(q, trajectories, seed, 2).result(),
                GaussianTrajectoryTest.exact(chain));
    }

    /** Interior baths (Jordan-Wigner strings on both bath sites) and disordered dephasing, N = 4. */
    @Test
    void interiorBathsMatchTheLiouvillian() {
        Chain chain = GaussianTrajectoryTest.interior();
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, phaseFlip(TrajectoryOptions.defaults(chain)));
        ZChecks.assertZ("phase-flip interior baths vs liouvillian", GaussianTrajectoryTest.run(q, 200, 8L, 2).result(),
                QuantumTrajectoryExactTest.exactMap(ExactMethod.LIOUVILLIAN.solve(chain)));
    }

    /**
     * Relaxation from |0101&gt; with dephasing 0.1-0.5 and interior baths: populations at t = 0.5, 2, 6 against
     * exp(L t) of the Liouvillian; no steady state involved, so the dephasing's effect on the transient is checked.
     */
    @Test
    void sampledPopulationsMatchTheExactRelaxation() {
        Chain chain = GaussianTrajectoryTest.interior();
        double[] times = {0, 0.5, 2, 6};
        TrajectoryOptions o = phaseFlip(TrajectoryOptions.of(0, 6).sampling(0b0101, List.of(0.0, 0.5, 2.0, 6.0)));
        Estimates e = GaussianTrajectoryTest.run(GaussianTrajectory.of(chain, 1e-9, o), 400, 78L, 2).result();
        double[][] exact = org.qtraj.exact.relaxation.Relaxation.populations(chain, 0b0101, times);
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < times.length; j++) {
            for (int k = 0; k < 4; k++) {
                m.put("population_" + (k + 1) + "_at_" + j, exact[j][k]);
            }
        }
        ZChecks.assertZ("phase-flip relaxation from 0101, interior baths", e, m);
    }

    /**
     * The flips are a Poisson process of rate sum_k gamma_k / 4 whatever the state: on a closed chain (bath rates 0)
     * jump_rate counts flips only, its mean is N gamma / 4 = 1.5 for N = 6, gamma = 1 (projective jumps would give
     * gamma times the particle number, 3).
     */
    @Test
    void flipsArriveAtTheirConstantRate() {
        Chain closed = Chain.builder().sites(6).dephasing(1).leftBath(0, 1).rightBath(0, 0).build();
        GaussianTrajectory q = GaussianTrajectory.of(closed, 1e-9,
                phaseFlip(TrajectoryOptions.of(0, 40).sampling(0b101011, List.of())));
        ZChecks.assertZ("phase-flip rate on a closed chain", GaussianTrajectoryTest.run(q, 100, 9L, 2).result(),
                Map.of("jump_rate", 1.5));
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        Chain chain = GaussianTrajectoryTest.disordered(8, 0.5, 3L);
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, phaseFlip(TrajectoryOptions.of(5, 25)));
        Estimates one = GaussianTrajectoryTest.run(q, 48, 99, 1).result();
        assertEquals(one, GaussianTrajectoryTest.run(q, 48, 99, 2).result());
        assertEquals(one, GaussianTrajectoryTest.run(q, 48, 99, 4).result());
        Estimates projective = GaussianTrajectoryTest.run(GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.of(5,
                25)), 48, 99, 2).result();
        assertNotEquals(one, projective, "the option must change the trajectories");
    }

    /**
     * Orthonormality is checked every 64th step, before that step's Gram-Schmidt pass: with phase flips the two bath
     * sites alone are lossy, so every step's Gram matrix comes from the low-rank quadrature, whose nodes are cut to
     * the tolerance (1e-9 here): one step leaves a defect of that order (measured 1.6e-9, the same with and without
     * the periodic pass, so it does not accumulate); bound 1e-8. The jump search stays at 1e-13 in ln ||psi||^2.
     */
    @Test
    void orbitalsStayOrthonormalAndJumpsHitTheirNorm() {
        Chain chain = GaussianTrajectoryTest.disordered(30, 0.5, 7L);
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, phaseFlip(TrajectoryOptions.of(0, 1000)));
        GaussianTrajectory.Diagnostics d = q.diagnose(SeedStreams.stream(1L, 0));
        System.out.println("long phase-flip trajectory: " + d);
        assertTrue(d.jumps() > 3_000, d.toString());
        assertTrue(d.worstOrthonormality() < 1e-8, d.toString());
        assertTrue(d.worstJumpNorm() < 1e-12, d.toString());
    }

    /** Stopped at several steps (before, at and after flips) and continued from the snapshot: the same bits. */
    @Test
    void aSnapshotContinuesToTheSameBits() {
        Chain chain = Chain.builder().sites(12).dephasing(0.5).build();
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-10, phaseFlip(TrajectoryOptions.of(5, 40)
                .sampling(InitialState.parse("domain-wall"), List.of(3.0, 12.0, 30.0))));
        for (long index = 0; index < 3; index++) {
            double[] whole = q.run(stream(index));
            for (int step : new int[] {1, 7, 40, 80}) {
                GaussianSnapshot s = takeAt(q, index, step);
                assertTrue(Double.isFinite(s.nextFlip()) && s.nextFlip() > s.time(), s.toString());
                assertArrayEquals(whole, q.run(stream(index), s, null), "trajectory " + index + " at step " + step);
            }
        }
    }

    @Test
    void aSnapshotOfTheOtherUnravellingIsRefused() {
        Chain chain = Chain.builder().sites(8).dephasing(0.5).build();
        GaussianTrajectory flips = GaussianTrajectory.of(chain, 1e-9, phaseFlip(TrajectoryOptions.of(1, 10)));
        GaussianTrajectory projective = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.of(1, 10));
        GaussianSnapshot s = takeAt(flips, 0, 20);
        assertEquals("snapshot", assertThrows(InvalidInputException.class,
                () -> projective.run(stream(0), s, null)).field());
        GaussianSnapshot p = takeAt(projective, 0, 20);
        assertEquals("snapshot", assertThrows(InvalidInputException.class,
                () -> flips.run(stream(0), p, null)).field());
    }

    @Test
    void theSectorEngineRefusesPhaseFlipsInOneLine() {
        Chain chain = Chain.builder().sites(4).dephasing(0.5).build();
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> QuantumTrajectory.of(
                Unravelling.of(chain, 1e-9), phaseFlip(TrajectoryOptions.of(1, 2))));
        assertEquals("dephasing_jumps", e.field());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void projectiveIsTheDefaultAndKeysParse() {
        assertEquals(DephasingJumps.PROJECTIVE, TrajectoryOptions.of(1, 2).dephasingJumps());
        assertEquals(DephasingJumps.PHASE_FLIP, DephasingJumps.of("phase-flip"));
        assertEquals(DephasingJumps.PROJECTIVE, DephasingJumps.of("Projective"));
        assertEquals("dephasing_jumps", assertThrows(InvalidInputException.class,
                () -> DephasingJumps.of("sigma-z")).field());
    }

    private static UniformRandomProvider stream(long index) {
        return SeedStreams.stream(1606, index);
    }

    private static GaussianSnapshot takeAt(GaussianTrajectory q, long index, int step) {
        GaussianSnapshotTest.StopAt sink = new GaussianSnapshotTest.StopAt(step);
        assertThrows(GaussianSnapshotTest.Stop.class, () -> q.run(stream(index), null, sink));
        assertTrue(sink.taken != null, "snapshot at step " + step);
        return sink.taken;
    }
}
