package org.qtraj.exact.counting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.qtraj.exact.TestChains;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The classical exclusion process of this model against the large-N results for the symmetric exclusion process
 * between reservoirs (Derrida, Doucot, Roche, J. Stat. Phys. 115, 717 (2004); Bodineau, Derrida, PRL 92, 180601
 * (2004)). Mapping: a bath injects at rate alpha = G nbar into its empty site and removes at gamma = G (nbar + 1)
 * from it occupied, which is the boundary of a reservoir of density rho = alpha/(alpha + gamma) = nbar/(2 nbar + 1)
 * coupled at rate alpha + gamma = G (2 nbar + 1); with hopping V the chain acts as one of effective length
 * L = N - 1 + V/(alpha_L + gamma_L) + V/(alpha_R + gamma_R) (in hops), and the mean current is exactly
 * J = V (rho_L - rho_R) / L for every N. At large N, theta(s) = (V/L) F(omega) + O(1/L^2) with
 * omega = rho_L (e^s - 1) + rho_R (e^-s - 1) + rho_L rho_R (e^s - 1)(e^-s - 1) and F(omega) = arcsinh^2(sqrt(omega))
 * (-arcsin^2(sqrt(-omega)) for omega &lt; 0).
 */
class AdditivityTest {
    static double[] densities(Chain c) {
        double[] rho = new double[2];
        for (int j = 0; j < 2; j++) {
            Bath b = c.baths()[j];
            double n = b.nbar(c.bathOmega(b));
            rho[j] = n / (2 * n + 1);
        }
        return rho;
    }

    static double length(Chain c) {
        double l = c.sites() - 1;
        for (Bath b : c.baths()) {
            l += c.hopping(0) / b.gamma(c.bathOmega(b));
        }
        return l;
    }

    static double additivity(double rhoL, double rhoR, double s) {
        double w = rhoL * Math.expm1(s) + rhoR * Math.expm1(-s) + rhoL * rhoR * Math.expm1(s) * Math.expm1(-s);
        if (w >= 0) {
            double a = Math.log(Math.sqrt(w) + Math.sqrt(w + 1));
            return a * a;
        }
        double a = Math.asin(Math.sqrt(-w));
        return -a * a;
    }

    @Test
    void meanCurrentIsTheReservoirFormulaAtEveryN() {
        for (int n = 2; n <= 10; n += 2) {
            for (double[] t : new double[][] {{1, 0}, {2, 0.5}}) {
                Chain c = TestChains.uniform(n, 1, 1, 0, 0, 1.3, t[0], 0.7, t[1]);
                double[] rho = densities(c);
                double j = Cumulants.of(ClassicalGenerator.of(c, c.left()), 1)[0];
                // relative 1e-9: the cumulant solve's accuracy (measured 5e-11 at N = 10)
                double formula = c.hopping(0) * (rho[0] - rho[1]) / length(c);
                assertEquals(formula, j, 1e-9 * formula, "N = " + n);
            }
        }
    }

    /**
     * L theta(s) against F(omega): measured relative differences 1.5%, 0.8%, 0.5% at s = 1 for N = 4, 8, 12 (and
     * 0.2-0.7% at s = -1, 0.5), i.e. L times the relative difference stays at about 0.065: the O(1/L^2) correction
     * to theta. The test asserts |relative difference| &lt; 0.1 / L and that it shrinks from N = 4 to 6 to 8.
     */
    @Test
    void thetaApproachesTheAdditivityCgf() {
        double[] s = {-1, 0.5, 1};
        double[] previous = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        for (int n : new int[] {4, 6, 8}) {
            Chain c = TestChains.uniform(n, 1, 1, 0, 0, 1, 1, 1, 0);
            double[] rho = densities(c);
            double l = length(c);
            LargeDeviations.Point[] p = LargeDeviations.theta(ClassicalGenerator.of(c, c.left()), s);
            for (int i = 0; i < s.length; i++) {
                double f = additivity(rho[0], rho[1], s[i]);
                double rel = Math.abs((l * p[i].theta() - f) / f);
                assertTrue(rel < 0.1 / l, "N = " + n + ", s = " + s[i] + ": L theta = " + l * p[i].theta() + ", F = " + f);
                assertTrue(rel < previous[i], "N = " + n + ", s = " + s[i] + ": " + rel + " after " + previous[i]);
                previous[i] = rel;
            }
        }
    }
}
