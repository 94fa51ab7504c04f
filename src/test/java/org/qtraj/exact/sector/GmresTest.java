package org.qtraj.exact.sector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.qtraj.exact.linalg.Parallelism;

/** Restarted GMRES: the chunked, threaded Gram-Schmidt of long vectors. */
class GmresTest {

    /**
     * A nonsymmetric tridiagonal system longer than the threaded threshold (2^17 + 777 unknowns, so the last
     * chunk is partial): the solution is the same bits on 1, 2 and 3 threads, and solves the system (checked by
     * applying A here, to 1e-10 relative against the target 1e-12).
     */
    @Test
    void longVectorsGiveTheSameBitsOnAnyThreadCount() {
        int n = Gmres.PARALLEL_LENGTH + 777;
        double[] diag = new double[n];
        Random rng = new Random(17);
        for (int i = 0; i < n; i++) {
            diag[i] = 3 + rng.nextDouble();
        }
        Gmres.Operator a = (x, y) -> {
            for (int i = 0; i < n; i++) {
                y[i] = diag[i] * x[i] + (i > 0 ? 0.9 * x[i - 1] : 0) - (i + 1 < n ? 1.1 * x[i + 1] : 0);
            }
        };
        Gmres.Operator jacobi = (x, y) -> {
            for (int i = 0; i < n; i++) {
                y[i] = x[i] / diag[i];
            }
        };
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
        }
        Gmres.Result one = Gmres.solve(a, jacobi, b, 1e-12, 15, 500, Parallelism.of(1));
        assertTrue(one.converged(), "residual " + one.relativeResidual());
        assertTrue(one.iterations() > 15, "restarted at least once: " + one.iterations());
        for (int threads : new int[] {2, 3}) {
            Gmres.Result r = Gmres.solve(a, jacobi, b, 1e-12, 15, 500, Parallelism.of(threads));
            assertArrayEquals(one.x(), r.x(), "threads " + threads);
            assertEquals(one.iterations(), r.iterations());
        }
        // A reused workspace: after a solve of another right-hand side (which leaves its Krylov vectors, longer
        // vectors of a restarted solve, behind) the same system gives the same bits as in fresh memory.
        Gmres.Workspace reused = new Gmres.Workspace(n, 15);
        double[] other = new double[n];
        for (int i = 0; i < n; i++) {
            other[i] = Math.sin(i);
        }
        Gmres.solve(a, jacobi, other, 1e-12, 500, Parallelism.of(2), reused);
        Gmres.Result again = Gmres.solve(a, jacobi, b, 1e-12, 500, Parallelism.of(2), reused);
        assertArrayEquals(one.x(), again.x(), "reused workspace");
        assertEquals(one.iterations(), again.iterations());
        assertThrows(IllegalArgumentException.class,
                () -> Gmres.solve(a, jacobi, new double[n - 1], 1e-12, 500, Parallelism.of(1), reused));
        double[] ax = new double[n];
        a.apply(one.x(), ax);
        double res = 0;
        double bn = 0;
        for (int i = 0; i < n; i++) {
            res += (ax[i] - b[i]) * (ax[i] - b[i]);
            bn += b[i] * b[i];
        }
        assertEquals(0, Math.sqrt(res / bn), 1e-10);
    }

    /**
     * Flexible GMRES: a preconditioner that is not a linear map (Jacobi, then every entry rounded to 3 significant
     * bits, a relative error up to 1/16 that depends on the value) still gives the solution to the target 1e-12
     * within 50 steps, checked by applying A here (to 1e-10). Measured: 24 steps. Plain right-preconditioned GMRES
     * (x = M^{-1} (V y), the code before it became flexible) took 142 steps on the same system: each restart cycle
     * only gained about the preconditioner's accuracy, because M^{-1} of the combination V y is not the combination
     * of the M^{-1} v_j that the least-squares problem assumed.
     */
    @Test
    void toleratesANonlinearPreconditioner() {
        int n = 3000;
        Random rng = new Random(18);
        double[] diag = new double[n];
        for (int i = 0; i < n; i++) {
            diag[i] = 3 + rng.nextDouble();
        }
        Gmres.Operator a = (x, y) -> {
            for (int i = 0; i < n; i++) {
                y[i] = diag[i] * x[i] + (i > 0 ? 0.9 * x[i - 1] : 0) - (i + 1 < n ? 1.1 * x[i + 1] : 0);
            }
        };
        Gmres.Operator coarse = (x, y) -> {
            for (int i = 0; i < n; i++) {
                double q = x[i] / diag[i];
                int e = Math.getExponent(q);
                y[i] = q == 0 ? 0 : Math.scalb(Math.rint(Math.scalb(q, 2 - e)), e - 2);
            }
        };
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextGaussian();
        }
        Gmres.Result r = Gmres.solve(a, coarse, b, 1e-12, 200, 50);
        assertTrue(r.converged(), "residual " + r.relativeResidual());
        double[] ax = new double[n];
        a.apply(r.x(), ax);
        double res = 0;
        double bn = 0;
        for (int i = 0; i < n; i++) {
            res += (ax[i] - b[i]) * (ax[i] - b[i]);
            bn += b[i] * b[i];
        }
        assertEquals(0, Math.sqrt(res / bn), 1e-10);
    }
}
