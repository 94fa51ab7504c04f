package org.qtraj.exact.relaxation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.DenseLindblad;
import org.qtraj.exact.ExactMethod;
import org.qtraj.exact.LiouvillianSolverTest;
import org.qtraj.exact.TestChains;
import org.qtraj.exact.sector.BlockState;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/** Exact relaxation curves n_k(t) from a basis state, against references that do not use the code under test. */
class RelaxationTest {

    /** Irregular chain: unequal omegas, couplings, bath rates and temperatures; uniform D and dephasing. */
    static Chain irregular(int n, double d, double dephasing) {
        double[] omega = {1.0, 1.2, 0.8};
        double[] g = {0.9, 1.1};
        double[] w = new double[n];
        double[] c = new double[n - 1];
        for (int k = 0; k < n; k++) {
            w[k] = omega[k];
        }
        for (int b = 0; b < n - 1; b++) {
            c[b] = g[b];
        }
        return Chain.of(w, c, TestChains.fill(n - 1, d), TestChains.fill(n, dephasing), TestChains.fill(n - 1, 1),
                new Bath(0, 0.7, 2.0), new Bath(n - 1, 1.3, 0.4));
    }

    /** The dense real generator of {@link DenseLindblad} in compressed rows. */
    private record Sparse(int[] start, int[] col, double[] val) {
        static Sparse of(double[][] a) {
            int rows = a.length;
            int[] start = new int[rows + 1];
            List<Integer> cols = new ArrayList<>();
            List<Double> vals = new ArrayList<>();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < rows; j++) {
                    if (a[i][j] != 0) {
                        cols.add(j);
                        vals.add(a[i][j]);
                    }
                }
                start[i + 1] = cols.size();
            }
            return new Sparse(start, cols.stream().mapToInt(Integer::intValue).toArray(),
                    vals.stream().mapToDouble(Double::doubleValue).toArray());
        }

        void times(double[] x, double[] y) {
            for (int i = 0; i < y.length; i++) {
                double s = 0;
                for (int p = start[i]; p < start[i + 1]; p++) {
                    s += val[p] * x[col[p]];
                }
                y[i] = s;
            }
        }
    }

    /**
     * Populations by classical RK4 on the dense real form of d rho/dt = L rho (all 4^N entries, coherences between
     * sectors included), fixed step h; the times must be multiples of h.
     */
    static double[][] denseRk4(Chain chain, int mask, double[] times, double h) {
        DenseLindblad dense = new DenseLindblad(chain);
        Sparse l = Sparse.of(dense.realGenerator());
        int dim = dense.dim;
        int len = 2 * dim * dim;
        double[] v = new double[len];
        v[mask * dim + mask] = 1;
        double[] k1 = new double[len];
        double[] k2 = new double[len];
        double[] k3 = new double[len];
        double[] k4 = new double[len];
        double[] tmp = new double[len];
        double[][] out = new double[times.length][];
        long step = 0;
        for (int j = 0; j < times.length; j++) {
            long target = Math.round(times[j] / h);
            assertEquals(times[j], target * h, 1e-12, "time on the RK4 grid");
            for (; step < target; step++) {
                l.times(v, k1);
                for (int i = 0; i < len; i++) {
                    tmp[i] = v[i] + 0.5 * h * k1[i];
                }
                l.times(tmp, k2);
                for (int i = 0; i < len; i++) {
                    tmp[i] = v[i] + 0.5 * h * k2[i];
                }
                l.times(tmp, k3);
                for (int i = 0; i < len; i++) {
                    tmp[i] = v[i] + h * k3[i];
                }
                l.times(tmp, k4);
                for (int i = 0; i < len; i++) {
                    v[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
                }
            }
            double[] pop = new double[chain.sites()];
            for (int s = 0; s < dim; s++) {
                for (int k = 0; k < chain.sites(); k++) {
                    if ((s >> k & 1) == 1) {
                        pop[k] += v[s * dim + s];
                    }
                }
            }
            out[j] = pop;
        }
        return out;
    }

    @Test
    void matchesDenseRungeKutta() {
        double[] times = {0.25, 1.0, 2.5, 6.0};
        int[][] masks = {{}, {}, {0b01, 0b11}, {0b001, 0b110}};
        int cases = 0;
        for (int n = 2; n <= 3; n++) {
            for (double deph : new double[] {0, 0.5}) {
                for (double d : new double[] {0, 1}) {
                    Chain chain = irregular(n, d, deph);
                    for (int mask : masks[n]) {
                        double[][] expected = denseRk4(chain, mask, times, 1e-3);
                        double[][] got = Relaxation.populations(chain, mask, times);
                        for (int j = 0; j < times.length; j++) {
                            for (int k = 0; k < n; k++) {
                                assertEquals(expected[j][k], got[j][k], 1e-8,
                                        "N=" + n + " deph=" + deph + " D=" + d + " mask=" + mask + " t=" + times[j]
                                                + " k=" + k);
                            }
                        }
                        // the curves move: a wrong generator could not pass by staying at rho(0)
                        assertTrue(Math.abs(got[0][0] - (mask & 1)) > 1e-3);
                        cases++;
                    }
                }
            }
        }
        assertEquals(16, cases);
    }

    @Test
    void longTimesReachTheSteadyState() {
        double[] times = {100, 200, 400};
        for (Chain chain : List.of(TestChains.defaults(4, 1, 0.5), LiouvillianSolverTest.disorderedXXZ())) {
            double[] ss = ExactMethod.LIOUVILLIAN.solve(chain).populations();
            for (int mask : new int[] {0, 0b1001, 0b1111}) {
                double[][] got = Relaxation.populations(chain, mask, times);
                for (int k = 0; k < chain.sites(); k++) {
                    assertEquals(ss[k], got[2][k], 1e-8, chain + " mask=" + mask + " k=" + k);
                }
            }
        }
        // and against the independent dense steady state (dense LU on the 4^N generator)
        Chain chain = irregular(3, 1, 0.5);
        DenseLindblad dense = new DenseLindblad(chain);
        double[][][] rho = dense.steadyState();
        double[][] got = Relaxation.populations(chain, 0b101, times);
        for (int k = 0; k < 3; k++) {
            assertEquals(dense.population(rho, k), got[2][k], 1e-8, "dense steady state, k=" + k);
        }
    }

    /**
     * The long steps (nu h <= {@link Relaxation#STEP_NORM}, q <= 4/5) against short ones (nu h <= 1, where the
     * terms never grow) at a tight tolerance: the step size changes nothing beyond the tolerance.
     */
    @Test
    void longStepsAgreeWithShortSteps() {
        double[] times = new double[41];
        for (int j = 0; j < times.length; j++) {
            times[j] = 0.25 * j * j;
        }
        for (Chain chain : List.of(TestChains.defaults(5, 1, 0.5), LiouvillianSolverTest.disorderedXXZ())) {
            int mask = chain.sites() == 5 ? 0b10011 : 0b0110;
            double[][] shortSteps = Relaxation.populationsWithStep(chain, mask, times, 1e-13, 1);
            double[][] defaults = Relaxation.populations(chain, mask, times);
            double[][] tight = Relaxation.populations(chain, mask, times, 1e-13);
            for (int j = 0; j < times.length; j++) {
                for (int k = 0; k < chain.sites(); k++) {
                    String at = chain + " t=" + times[j] + " k=" + k;
                    assertEquals(shortSteps[j][k], tight[j][k], 1e-11, at);
                    assertEquals(shortSteps[j][k], defaults[j][k], 1e-8, at);
                }
            }
        }
    }

    @Test
    void traceIsOneAndTheStartIsTheMask() {
        Chain chain = LiouvillianSolverTest.disorderedXXZ();
        double[] times = {0, 0, 0.1, 1, 1, 10, 50};
        int mask = 0b1010;
        double[][] traces = new double[times.length][1];
        List<double[]> pops = new ArrayList<>();
        Relaxation.propagate(chain, mask, times, Relaxation.DEFAULT_TOLERANCE, (j, t, basis, packed) -> {
            double tr = 0;
            for (int n = 0; n < basis.sectors(); n++) {
                int d = basis.dim(n);
                int off = basis.offset(n);
                for (int i = 0; i < d; i++) {
                    double p = packed[off + i * d + i];
                    assertTrue(p > -1e-10 && p < 1 + 1e-10, "basis probability " + p + " at t=" + t);
                    tr += p;
                }
            }
            traces[j][0] = tr;
            pops.add(BlockState.of(basis, packed).populations());
        });
        for (int j = 0; j < times.length; j++) {
            assertEquals(1.0, traces[j][0], 1e-12, "trace at t=" + times[j]);
        }
        double[][] got = Relaxation.populations(chain, mask, times);
        for (int k = 0; k < 4; k++) {
            assertEquals(mask >> k & 1, got[0][k], 0.0, "n_k(0) exactly the mask bit");
            assertEquals(mask >> k & 1, got[1][k], 0.0, "repeated time 0");
            assertEquals(got[3][k], got[4][k], 0.0, "repeated time 1");
            assertEquals(pops.get(5)[k], got[5][k], 0.0);
        }
        double[] empty = TestChains.fill(0, 0);
        assertEquals(0, Relaxation.populations(chain, mask, empty).length);
    }

    /**
     * N = 2, both baths at T = 0 (emission only: rates G1 on site 0, G2 on site 1), no dephasing, one excitation.
     * Nothing feeds the one-excitation block (the two-excitation block is empty, absorption is off), so it evolves
     * as |psi><psi| with psi(t) = exp(-i H_eff t) psi(0), H_eff = H - (i/2)(G1 n_0 + G2 n_1). With omega equal on
     * both sites the ZZ term is the constant -D on that block, and H_eff = (omega - D - i(G1+G2)/4) 1 + M,
     * M = [[-i a, g], [g, i a]], a = (G1 - G2)/4, M^2 = (g^2 - a^2) 1, exp(-i M t) = c 1 - i s M with
     * c = cos(W t), s = sin(W t)/W, W = sqrt(g^2 - a^2) (cosh, sinh for a > g). Hence, from site 0 excited,
     * n_0 = E (c - a s)^2, n_1 = E g^2 s^2; from site 1, n_0 = E g^2 s^2, n_1 = E (c + a s)^2; E = exp(-(G1+G2) t/2).
     */
    @Test
    void singleExcitationClosedForm() {
        double[][] params = {{1.0, 0.2, 1.0, 0.7}, {3.0, 0.2, 0.3, 0.0}}; // G1, G2, g, D: under- and overdamped
        double[] times = {0.1, 0.5, 1.3, 2.0, 4.0, 7.5};
        for (double[] p : params) {
            double g1 = p[0];
            double g2 = p[1];
            double g = p[2];
            Chain chain = Chain.of(new double[] {1.1, 1.1}, new double[] {g}, new double[] {p[3]},
                    new double[] {0, 0}, new double[] {1}, new Bath(0, g1, 0), new Bath(1, g2, 0));
            double a = (g1 - g2) / 4;
            double[][] from0 = Relaxation.populations(chain, 0b01, times);
            double[][] from1 = Relaxation.populations(chain, 0b10, times);
            for (int j = 0; j < times.length; j++) {
                double t = times[j];
                double w2 = g * g - a * a;
                double c;
                double s;
                if (w2 > 0) {
                    double w = Math.sqrt(w2);
                    c = Math.cos(w * t);
                    s = Math.sin(w * t) / w;
                } else {
                    double w = Math.sqrt(-w2);
                    c = Math.cosh(w * t);
                    s = Math.sinh(w * t) / w;
                }
                double e = Math.exp(-(g1 + g2) * t / 2);
                String at = "G1=" + g1 + " g=" + g + " t=" + t;
                assertEquals(e * (c - a * s) * (c - a * s), from0[j][0], 1e-9, at);
                assertEquals(e * g * g * s * s, from0[j][1], 1e-9, at);
                assertEquals(e * g * g * s * s, from1[j][0], 1e-9, at);
                assertEquals(e * (c + a * s) * (c + a * s), from1[j][1], 1e-9, at);
            }
        }
    }

    @Test
    void badInputNamesTheField() {
        Chain chain = TestChains.defaults(2, 0, 0);
        double[] ok = {0, 1};
        assertEquals("initial_state", assertThrows(InvalidInputException.class,
                () -> Relaxation.populations(chain, 4, ok)).field());
        assertEquals("initial_state", assertThrows(InvalidInputException.class,
                () -> Relaxation.populations(chain, -1, ok)).field());
        for (double[] bad : new double[][] {{1, 0.5}, {-1}, {0, Double.NaN}, {Double.POSITIVE_INFINITY}}) {
            assertEquals("times", assertThrows(InvalidInputException.class,
                    () -> Relaxation.populations(chain, 1, bad)).field());
        }
        assertEquals("times", assertThrows(InvalidInputException.class,
                () -> Relaxation.populations(chain, 1, null)).field());
        for (double tol : new double[] {0, -1e-10, Double.NaN, 1}) {
            assertEquals("tolerance", assertThrows(InvalidInputException.class,
                    () -> Relaxation.populations(chain, 1, ok, tol)).field());
        }
        Chain big = TestChains.defaults(Relaxation.MAX_SITES + 1, 0, 0);
        assertEquals("sites", assertThrows(InvalidInputException.class,
                () -> Relaxation.populations(big, 1, ok)).field());
        // the largest mask is fine
        assertEquals(1.0, Relaxation.populations(chain, 3, ok)[0][1], 0.0);
    }
}
