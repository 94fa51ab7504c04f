package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.sector.BlockState;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.exact.sector.TraceFixedSolver;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Wootters concurrence: known states, and the N = 2 steady states of paper Fig. 4. QuTiP is not installed on
 * this machine, so the reference for the steady states is the hand formula for X states (the N = 2 steady
 * state is one: block-diagonal in the excitation number), C = 2 max(0, |rho_{01,10}| - sqrt(rho_{00,00} rho_{11,11}))
 * (Yu and Eberly, Quantum Inf. Comput. 7, 459 (2007)).
 */
class ConcurrenceTest {
    private final LiouvillianSolver solver = new LiouvillianSolver();

    @Test
    void knownStates() {
        // (|01> + e^{i phi} |10>)/sqrt 2 is maximally entangled for any phase; the imaginary part matters.
        for (double phi : new double[] {0, 0.7, Math.PI / 2}) {
            double[] re = new double[16];
            double[] im = new double[16];
            re[1 * 4 + 1] = 0.5;
            re[2 * 4 + 2] = 0.5;
            re[1 * 4 + 2] = 0.5 * Math.cos(phi);
            im[1 * 4 + 2] = -0.5 * Math.sin(phi);
            re[2 * 4 + 1] = 0.5 * Math.cos(phi);
            im[2 * 4 + 1] = 0.5 * Math.sin(phi);
            assertEquals(1, Concurrence.of(re, im), 1e-7, "phi = " + phi);
        }
        // Werner states p |psi-><psi-| + (1 - p) 1/4: C = max(0, (3p - 1)/2).
        for (double p : new double[] {0.2, 1.0 / 3, 0.5, 0.9}) {
            double[] re = new double[16];
            for (int i = 0; i < 4; i++) {
                re[i * 4 + i] = (1 - p) / 4;
            }
            re[5] += p / 2;
            re[10] += p / 2;
            re[6] -= p / 2;
            re[9] -= p / 2;
            assertEquals(Math.max(0, (3 * p - 1) / 2), Concurrence.of(re, new double[16]), 1e-7, "p = " + p);
        }
        // A product of two mixed qubit states with a coherence each (not an X state): separable.
        double[] a = {0.7, 0.2, 0.2, 0.3};
        double[] b = {0.4, -0.1, -0.1, 0.6};
        double[] re = new double[16];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int k = 0; k < 2; k++) {
                    for (int l = 0; l < 2; l++) {
                        re[(2 * i + k) * 4 + 2 * j + l] = a[2 * i + j] * b[2 * k + l];
                    }
                }
            }
        }
        assertEquals(0, Concurrence.of(re, new double[16]), 1e-7);
    }

    /** The X-state formula from the blocks of an N = 2 steady state. */
    static double xStateConcurrence(BlockState rho) {
        double p00 = rho.re(0, 0, 0);
        double p11 = rho.re(2, 0, 0);
        double z = Math.hypot(rho.re(1, 0, 1), rho.im(1, 0, 1));
        return 2 * Math.max(0, z - Math.sqrt(p00 * p11));
    }

    /** N = 2 with equal effective rates gamma_1 = gamma_2 = gamma: G_j = gamma/(2 nbar_j + 1). */
    static Chain equalGamma(double t1, double t2, double g, double gamma) {
        double n1 = new Bath(0, 1, t1).nbar(1);
        double n2 = new Bath(1, 1, t2).nbar(1);
        return Chain.of(new double[] {1, 1}, new double[] {g}, new double[] {0}, new double[] {0, 0},
                new double[] {1}, new Bath(0, gamma / (2 * n1 + 1), t1), new Bath(1, gamma / (2 * n2 + 1), t2));
    }

    @Test
    void steadyStateEntangledOnlyWithBiasedBathRates() {
        double max = 0;
        for (double t1 : new double[] {2, 20, 100}) {
            for (double g : new double[] {0.1, 0.2, 0.5}) {
                for (double gamma : new double[] {0.3, 1}) {
                    Chain chain = equalGamma(t1, 0, g, gamma);
                    Liouvillian l = Liouvillian.of(chain);
                    TraceFixedSolver.Solution s = TraceFixedSolver.of(l).steadyState();
                    double c = LiouvillianSolver.result(chain, l, s).extras().get("concurrence");
                    assertEquals(xStateConcurrence(s.x()), c, 1e-7, "T1 = " + t1 + " g = " + g + " gamma = " + gamma);
                    max = Math.max(max, c);
                }
            }
        }
        // Fig. 4: entanglement exists for gamma_1 = gamma_N when G_1 != G_N, in a corner of large bias
        // (the largest value of this grid is 0.039 at T1 = 100, g = 0.2, gamma = 1).
        assertTrue(max > 0.03, "largest concurrence " + max);
        // Equal bare rates G_1 = G_N: never entangled (paper sec. VI.B), whatever the temperatures and g.
        for (double t1 : new double[] {0.5, 5, 100}) {
            for (double g : new double[] {0.1, 0.5, 2}) {
                Chain chain = Chain.of(new double[] {1, 1}, new double[] {g}, new double[] {0}, new double[] {0, 0},
                        new double[] {1}, new Bath(0, 1, t1), new Bath(1, 1, 0));
                assertEquals(0, solver.solve(chain).extras().get("concurrence"), 0, "G1 = G2, T1 = " + t1 + " g = " + g);
            }
        }
    }

    @Test
    void equalTemperaturesGiveAProductState() {
        Chain chain = Chain.of(new double[] {1, 1}, new double[] {0.8}, new double[] {0}, new double[] {0.2, 0.2},
                new double[] {1}, new Bath(0, 0.5, 1.5), new Bath(1, 2, 1.5));
        assertEquals(0, solver.solve(chain).extras().get("concurrence"), 1e-7);
    }
}
