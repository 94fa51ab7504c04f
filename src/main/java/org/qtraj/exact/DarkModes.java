package org.qtraj.exact;

import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Whether an XX model (D = 0) has a dark mode: a single-particle mode that no bath and no dephasing ever touches, so
 * its occupation is conserved and the steady state is not unique. The single-particle Hamiltonian h (h_kk = omega_k,
 * h_kl = g_kl on the bonds) moves amplitude only inside the smallest h-invariant subspace containing the touched
 * sites (bath sites with a positive rate, dephased sites): the Krylov space span{h^m e_s}. A vector orthogonal to
 * it is an invariant subspace of h with zero amplitude on every touched site, i.e. a dark mode; the steady state is
 * unique exactly when the Krylov space is all of C^N (the controllability of (h, touched sites)).
 *
 * <p>Example: the 2 x 2 grid (a 4-ring) with equal couplings and baths on opposite corners: (e_2 - e_3)/sqrt 2 is
 * dark. For D != 0 the criterion is not decided here (interactions usually couple such modes). Stateless.
 */
final class DarkModes {
    /** Relative size below which a Krylov direction counts as already spanned. */
    private static final double TOLERANCE = 1e-9;

    private DarkModes() {
    }

    /** Why an XX model has no unique steady state (the dimension of its dark subspace), or null. */
    static String refusal(Chain chain) {
        if (!chain.isXX()) {
            return null;
        }
        int n = chain.sites();
        double[][] h = new double[n][n];
        double scale = 0;
        for (int k = 0; k < n; k++) {
            h[k][k] = chain.omega(k);
            scale = Math.max(scale, Math.abs(chain.omega(k)));
        }
        for (int b = 0; b < chain.bonds(); b++) {
            h[chain.bondFrom(b)][chain.bondTo(b)] += chain.coupling(b);
            h[chain.bondTo(b)][chain.bondFrom(b)] += chain.coupling(b);
            scale = Math.max(scale, Math.abs(chain.coupling(b)));
        }
        double[][] basis = new double[n][];
        int rank = 0;
        double[][] frontier = new double[n][];
        int size = 0;
        boolean[] touched = new boolean[n];
        for (Bath bath : chain.baths()) {
            touched[bath.site()] |= bath.rate() != 0;
        }
        for (int k = 0; k < n; k++) {
            touched[k] |= chain.dephasing(k) > 0;
            if (touched[k]) {
                double[] e = new double[n];
                e[k] = 1;
                frontier[size++] = e;
            }
        }
        // breadth-first Krylov expansion with Gram-Schmidt (twice) against the basis found so far
        while (size > 0 && rank < n) {
            double[][] next = new double[n][];
            int nextSize = 0;
            for (int i = 0; i < size && rank < n; i++) {
                double[] v = frontier[i].clone();
                double before = norm(v);
                for (int pass = 0; pass < 2; pass++) {
                    for (int j = 0; j < rank; j++) {
                        double dot = 0;
                        for (int k = 0; k < n; k++) {
                            dot += basis[j][k] * v[k];
                        }
                        for (int k = 0; k < n; k++) {
                            v[k] -= dot * basis[j][k];
                        }
                    }
                }
                double after = norm(v);
                if (after > TOLERANCE * Math.max(before, 1e-300)) {
                    for (int k = 0; k < n; k++) {
                        v[k] /= after;
                    }
                    basis[rank++] = v;
                    double[] hv = new double[n];
                    for (int r = 0; r < n; r++) {
                        for (int c = 0; c < n; c++) {
                            hv[r] += h[r][c] * v[c] / (scale > 0 ? scale : 1);
                        }
                    }
                    next[nextSize++] = hv;
                }
            }
            frontier = next;
            size = nextSize;
        }
        if (rank == n) {
            return null;
        }
        return (n - rank) + " single-particle mode(s) never reach a bath or a dephased site (e.g. by symmetry: equal"
                + " paths that interfere destructively), so their occupation is conserved and the steady state is not"
                + " unique; break the symmetry (couplings, energies) or add dephasing";
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
