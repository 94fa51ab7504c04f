package org.qtraj.exact.linalg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The complex symmetric tridiagonal eigensolver: X V = V Lambda and V^T V = I, checked entry by entry, for
 * well-separated spectra, dense spectra (uniform chains), disordered chains and nearly degenerate pairs.
 */
class ComplexSymmetricTridiagonalEigenTest {

    /** max |X V - V Lambda| / ||X|| and max |V^T V - I|, for X = tridiag(off, diag, off). */
    private static double[] errors(double[] dr, double[] di, double[] or, double[] oi) {
        ComplexSymmetricTridiagonalEigen e = new ComplexSymmetricTridiagonalEigen(dr, di, or, oi, Parallelism.available());
        int n = dr.length;
        double norm = 0;
        for (int k = 0; k < n; k++) {
            norm = Math.max(norm, Math.hypot(dr[k], di[k]) + (k > 0 ? Math.hypot(or[k - 1], oi[k - 1]) : 0)
                    + (k < n - 1 ? Math.hypot(or[k], oi[k]) : 0));
        }
        double rec = 0;
        for (int m = 0; m < n; m++) {
            double[] vr = e.vectorRe(m);
            double[] vi = e.vectorIm(m);
            double lr = e.lambdaRe(m);
            double li = e.lambdaIm(m);
            for (int k = 0; k < n; k++) {
                double xr = dr[k] * vr[k] - di[k] * vi[k] - (lr * vr[k] - li * vi[k]);
                double xi = dr[k] * vi[k] + di[k] * vr[k] - (lr * vi[k] + li * vr[k]);
                if (k > 0) {
                    xr += or[k - 1] * vr[k - 1] - oi[k - 1] * vi[k - 1];
                    xi += or[k - 1] * vi[k - 1] + oi[k - 1] * vr[k - 1];
                }
                if (k < n - 1) {
                    xr += or[k] * vr[k + 1] - oi[k] * vi[k + 1];
                    xi += or[k] * vi[k + 1] + oi[k] * vr[k + 1];
                }
                rec = Math.max(rec, Math.hypot(xr, xi) / norm);
            }
        }
        double orth = 0;
        for (int m = 0; m < n; m++) {
            for (int p = 0; p < n; p++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < n; k++) {
                    sr += e.vectorRe(m)[k] * e.vectorRe(p)[k] - e.vectorIm(m)[k] * e.vectorIm(p)[k];
                    si += e.vectorRe(m)[k] * e.vectorIm(p)[k] + e.vectorIm(m)[k] * e.vectorRe(p)[k];
                }
                orth = Math.max(orth, Math.hypot(sr - (m == p ? 1 : 0), si));
            }
        }
        return new double[] {rec, orth};
    }

    /** X = i h - diag(Gamma)/2 as the solver builds it. */
    private static double[] chainErrors(double[] omega, double[] g, double[] damping) {
        int n = omega.length;
        double[] dr = new double[n];
        for (int k = 0; k < n; k++) {
            dr[k] = -damping[k] / 2;
        }
        return errors(dr, omega, new double[n - 1], g);
    }

    @Test
    void randomComplexMatrixWellSeparated() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 40;
        double[] dr = new double[n];
        double[] di = new double[n];
        double[] or = new double[n - 1];
        double[] oi = new double[n - 1];
        for (int k = 0; k < n; k++) {
            dr[k] = rng.nextDouble(-3, 3);
            di[k] = rng.nextDouble(-3, 3);
            if (k < n - 1) {
                or[k] = rng.nextDouble(-1, 1);
                oi[k] = rng.nextDouble(-1, 1);
            }
        }
        double[] err = errors(dr, di, or, oi);
        assertTrue(err[0] < 1e-13, "reconstruction " + err[0]);
        assertTrue(err[1] < 1e-9, "V^T V - I " + err[1]);
    }

    @Test
    void uniformChainWithEndBathsDenseSpectrum() {
        int n = 200;
        double[] omega = new double[n];
        double[] g = new double[n - 1];
        double[] damping = new double[n];
        java.util.Arrays.fill(omega, 1);
        java.util.Arrays.fill(g, 1);
        damping[0] = 2.16;
        damping[n - 1] = 1;
        double[] err = chainErrors(omega, g, damping);
        assertTrue(err[0] < 1e-13, "reconstruction " + err[0]);
        assertTrue(err[1] < 1e-9, "V^T V - I " + err[1]);
    }

    @Test
    void disorderedChainWithDephasingClusteredSpectrum() {
        SplittableRandom rng = new SplittableRandom(7);
        int n = 120;
        double[] omega = new double[n];
        double[] g = new double[n - 1];
        double[] damping = new double[n];
        for (int k = 0; k < n; k++) {
            omega[k] = rng.nextDouble(0.1, 1);
            damping[k] = rng.nextDouble(0, 0.3);
            if (k < n - 1) {
                g[k] = rng.nextDouble(0.05, 1);
            }
        }
        damping[0] += 1.5;
        double[] err = chainErrors(omega, g, damping);
        assertTrue(err[0] < 1e-13, "reconstruction " + err[0]);
        assertTrue(err[1] < 1e-8, "V^T V - I " + err[1]);
    }

    @Test
    void twoWeaklyCoupledIdenticalHalvesNearlyDegenerate() {
        // Two copies of the same 10-site chain joined by g = 1e-3: eigenvalues come in pairs split by ~1e-3.
        int half = 10;
        int n = 2 * half;
        double[] omega = new double[n];
        double[] g = new double[n - 1];
        double[] damping = new double[n];
        SplittableRandom rng = new SplittableRandom(3);
        for (int k = 0; k < half; k++) {
            omega[k] = omega[n - 1 - k] = rng.nextDouble(0.5, 1.5);
            damping[k] = damping[n - 1 - k] = 0.2;
        }
        for (int b = 0; b < half - 1; b++) {
            g[b] = g[n - 2 - b] = rng.nextDouble(0.5, 1);
        }
        g[half - 1] = 1e-3;
        double[] err = chainErrors(omega, g, damping);
        assertTrue(err[0] < 1e-13, "reconstruction " + err[0]);
        assertTrue(err[1] < 1e-8, "V^T V - I " + err[1]);
    }
}
