package org.qtraj.ensemble;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;

/**
 * The random stream of trajectory i of a run with master seed S: an XoRoShiRo128++ generator (Blackman, Vigna)
 * whose 128-bit state is outputs 2i and 2i+1 of a SplitMix64 sequence started at Seeds.mix(S):
 * state = (Seeds.mix(z + (2i+1) G), Seeds.mix(z + (2i+2) G)), z = mix64(S), G = 0x9E3779B97F4A7C15 (Steele, Lea, Flood,
 * OOPSLA 2014). Distinct indices give distinct, well-mixed states (G is odd, so z + k G never repeats for
 * k &lt; 2^64), and the stream of a trajectory depends on (S, i) only: results do not depend on which thread ran it,
 * and a run can be resumed or extended at any index. Stateless and thread-safe.
 */
public final class SeedStreams {
    private SeedStreams() {
    }

    /** A fresh generator for trajectory {@code index} of the run with master seed {@code seed}. */
    public static UniformRandomProvider stream(long seed, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("trajectory index must be >= 0, got " + index);
        }
        long z = Seeds.mix(seed);
        long s0 = Seeds.mix(z + (2 * index + 1) * Seeds.GOLDEN);
        long s1 = Seeds.mix(z + (2 * index + 2) * Seeds.GOLDEN);
        if (s0 == 0 && s1 == 0) {
            s1 = Seeds.GOLDEN; // the all-zero state is the one state xoroshiro cannot leave
        }
        return new XoRoShiRo128PlusPlus(s0, s1);
    }
}
