package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.qtraj.ensemble.EnsembleDriver;
import org.qtraj.ensemble.EnsembleOptions;
import org.qtraj.ensemble.EnsembleRun;
import org.qtraj.ensemble.ProgressListener;
import org.qtraj.ensemble.StopRule;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.ExactResult;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.stats.Estimates;

/**
 * The Gaussian (Slater-determinant) trajectory engine against the exact correlation solver and the sector engine.
 * Every compared estimator is z-tested at |z| &lt; 4 ({@link ZChecks}: false-alarm probability 6.3e-5 per comparison
 * for a Gaussian mean; with about 150 comparisons in this class, about 1 % that correct code fails on the fixed
 * seeds).
 */
class GaussianTrajectoryTest {

    /*
     * Windows of the long chains: with dephasing the populations relax diffusively, at a rate of about
     * (4 g^2/gamma) pi^2/N^2 (0.03 at N = 50, gamma = 0.5), so a burn-in of 300-400 leaves a transient far below the
     * error bars. Without dephasing the slowest population mode of the uniform chain decays at 2 min|Im eig h_eff|,
     * 3.6e-3 at N = 20 and 2.4e-4 at N = 50 (times 280 and 4000): that is why the clean chain is checked at N = 4 only.
     */
    static final double T20_BURN = 300;
    static final double T20_TOTAL = 600;
    static final double T50_BURN = 300;
    static final double T50_TOTAL = 500;

    static EnsembleRun<Estimates> run(GaussianTrajectory q, long trajectories, long seed, int threads) {
        return EnsembleDriver.run((i, rng) -> q.run(rng), Estimates.empty(q.names()), Estimates::add,
                e -> e.get("heat_current"),
                new EnsembleOptions(seed, threads, 0, StopRule.trajectories(trajectories)), ProgressListener.NONE);
    }

    /** The exact values of the estimators the Gaussian engine shares with the correlation solver. */
    static Map<String, Double> exact(Chain chain) {
        ExactResult r = ExactMethod.CORRELATION.solve(chain);
        return QuantumTrajectoryExactTest.exactMap(r);
    }

