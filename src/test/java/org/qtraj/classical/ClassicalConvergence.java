package org.qtraj.classical;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.apache.commons.rng.simple.RandomSource;
import org.qtraj.exact.RateEquations;
import org.qtraj.model.Chain;
import org.qtraj.stats.MeanVar;

/**
 * How long one core needs to estimate J_C to a given relative error (run by hand, asserts nothing):
 * <pre>
 *   java -cp target/classes:target/test-classes:RNG_JARS org.qtraj.classical.ClassicalConvergence \
 *       [N=1000] [relative error=0.01] [window=2e6] [burn-in in relaxation times=5]
 * </pre>
 * Uniform V = G = omega = 1, T = (1, 0). Trajectories (seed i) of the given window after a burn-in of a few
 * slowest relaxation times (N + 1 + 2V/gamma)^2 / (pi^2 V), run one after the other until the standard error
 * of the symmetric current estimator (I_left - I_right)/2 falls below the target times J_C (at least 8
 * trajectories). Prints each trajectory and the thread CPU time used.
 */
public final class ClassicalConvergence {
    private ClassicalConvergence() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        double target = args.length > 1 ? Double.parseDouble(args[1]) : 0.01;
        double window = args.length > 2 ? Double.parseDouble(args[2]) : 2e6;
        double relaxations = args.length > 3 ? Double.parseDouble(args[3]) : 5;
        Chain c = ClassicalBenchmark.chain(n, false);
        double j = RateEquations.closedFormParticleCurrent(c);
        double gammaMin = Math.min(c.left().gamma(1), c.right().gamma(1));
        double length = n + 1 + 2 / gammaMin;
        double burn = relaxations * length * length / (Math.PI * Math.PI);
        ExclusionProcess p = ExclusionProcess.of(c);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        MeanVar sym = MeanVar.EMPTY;
        MeanVar left = MeanVar.EMPTY;
        long events = 0;
        System.out.printf("N = %d, J_C = %.6g, burn-in %.3g, window %.3g%n", n, j, burn, window);
        for (int i = 0; ; i++) {
            ClassicalSample s = ClassicalTrajectory.run(p, burn + window, burn,
                    RandomSource.XO_RO_SHI_RO_128_PP.create((long) i));
            sym = sym.add(s.particleCurrent());
            left = left.add(s.particleCurrentLeft());
            events += s.events();
            double cpu = (threads.getCurrentThreadCpuTime() - start) * 1e-9;
            double rel = sym.standardError() / j;
            System.out.printf("%3d  I_sym %.6g +- %.2g (rel %.4f, z %.2f)  I_left %.6g +- %.2g  %.3g events, "
                            + "%.1f s CPU, %.3g events/s%n", i + 1, sym.mean(), sym.standardError(), rel,
                    (sym.mean() - j) / sym.standardError(), left.mean(), left.standardError(), (double) events,
                    cpu, events / cpu);
            if (i + 1 >= 8 && rel < target) {
                break;
            }
        }
    }
}
