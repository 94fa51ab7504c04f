package org.qtraj.exact;

import org.qtraj.model.Chain;

/**
 * Wall-time measurement of the liouvillian method (not a unit test): run with
 * {@code java -cp target/classes:target/test-classes:<deps> org.qtraj.exact.LiouvillianTiming 6 8 10}.
 * For each N it solves the default model (D = 0, no dephasing) and XXZ D = 1 with dephasing 0.5, and prints
 * the wall and process CPU time (the machine is shared), GMRES iterations, residuals and the left heat current.
 */
public final class LiouvillianTiming {
    private LiouvillianTiming() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {6, 8, 10} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf("cores available: %d, max heap %.1f GiB%n", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (double) (1L << 30));
        for (int n : sizes) {
            run("default (D=0, deph=0)", TestChains.defaults(n, 0, 0));
            run("XXZ D=1, deph=0.5", TestChains.defaults(n, 1, 0.5));
        }
    }

    private static void run(String label, Chain chain) {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ExactResult r = ExactMethod.LIOUVILLIAN.solve(chain);
        double t = (System.nanoTime() - t0) * 1e-9;
        double cpu = (os.getProcessCpuTime() - c0) * 1e-9;
        System.out.printf("N=%2d %-24s %8.2f s wall %8.2f s cpu  iterations %4.0f  |L rho| %.2e  relative %.2e  J_left %.10f"
                        + "  J_right %.10f  J_deph %.3e%n", chain.sites(), label, t, cpu, r.extras().get("gmres_iterations"),
                r.extras().get("residual"), r.extras().get("relative_residual"), r.heatCurrentLeft(),
                r.heatCurrentRight(), r.heatCurrentDephasing());
    }
}
