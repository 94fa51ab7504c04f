package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.sector.BlockState;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.exact.sector.SectorBasis;
import org.qtraj.exact.sector.TraceFixedSolver;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

public class LiouvillianSolverTest {
    private final LiouvillianSolver solver = new LiouvillianSolver();

    /** |actual - expected| <= rel * max(|expected|, floor). */
    static void close(double expected, double actual, double rel, double floor, String what) {
        double tol = rel * Math.max(Math.abs(expected), floor);
        assertTrue(Math.abs(actual - expected) <= tol,
                what + ": expected " + expected + ", got " + actual + " (tolerance " + tol + ")");
    }

    /** An irregular chain: disorder in omega and g, ZZ couplings, per-site dephasing (one site without). */
    public static Chain disorderedXXZ() {
        return Chain.of(new double[] {1.0, 0.7, 1.3, 0.9}, new double[] {0.8, 1.2, 0.5},
                new double[] {0.3, -0.5, 1.0}, new double[] {0.2, 0, 0.7, 0.4}, new double[] {1, 1, 1},
                new Bath(0, 0.7, 2.0), new Bath(3, 1.3, 0.4));
    }

    @Test
    void matchesClosedFormForUniformXXChains() {
        double[][] temps = {{1, 0}, {2, 0.5}, {0.3, 1.5}};
        double[][] rates = {{1, 1}, {0.5, 2}};
        ClosedForm closed = new ClosedForm();
        int cases = 0;
        for (int n = 2; n <= 6; n++) {
            for (double deph : new double[] {0, 0.5, 5}) {
                for (double[] t : temps) {
                    for (double[] g : rates) {
                        Chain chain = TestChains.uniform(n, 1.3, 0.8, 0, deph, g[0], t[0], g[1], t[1]);
                        ExactResult e = closed.solve(chain);
                        ExactResult a = solver.solve(chain);
                        String at = "N=" + n + " deph=" + deph + " T=" + t[0] + "," + t[1] + " G=" + g[0] + "," + g[1];
                        double scale = Math.abs(e.heatCurrentLeft());
                        close(e.heatCurrentLeft(), a.heatCurrentLeft(), 1e-9, 0, "J_left " + at);
                        close(e.heatCurrentRight(), a.heatCurrentRight(), 1e-9, 0, "J_right " + at);
                        close(0, a.heatCurrentDephasing(), 1e-9, scale, "J_deph " + at);
                        close(e.particleCurrentLeft(), a.particleCurrentLeft(), 1e-9, 0, "I_left " + at);
                        close(e.localHeatCurrent(), a.localHeatCurrent(), 1e-9, 0, "local " + at);
                        for (int k = 0; k < n; k++) {
                            close(e.populations()[k], a.populations()[k], 1e-9, 0, "n_" + k + " " + at);
                        }
                        assertEquals("liouvillian", a.method());
                        assertTrue(a.extras().get("relative_residual") < 1e-9);
                        cases++;
                    }
                }
            }
        }
        assertEquals(90, cases);
    }

    @Test
    void paperFigure2CurrentIsIndependentOfN() {
        // PHYSICS.md: with w = g = G = 1, T = 1, 0 and no dephasing J_Q = 0.119364770..., for every N.
        for (int n = 2; n <= 7; n++) {
            close(0.119364770, solver.solve(TestChains.defaults(n, 0, 0)).heatCurrentLeft(), 1e-8, 0, "N=" + n);
        }
        // and 0.0895544364 for N = 4, dephasing 0.5.
        close(0.0895544364, solver.solve(TestChains.defaults(4, 0, 0.5)).heatCurrentLeft(), 1e-9, 0, "deph");
    }

    @Test
    void matchesIndependentDenseSolveForXXZWithDephasing() {
        Chain[] chains = {
            TestChains.uniform(3, 1, 1, 1, 0.5, 1, 1, 1, 0),
            TestChains.uniform(4, 1, 1, 1, 0.5, 0.6, 1.5, 1.4, 0.2),
            disorderedXXZ(),
            // baths on interior sites, one bath at T = 0
            Chain.of(new double[] {1.1, 0.9, 1.2}, new double[] {0.7, -0.9}, new double[] {0.4, 0.8},
                    new double[] {0.3, 0.3, 0.0}, new double[] {1, 1}, new Bath(1, 1.0, 1.2), new Bath(2, 0.5, 0)),
        };
        for (Chain chain : chains) {
            DenseLindblad dense = new DenseLindblad(chain);
            double[][][] rho = dense.steadyState();
            ExactResult a = solver.solve(chain);
            String at = chain.toString();
            double jl = dense.heatCurrent(rho, dense.jumpsLeft, dense.ratesLeft);
            double jr = dense.heatCurrent(rho, dense.jumpsRight, dense.ratesRight);
            double jd = dense.heatCurrent(rho, dense.jumpsDeph, dense.ratesDeph);
            double scale = Math.abs(jl) + Math.abs(jr);
            close(jl, a.heatCurrentLeft(), 1e-9, scale, "J_left " + at);
            close(jr, a.heatCurrentRight(), 1e-9, scale, "J_right " + at);
            close(jd, a.heatCurrentDephasing(), 1e-9, scale, "J_deph " + at);
            for (int k = 0; k < chain.sites(); k++) {
                close(dense.population(rho, k), a.populations()[k], 1e-9, 1e-3, "n_" + k + " " + at);
            }
        }
    }

