package org.qtraj.ensemble;

import org.qtraj.errors.InvalidInputException;

/**
 * The one check of a thread count, shared by the ensemble driver, the simulations, batch runs and the exact
 * solvers: from 1 to {@value #MAX}. More threads than that only cost memory and scheduling (the work is CPU-bound),
 * and Java's ForkJoinPool refuses more than 32767. Stateless.
 */
public final class Threads {
    /** The largest thread count qtraj accepts. */
    public static final int MAX = 1024;

    private Threads() {
    }

    /**
     * {@code threads} if it is from 1 to {@value #MAX}.
     *
     * @throws InvalidInputException naming "threads" otherwise
     */
    public static int check(int threads) {
        if (threads < 1 || threads > MAX) {
            throw new InvalidInputException("threads", "must be an integer from 1 to " + MAX + " (this machine has "
                    + Runtime.getRuntime().availableProcessors() + " cores), got " + threads);
        }
        return threads;
    }
}
