package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.model.Chain;
import org.qtraj.model.NetworkSpec;

/**
 * The liouvillian and rate methods on networks (PHYSICS.md "Networks") against independent references: the dense
 * 4^N Lindblad generator written in the tests ({@link DenseLindblad}, which builds H from the bond list and every
 * bath's jump operators), and for the classical rate equations the full 2^N master equation of the exclusion process
 * written here. Deterministic: tolerances are rounding (1e-9 relative).
 */
class NetworkSteadyStateTest {

    /** A 4-ring with ZZ couplings, couplings of both signs, dephasing, baths on sites 1 and 3. */
    static Chain ring() {
        return Chain.builder().network(NetworkSpec.parse("ring")).sites(4).couplings(1, -0.8, 0.6, 1.2)
                .anisotropy(0.5).dephasing(0.3).omegas(1.0, 1.2, 0.9, 1.1).bathSites(1, 3).build();
    }

    /** A 2 x 2 ladder (legs x rungs) with ZZ couplings and per-site dephasing. */
    static Chain ladder() {
        return Chain.builder().network(NetworkSpec.parse("ladder:2x2")).couplings(1, 0.7, -0.9, 1.1)
                .anisotropies(0.4, -0.3, 0.8, 0.2).dephasings(0.1, 0.0, 0.5, 0.2).build();
    }

    /** A star of 4 sites (centre 1) with three baths, none on the centre. */
    static Chain star() {
        return Chain.builder().network(NetworkSpec.parse("star")).sites(4).couplings(1, -0.6, 0.8).dephasing(0.2)
                .bath("hot", 2, 1.0, 2.0).bath("cold", 3, 0.8, 0.0).bath("warm", 4, 0.7, 0.5).build();
    }

    @Test
    void liouvillianMatchesTheDenseGeneratorOnNetworks() {
        for (Chain chain : new Chain[] {ring(), ladder(), star()}) {
            DenseLindblad dense = new DenseLindblad(chain);
            double[][][] rho = dense.steadyState();
            ExactResult r = new LiouvillianSolver().solve(chain);
            String at = chain.toString();
            double scale = 0;
            for (int j = 0; j < chain.bathCount(); j++) {
                scale += Math.abs(dense.heatCurrent(rho, dense.jumpsBath[j], dense.ratesBath[j]));
            }
            for (int j = 0; j < chain.bathCount(); j++) {
                double expected = dense.heatCurrent(rho, dense.jumpsBath[j], dense.ratesBath[j]);
                BathCurrent got = r.bath(chain.bathName(j));
                assertEquals(expected, got.heatCurrent(), 1e-9 * scale, "J_" + chain.bathName(j) + " " + at);
            }
            assertEquals(dense.heatCurrent(rho, dense.jumpsDeph, dense.ratesDeph), r.heatCurrentDephasing(),
                    1e-9 * scale, "J_deph " + at);
            for (int k = 0; k < chain.sites(); k++) {
                assertEquals(dense.population(rho, k), r.populations()[k], 1e-10, "n_" + (k + 1) + " " + at);
            }
            double[] bond = r.bondCurrents();
            for (int b = 0; b < chain.bonds(); b++) {
                int k = chain.bondFrom(b);
                int l = chain.bondTo(b);
                // I_kl = 2 g Im tr(rho sigma^+_l sigma^-_k); tr(rho A) = sum_ij rho_ij A_ji
                double[][] a = DenseLindblad.mult(dense.raise(l), dense.lower(k));
                double im = 0;
                for (int i = 0; i < dense.dim; i++) {
                    for (int j = 0; j < dense.dim; j++) {
                        im += rho[1][i][j] * a[j][i];
                    }
                }
                assertEquals(2 * chain.coupling(b) * im, bond[b], 1e-10, "I_" + (k + 1) + "," + (l + 1) + " " + at);
            }
            assertTrue(r.extras().get("continuity_residual") < 1e-9, "continuity " + at);
            double particles = 0;
            for (BathCurrent b : r.baths()) {
                particles += b.particleCurrent();
            }
            assertEquals(0, particles, 1e-10, "sum of bath particle currents " + at);
        }
    }

