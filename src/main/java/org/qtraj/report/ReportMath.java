package org.qtraj.report;

import java.util.function.DoubleUnaryOperator;

/**
 * The small numerics the report needs beside the solvers: a golden-section maximiser, bisection for a sign change,
 * the chi-square distribution function (regularised incomplete gamma function, Numerical Recipes 6.2) and the
 * normal tail. Stateless; thread-safe.
 */
final class ReportMath {
    private static final double PHI = (Math.sqrt(5) - 1) / 2;

    private ReportMath() {
    }

    /**
     * The maximum of a unimodal f on [lo, hi] by golden-section search, to an interval of width {@code tol}:
     * {x at the maximum, f there}.
     */
    static double[] goldenMax(DoubleUnaryOperator f, double lo, double hi, double tol) {
        double a = lo;
        double b = hi;
        double x1 = b - PHI * (b - a);
        double x2 = a + PHI * (b - a);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        while (b - a > tol) {
            if (f1 > f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - PHI * (b - a);
                f1 = f.applyAsDouble(x1);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + PHI * (b - a);
                f2 = f.applyAsDouble(x2);
            }
        }
        return f1 > f2 ? new double[] {x1, f1} : new double[] {x2, f2};
    }

    /**
     * A root of f in [lo, hi] by bisection to width {@code tol}; f(lo) and f(hi) must differ in sign (NaN if not).
     */
    static double bisect(DoubleUnaryOperator f, double lo, double hi, double tol) {
        double fa = f.applyAsDouble(lo);
        double fb = f.applyAsDouble(hi);
        if (Math.signum(fa) == Math.signum(fb)) {
            return Double.NaN;
        }
        double a = lo;
        double b = hi;
        while (b - a > tol) {
            double m = (a + b) / 2;
            double fm = f.applyAsDouble(m);
            if (Math.signum(fm) == Math.signum(fa)) {
                a = m;
                fa = fm;
            } else {
                b = m;
            }
        }
        return (a + b) / 2;
    }

    /** P(chi^2_k &lt;= x) = P(k/2, x/2), the regularised lower incomplete gamma function. */
    static double chiSquareCdf(double x, int k) {
        if (x <= 0) {
            return 0;
        }
        return gammaP(k / 2.0, x / 2);
    }

    /** Two-sided normal tail P(|Z| &gt; z) = erfc(z/sqrt 2), via the incomplete gamma function (erfc(y) = Q(1/2, y^2)). */
    static double normalTwoSided(double z) {
        return 1 - gammaP(0.5, z * z / 2);
    }

    /** Regularised lower incomplete gamma P(a, x): series for x &lt; a + 1, else 1 - continued fraction. */
    static double gammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double lnPrefix = -x + a * Math.log(x) - lnGamma(a);
        if (x < a + 1) {
            double ap = a;
            double sum = 1 / a;
            double del = sum;
            for (int n = 0; n < 1000 && Math.abs(del) > Math.abs(sum) * 1e-16; n++) {
                ap++;
                del *= x / ap;
                sum += del;
            }
            return sum * Math.exp(lnPrefix);
        }
        // Lentz's continued fraction for Q(a, x)
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 1000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-16) {
                break;
            }
        }
        return 1 - Math.exp(lnPrefix) * h;
    }

    /** ln Gamma(x) for x &gt; 0 (Lanczos, g = 7, 9 terms; relative error ~1e-15). */
    static double lnGamma(double x) {
        double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
        }
        double y = x - 1;
        double s = c[0];
        for (int i = 1; i < 9; i++) {
            s += c[i] / (y + i);
        }
        double t = y + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(s);
    }
}
