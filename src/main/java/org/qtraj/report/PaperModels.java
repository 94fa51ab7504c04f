package org.qtraj.report;

import org.qtraj.exact.ClosedForm;
import org.qtraj.exact.CorrelationSolver;
import org.qtraj.exact.LiouvillianSolver;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The paper's uniform chain (omega = g = G = V = 1 unless given, baths on sites 1 and N, T_N = 0 unless given) and
 * the closed forms the report evaluates beside the runs (PHYSICS.md):
 * <pre>
 *   quantum   J = omega (s_1 - s_N) / (a + b N),  a = 1/gamma_1 + 1/gamma_N + (gamma_1 + gamma_N)/(4 g^2) - gamma/(2 g^2),
 *             b = gamma/(2 g^2),  so d ln J/d ln N = -b N/(a + b N)
 *   classical J_C = gamma_1 gamma_N V (s_1 - s_N) / (V (gamma_1 + gamma_N) + gamma_1 gamma_N (N - 1)),
 *             d ln J_C/d ln N = -gamma_1 gamma_N N / (V (gamma_1 + gamma_N) + gamma_1 gamma_N (N - 1))
 * </pre>
 * with gamma_j = G_j (2 nbar_j + 1), s_j = nbar_j/(2 nbar_j + 1). Stateless; thread-safe.
 */
final class PaperModels {
    private PaperModels() {
    }

    /** The uniform chain with omega = g = G = V = 1, T_N = 0. */
    static Chain chain(int n, double gamma, double tLeft) {
        return Chain.builder().sites(n).omega(1).coupling(1).hopping(1).dephasing(gamma).leftBath(1, tLeft).rightBath(1, 0).build();
    }

    /** The same with the left bath's effective rate gamma_1 set at temperature tLeft (G_1 = gamma_1/(2 nbar_1 + 1)). */
    static Chain chainWithGamma1(int n, double gamma, double tLeft, double gamma1) {
        Bath b = new Bath(0, 1, tLeft);
        double rate = gamma1 / (2 * b.nbar(1) + 1);
        return Chain.builder().sites(n).omega(1).coupling(1).hopping(1).dephasing(gamma).leftBath(rate, tLeft).rightBath(1, 0).build();
    }

    /** The heat current from the left bath by the closed form. */
    static double closed(Chain c) {
        return new ClosedForm().solve(c).heatCurrentLeft();
    }

    /** The heat current from the left bath by the correlation (free-fermion) solver. */
    static double correlation(Chain c) {
        return new CorrelationSolver().solve(c).heatCurrentLeft();
    }

    /** The heat current from the left bath by the full Liouvillian (GMRES on the block-diagonal steady state). */
    static double liouvillian(Chain c) {
        return new LiouvillianSolver().solve(c).heatCurrentLeft();
    }

    /** {a, b} of the quantum closed form in units of omega (s_1 - s_N) (1/J = (a + b N)/(omega (s_1 - s_N))), g = omega = 1. */
    static double[] quantumAB(Chain c) {
        double g1 = c.left().gamma(1);
        double gn = c.right().gamma(1);
        double gamma = c.dephasing(0);
        double g = c.coupling(0);
        double b = gamma / (2 * g * g);
        return new double[] {1 / g1 + 1 / gn + (g1 + gn) / (4 * g * g) - b, b};
    }

    /** d ln J/d ln N of the quantum closed form at N (analytic derivative). */
    static double quantumExponent(Chain c, double n) {
        double[] ab = quantumAB(c);
        return -ab[1] * n / (ab[0] + ab[1] * n);
    }

    /** d ln J_C/d ln N of the classical closed form at N (analytic derivative). */
    static double classicalExponent(Chain c, double n) {
        double g1 = c.left().gamma(1);
        double gn = c.right().gamma(1);
        double v = c.hopping(0);
        return -g1 * gn * n / (v * (g1 + gn) + g1 * gn * (n - 1));
    }

    /** The classical closed form J_C (PHYSICS.md), omega = 1. */
    static double classicalClosed(Chain c) {
        double g1 = c.left().gamma(1);
        double gn = c.right().gamma(1);
        double v = c.hopping(0);
        double ds = c.left().s(1) - c.right().s(1);
        return g1 * gn * v * ds / (v * (g1 + gn) + g1 * gn * (c.sites() - 1));
    }
}