    @Test
    void aChainGivenAsAnEdgeListIsTheChain() {
        Chain chain = Chain.builder().sites(5).couplings(1, 0.8, 1.3, 0.6).anisotropy(0.7).dephasing(0.4)
                .bathSites(2, 5).build();
        Chain edges = Chain.builder().network(NetworkSpec.ofEdges(new int[][] {{1, 2}, {2, 3}, {3, 4}, {4, 5}}))
                .couplings(1, 0.8, 1.3, 0.6).anisotropy(0.7).dephasing(0.4).bathSites(2, 5).build();
        assertTrue(edges.isChain());
        assertEquals(chain, edges);
        ExactResult a = new LiouvillianSolver().solve(chain);
        ExactResult b = new LiouvillianSolver().solve(edges);
        assertEquals(a.heatCurrentLeft(), b.heatCurrentLeft(), 0);
        assertEquals(a.heatCurrentRight(), b.heatCurrentRight(), 0);
    }

    @Test
    void bondCurrentsOfAChainCarryTheBathCurrentBetweenTheBaths() {
        Chain chain = Chain.builder().sites(5).coupling(0.9).dephasing(0.5).anisotropy(0.3).build();
        ExactResult r = new LiouvillianSolver().solve(chain);
        for (double i : r.bondCurrents()) {
            assertEquals(r.particleCurrentLeft(), i, 1e-10);
        }
        // the XX chain: correlation solver, independent of the sector Liouvillian
        Chain xx = Chain.builder().sites(6).coupling(0.9).dephasing(0.5).build();
        ExactResult c = new CorrelationSolver().solve(xx);
        ExactResult l = new LiouvillianSolver().solve(xx);
        for (double i : l.bondCurrents()) {
            assertEquals(c.particleCurrentLeft(), i, 1e-10);
        }
    }

    @Test
    void chainOnlyMethodsRefuseNetworks() {
        Chain ring = ring();
        assertTrue(new ClosedForm().refusal(ring).contains("chain"));
        assertTrue(new CorrelationSolver().refusal(ring).contains("Jordan-Wigner"));
        assertEquals("liouvillian", ExactMethod.AUTO.solve(ring).method());
        assertThrows(InvalidInputException.class, () -> ExactMethod.CORRELATION.solve(ring));
    }

    @Test
    void rateEquationsOnAGraphMatchTheFullClassicalMasterEquation() {
        Chain[] models = {
            Chain.builder().network(NetworkSpec.parse("ring")).sites(5).hoppings(1, 0.5, 2, 0.7, 1.3).bathSites(1, 3)
                    .build(),
            star(),
            Chain.builder().network(NetworkSpec.parse("grid:2x3")).hopping(0.8).bath("in", 1, 1.0, 3.0)
                    .bath("out", 6, 2.0, 0.1).bath("leak", 3, 0.5, 0.0).build(),
        };
        for (Chain chain : models) {
            double[] p = ExclusionMasterEquation.stationary(chain);
            ExactResult r = new RateEquations().solve(chain);
            for (int k = 0; k < chain.sites(); k++) {
                assertEquals(ExclusionMasterEquation.occupation(p, k), r.populations()[k], 1e-10,
                        "P_" + (k + 1) + " " + chain);
            }
            for (int b = 0; b < chain.bonds(); b++) {
                assertEquals(ExclusionMasterEquation.bondCurrent(chain, p, b), r.bondCurrents()[b], 1e-10,
                        "bond " + b + " " + chain);
            }
            assertTrue(r.extras().get("continuity_residual") < 1e-10);
        }
    }

    @Test
    void classicalRelaxationOnAGraphEndsInTheRateEquationsSteadyState() {
        Chain ring = Chain.builder().network(NetworkSpec.parse("ring")).sites(5).hoppings(1, 0.5, 2, 0.7, 1.3)
                .bath("a", 1, 1, 2).bath("b", 3, 0.5, 0).bath("c", 4, 1, 0.3).build();
        double[][] p = org.qtraj.exact.relaxation.ClassicalRelaxation.populations(ring, new double[5],
                new double[] {0, 400});
        double[] steady = new RateEquations().solve(ring).populations();
        for (int k = 0; k < 5; k++) {
            assertEquals(0, p[0][k], 0);
            assertEquals(steady[k], p[1][k], 1e-10, "P_" + (k + 1));
        }
    }
}
