package org.qtraj.trajectory;

import org.qtraj.errors.InvalidInputException;

/**
 * Step size, Taylor order and quadrature rule for one sector, chosen a priori from a bound nu >= ||A||_2 on the
 * shifted effective Hamiltonian (see {@link Sector}) and the tolerance.
 *
 * <p>Propagation: psi(t + s h) = sum_{k <= K} s^k u_k with u_k = (-i A h)^k psi / k!, s in [0, 1]. With
 * x = nu h the truncation error is at most sum_{k > K} x^k / k! <= x^(K+1) e^x / (K+1)! relative to ||psi||;
 * x is the largest value for which this is <= tolerance. The same polynomial gives the state anywhere inside the
 * step (dense output), which the jump-time search and the quadrature use.
 *
 * <p>Quadrature of expectation values over a step: m-point Gauss-Legendre, error
 * h^(2m+1) (m!)^4 / ((2m+1) ((2m)!)^3) max|f^(2m)|. The integrand <psi|B|psi>/<psi|psi> oscillates with frequencies
 * at most 2 nu, so |f^(2m)| is estimated by (2 nu)^(2m) ||B||; m is the smallest count that brings
 * (2x)^(2m) (m!)^4 / ((2m+1) ((2m)!)^3) below the tolerance (an error relative to ||B|| per unit time).
 *
 * <p>K (and with it x and m) minimises an operation count per unit time, K (r + 3) + m (K + 4) per step over
 * x / nu, r the mean number of hopping entries per row: a product with A against a polynomial evaluation.
 *
 * @param order   K
 * @param step    h (infinite when nu = 0: the state only decays by the scalar factor)
 * @param nodes   Gauss-Legendre nodes on [0, 1]
 * @param weights their weights, summing to 1
 */
record StepPlan(int order, double step, double[] nodes, double[] weights) {
    static final int MAX_ORDER = 20;
    static final int MAX_NODES = 24;

    static StepPlan of(double normBound, double tolerance, double entriesPerRow) {
        if (normBound == 0) {
            return new StepPlan(1, Double.POSITIVE_INFINITY, new double[] {0.5}, new double[] {1});
        }
        double bestCost = Double.POSITIVE_INFINITY;
        int bestK = -1;
        int bestM = -1;
        double bestX = 0;
        for (int k = 2; k <= MAX_ORDER; k++) {
            double x = largestStep(k, tolerance);
            int m = nodesFor(x, tolerance);
            double cost = (k * (entriesPerRow + 3) + m * (k + 4.0)) / x;
            if (cost < bestCost) {
                bestCost = cost;
                bestK = k;
                bestM = m;
                bestX = x;
            }
        }
        double[][] gl = gaussLegendre(bestM);
        return new StepPlan(bestK, bestX / normBound, gl[0], gl[1]);
    }

    /**
     * Gauss-Legendre rules with 1 .. {@code nodes().length} nodes on [0, 1], [m - 1][0] the nodes and [m - 1][1] the
     * weights of the m-point rule (the last is this plan's own), for steps shorter than h: a step cut at a jump or a
     * sample time needs fewer nodes for the same quadrature error ({@link #nodesFor}).
     */
    double[][][] shorterRules() {
        double[][][] rules = new double[nodes.length][][];
        for (int m = 1; m <= rules.length; m++) {
            rules[m - 1] = m == rules.length ? new double[][] {nodes, weights} : gaussLegendre(m);
        }
        return rules;
    }

    /**
     * For m = 1 .. {@code nodes().length}: the largest x = nu h' (h' the length actually integrated) for which the
     * m-point rule meets the tolerance, by bisection (the error bound increases with x); the last is infinite, as
     * the plan's own rule covers the whole step.
     */
    double[] ruleReach(double tolerance) {
        double[] reach = new double[nodes.length];
        for (int m = 1; m <= reach.length; m++) {
            if (m == reach.length) {
                reach[m - 1] = Double.POSITIVE_INFINITY;
                continue;
            }
            double lo = 0;
            double hi = 64;
            for (int i = 0; i < 200; i++) {
                double mid = 0.5 * (lo + hi);
                if (quadratureError(m, mid) <= tolerance) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            reach[m - 1] = lo;
        }
        return reach;
    }

    /** Largest x with x^(K+1) e^x / (K+1)! <= tol, by bisection (the bound increases with x). */
    static double largestStep(int order, double tol) {
        double lo = 0;
        double hi = 64;
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (taylorRemainder(order, mid) <= tol) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** x^(K+1) e^x / (K+1)!, in logs to avoid overflow. */
    static double taylorRemainder(int order, double x) {
        double log = (order + 1) * Math.log(x) + x;
        for (int i = 2; i <= order + 1; i++) {
            log -= Math.log(i);
        }
        return Math.exp(log);
    }

    /** Smallest m with (2x)^(2m) (m!)^4 / ((2m+1)((2m)!)^3) <= tol, at most MAX_NODES. */
    static int nodesFor(double x, double tol) {
        for (int m = 1; m < MAX_NODES; m++) {
            if (quadratureError(m, x) <= tol) {
                return m;
            }
        }
        return MAX_NODES;
    }

    static double quadratureError(int m, double x) {
        double log = 2 * m * Math.log(2 * x) - Math.log(2 * m + 1);
        for (int i = 2; i <= m; i++) {
            log += 4 * Math.log(i);
        }
        for (int i = 2; i <= 2 * m; i++) {
            log -= 3 * Math.log(i);
        }
        return Math.exp(log);
    }

    /** Nodes and weights of the m-point Gauss-Legendre rule on [0, 1] (Newton on P_m from Chebyshev guesses). */
    static double[][] gaussLegendre(int m) {
        double[] x = new double[m];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (m + 0.5));
            double dp = 0;
            for (int it = 0; it < 100; it++) {
                double p0 = 1;
                double p1 = z;
                for (int j = 2; j <= m; j++) {
                    double p2 = ((2 * j - 1) * z * p1 - (j - 1) * p0) / j;
                    p0 = p1;
                    p1 = p2;
                }
                if (m == 1) {
                    p0 = 1;
                }
                dp = m * (z * p1 - p0) / (z * z - 1);
                double dz = p1 / dp;
                z -= dz;
                if (Math.abs(dz) < 1e-16) {
                    break;
                }
            }
            // recompute derivative at the converged root
            double p0 = 1;
            double p1 = z;
            for (int j = 2; j <= m; j++) {
                double p2 = ((2 * j - 1) * z * p1 - (j - 1) * p0) / j;
                p0 = p1;
                p1 = p2;
            }
            dp = m * (z * p1 - p0) / (z * z - 1);
            x[m - 1 - i] = 0.5 * (1 + z);
            w[m - 1 - i] = 1.0 / ((1 - z * z) * dp * dp);
        }
        return new double[][] {x, w};
    }

    /**
     * Checks a local error per step: both trajectory engines take one in [1e-14, 1e-3] (below, rounding dominates;
     * above, the truncation bound no longer describes the error).
     *
     * @throws InvalidInputException naming "tolerance" otherwise
     */
    static void checkTolerance(double tolerance) {
        if (!(tolerance >= 1e-14 && tolerance <= 1e-3)) {
            throw new InvalidInputException("tolerance", "must be in [1e-14, 1e-3], got " + tolerance);
        }
    }
}