    static Chain disordered(int n, double dephasing, long seed) {
        var rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] deph = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = 0.8 + 0.4 * rng.nextDouble();
            deph[k] = dephasing * (0.5 + rng.nextDouble());
        }
        for (int b = 0; b < n - 1; b++) {
            g[b] = 0.7 + 0.6 * rng.nextDouble();
        }
        return Chain.of(w, g, new double[n - 1], deph, g.clone(), new Bath(0, 1, 1), new Bath(n - 1, 1, 0));
    }

    @Test
    void uniformN4WithoutDephasingMatchesCorrelationSolver() {
        Chain chain = TrajectoryRuns.uniform(4, 0, 1, 1, 1, 0);
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.defaults(chain));
        ZChecks.assertZ("gaussian N=4 gamma=0", run(q, 200, 16L, 2).result(), exact(chain));
    }

    @Test
    void uniformN4WithDephasingMatchesCorrelationSolver() {
        Chain chain = TrajectoryRuns.uniform(4, 0.5, 1, 1, 1, 0);
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.defaults(chain));
        ZChecks.assertZ("gaussian N=4 gamma=0.5", run(q, 200, 17L, 2).result(), exact(chain));
    }

    @Test
    void disorderedN20WithDephasingMatchesCorrelationSolver() {
        Chain chain = disordered(20, 0.5, 2020L);
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.of(T20_BURN, T20_TOTAL));
        ZChecks.assertZ("gaussian N=20 disordered gamma~0.5", run(q, 64, 20L, 2).result(), exact(chain));
    }

    @Test
    void uniformN50WithDephasingMatchesCorrelationSolver() {
        Chain chain = TrajectoryRuns.uniform(50, 0.5, 1, 1, 1, 0);
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.of(T50_BURN, T50_TOTAL));
        ZChecks.assertZ("gaussian N=50 gamma=0.5", run(q, 32, 50L, 2).result(), exact(chain));
    }

    /** Interior baths (left on site 2, right on site 4 of 4: both carry a Jordan-Wigner string), disordered. */
    static Chain interior() {
        return Chain.of(new double[] {1.0, 1.3, 0.8, 1.1}, new double[] {0.7, 1.2, 0.9}, new double[3],
                new double[] {0.2, 0.5, 0.1, 0.3}, new double[] {1, 1, 1}, new Bath(1, 1.0, 1.0), new Bath(3, 0.8, 0.2));
    }

    @Test
    void interiorBathsMatchTheLiouvillian() {
        Chain chain = interior();
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.defaults(chain));
        ZChecks.assertZ("gaussian interior baths vs liouvillian", run(q, 200, 4L, 2).result(),
                QuantumTrajectoryExactTest.exactMap(ExactMethod.LIOUVILLIAN.solve(chain)));
    }

    @Test
    void interiorBathsMatchTheSectorEngine() {
        Chain chain = interior();
        TrajectoryOptions o = TrajectoryOptions.defaults(chain);
        Estimates gauss = run(GaussianTrajectory.of(chain, 1e-9, o), 200, 41L, 2).result();
        Estimates sector = TrajectoryRuns.run(chain, o, 1e-9, 200, 42L, 2).result();
        StringBuilder report = new StringBuilder("gaussian vs sector, interior baths\n");
        boolean ok = true;
        for (String name : sector.names()) {
            var a = gauss.get(name);
            var b = sector.get(name);
            double se = Math.hypot(a.standardError(), b.standardError());
            double z = (a.mean() - b.mean()) / se;
            boolean pass = se == 0 ? Math.abs(a.mean() - b.mean()) <= 1e-9 : Math.abs(z) < ZChecks.Z_MAX;
            ok &= pass;
            report.append(String.format("  %-24s %11.6f +- %9.6f  sector %11.6f +- %9.6f  z %6.2f%n", name, a.mean(),
                    a.standardError(), b.mean(), b.standardError(), z));
        }
        System.out.print(report);
        assertTrue(ok, report.toString());
    }

    @Test
    void namesAreTheSectorEngines() {
        Chain chain = interior();
        TrajectoryOptions o = TrajectoryOptions.of(1, 5).sampling(0b0101, java.util.List.of(0.0, 2.0));
        java.util.List<String> sector = new java.util.ArrayList<>(QuantumTrajectory.of(Unravelling.of(chain, 1e-9), o)
                .names());
        sector.add(GaussianTrajectory.ENTROPY);
        assertEquals(sector, GaussianTrajectory.of(chain, 1e-9, o).names());
    }

    @Test
    void threadCountDoesNotChangeTheResult() {
        Chain chain = disordered(8, 0.5, 3L);
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.of(5, 25));
        Estimates one = run(q, 48, 99, 1).result();
        assertEquals(one, run(q, 48, 99, 2).result());
        assertEquals(one, run(q, 48, 99, 4).result());
        assertTrue(!one.equals(run(q, 48, 100, 2).result()));
    }

    @Test
    void orbitalsStayOrthonormalAndJumpsHitTheirNorm() {
        Chain chain = disordered(30, 0.5, 7L);
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.of(0, 2000));
        GaussianTrajectory.Diagnostics d = q.diagnose(RandomSource.XO_RO_SHI_RO_128_PP.create(1L));
        System.out.println("long trajectory: " + d);
        assertTrue(d.jumps() > 3_000, d.toString());
        assertTrue(d.worstOrthonormality() < 1e-12, d.toString());
        assertTrue(d.worstJumpNorm() < 1e-12, d.toString());
    }

    @Test
    void refusesAnisotropyAndShortChains() {
        Chain xxz = Chain.of(new double[] {1, 1, 1}, new double[] {1, 1}, new double[] {0, 0.5}, new double[3],
                new double[] {1, 1}, new Bath(0, 1, 1), new Bath(2, 1, 0));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> GaussianTrajectory.of(xxz, 1e-9, TrajectoryOptions.of(1, 2)));
        assertEquals("anisotropy", e.field());
        InvalidInputException one = assertThrows(InvalidInputException.class, () -> Chain.of(new double[] {1},
                new double[0], new double[0], new double[1], new double[0], new Bath(0, 1, 1), new Bath(0, 1, 0)));
        assertEquals("sites", one.field());
        Chain ok = TrajectoryRuns.uniform(3, 0, 1, 1, 1, 0);
        assertEquals("tolerance", assertThrows(InvalidInputException.class,
                () -> GaussianTrajectory.of(ok, 1e-2, TrajectoryOptions.of(1, 2))).field());
    }

    /** Relaxation from |0101&gt; (sites 1 and 3 excited) through interior baths: sampled populations against exp(L t). */
    @Test
    void sampledPopulationsMatchTheExactRelaxation() {
        Chain chain = interior();
        double[] times = {0, 0.5, 2, 6};
        TrajectoryOptions o = TrajectoryOptions.of(0, 6).sampling(0b0101, java.util.List.of(0.0, 0.5, 2.0, 6.0));
        Estimates e = run(GaussianTrajectory.of(chain, 1e-9, o), 400, 77L, 2).result();
        double[][] exact = org.qtraj.exact.relaxation.Relaxation.populations(chain, 0b0101, times);
        Map<String, Double> m = new LinkedHashMap<>();
        for (int j = 0; j < times.length; j++) {
            for (int k = 0; k < 4; k++) {
                m.put("population_" + (k + 1) + "_at_" + j, exact[j][k]);
            }
        }
        ZChecks.assertZ("gaussian relaxation from 0101, interior baths", e, m);
    }

    /**
     * Propagation accuracy without statistics: a closed disordered chain (bath rates 0, no dephasing: no jump
     * channel, unitary evolution of three orbitals) against the exact exp(L t) populations, to 1e-8 at t up to 20
     * (tolerance 1e-9 per Taylor step, about 20 steps; measured deviation 4e-10).
     */
    @Test
    void closedChainPropagationIsExact() {
        Chain chain = Chain.of(new double[] {1.0, 1.3, 0.8, 1.1, 0.9, 1.2}, new double[] {0.7, 1.2, 0.9, 1.1, 0.6},
                new double[5], new double[6], new double[5], new Bath(0, 0, 1), new Bath(5, 0, 0));
        double[] times = {0, 0.7, 3, 8.5, 20};
        java.util.List<Double> list = Arrays.stream(times).boxed().toList();
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9, TrajectoryOptions.of(0, 20).sampling(0b100011, list));
        double[] v = q.run(RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        double[][] exact = org.qtraj.exact.relaxation.Relaxation.populations(chain, 0b100011, times);
        int offset = q.names().indexOf("population_1_at_0");
        for (int j = 0; j < times.length; j++) {
            for (int k = 0; k < 6; k++) {
                assertEquals(exact[j][k], v[offset + j * 6 + k], 1e-8, "site " + (k + 1) + " at t = " + times[j]);
            }
        }
        assertEquals(0, v[q.names().indexOf("jump_rate")]);
    }

    /**
     * The half-chain entanglement entropy on the closed chain of {@link #closedChainPropagationIsExact} (unitary,
     * no jumps: the trajectory is deterministic) against an independent computation: C(t) = U C(0) U^+ with U =
     * V exp(-i D t) V^T from the eigenvectors of the real one-body h, S from the eigenvalues of the 3 x 3 block of C
     * on sites 1..3 (not of the orbitals' n x n overlap, as the engine), averaged over the engine's documented grid
     * t_i = (i + 1/2) T / 32. Tolerance 1e-7: the propagation is accurate to about 1e-9 per step.
     */
    @Test
    void halfChainEntropyOfAClosedChainIsExact() {
        double[] w = {1.0, 1.3, 0.8, 1.1, 0.9, 1.2};
        double[] gb = {0.7, 1.2, 0.9, 1.1, 0.6};
        Chain chain = Chain.of(w, gb, new double[5], new double[6], new double[5], new Bath(0, 0, 1), new Bath(5, 0, 0));
        double total = 20;
        GaussianTrajectory q = GaussianTrajectory.of(chain, 1e-9,
                TrajectoryOptions.of(0, total).sampling(0b100011, java.util.List.of()));
        double[] v = q.run(RandomSource.XO_RO_SHI_RO_128_PP.create(3L));
        double got = v[q.names().indexOf(GaussianTrajectory.ENTROPY)];

        org.ejml.data.DMatrixRMaj h = new org.ejml.data.DMatrixRMaj(6, 6);
        for (int k = 0; k < 6; k++) {
            h.set(k, k, w[k]);
        }
        for (int b = 0; b < 5; b++) {
            h.set(b, b + 1, gb[b]);
            h.set(b + 1, b, gb[b]);
        }
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(6, true, true);
        assertTrue(eig.decompose(h));
        int[] occupied = {0, 1, 5};
        double sum = 0;
        int samples = GaussianTrajectory.ENTROPY_SAMPLES;
        for (int i = 0; i < samples; i++) {
            double t = (i + 0.5) * total / samples;
            // orbital a at time t: U e_{occupied[a]}, U_kj = sum_m V_km exp(-i d_m t) V_jm
            double[][] re = new double[3][6];
            double[][] im = new double[3][6];
            for (int a = 0; a < 3; a++) {
                for (int m = 0; m < 6; m++) {
                    double d = eig.getEigenvalue(m).getReal();
                    var vec = eig.getEigenVector(m);
                    double c = vec.get(occupied[a]);
                    for (int k = 0; k < 6; k++) {
                        re[a][k] += vec.get(k) * Math.cos(d * t) * c;
                        im[a][k] -= vec.get(k) * Math.sin(d * t) * c;
                    }
                }
            }
            // C_kl = sum_a conj(phi_a(k)) phi_a(l) (= <c_k^+ c_l>) on sites 1..3, embedded as a real 6 x 6 matrix
            org.ejml.data.DMatrixRMaj c = new org.ejml.data.DMatrixRMaj(6, 6);
            for (int k = 0; k < 3; k++) {
                for (int l = 0; l < 3; l++) {
                    double cr = 0;
                    double ci = 0;
                    for (int a = 0; a < 3; a++) {
                        cr += re[a][k] * re[a][l] + im[a][k] * im[a][l];
                        ci += re[a][k] * im[a][l] - im[a][k] * re[a][l];
                    }
                    c.set(k, l, cr);
                    c.set(3 + k, 3 + l, cr);
                    c.set(3 + k, l, ci);
                    c.set(k, 3 + l, -ci);
                }
            }
            var ce = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(6, false, true);
            assertTrue(ce.decompose(c));
            for (int m = 0; m < 6; m++) {
                double nu = ce.getEigenvalue(m).getReal();
                if (nu > 1e-14 && nu < 1 - 1e-14) {
                    sum -= 0.5 * (nu * Math.log(nu) + (1 - nu) * Math.log(1 - nu));
                }
            }
        }
        double exact = sum / samples;
        assertTrue(exact > 0.3, "the test should see entanglement, got " + exact);
        assertEquals(exact, got, 1e-7);
    }
}
