package org.qtraj.exact.relaxation;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.qtraj.errors.SolverException;
import org.qtraj.exact.sector.Liouvillian;

/**
 * An upper bound nu on ||L|| (Hilbert-Schmidt norm, block-diagonal operators) that sets the length of the Taylor
 * steps of {@link Relaxation}: their number per unit time is proportional to nu.
 *
 * <p>L = -i[H, .] + D. On a block-diagonal X, in the eigenbasis of each sector's H_n the commutator multiplies the
 * entry Y_ij by E_i - E_j, so ||[H, X]|| &lt;= max_n (E_max,n - E_min,n) ||X|| exactly; with
 * {@link Liouvillian#dissipatorNormBound()} for D,
 * <pre>
 *   ||L|| &lt;= max_n (E_max,n - E_min,n) + max_i a_i + sum_m rate_m.
 * </pre>
 * {@link Liouvillian#normBound()} bounds the commutator instead by the spread of H's diagonal plus twice its largest
 * absolute off-diagonal row sum, which counts every bond that can move an excitation: at N = 10 (XXZ, D = 1,
 * dephasing 0.5) the eigenvalue spread is smaller, and so is nu. The eigenvalues come from EJML's symmetric
 * eigensolver (no vectors: about 4 d^3 / 3 flops per sector), widened by 1e-9 (1 + max |E|) to cover their
 * rounding; the smaller of this bound and {@link Liouvillian#normBound()} is returned.
 */
final class GeneratorNorm {
    private GeneratorNorm() {
    }

    /** The bound above for l (sectors decomposed on l's threads). */
    static double of(Liouvillian l) {
        int sectors = l.basis().sectors();
        double[] spread = new double[sectors];
        l.parallelism().forEach(0, sectors, n -> spread[n] = eigenvalueSpread(l, n));
        double worst = 0;
        for (double s : spread) {
            worst = Math.max(worst, s);
        }
        return Math.min(l.normBound(), worst + l.dissipatorNormBound());
    }

    /** E_max - E_min of sector n's H, widened by 1e-9 (1 + max |E|); 0 for a one-state sector. */
    static double eigenvalueSpread(Liouvillian l, int n) {
        int d = l.basis().dim(n);
        if (d == 1) {
            return 0;
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, false, true);
        if (!eig.decompose(new DMatrixRMaj(d, d, true, l.hamiltonianBlock(n)))) {
            throw new SolverException("relaxation: the symmetric eigensolver failed on the H block of sector " + n);
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < d; k++) {
            double e = eig.getEigenvalue(k).real;
            min = Math.min(min, e);
            max = Math.max(max, e);
        }
        return max - min + 1e-9 * (1 + Math.max(Math.abs(min), Math.abs(max)));
    }
}
