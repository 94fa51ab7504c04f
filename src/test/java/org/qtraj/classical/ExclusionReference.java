package org.qtraj.classical;

import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Test references for the exclusion process, written independently of the code under test and of
 * org.qtraj.exact:
 * <ul>
 *   <li>{@link #rateEquations}: the mean-occupation equations of PHYSICS.md "Classical analogue",
 *       0 = V_{k-1}(P_{k-1} - P_k) + V_k(P_{k+1} - P_k) + sum_{baths on k} gamma_j (s_j - P_k), assembled as a
 *       dense matrix and solved by Gaussian elimination with partial pivoting;</li>
 *   <li>{@link #masterEquation}: the stationary distribution of the full 2^N-state Markov chain (generator
 *       Q, pi Q = 0, sum pi = 1), which shows that the rate equations are exact for exclusion.</li>
 * </ul>
 * Both return {P_0 .. P_{N-1}, I_left, I_right} with I_j = gamma_j (s_j - P_{k_j}) (rate equations) or
 * the mean net injection rate of bath j (master equation).
 */
final class ExclusionReference {
    private ExclusionReference() {
    }

    static double[] rateEquations(Chain c) {
        int n = c.sites();
        double[][] a = new double[n][n + 1];
        for (int b = 0; b < n - 1; b++) {
            double v = c.hopping(b);
            a[b][b] -= v;
            a[b][b + 1] += v;
            a[b + 1][b + 1] -= v;
            a[b + 1][b] += v;
        }
        for (Bath bath : c.baths()) {
            double w = c.bathOmega(bath);
            int k = bath.site();
            a[k][k] -= bath.gamma(w);
            a[k][n] -= bath.gamma(w) * bath.s(w);
        }
        double[] p = solve(a);
        double[] out = new double[n + 2];
        System.arraycopy(p, 0, out, 0, n);
        Bath l = c.left();
        Bath r = c.right();
        out[n] = l.gamma(c.bathOmega(l)) * (l.s(c.bathOmega(l)) - p[l.site()]);
        out[n + 1] = r.gamma(c.bathOmega(r)) * (r.s(c.bathOmega(r)) - p[r.site()]);
        return out;
    }

    static double[] masterEquation(Chain c) {
        int n = c.sites();
        int states = 1 << n;
        Bath l = c.left();
        Bath r = c.right();
        double lIn = l.absorptionRate(c.bathOmega(l));
        double lOut = l.emissionRate(c.bathOmega(l));
        double rIn = r.absorptionRate(c.bathOmega(r));
        double rOut = r.emissionRate(c.bathOmega(r));
        // q[to][from]: rate from -> to; the balance rows sum_from q[to][from] pi[from] - out(to) pi[to] = 0.
        double[][] a = new double[states][states + 1];
        for (int s = 0; s < states; s++) {
            for (int b = 0; b < n - 1; b++) {
                boolean x = (s >> b & 1) != 0;
                boolean y = (s >> (b + 1) & 1) != 0;
                if (x != y) {
                    addRate(a, s, s ^ (3 << b), c.hopping(b));
                }
            }
            addRate(a, s, s ^ (1 << l.site()), (s >> l.site() & 1) != 0 ? lOut : lIn);
            addRate(a, s, s ^ (1 << r.site()), (s >> r.site() & 1) != 0 ? rOut : rIn);
        }
        // Replace one balance row (they are linearly dependent) by the normalisation.
        for (int j = 0; j < states; j++) {
            a[0][j] = 1;
        }
        a[0][states] = 1;
        double[] pi = solve(a);
        double[] out = new double[n + 2];
        for (int s = 0; s < states; s++) {
            for (int k = 0; k < n; k++) {
                out[k] += pi[s] * (s >> k & 1);
            }
            out[n] += pi[s] * ((s >> l.site() & 1) != 0 ? -lOut : lIn);
            out[n + 1] += pi[s] * ((s >> r.site() & 1) != 0 ? -rOut : rIn);
        }
        return out;
    }

    private static void addRate(double[][] a, int from, int to, double rate) {
        a[to][from] += rate;
        a[from][from] -= rate;
    }

    /** Gaussian elimination with partial pivoting on the augmented matrix [A | b]. */
    private static double[] solve(double[][] a) {
        int n = a.length;
        for (int col = 0; col < n; col++) {
            int piv = col;
            for (int i = col + 1; i < n; i++) {
                if (Math.abs(a[i][col]) > Math.abs(a[piv][col])) {
                    piv = i;
                }
            }
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            for (int i = col + 1; i < n; i++) {
                double f = a[i][col] / a[col][col];
                if (f != 0) {
                    for (int j = col; j <= n; j++) {
                        a[i][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = a[i][n];
            for (int j = i + 1; j < n; j++) {
                s -= a[i][j] * x[j];
            }
            x[i] = s / a[i][i];
        }
        return x;
    }
}
