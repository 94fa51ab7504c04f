package org.qtraj.ensemble;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.qtraj.stats.MeanVar;

/**
 * The estimator a stop rule watches: its sample (count, mean, spread) in the accumulator, and the scale a relative
 * target error refers to. By default the scale is |mean|; a monitor whose mean can vanish while the run is
 * meaningful (a heat current near zero beside a finite particle current) gives a scale that cannot vanish, so that
 * a relative target can be met ({@link #of}). Implementations must be pure functions of the accumulator.
 *
 * @param <A> the accumulator
 */
@FunctionalInterface
public interface Monitor<A> {
    /** The monitored estimator's sample in {@code acc}. */
    MeanVar sample(A acc);

    /**
     * The magnitude a relative target error is a fraction of, given {@code sample} = {@link #sample}(acc) (passed in
     * so that it is not computed twice per trajectory); |mean| unless the monitor says otherwise.
     */
    default double scale(A acc, MeanVar sample) {
        return Math.abs(sample.mean());
    }

    /** A monitor whose relative scale is max(|mean|, {@code floor(acc)}). */
    static <A> Monitor<A> of(Function<A, MeanVar> sample, ToDoubleFunction<A> floor) {
        return new Monitor<>() {
            @Override
            public MeanVar sample(A acc) {
                return sample.apply(acc);
            }

            @Override
            public double scale(A acc, MeanVar s) {
                return Math.max(Math.abs(s.mean()), Math.abs(floor.applyAsDouble(acc)));
            }
        };
    }
}
