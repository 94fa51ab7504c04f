package org.qtraj.trajectory;

/**
 * Student's t distribution for z-tests with few samples: a mean over M independent trajectories divided by its
 * estimated standard error is t-distributed with M - 1 degrees of freedom (for Gaussian per-trajectory values; a time
 * average over a long window is close to Gaussian), so with M = 4 or 16 the normal threshold |z| &lt; 4 would raise
 * false alarms far more often than 6.3e-5.
 *
 * <p>Two-sided tail P(|T| &gt; t) = I_x(nu/2, 1/2), x = nu / (nu + t^2) (Abramowitz and Stegun 26.7.1 with 26.5.27),
 * the regularised incomplete beta function by its continued fraction (Numerical Recipes, 3rd ed., 6.4) and ln Gamma by
 * the Lanczos series (ibid. 6.1). Test helper only.
 */
final class StudentT {
    private StudentT() {
    }

    /** P(|T| &gt; t) for nu degrees of freedom. */
    static double twoSidedTail(double t, int nu) {
        if (t <= 0) {
            return 1;
        }
        return incompleteBeta(nu / (nu + t * t), 0.5 * nu, 0.5);
    }

    /** The t with P(|T| &gt; t) = p for nu degrees of freedom (bisection on the monotone tail, to 1e-10 relative). */
    static double twoSidedCritical(double p, int nu) {
        double lo = 0;
        double hi = 1;
        while (twoSidedTail(hi, nu) > p) {
            hi *= 2;
        }
        while (hi - lo > 1e-10 * hi) {
            double mid = 0.5 * (lo + hi);
            if (twoSidedTail(mid, nu) > p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** The regularised incomplete beta function I_x(a, b), 0 &lt;= x &lt;= 1. */
    static double incompleteBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        // the continued fraction converges fast for x < (a + 1) / (a + b + 2); otherwise use the symmetry
        if (x < (a + 1) / (a + b + 2)) {
            return front * betaFraction(x, a, b) / a;
        }
        return 1 - front * betaFraction(1 - x, b, a) / b;
    }

    /** The continued fraction of I_x(a, b) by the modified Lentz method. */
    private static double betaFraction(double x, double a, double b) {
        double tiny = 1e-300;
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        d = 1 / (Math.abs(d) < tiny ? tiny : d);
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            h *= d * c;
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + aa * d;
            d = 1 / (Math.abs(d) < tiny ? tiny : d);
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                return h;
            }
        }
        throw new IllegalStateException("incomplete beta: no convergence at x = " + x + ", a = " + a + ", b = " + b);
    }

    /** ln Gamma(z), z &gt; 0 (Lanczos, g = 5, six terms: relative error below 2e-10). */
    static double lnGamma(double z) {
        double[] cof = {76.18009172947146, -86.50532032941677, 24.01409824083091, -1.231739572450155,
            0.1208650973866179e-2, -0.5395239384953e-5};
        double y = z;
        double tmp = z + 5.5;
        tmp -= (z + 0.5) * Math.log(tmp);
        double ser = 1.000000000190015;
        for (double c : cof) {
            ser += c / ++y;
        }
        return -tmp + Math.log(2.5066282746310005 * ser / z);
    }
}
