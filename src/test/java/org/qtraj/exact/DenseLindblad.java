package org.qtraj.exact;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.qtraj.exact.sector.Liouvillian;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * An independent reference for the tests: the full 4^N-dimensional Lindblad generator of a chain built densely
 * from its operators, written from PHYSICS.md alone (no code shared with {@link Liouvillian}).
 * Operators are 2^N x 2^N complex matrices {re, im} indexed by basis masks (bit k = site k excited).
 * Superoperators act on row-major vec(rho): vec(A X B) = (A kron B^T) vec(X).
 * The steady state solves L vec(rho) = 0 with two equations replaced by tr rho = 1 + 0i, by dense real LU on the
 * 2 * 4^N real form. Fine up to N = 4 (512 x 512 reals).
 */
public final class DenseLindblad {
    final int n;
    public final int dim;
    public final double[][] hRe;
    public final double[][][] jumpsLeft;
    public final double[][][] jumpsRight;
    public final double[][][] jumpsDeph;
    public final double[] ratesLeft;
    final double[] ratesRight;
    final double[] ratesDeph;
    /** Emission and absorption operators of every bath (in the model's order; for a chain left then right). */
    public final double[][][][] jumpsBath;
    /** Their rates G (nbar + 1) and G nbar. */
    public final double[][] ratesBath;

    public DenseLindblad(Chain chain) {
        n = chain.sites();
        dim = 1 << n;
        hRe = new double[dim][dim];
        for (int k = 0; k < n; k++) {
            add(hRe, number(k), chain.omega(k));
        }
        for (int b = 0; b < chain.bonds(); b++) {
            int k = chain.bondFrom(b);
            int l = chain.bondTo(b);
            double[][] hop = mult(raise(k), lower(l));
            add(hRe, hop, chain.coupling(b));
            add(hRe, transpose(hop), chain.coupling(b));
            add(hRe, mult(sz(k), sz(l)), chain.anisotropy(b));
        }
        Bath[] baths = chain.baths();
        jumpsBath = new double[baths.length][][][];
        ratesBath = new double[baths.length][];
        for (int j = 0; j < baths.length; j++) {
            Bath b = baths[j];
            double w = chain.omega(b.site());
            jumpsBath[j] = new double[][][] {lower(b.site()), raise(b.site())};
            ratesBath[j] = new double[] {b.rate() * (b.nbar(w) + 1), b.rate() * b.nbar(w)};
        }
        jumpsLeft = jumpsBath[0];
        ratesLeft = ratesBath[0];
        jumpsRight = baths.length > 1 ? jumpsBath[1] : new double[0][][];
        ratesRight = baths.length > 1 ? ratesBath[1] : new double[0];
        jumpsDeph = new double[n][][];
        ratesDeph = new double[n];
        for (int k = 0; k < n; k++) {
            jumpsDeph[k] = number(k);
            ratesDeph[k] = chain.dephasing(k);
        }
    }

    public double[][] lower(int k) {
        double[][] m = new double[dim][dim];
        for (int s = 0; s < dim; s++) {
            if ((s >> k & 1) == 1) {
                m[s & ~(1 << k)][s] = 1;
            }
        }
        return m;
    }

    public double[][] raise(int k) {
        return transpose(lower(k));
    }

    public double[][] number(int k) {
        return mult(raise(k), lower(k));
    }

    double[][] sz(int k) {
        double[][] m = new double[dim][dim];
        for (int s = 0; s < dim; s++) {
            m[s][s] = (s >> k & 1) == 1 ? 1 : -1;
        }
        return m;
    }

