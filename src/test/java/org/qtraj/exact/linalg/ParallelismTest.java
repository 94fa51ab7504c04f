package org.qtraj.exact.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.qtraj.errors.InvalidInputException;
import org.qtraj.errors.SolverException;

/** The parallel loop of the exact solvers: every item once, on exactly the threads given, never the common pool. */
class ParallelismTest {

    /**
     * With 3 threads the first three items wait for each other at a barrier: the loop can only get past them if three
     * threads run it at once. Then every item ran once, on the caller and two helpers of the loop's own pool (at most
     * three threads), none of them a fork-join worker (so none of the common pool).
     */
    @Test
    void usesExactlyTheThreadsItIsGivenAndNeverTheCommonPool() {
        int threads = 3;
        int items = 300;
        CyclicBarrier allThree = new CyclicBarrier(threads);
        AtomicIntegerArray runs = new AtomicIntegerArray(items);
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        List<Object> pools = new ArrayList<>();
        AtomicReference<Thread> caller = new AtomicReference<>();
        // (preemptively: a loop on too few threads would wait at the barrier, and the run happens on JUnit's thread)
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            caller.set(Thread.currentThread());
            Parallelism.of(threads).forEach(0, items, i -> {
                if (i < threads) {
                    try {
                        allThree.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError("fewer than " + threads + " threads ran the loop at once", e);
                    }
                }
                runs.incrementAndGet(i);
                seen.add(Thread.currentThread());
                synchronized (pools) {
                    pools.add(ForkJoinTask.getPool());
                }
            });
        });
        for (int i = 0; i < items; i++) {
            assertEquals(1, runs.get(i), "item " + i);
        }
        assertEquals(threads, seen.size(), "threads that ran items: " + seen);
        for (Thread t : seen) {
            assertTrue(t == caller.get() || t.getName().startsWith("qtraj-exact-3-helper-"), t.getName());
            assertTrue(t == caller.get() || t.isDaemon(), t.getName() + " is a daemon");
            assertTrue(!t.getName().startsWith("ForkJoinPool.commonPool"), t.getName());
        }
        for (Object pool : pools) {
            assertNull(pool, "ran inside a fork-join pool: " + pool);
        }
    }

    @Test
    void oneThreadRunsTheItemsInOrderInTheCaller() {
        List<Integer> order = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Parallelism.of(1).forEach(new int[] {5, 3, 9, 0}, i -> {
            assertSame(caller, Thread.currentThread());
            order.add(i);
        });
        assertEquals(List.of(5, 3, 9, 0), order);
        List<Integer> range = new ArrayList<>();
        Parallelism.of(1).forEach(2, 6, range::add);
        assertEquals(List.of(2, 3, 4, 5), range);
    }

    @Test
    void itemsOfAnArrayAreEachRunOnce() {
        int[] items = {7, 1, 4, 0, 9, 2};
        AtomicIntegerArray runs = new AtomicIntegerArray(10);
        Parallelism.of(4).forEach(items, runs::incrementAndGet);
        for (int k = 0; k < 10; k++) {
            int expected = k == 7 || k == 1 || k == 4 || k == 0 || k == 9 || k == 2 ? 1 : 0;
            assertEquals(expected, runs.get(k), "item " + k);
        }
        Parallelism.of(4).forEach(3, 3, i -> {
            throw new AssertionError("no items");
        });
    }

    /** A failing item stops the loop: the same exception object comes out, after every item in progress has ended. */
    @Test
    void rethrowsTheFailureAfterTheItemsInProgressHaveEnded() {
        SolverException boom = new SolverException("boom");
        AtomicInteger running = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        SolverException thrown = assertThrows(SolverException.class, () -> Parallelism.of(2).forEach(0, 1000, i -> {
            running.incrementAndGet();
            started.incrementAndGet();
            try {
                if (i == 10) {
                    throw boom;
                }
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        }));
        assertSame(boom, thrown);
        assertEquals(0, running.get(), "items still running after the loop returned");
        assertTrue(started.get() < 1000, "items started after the failure: " + started.get());
    }

    /** A loop inside a loop's body, on the same thread count: the callers never wait for helpers that cannot start. */
    @Test
    void nestedLoopsFinish() {
        Parallelism p = Parallelism.of(2);
        AtomicInteger inner = new AtomicInteger();
        assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> p.forEach(0, 8, i -> p.forEach(0, 50, j -> inner.incrementAndGet())));
        assertEquals(8 * 50, inner.get());
    }

    @Test
    void refusesFewerThanOneThread() {
        for (int k : new int[] {0, -1, Integer.MIN_VALUE, 1025, Integer.MAX_VALUE}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> Parallelism.of(k));
            assertEquals("threads", e.field());
            assertTrue(e.getMessage().startsWith("threads: must be an integer from 1 to 1024"), e.getMessage());
            assertTrue(e.getMessage().endsWith("got " + k), e.getMessage());
        }
        assertEquals(Runtime.getRuntime().availableProcessors(), Parallelism.available().threads());
    }
}
