package org.qtraj.exact;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * Test reference, independent of the free-fermion mapping: the steady state of the full master equation of
 * PHYSICS.md on the 2^N-dimensional qubit space (N <= 4), by assembling the Liouvillian densely
 * (column-stacked vec: vec(A rho B) = (B^T kron A) vec rho), replacing one row by the trace condition and
 * solving the real 2 d^2 system. Returns {n_k, Re <s+_k s-_{k+1}>, Im <s+_k s-_{k+1}>}.
 */
final class SmallLindblad {
    private SmallLindblad() {
    }

    /** Complex d x d matrix as two real arrays. */
    private record Z(double[][] re, double[][] im) {
        static Z zero(int d) {
            return new Z(new double[d][d], new double[d][d]);
        }
    }

    private static Z sigmaMinus(int site, int n) {
        int d = 1 << n;
        Z z = Z.zero(d);
        int bit = 1 << site;
        for (int s = 0; s < d; s++) {
            if ((s & bit) != 0) {
                z.re[s ^ bit][s] = 1; // |...0...><...1...|
            }
        }
        return z;
    }

    private static Z dagger(Z a) {
        int d = a.re.length;
        Z z = Z.zero(d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                z.re[i][j] = a.re[j][i];
                z.im[i][j] = -a.im[j][i];
            }
        }
        return z;
    }

    private static Z mult(Z a, Z b) {
        int d = a.re.length;
        Z z = Z.zero(d);
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                double ar = a.re[i][k];
                double ai = a.im[i][k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    z.re[i][j] += ar * b.re[k][j] - ai * b.im[k][j];
                    z.im[i][j] += ar * b.im[k][j] + ai * b.re[k][j];
                }
            }
        }
        return z;
    }

    private static Z scale(Z a, double s) {
        int d = a.re.length;
        Z z = Z.zero(d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                z.re[i][j] = s * a.re[i][j];
                z.im[i][j] = s * a.im[i][j];
            }
        }
        return z;
    }

    private static void addInto(Z acc, Z a) {
        for (int i = 0; i < acc.re.length; i++) {
            for (int j = 0; j < acc.re.length; j++) {
                acc.re[i][j] += a.re[i][j];
                acc.im[i][j] += a.im[i][j];
            }
        }
    }

    /** Adds c * (B^T kron A) to the complex superoperator (sr, si), indices (row = i + d j) for vec. */
    private static void addKron(double[][] sr, double[][] si, Z bT, Z a, double cr, double ci) {
        int d = a.re.length;
        for (int p = 0; p < d; p++) {
            for (int q = 0; q < d; q++) {
                double br = bT.re[p][q];
                double bi = bT.im[p][q];
                if (br == 0 && bi == 0) {
                    continue;
                }
                double xr = cr * br - ci * bi;
                double xi = cr * bi + ci * br;
                for (int i = 0; i < d; i++) {
                    for (int k = 0; k < d; k++) {
                        double ar = a.re[i][k];
                        double ai = a.im[i][k];
                        if (ar == 0 && ai == 0) {
                            continue;
                        }
                        sr[i + d * p][k + d * q] += xr * ar - xi * ai;
                        si[i + d * p][k + d * q] += xr * ai + xi * ar;
                    }
                }
            }
        }
    }

    private static Z transpose(Z a) {
        int d = a.re.length;
        Z z = Z.zero(d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                z.re[i][j] = a.re[j][i];
                z.im[i][j] = a.im[j][i];
            }
        }
        return z;
    }

    private static Z identity(int d) {
        Z z = Z.zero(d);
        for (int i = 0; i < d; i++) {
            z.re[i][i] = 1;
        }
        return z;
    }

    static double[][] steadyState(Chain chain) {
        int n = chain.sites();
        int d = 1 << n;
        Z[] sm = new Z[n];
        Z[] num = new Z[n];
        for (int k = 0; k < n; k++) {
            sm[k] = sigmaMinus(k, n);
            num[k] = mult(dagger(sm[k]), sm[k]);
        }
        Z h = Z.zero(d);
        for (int k = 0; k < n; k++) {
            addInto(h, scale(num[k], chain.omega(k)));
        }
        for (int b = 0; b < n - 1; b++) {
            Z hop = mult(dagger(sm[b]), sm[b + 1]);
            addInto(h, scale(hop, chain.coupling(b)));
            addInto(h, scale(dagger(hop), chain.coupling(b)));
            Z sz0 = Z.zero(d);
            Z sz1 = Z.zero(d);
            addInto(sz0, scale(num[b], 2));
            addInto(sz0, scale(identity(d), -1));
            addInto(sz1, scale(num[b + 1], 2));
            addInto(sz1, scale(identity(d), -1));
            addInto(h, scale(mult(sz0, sz1), chain.anisotropy(b)));
        }
        List<Z> jumps = new ArrayList<>();
        for (Bath bath : chain.baths()) {
            double w = chain.bathOmega(bath);
            jumps.add(scale(sm[bath.site()], Math.sqrt(bath.emissionRate(w))));
            jumps.add(scale(dagger(sm[bath.site()]), Math.sqrt(bath.absorptionRate(w))));
        }
        for (int k = 0; k < n; k++) {
            jumps.add(scale(num[k], Math.sqrt(chain.dephasing(k))));
        }
        int dd = d * d;
        double[][] sr = new double[dd][dd];
        double[][] si = new double[dd][dd];
        Z id = identity(d);
        // -i (H rho - rho H): -i (I kron H) + i (H^T kron I)
        addKron(sr, si, id, h, 0, -1);
        addKron(sr, si, transpose(h), id, 0, 1);
        for (Z l : jumps) {
            Z ldl = mult(dagger(l), l);
            // L rho L^+ : (L^+)^T kron L = conj(L) kron L
            Z conjL = transpose(dagger(l));
            addKron(sr, si, conjL, l, 1, 0);
            addKron(sr, si, id, ldl, -0.5, 0);
            addKron(sr, si, transpose(ldl), id, -0.5, 0);
        }
        // Real system in (Re vec rho, Im vec rho); row 0 (both parts) replaced by the trace condition.
        DMatrixRMaj m = new DMatrixRMaj(2 * dd, 2 * dd);
        DMatrixRMaj rhs = new DMatrixRMaj(2 * dd, 1);
        for (int r = 0; r < dd; r++) {
            for (int c = 0; c < dd; c++) {
                m.set(r, c, sr[r][c]);
                m.set(r, dd + c, -si[r][c]);
                m.set(dd + r, c, si[r][c]);
                m.set(dd + r, dd + c, sr[r][c]);
            }
        }
        for (int c = 0; c < 2 * dd; c++) {
            m.set(0, c, 0);
            m.set(dd, c, 0);
        }
        for (int i = 0; i < d; i++) {
            m.set(0, i + d * i, 1);
            m.set(dd, dd + i + d * i, 1);
        }
        rhs.set(0, 0, 1);
        DMatrixRMaj x = new DMatrixRMaj(2 * dd, 1);
        if (!CommonOps_DDRM.solve(m, rhs, x)) {
            throw new IllegalStateException("singular Liouvillian");
        }
        double[][] out = {new double[n], new double[n - 1], new double[n - 1]};
        for (int k = 0; k < n; k++) {
            // <O> = Tr(O rho) = sum_ij O_ji rho_ij
            out[0][k] = expectation(num[k], x, d)[0];
            if (k + 1 < n) {
                double[] e = expectation(mult(dagger(sm[k]), sm[k + 1]), x, d);
                out[1][k] = e[0];
                out[2][k] = e[1];
            }
        }
        return out;
    }

    private static double[] expectation(Z o, DMatrixRMaj x, int d) {
        int dd = d * d;
        double re = 0;
        double im = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double rr = x.get(i + d * j);
                double ri = x.get(dd + i + d * j);
                re += o.re[j][i] * rr - o.im[j][i] * ri;
                im += o.re[j][i] * ri + o.im[j][i] * rr;
            }
        }
        return new double[] {re, im};
    }
}