    public static double[][] mult(double[][] a, double[][] b) {
        int d = a.length;
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < d; k++) {
                if (a[i][k] != 0) {
                    for (int j = 0; j < d; j++) {
                        c[i][j] += a[i][k] * b[k][j];
                    }
                }
            }
        }
        return c;
    }

    public static double[][] transpose(double[][] a) {
        int d = a.length;
        double[][] t = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    static void add(double[][] target, double[][] a, double factor) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                target[i][j] += factor * a[i][j];
            }
        }
    }

    /**
     * The generator as a real 2D^2 x 2D^2 matrix on (Re vec rho, Im vec rho). All operators here are real, so
     * L = -i (H kron 1 - 1 kron H) + R with R real: the real form is [[R, H_c], [-H_c, R]], H_c = H kron 1 - 1 kron H.
     */
    public double[][] realGenerator() {
        int d2 = dim * dim;
        double[][] hc = new double[d2][d2];
        double[][] rr = new double[d2][d2];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                int row = i * dim + j;
                for (int k = 0; k < dim; k++) {
                    // (H X)_ij = H_ik X_kj ; (X H)_ij = X_ik H_kj
                    hc[row][k * dim + j] += hRe[i][k];
                    hc[row][i * dim + k] -= hRe[k][j];
                }
            }
        }
        for (int j = 0; j < jumpsBath.length; j++) {
            addDissipators(rr, jumpsBath[j], ratesBath[j]);
        }
        addDissipators(rr, jumpsDeph, ratesDeph);
        double[][] full = new double[2 * d2][2 * d2];
        for (int a = 0; a < d2; a++) {
            for (int b = 0; b < d2; b++) {
                full[a][b] = rr[a][b];
                full[a + d2][b + d2] = rr[a][b];
                // -i Hc (x + i y) = Hc y - i Hc x
                full[a][b + d2] = hc[a][b];
                full[a + d2][b] = -hc[a][b];
            }
        }
        return full;
    }

    private void addDissipators(double[][] rr, double[][][] ops, double[] rates) {
        for (int m = 0; m < ops.length; m++) {
            if (rates[m] == 0) {
                continue;
            }
            double[][] op = ops[m];
            double[][] ll = mult(transpose(op), op);
            for (int i = 0; i < dim; i++) {
                for (int j = 0; j < dim; j++) {
                    int row = i * dim + j;
                    for (int k = 0; k < dim; k++) {
                        for (int l = 0; l < dim; l++) {
                            // (op X op^T)_ij = op_ik X_kl op_jl
                            rr[row][k * dim + l] += rates[m] * op[i][k] * op[j][l];
                        }
                        rr[row][k * dim + j] -= 0.5 * rates[m] * ll[i][k];
                        rr[row][i * dim + k] -= 0.5 * rates[m] * ll[k][j];
                    }
                }
            }
        }
    }

    /** The steady state {re, im} (D x D each). */
    public double[][][] steadyState() {
        int d2 = dim * dim;
        double[][] l = realGenerator();
        DMatrixRMaj a = new DMatrixRMaj(l);
        DMatrixRMaj b = new DMatrixRMaj(2 * d2, 1);
        // The real form has a two-dimensional kernel (rho and i rho): replace the real and the imaginary
        // equation of element (0,0) by Re tr rho = 1 and Im tr rho = 0.
        for (int c = 0; c < 2 * d2; c++) {
            a.set(0, c, 0);
            a.set(d2, c, 0);
        }
        for (int i = 0; i < dim; i++) {
            a.set(0, i * dim + i, 1);
            a.set(d2, d2 + i * dim + i, 1);
        }
        b.set(0, 0, 1);
        LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(2 * d2);
        if (!lu.setA(a)) {
            throw new IllegalStateException("singular dense Liouvillian");
        }
        DMatrixRMaj x = new DMatrixRMaj(2 * d2, 1);
        lu.solve(b, x);
        double[][][] rho = new double[2][dim][dim];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                rho[0][i][j] = x.get(i * dim + j);
                rho[1][i][j] = x.get(d2 + i * dim + j);
            }
        }
        return rho;
    }

    /** Applies the real generator to a dense {re, im} operator. */
    public double[][][] apply(double[][][] x) {
        int d2 = dim * dim;
        double[][] l = realGenerator();
        double[] v = new double[2 * d2];
        for (int i = 0; i < dim; i++) {
            for (int j = 0; j < dim; j++) {
                v[i * dim + j] = x[0][i][j];
                v[d2 + i * dim + j] = x[1][i][j];
            }
        }
        double[][][] out = new double[2][dim][dim];
        for (int a = 0; a < 2 * d2; a++) {
            double s = 0;
            for (int b = 0; b < 2 * d2; b++) {
                s += l[a][b] * v[b];
            }
            int part = a / d2;
            int idx = a % d2;
            out[part][idx / dim][idx % dim] = s;
        }
        return out;
    }

    /** tr(H D(rho)) summed over the given jump operators: tr(H (op rho op^T - (1/2){op^T op, rho})) * rate. */
    double heatCurrent(double[][][] rho, double[][][] ops, double[] rates) {
        double j = 0;
        for (int m = 0; m < ops.length; m++) {
            double[][] op = ops[m];
            double[][] opT = transpose(op);
            double[][] ll = mult(opT, op);
            // tr(H op rho op^T) = tr(op^T H op rho); tr(H {ll, rho}) = tr((H ll + ll H) rho). Only Re rho counts
            // because every operator here is real and H symmetric.
            double[][] a = mult(mult(opT, hRe), op);
            double[][] hl = mult(hRe, ll);
            double[][] lh = mult(ll, hRe);
            double s = 0;
            for (int i = 0; i < dim; i++) {
                for (int k = 0; k < dim; k++) {
                    s += (a[i][k] - 0.5 * (hl[i][k] + lh[i][k])) * rho[0][k][i];
                }
            }
            j += rates[m] * s;
        }
        return j;
    }

    public double population(double[][][] rho, int k) {
        double p = 0;
        for (int s = 0; s < dim; s++) {
            if ((s >> k & 1) == 1) {
                p += rho[0][s][s];
            }
        }
        return p;
    }
}
