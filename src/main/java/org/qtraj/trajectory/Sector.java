package org.qtraj.trajectory;

/**
 * What the evolution needs in one excitation-number sector n (dimension C(N, n)), built once per chain
 * and then read-only (safe to share between threads).
 *
 * <p>The basis is the bit masks with n set bits, in increasing order. The effective Hamiltonian restricted
 * to the sector is H_eff = H - (i/2) diag(Gamma), Gamma_x = sum_m <x|L_m^+ L_m|x>; H is real symmetric with
 * the diagonal E(x) = sum_k omega_k n_k + sum_b D_b sz_b sz_{b+1} and the hopping g_b between masks that differ
 * by moving one excitation across bond b, stored as a sparse row list (CSR) with the bond of each entry.
 *
 * <p>The integrator works with the shifted matrix A = (H - e0) - (i/2)(Gamma - c0), e0 and c0 the midpoints of
 * the ranges of E and Gamma in the sector: exp(-i H_eff t) = exp(-i e0 t) exp(-c0 t/2) exp(-i A t), the phase is
 * irrelevant and the real factor is applied exactly. {@link #normBound} is a rigorous upper bound on the spectral
 * norm of A ({@link NormBound}: Collatz-Wielandt on |A|, at most the largest absolute row sum).
 */
final class Sector {
    final int excitations;
    final int dim;
    final int[] masks;
    /** E(x) - e0. */
    final double[] diag;
    /** Gamma_x, the total jump rate out of basis state x (unshifted). */
    final double[] decay;
    /** (Gamma_x - c0) / 2. */
    final double[] halfShiftedDecay;
    /** c0, midpoint of the range of Gamma_x. */
    final double decayShift;
    final int[] rowStart;
    final int[] column;
    final double[] value;
    final int[] bond;
    /**
     * Per bath j: a_j(x) = G_e,j n_k (E(x - e_k) - E(x)) + G_a,j (1 - n_k)(E(x + e_k) - E(x)), the diagonal of the
     * adjoint dissipator D_j^+(H) for the bath on site k (the off-diagonal part is -(gamma_j/2) times the hopping
     * terms of the bonds touching k).
     */
    final double[][] bathDiag;
    /** The hopping entries above the diagonal (x < y): rows, columns, bonds and 2 g, for bond expectations. */
    final int[] pairRow;
    final int[] pairColumn;
    final int[] pairBond;
    final double[] pairTwiceValue;
    /**
     * +1 if the pair's column state has the excitation on the bond's first site (so the hop goes from the column to
     * the row state), else -1: the sign of Im(conj(psi_row) psi_column) in the bond current k -&gt; l.
     */
    final double[] pairCurrentSign;
    final double normBound;
    final StepPlan plan;
    /** {@link StepPlan#shorterRules()} of the plan. */
    final double[][][] rules;
    /** {@link StepPlan#ruleReach} of the plan: rule m - 1 serves steps with nu h' up to reach[m - 1]. */
    final double[] ruleReach;

    Sector(int excitations, int[] masks, double[] diag, double[] decay, double[] halfShiftedDecay, double decayShift,
           int[] rowStart, int[] column, double[] value, int[] bond, int[] bondFrom, double[][] bathDiag,
           double normBound, StepPlan plan, double tolerance) {
        this.excitations = excitations;
        this.dim = masks.length;
        this.masks = masks;
        this.diag = diag;
        this.decay = decay;
        this.halfShiftedDecay = halfShiftedDecay;
        this.decayShift = decayShift;
        this.rowStart = rowStart;
        this.column = column;
        this.value = value;
        this.bond = bond;
        this.bathDiag = bathDiag;
        int pairs = 0;
        for (int x = 0; x < dim; x++) {
            for (int p = rowStart[x]; p < rowStart[x + 1]; p++) {
                if (column[p] > x) {
                    pairs++;
                }
            }
        }
        this.pairRow = new int[pairs];
        this.pairColumn = new int[pairs];
        this.pairBond = new int[pairs];
        this.pairTwiceValue = new double[pairs];
        this.pairCurrentSign = new double[pairs];
        int q = 0;
        for (int x = 0; x < dim; x++) {
            for (int p = rowStart[x]; p < rowStart[x + 1]; p++) {
                if (column[p] > x) {
                    pairRow[q] = x;
                    pairColumn[q] = column[p];
                    pairBond[q] = bond[p];
                    pairTwiceValue[q] = 2 * value[p];
                    pairCurrentSign[q] = (masks[column[p]] >> bondFrom[bond[p]] & 1) != 0 ? 1 : -1;
                    q++;
                }
            }
        }
        this.normBound = normBound;
        this.plan = plan;
        this.rules = plan.shorterRules();
        this.ruleReach = plan.ruleReach(tolerance);
    }

    /** The Gauss-Legendre rule for a step of length hPart: the fewest nodes that meet the plan's tolerance. */
    double[][] ruleFor(double hPart) {
        double x = normBound * hPart;
        int m = 0;
        while (x > ruleReach[m]) {
            m++;
        }
        return rules[m];
    }

    /**
     * y = c (-i A) x on interleaved complex vectors (re, im, re, im, ...). Hand-written: the sector matrices
     * are small and sparse (a few entries per row), a library sparse complex product would cost more in
     * indirection than the arithmetic. Returns ||y||^2.
     */
    double applyMinusIA(double[] x, double[] y, double c) {
        final int[] rs = rowStart;
        final int[] col = column;
        final double[] val = value;
        double norm2 = 0;
        for (int r = 0; r < dim; r++) {
            double xr = x[2 * r];
            double xi = x[2 * r + 1];
            double ar = diag[r] * xr;
            double ai = diag[r] * xi;
            for (int p = rs[r], end = rs[r + 1]; p < end; p++) {
                int cc = 2 * col[p];
                double v = val[p];
                ar += v * x[cc];
                ai += v * x[cc + 1];
            }
            double g = halfShiftedDecay[r];
            // -i (a_re + i a_im) - g (x_re + i x_im)
            double yr = c * (ai - g * xr);
            double yi = c * (-ar - g * xi);
            y[2 * r] = yr;
            y[2 * r + 1] = yi;
            norm2 += yr * yr + yi * yi;
        }
        return norm2;
    }
}
