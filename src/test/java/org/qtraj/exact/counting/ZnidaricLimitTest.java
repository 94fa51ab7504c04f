package org.qtraj.exact.counting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.TestChains;
import org.qtraj.model.Chain;

/**
 * The large-N statement of Znidaric, PRE 89, 042140 (2014) (arXiv:1401.7341): in the boundary-driven XX chain with
 * dephasing the current fluctuations become those of the symmetric simple exclusion process. qtraj's baths are such a
 * driving (injection G nbar, removal G (nbar + 1): a reservoir of density rho = nbar/(2 nbar + 1), as in
 * AdditivityTest), so the exact Fano factor kappa_2/kappa_1 and kappa_3/kappa_1 of the quantum chain must approach the
 * exclusion process's large-N values (Derrida, Doucot, Roche, J. Stat. Phys. 115, 717 (2004), the expansion of the
 * Bodineau-Derrida CGF coded below): with d = rho_L - rho_R, sigma = (rho_L + rho_R)/2 - rho_L rho_R,
 * kappa_2/kappa_1 = 2 (sigma - d^2/3)/d and kappa_3/kappa_1 = 1 - 4 sigma + 16 d^2/15. His finite-N closed form for the
 * second cumulant is not coded (not available here); his own symmetric driving is ZnidaricDrivingTest. Deterministic
 * (exact solves).
 */
class ZnidaricLimitTest {
    /** Large-N {kappa_2/kappa_1, kappa_3/kappa_1} of the exclusion process, from theta = (V/L) F(omega) expanded to s^3. */
    static double[] exclusion(double rhoL, double rhoR) {
        double d = rhoL - rhoR;
        double sigma = (rhoL + rhoR) / 2 - rhoL * rhoR;
        return new double[] {2 * (sigma - d * d / 3) / d, 1 - 4 * sigma + 16 * d * d / 15};
    }

    @Test
    void exclusionRatiosAreTheKnownOnesAtFullDrive() {
        // rho_L = 1, rho_R = 0: Fano 1/3 and kappa_3/kappa_1 = 1/15 (Derrida, Doucot, Roche 2004)
        double[] r = exclusion(1, 0);
        assertTrue(Math.abs(r[0] - 1.0 / 3) < 1e-15 && Math.abs(r[1] - 1.0 / 15) < 1e-15, r[0] + " " + r[1]);
        // the same from finite differences of the additivity CGF F(omega(s)) at s = 0 (h = 1e-3: error O(h^2) ~ 1e-6)
        double rl = 0.3;
        double rr = 0.1;
        double h = 1e-3;
        double[] f = new double[5];
        for (int i = 0; i < 5; i++) {
            f[i] = AdditivityTest.additivity(rl, rr, (i - 2) * h);
        }
        double k1 = (f[3] - f[1]) / (2 * h);
        double k2 = (f[3] - 2 * f[2] + f[1]) / (h * h);
        double k3 = (f[4] - 2 * f[3] + 2 * f[1] - f[0]) / (2 * h * h * h);
        double[] e = exclusion(rl, rr);
        assertTrue(Math.abs(k2 / k1 - e[0]) < 1e-5, k2 / k1 + " against " + e[0]);
        assertTrue(Math.abs(k3 / k1 - e[1]) < 1e-4, k3 / k1 + " against " + e[1]);
    }

    /**
     * Quantum chain, gamma = 5 (diffusive), T_L = 1, T_R = 0, N = 2..8. Measured: F - F_inf = 0.067, 0.023, 0.015, 0.011
     * at N = 2, 4, 6, 8, and N (F - F_inf) = 0.133, 0.092, 0.089, 0.089: a 1/N approach. Asserted: F and kappa_3/kappa_1
     * above their limits and strictly decreasing toward them, and N (F - F_inf) within [0.05, 0.15] from N = 4 on
     * (a finite limit: a Fano factor tending elsewhere would make it grow like N).
     */
    @Test
    void dephasedChainApproachesTheExclusionProcess() {
        Chain first = TestChains.uniform(2, 1, 1, 0, 5, 1, 1, 1, 0);
        double[] rho = AdditivityTest.densities(first);
        double[] limit = exclusion(rho[0], rho[1]);
        double previousF = Double.POSITIVE_INFINITY;
        double previousK3 = Double.POSITIVE_INFINITY;
        for (int n = 2; n <= 8; n++) {
            Chain c = TestChains.uniform(n, 1, 1, 0, 5, 1, 1, 1, 0);
            double[] k = Cumulants.of(QuantumCountingGenerator.of(c, 0, 2), 3);
            double f = k[1] / k[0];
            double k3 = k[2] / k[0];
            assertTrue(f > limit[0] && f < previousF, "N = " + n + ": F = " + f + " after " + previousF + ", limit " + limit[0]);
            assertTrue(k3 > limit[1] && k3 < previousK3, "N = " + n + ": k3/k1 = " + k3 + " after " + previousK3 + ", limit " + limit[1]);
            if (n >= 4) {
                double scaled = n * (f - limit[0]);
                assertTrue(scaled > 0.05 && scaled < 0.15, "N = " + n + ": N (F - F_inf) = " + scaled);
            }
            previousF = f;
            previousK3 = k3;
        }
    }
}