    @Test
    void steadyStateMatchesDenseElementByElement() {
        Chain chain = disorderedXXZ();
        DenseLindblad dense = new DenseLindblad(chain);
        double[][][] expected = dense.steadyState();
        Liouvillian l = Liouvillian.of(chain);
        double[][] got = TraceFixedSolver.of(l).steadyState().x().toDense();
        int dim = 1 << chain.sites();
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                assertEquals(expected[0][i][j], got[0][i * dim + j], 1e-11, "Re rho " + i + "," + j);
                assertEquals(expected[1][i][j], got[1][i * dim + j], 1e-11, "Im rho " + i + "," + j);
            }
        }
    }

    @Test
    void currentsAreConserved() {
        Chain[] chains = {
            disorderedXXZ(),
            TestChains.uniform(5, 1, 1, 1, 0.5, 1, 1, 1, 0),
            Chain.of(new double[] {0.6, 1.4, 0.8, 1.1, 0.95}, new double[] {0.9, 0.4, 1.3, 0.7},
                    new double[] {0, 0, 0, 0}, new double[] {0.1, 0.8, 0.3, 0.0, 0.5}, new double[] {1, 1, 1, 1},
                    new Bath(0, 1.0, 1.0), new Bath(4, 1.0, 0.1)),
        };
        for (Chain chain : chains) {
            ExactResult r = solver.solve(chain);
            double scale = Math.abs(r.heatCurrentLeft()) + Math.abs(r.heatCurrentRight());
            assertEquals(0, r.particleCurrentLeft() + r.particleCurrentRight(), 1e-10 * Math.abs(r.particleCurrentLeft()),
                    "I_left + I_right " + chain);
            assertEquals(0, r.heatCurrentLeft() + r.heatCurrentRight() + r.heatCurrentDephasing(), 1e-10 * scale,
                    "J sum " + chain);
            // Dephasing exchanges energy with these chains (PHYSICS.md): the check above is not 0 = 0.
            assertTrue(Math.abs(r.heatCurrentDephasing()) > 1e-4 * scale, "J_deph " + r.heatCurrentDephasing());
            assertTrue(r.particleCurrentLeft() > 0, "hot left bath feeds the chain");
        }
    }

    @Test
    void equalTemperaturesGiveEquilibrium() {
        Chain chain = TestChains.uniform(5, 1.2, 0.9, 0, 0.7, 0.5, 0.8, 2.0, 0.8);
        ExactResult r = solver.solve(chain);
        double s = chain.left().s(1.2);
        assertEquals(0, r.heatCurrentLeft(), 1e-12);
        assertEquals(0, r.heatCurrentRight(), 1e-12);
        assertEquals(0, r.heatCurrentDephasing(), 1e-12);
        assertEquals(0, r.particleCurrentLeft(), 1e-12);
        for (double p : r.populations()) {
            assertEquals(s, p, 1e-11);
        }
    }

    @Test
    void zeroTemperatureBathsEmptyTheChain() {
        // Both baths at T = 0: no absorption at all, the empty sector has no decay (the preconditioner's floor).
        ExactResult r = solver.solve(TestChains.uniform(4, 1, 1, 1, 0.3, 1, 0, 0.5, 0));
        for (double p : r.populations()) {
            assertEquals(0, p, 1e-12);
        }
        assertEquals(0, r.heatCurrentLeft(), 1e-12);
        assertEquals(0, r.heatCurrentDephasing(), 1e-12);
    }

    @Test
    void blocksAreDensityMatrices() {
        for (Chain chain : new Chain[] {disorderedXXZ(), TestChains.uniform(6, 1, 1, 1, 0.5, 1, 3, 0.4, 0)}) {
            BlockState rho = TraceFixedSolver.of(Liouvillian.of(chain)).steadyState().x();
            SectorBasis basis = rho.basis();
            double trace = 0;
            for (int n = 0; n < basis.sectors(); n++) {
                int d = basis.dim(n);
                double[][] b = rho.block(n);
                for (int i = 0; i < d; i++) {
                    trace += b[0][i * d + i];
                    for (int j = 0; j < d; j++) {
                        assertEquals(b[0][i * d + j], b[0][j * d + i], 0, "Re symmetric");
                        assertEquals(b[1][i * d + j], -b[1][j * d + i], 0, "Im antisymmetric");
                        assertEquals(b[0][i * d + j], rho.re(n, i, j), 1e-15);
                        assertEquals(b[1][i * d + j], rho.im(n, i, j), 1e-15);
                    }
                }
                assertTrue(minEigenvalue(b[0], b[1], d) > -1e-10, "block " + n + " not positive semi-definite");
            }
            assertEquals(1, trace, 1e-12);
            assertEquals(1, rho.trace(), 1e-12);
        }
    }

    /** Smallest eigenvalue of the Hermitian A + iB via the real symmetric [[A, -B], [B, A]]. */
    static double minEigenvalue(double[] re, double[] im, int d) {
        DMatrixRMaj m = new DMatrixRMaj(2 * d, 2 * d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m.set(i, j, re[i * d + j]);
                m.set(i + d, j + d, re[i * d + j]);
                m.set(i, j + d, -im[i * d + j]);
                m.set(i + d, j, im[i * d + j]);
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * d, false, true);
        assertTrue(eig.decompose(m));
        double min = Double.POSITIVE_INFINITY;
        for (int k = 0; k < 2 * d; k++) {
            min = Math.min(min, eig.getEigenvalue(k).real);
        }
        return min;
    }

    @Test
    void swappingTemperaturesReversesTheCurrent() {
        // Uniform XX chain, equal rates: the mirror image of the swapped chain is the original one.
        ExactResult a = solver.solve(TestChains.uniform(5, 1, 0.7, 0, 0.3, 0.8, 2.0, 0.8, 0.3));
        ExactResult b = solver.solve(TestChains.uniform(5, 1, 0.7, 0, 0.3, 0.8, 0.3, 0.8, 2.0));
        assertTrue(Math.abs(a.heatCurrentLeft()) > 1e-3);
        close(-a.heatCurrentLeft(), b.heatCurrentLeft(), 1e-10, 0, "J_left");
        close(-a.particleCurrentLeft(), b.particleCurrentLeft(), 1e-10, 0, "I_left");
        // Uniform XXZ with dephasing: J_deph != 0, so the mirror gives J_left' = J_right rather than -J_left.
        ExactResult c = solver.solve(TestChains.uniform(4, 1, 0.7, 0.6, 0.3, 0.8, 2.0, 0.8, 0.3));
        ExactResult d = solver.solve(TestChains.uniform(4, 1, 0.7, 0.6, 0.3, 0.8, 0.3, 0.8, 2.0));
        close(c.heatCurrentRight(), d.heatCurrentLeft(), 1e-10, 0, "XXZ J_left'");
        close(c.heatCurrentLeft(), d.heatCurrentRight(), 1e-10, 0, "XXZ J_right'");
        close(-c.particleCurrentLeft(), d.particleCurrentLeft(), 1e-10, 0, "XXZ I_left'");
        for (int k = 0; k < 4; k++) {
            close(c.populations()[k], d.populations()[3 - k], 1e-10, 0, "mirrored n_" + k);
        }
    }

    @Test
    void reportsResidualAndIterations() {
        ExactResult r = solver.solve(TestChains.defaults(5, 1, 0.5));
        assertTrue(r.extras().get("residual") < 1e-10, "residual " + r.extras().get("residual"));
        assertTrue(r.extras().get("gmres_iterations") >= 1);
        assertNull(r.extras().get("concurrence"), "concurrence only for N = 2");
        assertNotNull(r.toMap().get("relative_residual"));
    }

    @Test
    void refusesWhatItCannotSolve() {
        Chain big = TestChains.defaults(13, 0, 0);
        String why = solver.refusal(big);
        assertNotNull(why);
        assertTrue(why.contains("N <= 12"), why);
        assertThrows(NotApplicableException.class, () -> solver.solve(big));
        Chain cut = Chain.of(new double[] {1, 1, 1, 1}, new double[] {1, 0, 1}, new double[] {0, 0, 0},
                new double[] {0, 0, 0, 0}, new double[] {1, 1, 1}, new Bath(0, 1, 1), new Bath(1, 1, 0));
        assertTrue(solver.refusal(cut).contains("sites 3 to 4"), solver.refusal(cut));
        Chain noRate = TestChains.uniform(3, 1, 1, 0, 0, 0, 1, 0, 0);
        assertNotNull(solver.refusal(noRate));
        assertNull(solver.refusal(TestChains.defaults(12, 1, 0.5)));
    }

    @Test
    void autoFallsBackToLiouvillianForXXZ() {
        ExactResult r = ExactMethod.AUTO.solve(TestChains.defaults(3, 1, 0.5));
        assertEquals("liouvillian", r.method());
        assertEquals("closed", ExactMethod.AUTO.solve(TestChains.defaults(3, 0, 0.5)).method());
        assertEquals("liouvillian", ExactMethod.LIOUVILLIAN.solve(TestChains.defaults(3, 0, 0)).method());
    }
}
