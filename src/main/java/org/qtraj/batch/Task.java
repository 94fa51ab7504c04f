package org.qtraj.batch;

import org.qtraj.model.ModelSpec;

/**
 * One unit of work of a plan: a method at one point and disorder sample. The chain is built when the task
 * runs (from {@code model}, which already holds the sample's disorder recipe), so a plan of many large
 * chains does not hold them all in memory. Immutable.
 *
 * @param key          point, sample, method
 * @param point        the sweep point
 * @param model        the point's model with the sample's disorder recipe
 * @param disorderSeed seed of the sample's disorder draw, or null without a disorder ensemble
 * @param seed         the unit's seed, {@link Seeds#derive}(master, point, sample, method)
 * @param method       the method to run
 */
public record Task(TaskKey key, Point point, ModelSpec model, Long disorderSeed, long seed, PointMethod method) {
}
