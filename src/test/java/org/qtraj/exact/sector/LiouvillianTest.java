package org.qtraj.exact.sector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.DenseLindblad;
import org.qtraj.exact.LiouvillianSolverTest;
import org.qtraj.exact.TestChains;
import org.qtraj.model.Chain;

/** The generator itself, the sector basis and the rank-one-fixed solver, against the dense reference. */
class LiouvillianTest {

    static double[] randomHermitian(SectorBasis basis, long seed) {
        Random rng = new Random(seed);
        double[] v = new double[basis.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
        }
        return v;
    }

    @Test
    void sectorBasisCountsAndLookups() {
        SectorBasis b = SectorBasis.of(10);
        assertEquals(184756, b.size());
        assertEquals(184756, SectorBasis.blockDiagonalSize(10));
        assertEquals(2704156, SectorBasis.blockDiagonalSize(12));
        assertEquals(252, b.dim(5));
        for (int n = 0; n < b.sectors(); n++) {
            for (int i = 0; i < b.dim(n); i++) {
                int m = b.mask(n, i);
                assertEquals(n, Integer.bitCount(m));
                assertEquals(i, b.index(m));
                if (i > 0) {
                    assertTrue(m > b.mask(n, i - 1), "masks increase");
                }
            }
        }
    }

    @Test
    void applyMatchesDenseGenerator() {
        Chain chain = LiouvillianSolverTest.disorderedXXZ();
        Liouvillian l = Liouvillian.of(chain);
        BlockState x = BlockState.of(l.basis(), randomHermitian(l.basis(), 7));
        double[][] got = l.apply(x).toDense();
        double[][] xd = x.toDense();
        int dim = 1 << chain.sites();
        double[][][] dx = new double[2][dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                dx[0][i][j] = xd[0][i * dim + j];
                dx[1][i][j] = xd[1][i * dim + j];
            }
        }
        double[][][] expected = new DenseLindblad(chain).apply(dx);
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                assertEquals(expected[0][i][j], got[0][i * dim + j], 1e-12, "Re " + i + "," + j);
                assertEquals(expected[1][i][j], got[1][i * dim + j], 1e-12, "Im " + i + "," + j);
            }
        }
    }

    @Test
    void jumpSuperoperatorsMatchDense() {
        Chain chain = LiouvillianSolverTest.disorderedXXZ();
        Liouvillian l = Liouvillian.of(chain);
        DenseLindblad dense = new DenseLindblad(chain);
        double[] x = randomHermitian(l.basis(), 11);
        double[][] xd = BlockState.of(l.basis(), x).toDense();
        int dim = 1 << chain.sites();
        double[] y = new double[x.length];
        for (Liouvillian.Channel c : l.channels()) {
            l.applyJump(c, x, y);
            double[][] got = BlockState.of(l.basis(), y).toDense();
            double[][] op = switch (c.kind()) {
                case EMISSION -> dense.lower(c.site());
                case ABSORPTION -> dense.raise(c.site());
                case DEPHASING -> dense.number(c.site());
            };
            for (int part = 0; part < 2; part++) {
                double[][] xp = new double[dim][dim];
                for (int i = 0; i < dim; i++) {
                    for (int j = 0; j < dim; j++) {
                        xp[i][j] = xd[part][i * dim + j];
                    }
                }
                double[][] e = DenseLindblad.mult(DenseLindblad.mult(op, xp), DenseLindblad.transpose(op));
                for (int i = 0; i < dim; i++) {
                    for (int j = 0; j < dim; j++) {
                        assertEquals(c.rate() * e[i][j], got[part][i * dim + j], 1e-12, c + " part " + part);
                    }
                }
            }
        }
        assertEquals(-1, l.bathChannel(0, Liouvillian.Kind.EMISSION).countingSign());
        assertEquals(1, l.bathChannel(1, Liouvillian.Kind.ABSORPTION).countingSign());
    }

    @Test
    void generatorIsTracelessAndSplitsIntoCoherentPartAndDissipators() {
        Chain chain = LiouvillianSolverTest.disorderedXXZ();
        Liouvillian l = Liouvillian.of(chain);
        double[] x = randomHermitian(l.basis(), 3);
        double[] lx = new double[x.length];
        l.apply(x, lx);
        assertEquals(0, BlockState.trace(l.basis(), lx), 1e-12, "tr L x = 0");
        // tr(H L x) = sum_m tr(H D_m x) because tr(H [H, x]) = 0.
        double[] y = new double[x.length];
        double sum = 0;
        for (Liouvillian.Channel c : l.channels()) {
            l.applyDissipator(c, x, y);
            assertEquals(0, BlockState.trace(l.basis(), y), 1e-12, "tr D_m x = 0");
            sum += l.energy(y);
        }
        assertEquals(l.energy(lx), sum, 1e-11);
        List<Liouvillian.Channel> all = l.channels();
        assertEquals(4 + 3, all.size(), "two per bath, one per dephasing site with a positive rate");
    }

    @Test
    void tracelessRightHandSideGivesTracelessSolution() {
        // The repeated solve of the cumulant recursion: (L + u tr^T) x = y with tr y = 0 => tr x = 0, L x = y.
        Chain chain = TestChains.defaults(5, 1, 0.5);
        Liouvillian l = Liouvillian.of(chain);
        TraceFixedSolver solver = TraceFixedSolver.of(l);
        BlockState rho = solver.steadyState().x();
        double[] jy = new double[rho.basis().size()];
        l.applyJump(l.bathChannel(0, Liouvillian.Kind.ABSORPTION), rho.vector(), jy);
        // y = J rho - tr(J rho) rho: traceless.
        double t = BlockState.trace(l.basis(), jy);
        double[] r = rho.vector();
        for (int i = 0; i < jy.length; i++) {
            jy[i] -= t * r[i];
        }
        TraceFixedSolver.Solution s = solver.solve(BlockState.of(l.basis(), jy));
        assertEquals(0, s.x().trace(), 1e-12);
        double[] lx = l.apply(s.x()).vector();
        for (int i = 0; i < jy.length; i++) {
            lx[i] -= jy[i];
        }
        assertTrue(BlockState.norm(lx) < 1e-10 * BlockState.norm(jy), "|L x - y| = " + BlockState.norm(lx));
    }
}
