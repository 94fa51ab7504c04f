/**
 * Statistics: one reported value with its standard error and sample count ({@link org.qtraj.stats.Estimate}),
 * and mergeable accumulators: mean and variance by Welford's and Chan's updates ({@link org.qtraj.stats.MeanVar}),
 * ordered lists of named estimators, exact multisets of integer counts with k-statistics and jackknife errors, and
 * lag-1 correlations of count series.
 *
 * <p>Depends on: nothing else in qtraj (the JDK only). Used by ensemble, exact, simulation, fcs, batch and cli.
 *
 * <p>Thread-safety: every type is an immutable value; adding and merging return new values. Floating-point merging
 * is not associative, so callers that want bit-identical results merge in a fixed order (the ensemble driver folds
 * by trajectory index).
 */
package org.qtraj.stats;
