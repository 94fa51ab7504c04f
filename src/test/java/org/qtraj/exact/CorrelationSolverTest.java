package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.linalg.DiagonalLyapunov;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;

class CorrelationSolverTest {
    private final CorrelationSolver solver = new CorrelationSolver();

    private static Chain uniform(int n, double omega, double g, double deph, Bath left, Bath right) {
        double[] w = new double[n];
        double[] gs = new double[n - 1];
        double[] d = new double[n];
        Arrays.fill(w, omega);
        Arrays.fill(gs, g);
        Arrays.fill(d, deph);
        return Chain.of(w, gs, new double[n - 1], d, gs.clone(), left, right);
    }

    private static void assertRel(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, rel * Math.abs(expected) + 1e-11, what);
    }

    // ---------------------------------------------------------------------------------------------
    // Against the closed form (uniform chains).

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6, 50})
    void matchesClosedForm(int n) {
        double[][] baths = {{1, 1, 1, 0}, {0.3, 2.5, 2, 0.4}, {1.7, 0.2, 0.5, 3}, {1, 1, 5, 5}};
        for (double deph : new double[] {0, 0.5, 5}) {
            for (double[] b : baths) {
                Chain chain = uniform(n, 1.3, 0.8, deph, new Bath(0, b[0], b[2]), new Bath(n - 1, b[1], b[3]));
                ExactResult exact = new ClosedForm().solve(chain);
                ExactResult r = solver.solve(chain);
                String what = "N=" + n + " deph=" + deph + " baths=" + Arrays.toString(b);
                assertRel(exact.heatCurrentLeft(), r.heatCurrentLeft(), 1e-9, what + " J_left");
                assertRel(exact.heatCurrentRight(), r.heatCurrentRight(), 1e-9, what + " J_right");
                assertRel(exact.particleCurrentLeft(), r.particleCurrentLeft(), 1e-9, what + " I_left");
                assertEquals(0, r.heatCurrentDephasing(), 1e-9 * Math.abs(exact.heatCurrentLeft()) + 1e-15, what);
                double[] pe = exact.populations();
                double[] pr = r.populations();
                for (int k = 0; k < n; k++) {
                    assertRel(pe[k], pr[k], 1e-9, what + " n_" + (k + 1));
                }
                assertTrue(r.extras().get("residual") < 1e-10, what + " residual " + r.extras().get("residual"));
            }
        }
    }

    @Test
    void strongDephasingDiffusiveLimit() {
        // d >> g: the probe system is a stiff diffusion problem; the conservation scaling keeps the current accurate.
        Chain weak = uniform(200, 1, 1e-3, 5, new Bath(0, 1, 1), new Bath(199, 1, 0));
        assertRel(new ClosedForm().solve(weak).heatCurrentLeft(), solver.solve(weak).heatCurrentLeft(), 1e-10,
                "g = 1e-3, d = 5");
        Chain strong = uniform(200, 1, 1, 1000, new Bath(0, 1, 1), new Bath(199, 1, 0));
        double exact = new ClosedForm().solve(strong).heatCurrentLeft();
        assertEquals(exact, solver.solve(strong).heatCurrentLeft(), 5e-8 * exact, "g = 1, d = 1000");
    }

    @Test
    void doneWhenValueThousandSitesDephasing() {
        Chain chain = ModelSpec.empty().withSites(1000).overlay(dephasingSpec(0.5)).build();
        ExactResult r = ExactMethod.CORRELATION.solve(chain);
        assertEquals("correlation", r.method());
        assertRel(0.00106721471, r.heatCurrentLeft(), 1e-9, "J_left N=1000 gamma=0.5");
        assertRel(new ClosedForm().solve(chain).heatCurrentLeft(), r.heatCurrentLeft(), 1e-9, "vs closed form");
    }

    private static ModelSpec dephasingSpec(double d) {
        return new ModelSpec(1000, null, null, null, org.qtraj.model.PerElement.of(d), null, null, null, null);
    }

    // ---------------------------------------------------------------------------------------------
    // Against an independent dense solve of the correlation equations (disordered chains).

    /**
     * The correlation equations written entry by entry, dC_kl/dt = i sum_a (h_ka C_al - C_ka h_al)
     * - kappa_kl C_kl + delta_kl b_k, kappa_kl = (gamma_k + gamma_l)/2 + [k != l] (d_k + d_l)/2, as a dense real
     * system in Re C and Im C (2 N^2 unknowns). Returns {populations, Re C_{k,k+1}, Im C_{k,k+1}}.
     */
    static double[][] denseCorrelations(Chain chain) {
        int n = chain.sites();
        double[][] h = new double[n][n];
        for (int k = 0; k < n; k++) {
            h[k][k] = chain.omega(k);
            if (k + 1 < n) {
                h[k][k + 1] = h[k + 1][k] = chain.coupling(k);
            }
        }
        double[] gamma = new double[n];
        double[] b = new double[n];
        for (Bath bath : chain.baths()) {
            gamma[bath.site()] += bath.gamma(chain.omega(bath.site()));
            b[bath.site()] += bath.absorptionRate(chain.omega(bath.site()));
        }
        int nn = n * n;
        DMatrixRMaj m = new DMatrixRMaj(2 * nn, 2 * nn);
        DMatrixRMaj rhs = new DMatrixRMaj(2 * nn, 1);
        for (int k = 0; k < n; k++) {
            for (int l = 0; l < n; l++) {
                int re = k * n + l;
                int im = nn + re;
                double kappa = (gamma[k] + gamma[l]) / 2 + (k != l ? (chain.dephasing(k) + chain.dephasing(l)) / 2 : 0);
                m.add(re, re, -kappa);
                m.add(im, im, -kappa);
                for (int a = 0; a < n; a++) {
                    // Re: -sum_a (h_ka y_al - y_ka h_al);  Im: sum_a (h_ka x_al - x_ka h_al)
                    m.add(re, nn + a * n + l, -h[k][a]);
                    m.add(re, nn + k * n + a, h[a][l]);
                    m.add(im, a * n + l, h[k][a]);
                    m.add(im, k * n + a, -h[a][l]);
                }
                if (k == l) {
                    rhs.set(re, 0, -b[k]);
                }
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(2 * nn, 1);
        assertTrue(CommonOps_DDRM.solve(m, rhs, x));
        double[][] out = new double[3][];
        out[0] = new double[n];
        out[1] = new double[n - 1];
        out[2] = new double[n - 1];
        for (int k = 0; k < n; k++) {
            out[0][k] = x.get(k * n + k);
            if (k + 1 < n) {
                out[1][k] = x.get(k * n + k + 1);
                out[2][k] = x.get(nn + k * n + k + 1);
            }
        }
        return out;
    }

    private static Chain disordered(long seed, int n, boolean dephasing) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = rng.nextDouble(0.2, 2);
            d[k] = dephasing && rng.nextDouble() < 0.7 ? rng.nextDouble(0, 2) : 0;
            if (k < n - 1) {
                g[k] = rng.nextDouble(0.1, 1.5) * (rng.nextBoolean() ? 1 : -1);
            }
        }
        // Baths on end sites only (interior baths are outside the method): either end, possibly both on one.
        int l = rng.nextBoolean() ? 0 : n - 1;
        int r = rng.nextBoolean() ? 0 : n - 1;
        return Chain.of(w, g, new double[n - 1], d, new double[n - 1],
                new Bath(l, rng.nextDouble(0.1, 3), rng.nextDouble(0, 4)),
                new Bath(r, rng.nextDouble(0.1, 3), rng.nextDouble(0, 4)));
    }

    @Test
    void disorderedChainsMatchDenseCorrelationEquations() {
        int cases = 0;
        for (long seed = 1; seed <= 24; seed++) {
            int n = 2 + (int) (seed % 7);
            Chain chain = disordered(seed, n, seed % 4 != 0);
            double[][] ref = denseCorrelations(chain);
            ExactResult r = solver.solve(chain);
            double[] pop = r.populations();
            for (int k = 0; k < n; k++) {
                assertEquals(ref[0][k], pop[k], 1e-10, "seed " + seed + " n_" + (k + 1) + " " + chain);
            }
            // The heat currents follow from Re C; compare them with the dense Re C through BondCurrents.
            ExactResult fromDense = BondCurrents.result("dense", chain, ref[0], ref[1], java.util.Map.of());
            assertEquals(fromDense.heatCurrentLeft(), r.heatCurrentLeft(), 1e-10, "seed " + seed + " J_left");
            assertEquals(fromDense.heatCurrentRight(), r.heatCurrentRight(), 1e-10, "seed " + seed + " J_right");
            assertEquals(fromDense.heatCurrentDephasing(), r.heatCurrentDephasing(), 1e-10, "seed " + seed + " J_deph");
            cases++;
        }
        assertEquals(24, cases);
    }

    @Test
    void coherencesMatchDenseIncludingImaginaryParts() {
        Chain chain = disordered(99, 8, true);
        double[] d = chain.dephasings();
        double[] gamma = new double[8];
        double[] b = new double[8];
        for (Bath bath : chain.baths()) {
            gamma[bath.site()] += bath.gamma(chain.omega(bath.site()));
            b[bath.site()] += bath.absorptionRate(chain.omega(bath.site()));
        }
        double[] damping = new double[8];
        for (int k = 0; k < 8; k++) {
            damping[k] = gamma[k] + d[k];
        }
        double[][] ref = denseCorrelations(chain);
        // Feed the dense populations' source s = b + d o c into one diagonal Lyapunov solve.
        double[] s = new double[8];
        for (int k = 0; k < 8; k++) {
            s[k] = b[k] + d[k] * ref[0][k];
        }
        DiagonalLyapunov.Solution sol = new DiagonalLyapunov(chain.omegas(), chain.couplings(), damping).apply(s);
        for (int k = 0; k < 7; k++) {
            assertEquals(ref[1][k], sol.coherenceRe()[k], 1e-11, "Re C_" + k);
            assertEquals(ref[2][k], sol.coherenceIm()[k], 1e-11, "Im C_" + k);
            assertEquals(ref[0][k], sol.populations()[k], 1e-11, "n_" + k);
        }
        assertTrue(sol.maxImagPopulation() < 1e-13);
    }

    @Test
    void responseMatrixMatchesUnitSourceSolves() {
        // A_kj from the tiled semi-separable products vs one O(N^2) solve per unit source, N = 90 (three tiles).
        SplittableRandom rng = new SplittableRandom(5);
        int n = 90;
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] damping = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = rng.nextDouble(0.5, 1.5);
            damping[k] = rng.nextDouble(0, 0.8);
            if (k < n - 1) {
                g[k] = rng.nextDouble(0.3, 1.2);
            }
        }
        damping[0] += 1;
        DiagonalLyapunov lyap = new DiagonalLyapunov(w, g, damping);
        int[] sites = {0, 1, 5, 6, 7, 30, 31, 33, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56,
            57, 58, 59, 60, 61, 62, 63, 64, 65, 70, 88, 89};
        double[][] a = lyap.response(sites);
        for (int q = 0; q < sites.length; q++) {
            double[] e = new double[n];
            e[sites[q]] = 1;
            double[] c = lyap.apply(e).populations();
            for (int p = 0; p < sites.length; p++) {
                assertEquals(c[sites[p]], a[p][q], 1e-12 * Math.max(1, Math.abs(c[sites[p]])),
                        "A[" + sites[p] + "][" + sites[q] + "]");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Physical checks on larger disordered chains.

    @Test
    void conservationLawsOnDisorderedChain() {
        for (long seed = 100; seed < 106; seed++) {
            Chain chain = disordered(seed, 60, true);
            ExactResult r = solver.solve(chain);
            double scale = Math.abs(r.particleCurrentLeft()) + 1e-12;
            assertEquals(0, r.particleCurrentLeft() + r.particleCurrentRight(), 1e-9 * scale, "I_left + I_right");
            double jScale = Math.abs(r.heatCurrentLeft()) + Math.abs(r.heatCurrentDephasing()) + 1e-12;
            assertEquals(0, r.heatCurrentLeft() + r.heatCurrentRight() + r.heatCurrentDephasing(), 1e-9 * jScale,
                    "J_left + J_right + J_deph");
        }
    }

    @Test
    void equalTemperaturesGiveThermalPopulations() {
        // Same temperature and one omega: s_left = s_right; the state is diag(s) (C = s I solves the equations).
        SplittableRandom rng = new SplittableRandom(11);
        int n = 40;
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] d = new double[n];
        Arrays.fill(w, 0.9);
        for (int k = 0; k < n; k++) {
            d[k] = rng.nextDouble(0, 1);
            if (k < n - 1) {
                g[k] = rng.nextDouble(0.2, 1);
            }
        }
        Chain chain = Chain.of(w, g, new double[n - 1], d, new double[n - 1], new Bath(0, 0.7, 1.3),
                new Bath(n - 1, 2.1, 1.3));
        ExactResult r = solver.solve(chain);
        double s = chain.left().s(0.9);
        for (double p : r.populations()) {
            assertEquals(s, p, 1e-11);
        }
        assertEquals(0, r.heatCurrentLeft(), 1e-12);
        assertEquals(0, r.heatCurrentDephasing(), 1e-12);
    }

    @Test
    void zeroCouplingSplitsTheChain() {
        // Bond 2 cut: sites 1-2 feel only the left bath, sites 3-4 only the right one: each piece thermalises.
        Chain chain = Chain.of(new double[] {1, 1.2, 0.8, 1}, new double[] {0.7, 0, 0.9}, new double[3],
                new double[] {0.3, 0, 0.5, 0.1}, new double[3], new Bath(0, 1, 1), new Bath(3, 1, 0.5));
        ExactResult r = solver.solve(chain);
        double[] p = r.populations();
        assertEquals(chain.left().s(1), p[0], 1e-12);
        assertEquals(chain.left().s(1), p[1], 1e-12);
        assertEquals(chain.right().s(1), p[2], 1e-12);
        assertEquals(chain.right().s(1), p[3], 1e-12);
        assertEquals(0, r.particleCurrentLeft(), 1e-12);
    }

    // ---------------------------------------------------------------------------------------------
    // Where the eigen-decomposition degrades: accurate, or a SolverException, never a silent wrong answer.

    /** N = 2 with gamma_1 - gamma_2 = 4 g + offset: X is defective at offset 0 (an exceptional point). */
    private static Chain nearExceptionalPoint(double offset) {
        Bath right = new Bath(1, 1, 0.7);
        double f = 2 * new Bath(0, 1, 0.5).nbar(1) + 1;
        double rate = (4 + right.gamma(1) + offset) / f;
        return Chain.of(new double[] {1, 1}, new double[] {1}, new double[1], new double[2], new double[1],
                new Bath(0, rate, 0.5), right);
    }

    @Test
    void nearExceptionalPointAccurateOrRefused() {
        for (double offset : new double[] {1e-2, 1e-4}) {
            Chain chain = nearExceptionalPoint(offset);
            double[][] ref = denseCorrelations(chain);
            ExactResult r = solver.solve(chain);
            assertRel(ref[0][0], r.populations()[0], 1e-10, "offset " + offset);
            assertRel(ref[0][1], r.populations()[1], 1e-10, "offset " + offset);
            assertTrue(r.extras().get("eigen_condition") > 10, "condition " + r.extras());
        }
        for (double offset : new double[] {1e-12, 0, -1e-12}) {
            Chain chain = nearExceptionalPoint(offset);
            assertThrows(SolverException.class, () -> solver.solve(chain), "offset " + offset);
        }
    }

    @Test
    void andersonLocalisedChainWithoutDephasingIsRefused() {
        // Disorder W = 1 in omega, no dephasing, N = 200: modes in the middle decay at ~1e-11, below the
        // 1e-10 ||X|| floor; the same chain with dephasing 0.05 solves fine.
        SplittableRandom rng = new SplittableRandom(4);
        int n = 200;
        double[] w = new double[n];
        double[] g = new double[n - 1];
        for (int k = 0; k < n; k++) {
            w[k] = 1 + rng.nextDouble(-0.5, 0.5);
            if (k < n - 1) {
                g[k] = 1 + 0.1 * rng.nextDouble(-1, 1);
            }
        }
        Chain clean = Chain.of(w, g, new double[n - 1], new double[n], new double[n - 1], new Bath(0, 1, 1),
                new Bath(n - 1, 1, 0));
        // a property of the model, refused as bad input for this method (exit 2), not a numerical crash (exit 1)
        NotApplicableException e = assertThrows(NotApplicableException.class, () -> solver.solve(clean));
        assertEquals("method", e.field());
        assertTrue(e.getMessage().contains("undamped") && e.getMessage().contains("dephasing"), e.getMessage());
        double[] d = new double[n];
        Arrays.fill(d, 0.05);
        Chain dephased = Chain.of(w, g, new double[n - 1], d, new double[n - 1], new Bath(0, 1, 1),
                new Bath(n - 1, 1, 0));
        ExactResult r = solver.solve(dephased);
        assertEquals(0, r.particleCurrentLeft() + r.particleCurrentRight(), 1e-9 * Math.abs(r.particleCurrentLeft()));
        assertTrue(r.particleCurrentLeft() > 0);
    }

    // ---------------------------------------------------------------------------------------------
    // Refusals and dispatch.

    @Test
    void refusesAnisotropy() {
        Chain chain = Chain.of(new double[] {1, 1, 1}, new double[] {1, 1}, new double[] {0, 0.5}, new double[3],
                new double[2], new Bath(0, 1, 1), new Bath(2, 1, 0));
        String why = solver.refusal(chain);
        assertTrue(why != null && why.contains("D = 0") && why.contains("liouvillian"), why);
        NotApplicableException e = assertThrows(NotApplicableException.class, () -> solver.solve(chain));
        assertTrue(e.getMessage().contains("correlation does not apply"), e.getMessage());
    }

    @Test
    void refusesPieceWithoutBath() {
        Chain chain = Chain.of(new double[] {1, 1, 1}, new double[] {1, 0}, new double[2], new double[3],
                new double[2], new Bath(0, 1, 1), new Bath(1, 1, 0));
        String why = solver.refusal(chain);
        assertTrue(why != null && why.contains("sites 3 to 3"), why);
    }

    @Test
    void refusesBathOnInteriorSite() {
        Chain chain = Chain.of(new double[] {1.1, 0.7, 1.4}, new double[] {0.8, -0.6}, new double[2],
                new double[] {0.3, 0, 0.7}, new double[2], new Bath(1, 1.2, 2), new Bath(2, 0.6, 0.3));
        String why = solver.refusal(chain);
        assertTrue(why != null && why.contains("site 2") && why.contains("Jordan-Wigner"), why);
        // Why: the free-fermion equations and the master equation disagree for this chain.
        double[][] fermions = denseCorrelations(chain);
        double[][] qubits = SmallLindblad.steadyState(chain);
        assertTrue(Math.abs(fermions[0][0] - qubits[0][0]) > 1e-3, "n_1 " + fermions[0][0] + " vs " + qubits[0][0]);
        // An interior bath of rate 0 has no jump operators and is accepted; so is one at the end of a cut piece.
        Chain idle = Chain.of(new double[] {1, 1, 1}, new double[] {1, 1}, new double[2], new double[3],
                new double[2], new Bath(1, 0, 2), new Bath(2, 0.6, 0.3));
        assertEquals(null, solver.refusal(idle));
        Chain cut = Chain.of(new double[] {1, 1, 1, 1}, new double[] {1, 0, 1}, new double[3], new double[4],
                new double[3], new Bath(1, 1, 2), new Bath(2, 0.6, 0.3));
        assertEquals(null, solver.refusal(cut));
    }

    @Test
    void matchesFullMasterEquationOnSmallChains() {
        // Independent of the Jordan-Wigner mapping: the qubit Liouvillian on 2^N states (SmallLindblad).
        for (long seed = 1; seed <= 8; seed++) {
            int n = 2 + (int) (seed % 3);
            Chain chain = disordered(seed + 40, n, seed % 3 != 0);
            double[][] ref = SmallLindblad.steadyState(chain);
            ExactResult r = solver.solve(chain);
            for (int k = 0; k < n; k++) {
                assertEquals(ref[0][k], r.populations()[k], 1e-10, "seed " + seed + " n_" + (k + 1) + " " + chain);
            }
            ExactResult fromQubits = BondCurrents.result("lindblad", chain, ref[0], ref[1], java.util.Map.of());
            assertEquals(fromQubits.heatCurrentLeft(), r.heatCurrentLeft(), 1e-10, "seed " + seed + " J_left");
            assertEquals(fromQubits.heatCurrentDephasing(), r.heatCurrentDephasing(), 1e-10, "seed " + seed + " J_deph");
        }
    }

    @Test
    void autoPicksCorrelationForDisorderedXX() {
        Chain chain = disordered(3, 5, true);
        assertEquals("correlation", ExactMethod.AUTO.solve(chain).method());
        Chain uniformChain = uniform(4, 1, 1, 0.5, new Bath(0, 1, 1), new Bath(3, 1, 0));
        assertEquals("closed", ExactMethod.AUTO.solve(uniformChain).method());
    }
}
