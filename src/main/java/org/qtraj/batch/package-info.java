/**
 * Long batch work: run specifications ({@code runs/*.yaml}: a base model, a sweep, a disorder ensemble, the methods
 * and the observables kept), the plan of units of work they expand to (one {@link org.qtraj.batch.PointMethod} at
 * one point and disorder sample, or one block of it), run directories with durable logs and checkpoints, shards and
 * their merge, and run status. A unit depends only on its chain and its derived seed, so the final files are the
 * same for any thread count, any sequence of interruptions and resumes, and any sharding.
 *
 * <p>Depends on: fcs, simulation, exact, exact.counting, exact.relaxation, trajectory, ensemble, model, stats, io,
 * errors. Used by cli (run, status and merge only). Every spec method kind is a point method of its own here
 * ({@link org.qtraj.batch.MethodKind} is the one registry), binding the library's computation to a spec entry:
 * ensembles resume from checkpoints through {@link org.qtraj.batch.ResumableEnsembles}.
 *
 * <p>Thread-safety: specs, plans, tasks, keys and results are immutable records. Point methods must be thread-safe
 * and deterministic (units run in parallel on the {@link org.qtraj.batch.BatchRunner}'s pool); a
 * {@link org.qtraj.batch.Checkpoint} is confined to the thread running its unit. The run directory is shared by
 * the workers and synchronised inside; a file lock keeps a second run out of it.
 */
package org.qtraj.batch;
