package org.qtraj.exact.relaxation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Exact relaxation of the mean occupations of the classical exclusion process (PHYSICS.md "Classical analogue"):
 * for symmetric hopping the exclusion drops out of the one-point equations, which close,
 * <pre>
 *   dP/dt = M P + c,   M_kk = -(V_{k-1} + V_k) - sum_{baths j on k} gamma_j,   M_{k,k+1} = M_{k+1,k} = V_k,
 *   c_k = sum_{baths j on k} gamma_j s_j,
 * </pre>
 * gamma_j = G_j (2 nbar_j + 1), s_j = nbar_j / (2 nbar_j + 1) (injection G nbar into an empty site, removal
 * G (nbar + 1) from an occupied one; the stationary form is {@link RateEquations}). M is real symmetric:
 * M = Q diag(lambda) Q^T, and
 * <pre>
 *   P(t) = Q [ e^{lambda t} Q^T P(0) + phi(lambda, t) Q^T c ],   phi(lambda, t) = (e^{lambda t} - 1)/lambda  (t at lambda = 0)
 * </pre>
 * evaluated with expm1, exact up to rounding for any t (no time stepping). Cost: one dense symmetric
 * eigendecomposition, O(N^3); N up to {@value #MAX_SITES}. Stateless and thread-safe.
 */
public final class ClassicalRelaxation {
    /** Largest N (the eigendecomposition of an N x N matrix takes a few seconds there). */
    public static final int MAX_SITES = 2000;

    private ClassicalRelaxation() {
    }

    /**
     * P_k(t_j) from the occupations {@code initial} (each in [0, 1]): result[j][k], a new array; {@code initial}
     * and {@code times} are only read.
     *
     * @throws InvalidInputException naming "sites" above {@value #MAX_SITES}, "initial-state" for a wrong length or value,
     *                        "times" for negative, non-finite or unsorted times
     */
    public static double[][] populations(Chain chain, double[] initial, double[] times) {
        int n = chain.sites();
        if (n > MAX_SITES) {
            throw new InvalidInputException("sites", "the classical relaxation is computed up to N = " + MAX_SITES + ", got " + n);
        }
        if (initial.length != n) {
            throw new InvalidInputException("initial_state", "must give " + n + " occupations, got " + initial.length);
        }
        for (double p : initial) {
            if (!(p >= 0 && p <= 1)) {
                throw new InvalidInputException("initial_state", "occupations must be in [0, 1], got " + p);
            }
        }
        double previous = 0;
        for (double t : times) {
            if (!(Double.isFinite(t) && t >= previous)) {
                throw new InvalidInputException("times", "must be finite, >= 0 and sorted, got " + java.util.Arrays.toString(times));
            }
            previous = t;
        }
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        double[] c = new double[n];
        for (int b = 0; b < chain.bonds(); b++) {
            double v = chain.hopping(b);
            int k = chain.bondFrom(b);
            int l = chain.bondTo(b);
            m.add(k, k, -v);
            m.add(l, l, -v);
            m.add(k, l, v);
            m.add(l, k, v);
        }
        for (Bath bath : chain.baths()) {
            double w = chain.bathOmega(bath);
            double gamma = bath.absorptionRate(w) + bath.emissionRate(w);
            m.add(bath.site(), bath.site(), -gamma);
            c[bath.site()] += bath.absorptionRate(w);
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) {
            throw new SolverException("classical relaxation: the symmetric eigendecomposition failed");
        }
        double[] lambda = new double[n];
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            lambda[i] = eig.getEigenvalue(i).getReal();
            q[i] = eig.getEigenVector(i).getData().clone(); // unit length, orthogonal (symmetric M)
        }
        double[] a0 = project(q, initial);
        double[] ac = project(q, c);
        double[][] out = new double[times.length][n];
        for (int j = 0; j < times.length; j++) {
            double t = times[j];
            if (t == 0) {
                out[j] = initial.clone(); // exactly, not Q Q^T P(0) with its rounding
                continue;
            }
            for (int i = 0; i < n; i++) {
                double l = lambda[i];
                double coefficient = Math.exp(l * t) * a0[i] + (l == 0 ? t : Math.expm1(l * t) / l) * ac[i];
                for (int k = 0; k < n; k++) {
                    out[j][k] += coefficient * q[i][k];
                }
            }
        }
        return out;
    }

    /** The coordinates q_i . x of x in the eigenvector basis. */
    private static double[] project(double[][] q, double[] x) {
        double[] a = new double[q.length];
        for (int i = 0; i < q.length; i++) {
            double s = 0;
            for (int k = 0; k < x.length; k++) {
                s += q[i][k] * x[k];
            }
            a[i] = s;
        }
        return a;
    }
}
