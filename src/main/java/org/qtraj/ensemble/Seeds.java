package org.qtraj.ensemble;

/**
 * Derived seeds: a master seed and a path of indices (point, sample, method) give one 64-bit seed, so
 * that every unit of work has its own random stream, independent of the order, the thread and the
 * machine it runs on (DESIGN.md, "Randomness").
 *
 * <p>Each step applies the SplitMix64 finaliser (Steele, Lea and Flood, OOPSLA 2014) to the running
 * value plus the golden-ratio increment times (index + 1): distinct paths give well-mixed, in practice
 * distinct seeds. Not cryptographic. The one home of the SplitMix64 mixer: {@link SeedStreams} seeds each
 * trajectory's generator with it too. Stateless and thread-safe.
 */
public final class Seeds {
    /** The golden-ratio increment of SplitMix64, 2^64 / phi rounded to odd. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /** The seed of the unit of work at {@code path} under {@code master}. */
    public static long derive(long master, long... path) {
        long h = mix(master);
        for (long index : path) {
            h = mix(h + GOLDEN * (index + 1));
        }
        return h;
    }

    /** SplitMix64's output function (variant 13 of Stafford's mixers). */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
