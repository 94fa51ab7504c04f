package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link LowRankGram} against direct linear algebra: orbitals P with P^+ P = G = I + sum_j c_j x_j x_j^+ (built as
 * P = Y G^1/2 from orthonormal Y, G^1/2 by its eigen-decomposition in EJML), then P X must have orthonormal columns
 * (to 1e-12), span the space of P (the projector onto the columns unchanged, to 1e-12), and ln det G must equal
 * EJML's log-determinant of G (to 1e-12). Deterministic: fixed seeds, no statistics.
 */
class LowRankGramTest {

    @ParameterizedTest(name = "N={0}, n={1}, q={2}")
    @CsvSource({"40, 12, 2", "60, 20, 6", "30, 9, 1", "50, 10, 4", "20, 8, 3"})
    void orthonormalisesAndGivesTheLogDeterminant(int sites, int n, int q) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(sites * 31L + q);
        LowRankGram g = new LowRankGram();
        g.reset(n);
        // G = I + sum c_j x_j x_j^+ with c_j negative (decay) and small enough that G stays positive definite
        double[][] gRe = new double[n][n];
        double[][] gIm = new double[n][n];
        for (int a = 0; a < n; a++) {
            gRe[a][a] = 1;
        }
        for (int j = 0; j < q; j++) {
            double[] rowRe = new double[n];
            double[] rowIm = new double[n];
            double norm2 = 0;
            for (int a = 0; a < n; a++) {
                rowRe[a] = rng.nextDouble() - 0.5;
                rowIm[a] = rng.nextDouble() - 0.5;
                norm2 += rowRe[a] * rowRe[a] + rowIm[a] * rowIm[a];
            }
            double c = -0.3 * rng.nextDouble() / norm2 / q;
            g.add(c, rowRe, rowIm, n);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    // c conj(p_a) p_b
                    gRe[a][b] += c * (rowRe[a] * rowRe[b] + rowIm[a] * rowIm[b]);
                    gIm[a][b] += c * (rowRe[a] * rowIm[b] - rowIm[a] * rowRe[b]);
                }
            }
        }
        // the real symmetric embedding [[Re G, -Im G], [Im G, Re G]]: eigenvalues of G twice, eigenvectors (u, v) ->
        // u + i v; G^1/2 = sum_m sqrt(lambda_m) w_m w_m^+ over the 2n embedded eigenvectors, halved
        org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(2 * n, 2 * n);
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                m.set(a, b, gRe[a][b]);
                m.set(n + a, n + b, gRe[a][b]);
                m.set(n + a, b, gIm[a][b]);
                m.set(a, n + b, -gIm[a][b]);
            }
        }
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(2 * n, true, true);
        assertTrue(eig.decompose(m));
        double[][] sRe = new double[n][n];
        double[][] sIm = new double[n][n];
        double logDet = 0;
        for (int e = 0; e < 2 * n; e++) {
            double lambda = eig.getEigenvalue(e).getReal();
            logDet += 0.5 * Math.log(lambda);
            var v = eig.getEigenVector(e);
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    double ur = v.get(a);
                    double ui = v.get(n + a);
                    double wr = v.get(b);
                    double wi = v.get(n + b);
                    // w_a conj(w_b), halved for the doubled spectrum
                    sRe[a][b] += 0.5 * Math.sqrt(lambda) * (ur * wr + ui * wi);
                    sIm[a][b] += 0.5 * Math.sqrt(lambda) * (ui * wr - ur * wi);
                }
            }
        }
        assertEquals(logDet, g.logDet(), 1e-12);
        // Y: orthonormal columns (Gram-Schmidt of random vectors), P = Y S, so P^+ P = S^+ S = G
        double[][] yRe = new double[n][sites];
        double[][] yIm = new double[n][sites];
        for (int a = 0; a < n; a++) {
            for (int k = 0; k < sites; k++) {
                yRe[a][k] = rng.nextDouble() - 0.5;
                yIm[a][k] = rng.nextDouble() - 0.5;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (int b = 0; b < a; b++) {
                    double sr = 0;
                    double si = 0;
                    for (int k = 0; k < sites; k++) {
                        sr += yRe[b][k] * yRe[a][k] + yIm[b][k] * yIm[a][k];
                        si += yRe[b][k] * yIm[a][k] - yIm[b][k] * yRe[a][k];
                    }
                    for (int k = 0; k < sites; k++) {
                        yRe[a][k] -= sr * yRe[b][k] - si * yIm[b][k];
                        yIm[a][k] -= sr * yIm[b][k] + si * yRe[b][k];
                    }
                }
            }
            double s = 0;
            for (int k = 0; k < sites; k++) {
                s += yRe[a][k] * yRe[a][k] + yIm[a][k] * yIm[a][k];
            }
            for (int k = 0; k < sites; k++) {
                yRe[a][k] /= Math.sqrt(s);
                yIm[a][k] /= Math.sqrt(s);
            }
        }
        double[] pRe = new double[n * sites];
        double[] pIm = new double[n * sites];
        for (int b = 0; b < n; b++) {
            for (int a = 0; a < n; a++) {
                for (int k = 0; k < sites; k++) {
                    // P_kb = sum_a Y_ka S_ab
                    pRe[b * sites + k] += yRe[a][k] * sRe[a][b] - yIm[a][k] * sIm[a][b];
                    pIm[b * sites + k] += yRe[a][k] * sIm[a][b] + yIm[a][k] * sRe[a][b];
                }
            }
        }
        g.orthonormalise(pRe, pIm, n, sites);
        double worst = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double sr = 0;
                double si = 0;
                for (int k = 0; k < sites; k++) {
                    sr += pRe[a * sites + k] * pRe[b * sites + k] + pIm[a * sites + k] * pIm[b * sites + k];
                    si += pRe[a * sites + k] * pIm[b * sites + k] - pIm[a * sites + k] * pRe[b * sites + k];
                }
                worst = Math.max(worst, Math.hypot(sr - (a == b ? 1 : 0), si));
            }
        }
        assertTrue(worst < 1e-12, "orthonormality defect " + worst);
        // same span: the projectors sum_a y_a y_a^+ and sum_a p_a p_a^+ agree
        double span = 0;
        for (int k = 0; k < sites; k++) {
            for (int l = 0; l < sites; l++) {
                double dr = 0;
                double di = 0;
                for (int a = 0; a < n; a++) {
                    dr += yRe[a][k] * yRe[a][l] + yIm[a][k] * yIm[a][l];
                    di += yIm[a][k] * yRe[a][l] - yRe[a][k] * yIm[a][l];
                    dr -= pRe[a * sites + k] * pRe[a * sites + l] + pIm[a * sites + k] * pIm[a * sites + l];
                    di -= pIm[a * sites + k] * pRe[a * sites + l] - pRe[a * sites + k] * pIm[a * sites + l];
                }
                span = Math.max(span, Math.hypot(dr, di));
            }
        }
        assertTrue(span < 1e-12, "projector difference " + span);
    }
}
