package org.qtraj.exact;

import java.util.Arrays;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/** Chains for the tests: uniform ones with baths on the ends, and hand-built irregular ones. */
public final class TestChains {
    private TestChains() {
    }

    /** Uniform chain: omega, g, D, dephasing on every site/bond; baths on sites 1 and N. */
    public static Chain uniform(int n, double omega, double g, double d, double dephasing,
                         double rateLeft, double tempLeft, double rateRight, double tempRight) {
        return Chain.of(fill(n, omega), fill(n - 1, g), fill(n - 1, d), fill(n, dephasing), fill(n - 1, 1),
                new Bath(0, rateLeft, tempLeft), new Bath(n - 1, rateRight, tempRight));
    }

    /** The default model of DESIGN.md (omega = g = G = 1, T = 1, 0) with N sites, D and dephasing. */
    public static Chain defaults(int n, double d, double dephasing) {
        return uniform(n, 1, 1, d, dephasing, 1, 1, 1, 0);
    }

    public static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
