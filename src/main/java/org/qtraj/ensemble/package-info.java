/**
 * The ensemble driver: independent trajectories on a fork-join pool, trajectory i drawing from its own random stream
 * derived from (master seed, i) ({@link org.qtraj.ensemble.SeedStreams}), folded into a mergeable accumulator in
 * index order, with stop rules (count, target error, time limit), progress reports and resumption at any index
 * ({@link org.qtraj.ensemble.EnsembleDriver}); and derived seeds for units of work
 * ({@link org.qtraj.ensemble.Seeds}). Knows nothing about physics beyond "run one trajectory with this stream, give
 * me a result to fold", which is what lets one driver run quantum and classical trajectories alike; and the
 * {@link org.qtraj.ensemble.Walker} contract (advance by dt, copy from another) that both engines' walkers meet, so that
 * one population-dynamics loop (fcs) clones either.
 *
 * <p>Depends on: stats, errors (and Commons RNG). Used by simulation, fcs, batch and cli; trajectory and classical
 * implement its Walker.
 *
 * <p>Thread-safety: the driver and the seed functions are stateless and thread-safe; each run makes its own pool.
 * Tasks must be safe to call from several threads at once; fold, monitor and progress listener run on the calling
 * thread only. Options and stop rules are immutable. Results are bit-identical for any thread count.
 */
package org.qtraj.ensemble;
