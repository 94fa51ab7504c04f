package org.qtraj.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.exact.counting.Cumulants;
import org.qtraj.exact.counting.QuantumCountingGenerator;
import org.qtraj.exact.relaxation.Relaxation;
import org.qtraj.model.Bath;
import org.qtraj.model.Chain;

/**
 * The exact solvers honour the thread count they are given: the same numbers, bit for bit, on 1, 2 and 3 threads;
 * the parallel work on the solver's own threads, never on the common fork-join pool; a count below 1 refused.
 */
class ExactThreadCountTest {

    /** Every number of the result (elapsed time aside) compared exactly, not to a tolerance. */
    private static void assertBitIdentical(ExactResult expected, ExactResult actual, String label) {
        assertEquals(expected.method(), actual.method(), label);
        assertEquals(expected.heatCurrentLeft(), actual.heatCurrentLeft(), label);
        assertEquals(expected.heatCurrentRight(), actual.heatCurrentRight(), label);
        assertEquals(expected.heatCurrentDephasing(), actual.heatCurrentDephasing(), label);
        assertEquals(expected.particleCurrentLeft(), actual.particleCurrentLeft(), label);
        assertEquals(expected.particleCurrentRight(), actual.particleCurrentRight(), label);
        assertEquals(expected.localHeatCurrent(), actual.localHeatCurrent(), label);
        assertArrayEquals(expected.populations(), actual.populations(), label);
        assertEquals(expected.extras(), actual.extras(), label);
    }

    @Test
    void liouvillianSolverGivesTheSameBitsOnOneTwoAndThreeThreads() {
        for (Chain chain : List.of(TestChains.defaults(7, 1, 0.5), LiouvillianSolverTest.disorderedXXZ())) {
            ExactResult one = ExactMethod.LIOUVILLIAN.solve(chain, 1);
            assertTrue(one.extras().get("gmres_iterations") > 5, "a solve with real work");
            for (int threads : new int[] {2, 3}) {
                assertBitIdentical(one, ExactMethod.LIOUVILLIAN.solve(chain, threads), chain + " threads " + threads);
            }
            assertBitIdentical(one, new LiouvillianSolver().solve(chain), chain + " default threads");
        }
    }

    /**
     * A uniform chain long enough for several tiles of the population response (32 sites each) and a disordered
     * one with a zero coupling (two pieces) and undephased sites.
     */
    @Test
    void correlationSolverGivesTheSameBitsOnOneTwoAndThreeThreads() {
        for (Chain chain : List.of(TestChains.defaults(120, 0, 0.5), disorderedXX(70))) {
            ExactResult one = ExactMethod.CORRELATION.solve(chain, 1);
            for (int threads : new int[] {2, 3}) {
                assertBitIdentical(one, ExactMethod.CORRELATION.solve(chain, threads), chain + " threads " + threads);
            }
            assertBitIdentical(one, new CorrelationSolver().solve(chain), chain + " default threads");
        }
    }

    @Test
    void relaxationAndCumulantsGiveTheSameBitsOnOneAndTwoThreads() {
        Chain chain = TestChains.defaults(5, 1, 0.5);
        double[] times = {0, 0.5, 2, 10};
        double[][] one = Relaxation.populations(chain, 0b10011, times, Relaxation.DEFAULT_TOLERANCE, 1);
        double[][] two = Relaxation.populations(chain, 0b10011, times, Relaxation.DEFAULT_TOLERANCE, 2);
        for (int j = 0; j < times.length; j++) {
            assertArrayEquals(one[j], two[j], "t = " + times[j]);
        }
        assertArrayEquals(Cumulants.of(QuantumCountingGenerator.of(chain, 0, 1), 3),
                Cumulants.of(QuantumCountingGenerator.of(chain, 0, 2), 3));
    }

