package org.qtraj.exact.sector;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.qtraj.errors.SolverException;

/**
 * The steady state of a small sector Liouvillian by a direct dense solve: L as a dense matrix on the packed
 * Hermitian vector (one product with L per unit vector), one population row replaced by the trace functional
 * (the rows of L weighted by the trace sum to zero, tr(L rho) = 0, so a population row is redundant), then LU with
 * partial pivoting (EJML). Backward stable: the error is about the condition number times the double epsilon, with
 * no iteration tolerance; for quantities that amplify errors, such as sqrt(rho_00 rho_11) in the N = 2 entanglement
 * witness, where an iterative solve at tolerance 1e-12 with the single-precision preconditioner left a spurious
 * concurrence of 1e-8. O(m^3) for m packed unknowns, so only for small chains.
 */
public final class DenseSteadyState {
    /** Largest number of packed unknowns accepted (N = 5: 252). */
    public static final int MAX_UNKNOWNS = 252;

    private DenseSteadyState() {
    }

    /**
     * The unique steady state of L, trace 1.
     *
     * @throws IllegalArgumentException if L has more than {@link #MAX_UNKNOWNS} packed unknowns
     * @throws SolverException          if the bordered matrix is singular (no unique steady state)
     */
    public static BlockState of(Liouvillian l) {
        SectorBasis basis = l.basis();
        int m = basis.size();
        if (m > MAX_UNKNOWNS) {
            throw new IllegalArgumentException("dense steady state for at most " + MAX_UNKNOWNS + " unknowns, got " + m);
        }
        DMatrixRMaj a = new DMatrixRMaj(m, m);
        double[] trace = new double[m];
        double[] unit = new double[m];
        double[] column = new double[m];
        for (int j = 0; j < m; j++) {
            unit[j] = 1;
            l.apply(unit, column);
            trace[j] = BlockState.trace(basis, unit);
            unit[j] = 0;
            for (int i = 0; i < m; i++) {
                a.set(i, j, column[i]);
            }
        }
        int row = 0;
        while (trace[row] == 0) {
            row++;
        }
        for (int j = 0; j < m; j++) {
            a.set(row, j, trace[j]);
        }
        DMatrixRMaj b = new DMatrixRMaj(m, 1);
        b.set(row, 0, 1);
        DMatrixRMaj x = new DMatrixRMaj(m, 1);
        if (!CommonOps_DDRM.solve(a, b, x)) {
            throw new SolverException("liouvillian: the dense generator with the trace row is singular; the steady state"
                    + " is not unique");
        }
        return BlockState.of(basis, x.data.clone());
    }
}
