package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.qtraj.model.BathSpec;
import org.qtraj.model.Chain;
import org.qtraj.model.ModelSpec;
import org.qtraj.model.PerElement;

class RateEquationsTest {
    private final RateEquations rate = new RateEquations();

    private static Chain chain(int n, double v, double tLeft, double rateRight) {
        return ModelSpec.empty().withSites(n).overlay(new ModelSpec(null, null, null, null, null, PerElement.of(v),
                new BathSpec(null, 1.0, tLeft), new BathSpec(null, rateRight, 0.0), null)).build();
    }

    @Test
    void matchesJcOfPhysicsMd() {
        // J_C = gamma_1 gamma_N V (s_1 - s_N) / (V (gamma_1 + gamma_N) + gamma_1 gamma_N (N - 1))  (PHYSICS.md)
        for (int n : new int[] {2, 5, 100, 100_000}) {
            for (double v : new double[] {0.1, 1, 7}) {
                for (double t : new double[] {0.3, 1, 10}) {
                    Chain c = chain(n, v, t, 0.5);
                    double jc = RateEquations.closedFormParticleCurrent(c);
                    ExactResult r = rate.solve(c);
                    // Rounding in the O(N) sum of bond resistances grows at most linearly with N: allow 1e-14 N relative
                    // .
                    double tol = 1e-14 * Math.max(100, n) * Math.abs(jc);
                    assertEquals(jc, r.particleCurrentLeft(), tol, "N=" + n + " V=" + v + " T=" + t);
                    assertEquals(-jc, r.particleCurrentRight(), tol);
                }
            }
        }
    }

    @Test
    void perBondHoppingConservesTheCurrentOnEveryBond() {
        double[] v = {0.3, 2.0, 1.1, 0.05, 4.0};
        Chain c = ModelSpec.empty().overlay(new ModelSpec(null, null, null, null, null, PerElement.ofList(v),
                null, null, null)).build();
        ExactResult r = rate.solve(c);
        double[] p = r.populations();
        for (int b = 0; b < v.length; b++) {
            assertEquals(r.particleCurrentLeft(), v[b] * (p[b] - p[b + 1]), 1e-14, "bond " + b);
        }
    }

    /** The series-circuit solution against Gaussian elimination of the rate equations written out in full. */
    @Test
    void matchesADenseSolveOfTheRateEquations() {
        double[] v = {0.3, 2.0, 1.1, 0.05, 4.0, 0.7};
        Chain c = ModelSpec.empty().overlay(new ModelSpec(null, PerElement.ofList(new double[] {1, 2, 0.5, 1, 1.5, 0.8, 1.2}),
                null, null, null, PerElement.ofList(v), new BathSpec(6, 0.7, 2.0), new BathSpec(2, 1.3, 0.4), null)).build();
        int n = c.sites();
        org.ejml.simple.SimpleMatrix a = new org.ejml.simple.SimpleMatrix(n, n);
        org.ejml.simple.SimpleMatrix rhs = new org.ejml.simple.SimpleMatrix(n, 1);
        for (int b = 0; b < n - 1; b++) {
            a.set(b, b, a.get(b, b) - v[b]);
            a.set(b + 1, b + 1, a.get(b + 1, b + 1) - v[b]);
            a.set(b, b + 1, v[b]);
            a.set(b + 1, b, v[b]);
        }
        for (org.qtraj.model.Bath bath : c.baths()) {
            double w = c.bathOmega(bath);
            int k = bath.site();
            a.set(k, k, a.get(k, k) - bath.gamma(w));
            rhs.set(k, 0, rhs.get(k, 0) - bath.gamma(w) * bath.s(w));
        }
        org.ejml.simple.SimpleMatrix p = a.solve(rhs);
        ExactResult r = rate.solve(c);
        for (int k = 0; k < n; k++) {
            assertEquals(p.get(k, 0), r.populations()[k], 1e-13, "site " + (k + 1));
        }
        double w = c.bathOmega(c.left());
        assertEquals(c.left().gamma(w) * (c.left().s(w) - p.get(5, 0)), r.particleCurrentLeft(), 1e-13);
    }

    @Test
    void bathsOffTheEndsLeaveOuterSitesInEquilibriumWithTheirNeighbour() {
        Chain c = ModelSpec.empty().withSites(6).overlay(new ModelSpec(null, null, null, null, null, null,
                new BathSpec(2, 1.0, 1.0), new BathSpec(5, 1.0, 0.0), null)).build();
        ExactResult r = rate.solve(c);
        double[] p = r.populations();
        assertEquals(p[0], p[1], 1e-14);
        assertEquals(p[4], p[5], 1e-14);
        assertEquals(0, r.particleCurrentLeft() + r.particleCurrentRight(), 1e-14);
    }
}
