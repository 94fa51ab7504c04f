package org.qtraj.exact.counting;

import org.qtraj.errors.SolverException;
import org.qtraj.exact.sector.Gmres;
import org.qtraj.exact.sector.Liouvillian;

/**
 * Exact waiting-time distribution between consecutive monitored jumps (Brandes, Ann. Phys. 17, 477 (2008);
 * Landi et al., PRX Quantum 5, 020201 (2024), sec. "waiting times"): after a jump of channel a in the steady
 * state, the density of the time tau until the next monitored jump, if that jump is of channel b, is
 * <pre>
 *   w_ab(tau) = tr(J_b e^{L_0 tau} J_a rho_ss) / tr(J_a rho_ss),   L_0 = L - sum_{m monitored} J_m,
 * </pre>
 * the other (unmonitored) jumps acting freely in between. Integrated over tau it gives the probability that
 * the next monitored jump is b. e^{L_0 tau} is applied by the classical fourth-order Runge-Kutta method with a
 * step {@code h <= 0.05/||L||}, so the local error per step is below (h ||L||)^5/120 ~ 3e-9 relative; the grid points
 * are hit exactly. Stateless and thread-safe; the tau grids are only read.
 */
public final class WaitingTimes {
    private WaitingTimes() {
    }

    /** One monitored jump: emission or absorption at bath 0 (left) or 1 (right). */
    public record Jump(int bath, Liouvillian.Kind kind) {
        /**
         * Validates the jump.
         *
         * @throws IllegalArgumentException unless bath is 0 or 1 and kind is an emission or absorption (not dephasing)
         */
        public Jump {
            if (bath != 0 && bath != 1 || kind == Liouvillian.Kind.DEPHASING) {
                throw new IllegalArgumentException("a monitored jump is an emission or absorption at bath 0 or 1");
            }
        }
    }

    /**
     * w_ab on an increasing grid of tau >= 0, with a and b the monitored channels.
     *
     * @return the densities at the grid points
     * @throws SolverException if channel a never fires in the steady state (tr J_a rho_ss = 0)
     */
    public static double[] density(CountingGenerator g, Jump a, Jump b, double[] taus) {
        java.util.List<Jump> monitored = a.equals(b) ? java.util.List.of(a) : java.util.List.of(a, b);
        return densities(g, a, monitored, taus)[monitored.indexOf(b)];
    }

    /**
     * The densities w_ab(tau) of the next monitored jump b after a jump a, for every b in {@code monitored}
     * (which must contain a), with L_0 = L - sum_{m monitored} J_m. Summed over b and integrated over tau they give 1.
     *
     * @return one row per monitored jump, in the order given
     */
    public static double[][] densities(CountingGenerator g, Jump a, java.util.List<Jump> monitored, double[] taus) {
        if (!monitored.contains(a) || new java.util.HashSet<>(monitored).size() != monitored.size()) {
            throw new IllegalArgumentException("monitored jumps must be distinct and contain " + a);
        }
        int dim = g.dimension();
        double[] rho = g.steadyState();
        double[] x = new double[dim];
        g.applyJump(a.bath(), a.kind(), rho, x);
        double rate = g.trace(x);
        if (!(rate > 0)) {
            throw new SolverException("waiting times: the jump " + a + " never happens in the steady state");
        }
        for (int i = 0; i < dim; i++) {
            x[i] /= rate;
        }
        double[] tmp = new double[dim];
        Op l0 = (in, out) -> {
            g.apply(in, out);
            for (Jump m : monitored) {
                g.applyJump(m.bath(), m.kind(), in, tmp);
                Gmres.axpy(-1, tmp, out);
            }
        };
        double hMax = 0.05 / g.normBound();
        double[][] w = new double[monitored.size()][taus.length];
        double t = 0;
        for (int k = 0; k < taus.length; k++) {
            if (k > 0 && taus[k] < taus[k - 1] || taus[k] < 0) {
                throw new IllegalArgumentException("tau grid must be increasing and >= 0");
            }
            double span = taus[k] - t;
            int steps = (int) Math.ceil(span / hMax);
            for (int s = 0; s < steps; s++) {
                rk4(l0, x, span / steps);
            }
            t = taus[k];
            for (int m = 0; m < monitored.size(); m++) {
                g.applyJump(monitored.get(m).bath(), monitored.get(m).kind(), x, tmp);
                w[m][k] = g.trace(tmp);
            }
        }
        return w;
    }

    private interface Op {
        void apply(double[] in, double[] out);
    }

    private static void rk4(Op f, double[] x, double h) {
        int n = x.length;
        double[] k1 = new double[n];
        double[] k2 = new double[n];
        double[] k3 = new double[n];
        double[] k4 = new double[n];
        double[] y = new double[n];
        f.apply(x, k1);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + 0.5 * h * k1[i];
        }
        f.apply(y, k2);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + 0.5 * h * k2[i];
        }
        f.apply(y, k3);
        for (int i = 0; i < n; i++) {
            y[i] = x[i] + h * k3[i];
        }
        f.apply(y, k4);
        for (int i = 0; i < n; i++) {
            x[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        }
    }
}