    /**
     * While each solver runs on 2 threads, a sampler records every other thread with a frame of org.qtraj.exact on its
     * stack. Such threads must exist (the work is shared), and be the one helper of the 2-thread pool: not a worker
     * of the common fork-join pool, where {@code IntStream.parallel()} would have put them, nor of any other pool.
     */
    @Test
    void parallelWorkRunsOnTheSolversOwnThreadsNeverTheCommonPool() {
        Map<String, Supplier<ExactResult>> solves = Map.of(
                "liouvillian", () -> ExactMethod.LIOUVILLIAN.solve(TestChains.defaults(8, 1, 0.5), 2),
                "correlation", () -> ExactMethod.CORRELATION.solve(TestChains.defaults(600, 0, 0.5), 2));
        for (Map.Entry<String, Supplier<ExactResult>> solve : solves.entrySet()) {
            Set<String> others = threadsRunningExactCode(solve.getValue());
            String label = solve.getKey() + ": threads other than the caller in org.qtraj.exact: " + others;
            assertFalse(others.isEmpty(), label);
            for (String name : others) {
                assertFalse(name.startsWith("ForkJoinPool.commonPool"), label);
                assertTrue(name.startsWith("qtraj-exact-2-helper-"), label);
            }
            assertEquals(1, others.size(), label);
        }
    }

    /** The names of the threads, other than the calling one, seen running org.qtraj.exact code during the call. */
    private static Set<String> threadsRunningExactCode(Supplier<?> call) {
        Thread caller = Thread.currentThread();
        Set<String> names = ConcurrentHashMap.newKeySet();
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger samples = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                    if (e.getKey() == caller || e.getKey() == Thread.currentThread()) {
                        continue;
                    }
                    for (StackTraceElement frame : e.getValue()) {
                        if (frame.getClassName().startsWith("org.qtraj.exact.")) {
                            names.add(e.getKey().getName());
                            break;
                        }
                    }
                }
                samples.incrementAndGet();
            }
        }, "exact-thread-sampler");
        sampler.setDaemon(true);
        sampler.start();
        try {
            // A solve can be over before the sampler has caught the helper at work (the N = 8 liouvillian takes
            // a fraction of a second since its products were sped up): repeat it, at most five times, until it has.
            for (int attempt = 0; attempt < 5 && names.isEmpty(); attempt++) {
                call.get();
            }
        } finally {
            done.set(true);
            try {
                sampler.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        assertTrue(samples.get() >= 10, "only " + samples.get() + " samples");
        return names;
    }

    @Test
    void fewerThanOneThreadIsRefusedNamingThreads() {
        Chain chain = TestChains.defaults(4, 0, 0.5);
        for (ExactMethod m : ExactMethod.values()) {
            assertRefused(() -> m.solve(chain, 0));
        }
        // also where the method does not apply: the count is checked first
        assertRefused(() -> ExactMethod.CORRELATION.solve(TestChains.defaults(4, 1, 0.5), 0));
        for (SteadyStateSolver s : List.of(new ClosedForm(), new CorrelationSolver(), new LiouvillianSolver(),
                new RateEquations())) {
            assertRefused(() -> s.solve(chain, -1));
        }
        assertRefused(() -> Relaxation.populations(chain, 1, new double[] {0, 1}, Relaxation.DEFAULT_TOLERANCE, 0));
        assertRefused(() -> QuantumCountingGenerator.of(chain, 0, 0));
    }

    private static void assertRefused(Executable call) {
        InvalidInputException e = assertThrows(InvalidInputException.class, call);
        assertEquals("threads", e.field());
        assertTrue(e.getMessage().contains("must be an integer from 1 to 1024"), e.getMessage());
    }

    /** Random omega, couplings and dephasing (every third site undephased), one zero coupling in the middle. */
    private static Chain disorderedXX(int n) {
        SplittableRandom rng = new SplittableRandom(7);
        double[] w = new double[n];
        double[] g = new double[n - 1];
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            w[k] = rng.nextDouble(0.5, 1.5);
            d[k] = k % 3 == 0 ? 0 : rng.nextDouble(0.2, 0.8);
            if (k < n - 1) {
                g[k] = k == n / 2 ? 0 : rng.nextDouble(0.5, 1.5);
            }
        }
        return Chain.of(w, g, new double[n - 1], d, TestChains.fill(n - 1, 1), new Bath(0, 1, 1),
                new Bath(n - 1, 0.8, 0.2));
    }
}
