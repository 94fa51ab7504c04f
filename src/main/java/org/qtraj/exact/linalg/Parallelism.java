package org.qtraj.exact.linalg;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.qtraj.ensemble.Threads;
import org.qtraj.errors.InvalidInputException;

/**
 * The number of threads an exact computation may use, and the parallel loop that uses them: {@link #forEach}
 * hands the items out one at a time, in the order given, to the calling thread and up to {@code threads - 1}
 * helper threads, so at most {@code threads} threads run the body at once, every one of them while there are items
 * left, and no loop runs on the common fork-join pool. With one thread, or one item, the loop runs in the caller.
 *
 * <p>Every loop of the exact solvers writes disjoint outputs per item and sums partial results, if any, in a fixed
 * order after the loop, so their results do not depend on the thread count or on which thread ran which item.
 *
 * <p>The helper threads of a thread count K come from one pool per K, created when first needed and shared by all
 * loops with that count; they are daemon threads named {@code qtraj-exact-K-helper-i} that end after
 * {@value #IDLE_SECONDS} s without work, so there is nothing to shut down and an idle program holds none.
 *
 * <p>Immutable and thread-safe: loops may run concurrently, and a loop's body may itself run a loop (the caller of a
 * loop never waits for a helper that has not started, so nesting cannot deadlock).
 *
 * @param threads the most threads a loop uses, including the caller's; at least 1
 */
public record Parallelism(int threads) {
    /** Seconds a helper thread waits for work before it ends. */
    static final int IDLE_SECONDS = 30;
    private static final Map<Integer, ExecutorService> HELPERS = new ConcurrentHashMap<>();

    /** @throws InvalidInputException naming "threads" unless 1 &lt;= threads &lt;= {@value Threads#MAX} */
    public Parallelism {
        Threads.check(threads);
    }

    /** At most {@code threads} threads; see the constructor. */
    public static Parallelism of(int threads) {
        return new Parallelism(threads);
    }

    /** As many threads as the JVM has processors (read at each call). */
    public static Parallelism available() {
        return new Parallelism(Runtime.getRuntime().availableProcessors());
    }

    /** Runs body(i) for every i in [from, to), in parallel; returns when all are done. */
    public void forEach(int from, int to, IntConsumer body) {
        run(to - from, k -> body.accept(from + k));
    }

    /**
     * Runs body(item) for every entry of items, in parallel, handing them out in array order (put the longest
     * items first); returns when all are done. items must not change during the call.
     */
    public void forEach(int[] items, IntConsumer body) {
        run(items.length, k -> body.accept(items[k]));
    }

    /**
     * body(0 .. count - 1). If a body throws, no further items are started, the loop waits for the items in
     * progress and rethrows the first exception (the original object, not a copy).
     */
    private void run(int count, IntConsumer body) {
        int helpers = Math.min(threads, count) - 1;
        if (helpers <= 0) {
            for (int k = 0; k < count; k++) {
                body.accept(k);
            }
            return;
        }
        Loop loop = new Loop(count, body);
        ExecutorService pool = HELPERS.computeIfAbsent(threads, Parallelism::helperPool);
        for (int h = 0; h < helpers; h++) {
            pool.execute(loop::help);
        }
        loop.work();
        loop.finish();
    }

    private static ExecutorService helperPool(int threads) {
        AtomicInteger serial = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads - 1, threads - 1, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "qtraj-exact-" + threads + "-helper-" + serial.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // Idle helpers end, so a pool that is never used again holds no threads and needs no shutdown.
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** One loop: a shared item counter, the threads inside it, the first failure. */
    private static final class Loop {
        private final int count;
        private final IntConsumer body;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        /** Helpers inside {@link #work}; guarded by this. */
        private int active;
        /** Set by the caller when it has run out of items; guarded by this. */
        private boolean closed;

        Loop(int count, IntConsumer body) {
            this.count = count;
            this.body = body;
        }

        /** Takes items until none are left. */
        void work() {
            try {
                for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
                    body.accept(k);
                }
            } catch (Throwable t) {
                next.set(count);
                Throwable first = failure.compareAndExchange(null, t);
                if (first != null && first != t) {
                    first.addSuppressed(t);
                }
            }
        }

        /** A helper's part; a helper that starts after the caller has finished does nothing. */
        void help() {
            synchronized (this) {
                if (closed) {
                    return;
                }
                active++;
            }
            try {
                work();
            } finally {
                synchronized (this) {
                    if (--active == 0) {
                        notifyAll();
                    }
                }
            }
        }

        /**
         * The caller's last step, after its own {@link #work}: waits for the helpers still inside the loop (their
         * writes are then visible to the caller) and rethrows the first failure.
         */
        void finish() {
            boolean interrupted = false;
            synchronized (this) {
                closed = true;
                while (active > 0) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        // The helpers are writing into the caller's arrays: returning early would race with them.
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            Throwable t = failure.get();
            if (t instanceof RuntimeException r) {
                throw r;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }
    }
}
