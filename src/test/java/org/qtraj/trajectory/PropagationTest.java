package org.qtraj.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The Taylor propagator of one sector against an independent integration written here: classical RK4 on the dense
 * sector matrix H_eff = H - (i/2) Gamma, built from the chain directly (not from the sector's CSR), with a step of
 * 1e-3 (global error ~1e-12 over the interval).
 */
class PropagationTest {
    static Chain xxz() {
        return Chain.of(new double[] {1.0, 1.3, 0.8, 1.1, 0.9}, new double[] {0.7, -1.2, 0.9, 0.5},
                new double[] {0.6, 0.0, -0.4, 1.0}, new double[] {0.2, 0.5, 0.0, 0.3, 0.1}, new double[4],
                new Bath(1, 1.0, 1.0), new Bath(4, 0.8, 0.5));
    }

    @Test
    void taylorStepsMatchRungeKutta() {
        Chain chain = xxz();
        Unravelling u = Unravelling.of(chain, 1e-10);
        int n = 2;
        Sector s = u.sector(n);
        int d = s.dim;
        // dense H_eff from first principles
        double[][] hr = new double[d][d];
        double[] gamma = new double[d];
        for (int x = 0; x < d; x++) {
            int mx = s.masks[x];
            hr[x][x] = u.energy(mx);
            for (int b = 0; b < chain.bonds(); b++) {
                int pair = 3 << b;
                if (Integer.bitCount(mx & pair) == 1) {
                    hr[x][u.indexOf(mx ^ pair)] += chain.coupling(b);
                }
            }
            for (Bath bath : chain.baths()) {
                boolean occ = (mx >>> bath.site() & 1) != 0;
                double w = chain.bathOmega(bath);
                gamma[x] += occ ? bath.emissionRate(w) : bath.absorptionRate(w);
            }
            for (int k = 0; k < chain.sites(); k++) {
                gamma[x] += (mx >>> k & 1) * chain.dephasing(k);
            }
        }
        double[] psi0 = new double[2 * d];
        for (int i = 0; i < 2 * d; i++) {
            psi0[i] = Math.sin(1.7 * i + 0.3);
        }
        double total = 3.0;
        // RK4 reference
        double[] ref = psi0.clone();
        int steps = 3000;
        double dt = total / steps;
        for (int it = 0; it < steps; it++) {
            double[] k1 = deriv(hr, gamma, ref);
            double[] k2 = deriv(hr, gamma, axpy(ref, k1, dt / 2));
            double[] k3 = deriv(hr, gamma, axpy(ref, k2, dt / 2));
            double[] k4 = deriv(hr, gamma, axpy(ref, k3, dt));
            for (int i = 0; i < ref.length; i++) {
                ref[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
        }
        // Taylor steps of the plan, with the shifts undone by comparing |psi|^2 and a phase-free overlap
        double[] psi = psi0.clone();
        double t = 0;
        double[][] terms = new double[StepPlan.MAX_ORDER + 1][2 * d];
        while (t < total) {
            double h = Math.min(s.plan.step(), total - t);
            terms[0] = psi;
            double[] sum = psi.clone();
            for (int k = 1; k <= s.plan.order(); k++) {
                s.applyMinusIA(terms[k - 1], terms[k], h / k);
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += terms[k][i];
                }
            }
            double decay = Math.exp(-0.5 * s.decayShift * h);
            for (int i = 0; i < sum.length; i++) {
                sum[i] *= decay;
            }
            psi = sum;
            t += h;
        }
        // psi = exp(-i e0 t) ref: equal norms and |<ref|psi>| = ||ref|| ||psi||
        double nr = 0;
        double np = 0;
        double ore = 0;
        double oim = 0;
        for (int x = 0; x < d; x++) {
            nr += ref[2 * x] * ref[2 * x] + ref[2 * x + 1] * ref[2 * x + 1];
            np += psi[2 * x] * psi[2 * x] + psi[2 * x + 1] * psi[2 * x + 1];
            ore += ref[2 * x] * psi[2 * x] + ref[2 * x + 1] * psi[2 * x + 1];
            oim += ref[2 * x] * psi[2 * x + 1] - ref[2 * x + 1] * psi[2 * x];
        }
        assertEquals(nr, np, 1e-9 * nr);
        assertEquals(Math.sqrt(nr * np), Math.hypot(ore, oim), 1e-9 * nr);
    }

    private static double[] axpy(double[] y, double[] x, double a) {
        double[] r = y.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += a * x[i];
        }
        return r;
    }

    /** d psi/dt = -i H psi - (gamma/2) psi. */
    private static double[] deriv(double[][] h, double[] gamma, double[] v) {
        int d = gamma.length;
        double[] r = new double[2 * d];
        for (int x = 0; x < d; x++) {
            double ar = 0;
            double ai = 0;
            for (int y = 0; y < d; y++) {
                ar += h[x][y] * v[2 * y];
                ai += h[x][y] * v[2 * y + 1];
            }
            r[2 * x] = ai - 0.5 * gamma[x] * v[2 * x];
            r[2 * x + 1] = -ar - 0.5 * gamma[x] * v[2 * x + 1];
        }
        return r;
    }
}
