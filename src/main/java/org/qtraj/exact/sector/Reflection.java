package org.qtraj.exact.sector;

import org.qtraj.exact.linalg.FloatProducts;

/**
 * The eigenbasis of one sector's H when H commutes with the reflection P of the chain (site k to site N - 1 - k;
 * a uniform chain, whatever its baths), in factored form: with Q the orthogonal matrix of reflection-even vectors
 * (e_m + e_Pm)/sqrt(2) and e_m (Pm = m), then the odd ones (e_m - e_Pm)/sqrt(2), Q^T H Q = diag(H_even, H_odd) and
 * <pre>
 *   V = Q diag(V_even, V_odd),   V^T X V = diag(V_even, V_odd)^T (Q^T X Q) diag(V_even, V_odd).
 * </pre>
 * Q has at most two entries per row, so X to Q^T X Q is O(d^2); the dense products then act on blocks of about
 * d/2: V^T [A | B] costs d_e^2 2d + d_o^2 2d, about d^3 instead of 2 d^3, and the upper triangle of the second
 * product d^3/2 instead of d^3 (blocks even-even and odd-odd upper, even-odd full). Half the multiply-adds of
 * the general path of {@link CoherentPreconditioner} for the same result up to rounding. The transforms run in
 * single precision ({@link FloatProducts}), like the rest of the preconditioner's application; the decomposition
 * is made in double and rounded once.
 *
 * <p>H is taken as reflection-symmetric when max |H_{Pi,Pj} - H_ij| &lt;= 1e-12 max |H_ij| (exact equality can
 * fail by an ulp: the diagonal energies are summed over sites in another order); the decomposition is that of
 * (H + P H P)/2, which differs from H by that rounding only. Immutable and thread-safe.
 */
final class Reflection {
    /** Smaller sectors take the general path: their products cost little either way. */
    static final int MIN_DIM = 16;
    private static final double SQRT_HALF = Math.sqrt(0.5);

    private final int d;
    private final int dEven;
    private final int dOdd;
    /** Column a of Q: rows first[a] (coefficient cFirst[a]) and second[a] (cSecond[a]); second[a] = -1 if none. */
    private final int[] first;
    private final int[] second;
    private final double[] cFirst;
    private final double[] cSecond;
    /** Row m of Q: columns even[m] (coefficient cEven[m]) and odd[m] (cOdd[m]); odd[m] = -1 if Pm = m. */
    private final int[] even;
    private final int[] odd;
    private final double[] cEven;
    private final double[] cOdd;
    private final double[] vEven;
    private final double[] vOdd;
    /** V_even, V_even^T, V_odd, V_odd^T rounded to float, the operands of the transforms. */
    private final float[] vEvenF;
    private final float[] vEvenTF;
    private final float[] vOddF;
    private final float[] vOddTF;
    private final double[] energies;

    private Reflection(int d, int[] p, double[] hs, int n) {
        this.d = d;
        int fixed = 0;
        for (int i = 0; i < d; i++) {
            fixed += p[i] == i ? 1 : 0;
        }
        dOdd = (d - fixed) / 2;
        dEven = d - dOdd;
        first = new int[d];
        second = new int[d];
        cFirst = new double[d];
        cSecond = new double[d];
        even = new int[d];
        odd = new int[d];
        cEven = new double[d];
        cOdd = new double[d];
        int ae = 0;
        int ao = dEven;
        for (int i = 0; i < d; i++) {
            if (p[i] == i) {
                first[ae] = i;
                second[ae] = -1;
                cFirst[ae] = 1;
                even[i] = ae++;
                cEven[i] = 1;
                odd[i] = -1;
            } else if (p[i] > i) {
                int j = p[i];
                first[ae] = i;
                second[ae] = j;
                cFirst[ae] = SQRT_HALF;
                cSecond[ae] = SQRT_HALF;
                first[ao] = i;
                second[ao] = j;
                cFirst[ao] = SQRT_HALF;
                cSecond[ao] = -SQRT_HALF;
                even[i] = ae;
                even[j] = ae++;
                cEven[i] = SQRT_HALF;
                cEven[j] = SQRT_HALF;
                odd[i] = ao;
                odd[j] = ao++;
                cOdd[i] = SQRT_HALF;
                cOdd[j] = -SQRT_HALF;
            }
        }
        double[] t = new double[d * d];
        transformIn(hs, 0, d, t, 0, d);
        double[] he = new double[dEven * dEven];
        double[] ho = new double[dOdd * dOdd];
        for (int a = 0; a < dEven; a++) {
            System.arraycopy(t, a * d, he, a * dEven, dEven);
        }
        for (int a = 0; a < dOdd; a++) {
            System.arraycopy(t, (dEven + a) * d + dEven, ho, a * dOdd, dOdd);
        }
        energies = new double[d];
        double[] ee = new double[dEven];
        double[] eo = new double[dOdd];
        vEven = CoherentPreconditioner.eigen(he, dEven, ee, n);
        vOdd = CoherentPreconditioner.eigen(ho, dOdd, eo, n);
        System.arraycopy(ee, 0, energies, 0, dEven);
        System.arraycopy(eo, 0, energies, dEven, dOdd);
        vEvenF = CoherentPreconditioner.toFloat(vEven);
        vOddF = CoherentPreconditioner.toFloat(vOdd);
        vEvenTF = CoherentPreconditioner.toFloat(transpose(vEven, dEven));
        vOddTF = CoherentPreconditioner.toFloat(transpose(vOdd, dOdd));
    }

