package org.qtraj.exact;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * An independent reference for the tests: the full 2^N master equation of the symmetric exclusion process on a
 * graph (PHYSICS.md "Classical analogue" and "Networks"): a particle hops across bond (k, l) at rate V_kl if the
 * target is empty; bath j on site k injects at G_j nbar_j into an empty site and removes at G_j (nbar_j + 1). The
 * stationary distribution by dense LU with one equation replaced by normalisation. Fine up to N = 8.
 */
final class ExclusionMasterEquation {
    private ExclusionMasterEquation() {
    }

    /** The stationary probabilities of the 2^N configurations (bit k = site k occupied). */
    static double[] stationary(Chain chain) {
        int n = chain.sites();
        int dim = 1 << n;
        DMatrixRMaj w = new DMatrixRMaj(dim, dim);
        for (int c = 0; c < dim; c++) {
            for (int b = 0; b < chain.bonds(); b++) {
                int k = chain.bondFrom(b);
                int l = chain.bondTo(b);
                if ((c >> k & 1) != (c >> l & 1)) {
                    move(w, c, c ^ (1 << k) ^ (1 << l), chain.hopping(b));
                }
            }
            for (Bath bath : chain.baths()) {
                double om = chain.omega(bath.site());
                int bit = 1 << bath.site();
                double rate = (c & bit) == 0 ? bath.rate() * bath.nbar(om) : bath.rate() * (bath.nbar(om) + 1);
                move(w, c, c ^ bit, rate);
            }
        }
        for (int c = 0; c < dim; c++) {
            w.set(0, c, 1);
        }
        DMatrixRMaj rhs = new DMatrixRMaj(dim, 1);
        rhs.set(0, 0, 1);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(dim);
        if (!lu.setA(w)) {
            throw new IllegalStateException("singular");
        }
        DMatrixRMaj p = new DMatrixRMaj(dim, 1);
        lu.solve(rhs, p);
        return p.getData();
    }

    private static void move(DMatrixRMaj w, int from, int to, double rate) {
        w.add(to, from, rate);
        w.add(from, from, -rate);
    }

    /** P_k = probability that site k is occupied. */
    static double occupation(double[] p, int k) {
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            s += (c >> k & 1) * p[c];
        }
        return s;
    }

    /** Net particle current across bond b, from its first site to its second. */
    static double bondCurrent(Chain chain, double[] p, int b) {
        int k = chain.bondFrom(b);
        int l = chain.bondTo(b);
        double s = 0;
        for (int c = 0; c < p.length; c++) {
            int ck = c >> k & 1;
            int cl = c >> l & 1;
            s += chain.hopping(b) * p[c] * (ck * (1 - cl) - cl * (1 - ck));
        }
        return s;
    }
}