    /**
     * The factored eigenbasis of sector n's H (row-major d x d), or null if H does not commute with the
     * reflection or the sector has no reflection-odd states.
     */
    static Reflection of(SectorBasis basis, int n, double[] h) {
        int d = basis.dim(n);
        int sites = basis.sites();
        int[] p = new int[d];
        boolean moved = false;
        for (int i = 0; i < d; i++) {
            int m = basis.mask(n, i);
            p[i] = basis.index(Integer.reverse(m) >>> (Integer.SIZE - sites));
            moved |= p[i] != i;
        }
        if (!moved) {
            return null;
        }
        double scale = 0;
        for (double x : h) {
            scale = Math.max(scale, Math.abs(x));
        }
        double[] hs = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double a = h[i * d + j];
                double b = h[p[i] * d + p[j]];
                if (!(Math.abs(a - b) <= 1e-12 * scale)) {
                    return null;
                }
                hs[i * d + j] = 0.5 * (a + b);
            }
        }
        return new Reflection(d, p, hs, n);
    }

    /** The eigenvalues, even block first, in the order of the columns of {@link #fullEigenvectors()}. */
    double[] energies() {
        return energies.clone();
    }

    /** V = Q diag(V_even, V_odd), row-major d x d. */
    double[] fullEigenvectors() {
        double[] v = new double[d * d];
        for (int m = 0; m < d; m++) {
            int a = even[m];
            for (int k = 0; k < dEven; k++) {
                v[m * d + k] = cEven[m] * vEven[(a) * dEven + k];
            }
            int b = odd[m];
            if (b >= 0) {
                for (int k = 0; k < dOdd; k++) {
                    v[m * d + dEven + k] = cOdd[m] * vOdd[(b - dEven) * dOdd + k];
                }
            }
        }
        return v;
    }

    /**
     * [A | B] in the basis of masks (m, d x 2d row-major) to the upper triangles of V^T A V and V^T B V in yy;
     * t and m are overwritten as work space.
     */
    void toEigenbasis(float[] m, float[] t, float[] yy) {
        int ld = 2 * d;
        transformIn(m, 0, ld, t, 0, ld);
        transformIn(m, d, ld, t, d, ld);
        int oRow = dEven * ld;
        FloatProducts.multiply(vEvenTF, 0, dEven, t, 0, ld, m, 0, ld, dEven, dEven, ld);
        FloatProducts.multiply(vOddTF, 0, dOdd, t, oRow, ld, m, oRow, ld, dOdd, dOdd, ld);
        for (int c = 0; c <= d; c += d) {
            FloatProducts.multiplyUpper(m, c, ld, vEvenF, 0, dEven, yy, c, ld, dEven);
            FloatProducts.multiply(m, c + dEven, ld, vOddF, 0, dOdd, yy, c + dEven, ld, dEven, dOdd, dOdd);
            FloatProducts.multiplyUpper(m, oRow + c + dEven, ld, vOddF, 0, dOdd, yy, oRow + c + dEven, ld, dOdd);
        }
    }

    /**
     * [Y_A | Y_B] in the eigenbasis (yy, d x 2d, both triangles; Y_A symmetric, Y_B antisymmetric) to the upper
     * triangles of V Y_A V^T and V Y_B V^T in the basis of masks, written into m; t and yy are overwritten.
     */
    void fromEigenbasis(float[] yy, float[] t, float[] m) {
        int ld = 2 * d;
        int oRow = dEven * ld;
        FloatProducts.multiply(vEvenF, 0, dEven, yy, 0, ld, t, 0, ld, dEven, dEven, ld);
        FloatProducts.multiply(vOddF, 0, dOdd, yy, oRow, ld, t, oRow, ld, dOdd, dOdd, ld);
        for (int c = 0; c <= d; c += d) {
            FloatProducts.multiplyUpper(t, c, ld, vEvenTF, 0, dEven, yy, c, ld, dEven);
            FloatProducts.multiply(t, c + dEven, ld, vOddTF, 0, dOdd, yy, c + dEven, ld, dEven, dOdd, dOdd);
            FloatProducts.multiplyUpper(t, oRow + c + dEven, ld, vOddTF, 0, dOdd, yy, oRow + c + dEven, ld, dOdd);
        }
        // Z' = [Z'_A | Z'_B] from its upper triangles: Z'_A symmetric, Z'_B antisymmetric.
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                yy[j * ld + i] = yy[i * ld + j];
                yy[j * ld + d + i] = -yy[i * ld + d + j];
            }
        }
        // Z = Q Z' Q^T, upper triangle only.
        for (int r = 0; r < d; r++) {
            int ar = even[r];
            int br = odd[r];
            for (int s = r; s < d; s++) {
                int as = even[s];
                int bs = odd[s];
                for (int c = 0; c <= d; c += d) {
                    double z = cEven[r] * cEven[s] * yy[ar * ld + c + as];
                    if (bs >= 0) {
                        z += cEven[r] * cOdd[s] * yy[ar * ld + c + bs];
                    }
                    if (br >= 0) {
                        z += cOdd[r] * cEven[s] * yy[br * ld + c + as];
                        if (bs >= 0) {
                            z += cOdd[r] * cOdd[s] * yy[br * ld + c + bs];
                        }
                    }
                    m[r * ld + c + s] = (float) z;
                }
            }
        }
    }

    /** out = Q^T x Q for d x d blocks (x at xOff, out at oOff, both with leading dimension ld). */
    private void transformIn(double[] x, int xOff, int ld, double[] out, int oOff, int ldOut) {
        for (int a = 0; a < d; a++) {
            int ra = first[a];
            int sa = second[a];
            double ca = cFirst[a];
            double da = cSecond[a];
            for (int b = 0; b < d; b++) {
                int rb = first[b];
                int sb = second[b];
                double cb = cFirst[b];
                double db = cSecond[b];
                double z = ca * cb * x[xOff + ra * ld + rb];
                if (sb >= 0) {
                    z += ca * db * x[xOff + ra * ld + sb];
                }
                if (sa >= 0) {
                    z += da * cb * x[xOff + sa * ld + rb];
                    if (sb >= 0) {
                        z += da * db * x[xOff + sa * ld + sb];
                    }
                }
                out[oOff + a * ldOut + b] = z;
            }
        }
    }

    /** out = Q^T x Q for d x d blocks in single precision (as the double one, for the preconditioner's input). */
    private void transformIn(float[] x, int xOff, int ld, float[] out, int oOff, int ldOut) {
        for (int a = 0; a < d; a++) {
            int ra = first[a];
            int sa = second[a];
            double ca = cFirst[a];
            double da = cSecond[a];
            for (int b = 0; b < d; b++) {
                int rb = first[b];
                int sb = second[b];
                double cb = cFirst[b];
                double db = cSecond[b];
                double z = ca * cb * x[xOff + ra * ld + rb];
                if (sb >= 0) {
                    z += ca * db * x[xOff + ra * ld + sb];
                }
                if (sa >= 0) {
                    z += da * cb * x[xOff + sa * ld + rb];
                    if (sb >= 0) {
                        z += da * db * x[xOff + sa * ld + sb];
                    }
                }
                out[oOff + a * ldOut + b] = (float) z;
            }
        }
    }

    private static double[] transpose(double[] a, int d) {
        double[] t = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                t[j * d + i] = a[i * d + j];
            }
        }
        return t;
    }
}
